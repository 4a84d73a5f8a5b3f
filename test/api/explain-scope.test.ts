// The explanation of a cadre shows only what its reader may see: conclusions resting on a tolerance case file the
// reader does not take part in are withheld (and the answer says something was withheld, naming nothing), open
// questions name only units in the reader's scope, and each user gets a limited number of explanations a minute.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ToleranceRequest } from '../../src/domain/entities.js';
import { loggedIn, startServer, subtreeIds, unitIdByName, type Client, type TestServer } from './harness.js';

const READERS = [
  'org_officer',
  'discipline_officer',
  'accountability_officer',
  'committee_member',
  'unit_liaison',
  'cadre',
  'city_org',
] as const;
type Reader = (typeof READERS)[number];

interface Explained {
  findings: { rule: string; because: string[] }[];
  values: Record<string, unknown>;
  gaps: string[];
  withheld: boolean;
  text: string;
}

let srv: TestServer;
const client = {} as Record<Reader, Client>;
let cadreId = '';
let A: ToleranceRequest; // filed by the accountability officer
let B: ToleranceRequest; // filed by the unit liaison
let nantong: Set<string>;
let cities: string[];
const AS_OF = '2026-03-01';

const words = (e: Explained) =>
  [...e.findings.flatMap((f) => f.because), ...Object.keys(e.values), e.text].join(' ').split(/[\s:：,，]+/);
const tolerance = (e: Explained) => e.findings.filter((f) => f.rule.split('/')[1] === 'tolerance');

