// The records API refuses a determination whose clause is ambiguous or names no clause (400 naming the field, nothing
// written), with the same check the spreadsheet import runs (src/packs/determination-clauses.ts); an honour's award
// outside the vocabulary is refused the same way, and so is a kind the clause does not read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn, startServer, type TestServer } from './harness.js';

let srv: TestServer;
let org: Client;
let cadre: { id: string };

beforeAll(async () => {
  srv = await startServer({ cadres: 20 });
  org = await loggedIn(srv.base, 'org_officer');
  cadre = (await srv.store.repo('cadres').list({ limit: 1 }))[0]!;
});
afterAll(async () => srv?.close());

const determination = (clause: string, kind = 'inaction') => ({
  subjectType: 'cadre',
  subjectId: cadre.id,
  date: '2025-01-01',
  kind,
  clause,
  note: null,
});

describe('determination clause at entry', () => {
  it('refuses a bare clause two documents of one rulebook share, naming the documents, and writes nothing', async () => {
    const before = (await srv.store.repo('determinations').list({ limit: 10000 })).length;
    const r = await org.post('/api/records/determinations', determination('9.2'));
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('clause');
    expect(r.body.reason_zh).toContain('江苏省推进党政领导干部能上能下办法');
    expect((await srv.store.repo('determinations').list({ limit: 10000 })).length).toBe(before);
  });

  it('refuses a clause no rule reads determinations under', async () => {
    const r = await org.post('/api/records/determinations', determination('第九十九条'));
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('clause');
  });

  it('accepts the clause with its document', async () => {
    const r = await org.post(
      '/api/records/determinations',
      determination('《江苏省推进党政领导干部能上能下办法》第九条（二）'),
    );
    expect(r.status).toBe(201);
  });

  it('refuses a kind the named clause does not read, naming the kind and the clause, and writes nothing', async () => {
    const before = (await srv.store.repo('determinations').list({ limit: 10000 })).length;
    // 第九条（二） is about 不担当不作为: a 维护稳定 determination under it would never be read by the rule
    const r = await org.post(
      '/api/records/determinations',
      determination('《江苏省推进党政领导干部能上能下办法》第九条（二）', 'stability'),
    );
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('kind');
    expect(r.body.reason_zh).toContain('维护稳定');
    expect((await srv.store.repo('determinations').list({ limit: 10000 })).length).toBe(before);
  });

  it('refuses an honour award outside the vocabulary', async () => {
    const r = await org.post('/api/records/honors', {
      subjectType: 'cadre',
      subjectId: cadre.id,
      date: '2025-01-01',
      conferredBy: 'provincial',
      title: '先进县',
      award: 'any_title_with_先进县',
    });
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('award');
  });
});
