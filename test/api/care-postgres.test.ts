// Local parameters and care records on PostgreSQL: migration 0022's tables, the jurisdiction chain read through
// the unit closure, the explanation reading a setting from its in-force date, and a talk meeting its pair in the
// coverage, as on SQLite (local-params.test.ts and care.test.ts have the full walk).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatKey, generateKey } from '../../src/crypto/fields.js';
import { createTestDatabase } from '../pg-harness.js';
import { loggedIn, startServer, subtreeIds, unitIdByName, type TestServer } from './harness.js';

let srv: TestServer;
let db: { url: string; drop(): Promise<void> };

beforeAll(async () => {
  db = await createTestDatabase(inject('pgUrl'));
  srv = await startServer({ databaseUrl: db.url, env: { SANXIANG_KEY: formatKey(generateKey()) }, cadres: 300 });
});
afterAll(async () => {
  await srv?.close();
  await db?.drop();
});

describe('on PostgreSQL', () => {
  it('a local setting is read by the explanation from its in-force date, not the day before', async () => {
    const org = await loggedIn(srv.base, 'org_officer');
    const proc = await unitIdByName(srv.store, '如东县人民检察院');
    const inside = await subtreeIds(srv.store, proc);
    const cadre = (await srv.store.repo('cadres').list({ limit: 100_000 })).find((c) => inside.has(c.managingUnitId))!;
    const gap = '未配置：rudong.incentive.excellentRatio';
    const set = await org.post('/api/params', {
      unitId: proc,
      key: 'rudong.incentive.excellentRatio',
      value: '3/20',
      inForceFrom: '2026-03-01',
      document: { title: '优秀等次比例的规定', number: '东检发〔2026〕3号', date: '2026-02-10' },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(201);
    const on = async (d: string) => (await org.get(`/api/explain/cadre/${cadre.id}?asOf=${d}`)).body.gaps as string[];
    expect(await on('2026-03-01')).not.toContain(gap);
    expect(await on('2026-02-28')).toContain(gap);
  });

  it('a talk on 31 December meets its pair for that year', async () => {
    const org = await loggedIn(srv.base, 'org_officer');
    const year = new Date().getUTCFullYear() - 1;
    const before = await org.get(`/api/care/coverage?year=${year}&limit=1000`);
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    expect(before.body.totals.required, JSON.stringify(before.body.totals)).toBeGreaterThan(0);
    const pair = before.body.pairs[0];
    const r = await org.post('/api/care/talks', {
      talkerId: pair.leader.id,
      talkeeId: pair.other.id,
      heldOn: `${year}-12-31`,
      kind: 'scheduled',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const after = await org.get(`/api/care/coverage?year=${year}&limit=1000`);
    expect(after.body.totals.met).toBe(1);
    expect((await org.get(`/api/care/talks/${r.body.id}/record.docx`)).status).toBe(200);
  });
});
