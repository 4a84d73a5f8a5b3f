// Accounts through the API: lockout after 5 failures for 15 minutes, the forced password change, the idle
// timeout, the TOTP second factor, login auditing, and 429 on login flooding.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetAccount } from '../../src/server/accounts/console.js';
import { hashPassword } from '../../src/server/accounts/password.js';
import { base32Decode, totp } from '../../src/server/accounts/totp.js';
import { insertUser } from '../../src/server/accounts/users.js';
import { Client, DEMO_PASSWORD, loggedIn, startServer, type TestServer } from './harness.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer({ cadres: 60 });
});
afterAll(async () => srv?.close());

const MIN = 60_000;

/** An account with a record role and a known password, made directly in the store (no administrator knows it). */
async function account(username: string, password = DEMO_PASSWORD) {
  return insertUser(
    srv.app.ctx.db,
    {
      username,
      displayName: username,
      role: 'committee_member',
      passwordHash: await hashPassword(password),
      mustChangePassword: false,
    },
    srv.now(),
  );
}

describe('lockout', () => {
  it('locks the account for 15 minutes after 5 failed logins, even for the right password', async () => {
    const c = new Client(srv.base);
    for (let i = 0; i < 4; i++) expect((await c.login('committee_member', 'Wrong-Pass-123')).status).toBe(401);
    // four failures: not locked yet
    const fourth = await loggedIn(srv.base, 'committee_member');
    expect((await fourth.get('/api/auth/me')).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await c.login('committee_member', 'Wrong-Pass-123')).status).toBe(401);
    // locked: even the right password gets exactly the answer of a wrong one
    const wrong = await c.login('committee_member', 'Wrong-Pass-123');
    const locked = await c.login('committee_member');
    expect(locked.status).toBe(401);
    expect(locked.body).toEqual(wrong.body);
    srv.advance(14 * MIN);
    expect((await c.login('committee_member')).status).toBe(401);
    srv.advance(1 * MIN + 1000);
    const ok = await c.login('committee_member');
    expect(ok.status).toBe(200);
    expect(ok.body.user.failedLogins).toBe(0);
  });

  it('a success resets the count of failures', async () => {
    const c = new Client(srv.base);
    for (let i = 0; i < 4; i++) await c.login('accountability_officer', 'Wrong-Pass-123');
    expect((await c.login('accountability_officer')).status).toBe(200);
    for (let i = 0; i < 4; i++) await c.login('accountability_officer', 'Wrong-Pass-123');
    expect((await c.login('accountability_officer')).status).toBe(200);
  });

  it('guessing the old password through a session counts as failed logins too', async () => {
    const c = await loggedIn(srv.base, 'city_org');
    for (let i = 0; i < 4; i++)
      expect(
        (await c.post('/api/auth/password', { oldPassword: 'Guess-Pass-123', newPassword: 'New-Pass-12345' })).status,
      ).toBe(400);
    const fifth = await c.post('/api/auth/password', { oldPassword: 'Guess-Pass-123', newPassword: 'New-Pass-12345' });
    expect(fifth.status).toBe(401);
    expect((await c.get('/api/auth/me')).status).toBe(401);
    expect((await new Client(srv.base).login('city_org')).status).toBe(401);
  });
});

describe('no account enumeration', () => {
  it('an unknown name, a disabled account, a locked account and a wrong password get the same answer', async () => {
    const liaison = await account('county_liaison');
    await account('county_org');
    const sys = await loggedIn(srv.base, 'sysadmin');
    expect((await sys.put(`/api/admin/users/${liaison.id}`, { version: liaison.version, disabled: true })).status).toBe(
      200,
    );
    const c = new Client(srv.base);
    for (let i = 0; i < 5; i++) await c.login('county_org', 'Wrong-Pass-123');
    const answers = [
      await c.login('nobody_here_at_all', DEMO_PASSWORD),
      await c.login('county_liaison', DEMO_PASSWORD), // disabled, right password
      await c.login('county_liaison', 'Wrong-Pass-123'), // disabled, wrong password
      await c.login('county_org', DEMO_PASSWORD), // locked, right password
      await c.login('org_officer', 'Wrong-Pass-123'), // wrong password
    ];
    for (const a of answers) {
      expect(a.status).toBe(401);
      expect(a.body).toEqual({ reason_zh: '用户名或密码错误', reason: 'invalid username or password' });
    }
    // the reasons are in the audit trail, for the audit administrator only
    const audit = await loggedIn(srv.base, 'auditadmin');
    const failed = await audit.get('/api/audit?action=login.failed&user=county_liaison');
    expect(failed.body.items[0].after.reason).toBe('account disabled');
  });
});

