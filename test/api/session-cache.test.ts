// Sessions kept in memory on PostgreSQL (src/server/session-cache.ts), as two server processes behind a load
// balancer run them: what one server (or anyone writing to the database) changes about a session or an account
// holds on the other as well — at once on the server that made the change, as soon as the database's message
// arrives on the other. And the kept sessions are really kept: a change that sends no message (triggers switched
// off) is not seen while the message channel is up, and is seen once the channel is lost.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatKey, generateKey } from '../../src/crypto/fields.js';
import { tokenHash } from '../../src/server/accounts/users.js';
import { createTestDatabase } from '../pg-harness.js';
import { Client, loggedIn, startServer, type TestServer } from './harness.js';

let a: TestServer;
let b: TestServer;
let db: { url: string; drop(): Promise<void> };
let sql: pg.Client;
// servers sharing a database share its field key
const KEY_ENV = { SANXIANG_KEY: formatKey(generateKey()) };

beforeAll(async () => {
  db = await createTestDatabase(inject('pgUrl'));
  a = await startServer({ databaseUrl: db.url, env: KEY_ENV, cadres: 40 });
  b = await startServer({ databaseUrl: db.url, env: KEY_ENV, record: false, accounts: false });
  sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  // both servers listening before anything is kept
  await until(async () => a.app.ctx.sessions !== undefined && b.app.ctx.sessions !== undefined);
});
afterAll(async () => {
  await sql?.end();
  await a?.close();
  await b?.close();
  await db?.drop();
});

/** Polls `cond` every 10 ms for up to `ms`; true once it holds. */
async function until(cond: () => Promise<boolean>, ms = 2000): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if (await cond()) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The same session on server b. */
function onB(c: Client): Client {
  const x = new Client(b.base);
  x.cookie = c.cookie;
  return x;
}

const status = async (c: Client, path = '/api/auth/me') => (await c.get(path)).status;
const refusedOn = (c: Client) => until(async () => (await status(c)) === 401);
const token = (c: Client) => decodeURIComponent(/sx_session=([^;]+)/.exec(c.cookie!)![1]!);

/** Deletes the session with the triggers switched off for this one transaction: no message is sent. */
async function deleteWithoutMessage(c: Client): Promise<void> {
  await sql.query('begin');
  await sql.query('set local session_replication_role = replica');
  await sql.query('delete from sessions where id = $1', [tokenHash(token(c))]);
  await sql.query('commit');
}

describe('sessions kept in memory on PostgreSQL', () => {
  it('are used on both servers, and a logout on one ends the session on both', async () => {
    expect(a.app.ctx.sessions && b.app.ctx.sessions).toBeTruthy();
    const c = await loggedIn(a.base, 'org_officer');
    const other = onB(c);
    expect([await status(c), await status(other)]).toEqual([200, 200]);
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    expect(await status(c)).toBe(401); // the server that committed the logout: at once
    expect(await refusedOn(other)).toBe(true);
  });

  it("follow an account's changes made on the other server: role changed, disabled", async () => {
    const officer = await loggedIn(a.base, 'discipline_officer');
    expect(await status(officer, '/api/cadres?limit=1')).toBe(200);
    const user = (await officer.get('/api/auth/me')).body;
    // the security administrator changes the role on b: the sessions of the account end (new powers at the next
    // login), also the one a keeps
    const sec = await loggedIn(b.base, 'secadmin');
    const changed = await sec.put(`/api/admin/users/${user.id}/role`, {
      version: user.version,
      role: 'committee_member',
      unitId: null,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(await refusedOn(officer)).toBe(true);
    // logged in again on a with the new role: a's session carries it
    const again = await loggedIn(a.base, 'discipline_officer');
    const now = (await again.get('/api/auth/me')).body;
    expect([now.role, await status(again, '/api/cadres?limit=1')]).toEqual(['committee_member', 200]);
    // disabled on b: refused on a
    const sys = await loggedIn(b.base, 'sysadmin');
    const disabled = await sys.put(`/api/admin/users/${user.id}`, {
      version: now.version,
      disabled: true,
    });
    expect(disabled.status, JSON.stringify(disabled.body)).toBe(200);
    expect(await refusedOn(again)).toBe(true);
  });

  it('follow any writer of the database, not only the servers: a session deleted with SQL', async () => {
    const c = await loggedIn(a.base, 'org_officer');
    const other = onB(c);
    expect([await status(c), await status(other)]).toEqual([200, 200]);
    await sql.query('delete from sessions where id = $1', [tokenHash(token(c))]);
    expect([await refusedOn(c), await refusedOn(other)]).toEqual([true, true]);
  });

  it('are kept between requests, and read from the database while the message channel is down', async () => {
    const c = await loggedIn(a.base, 'org_officer');
    const other = onB(c);
    expect(await status(other)).toBe(200);
    // deleted without a message (triggers off for this one connection): b goes on using what it keeps
    await deleteWithoutMessage(c);
    expect(await status(other)).toBe(200);
    // the listening connections lost: nothing is kept until they listen again, so the deletion counts
    await sql.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where application_name like 'sanxiang-listen-%'`,
    );
    expect(await refusedOn(other)).toBe(true);
    // they come back by themselves, and sessions are kept again and follow changes again
    const d = await loggedIn(a.base, 'org_officer');
    const dOnB = onB(d);
    const listening = async () =>
      Number(
        (await sql.query(`select count(*) from pg_stat_activity where application_name like 'sanxiang-listen-%'`))
          .rows[0].count,
      ) === 2;
    expect(await until(listening, 5000)).toBe(true);
    expect(await status(dOnB)).toBe(200);
    expect((await d.post('/api/auth/logout')).status).toBe(200);
    expect(await refusedOn(dOnB)).toBe(true);
  });

  it('are not kept with SANXIANG_SESSION_CACHE=off: every request reads its session', async () => {
    const env = { ...KEY_ENV, SANXIANG_SESSION_CACHE: 'off' };
    const off = await startServer({ databaseUrl: db.url, env, record: false, accounts: false });
    try {
      const c = await loggedIn(a.base, 'org_officer');
      const onOff = new Client(off.base);
      onOff.cookie = c.cookie;
      expect(await status(onOff)).toBe(200);
      // deleted without a message: a server that keeps nothing sees it on the next request
      await deleteWithoutMessage(c);
      expect(await status(onOff)).toBe(401);
    } finally {
      await off.close();
    }
  });
});
