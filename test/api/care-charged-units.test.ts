// A team member's 分管单位 through the API: entered on the post as units of the tree (each must exist and lie in the
// writer's scope, a refusal writing nothing), unset until entered; the 陕西 coverage then pairs the member with the
// head of each unit in their charge, and until a post has it the dashboard says so in words instead of guessing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { loggedIn, startServer, subtreeIds, unitIdByName, type Client, type TestServer } from './harness.js';

let srv: TestServer;
let org: Client;
let cityOrg: Client;
let shaanxiUnits: Set<string>;
const LAST_YEAR = new Date().getUTCFullYear() - 1;
const db = () => (srv.store as unknown as KyselyStore).db;

interface PostRow {
  id: string;
  version: number;
  cadre_id: string;
  unit_id: string;
  title: string;
}

/** A serving deputy of a 陕西 team, and a unit below it with a serving principal (put in the deputy's charge). */
let deputy: PostRow;
let headed: { unitId: string; unitName: string; headId: string };

beforeAll(async () => {
  srv = await startServer({ cadres: 300 });
  shaanxiUnits = await subtreeIds(srv.store, await unitIdByName(srv.store, '陕西省'));
  org = await loggedIn(srv.base, 'org_officer');
  cityOrg = await loggedIn(srv.base, 'city_org');
  // the small generated record staffs few 陕西 teams: a county's deputy, and the head of a unit under that county
  const units = await srv.store.repo('units').list({ limit: 1_000_000 });
  const county = units.find((u) => shaanxiUnits.has(u.id) && units.some((c) => c.parentId === u.id))!;
  const below = units.find((c) => c.parentId === county.id)!;
  deputy = await staff(county.id, '副县长', 'deputy');
  headed = { unitId: below.id, unitName: below.name, headId: (await staff(below.id, '局长', 'principal')).cadre_id };
}, 120_000);
afterAll(async () => srv?.close());

let seq = 0;
async function staff(unitId: string, title: string, role: 'principal' | 'deputy'): Promise<PostRow> {
  const id = `charged-test-${++seq}`;
  await srv.store.repo('cadres').insert({
    id,
    name: `分管测试${seq}`,
    gender: '男',
    birthDate: '1976-03-01',
    idNumber: null,
    category: '公务员',
    managingUnitId: unitId,
  });
  const p = await srv.store.repo('posts').insert({
    id: `${id}-post`,
    cadreId: id,
    unitId,
    role,
    title,
    partySecretary: role === 'principal',
    inCharge: [],
    level: '正科',
    startDate: '2020-01-01',
    endDate: null,
    reason: null,
  });
  return { id: p.id, version: p.version, cadre_id: id, unit_id: unitId, title };
}

async function coverage(c: Client) {
  const r = await c.get(`/api/care/coverage?year=${LAST_YEAR}&limit=1000&unit=${deputy.unit_id}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as {
    pairs: { leader: { id: string }; other: { id: string }; lowerUnit: string | null; rule: string }[];
    gaps: { member: { id: string } | null; text: string }[];
  };
}

const stored = async () =>
  (await db()
    .selectFrom('posts')
    .select(['charged_unit_ids', 'version'])
    .where('id', '=', deputy.id)
    .executeTakeFirst())!;

describe('分管单位 on a post', () => {
  it('is unset until entered, and the coverage says so for that member instead of pairing anyone', async () => {
    expect((await stored()).charged_unit_ids).toBeNull();
    const { pairs, gaps } = await coverage(org);
    expect(pairs.some((p) => p.leader.id === deputy.cadre_id && p.rule.includes('分管'))).toBe(false);
    const gap = gaps.find((g) => g.member?.id === deputy.cadre_id);
    expect(gap?.text).toMatch(/的分管单位尚未录入，无法核对其同分管部门单位主要负责同志的谈话$/);
    expect(gap?.text).not.toContain(deputy.cadre_id);
  });

  it('refuses a unit that does not exist, naming the field, and changes nothing', async () => {
    const r = await org.put(`/api/records/posts/${deputy.id}`, {
      version: deputy.version,
      chargedUnitIds: ['NO-SUCH'],
    });
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('chargedUnitIds');
    expect(r.body.reason_zh ?? r.body.message).toContain('分管单位');
    expect(await stored()).toMatchObject({ charged_unit_ids: null, version: deputy.version });
  });

  it('refuses a unit outside the writer’s scope, and changes nothing', async () => {
    const nantongPost = await staff(await unitIdByName(srv.store, '南通市'), '副市长', 'deputy');
    const r = await cityOrg.put(`/api/records/posts/${nantongPost.id}`, {
      version: nantongPost.version,
      chargedUnitIds: [headed.unitId],
    });
    expect(r.status).toBe(403);
    const after = (await db()
      .selectFrom('posts')
      .select(['charged_unit_ids', 'version'])
      .where('id', '=', nantongPost.id)
      .executeTakeFirst())!;
    expect(after).toMatchObject({ charged_unit_ids: null, version: nantongPost.version });
  });

  it('once entered, pairs the member with the head of the unit in their charge, met by a talk either way', async () => {
    const r = await org.put(`/api/records/posts/${deputy.id}`, {
      version: deputy.version,
      chargedUnitIds: [headed.unitId],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.chargedUnitIds).toEqual([headed.unitId]);
    let cov = await coverage(org);
    expect(cov.gaps.some((g) => g.member?.id === deputy.cadre_id && g.text.includes('尚未录入'))).toBe(false);
    const pair = cov.pairs.find((p) => p.leader.id === deputy.cadre_id && p.other.id === headed.headId);
    expect(pair).toMatchObject({
      lowerUnit: headed.unitName,
      rule: '班子成员每年至少同分管部门单位的主要负责同志谈话一次',
    });
    const talk = await org.post('/api/care/talks', {
      talkerId: headed.headId,
      talkeeId: deputy.cadre_id,
      heldOn: `${LAST_YEAR}-12-31`,
      kind: 'scheduled',
    });
    expect(talk.status, JSON.stringify(talk.body)).toBe(201);
    cov = await coverage(org);
    const met = cov.pairs.find((p) => p.leader.id === deputy.cadre_id && p.other.id === headed.headId) as unknown as {
      heldOn: string | null;
    };
    expect(met.heldOn).toBe(`${LAST_YEAR}-12-31`);
  });

  it('entered as none, the member has neither pair nor gap', async () => {
    const { version } = await stored();
    const r = await org.put(`/api/records/posts/${deputy.id}`, { version, chargedUnitIds: [] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const cov = await coverage(org);
    expect(cov.pairs.some((p) => p.leader.id === deputy.cadre_id && p.rule.includes('分管'))).toBe(false);
    expect(cov.gaps.some((g) => g.member?.id === deputy.cadre_id)).toBe(false);
  });
});
