// Migration 0026: indexes for the alert list's pages. The list is read newest year first, then by subject, rule
// and id, filtered by any of unit (a subtree), rule, year and state: an index in the list's order lets a page be
// read without sorting every alert in scope, and one per filter that narrows most (rule with year, unit with year)
// lets a filtered page skip the rest. Frozen once released, like every migration.
import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const m0026AlertListIndexes: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createIndex('alerts_list_order')
      .on('alerts')
      .columns(['year', 'subject_id', 'rule_id', 'id'])
      .execute();
    await db.schema.createIndex('alerts_rule_year').on('alerts').columns(['rule_id', 'year']).execute();
    await db.schema.createIndex('alerts_unit_year').on('alerts').columns(['unit_id', 'year']).execute();
  },
  async down(db: AnyDb) {
    for (const name of ['alerts_unit_year', 'alerts_rule_year', 'alerts_list_order'])
      await db.schema.dropIndex(name).execute();
  },
};
