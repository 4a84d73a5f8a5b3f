// Every route × every role (and no session at all): the status each must get, written out by hand here so the
// test checks the server's route table instead of repeating it. Requests are chosen so that allowed ones
// succeed or fail for a reason other than authorisation (a stale version gives 409, a bad body 400).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../../src/domain/entities.js';
import { Client, loggedIn, startServer, type TestServer } from './harness.js';

const USERS = [
  'org_officer',
  'discipline_officer',
  'accountability_officer',
  'committee_member',
  'unit_liaison',
  'cadre',
  'city_org',
  'sysadmin',
  'secadmin',
  'auditadmin',
] as const;
type Who = (typeof USERS)[number] | 'anonymous';

const RECORD: Who[] = [
  'org_officer',
  'discipline_officer',
  'accountability_officer',
  'committee_member',
  'unit_liaison',
  'cadre',
  'city_org',
];
const OFFICE = RECORD.filter((r) => r !== 'cadre');
const WRITERS: Who[] = ['org_officer', 'discipline_officer', 'accountability_officer', 'unit_liaison', 'city_org'];
// roles that keep honors, cadres, posts (DESIGN §1: 组织部门 and the unit liaison)
const ORG_KEEPERS: Who[] = ['org_officer', 'unit_liaison', 'city_org'];

interface Case {
  method: string;
  url: string;
  body?: unknown;
  /** who gets `ok`; everyone else logged in gets 403, nobody logged in gets 401 */
  allow: Who[] | 'everyone' | 'public';
  ok: number;
  /** roles that pass the role check but meet another refusal (e.g. 403 for a kind they do not keep) */
  others?: Partial<Record<Who, number>>;
}

let srv: TestServer;
const clients = new Map<Who, Client>();
let cadreId = '';
let postId = '';
let committeeUserId = '';

beforeAll(async () => {
  srv = await startServer({ cadres: 150 });
  clients.set('anonymous', new Client(srv.base));
  for (const u of USERS) clients.set(u, await loggedIn(srv.base, u));
  cadreId = (await clients.get('cadre')!.get('/api/auth/me')).body.cadreId;
  postId = (await srv.store.repo('posts').list({ where: { cadreId }, limit: 1 }))[0]!.id;
  const users = (await clients.get('sysadmin')!.get('/api/admin/users')).body as { id: string; username: string }[];
  committeeUserId = users.find((u) => u.username === 'committee_member')!.id;
});
afterAll(async () => srv?.close());

