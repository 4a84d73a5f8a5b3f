// The server on PostgreSQL, as a deployment behind a load balancer runs it: two server processes' worth of
// state (two servers, two connection pools) on one database share sessions, scope and versions.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatKey, generateKey } from '../../src/crypto/fields.js';
import { resetAccount } from '../../src/server/accounts/console.js';
import { base32Decode, totp } from '../../src/server/accounts/totp.js';
import { createTestDatabase } from '../pg-harness.js';
import { Client, loggedIn, startServer, subtreeIds, unitIdByName, type TestServer } from './harness.js';
import { expectProfilesMatchStore, PROFILE_KINDS } from './profile-check.js';

let a: TestServer;
let b: TestServer;
let db: { url: string; drop(): Promise<void> };

beforeAll(async () => {
  db = await createTestDatabase(inject('pgUrl'));
  const env = { SANXIANG_KEY: formatKey(generateKey()) };
  a = await startServer({ databaseUrl: db.url, env, cadres: 80 });
  b = await startServer({ databaseUrl: db.url, env, record: false, accounts: false });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await db?.drop();
});

describe('two servers on one PostgreSQL database', () => {
  it('share sessions: log in on one, use and end the session on the other', async () => {
    const c = await loggedIn(a.base, 'org_officer');
    const onB = new Client(b.base);
    onB.cookie = c.cookie;
    expect((await onB.get('/api/auth/me')).body.username).toBe('org_officer');
    expect((await onB.post('/api/auth/logout')).status).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('enforce the same scope', async () => {
    const nantong = await subtreeIds(a.store, await unitIdByName(a.store, '南通市'));
    const all = await a.store.repo('cadres').list({ limit: 100_000 });
    const c = await loggedIn(b.base, 'city_org');
    const r = await c.get('/api/cadres?limit=500');
    expect(r.body.total).toBe(all.filter((x) => nantong.has(x.managingUnitId)).length);
    const outside = all.find((x) => !nantong.has(x.managingUnitId))!;
    const refused = await c.get(`/api/cadres/${outside.id}/profile`);
    expect([refused.status, JSON.stringify(refused.body).includes(outside.name)]).toEqual([404, false]);
    expect((await c.get('/api/cadres/no-such-cadre/profile')).status).toBe(404);
    const inside = all.find((x) => nantong.has(x.managingUnitId))!;
    const p = await c.get(`/api/cadres/${inside.id}/profile`);
    expect(p.status).toBe(200);
    expect(p.body.cadre.idNumber).toBe(inside.idNumber); // decrypted for the reader
    expect((await c.get('/api/dashboard')).body.counts.cadres).toBe(r.body.total);
    expect((await c.get('/api/units/tree')).body[0].name).toBe('南通市');
  });

  it('read a cadre profile as stored: every kind, field for field, in order', async () => {
    const compared = await expectProfilesMatchStore(b, await loggedIn(b.base, 'discipline_officer'), 40);
    for (const kind of PROFILE_KINDS) expect(compared[kind], kind).toBeGreaterThan(0);
  });

  it('refuse a stale version written through the other server', async () => {
    const cadre = (await a.store.repo('cadres').list({ limit: 1 }))[0]!;
    const onA = await loggedIn(a.base, 'org_officer');
    const onB = await loggedIn(b.base, 'org_officer');
    expect((await onA.put(`/api/records/cadres/${cadre.id}`, { version: cadre.version, name: '甲' })).status).toBe(200);
    expect((await onB.put(`/api/records/cadres/${cadre.id}`, { version: cadre.version, name: '乙' })).status).toBe(409);
    expect((await b.store.repo('cadres').get(cadre.id))!.name).toBe('甲');
  });

  it('keep accounts: creation, forced change, TOTP, lockout — and an intact audit chain', async () => {
    const sys = await loggedIn(b.base, 'sysadmin');
    const created = await sys.post('/api/admin/users', { username: 'pg_user', displayName: 'PG' });
    expect(created.status).toBe(201);
    // the first password comes from the console
    const issued = await resetAccount(a.store, 'pg_user', { operator: 'test' });
    const sec = await loggedIn(a.base, 'secadmin');
    const unitId = await unitIdByName(a.store, '南通市');
    const role = await sec.put(`/api/admin/users/${created.body.user.id}/role`, {
      version: issued.user.version,
      role: 'unit_liaison',
      unitId,
    });
    expect(role.status).toBe(200);
    const u = await loggedIn(a.base, 'pg_user', issued.temporaryPassword);
    expect((await u.get('/api/cadres')).status).toBe(403);
    expect(
      (await u.post('/api/auth/password', { oldPassword: issued.temporaryPassword, newPassword: 'Pg-User-Pass-2' }))
        .status,
    ).toBe(200);
    expect((await u.get('/api/cadres')).status).toBe(200);
    const setup = await u.post('/api/auth/totp/setup');
    const code = totp(base32Decode(setup.body.secret), Math.floor(Date.now() / 1000));
    expect((await u.post('/api/auth/totp/enable', { code })).status).toBe(200);
    const again = new Client(b.base);
    expect((await again.login('pg_user', 'Pg-User-Pass-2')).body.needsTotp).toBe(true);
    for (let i = 0; i < 5; i++) await again.login('pg_user', 'Wrong-Pass-123');
    // locked: the right password and a fresh code get the answer of a wrong password
    const fresh = totp(base32Decode(setup.body.secret), Math.floor(Date.now() / 1000) + 30);
    const locked = await again.login('pg_user', 'Pg-User-Pass-2', fresh);
    expect([locked.status, locked.body.reason]).toEqual([401, 'invalid username or password']);
    const audit = await loggedIn(a.base, 'auditadmin');
    const v = await audit.post('/api/audit/verify');
    expect(v.body.ok).toBe(true);
    expect(v.body.count).toBeGreaterThan(10);
  });
});
