// 三员分立 through the API and the console: no administrator manages an administrator's account (their own
// included) or hands out an administrator's role; no temporary password is ever in an HTTP response; the
// console (`sanxiang account …`) issues passwords and is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanxiang } from '../cli.js';
import { resetAccount } from '../../src/server/accounts/console.js';
import { Client, DEMO_PASSWORD, loggedIn, startServer, type TestServer } from './harness.js';

let srv: TestServer;
let sys: Client;
let sec: Client;
let aud: Client;
const ids: Record<string, { id: string; version: number }> = {};

beforeAll(async () => {
  srv = await startServer({ cadres: 20 });
  sys = await loggedIn(srv.base, 'sysadmin');
  sec = await loggedIn(srv.base, 'secadmin');
  aud = await loggedIn(srv.base, 'auditadmin');
  for (const u of (await sys.get('/api/admin/users')).body as { id: string; username: string; version: number }[])
    ids[u.username] = u;
});
afterAll(async () => srv?.close());

const stored = async (username: string) =>
  srv.app.ctx.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();

describe('the account list', () => {
  it('names the unit each account is bound to, and none for accounts bound to no unit', async () => {
    const list = (await sys.get('/api/admin/users')).body as { username: string; unitName: string | null }[];
    const byName = new Map(list.map((u) => [u.username, u.unitName]));
    expect(byName.get('city_org')).toBe('南通市');
    expect(byName.get('unit_liaison')).toBe('如东县人民检察院');
    expect(byName.get('sysadmin')).toBeNull();
  });
});

describe('no administrator manages an administrator', () => {
  it('the system administrator cannot reset, disable, rename or strip the factor of secadmin, auditadmin or itself', async () => {
    for (const name of ['secadmin', 'auditadmin', 'sysadmin']) {
      const before = await stored(name);
      for (const change of [
        { resetPassword: true },
        { disabled: true },
        { displayName: '接管' },
        { resetTotp: true },
      ]) {
        const r = await sys.put(`/api/admin/users/${ids[name]!.id}`, { version: ids[name]!.version, ...change });
        expect(r.status, `${name} ${JSON.stringify(change)}`).toBe(403);
        expect(typeof r.body.reason_zh).toBe('string');
        expect(r.body.temporaryPassword).toBeUndefined();
      }
      expect(await stored(name)).toEqual(before);
    }
    // the secadmin still logs in with its own password
    expect((await new Client(srv.base).login('secadmin')).status).toBe(200);
  });

  it('the security administrator cannot give an administrator a record role, nor anyone an administrator role', async () => {
    for (const name of ['sysadmin', 'auditadmin']) {
      const r = await sec.put(`/api/admin/users/${ids[name]!.id}/role`, {
        version: ids[name]!.version,
        role: 'org_officer',
        unitId: null,
      });
      expect(r.status, name).toBe(403);
      expect((await stored(name)).role).not.toBe('org_officer');
    }
    // itself
    const self = await sec.put(`/api/admin/users/${ids.secadmin!.id}/role`, {
      version: ids.secadmin!.version,
      role: 'org_officer',
      unitId: null,
    });
    expect(self.status).toBe(403);
    // an account the system administrator made cannot be made an administrator over HTTP
    const made = await sys.post('/api/admin/users', { username: 'would_be_admin', displayName: '候选' });
    expect(made.status).toBe(201);
    for (const role of ['sys_admin', 'security_admin', 'audit_admin']) {
      const r = await sec.put(`/api/admin/users/${made.body.user.id}/role`, {
        version: made.body.user.version,
        role,
        unitId: null,
      });
      expect(r.status, role).toBe(403);
    }
    expect((await stored('would_be_admin')).role).toBe('unassigned');
  });

  it('refusals are audited', async () => {
    await sys.put(`/api/admin/users/${ids.secadmin!.id}`, { version: ids.secadmin!.version, resetPassword: true });
    const r = await aud.get('/api/audit?action=access.refused&user=sysadmin');
    expect(r.body.total).toBeGreaterThanOrEqual(1);
    expect(r.body.items[0].after.path).toBe(`/api/admin/users/${ids.secadmin!.id}`);
  });
});

describe('no temporary password over HTTP', () => {
  it('a new account gets no password the system administrator could use; the console issues it', async () => {
    const created = await sys.post('/api/admin/users', { username: 'newcomer', displayName: '新同志' });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body)).toEqual(['user']);
    // choosing the first password is not the administrator's either
    const chosen = await sys.post('/api/admin/users', {
      username: 'newcomer2',
      displayName: 'x',
      password: 'Known-To-Admin-1',
    });
    expect(chosen.status).toBe(400);
    expect(chosen.body.field).toBe('password');

    const issued = await resetAccount(srv.store, 'newcomer', { operator: 'test' });
    const c = new Client(srv.base);
    const login = await c.login('newcomer', issued.temporaryPassword);
    expect(login.status).toBe(200);
    expect(login.body.mustChangePassword).toBe(true);
  });

  it('a reset ends the old password and the sessions, and shows no new one', async () => {
    const made = await sys.post('/api/admin/users', { username: 'forgetful', displayName: '健忘' });
    const first = await resetAccount(srv.store, 'forgetful', { operator: 'test' });
    const holder = new Client(srv.base);
    await holder.login('forgetful', first.temporaryPassword);
    await holder.post('/api/auth/password', { oldPassword: first.temporaryPassword, newPassword: 'Holder-Pass-2026' });
    expect((await holder.get('/api/auth/me')).status).toBe(200);

    const version = (await stored('forgetful')).version as number;
    const r = await sys.put(`/api/admin/users/${made.body.user.id}`, { version, resetPassword: true });
    expect(r.status).toBe(200);
    expect(JSON.stringify(r.body)).not.toMatch(/temporaryPassword/);
    expect((await holder.get('/api/auth/me')).status).toBe(401);
    expect((await new Client(srv.base).login('forgetful', 'Holder-Pass-2026')).status).toBe(401);
  });
});

describe('the console', () => {
  it('`account reset-admin` prints a temporary password the administrator must change, and is audited', () => {
    const r = sanxiang(['--data', srv.app.ctx.dataDir, 'account', 'reset-admin', 'secadmin']);
    expect(r.status, r.stderr).toBe(0);
    const temp = /temporary password: (\S+)/.exec(r.stdout)?.[1];
    expect(temp).toBeTruthy();
    return (async () => {
      const c = new Client(srv.base);
      expect((await c.login('secadmin', DEMO_PASSWORD)).status).toBe(401);
      const login = await c.login('secadmin', temp!);
      expect(login.status).toBe(200);
      expect(login.body.mustChangePassword).toBe(true);
      const entries = await aud.get('/api/audit?action=user.reset');
      const mine = entries.body.items.find((e: { targetId: string }) => e.targetId === ids.secadmin!.id);
      expect(mine.username).toMatch(/^console:/);
      expect(JSON.stringify(mine)).not.toContain(temp);
    })();
  });

  it('`account create-admin` makes an administrator; unknown accounts and roles are refused', () => {
    const made = sanxiang([
      '--data',
      srv.app.ctx.dataDir,
      'account',
      'create-admin',
      'audit2',
      '--role',
      'audit_admin',
    ]);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/temporary password: \S+/);
    expect(sanxiang(['--data', srv.app.ctx.dataDir, 'account', 'reset', 'nobody_such']).status).toBe(2);
    expect(
      sanxiang(['--data', srv.app.ctx.dataDir, 'account', 'create-admin', 'x_officer', '--role', 'org_officer']).status,
    ).toBe(2);
  });
});
