// JSON bodies are validated as sent, never type-coerced: a number where text is expected, a string where an
// integer is expected or a boolean where text is expected is a 400 {field, reason_zh, reason} and nothing
// changes. Querystrings and URL params still arrive as text and are coerced to their schema's types.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, startServer, type Client, type TestServer } from './harness.js';

let srv: TestServer;
let org: Client;
let cadre: { id: string; version: number; name: string; managingUnitId: string };

beforeAll(async () => {
  srv = await startServer({ cadres: 40 });
  org = await loggedIn(srv.base, 'org_officer');
  cadre = (await srv.store.repo('cadres').list({ limit: 1 }))[0]!;
});
afterAll(async () => srv?.close());

const HAN = /[\u4e00-\u9fff]/;

/** The contract's 400 naming `field` as of the wrong type, with a Chinese and an English reason. */
function expectFieldError(r: { status: number; body: Record<string, unknown> }, field: string) {
  expect(r.status).toBe(400);
  expect(r.body.field).toBe(field);
  expect(r.body.reason_zh).toMatch(HAN);
  expect(r.body.reason_zh).toContain('类型错误');
  expect(r.body.reason_zh).toContain(field);
  expect(r.body.reason).toMatch(/^[\x20-\x7e]+$/);
  expect(r.body.reason).toContain(field);
}

/** The cadre as the API returns it now. */
async function readBack(id: string) {
  const r = await org.get(`/api/records/cadres/${id}`);
  expect(r.status).toBe(200);
  return r.body as { name: string; version: number; gender: string | null };
}

describe('record create', () => {
  const newCadre = (over: Record<string, unknown>) => ({
    id: 'STRICT-1',
    name: '严格校验',
    category: '公务员',
    managingUnitId: cadre.managingUnitId,
    ...over,
  });

  it('refuses a number for a text field and creates nothing', async () => {
    const before = await srv.store.repo('cadres').count();
    expectFieldError(await org.post('/api/records/cadres', newCadre({ name: 123 })), 'name');
    expect(await srv.store.repo('cadres').count()).toBe(before);
    expect((await org.get('/api/records/cadres/STRICT-1')).status).toBe(404);
  });

  it('refuses a string for an integer field (a year as text)', async () => {
    const before = await srv.store.repo('cadreAssessments').count();
    const r = await org.post('/api/records/cadreAssessments', { cadreId: cadre.id, year: '2019', grade: '称职' });
    expectFieldError(r, 'year');
    expect(await srv.store.repo('cadreAssessments').count()).toBe(before);
  });

  it('the same record with the right types is accepted', async () => {
    const r = await org.post('/api/records/cadreAssessments', { cadreId: cadre.id, year: 2019, grade: '称职' });
    expect(r.status).toBe(201);
    expect(r.body.year).toBe(2019);
  });
});

describe('record update', () => {
  it('refuses a number for a text field and leaves the record unchanged', async () => {
    const r = await org.put(`/api/records/cadres/${cadre.id}`, { version: cadre.version, name: 123 });
    expectFieldError(r, 'name');
    const now = await readBack(cadre.id);
    expect(now.name).toBe(cadre.name);
    expect(now.version).toBe(cadre.version);
  });

  it('refuses a version sent as a string', async () => {
    const r = await org.put(`/api/records/cadres/${cadre.id}`, { version: String(cadre.version), name: '改名' });
    expectFieldError(r, 'version');
    const now = await readBack(cadre.id);
    expect(now.name).toBe(cadre.name);
    expect(now.version).toBe(cadre.version);
  });

  it('refuses a boolean for a text field and a string for a boolean field', async () => {
    expectFieldError(await org.put(`/api/records/cadres/${cadre.id}`, { version: cadre.version, name: true }), 'name');
    const post = (await srv.store.repo('posts').list({ limit: 1 }))[0]!;
    const r = await org.put(`/api/records/posts/${post.id}`, { version: post.version, partySecretary: 'true' });
    expectFieldError(r, 'partySecretary');
    expect((await srv.store.repo('posts').get(post.id))!.version).toBe(post.version);
    expect((await readBack(cadre.id)).version).toBe(cadre.version);
  });

  it('refuses null for a text field that is required (no silent empty string)', async () => {
    const r = await org.put(`/api/records/cadres/${cadre.id}`, { version: cadre.version, name: null });
    expectFieldError(r, 'name');
    expect((await readBack(cadre.id)).name).toBe(cadre.name);
  });

  it('a well-typed edit still goes through', async () => {
    const r = await org.put(`/api/records/cadres/${cadre.id}`, { version: cadre.version, name: '类型正确' });
    expect(r.status).toBe(200);
    expect(r.body.version).toBe(cadre.version + 1);
    expect((await readBack(cadre.id)).name).toBe('类型正确');
  });
});

describe('other bodies', () => {
  it('a login with a number for the username is a 400 naming it', async () => {
    const r = await org.post('/api/auth/login', { username: 12345, password: 'x' });
    expectFieldError(r, 'username');
  });

  it('an account update with a string version is a 400', async () => {
    const sys = await loggedIn(srv.base, 'sysadmin');
    const users = (await sys.get('/api/admin/users')).body as { id: string; username: string; version: number }[];
    const target = users.find((u) => u.username === 'cadre')!;
    const r = await sys.put(`/api/admin/users/${target.id}`, { version: String(target.version), disabled: true });
    expectFieldError(r, 'version');
    const after = (await sys.get('/api/admin/users')).body as { id: string; disabled: boolean; version: number }[];
    const same = after.find((u) => u.id === target.id)!;
    expect(same.disabled).toBe(false);
    expect(same.version).toBe(target.version);
  });
});

describe('querystrings and params are still coerced from text', () => {
  it('?limit=20&offset=0 on the roster and on a record list', async () => {
    const roster = await org.get('/api/cadres?limit=20&offset=0');
    expect(roster.status).toBe(200);
    expect(roster.body.items.length).toBeGreaterThan(0);
    expect(roster.body.items.length).toBeLessThanOrEqual(20);
    const list = await org.get('/api/records/posts?limit=5&offset=1');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(5);
  });

  it('an integer and a boolean equality filter in the querystring', async () => {
    const post = (await srv.store.repo('posts').list({ where: { partySecretary: true }, limit: 1 }))[0]!;
    const r = await org.get(`/api/records/posts?partySecretary=true&cadreId=${post.cadreId}`);
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeGreaterThan(0);
    for (const p of r.body.items) expect(p.partySecretary).toBe(true);
    const y = await org.get('/api/records/cadreAssessments?year=2024&limit=50');
    expect(y.status).toBe(200);
    expect(y.body.items.length).toBeGreaterThan(0);
    for (const a of y.body.items) expect(a.year).toBe(2024);
  });

  it('DELETE takes its version from the querystring', async () => {
    const created = await org.post('/api/records/honors', {
      subjectType: 'cadre',
      subjectId: cadre.id,
      date: '2025-01-01',
      conferredBy: 'unit',
      title: '删除测试',
    });
    expect(created.status).toBe(201);
    const del = await org.del(`/api/records/honors/${created.body.id}?version=${created.body.version}`);
    expect(del.status).toBe(200);
    expect(await srv.store.repo('honors').get(created.body.id)).toBeUndefined();
  });
});
