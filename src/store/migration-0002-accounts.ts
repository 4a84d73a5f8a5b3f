// Migration 0002_accounts: the server's users and sessions (PLATFORM.md "Tables"). Sessions live in the database
// so several server processes (on PostgreSQL) share them. Timestamps are ISO-8601 UTC text ('…Z'), which
// compares correctly as text on both engines. Frozen once released, like every migration.
import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const m0002Accounts: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      // one of the roles of DESIGN §1, or 'unassigned' (created by the system administrator, not yet given a
      // role by the security administrator: 三员分立)
      .addColumn('role', 'text', (c) => c.notNull())
      // the unit whose subtree the user reaches; null = the whole record
      .addColumn('unit_id', 'text', (c) => c.references('units.id'))
      // the cadre role's own record
      .addColumn('cadre_id', 'text', (c) => c.references('cadres.id'))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('totp_secret', 'text')
      .addColumn('totp_enabled', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('disabled', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey()) // sha256 of the token; the token itself is never stored
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('second_factor_ok', 'boolean', (c) => c.notNull().defaultTo(false))
      .execute();
    await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('sessions').execute();
    await db.schema.dropTable('users').execute();
  },
};