async function explain(who: Reader): Promise<Explained> {
  const r = await client[who].get(`/api/explain/cadre/${cadreId}?asOf=${AS_OF}`);
  expect(r.status, `${who}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body as Explained;
}

beforeAll(async () => {
  srv = await startServer({ cadres: 200, explainRateLimit: { max: 5, timeWindowMs: 60_000 } });
  for (const who of READERS) client[who] = await loggedIn(srv.base, who);
  cadreId = (await client.cadre.get('/api/auth/me')).body.cadreId as string;
  const file = async (who: Reader, findings: Record<string, boolean>) => {
    const r = await client[who].post('/api/records/toleranceRequests', {
      subjectType: 'cadre',
      subjectId: cadreId,
      date: '2026-01-10',
      situation: '3.2.1',
      findings,
      statement: '推进项目中出现失误',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as ToleranceRequest;
  };
  A = await file('accountability_officer', { remedied: true });
  B = await file('unit_liaison', { remedied: true, soughtPrivateGain: true });
  // a tie at the first-grade cut-off among the province's cities: an open question naming every city
  const province = await unitIdByName(srv.store, '江苏省');
  nantong = await subtreeIds(srv.store, await unitIdByName(srv.store, '南通市'));
  const units = await srv.store.repo('units').list({ where: { parentId: province }, limit: 1000 });
  cities = units.filter((u) => u.kind === 'city').map((u) => u.id);
  for (const unitId of cities)
    await srv.store.repo('unitAssessments').insert({
      id: `ua-tie-${unitId}`,
      unitId,
      year: 2016,
      scheme: 'comprehensive',
      grade: null,
      score: 90,
      rank: null,
    });
}, 120_000);

afterAll(async () => {
  await srv?.close();
});

describe('the explanation of a cadre, as each reader may see it', () => {
  it('shows the conclusions of every case file to those who see every case file', async () => {
    for (const who of ['org_officer', 'discipline_officer', 'cadre'] as const) {
      const e = await explain(who);
      expect(e.withheld, who).toBe(false);
      expect(words(e), who).toContain(A.id);
      expect(words(e), who).toContain(B.id);
      expect(e.values[`tolerance:${B.id}`], who).toBe('ineligible');
    }
  });

  it('withholds what rests on a case file the reader may not open, and says so without naming it', async () => {
    // the premise: the accountability officer cannot open the liaison's case file, nor the liaison the officer's
    expect(
      (await client.accountability_officer.get(`/api/records/toleranceRequests/${B.id}`)).status,
    ).toBeGreaterThanOrEqual(403);
    expect((await client.unit_liaison.get(`/api/records/toleranceRequests/${A.id}`)).status).toBeGreaterThanOrEqual(
      403,
    );
    const full = await explain('discipline_officer');
    for (const [who, own, other] of [
      ['accountability_officer', A, B],
      ['unit_liaison', B, A],
    ] as const) {
      const e = await explain(who);
      expect(e.withheld, who).toBe(true);
      expect(words(e), who).not.toContain(other.id);
      expect(e.values[`tolerance:${other.id}`], who).toBeUndefined();
      expect(e.values[`tolerance:${own.id}`], who).toBe(full.values[`tolerance:${own.id}`]);
      expect(e.text, who).toContain('不在您的查阅范围内');
      // every conclusion not resting on a hidden case file is still there
      const others = (x: Explained) => x.findings.filter((f) => f.rule.split('/')[1] !== 'tolerance');
      expect(others(e), who).toEqual(others(full));
    }
    const committee = await explain('committee_member');
    expect(committee.withheld).toBe(true);
    expect(tolerance(committee)).toEqual([]);
    expect(words(committee)).not.toContain(A.id);
    expect(words(committee)).not.toContain(B.id);
    expect(Object.keys(committee.values).filter((k) => k.startsWith('tolerance'))).toEqual([]);
    expect(tolerance(full).length).toBeGreaterThan(0);
  });

  it('names in open questions only the units within the reader’s scope', async () => {
    const tie = (e: Explained) => e.gaps.filter((g) => g.includes('2016年'));
    const all = tie(await explain('org_officer'));
    expect(all.length).toBe(1);
    for (const id of cities) expect(all[0]).toContain(id);
    const city = tie(await explain('city_org'));
    expect(city.length).toBe(1);
    const named = cities.filter((id) => city[0]!.includes(id));
    expect(named.length).toBeGreaterThan(0);
    for (const id of named) expect(nantong.has(id), id).toBe(true);
    expect(city[0]).toContain(`${named.join('、')}及范围外单位${cities.length - named.length}个`);
    // the cadre's scope is the cadre: no city is named, so the question is not shown
    expect(tie(await explain('cadre'))).toEqual([]);
    const idsOf = (g: string) => g.match(/u\d{6}/g) ?? [];
    for (const g of (await explain('city_org')).gaps) for (const id of idsOf(g)) expect(nantong.has(id), g).toBe(true);
  });

  it('explains on the first and last days of the record span, refuses dates outside it and dates that do not exist', async () => {
    for (const asOf of ['1900-01-01', '2100-12-31']) {
      const r = await client.unit_liaison.get(`/api/explain/cadre/${cadreId}?asOf=${asOf}`);
      expect(r.status, `${asOf}: ${JSON.stringify(r.body)}`).toBe(200);
      expect(r.body.asOf).toBe(asOf);
    }
    // another reader: the limit of five a minute per user is not what is tested here
    for (const asOf of ['0001-01-01', '9999-12-31']) {
      const r = await client.accountability_officer.get(`/api/explain/cadre/${cadreId}?asOf=${asOf}`);
      expect(r.status, asOf).toBe(400);
      expect(r.body.field).toBe('asOf');
    }
    const bad = await client.unit_liaison.get(`/api/explain/cadre/${cadreId}?asOf=2026-02-30`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ field: 'asOf', reason_zh: expect.any(String), reason: expect.any(String) });
  });

  it('answers a user past the limit with 429 in the error shape, and other users still get theirs', async () => {
    // earlier tests used up part of this window; at most 5 a minute per user
    let last = 200;
    for (let i = 0; i < 6 && last === 200; i++)
      last = (await client.committee_member.get(`/api/explain/cadre/${cadreId}?asOf=${AS_OF}`)).status;
    const r = await client.committee_member.get(`/api/explain/cadre/${cadreId}?asOf=${AS_OF}`);
    expect(r.status).toBe(429);
    expect(r.body).toEqual({ reason_zh: expect.stringContaining('频繁'), reason: 'too many explanation requests' });
    // per user, not per address: another account from the same address is served
    const other = await client.discipline_officer.get(`/api/explain/cadre/${cadreId}?asOf=${AS_OF}`);
    expect(other.status).not.toBe(429);
  });
});
