// 关心关爱 through the API: the coverage of the yearly talks for the jurisdictions whose texts require them (陕西, 安徽)
// and none elsewhere; a recorded talk meets its pair for the year it was held in (31 December included, 1 January of
// the next year not); reminders (待办) list the missing pairs and drop a pair once talked; talk records and visits
// are reached and written within the scope; bad input is a 400 naming the field that writes nothing; the talk record
// downloads as a .docx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { loggedIn, startServer, subtreeIds, unitIdByName, type Client, type TestServer } from './harness.js';
import { chinaDate } from '../../src/domain/dates.js';

let srv: TestServer;
let org: Client;
let cityOrg: Client;
let liaison: Client;
let committee: Client;
let cadreClient: Client;
let shaanxiUnits: Set<string>;
let anhuiUnits: Set<string>;
let demoCadre = '';
const THIS_YEAR = new Date().getUTCFullYear();
const LAST_YEAR = THIS_YEAR - 1;

interface Pair {
  unitId: string;
  unit: string;
  lowerUnit: string | null;
  leader: { id: string; name: string };
  other: { id: string; name: string };
  heldOn: string | null;
}

const db = () => (srv.store as unknown as KyselyStore).db;
const talkCount = async () => (await db().selectFrom('talk_records').select('id').execute()).length;

