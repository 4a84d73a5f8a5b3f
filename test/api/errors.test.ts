// Input and errors (issue 4 item 5): 400 {field, reason_zh, reason} from JSON-schema and domain validation,
// 409 on a stale version with nothing changed, 413 above the body limit, 404, no stack traces, every error
// logged; writes audited with before/after in the same transaction; the OpenAPI document.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn, startServer, type TestServer } from './harness.js';

let srv: TestServer;
let org: Client;
const logLines: Record<string, unknown>[] = [];
let cadre: { id: string; version: number; name: string };

beforeAll(async () => {
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) logLines.push(JSON.parse(line));
      cb();
    },
  });
  srv = await startServer({
    cadres: 60,
    logger: { level: 'info', stream },
    bodyLimit: 64 * 1024,
    beforeListen: (app) => {
      app.get('/api/test/boom', async () => {
        throw new Error('secret internal detail');
      });
    },
  });
  org = await loggedIn(srv.base, 'org_officer');
  cadre = (await srv.store.repo('cadres').list({ limit: 1 }))[0]!;
});
afterAll(async () => srv?.close());

function isContract400(body: Record<string, unknown>) {
  return typeof body.field === 'string' && typeof body.reason_zh === 'string' && typeof body.reason === 'string';
}

describe('400', () => {
  const honor = () => ({
    subjectType: 'cadre',
    subjectId: cadre.id,
    date: '2025-01-01',
    conferredBy: 'unit',
    title: '表彰',
  });

  it('names a missing field', async () => {
    const { title: _t, ...rest } = honor();
    const r = await org.post('/api/records/honors', rest);
    expect(r.status).toBe(400);
    expect(isContract400(r.body)).toBe(true);
    expect(r.body.field).toBe('title');
  });

  it('names a field of the wrong type, a value outside the vocabulary, an unknown field', async () => {
    expect((await org.post('/api/records/honors', { ...honor(), title: { text: 'x' } })).body.field).toBe('title');
    const e = await org.post('/api/records/honors', { ...honor(), conferredBy: 'emperor' });
    expect(e.body.field).toBe('conferredBy');
    expect(e.body.reason_zh).toContain('取值不在允许范围内');
    const x = await org.post('/api/records/honors', { ...honor(), colour: 'red' });
    expect(x.status).toBe(400);
    expect(x.body.field).toBe('colour');
  });

  it('refuses a date that does not exist (domain validation)', async () => {
    const r = await org.post('/api/records/honors', { ...honor(), date: '2025-02-30' });
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('date');
  });

  it('refuses cross-field rules: a post ending before it starts', async () => {
    const post = (await srv.store.repo('posts').list({ limit: 1 }))[0]!;
    const r = await org.put(`/api/records/posts/${post.id}`, { version: post.version, endDate: '1900-01-01' });
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('endDate');
    expect((await srv.store.repo('posts').get(post.id))!.endDate).toBe(post.endDate);
  });

  it('answers malformed JSON and bad query strings with the same shape', async () => {
    const bad = await org.req('POST', '/api/records/honors', '{"title": ');
    expect(bad.status).toBe(400);
    expect(isContract400(bad.body)).toBe(true);
    const q = await org.get('/api/cadres?limit=abc');
    expect(q.status).toBe(400);
    expect(q.body.field).toBe('limit');
  });

  it('a scenario with a bad field is a 400 naming it', async () => {
    const r = await org.post('/api/evaluate', { name: 'x', pack: 'jiangsu', asOf: '2020-13-01', facts: {} });
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('asOf');
  });
});

