// Who applies for tolerance, as each text says: in 陕西 「相关单位或个人受到问责追责时…提出书面申请」 and in 焦作
// 「被问责的干部、单位…提出书面申请」 the party under accountability applies for itself — a unit (through its liaison)
// for a case about the unit, a cadre for a case about the cadre; in 如东 「干警个人或所在部门」 the unit may apply for
// its cadre too, but units are not subjects there. The apply form offers a person exactly the matters they may apply
// in; everyone else is refused with the reason, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/accounts/password.js';
import { insertUser } from '../../src/server/accounts/users.js';
import { dbOf } from '../../src/server/context.js';
import { DEMO_PASSWORD, loggedIn, startServer, type Client, type TestServer } from './harness.js';

let srv: TestServer;
const as = new Map<string, Client>();
const who = (u: string) => as.get(u)!;

/** A unit of `pack` below its root that manages at least one cadre, and one of those cadres. */
async function unitWithCadre(pack: string): Promise<{ unit: string; cadre: string }> {
  const units = await srv.store.repo('units').list({ limit: 100_000 });
  const cadres = await srv.store.repo('cadres').list({ limit: 100_000 });
  const byId = new Map(units.map((u) => [u.id, u]));
  const packOf = (id: string | null): string | null => {
    for (let u = id ? byId.get(id) : undefined; u; u = u.parentId ? byId.get(u.parentId) : undefined)
      if (u.pack) return u.pack;
    return null;
  };
  const c = cadres.find((x) => byId.get(x.managingUnitId)?.parentId && packOf(x.managingUnitId) === pack);
  if (!c) throw new Error(`no cadre managed below the root of ${pack}`);
  return { unit: c.managingUnitId, cadre: c.id };
}

/** A unit of `pack` below its root. */
async function unitOf(pack: string): Promise<string> {
  const units = await srv.store.repo('units').list({ limit: 100_000 });
  const root = units.find((u) => u.pack === pack)!;
  const u = units.find((x) => x.parentId === root.id);
  if (!u) throw new Error(`no unit below the root of ${pack}`);
  return u.id;
}

let n = 0;
async function matter(subject: { cadre?: string; unit?: string }, accountable: string): Promise<string> {
  const m = await srv.store.repo('accountabilityMatters').insert({
    id: `m-apply-${++n}`,
    subjectCadreId: subject.cadre ?? null,
    subjectUnitId: subject.cadre ? null : subject.unit!,
    description: subject.cadre ? '干部个人审批失误' : '单位改革试点未达预期',
    accountableUnitId: accountable,
    openedOn: '2024-03-01',
    decidedOn: null,
    outcome: null,
    decision: null,
  });
  return m.id;
}

async function liaison(username: string, unitId: string): Promise<void> {
  await insertUser(
    dbOf(srv.store),
    {
      username,
      displayName: '单位联络员（测试）',
      role: 'unit_liaison',
      unitId,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      mustChangePassword: false,
    },
    new Date(),
  );
}

