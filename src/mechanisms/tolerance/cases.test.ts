// The case mechanism on a real SQLite record: a case finishes on the definition version it started under (with the
// report of which cases run on which), local deadlines are stored as data and re-armed by a fresh process, no
// deadline exists without a local rule, and a recorded decision shows at once in the evaluation, naming itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProcedureDef } from '../../domain/procedure.js';
import { packRegistry } from '../../packs/index.js';
import { shaanxiTolerance } from '../../packs/shaanxi/procedures/tolerance.js';
import { evaluate } from '../../policy/engine.js';
import { casesOf } from '../../store/cases.js';
import { openStore, type OpenedStore } from '../../store/index.js';
import { DefinitionRegistry, TOLERANCE_DEFINITIONS } from '../../workflow/definitions.js';
import { ToleranceCases } from './cases.js';
import { armDeadlines } from './deadlines.js';

let dir: string;
let store: OpenedStore;
const D = { userId: 'd1', role: 'discipline_officer', unitId: 'u1' };

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sx-cases-'));
  store = await openStore({ dataDir: dir });
  await store.repo('units').insert({ id: 'u0', name: '陕西省', kind: 'province', parentId: null, pack: 'shaanxi' });
  await store.repo('units').insert({ id: 'u1', name: '榆林市', kind: 'city', parentId: 'u0', pack: null });
  for (const id of ['c1', 'c2'])
    await store.repo('cadres').insert({
      id,
      name: id,
      gender: null,
      birthDate: null,
      idNumber: null,
      category: '公务员',
      managingUnitId: 'u1',
    });
  for (const id of ['c1', 'c2'])
    await store.repo('accountabilityMatters').insert(matterAbout(`m-${id}`, { cadre: id }));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function matterAbout(id: string, subject: { cadre?: string; unit?: string }) {
  return {
    id,
    subjectCadreId: subject.cadre ?? null,
    subjectUnitId: subject.unit ?? null,
    description: '某项目审批失误',
    accountableUnitId: 'u1',
    openedOn: '2019-02-01',
    decidedOn: null,
    outcome: null,
    decision: null,
  };
}

const open = (tc: ToleranceCases, subject: string, on = '2019-03-01') =>
  tc.start(D, { action: 'open', on, subject: { type: 'cadre', id: subject }, inputs: { matter: `m-${subject}` } });

async function take(tc: ToleranceCases, id: string, action: string, on: string, inputs: Record<string, unknown> = {}) {
  const c = (await casesOf(store).get(id))!;
  return tc.act(D, id, c.version, { action, on, inputs });
}

describe('definition versions', () => {
  it('a case finishes on the version it started under; new cases start on the new one; the report says which', async () => {
    const tc1 = new ToleranceCases(store);
    const old = await open(tc1, 'c1');
    // a new 办法: version 2 hears nobody before the report (a changed step), registered beside version 1
    const v2: ProcedureDef = {
      ...shaanxiTolerance,
      version: '2',
      actions: shaanxiTolerance.actions.map((a) => (a.id === 'report' ? { ...a, when: undefined } : a)),
    };
    const registry = new DefinitionRegistry([...TOLERANCE_DEFINITIONS, v2]);
    const tc2 = new ToleranceCases(store, { registry });
    const fresh = await open(tc2, 'c2');
    expect(fresh.definitionVersion).toBe('2');
    expect((await casesOf(store).get(old.id))!.definitionVersion).toBe('1');
    // version 2 lets the report go without a hearing; the old case still needs one
    await expect(take(tc2, old.id, 'report', '2019-03-05', { findings: 'x' })).rejects.toThrow(/不能办理/);
    await take(tc2, fresh.id, 'report', '2019-03-05', { findings: 'x' });
    expect(await casesOf(store).versionReport()).toEqual([
      { pack: 'shaanxi', procedure: 'tolerance', version: '1', open: 1, closed: 0 },
      { pack: 'shaanxi', procedure: 'tolerance', version: '2', open: 1, closed: 0 },
    ]);
  });
});

