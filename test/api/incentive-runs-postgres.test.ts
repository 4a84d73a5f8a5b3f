// The annual incentive run on PostgreSQL: migration 0023's tables, a run from start to close (a grade proposed within
// the share and accepted, a recomputation, approval, conferral), the honours written into the record, and a closed
// run the store refuses to change — as on SQLite (incentive-runs.test.ts has the full walk).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatKey, generateKey } from '../../src/crypto/fields.js';
import { ClosedRunError, incentiveRunsOf } from '../../src/store/incentive-runs.js';
import { createTestDatabase } from '../pg-harness.js';
import { loggedIn, startServer, type TestServer } from './harness.js';

let srv: TestServer;
let db: { url: string; drop(): Promise<void> };

beforeAll(async () => {
  db = await createTestDatabase(inject('pgUrl'));
  srv = await startServer({ databaseUrl: db.url, env: { SANXIANG_KEY: formatKey(generateKey()) }, cadres: 300 });
}, 300_000);
afterAll(async () => {
  await srv?.close();
  await db?.drop();
});

describe('incentive runs on PostgreSQL', () => {
  it('run from start to close; the closed run is immutable', async () => {
    const org = await loggedIn(srv.base, 'org_officer');
    const liaison = await loggedIn(srv.base, 'unit_liaison');
    const root = (await srv.store.repo('units').list({ limit: 100_000 })).find((u) => u.pack === 'rudong')!.id;
    const created = await org.post('/api/incentive/runs', {
      organiserUnitId: root,
      year: 2025,
      params: { 'rudong.incentive.excellentRatio': '1/2' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const wb = (await liaison.get(`/api/incentive/runs/${id}/workbench`)).body;
    const cadre = wb.cadres[0].cadreId as string;
    expect((await liaison.put(`/api/incentive/runs/${id}/grades/${cadre}`, { grade: '优秀' })).status).toBe(200);
    expect((await org.post(`/api/incentive/runs/${id}/grades/${cadre}/review`, { decision: 'accept' })).status).toBe(
      200,
    );
    let run = (await org.get(`/api/incentive/runs/${id}`)).body;
    run = (await org.post(`/api/incentive/runs/${id}/recompute`, { version: run.version })).body;
    const commended = run.lists.find((l: { key: string }) => l.key === 'commendations');
    expect(commended.entries.map((e: { subjectId: string }) => e.subjectId)).toContain(cadre);
    run = (await org.post(`/api/incentive/runs/${id}/propose`, { version: run.version })).body;
    for (const l of run.lists) {
      const r = await org.post(`/api/incentive/runs/${id}/lists/${l.key}/approve`, {
        body: l.approver ?? '院党组',
        meeting: '会议',
        date: '2026-03-10',
        documentNo: '东委〔2026〕12号',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      run = r.body;
    }
    run = (
      await org.post(`/api/incentive/runs/${id}/confer`, {
        version: run.version,
        date: '2026-03-20',
        documentNo: '东委〔2026〕12号',
      })
    ).body;
    const closed = await org.post(`/api/incentive/runs/${id}/close`, { version: run.version });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const honours = await srv.store.repo('honors').list({ where: { subjectId: cadre }, limit: 1000 });
    expect(honours.some((h) => h.date === '2026-03-20' && h.conferredBy === 'county')).toBe(true);
    const [grade] = await srv.store.repo('cadreAssessments').list({ where: { cadreId: cadre, year: 2025 }, limit: 1 });
    expect(grade?.grade).toBe('优秀');
    await expect(incentiveRunsOf(srv.store).replaceLists(id, [])).rejects.toBeInstanceOf(ClosedRunError);
    expect((await org.post(`/api/incentive/runs/${id}/recompute`, { version: closed.body.version })).status).toBe(409);
  });
});