describe('lockout per account and address', () => {
  it('someone guessing from another address cannot lock the holder out', async () => {
    const proxied = await startServer({ cadres: 10, env: { SANXIANG_TRUST_PROXY: '1' } });
    try {
      const from = (ip: string) => {
        const c = new Client(proxied.base);
        const login = (password: string) =>
          c.req('POST', '/api/auth/login', { username: 'org_officer', password }, { 'x-forwarded-for': ip });
        return { c, login };
      };
      const attacker = from('203.0.113.9');
      for (let i = 0; i < 8; i++) expect((await attacker.login('Wrong-Pass-123')).status).toBe(401);
      // the guesser is locked out, even with the right password…
      expect((await attacker.login(DEMO_PASSWORD)).status).toBe(401);
      // …the holder, elsewhere, is not
      expect((await from('198.51.100.7').login(DEMO_PASSWORD)).status).toBe(200);
      const a = await loggedIn(proxied.base, 'auditadmin');
      const lock = await a.get('/api/audit?action=account.locked');
      expect(lock.body.items[0].after.ip).toBe('203.0.113.9');
      // the system administrator lifts the lockout
      const sys = await loggedIn(proxied.base, 'sysadmin');
      const users = (await sys.get('/api/admin/users')).body as { id: string; username: string; version: number }[];
      const officer = users.find((u) => u.username === 'org_officer')!;
      const unlocked = await sys.put(`/api/admin/users/${officer.id}`, { version: officer.version, unlock: true });
      expect(unlocked.status).toBe(200);
      expect((await attacker.login(DEMO_PASSWORD)).status).toBe(200);
    } finally {
      await proxied.close();
    }
  });
});

describe('session cookie', () => {
  it('logout clears the cookie with the same attributes it was set with', async () => {
    const c = await loggedIn(srv.base, 'committee_member');
    const r = await c.post('/api/auth/logout');
    expect(r.status).toBe(200);
    const set = r.headers.getSetCookie().find((x) => x.startsWith('sx_session='))!;
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Strict/i);
    expect(set).toMatch(/Path=\//);
  });

  it('is Secure when the deployment is HTTPS (as the trusted proxy says), not over plain HTTP', async () => {
    const proxied = await startServer({ record: false, env: { SANXIANG_TRUST_PROXY: '1' } });
    try {
      const body = { username: 'org_officer', password: DEMO_PASSWORD };
      const overHttps = await new Client(proxied.base).req('POST', '/api/auth/login', body, {
        'x-forwarded-proto': 'https',
      });
      expect(overHttps.headers.getSetCookie().find((x) => x.startsWith('sx_session='))).toMatch(/;\s*Secure/i);
      const plain = await new Client(proxied.base).login('org_officer');
      expect(plain.headers.getSetCookie().find((x) => x.startsWith('sx_session='))).not.toMatch(/Secure/i);
    } finally {
      await proxied.close();
    }
  });
});