describe('deadlines', () => {
  it('none without a local rule', async () => {
    const c = await open(new ToleranceCases(store), 'c1');
    expect(await casesOf(store).deadlines(c.id)).toEqual([]);
  });

  it('a local rule sets one as data; a fresh process re-arms it and marks it overdue once past', async () => {
    const deadlines = { shaanxi: { investigating: { days: 10, source: '某市容错纠错具体办法 第五条' } } };
    const c = await open(new ToleranceCases(store, { deadlines }), 'c1');
    const [d] = await casesOf(store).deadlines(c.id);
    expect(d).toMatchObject({ kind: 'state:investigating', dueOn: '2019-03-11', status: 'open' });
    // a restarted process knows nothing but the table
    const before = await armDeadlines(store, { today: () => '2019-03-11' });
    expect(before.watching.map((x) => x.id)).toEqual([d!.id]);
    before.stop();
    const overdue: string[] = [];
    const after = await armDeadlines(store, {
      today: () => '2019-03-12',
      onOverdue: (x) => overdue.push(...x.map((y) => y.id)),
    });
    after.stop();
    expect(overdue).toEqual([d!.id]);
    expect((await casesOf(store).deadlines(c.id))[0]!.status).toBe('overdue');
  });

  it('leaving the state meets its deadline', async () => {
    const deadlines = { shaanxi: { investigating: { days: 10, source: '某市容错纠错具体办法 第五条' } } };
    const tc = new ToleranceCases(store, { deadlines });
    const c = await open(tc, 'c1');
    await take(tc, c.id, 'hear', '2019-03-02', { statement: 's' });
    await take(tc, c.id, 'report', '2019-03-03', { findings: 'f' });
    expect((await casesOf(store).deadlines(c.id)).map((x) => x.status)).toEqual(['met']);
  });
});

describe('effects', () => {
  it('the evaluation names the decision as soon as it is recorded', async () => {
    const tc = new ToleranceCases(store);
    const c = await open(tc, 'c1');
    await take(tc, c.id, 'hear', '2019-03-02', { statement: 's' });
    await take(tc, c.id, 'report', '2019-03-03', { findings: 'f' });
    const before = evaluate(packRegistry(), await store.loadFacts('2019-03-04'), { asOf: '2019-03-04' });
    expect(before.findings.filter((f) => f.rule === 'shaanxi/tolerance/decision')).toEqual([]);
    await take(tc, c.id, 'conclude', '2019-03-04', { outcome: 'exempt' });
    const after = evaluate(packRegistry(), await store.loadFacts('2019-03-04'), { asOf: '2019-03-04' });
    const f = after.findings.find((x) => x.rule === 'shaanxi/tolerance/decision' && x.subject === 'c1')!;
    expect(f.because).toEqual(['受理机关或部门 2019-03-04 作出容错认定：免责（第八条（三）、第九条）']);
    expect(after.values.c1!['toleranceDecision:m-c1']).toBe('exempt');
  });

  it('a step that fails leaves the case, its history and its effects as they were', async () => {
    const tc = new ToleranceCases(store);
    const c = await open(tc, 'c1');
    await take(tc, c.id, 'hear', '2019-03-02', { statement: 's' });
    await take(tc, c.id, 'report', '2019-03-03', { findings: 'f' });
    const v = (await casesOf(store).get(c.id))!.version;
    await tc.act(D, c.id, v, { action: 'conclude', on: '2019-03-04', inputs: { outcome: 'exempt' } });
    await expect(
      tc.act(D, c.id, v, { action: 'conclude', on: '2019-03-04', inputs: { outcome: 'lighter' } }),
    ).rejects.toThrow();
    expect((await casesOf(store).steps(c.id)).map((s) => s.action)).toEqual(['open', 'hear', 'report', 'conclude']);
    expect((await casesOf(store).get(c.id))!.outcome).toBe('exempt');
  });
});

describe('the accountability matter a case starts in', () => {
  const start = (tc: ToleranceCases, matter: unknown, matterVisible?: (id: string) => Promise<boolean>) =>
    tc.start(D, {
      action: 'open',
      on: '2019-03-01',
      subject: { type: 'cadre', id: 'c1' },
      inputs: { matter },
      ...(matterVisible ? { matterVisible } : {}),
    });
  const refusal = async (p: Promise<unknown>) => {
    const e = (await p.then(
      () => null,
      (x: unknown) => x,
    )) as { field?: string; reason_zh?: string } | null;
    return e && { field: e.field, words: e.reason_zh };
  };

  it('a matter about the same cadre starts the case, and the case names it', async () => {
    const c = await start(new ToleranceCases(store), 'm-c1');
    expect(c.matterId).toBe('m-c1');
  });

  it('an unknown matter and one the person may not see are refused in the same words; nothing is written', async () => {
    const tc = new ToleranceCases(store);
    const unknown = await refusal(start(tc, 'm-none'));
    const hidden = await refusal(start(tc, 'm-c1', async () => false));
    expect(unknown).toEqual({ field: 'inputs.matter', words: '问责事项不存在或无权查看' });
    expect(hidden).toEqual(unknown);
    expect(await casesOf(store).count()).toBe(0);
  });

  it('a matter about another cadre, or about the unit, is refused naming the matter', async () => {
    await store.repo('accountabilityMatters').insert(matterAbout('m-u1', { unit: 'u1' }));
    const tc = new ToleranceCases(store);
    for (const m of ['m-c2', 'm-u1'])
      expect(await refusal(start(tc, m))).toEqual({
        field: 'inputs.matter',
        words: '问责事项所涉干部或单位与本案不一致',
      });
    expect(await casesOf(store).count()).toBe(0);
  });
});
