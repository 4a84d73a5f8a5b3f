// Local parameters (具体办法) through the API: the organisation department sets a number its texts leave open; the
// explanation reads it from its in-force date on and not before; an unset one stays a gap; bad values are 400s
// naming the field and write nothing; other roles and other jurisdictions cannot set; a revoked setting is kept in
// the history but no longer read; every write is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { loggedIn, startServer, subtreeIds, unitIdByName, type Client, type TestServer } from './harness.js';

let srv: TestServer;
let org: Client; // province-wide 组织部门
let cityOrg: Client; // 南通市委组织部
let liaison: Client;
let procuratorate = ''; // 如东县人民检察院 (rudong)
let anhui = '';
let rudongCadre = '';

const RATIO = 'rudong.incentive.excellentRatio';
const GAP = `未配置：${RATIO}`;
const doc = { title: '如东县人民检察院年度考核优秀等次比例的规定', number: '东检发〔2026〕3号', date: '2026-02-10' };
const setting = (extra: Record<string, unknown> = {}) => ({
  unitId: procuratorate,
  key: RATIO,
  value: '15%',
  inForceFrom: '2026-03-01',
  document: doc,
  ...extra,
});

async function gapsOn(asOf: string): Promise<string[]> {
  const r = await org.get(`/api/explain/cadre/${rudongCadre}?asOf=${asOf}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.gaps as string[];
}

const count = async () => {
  const rows = await (srv.store as unknown as KyselyStore).db.selectFrom('local_params').select('id').execute();
  return rows.length;
};

beforeAll(async () => {
  srv = await startServer({ cadres: 200 });
  procuratorate = await unitIdByName(srv.store, '如东县人民检察院');
  anhui = await unitIdByName(srv.store, '安徽省');
  const inProcuratorate = await subtreeIds(srv.store, procuratorate);
  const cadres = await srv.store.repo('cadres').list({ limit: 100_000 });
  rudongCadre = cadres.find((c) => inProcuratorate.has(c.managingUnitId))!.id;
  org = await loggedIn(srv.base, 'org_officer');
  cityOrg = await loggedIn(srv.base, 'city_org');
  liaison = await loggedIn(srv.base, 'unit_liaison');
}, 120_000);
afterAll(async () => srv?.close());

describe('the open numbers of a jurisdiction', () => {
  it('lists, for 如东县人民检察院, the open numbers of its chain in words, unset', async () => {
    const r = await org.get(`/api/params?unit=${procuratorate}&asOf=2026-06-01`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const keys = r.body.params.map((p: { key: string }) => p.key);
    // its own (rudong) and the province's (jiangsu) open numbers; none of 安徽's
    expect(keys).toEqual(
      expect.arrayContaining([RATIO, 'jiangsu.incentive.bonusByGrade', 'jiangsu.incentive.advancedCountyAward']),
    );
    expect(keys).not.toContain('anhui.opinion.lowRankCount');
    const ratio = r.body.params.find((p: { key: string }) => p.key === RATIO);
    expect(ratio).toMatchObject({ label: '年度考核优秀等次干警的比例', kind: 'ratio', current: null, history: [] });
    expect(ratio.leftOpenBy).toContain('按照一定比例');
    for (const p of r.body.params) expect(p.label).not.toMatch(/[a-z]+\.[a-z]+/);
  });

  it('an unset number stays a gap in the explanation (未配置), never a default', async () => {
    expect(await gapsOn('2026-06-01')).toContain(GAP);
  });
});

describe('setting a number', () => {
  it.each([
    ['a ratio above 100%', { value: '120%' }, 'value'],
    ['a ratio of zero', { value: 0 }, 'value'],
    ['a ratio in words', { value: '一定比例' }, 'value'],
    ['a day that does not exist', { inForceFrom: '2026-02-30' }, 'inForceFrom'],
    ['an in-force date before the document', { inForceFrom: '2026-02-01' }, 'inForceFrom'],
    ['a document without its number', { document: { ...doc, number: ' ' } }, 'document.number'],
    ['a document without its title', { document: { ...doc, title: '' } }, 'document.title'],
    ['a parameter the texts fix themselves', { key: 'rudong.incentive.quotaRounding' }, 'key'],
    ['another jurisdiction’s parameter', { key: 'anhui.opinion.lowRankCount', value: 3 }, 'key'],
    ['a unit that does not exist', { unitId: 'no-such-unit' }, 'unitId'],
  ])('refuses %s with a 400 naming the field, and writes nothing', async (_what, change, field) => {
    const before = await count();
    const r = await org.post('/api/params', setting(change));
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.field).toBe(field);
    expect(r.body.reason_zh).toMatch(/[\u4e00-\u9fff]/);
    expect(await count()).toBe(before);
  });

  it.each([
    ['an amount below zero', 'jiangsu.incentive.advancedCountyAward', -1],
    ['an amount of a tenth of a fen', 'jiangsu.incentive.advancedCountyAward', 10.001],
    ['grade amounts missing a grade', 'jiangsu.incentive.bonusByGrade', { 一: 100, 二: 80, 三: 60 }],
    [
      'grade amounts with a grade that does not exist',
      'jiangsu.incentive.bonusByGrade',
      { 一: 1, 二: 1, 三: 1, 四: 1, 五: 1 },
    ],
  ])('refuses %s (by the parameter’s type)', async (_what, key, value) => {
    const r = await org.post('/api/params', setting({ key, value }));
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.field).toBe('value');
  });

  it.each([
    ['a count of zero', 0],
    ['a count that is not whole', 2.5],
    ['a count as text', '3'],
  ])('refuses %s for 安徽’s 排名靠后 count', async (_what, value) => {
    const r = await org.post('/api/params', {
      ...setting(),
      unitId: anhui,
      key: 'anhui.opinion.lowRankCount',
      value,
      document: { ...doc, title: '安徽省综合考核办法' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.field).toBe('value');
  });

  it('is refused to roles other than the organisation department, and outside the setter’s jurisdiction', async () => {
    expect((await liaison.post('/api/params', setting())).status).toBe(403);
    const r = await cityOrg.post('/api/params', {
      ...setting(),
      unitId: anhui,
      key: 'anhui.opinion.lowRankCount',
      value: 3,
    });
    expect(r.status).toBe(403);
    expect((await cityOrg.get(`/api/params?unit=${anhui}`)).status).toBe(404);
    expect((await org.get('/api/params?unit=no-such-unit')).status).toBe(404);
    expect(await count()).toBe(0);
  });

  it('the organisation department sets it: 201, audited, shown in words in the history', async () => {
    const r = await org.post('/api/params', setting());
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ value: '15%', valueText: '15%', inForceFrom: '2026-03-01', document: doc });
    const audit = await loggedIn(srv.base, 'auditadmin');
    const trail = await audit.get('/api/audit?action=param.set');
    expect(trail.body.items.some((i: { targetId: string }) => i.targetId === r.body.id)).toBe(true);
    const page = await org.get(`/api/params?unit=${procuratorate}&asOf=2026-03-01`);
    const ratio = page.body.params.find((p: { key: string }) => p.key === RATIO);
    expect(ratio.current).toMatchObject({ value: '15%', inherited: false, unit: '如东县人民检察院' });
    expect(ratio.history).toHaveLength(1);
  });

  it('a second setting in force from the same date is refused: the first must be revoked', async () => {
    const r = await org.post('/api/params', setting({ value: '20%' }));
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('inForceFrom');
  });
});

describe('the rulebooks read the setting on the evaluation date', () => {
  it('from its in-force date on, the gap is gone', async () => {
    expect(await gapsOn('2026-03-01')).not.toContain(GAP);
    expect(await gapsOn('2026-09-30')).not.toContain(GAP);
  });

  it('the day before, it is still a gap', async () => {
    expect(await gapsOn('2026-02-28')).toContain(GAP);
  });

  it('a unit above sees nothing of it: the setting is its jurisdiction’s own', async () => {
    const page = await org.get(`/api/params?unit=${await unitIdByName(srv.store, '南通市')}&asOf=2026-06-01`);
    expect(page.body.params.map((p: { key: string }) => p.key)).not.toContain(RATIO);
  });

  it('revoked, it is kept in the history, no longer read, and audited', async () => {
    const page = await org.get(`/api/params?unit=${procuratorate}&asOf=2026-06-01`);
    const cur = page.body.params.find((p: { key: string }) => p.key === RATIO).current;
    expect((await org.post(`/api/params/${cur.id}/revoke`, { version: cur.version, reason: ' ' })).status).toBe(400);
    const r = await org.post(`/api/params/${cur.id}/revoke`, { version: cur.version, reason: '文号有误，重新发文' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await org.post(`/api/params/${cur.id}/revoke`, { version: cur.version, reason: '再次' })).status).toBe(409);
    expect(await gapsOn('2026-06-01')).toContain(GAP);
    const after = await org.get(`/api/params?unit=${procuratorate}&asOf=2026-06-01`);
    const ratio = after.body.params.find((p: { key: string }) => p.key === RATIO);
    expect(ratio.current).toBeNull();
    expect(ratio.history[0]).toMatchObject({ revokeReason: '文号有误，重新发文' });
    const audit = await loggedIn(srv.base, 'auditadmin');
    expect((await audit.get('/api/audit?action=param.revoke')).body.items).toHaveLength(1);
  });

  it('a province-level setting reaches the units below it; the nearer jurisdiction’s own wins', async () => {
    const jiangsu = await unitIdByName(srv.store, '江苏省');
    const byProvince = await org.post('/api/params', {
      unitId: jiangsu,
      key: 'jiangsu.incentive.advancedCountyAward',
      value: 1_000_000,
      inForceFrom: '2026-01-01',
      document: { title: '江苏省先进县奖励办法', number: '苏办发〔2025〕9号', date: '2025-12-20' },
    });
    expect(byProvince.status, JSON.stringify(byProvince.body)).toBe(201);
    const own = await org.post('/api/params', {
      unitId: procuratorate,
      key: 'jiangsu.incentive.advancedCountyAward',
      value: 500_000,
      inForceFrom: '2026-03-01',
      document: doc,
    });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    const nantong = await org.get(`/api/params?unit=${await unitIdByName(srv.store, '南通市')}&asOf=2026-06-01`);
    const atCity = nantong.body.params.find((p: { key: string }) => p.key === 'jiangsu.incentive.advancedCountyAward');
    expect(atCity.current).toMatchObject({ value: 1_000_000, inherited: true, unit: '江苏省', valueText: '1000000元' });
    const page = await org.get(`/api/params?unit=${procuratorate}&asOf=2026-06-01`);
    const atProc = page.body.params.find((p: { key: string }) => p.key === 'jiangsu.incentive.advancedCountyAward');
    expect(atProc.current).toMatchObject({ value: 500_000, inherited: false });
  });
});
