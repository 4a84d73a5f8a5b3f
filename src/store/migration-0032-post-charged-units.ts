// Migration 0032: a team member's 分管部门单位 (the units the post is in charge of), as a JSON list of unit ids. Null
// until entered: posts recorded before this migration, and imports without the column, say nothing about it, which
// the talk coverage reports rather than guessing. Frozen once released, like every migration.
import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const m0032PostChargedUnits: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('posts').addColumn('charged_unit_ids', 'text').execute();
  },
  async down(db: AnyDb) {
    await db.schema.alterTable('posts').dropColumn('charged_unit_ids').execute();
  },
};
