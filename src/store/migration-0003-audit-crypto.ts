// Migration 0003 (security): the append-only audit trail. Frozen once released, like every migration.
// Encrypted fields need no schema change: an SM4 ciphertext is text in the same column (see src/crypto).
import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const m0003AuditCrypto: Migration = {
  async up(db: AnyDb) {
    // seq is assigned by the appender (head + 1 inside its transaction), never by the database, because it is
    // part of what each hash covers.
    await db.schema
      .createTable('audit_log')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text')
      .addColumn('username', 'text')
      .addColumn('role', 'text')
      .addColumn('unit_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_kind', 'text')
      .addColumn('target_id', 'text')
      .addColumn('before_json', 'text')
      .addColumn('after_json', 'text')
      .addColumn('ip', 'text')
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
    await db.schema.createIndex('audit_log_user_at').on('audit_log').columns(['username', 'at']).execute();
    await db.schema.createIndex('audit_log_target').on('audit_log').columns(['target_kind', 'target_id']).execute();

    // Append-only in the database itself, not only in the application: the application role cannot change or
    // remove history. (Someone who can drop triggers can still tamper; the SM3 chain is what detects that.)
    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      await sql`create function sanxiang_audit_append_only() returns trigger language plpgsql as $$
        begin
          raise exception '审计日志只能追加 (audit_log is append-only: % refused)', tg_op;
        end $$`.execute(db);
      await sql`create trigger audit_log_no_change before update or delete on audit_log
        for each row execute function sanxiang_audit_append_only()`.execute(db);
      await sql`create trigger audit_log_no_truncate before truncate on audit_log
        for each statement execute function sanxiang_audit_append_only()`.execute(db);
    } else {
      await sql`create trigger audit_log_no_update before update on audit_log
        begin select raise(abort, '审计日志只能追加 (audit_log is append-only: update refused)'); end`.execute(db);
      await sql`create trigger audit_log_no_delete before delete on audit_log
        begin select raise(abort, '审计日志只能追加 (audit_log is append-only: delete refused)'); end`.execute(db);
    }
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('audit_log').execute();
    if (db.getExecutor().adapter instanceof PostgresAdapter)
      await sql`drop function if exists sanxiang_audit_append_only()`.execute(db);
  },
};
