// Migration 0012_login_guards: what the login needs to refuse guessing and replay without letting anyone lock
// anyone else out.
// - users.totp_last_step: the last TOTP time step (unix seconds / 30) a login or the enabling of TOTP used. A code
//   is accepted only for a later step, so a code seen over someone's shoulder or in a proxy log cannot be used
//   again, nor can an earlier step's code after a later one.
// - login_failures: failed logins per account and source address. The lockout is kept per pair, so a stranger
//   guessing from elsewhere locks only their own address out of that account, never its holder; the per-address
//   rate limit on the login route bounds guessing across many accounts.
// Frozen once released, like every migration.
import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const m0012LoginGuards: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('users').addColumn('totp_last_step', 'bigint').execute();
    await db.schema
      .createTable('login_failures')
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('ip', 'text', (c) => c.notNull())
      .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
      // ISO-8601 UTC text, like every timestamp of the accounts tables
      .addColumn('locked_until', 'text')
      .addPrimaryKeyConstraint('login_failures_pk', ['user_id', 'ip'])
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('login_failures').execute();
    await db.schema.alterTable('users').dropColumn('totp_last_step').execute();
  },
};