function cases(): Case[] {
  const scenario = {
    name: 'matrix',
    pack: 'jiangsu',
    asOf: '2020-01-01',
    facts: { units: [{ id: 'u1', name: '某市', kind: 'city' }] },
  };
  return [
    { method: 'GET', url: '/api/health', allow: 'public', ok: 200 },
    // the API's map is for people with an account
    { method: 'GET', url: '/api/docs/json', allow: 'everyone', ok: 200 },
    { method: 'GET', url: '/api/auth/me', allow: 'everyone', ok: 200 },
    // wrong credentials: 401 whoever asks (the login route needs no session)
    {
      method: 'POST',
      url: '/api/auth/login',
      body: { username: 'matrix_nobody', password: 'Wrong-Pass-123' },
      allow: 'public',
      ok: 401,
    },
    // every logged-in user may manage their own password and second factor (here: refused input, 400)
    {
      method: 'POST',
      url: '/api/auth/password',
      body: { oldPassword: 'Not-The-Old-1', newPassword: 'New-Pass-12345' },
      allow: 'everyone',
      ok: 400,
    },
    { method: 'POST', url: '/api/auth/totp/enable', body: { code: '000000' }, allow: 'everyone', ok: 400 },
    { method: 'GET', url: '/api/units/tree', allow: [...RECORD, 'secadmin'], ok: 200 },
    { method: 'GET', url: '/api/cadres?limit=5', allow: RECORD, ok: 200 },
    { method: 'GET', url: `/api/cadres/${cadreId}/profile`, allow: RECORD, ok: 200 },
    ...RECORD_KINDS.map((k): Case => ({ method: 'GET', url: `/api/records/${k}?limit=5`, allow: RECORD, ok: 200 })),
    { method: 'GET', url: `/api/records/cadres/${cadreId}`, allow: RECORD, ok: 200 },
    {
      method: 'POST',
      url: '/api/records/honors',
      body: {
        subjectType: 'cadre',
        subjectId: cadreId,
        date: '2025-01-01',
        conferredBy: 'unit',
        title: '矩阵测试表彰',
      },
      allow: ORG_KEEPERS,
      ok: 201,
      others: { discipline_officer: 403, accountability_officer: 403, committee_member: 403, cadre: 403 },
    },
    {
      method: 'PUT',
      url: `/api/records/cadres/${cadreId}`,
      body: { version: 999_999, name: '不应改动' },
      allow: ORG_KEEPERS,
      ok: 409,
    },
    { method: 'DELETE', url: `/api/records/posts/${postId}?version=999999`, allow: ORG_KEEPERS, ok: 409 },
    { method: 'GET', url: '/api/dashboard', allow: RECORD, ok: 200 },
    { method: 'POST', url: '/api/evaluate', body: scenario, allow: RECORD, ok: 200 },
    { method: 'GET', url: '/api/rules', allow: RECORD, ok: 200 },
    // 读法说明: every signed-in role, the three administrators included
    { method: 'GET', url: '/api/readings', allow: [...USERS], ok: 200 },
    { method: 'GET', url: `/api/explain/cadre/${cadreId}?asOf=2026-03-01`, allow: RECORD, ok: 200 },
    { method: 'GET', url: '/api/io/template/cadres', allow: WRITERS, ok: 200 },
    { method: 'POST', url: '/api/io/import', body: {}, allow: WRITERS, ok: 400 },
    { method: 'GET', url: '/api/io/export/cadres', allow: OFFICE, ok: 200 },
    { method: 'GET', url: '/api/admin/users', allow: ['sysadmin', 'secadmin'], ok: 200 },
    {
      method: 'PUT',
      url: `/api/admin/users/${committeeUserId}`,
      body: { version: 999_999, disabled: false },
      allow: ['sysadmin'],
      ok: 409,
    },
    {
      method: 'PUT',
      url: `/api/admin/users/${committeeUserId}/role`,
      body: { version: 999_999, role: 'committee_member', unitId: null },
      allow: ['secadmin'],
      ok: 409,
    },
    { method: 'GET', url: '/api/audit?limit=5', allow: ['auditadmin'], ok: 200 },
    { method: 'POST', url: '/api/audit/verify', allow: ['auditadmin'], ok: 200 },
  ];
}

function expected(c: Case, who: Who): number {
  if (c.allow === 'public') return c.ok;
  if (who === 'anonymous') return 401;
  if (c.allow === 'everyone') return c.ok;
  if (c.allow.includes(who)) return c.ok;
  return c.others?.[who] ?? 403;
}

describe('route × role matrix', () => {
  it('every route answers every role as designed', async () => {
    const failures: string[] = [];
    for (const c of cases())
      for (const who of [...USERS, 'anonymous'] as Who[]) {
        const r = await clients.get(who)!.req(c.method, c.url, c.body);
        const want = expected(c, who);
        if (r.status !== want) failures.push(`${c.method} ${c.url} as ${who}: ${r.status}, expected ${want}`);
      }
    expect(failures).toEqual([]);
  });

  it('creating an account is the system administrator’s alone', async () => {
    for (const who of USERS) {
      const r = await clients.get(who)!.post('/api/admin/users', { username: `new_${who}`, displayName: '新账号' });
      expect(r.status, who).toBe(who === 'sysadmin' ? 201 : 403);
    }
    expect(
      (await clients.get('anonymous')!.post('/api/admin/users', { username: 'x_anon', displayName: 'x' })).status,
    ).toBe(401);
  });

  it('logging out ends the session', async () => {
    const c = await loggedIn(srv.base, 'committee_member');
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });
});
