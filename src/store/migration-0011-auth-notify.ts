// Migration 0011 (PostgreSQL only): every change to a session or an account is announced on the channel
// `sanxiang_auth` (payload `s:<session id>`, `u:<user id>`, or `*` after a TRUNCATE), so a server process that
// keeps sessions in memory between requests (src/server/session-cache.ts) forgets one the moment another process
// ends it, disables its user, changes its role or unit, or even only notes its last activity. A trigger, not the
// server's code, sends it: no path that writes these tables (the server, the CLI, an administrator's SQL) can
// forget to. NOTIFY is delivered when the writing transaction commits, and not at all if it rolls back. SQLite has
// no such channel: the server keeps no sessions in memory there. Frozen once released, like every migration.
import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const AUTH_CHANNEL = 'sanxiang_auth';

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

export const m0011AuthNotify: Migration = {
  async up(db: AnyDb) {
    if (!isPostgres(db)) return;
    await sql`create function sanxiang_notify_auth() returns trigger language plpgsql as $$
      begin
        if tg_op = 'TRUNCATE' then
          perform pg_notify('sanxiang_auth', '*');
        elsif tg_table_name = 'sessions' then
          perform pg_notify('sanxiang_auth', 's:' || old.id);
        else
          perform pg_notify('sanxiang_auth', 'u:' || old.id);
        end if;
        return null;
      end $$`.execute(db);
    for (const t of ['sessions', 'users']) {
      await sql`create trigger ${sql.raw(`${t}_notify_auth`)} after update or delete on ${sql.table(t)}
        for each row execute function sanxiang_notify_auth()`.execute(db);
      await sql`create trigger ${sql.raw(`${t}_notify_auth_truncate`)} after truncate on ${sql.table(t)}
        for each statement execute function sanxiang_notify_auth()`.execute(db);
    }
  },
  async down(db: AnyDb) {
    if (!isPostgres(db)) return;
    for (const t of ['sessions', 'users']) {
      await sql`drop trigger ${sql.raw(`${t}_notify_auth`)} on ${sql.table(t)}`.execute(db);
      await sql`drop trigger ${sql.raw(`${t}_notify_auth_truncate`)} on ${sql.table(t)}`.execute(db);
    }
    await sql`drop function sanxiang_notify_auth()`.execute(db);
  },
};
