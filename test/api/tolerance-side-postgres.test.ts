// What lies beside a tolerance case, on PostgreSQL (migration 0018 on the second engine): a 焦作 filing relied on by a
// case and read by its evaluation, an 安徽 referral and 失信“黑名单” entry, and a 陕西 澄清正名 case following a
// tolerance case. tolerance-side.test.ts has the full walk and the refusals on SQLite.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatKey, generateKey } from '../../src/crypto/fields.js';
import { createTestDatabase } from '../pg-harness.js';
import { loggedIn, startServer, subtreeIds, type Client, type TestServer } from './harness.js';

let srv: TestServer;
let db: { url: string; drop(): Promise<void> };
let d: Client;

beforeAll(async () => {
  db = await createTestDatabase(inject('pgUrl'));
  srv = await startServer({ databaseUrl: db.url, env: { SANXIANG_KEY: formatKey(generateKey()) }, cadres: 120 });
  d = await loggedIn(srv.base, 'discipline_officer');
}, 300_000);
afterAll(async () => {
  await srv?.close();
  await db?.drop();
});

async function cadreOf(pack: string): Promise<{ id: string; unit: string }> {
  const roots = (await srv.store.repo('units').list({ limit: 100_000 })).filter((u) => u.pack === pack);
  const cadres = await srv.store.repo('cadres').list({ limit: 100_000 });
  for (const r of roots) {
    const ids = await subtreeIds(srv.store, r.id);
    const c = cadres.find((x) => ids.has(x.managingUnitId) && x.managingUnitId !== r.id);
    if (c) return { id: c.id, unit: c.managingUnitId };
  }
  const units = await srv.store.repo('units').list({ where: { parentId: roots[0]!.id }, limit: 1 });
  const c = await srv.store.repo('cadres').insert({
    id: `pg-side-${pack}`,
    name: '测试干部',
    gender: null,
    birthDate: null,
    idNumber: null,
    category: '公务员',
    managingUnitId: units[0]!.id,
  });
  return { id: c.id, unit: c.managingUnitId };
}

let n = 0;
async function openCase(cadreId: string): Promise<string> {
  const cadre = (await srv.store.repo('cadres').get(cadreId))!;
  const m = await srv.store.repo('accountabilityMatters').insert({
    id: `m-pg-side-${++n}`,
    subjectCadreId: cadreId,
    subjectUnitId: null,
    description: '项目审批失误',
    accountableUnitId: cadre.managingUnitId,
    openedOn: '2024-04-01',
    decidedOn: null,
    outcome: null,
    decision: null,
  });
  const r = await d.post('/api/cases', {
    subjectType: 'cadre',
    subjectId: cadreId,
    action: 'open',
    on: '2024-05-01',
    inputs: { matter: m.id },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

describe('beside a tolerance case on PostgreSQL', () => {
  it('a 焦作 filing relied on by a case sets its evaluation flags', async () => {
    const { id: cadre, unit } = await cadreOf('jiaozuo');
    const id = await openCase(cadre);
    const f = await d.post('/api/filings', {
      kind: 'special_measure',
      unit,
      title: '重点项目先行开工',
      startedOn: '2023-05-10',
      governmentApprovedOn: '2023-05-01',
      upperApprovedOn: '2023-05-09',
    });
    expect(f.status, JSON.stringify(f.body)).toBe(201);
    expect((await d.post(`/api/cases/${id}/filings`, { filing: f.body.id })).status).toBe(201);
    const side = await d.get(`/api/cases/${id}/side`);
    expect(side.body.filings.map((x: { inTime: boolean }) => x.inTime)).toEqual([true]);
    expect(side.body.filingFlags).toEqual({ specialMeasure: true, specialMeasureApproved: true });
  });

  it('an 安徽 referral and 失信“黑名单” entry, and a 陕西 澄清正名 case following a tolerance case', async () => {
    const anhui = await openCase((await cadreOf('anhui')).id);
    const ref = await d.post(`/api/cases/${anhui}/referrals`, {
      on: '2024-06-05',
      accuser: '王某',
      conduct: '虚假告发',
      referredTo: '市纪委监委',
    });
    expect(ref.status).toBe(201);
    const entry = await d.post(`/api/cases/${anhui}/blacklist`, {
      on: '2024-06-06',
      referral: ref.body.id,
      person: '王某',
      conduct: '捏造事实、虚假告发干部造成恶劣影响',
      decidedBy: '市纪委监委',
    });
    expect(entry.status).toBe(201);
    expect((await d.get(`/api/cases/${anhui}/side`)).body.blacklist).toHaveLength(1);

    const shaanxi = await openCase((await cadreOf('shaanxi')).id);
    const c = await d.post('/api/clarifications', {
      follows: shaanxi,
      action: 'open',
      on: '2024-06-01',
      inputs: { report: '反映问题' },
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const side = await d.get(`/api/cases/${shaanxi}/side`);
    expect(side.body.followedBy.map((x: { id: string }) => x.id)).toEqual([c.body.id]);
  });
});
