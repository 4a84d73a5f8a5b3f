// The case list, 待办 and 已办 are answered by the database (store/cases.ts, from actors.ts `viewerOf` and
// `openActorRows`); `visible` and `allowed` answer the same questions case by case in code. On a record of cases
// walked at random through three packs' procedures (cadres and units as subjects, at city and county level, every
// state a walk reaches), every role bound to every unit (and to none), as a participant and not, must get from the
// lists exactly the cases the rule gives. Pages by offset and by keyset must add up to the whole list.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEW_STATE, type ActionSpec, type ProcedureDef } from '../../domain/procedure.js';
import { casesOf, type CaseListFilter, type CaseRow } from '../../store/cases.js';
import { openStore, type OpenedStore } from '../../store/index.js';
import { definitionRegistry } from '../../workflow/definitions.js';
import { openActions } from '../../workflow/engine.js';
import type { Actor } from './actors.js';
import { ToleranceCases } from './cases.js';
import { CaseNotFoundError } from './errors.js';

const ROLES = [
  'org_officer',
  'discipline_officer',
  'accountability_officer',
  'committee_member',
  'unit_liaison',
  'cadre',
  'sys_admin',
  'security_admin',
  'audit_admin',
  'unassigned',
];
// three provinces, each province → city → county; cadres at city and county level
const UNITS = [
  { id: 's0', name: '陕西省', kind: 'province', parentId: null, pack: 'shaanxi' },
  { id: 's1', name: '榆林市', kind: 'city', parentId: 's0', pack: null },
  { id: 's2', name: '神木市', kind: 'county', parentId: 's1', pack: null },
  { id: 'j0', name: '江苏省', kind: 'province', parentId: null, pack: 'jiangsu' },
  { id: 'j1', name: '南通市', kind: 'city', parentId: 'j0', pack: null },
  { id: 'j2', name: '如皋市', kind: 'county', parentId: 'j1', pack: null },
  { id: 'a0', name: '安徽省', kind: 'province', parentId: null, pack: 'anhui' },
  { id: 'a1', name: '合肥市', kind: 'city', parentId: 'a0', pack: null },
  { id: 'a2', name: '肥东县', kind: 'county', parentId: 'a1', pack: null },
] as const;
const PACK: Record<string, string> = { s: 'shaanxi', j: 'jiangsu', a: 'anhui' };
const CADRES = ['s1', 's2', 'j1', 'j2', 'a1', 'a2'].flatMap((u) => [`${u}-a`, `${u}-b`].map((id) => ({ id, unit: u })));
const PARENT = new Map<string, string | null>(UNITS.map((u) => [u.id, u.parentId]));

let dir: string;
let store: OpenedStore;
let tc: ToleranceCases;
let all: CaseRow[] = [];
let walks = 0;
const userIds = new Set<string>();

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
let seed = 20261203;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return Math.floor(seed / 65536) % n; // the high bits: the low ones of this generator repeat
};

/** Someone who stands where `spec` says for a case about `subject` handled at `handling`. */
function actorFor(spec: ActionSpec, subject: { type: 'cadre' | 'unit'; id: string; unit: string }, handling: string) {
  const role = spec.actor.roles[rand(spec.actor.roles.length)]!;
  let unitId: string | null = handling;
  if (spec.actor.scope === 'upper') unitId = PARENT.get(handling) ?? null;
  if (spec.actor.scope === 'subject') unitId = subject.unit;
  const actor: Actor = {
    userId: `u-${role}-${unitId}`,
    role,
    unitId: role === 'cadre' ? null : unitId,
    cadreId: role === 'cadre' && subject.type === 'cadre' ? subject.id : null,
  };
  if (role === 'cadre') actor.userId = `u-cadre-${subject.id}`;
  userIds.add(actor.userId!);
  return actor;
}

function inputsFor(spec: ActionSpec, on: string): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const i of spec.inputs ?? []) {
    if (i.kind === 'date') inputs[i.name] = on;
    else if (i.kind === 'names') inputs[i.name] = ['某某'];
    else if (i.kind !== 'outcome') inputs[i.name] = '说明';
  }
  if (spec.concludes) {
    inputs.outcome = spec.concludes[rand(spec.concludes.length)];
    inputs.departureReason = '经集体研究';
  }
  return inputs;
}

