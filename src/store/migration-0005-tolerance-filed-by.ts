// Migration 0005: who filed a tolerance request (容错申请). Case files are visible only to the roles taking part in
// the case (DESIGN §1): an accountability department or a unit liaison takes part in the requests it filed, so the
// server records the filing account (users.id) when a request is created or imported through the API — never a
// value the client sends. Null for requests that did not come through the API (the CLI import, the generated
// record, rows older than this migration): only the roles that see every request in scope see those. No foreign
// key to users: the record tables stand apart from the accounts (a record is imported and exported without them).
// Frozen once released, like every migration.
import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const m0005ToleranceFiledBy: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('tolerance_requests').addColumn('filed_by', 'text').execute();
    // a filer's own requests (the list an accountability officer or unit liaison sees)
    await db.schema.createIndex('tolerance_requests_filed_by').on('tolerance_requests').column('filed_by').execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropIndex('tolerance_requests_filed_by').execute();
    await db.schema.alterTable('tolerance_requests').dropColumn('filed_by').execute();
  },
};