async function coverage(
  c: Client,
  year: number,
): Promise<{ pairs: Pair[]; total: number; totals: { required: number; met: number } }> {
  const r = await c.get(`/api/care/coverage?year=${year}&limit=1000`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

const samePair = (a: Pair, b: Pair) =>
  a.leader.id === b.leader.id && a.other.id === b.other.id && a.unitId === b.unitId;

beforeAll(async () => {
  srv = await startServer({ cadres: 300 });
  shaanxiUnits = await subtreeIds(srv.store, await unitIdByName(srv.store, '陕西省'));
  anhuiUnits = await subtreeIds(srv.store, await unitIdByName(srv.store, '安徽省'));
  org = await loggedIn(srv.base, 'org_officer');
  cityOrg = await loggedIn(srv.base, 'city_org');
  liaison = await loggedIn(srv.base, 'unit_liaison');
  committee = await loggedIn(srv.base, 'committee_member');
  cadreClient = await loggedIn(srv.base, 'cadre');
  const me = await cadreClient.get('/api/auth/me');
  demoCadre = me.body.cadreId ?? me.body.user?.cadreId;
  // the small generated record staffs no 安徽 teams: a city's secretary and the principals of two counties below it
  const hefei = await unitIdByName(srv.store, '合肥市');
  await staff(hefei, '合肥市委书记', true);
  await staff(await unitIdByName(srv.store, '长丰县'), '长丰县委书记', true);
  const feidong = await unitIdByName(srv.store, '肥东县');
  await staff(feidong, '肥东县委书记', true);
  await staff(feidong, '肥东县县长', false);
}, 120_000);

let seq = 0;
async function staff(unitId: string, title: string, partySecretary: boolean): Promise<void> {
  const id = `care-test-${++seq}`;
  await srv.store.repo('cadres').insert({
    id,
    name: `测试干部${seq}`,
    gender: '男',
    birthDate: '1975-05-01',
    idNumber: null,
    category: '公务员',
    managingUnitId: unitId,
  });
  await srv.store.repo('posts').insert({
    id: `${id}-post`,
    cadreId: id,
    unitId,
    role: 'principal',
    title,
    partySecretary,
    inCharge: [],
    level: '正处',
    startDate: '2020-01-01',
    endDate: null,
    reason: null,
  });
}
afterAll(async () => srv?.close());

describe('coverage of the yearly talks', () => {
  it('requires pairs only in 陕西 (principal with each member) and 安徽 (upper principal with each lower principal)', async () => {
    const { pairs, totals } = await coverage(org, LAST_YEAR);
    expect(pairs.length).toBeGreaterThan(0);
    expect(totals).toEqual({ required: pairs.length, met: 0 });
    for (const p of pairs) expect(shaanxiUnits.has(p.unitId) || anhuiUnits.has(p.unitId)).toBe(true);
    expect(pairs.some((p) => shaanxiUnits.has(p.unitId) && p.lowerUnit === null)).toBe(true);
    const hefei = pairs.filter((p) => anhuiUnits.has(p.unitId));
    // 合肥市委书记 with the principals of the counties below: 长丰县's one, 肥东县's two; never the other way round
    expect(hefei.map((p) => [p.unit, p.leader.name, p.lowerUnit]).sort()).toEqual(
      [
        ['合肥市', '测试干部1', '长丰县'],
        ['合肥市', '测试干部1', '肥东县'],
        ['合肥市', '测试干部1', '肥东县'],
      ].sort(),
    );
  });

  it('a 江苏 organisation department has no pairs: its text says only 「经常」', async () => {
    const { pairs } = await coverage(cityOrg, LAST_YEAR);
    expect(pairs).toEqual([]);
  });

  it('a talk on 31 December meets the pair for that year; one on 1 January meets it for the next year only', async () => {
    const before = await coverage(org, LAST_YEAR);
    const [a, b] = before.pairs.filter((p) => shaanxiUnits.has(p.unitId));
    const onLastDay = await org.post('/api/care/talks', {
      talkerId: a!.leader.id,
      talkeeId: a!.other.id,
      heldOn: `${LAST_YEAR}-12-31`,
      kind: 'scheduled',
      summary: '听取思想和工作情况，肯定成绩，指出不足。',
    });
    expect(onLastDay.status, JSON.stringify(onLastDay.body)).toBe(201);
    // 陕西: 同…谈话, the member leading counts too
    const onFirstDay = await org.post('/api/care/talks', {
      talkerId: b!.other.id,
      talkeeId: b!.leader.id,
      heldOn: `${THIS_YEAR}-01-01`,
      kind: 'occasion',
    });
    expect(onFirstDay.status, JSON.stringify(onFirstDay.body)).toBe(201);
    const after = await coverage(org, LAST_YEAR);
    expect(after.pairs.find((p) => samePair(p, a!))!.heldOn).toBe(`${LAST_YEAR}-12-31`);
    expect(after.pairs.find((p) => samePair(p, b!))!.heldOn).toBeNull();
    expect(after.totals.met).toBe(1);
    const next = await coverage(org, THIS_YEAR);
    const bNext = next.pairs.find((p) => samePair(p, b!));
    if (bNext) expect(bNext.heldOn).toBe(`${THIS_YEAR}-01-01`);
  });

  it('安徽 counts the talk only when the upper principal holds it', async () => {
    const { pairs } = await coverage(org, LAST_YEAR);
    const [x, y] = pairs.filter((p) => anhuiUnits.has(p.unitId) && p.heldOn === null);
    expect(
      (
        await org.post('/api/care/talks', {
          talkerId: x!.leader.id,
          talkeeId: x!.other.id,
          heldOn: `${LAST_YEAR}-06-30`,
          kind: 'scheduled',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await org.post('/api/care/talks', {
          talkerId: y!.other.id,
          talkeeId: y!.leader.id,
          heldOn: `${LAST_YEAR}-06-30`,
          kind: 'scheduled',
        })
      ).status,
    ).toBe(201);
    const after = await coverage(org, LAST_YEAR);
    expect(after.pairs.find((p) => samePair(p, x!))!.heldOn).toBe(`${LAST_YEAR}-06-30`);
    expect(after.pairs.find((p) => samePair(p, y!))!.heldOn).toBeNull();
  });

  it('the missing pairs alone, when asked', async () => {
    const r = await org.get(`/api/care/coverage?year=${LAST_YEAR}&missing=true&limit=1000`);
    expect(r.body.pairs.length).toBe(r.body.totals.required - r.body.totals.met);
    expect(r.body.pairs.every((p: Pair) => p.heldOn === null)).toBe(true);
  });
});

describe('reminders (待办)', () => {
  it('list this year’s missing talks in words and drop a pair once the talk is recorded', async () => {
    const r = await org.get('/api/care/todo');
    expect(r.status).toBe(200);
    const item = r.body.items[0];
    expect(item.text).toMatch(/尚未谈心谈话/);
    expect(item.text).not.toMatch(/[a-z]\d{3,}/i);
    const recorded = await org.post('/api/care/talks', {
      talkerId: item.leader.id,
      talkeeId: item.other.id,
      heldOn: chinaDate(new Date()),
      kind: 'scheduled',
    });
    expect(recorded.status).toBe(201);
    const after = await org.get('/api/care/todo');
    expect(after.body.items.length).toBe(r.body.items.length - 1);
    expect(after.body.items.some((i: Pair) => samePair(i, item))).toBe(false);
  });
});

describe('talk records within the scope', () => {
  let pair: Pair;
  beforeAll(async () => {
    pair = (await coverage(org, LAST_YEAR)).pairs.find((p) => shaanxiUnits.has(p.unitId))!;
  });

  it.each([
    ['a talk with oneself', (p: Pair) => ({ talkeeId: p.leader.id }), 'talkeeId'],
    ['a day that does not exist', () => ({ heldOn: '2025-02-29' }), 'heldOn'],
    ['a talk in the future', () => ({ heldOn: `${THIS_YEAR + 1}-01-01` }), 'heldOn'],
    ['a kind outside the list', () => ({ kind: 'chat' }), 'kind'],
    ['a cadre that does not exist', () => ({ talkerId: 'no-such-cadre' }), 'talkerId'],
    ['a case that does not exist', () => ({ caseId: 'no-such-case' }), 'caseId'],
  ])('refuses %s with a 400 naming the field, and writes nothing', async (_what, change, field) => {
    const before = await talkCount();
    const r = await org.post('/api/care/talks', {
      talkerId: pair.leader.id,
      talkeeId: pair.other.id,
      heldOn: `${LAST_YEAR}-05-01`,
      kind: 'scheduled',
      ...change(pair),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.field).toBe(field);
    expect(await talkCount()).toBe(before);
  });

  it('outside the writer’s scope, or for a role that keeps no care records, it is refused', async () => {
    const body = { talkerId: pair.leader.id, talkeeId: pair.other.id, heldOn: `${LAST_YEAR}-05-01`, kind: 'scheduled' };
    const before = await talkCount();
    expect((await cityOrg.post('/api/care/talks', body)).status).toBe(403);
    expect((await liaison.post('/api/care/talks', body)).status).toBe(403);
    expect((await committee.post('/api/care/talks', body)).status).toBe(403);
    expect((await cadreClient.post('/api/care/talks', body)).status).toBe(403);
    expect(await talkCount()).toBe(before);
  });

  it('the list shows names; a reader outside both parties’ scope sees none of it, and not its record', async () => {
    const mine = await org.get(`/api/care/talks?year=${LAST_YEAR}&cadre=${pair.leader.id}`);
    expect(mine.status).toBe(200);
    const t = mine.body.items[0];
    expect(t.talker.name).toBe(pair.leader.name);
    expect(t.kindText).toBe('例行谈心谈话');
    const city = await cityOrg.get(`/api/care/talks?year=${LAST_YEAR}&limit=500`);
    expect(city.body.items.map((i: { id: string }) => i.id)).not.toContain(t.id);
    expect((await cityOrg.get(`/api/care/talks/${t.id}/record.docx`)).status).toBe(404);
    const doc = await org.get(`/api/care/talks/${t.id}/record.docx`);
    expect(doc.status).toBe(200);
    expect(doc.headers.get('content-type')).toContain('wordprocessingml');
    expect((doc.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });

  it('the cadre sees only the talks they took part in', async () => {
    const r = await org.post('/api/care/talks', {
      talkerId: pair.leader.id,
      talkeeId: demoCadre,
      heldOn: `${LAST_YEAR}-08-01`,
      kind: 'occasion',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const seen = await cadreClient.get('/api/care/talks?limit=500');
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((i: { id: string }) => i.id)).toEqual([r.body.id]);
    expect((await cadreClient.get(`/api/care/coverage?year=${LAST_YEAR}`)).status).toBe(403);
  });
});

describe('return visits', () => {
  it('must be linked to exactly one case or adjustment of the visited cadre', async () => {
    const adj = (await db().selectFrom('adjustments').select(['id', 'cadre_id']).limit(2).execute()) as {
      id: string;
      cadre_id: string;
    }[];
    const neither = await org.post('/api/care/visits', { cadreId: demoCadre, visitedOn: `${LAST_YEAR}-03-01` });
    expect(neither.status).toBe(400);
    expect(neither.body.field).toBe('caseId');
    if (adj.length === 0) return;
    const other = adj.find((a) => a.cadre_id !== demoCadre)!;
    const wrong = await org.post('/api/care/visits', {
      cadreId: demoCadre,
      visitedOn: `${LAST_YEAR}-03-01`,
      adjustmentId: other.id,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.field).toBe('adjustmentId');
    const ok = await org.post('/api/care/visits', {
      cadreId: other.cadre_id,
      visitedOn: `${LAST_YEAR}-03-01`,
      adjustmentId: other.id,
      notes: '了解新岗位适应情况',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const list = await org.get(`/api/care/visits?cadre=${other.cadre_id}`);
    expect(list.body.items[0]).toMatchObject({ adjustmentId: other.id, notes: '了解新岗位适应情况' });
  });
});