describe('409 on a stale version', () => {
  it('keeps the first edit and refuses the second, changing nothing', async () => {
    const first = await org.put(`/api/records/cadres/${cadre.id}`, { version: cadre.version, name: '第一次修改' });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(cadre.version + 1);
    const second = await org.put(`/api/records/cadres/${cadre.id}`, { version: cadre.version, name: '第二次修改' });
    expect(second.status).toBe(409);
    expect(typeof second.body.reason_zh).toBe('string');
    const now = await srv.store.repo('cadres').get(cadre.id);
    expect(now!.name).toBe('第一次修改');
    expect(now!.version).toBe(cadre.version + 1);
    const del = await org.del(`/api/records/cadres/${cadre.id}?version=${cadre.version}`);
    expect(del.status).toBe(409);
    expect(await srv.store.repo('cadres').get(cadre.id)).toBeDefined();
  });

  it('writes are audited with before and after', async () => {
    const a = await loggedIn(srv.base, 'auditadmin');
    const r = await a.get('/api/audit?action=record.update&user=org_officer');
    const entry = r.body.items.find((i: { targetId: string }) => i.targetId === cadre.id);
    expect(entry.before.name).toBe(cadre.name);
    expect(entry.after.name).toBe('第一次修改');
    expect(entry.targetKind).toBe('cadres');
    // the refused second edit left no entry
    expect(r.body.items.filter((i: { targetId: string }) => i.targetId === cadre.id)).toHaveLength(1);
    expect((await a.post('/api/audit/verify')).body.ok).toBe(true);
  });

  it('reads of a sensitive record are audited', async () => {
    await org.get(`/api/records/cadres/${cadre.id}`);
    await org.get('/api/records/sanctions?limit=3');
    const a = await loggedIn(srv.base, 'auditadmin');
    const one = await a.get('/api/audit?action=record.read&user=org_officer');
    expect(one.body.items.some((i: { targetId: string }) => i.targetId === cadre.id)).toBe(true);
    const list = await a.get('/api/audit?action=record.list&user=org_officer');
    expect(list.body.items[0].targetKind).toBe('sanctions');
  });

  it('a profile read is audited', async () => {
    await org.get(`/api/cadres/${cadre.id}/profile`);
    const a = await loggedIn(srv.base, 'auditadmin');
    const r = await a.get('/api/audit?action=profile.read&user=org_officer');
    expect(r.body.items.some((i: { targetId: string }) => i.targetId === cadre.id)).toBe(true);
  });
});

describe('other statuses', () => {
  it('413 above the body limit, changing nothing', async () => {
    const before = await srv.store.repo('honors').count();
    const r = await org.post('/api/records/honors', {
      subjectType: 'cadre',
      subjectId: cadre.id,
      date: '2025-01-01',
      conferredBy: 'unit',
      title: 'x'.repeat(100 * 1024),
    });
    expect(r.status).toBe(413);
    expect(r.body.reason).toBe('request body too large');
    expect(await srv.store.repo('honors').count()).toBe(before);
  });

  it('404 for unknown routes and records', async () => {
    expect((await org.get('/api/nothing-here')).status).toBe(404);
    const r = await org.get('/api/records/cadres/no-such-cadre');
    expect(r.status).toBe(404);
    expect(typeof r.body.reason_zh).toBe('string');
  });

  it('500 without a stack trace or internal detail, and the error is logged', async () => {
    const r = await org.get('/api/test/boom');
    expect(r.status).toBe(500);
    const text = JSON.stringify(r.body);
    expect(text).not.toContain('secret internal detail');
    expect(text).not.toContain('at ');
    expect(r.body.reason).toBe('internal error');
    const logged = logLines.find((l) => l.msg === 'request failed' && l.url === '/api/test/boom');
    expect(logged).toBeDefined();
    expect(JSON.stringify(logged)).toContain('secret internal detail');
  });

  it('refused requests are logged with status and reason, never with the session cookie', async () => {
    await org.put(`/api/records/cadres/${cadre.id}`, { version: 1, name: 'stale' });
    const refused = logLines.filter((l) => l.msg === 'request refused');
    expect(refused.some((l) => l.status === 409)).toBe(true);
    expect(refused.some((l) => l.status === 413)).toBe(true);
    const all = JSON.stringify(logLines);
    expect(all).not.toContain(org.cookie.split('=')[1]!);
  });
});

describe('response headers', () => {
  it('API answers are not cached and not sniffed or framed', async () => {
    const r = await org.get('/api/auth/me');
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('OpenAPI', () => {
  it('documents the routes from their schemas', async () => {
    expect((await new Client(srv.base).get('/api/docs/json')).status).toBe(401);
    const r = await org.get('/api/docs/json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\./);
    expect(Object.keys(r.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/cadres',
        '/api/cadres/{id}/profile',
        '/api/records/cadres/{id}',
        '/api/audit',
      ]),
    );
    const put = r.body.paths['/api/records/cadres/{id}'].put;
    expect(put.requestBody.content['application/json'].schema.required).toContain('version');
    expect((await fetch(`${srv.base}/api/docs/`)).status).toBe(401);
    const ui = await fetch(`${srv.base}/api/docs/`, { headers: { cookie: org.cookie } });
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
