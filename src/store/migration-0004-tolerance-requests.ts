// Migration 0004: 容错申请 (tolerance requests) as a record kind. Like honors and determinations a request concerns
// a unit or a cadre (subject_type says which), so no foreign key can hold the subject: it is indexed and checked
// by the writers (import, the records API). `findings` is a JSON object of boolean flags (DESIGN §4), text on both
// engines like the other JSON columns. Frozen once released, like every migration.
import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const m0004ToleranceRequests: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('tolerance_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      // the locator of the clause the request relies on, in the governing pack's tolerance text
      .addColumn('situation', 'text', (c) => c.notNull())
      .addColumn('findings', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('statement', 'text')
      .execute();
    // a subject's requests (profiles, the anhui same-year grouping, import's duplicate check), in date order
    await db.schema
      .createIndex('tolerance_requests_subject')
      .on('tolerance_requests')
      .columns(['subject_id', 'date'])
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('tolerance_requests').execute();
  },
};