describe('first login', () => {
  it('forces a password change before anything but /auth/*', async () => {
    const sys = await loggedIn(srv.base, 'sysadmin');
    const created = await sys.post('/api/admin/users', { username: 'new_officer', displayName: '新同志' });
    expect(created.status).toBe(201);
    expect(created.body.user.role).toBe('unassigned');
    // the first password comes from the console, never from the administrator's response
    const issued = await resetAccount(srv.store, 'new_officer', { operator: 'test' });
    const temp = issued.temporaryPassword;

    const sec = await loggedIn(srv.base, 'secadmin');
    const role = await sec.put(`/api/admin/users/${created.body.user.id}/role`, {
      version: issued.user.version,
      role: 'org_officer',
      unitId: null,
    });
    expect(role.status).toBe(200);

    const c = new Client(srv.base);
    const login = await c.login('new_officer', temp);
    expect(login.status).toBe(200);
    expect(login.body.mustChangePassword).toBe(true);
    const blocked = await c.get('/api/cadres');
    expect(blocked.status).toBe(403);
    expect(blocked.body.reason).toBe('password change required');
    expect((await c.get('/api/auth/me')).status).toBe(200);

    const weak = await c.post('/api/auth/password', { oldPassword: temp, newPassword: 'short1A' });
    expect(weak.status).toBe(400);
    expect(weak.body.field).toBe('newPassword');
    const wrongOld = await c.post('/api/auth/password', { oldPassword: 'Not-It-123', newPassword: 'Brand-New-Pass-9' });
    expect(wrongOld.status).toBe(400);
    expect(wrongOld.body.field).toBe('oldPassword');

    expect((await c.post('/api/auth/password', { oldPassword: temp, newPassword: 'Brand-New-Pass-9' })).status).toBe(
      200,
    );
    expect((await c.get('/api/cadres?limit=1')).status).toBe(200);
    expect((await new Client(srv.base).login('new_officer', temp)).status).toBe(401);
    expect((await new Client(srv.base).login('new_officer', 'Brand-New-Pass-9')).status).toBe(200);
  });

  it('an account without a role reaches nothing but its own session', async () => {
    const sys = await loggedIn(srv.base, 'sysadmin');
    const created = await sys.post('/api/admin/users', { username: 'no_role', displayName: '无角色' });
    const temp = (await resetAccount(srv.store, 'no_role', { operator: 'test' })).temporaryPassword;
    const c = new Client(srv.base);
    await c.login('no_role', temp);
    await c.post('/api/auth/password', { oldPassword: temp, newPassword: 'No-Role-Pass-2' });
    expect((await c.get('/api/auth/me')).body.id).toBe(created.body.user.id);
    expect((await c.get('/api/cadres')).status).toBe(403);
    expect((await c.get('/api/units/tree')).status).toBe(403);
  });

  it('a disabled account cannot log in and its sessions end', async () => {
    const sys = await loggedIn(srv.base, 'sysadmin');
    const created = await sys.post('/api/admin/users', { username: 'to_disable', displayName: 'x' });
    const issued = await resetAccount(srv.store, 'to_disable', { operator: 'test' });
    const c = new Client(srv.base);
    expect((await c.login('to_disable', issued.temporaryPassword)).status).toBe(200);
    const r = await sys.put(`/api/admin/users/${created.body.user.id}`, {
      version: issued.user.version,
      disabled: true,
    });
    expect(r.status).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(401);
    expect((await new Client(srv.base).login('to_disable', issued.temporaryPassword)).status).toBe(401);
  });
});

describe('idle timeout', () => {
  it('ends a session idle for more than 30 minutes; activity keeps it alive', async () => {
    const c = await loggedIn(srv.base, 'discipline_officer');
    srv.advance(25 * MIN);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    srv.advance(25 * MIN); // 50 minutes since login, 25 since the last request
    expect((await c.get('/api/auth/me')).status).toBe(200);
    srv.advance(31 * MIN);
    const r = await c.get('/api/auth/me');
    expect(r.status).toBe(401);
    expect(r.body.reason).toBe('session expired');
  });

  it('is configurable', async () => {
    const short = await startServer({ cadres: 10, sessionIdleMinutes: 2 });
    try {
      const c = await loggedIn(short.base, 'org_officer');
      short.advance(1 * MIN);
      expect((await c.get('/api/auth/me')).status).toBe(200);
      short.advance(2 * MIN + 1000);
      expect((await c.get('/api/auth/me')).status).toBe(401);
    } finally {
      await short.close();
    }
  });
});

