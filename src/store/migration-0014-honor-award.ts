// Migration 0014: which title of which article an honour is (表彰的评选项目), for the honours rules rely on (江苏
// 鼓励激励办法 第七条（二）（三）). Rules read this column and never the free-text title, so an unrelated title that
// happens to contain the same words cannot count. Null for every other honour and for rows older than this migration.
// Frozen once released, like every migration.
import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const m0014HonorAward: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('honors').addColumn('award', 'text').execute();
  },
  async down(db: AnyDb) {
    await db.schema.alterTable('honors').dropColumn('award').execute();
  },
};