async function caseCount(): Promise<number> {
  const r = await srv.app.ctx.db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

let sx: { unit: string; cadre: string };
let jz: { unit: string };
let sxUnitMatter = '';
let sxCadreMatter = '';
let jzUnitMatter = '';

beforeAll(async () => {
  srv = await startServer({ cadres: 400 });
  sx = await unitWithCadre('shaanxi');
  jz = { unit: await unitOf('jiaozuo') };
  await liaison('liaison_sx', sx.unit);
  await liaison('liaison_jz', jz.unit);
  for (const u of ['liaison_sx', 'liaison_jz', 'unit_liaison', 'cadre', 'discipline_officer'])
    as.set(u, await loggedIn(srv.base, u));
  const parentOf = async (id: string) => (await srv.store.repo('units').get(id))!.parentId!;
  sxUnitMatter = await matter({ unit: sx.unit }, await parentOf(sx.unit));
  sxCadreMatter = await matter({ cadre: sx.cadre }, sx.unit);
  jzUnitMatter = await matter({ unit: jz.unit }, await parentOf(jz.unit));
}, 300_000);
afterAll(async () => srv?.close());

const apply = (u: string, subjectType: 'cadre' | 'unit', subjectId: string, inputs: Record<string, unknown>) =>
  who(u).post('/api/cases', { action: 'apply', on: '2024-04-02', subjectType, subjectId, inputs });

describe('a unit applies for tolerance about itself (陕西, 焦作)', () => {
  it('the apply form offers the liaison the matter about its unit, not the one about its cadre', async () => {
    const r = await who('liaison_sx').get('/api/cases/apply-options');
    expect(r.status).toBe(200);
    const items = r.body.items as { matter: string; subjectType: string; inputs: { name: string }[]; body: string }[];
    expect(items.map((i) => i.matter)).toEqual([sxUnitMatter]);
    expect(items[0]).toMatchObject({ subjectType: 'unit', body: '受到问责追责的单位或个人' });
    // 陕西: a written application relying on a situation
    expect(items[0]!.inputs.map((i) => i.name)).toEqual(['situation', 'statement']);
  });

  it('陕西: the unit’s liaison applies in writing; the case is about the unit and the officers have it to accept', async () => {
    const missing = await apply('liaison_sx', 'unit', sx.unit, { matter: sxUnitMatter, situation: '第六条（一）' });
    expect(missing.status).toBe(400);
    expect(missing.body.field).toBe('inputs.statement');
    const r = await apply('liaison_sx', 'unit', sx.unit, {
      matter: sxUnitMatter,
      situation: '第六条（一）',
      statement: '本单位在改革试点中因政策调整未达预期，特申请容错。',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ subjectType: 'unit', subjectId: sx.unit, state: 'applied', pack: 'shaanxi' });
    // the applicant follows the case it started
    expect((await who('liaison_sx').get(`/api/cases/${r.body.id as string}`)).status).toBe(200);
    const todo = await who('discipline_officer').get('/api/cases/todo?pack=shaanxi&limit=200');
    expect((todo.body.items as { id: string }[]).map((c) => c.id)).toContain(r.body.id);
  });

  it('焦作: the unit’s liaison applies for the unit', async () => {
    const options = await who('liaison_jz').get('/api/cases/apply-options');
    expect((options.body.items as { matter: string }[]).map((i) => i.matter)).toEqual([jzUnitMatter]);
    const r = await apply('liaison_jz', 'unit', jz.unit, { matter: jzUnitMatter, statement: '本单位申请容错。' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ subjectType: 'unit', pack: 'jiaozuo' });
  });

  it('refuses everyone else with the reason, and writes nothing', async () => {
    const before = await caseCount();
    // 陕西: a case about a cadre is applied for by the cadre, not by the unit on the cadre's behalf
    const forCadre = await apply('liaison_sx', 'cadre', sx.cadre, {
      matter: sxCadreMatter,
      situation: '第六条（一）',
      statement: '代本单位干部申请。',
    });
    expect(forCadre.status).toBe(403);
    expect(forCadre.body.reason_zh).toMatch(/本案所涉为干部个人，应由其本人提出申请/);
    expect(forCadre.body.reason_zh).toMatch(/第八条（一）/);
    // another unit's liaison
    const other = await apply('liaison_jz', 'unit', sx.unit, {
      matter: sxUnitMatter,
      situation: '第六条（一）',
      statement: '代他单位申请。',
    });
    expect(other.status).toBe(403);
    expect(other.body.reason_zh).toBe('只能为本单位提出');
    // a cadre for a unit
    const cadre = await apply('cadre', 'unit', sx.unit, {
      matter: sxUnitMatter,
      situation: '第六条（一）',
      statement: '个人代单位申请。',
    });
    expect(cadre.status).toBe(403);
    expect(cadre.body.reason_zh).toMatch(/本案所涉为单位，应由该单位提出/);
    // an officer does not apply: the organ starts a case ex officio
    const officer = await apply('discipline_officer', 'unit', sx.unit, {
      matter: sxUnitMatter,
      situation: '第六条（一）',
      statement: '机关代为申请。',
    });
    expect(officer.status).toBe(403);
    expect(officer.body.reason_zh).toBe('此步骤应由受到问责追责的单位或个人办理');
    expect(await caseCount()).toBe(before);
  });
});

describe('如东: the department may apply for its 干警, but units are not subjects', () => {
  it('the liaison of 如东县人民检察院 is offered and may apply for a 干警 it manages', async () => {
    const me = (await who('unit_liaison').get('/api/auth/me')).body as { unitId: string };
    const cadre = await srv.store.repo('cadres').insert({
      id: 'apply-rudong-cadre',
      name: '测试干警',
      gender: null,
      birthDate: null,
      idNumber: null,
      category: '公务员',
      managingUnitId: me.unitId,
    });
    const m = await matter({ cadre: cadre.id }, cadre.managingUnitId);
    const options = await who('unit_liaison').get('/api/cases/apply-options');
    expect((options.body.items as { matter: string }[]).map((i) => i.matter)).toContain(m);
    const r = await apply('unit_liaison', 'cadre', cadre.id, { matter: m, statement: '部门为干警申请容错。' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const unitCase = await apply('unit_liaison', 'unit', cadre.managingUnitId, { matter: m });
    expect(unitCase.status).toBe(400);
    expect(unitCase.body.reason_zh).toBe('本地规定的容错对象不包括单位');
  });

  it('an officer is offered nothing to apply in', async () => {
    const r = await who('discipline_officer').get('/api/cases/apply-options');
    expect(r.body.items).toEqual([]);
  });
});