describe('TOTP second factor', () => {
  it('set up, enabled with a first code, then required at login; the secret is stored encrypted', async () => {
    const c = await loggedIn(srv.base, 'unit_liaison');
    const setup = await c.post('/api/auth/totp/setup');
    expect(setup.status).toBe(200);
    expect(setup.body.otpauthUrl).toContain('otpauth://totp/');
    const key = base32Decode(setup.body.secret);
    const code = (offsetSteps = 0) => totp(key, Math.floor(srv.now().getTime() / 1000) + offsetSteps * 30);

    expect((await c.post('/api/auth/totp/enable', { code: code() === '000000' ? '111111' : '000000' })).status).toBe(
      400,
    );
    expect((await c.post('/api/auth/totp/enable', { code: code() })).status).toBe(200);
    expect((await c.get('/api/auth/me')).body.totpEnabled).toBe(true);

    const row = await srv.app.ctx.db
      .selectFrom('users')
      .select('totp_secret')
      .where('username', '=', 'unit_liaison')
      .executeTakeFirst();
    expect(String(row!.totp_secret).startsWith('sm4:')).toBe(true);
    expect(String(row!.totp_secret)).not.toContain(setup.body.secret);

    const d = new Client(srv.base);
    const first = await d.login('unit_liaison');
    expect(first.status).toBe(200);
    expect(first.body.needsTotp).toBe(true);
    expect(d.cookie).toBe('');
    expect((await d.get('/api/auth/me')).status).toBe(401);
    expect((await d.login('unit_liaison', DEMO_PASSWORD, code(5))).status).toBe(401);
    srv.advance(30_000); // the code that enabled the factor is spent: the next step's code
    const ok = await d.login('unit_liaison', DEMO_PASSWORD, code());
    expect(ok.status).toBe(200);
    expect(ok.body.needsTotp).toBe(false);
    expect((await d.get('/api/cadres?limit=1')).status).toBe(200);

    // replay: the same code again, or the previous step's code after this one, opens nothing
    const again = await new Client(srv.base).login('unit_liaison', DEMO_PASSWORD, code());
    expect(again.status).toBe(401);
    expect((await new Client(srv.base).login('unit_liaison', DEMO_PASSWORD, code(-1))).status).toBe(401);
    srv.advance(30_000);
    expect((await new Client(srv.base).login('unit_liaison', DEMO_PASSWORD, code())).status).toBe(200);
  });

  it('the code that enabled the factor cannot also log in', async () => {
    await account('totp_user');
    const c = await loggedIn(srv.base, 'totp_user');
    const setup = await c.post('/api/auth/totp/setup');
    const key = base32Decode(setup.body.secret);
    const code = totp(key, Math.floor(srv.now().getTime() / 1000));
    expect((await c.post('/api/auth/totp/enable', { code })).status).toBe(200);
    expect((await new Client(srv.base).login('totp_user', DEMO_PASSWORD, code)).status).toBe(401);
  });
});

describe('audit of logins', () => {
  it('records successes and failures', async () => {
    const c = new Client(srv.base);
    await c.login('org_officer', 'Wrong-Pass-123');
    await c.login('org_officer');
    await c.login('nobody_at_all', 'Wrong-Pass-123');
    const a = await loggedIn(srv.base, 'auditadmin');
    const failed = await a.get('/api/audit?action=login.failed&user=org_officer');
    expect(failed.body.total).toBeGreaterThanOrEqual(1);
    expect(failed.body.items[0].after.reason).toBe('bad password');
    expect((await a.get('/api/audit?action=login&user=org_officer')).body.total).toBeGreaterThanOrEqual(1);
    expect((await a.get('/api/audit?action=login.failed&user=nobody_at_all')).body.total).toBe(1);
    const v = await a.post('/api/audit/verify');
    expect(v.body.ok).toBe(true);
  });
});

describe('login flooding', () => {
  it('answers 429 beyond the per-IP limit, with the contract’s body', async () => {
    const small = await startServer({ record: false, loginRateLimit: { max: 3, timeWindowMs: 60_000 } });
    try {
      const c = new Client(small.base);
      for (let i = 0; i < 3; i++) expect((await c.login('org_officer', 'Wrong-Pass-123')).status).toBe(401);
      const r = await c.login('org_officer');
      expect(r.status).toBe(429);
      expect(r.body.reason).toBe('too many login attempts');
      expect(typeof r.body.reason_zh).toBe('string');
      // other routes are not limited
      expect((await c.get('/api/health')).status).toBe(200);
    } finally {
      await small.close();
    }
  });
});
