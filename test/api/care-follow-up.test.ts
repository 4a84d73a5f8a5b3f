// Follow-up of adjusted cadres and re-use candidates through the API: a 江苏 cadre inside the influence period has
// the three tasks of 第十三条 until a talk and a visit answer them (then the reminder goes); a 陕西 cadre whose period
// is over is a re-use candidate that needs the upper organisation department's opinion first, and stops being one once
// a post is taken up; 安徽's text asks neither; a reader sees only the cadres in scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates.js';
import { loggedIn, startServer, unitIdByName, type Client, type TestServer } from './harness.js';
import { chinaDate } from '../../src/domain/dates.js';

let srv: TestServer;
let org: Client;
let cityOrg: Client;
const today = chinaDate(new Date());

interface Item {
  kind: string;
  cadreId: string;
  adjustmentId: string;
  periodUntil: string | null;
  tasks: { label: string; doneOn: string | null }[];
  upperOpinion: { required: boolean; givenOn: string | null };
  source: string;
  text: string;
}

let seq = 0;
async function adjusted(unitName: string, daysAgo: number): Promise<{ cadre: string; adjustment: string }> {
  const unit = (
    await srv.store.repo('units').list({ where: { parentId: await unitIdByName(srv.store, unitName) }, limit: 1 })
  )[0]!;
  const cadre = `fu-${++seq}`;
  await srv.store.repo('cadres').insert({
    id: cadre,
    name: `跟踪干部${seq}`,
    gender: null,
    birthDate: null,
    idNumber: null,
    category: '公务员',
    managingUnitId: unit.id,
  });
  const adjustment = `fu-adj-${seq}`;
  await srv.store.repo('adjustments').insert({
    id: adjustment,
    cadreId: cadre,
    date: addDays(today, -daysAgo),
    method: '免职',
    ruleId: null,
    reason: null,
  });
  return { cadre, adjustment };
}

const items = async (c: Client): Promise<Item[]> => {
  const r = await c.get('/api/care/follow-up');
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.items;
};
const todo = async (c: Client): Promise<Item[]> => {
  const r = await c.get('/api/care/todo');
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.followUps;
};

let jiangsu: { cadre: string; adjustment: string };
let shaanxi: { cadre: string; adjustment: string };
let anhui: { cadre: string; adjustment: string };

beforeAll(async () => {
  srv = await startServer({ cadres: 300 });
  org = await loggedIn(srv.base, 'org_officer');
  cityOrg = await loggedIn(srv.base, 'city_org');
  jiangsu = await adjusted('江苏省', 60);
  shaanxi = await adjusted('陕西省', 400);
  anhui = await adjusted('安徽省', 60);
}, 120_000);
afterAll(async () => srv?.close());

describe('during the influence period (江苏 第十三条)', () => {
  it('lists 教育管理, 谈心谈话 and 跟踪了解 with no due date, and reminds of them', async () => {
    const item = (await items(org)).find((x) => x.cadreId === jiangsu.cadre)!;
    expect(item.kind).toBe('followUp');
    // 免职: 一年内不得提拔 (第十二条), counted from the decision
    const decided = addDays(today, -60);
    expect(item.periodUntil).toBe(`${Number(decided.slice(0, 4)) + 1}${decided.slice(4)}`);
    expect(item.tasks.map((t) => [t.label, t.doneOn])).toEqual([
      ['加强教育管理', null],
      ['深入开展谈心谈话', null],
      ['加强跟踪了解（回访）', null],
    ]);
    expect(item.source).toContain('第十三条');
    expect(item.text).not.toMatch(/fu-/);
    expect((await todo(org)).some((x) => x.cadreId === jiangsu.cadre)).toBe(true);
  });

  it('a talk and a visit linked to the adjustment answer their tasks, and the reminder goes', async () => {
    const other = (await srv.store.repo('cadres').list({ limit: 1 }))[0]!.id;
    const talk = await org.post('/api/care/talks', {
      talkerId: other,
      talkeeId: jiangsu.cadre,
      heldOn: today,
      kind: 'followUp',
    });
    expect(talk.status, JSON.stringify(talk.body)).toBe(201);
    expect((await todo(org)).some((x) => x.cadreId === jiangsu.cadre)).toBe(true);
    const visit = await org.post('/api/care/visits', {
      cadreId: jiangsu.cadre,
      visitedOn: today,
      adjustmentId: jiangsu.adjustment,
    });
    expect(visit.status, JSON.stringify(visit.body)).toBe(201);
    const item = (await items(org)).find((x) => x.cadreId === jiangsu.cadre)!;
    expect(item.tasks.map((t) => t.doneOn)).toEqual([null, today, today]);
    expect((await todo(org)).some((x) => x.cadreId === jiangsu.cadre)).toBe(false);
  });
});

describe('after the influence period', () => {
  it('陕西: a re-use candidate that needs the upper organisation department’s opinion first (第十六条)', async () => {
    const item = (await items(org)).find((x) => x.cadreId === shaanxi.cadre)!;
    expect(item.kind).toBe('reuse');
    expect(item.upperOpinion).toEqual({ required: true, givenOn: null });
    expect(item.text).toContain('征求上一级组织人事部门意见');
    expect((await todo(org)).some((x) => x.cadreId === shaanxi.cadre)).toBe(true);
  });

  it('a post taken up after the period is the re-use: no longer a candidate', async () => {
    const cadre = (await srv.store.repo('cadres').get(shaanxi.cadre))!;
    await srv.store.repo('posts').insert({
      id: `${shaanxi.cadre}-post`,
      cadreId: shaanxi.cadre,
      unitId: cadre.managingUnitId,
      role: 'deputy',
      title: '副主任',
      partySecretary: false,
      inCharge: [],
      level: '副处',
      startDate: today,
      endDate: null,
      reason: null,
    });
    expect((await items(org)).some((x) => x.cadreId === shaanxi.cadre)).toBe(false);
  });

  it('安徽 asks neither follow-up nor re-use steps; a 江苏 city reader sees no 陕西 cadre', async () => {
    expect((await items(org)).some((x) => x.cadreId === anhui.cadre)).toBe(false);
    const city = await items(cityOrg);
    expect(city.some((x) => x.cadreId === shaanxi.cadre || x.cadreId === anhui.cadre)).toBe(false);
  });
});