async function walk(
  def: ProcedureDef,
  subject: { type: 'cadre' | 'unit'; id: string; unit: string },
  steps: number,
  script?: string[],
) {
  const matter = `m-${subject.id}-${++walks}`;
  await store.repo('accountabilityMatters').insert({
    id: matter,
    subjectCadreId: subject.type === 'cadre' ? subject.id : null,
    subjectUnitId: subject.type === 'unit' ? subject.id : null,
    description: '项目审批失误',
    accountableUnitId: subject.unit,
    openedOn: '2024-01-01',
    decidedOn: null,
    outcome: null,
    decision: null,
  });
  const handling = subject.type === 'unit' ? PARENT.get(subject.id)! : subject.unit;
  // started by someone other than the cadre (where the text lets only the party apply, a unit applies for itself only)
  const starts = def.actions.filter(
    (a) =>
      a.from.includes(NEW_STATE) &&
      a.actor.roles.some((r) => r !== 'cadre') &&
      !(a.actor.partyOnly && subject.type === 'cadre'),
  );
  const first = starts[0]!;
  const on = `2024-0${1 + rand(9)}-1${rand(10)}`;
  let c = await tc.start(
    {
      ...actorFor(
        { ...first, actor: { ...first.actor, roles: first.actor.roles.filter((r) => r !== 'cadre') } },
        subject,
        handling,
      ),
    },
    { action: first.id, on, subject, reason: '依职权', inputs: { ...inputsFor(first, on), matter } },
  );
  for (let n = 0; n < steps && !c.closed; n++) {
    const open = openActions(def, { state: c.state, context: c.context as never });
    if (!open.length) break;
    // mostly steps that move the case on, so the walks reach the later states (escalation, the upper body, appeal)
    const moving = open.filter((a) => a.to !== c.state);
    const pool = moving.length && rand(5) > 0 ? moving : open;
    const spec = script ? open.find((a) => a.id === script[n]) : pool[rand(pool.length)]!;
    if (!spec) break;
    try {
      c = await tc.act(actorFor(spec, subject, handling), c.id, c.version, {
        action: spec.id,
        on,
        reason: '理由',
        inputs: inputsFor(spec, on),
      });
    } catch (e) {
      if (process.env.DEBUG_WALK) console.log(spec.id, (e as Error).message);
      // a step the walk cannot take (a guard on the outcome, a missing input): try another
    }
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sx-case-lists-'));
  store = await openStore({ dataDir: dir });
  for (const u of UNITS) await store.repo('units').insert(u);
  for (const c of CADRES)
    await store.repo('cadres').insert({
      id: c.id,
      name: c.id,
      gender: null,
      birthDate: null,
      idNumber: null,
      category: '公务员',
      managingUnitId: c.unit,
    });
  tc = new ToleranceCases(store);
  const defs = new Map(['shaanxi', 'jiangsu', 'anhui'].map((p) => [p, definitionRegistry().current(p, 'tolerance')!]));
  for (let i = 0; i < 48; i++) {
    const cadre = CADRES[i % CADRES.length]!;
    const pack = PACK[cadre.unit[0]!]!;
    await walk(defs.get(pack)!, { type: 'cadre', id: cadre.id, unit: cadre.unit }, 2 + rand(14));
  }
  // 江苏's escalation to the 上级党委, which random walks rarely reach: a city's case and a county's
  const toUpper = ['hear', 'find', 'hear_again', 'propose', 'agree', 'refer_up'];
  for (const cadre of ['j1-a', 'j2-b'])
    await walk(defs.get('jiangsu')!, { type: 'cadre', id: cadre, unit: cadre.slice(0, 2) }, toUpper.length, toUpper);
  // 陕西 takes units as subjects: the county's leadership, handled by the city
  for (let i = 0; i < 6; i++) await walk(defs.get('shaanxi')!, { type: 'unit', id: 's2', unit: 's2' }, 2 + rand(14));
  const repo = casesOf(store);
  all = await repo.byIds((await repo.db.selectFrom('cases').select('id').execute()).map((r) => r.id as string));
}, 300_000);
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function byRule(actor: Actor) {
  const seen: CaseRow[] = [];
  const todo: string[] = [];
  const done: string[] = [];
  for (const c of all) {
    try {
      await tc.visible(actor, c.id);
    } catch (e) {
      if (e instanceof CaseNotFoundError) continue;
      throw e;
    }
    seen.push(c);
    if (!c.closed && (await tc.allowed(actor, c)).length) todo.push(c.id);
    if ((await casesOf(store).steps(c.id)).some((s) => s.actorUserId === actor.userId)) done.push(c.id);
  }
  return { seen: seen.map((c) => c.id), todo, done };
}

const ids = async (actor: Actor, kind: 'all' | 'todo' | 'done') =>
  (await tc.list(actor, kind, {}, { limit: 200 })).items.map((c) => c.id);

