// What the audit trail keeps and what it shows: case-file contents only as field names and an SM3 hash; every
// read of the trail, every refusal for want of a right, roster searches, explanations and account lists leave
// an entry; the chain stays intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm3Hex } from '../../src/crypto/sm.js';
import { canonicalJson } from '../../src/server/audit/canonical.js';
import { appendAudit } from '../../src/server/audit/trail.js';
import { sanxiang } from '../cli.js';
import { loggedIn, startServer, type Client, type TestServer } from './harness.js';

let srv: TestServer;
let aud: Client;
let discipline: Client;
let cadreId: string;

beforeAll(async () => {
  srv = await startServer({ cadres: 40 });
  aud = await loggedIn(srv.base, 'auditadmin');
  discipline = await loggedIn(srv.base, 'discipline_officer');
  cadreId = (await srv.store.repo('cadres').list({ limit: 1 }))[0]!.id;
});
afterAll(async () => srv?.close());

/** The newest entry of an action (read straight from the table, so reading it leaves no entry of its own). */
async function newest(action: string) {
  return srv.app.ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
}

describe('case-file contents', () => {
  const statement = '推进项目中出现失误，本人深刻检讨';

  it('are reduced to field names and an SM3 hash when a tolerance request is written', async () => {
    const created = await discipline.post('/api/records/toleranceRequests', {
      subjectType: 'cadre',
      subjectId: cadreId,
      date: '2026-01-05',
      situation: '3.2.1',
      findings: { remedied: true },
      statement,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const row = (await newest('record.create'))!;
    expect(row.target_kind).toBe('toleranceRequests');
    expect(String(row.after_json)).not.toContain('深刻检讨');
    const after = JSON.parse(String(row.after_json)) as { fields: string[]; sm3: string };
    expect(after.fields).toEqual(expect.arrayContaining(['statement', 'findings', 'subjectId']));
    expect(after.sm3).toBe(sm3Hex(canonicalJson(created.body)));

    const updated = await discipline.put(`/api/records/toleranceRequests/${created.body.id}`, {
      version: created.body.version,
      statement: '补充说明：已整改',
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    const upd = (await newest('record.update'))!;
    expect(String(upd.before_json)).not.toContain('深刻检讨');
    expect(String(upd.after_json)).not.toContain('已整改');

    // a list keeps which case files were listed, not what the query looked for
    const listed = await discipline.get(`/api/records/toleranceRequests?subjectId=${cadreId}`);
    expect(listed.status).toBe(200);
    const list = JSON.parse(String((await newest('record.list'))!.after_json)) as { ids: string[]; query: unknown };
    expect(list.ids).toContain(created.body.id);
    expect(JSON.stringify(list.query)).not.toContain(cadreId);
  });

  it('written in clear before this rule are shown reduced, and the stored entry (and the chain) is unchanged', async () => {
    const legacy = { id: 'legacy-1', statement: '旧条目里的陈述内容' };
    await appendAudit(srv.app.ctx.db, {
      userId: null,
      username: 'legacy',
      role: 'discipline_officer',
      unitId: null,
      action: 'record.create',
      targetKind: 'toleranceRequests',
      targetId: 'legacy-1',
      before: null,
      after: legacy,
      ip: null,
    });
    const shown = await aud.get('/api/audit?user=legacy');
    expect(shown.status).toBe(200);
    expect(JSON.stringify(shown.body)).not.toContain('旧条目里的陈述内容');
    expect(shown.body.items[0].after).toEqual({ fields: ['id', 'statement'], sm3: sm3Hex(canonicalJson(legacy)) });
    expect(String((await newest('record.create'))!.after_json)).toContain('旧条目里的陈述内容');
    expect((await aud.post('/api/audit/verify')).body.ok).toBe(true);
  });
});

describe('reads that leave a trace', () => {
  it('every search of the trail is itself in the trail', async () => {
    const before = Number((await newest('audit.read'))?.seq ?? 0);
    const r = await aud.get('/api/audit?action=login&limit=5');
    expect(r.status).toBe(200);
    const entry = (await newest('audit.read'))!;
    expect(Number(entry.seq)).toBeGreaterThan(before);
    expect(entry.username).toBe('auditadmin');
    expect(JSON.parse(String(entry.after_json)).query).toEqual({ action: 'login', limit: 5 });
  });

  it('a refusal for want of a right is audited with who and what', async () => {
    const r = await discipline.get('/api/admin/users');
    expect(r.status).toBe(403);
    const entry = (await newest('access.refused'))!;
    expect(entry.username).toBe('discipline_officer');
    expect(JSON.parse(String(entry.after_json))).toEqual({ method: 'GET', path: '/api/admin/users' });
  });

  it('roster searches, explanations and the account list are audited', async () => {
    const org = await loggedIn(srv.base, 'org_officer');
    expect((await org.get('/api/cadres?search=%E5%BC%A0&limit=5')).status).toBe(200);
    const search = (await newest('roster.search'))!;
    expect(search.username).toBe('org_officer');
    expect(JSON.parse(String(search.after_json)).query.search).toBe('张');

    expect((await org.get(`/api/explain/cadre/${cadreId}`)).status).toBe(200);
    const explain = (await newest('explain.read'))!;
    expect(explain.target_id).toBe(cadreId);

    const sys = await loggedIn(srv.base, 'sysadmin');
    expect((await sys.get('/api/admin/users')).status).toBe(200);
    expect((await newest('user.list'))!.username).toBe('sysadmin');
  });
});

describe('the chain', () => {
  it('stays intact through all of the above, as `sanxiang audit verify` says', async () => {
    expect((await aud.post('/api/audit/verify')).body.ok).toBe(true);
    const r = sanxiang(['--data', srv.app.ctx.dataDir, 'audit', 'verify']);
    expect(r.status, r.stderr).toBe(0);
  });
});