describe('the lists answer as the rule, for every role', () => {
  it('the record holds cases in many states, open and closed, cadres and units', () => {
    expect(all.length).toBe(56);
    expect(new Set(all.map((c) => c.state)).size).toBeGreaterThan(4);
    expect(all.some((c) => c.closed)).toBe(true);
    // a step for the body above the handling unit is open on some case (上级党委审核把关)
    expect(all.some((c) => c.state === 'upper_review')).toBe(true);
    expect(all.some((c) => c.subjectType === 'unit')).toBe(true);
    expect(all.some((c) => !c.closed)).toBe(true);
  });

  it.each(ROLES)('%s, bound to each unit and to none, as a participant and not', async (role) => {
    const units: (string | null)[] = [null, ...UNITS.map((u) => u.id)];
    let compared = 0;
    for (const unitId of units) {
      const people: Actor[] =
        role === 'cadre'
          ? CADRES.map((c) => ({ userId: `u-cadre-${c.id}`, role, unitId: null, cadreId: c.id }))
          : [
              { userId: `u-${role}-${unitId}`, role, unitId, cadreId: null },
              { userId: `nobody-${role}-${unitId}`, role, unitId, cadreId: null },
            ];
      for (const actor of people) {
        const rule = await byRule(actor);
        const order = (xs: string[]) => all.map((c) => c.id).filter((id) => xs.includes(id));
        expect(await ids(actor, 'all'), `${role}@${unitId} ${actor.userId}`).toEqual(order(rule.seen));
        expect(await ids(actor, 'todo'), `todo ${role}@${unitId} ${actor.userId}`).toEqual(order(rule.todo));
        expect(await ids(actor, 'done'), `done ${role}@${unitId} ${actor.userId}`).toEqual(order(rule.done));
        for (const kind of ['all', 'todo', 'done'] as const)
          expect((await tc.list(actor, kind, {}, { limit: 1 })).total, `${kind} total ${role}@${unitId}`).toBe(
            rule[kind === 'all' ? 'seen' : kind].length,
          );
        // the actions 待办 shows, read for a page at once, are those `allowed` gives case by case
        const onPage = await tc.allowedOnPage(actor, all);
        for (const c of all.filter((x) => !x.closed))
          expect(
            onPage.get(c.id)!.map((a) => a.id),
            `actions ${role}@${unitId} ${c.id}`,
          ).toEqual((await tc.allowed(actor, c)).map((a) => a.id));
        compared += rule.seen.length;
      }
      if (role === 'cadre') break;
    }
    if (['sys_admin', 'security_admin', 'audit_admin', 'unassigned'].includes(role)) expect(compared).toBe(0);
    else expect(compared).toBeGreaterThan(0);
  });
});

describe('待办 filtered', () => {
  it("by the handling unit, state, pack and year: the rule's 待办 so filtered, for officers at every level", async () => {
    const below = (unit: string, root: string): boolean => {
      for (let u: string | null = unit; u; u = PARENT.get(u) ?? null) if (u === root) return true;
      return false;
    };
    const open = all.filter((c) => !c.closed);
    const filters: CaseListFilter[] = [
      ...UNITS.map((u) => ({ unitId: u.id as string })),
      { state: open[0]!.state },
      { pack: 'jiangsu', year: open.find((c) => c.pack === 'jiangsu')!.year },
      { unitId: 'j1', state: open.find((c) => c.pack === 'jiangsu')!.state },
    ];
    let compared = 0;
    for (const role of ['discipline_officer', 'org_officer', 'committee_member', 'unit_liaison'])
      for (const unitId of [null, 'j0', 'j1', 'j2', 's1']) {
        const actor: Actor = { userId: `u-${role}-${unitId}`, role, unitId, cadreId: null };
        const rule = (await byRule(actor)).todo;
        for (const f of filters) {
          const want = all
            .filter((c) => rule.includes(c.id))
            .filter((c) => !f.unitId || below(c.handlingUnitId, f.unitId))
            .filter((c) => !f.state || c.state === f.state)
            .filter((c) => !f.pack || c.pack === f.pack)
            .filter((c) => f.year === undefined || c.year === f.year)
            .map((c) => c.id);
          const got = await tc.list(actor, 'todo', f, { limit: 200 });
          expect(
            got.items.map((c) => c.id),
            `todo ${role}@${unitId} ${JSON.stringify(f)}`,
          ).toEqual(want);
          expect(got.total).toBe(want.length);
          compared += want.length;
        }
      }
    expect(compared).toBeGreaterThan(0);
  });
});

describe('pages', () => {
  const province: Actor = { userId: 'p', role: 'discipline_officer', unitId: null, cadreId: null };

  it('offset pages and keyset pages add up to the whole list, in order, and the count is exact', async () => {
    const whole = await ids(province, 'all');
    expect(whole.length).toBe(56);
    const byOffset: string[] = [];
    const byKeyset: string[] = [];
    let after: { openedOn: string; id: string } | undefined;
    for (let offset = 0; offset < whole.length; offset += 7) {
      const p = await tc.list(province, 'all', {}, { limit: 7, offset });
      expect(p.total).toBe(56);
      expect(p.totalCapped).toBe(false);
      byOffset.push(...p.items.map((c) => c.id));
      const k = await tc.list(province, 'all', {}, { limit: 7, after });
      byKeyset.push(...k.items.map((c) => c.id));
      after = k.next ?? undefined;
      expect(k.next === null).toBe(byKeyset.length === whole.length);
    }
    expect(byOffset).toEqual(whole);
    expect(byKeyset).toEqual(whole);
  });

  it('filters narrow the list: pack, state, year and the handling unit subtree', async () => {
    const f = await tc.list(province, 'all', { pack: 'jiangsu', unitId: 'j2' }, { limit: 200 });
    expect(f.items.map((c) => c.id)).toEqual(
      all.filter((c) => c.pack === 'jiangsu' && c.handlingUnitId === 'j2').map((c) => c.id),
    );
    const state = all[0]!.state;
    const s = await tc.list(province, 'all', { state, year: 2024 }, { limit: 200 });
    expect(s.items.map((c) => c.id)).toEqual(all.filter((c) => c.state === state).map((c) => c.id));
  });
});
