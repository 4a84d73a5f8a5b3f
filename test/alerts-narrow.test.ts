// The refresh after a cadre's own record changes (a sanction, an assessment, an adjustment, an honour, a regular
// assessment, a tolerance request: alerts.ts NARROW_KINDS) evaluates only the cadre's neighbourhood — its unit, the
// units above, the unit's cadres — and only the rules that compare within it (all but REACHING_RULES). That is
// right only if, after such an edit, the full scan would change nothing else and would find in the neighbourhood
// what the neighbourhood alone gives. Checked here for every cadre of the demo record (every pack) and every kind of
// edit, adding a fact and taking the cadre's facts of that kind away; then end to end through the refresher.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF } from '../bench/generator/index.js';
import type { Facts } from '../src/domain/facts.js';
import { AlertRefresher, scanAll } from '../src/mechanisms/adjustment/alerts-refresh.js';
import {
  alertRules,
  findAlertsUnder,
  localAlertRules,
  NARROW_KINDS,
  REACHING_RULES,
  subjectsOfWrites,
} from '../src/mechanisms/adjustment/alerts.js';
import { LocalParamsInForce } from '../src/mechanisms/params/in-force.js';
import { packRegistry } from '../src/packs/index.js';
import { FactIndex } from '../src/policy/fact-index.js';
import type { AlertFinding } from '../src/store/alerts.js';
import { loadFacts, loadUnitPeopleFrom } from '../src/store/facts-loader.js';
import { openStore, type OpenedStore } from '../src/store/index.js';
import type { KyselyStore } from '../src/store/kysely-store.js';
import { sanxiang } from './cli.js';

const registry = packRegistry();
const YEAR = Number(AS_OF.slice(0, 4));
let store: OpenedStore;
const kstore = () => store as unknown as KyselyStore;

beforeAll(async () => {
  const data = mkdtempSync(join(tmpdir(), 'sx-alert-narrow-'));
  const r = sanxiang(['--data', data, 'demo']);
  expect(r.status, r.stderr).toBe(0);
  store = await openStore({ dataDir: data });
}, 120_000);

afterAll(async () => {
  await store?.close();
});

/** Groups a list by key, each group in the list's order. */
function groupBy<T>(list: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const k = key(x);
    const g = out.get(k);
    if (g) g.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/**
 * The neighbourhoods of units in memory, as loadUnitPeopleFrom reads one from the record: the unit, the units above
 * it, the cadres counted under it and everything on record about them, each list in the record's order.
 */
function neighbourhoods(f: Facts): (unit: string) => Facts {
  const idx = new FactIndex(f);
  const cadres = groupBy(f.cadres, (c) => c.unit);
  const by = {
    unitAssessments: groupBy(f.unitAssessments, (a) => a.unit),
    incidents: groupBy(f.incidents, (i) => i.unit),
    cadreAssessments: groupBy(f.cadreAssessments, (a) => a.cadre),
    regularAssessments: groupBy(f.regularAssessments, (a) => a.cadre),
    sanctions: groupBy(f.sanctions, (s) => s.cadre),
    adjustments: groupBy(f.adjustments, (a) => a.cadre),
    honors: groupBy(f.honors, (h) => h.subject),
    determinations: groupBy(f.determinations, (d) => d.subject),
    toleranceRequests: groupBy(f.toleranceRequests, (r) => r.subject),
    toleranceDecisions: groupBy(f.toleranceDecisions ?? [], (d) => d.subject),
  };
  // a subject's rows in the record's order: the position of each row in its whole list
  const order = new Map<object, number>();
  for (const list of Object.values(f)) if (Array.isArray(list)) list.forEach((x: object, i) => order.set(x, i));
  const gather = <T extends object>(m: Map<string, T[]>, ids: readonly string[]) =>
    ids.flatMap((id) => m.get(id) ?? []).sort((a, b) => order.get(a)! - order.get(b)!);
  return (unit) => {
    const units = new Set(idx.ancestry(unit).map((u) => u.id));
    units.add(unit);
    const people = cadres.get(unit) ?? [];
    const ids = people.map((c) => c.id);
    const either = [unit, ...ids];
    return {
      ...f,
      units: f.units.filter((u) => units.has(u.id)),
      cadres: people,
      unitAssessments: by.unitAssessments.get(unit) ?? [],
      incidents: by.incidents.get(unit) ?? [],
      cadreAssessments: gather(by.cadreAssessments, ids),
      regularAssessments: gather(by.regularAssessments, ids),
      sanctions: gather(by.sanctions, ids),
      adjustments: gather(by.adjustments, ids),
      honors: gather(by.honors, either),
      determinations: gather(by.determinations, either),
      toleranceRequests: gather(by.toleranceRequests, either),
      ...(f.toleranceDecisions ? { toleranceDecisions: gather(by.toleranceDecisions, either) } : {}),
    };
  };
}

const keyed = (list: AlertFinding[]) => new Map(list.map((a) => [a.id, JSON.stringify(a)]));

/**
 * Each kind of edit a cadre's own record takes, applied to a set of cadres: a fact added, and the cadres' facts of
 * that kind taken away.
 */
const EDITS: Record<string, (f: Facts, cs: ReadonlySet<string>) => Facts> = {
  'sanction added': (f, cs) => ({
    ...f,
    sanctions: [...f.sanctions, ...[...cs].map((c) => ({ cadre: c, date: `${YEAR}-03-02`, kind: '记过' as const }))],
  }),
  'sanctions removed': (f, cs) => ({ ...f, sanctions: f.sanctions.filter((s) => !cs.has(s.cadre)) }),
  'assessment 不称职 added': (f, cs) => ({
    ...f,
    cadreAssessments: [
      ...f.cadreAssessments.filter((a) => !(cs.has(a.cadre) && a.year >= YEAR - 2)),
      ...[...cs].flatMap((c) => [
        { cadre: c, year: YEAR - 2, grade: '基本称职' },
        { cadre: c, year: YEAR - 1, grade: '不称职', votes: { excellent: 1, competent: 2, basic: 3, incompetent: 9 } },
      ]),
    ],
  }),
  'assessments removed': (f, cs) => ({ ...f, cadreAssessments: f.cadreAssessments.filter((a) => !cs.has(a.cadre)) }),
  'regular assessment 较差 added': (f, cs) => ({
    ...f,
    regularAssessments: [
      ...f.regularAssessments,
      ...[...cs].map((c) => ({ cadre: c, period: `${YEAR - 1}Q4`, grade: '较差' })),
    ],
  }),
  'adjustment added': (f, cs) => ({
    ...f,
    adjustments: [
      ...f.adjustments,
      ...[...cs].map((c) => ({ cadre: c, date: `${YEAR}-02-01`, method: '免职' as const })),
    ],
  }),
  'adjustments removed': (f, cs) => ({ ...f, adjustments: f.adjustments.filter((a) => !cs.has(a.cadre)) }),
  'honour added': (f, cs) => ({
    ...f,
    honors: [
      ...f.honors,
      ...[...cs].map((c) => ({
        subject: c,
        date: `${YEAR - 1}-06-01`,
        conferredBy: 'provincial' as const,
        title: '先进个人',
      })),
    ],
  }),
  'tolerance request added': (f, cs) => ({
    ...f,
    toleranceRequests: [
      ...f.toleranceRequests,
      ...[...cs].map((c) => ({
        id: `narrow-${c}`,
        subject: c,
        date: `${YEAR}-01-05`,
        situation: '先行先试出现失误',
        findings: {},
      })),
    ],
  }),
};

/**
 * Every cadre is edited once per kind. A full evaluation per cadre would take an hour on the demo record, so the
 * edits go in rounds: in round r, the cadres whose place in their unit is r modulo ROUNDS. Several cadres of one unit
 * edited together are one larger edit of that neighbourhood (the refresh evaluates the whole neighbourhood anyway);
 * an edit reaching beyond its neighbourhood would still show, as a change outside every edited neighbourhood or as
 * a difference inside another one (whose own evaluation does not see the edit).
 */
const ROUNDS = 4;

describe('the neighbourhood refresh after a cadre’s own record changes', () => {
  it('covers the kinds of the edits checked below, and leaves the reaching rules out', () => {
    const all = alertRules(registry);
    for (const r of REACHING_RULES) expect(all.has(r), r).toBe(true);
    expect(localAlertRules(registry).size).toBe(all.size - REACHING_RULES.size);
    for (const kind of ['cadres', 'posts', 'units', 'determinations', 'incidents', 'unitAssessments'])
      expect(NARROW_KINDS.has(kind), kind).toBe(false);
    // a cadre's sanction is refreshed in the neighbourhood; a post (who leads the unit) over the region
    const sanction = { kind: 'sanctions' as const, added: [{ id: 's', cadreId: 'c1' }], removed: [] };
    const post = { kind: 'posts' as const, added: [{ id: 'p', cadreId: 'c2', unitId: 'u1' }], removed: [] };
    expect(subjectsOfWrites([sanction, post])).toEqual({
      cadres: new Set(['c1', 'c2']),
      units: new Set(['u1']),
      wide: new Set(['c2']),
    });
  });

  it('reads the neighbourhood of every unit as the whole record has it', async () => {
    const whole = await loadFacts(kstore(), AS_OF);
    const sort = (f: Facts) =>
      Object.fromEntries(
        Object.entries(f).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => JSON.stringify(x)).sort() : v]),
      );
    const units = new Set(whole.cadres.map((c) => c.unit));
    expect(units.size).toBeGreaterThan(10);
    const neighbourhood = neighbourhoods(whole);
    for (const unit of units) {
      const read = await loadUnitPeopleFrom(kstore().db, unit, AS_OF, true);
      expect(sort(read), unit).toEqual(sort(neighbourhood(unit)));
    }
  }, 120_000);

  it('gives, for every cadre and every kind of edit, what the full scan gives, and the full scan nothing else', async () => {
    const whole = await loadFacts(kstore(), AS_OF);
    const local = await LocalParamsInForce.load(kstore(), registry, AS_OF);
    const near = localAlertRules(registry);
    const before = keyed(findAlertsUnder(registry, whole, AS_OF, local, 'all'));
    const place = new Map<string, number>();
    const seen = new Map<string, number>();
    for (const c of whole.cadres) {
      const n = seen.get(c.unit) ?? 0;
      place.set(c.id, n);
      seen.set(c.unit, n + 1);
    }
    const packs = new Set<string>();
    let changed = 0;
    for (const [label, edit] of Object.entries(EDITS))
      for (let round = 0; round < ROUNDS; round++) {
        const chosen = new Set(whole.cadres.filter((c) => place.get(c.id)! % ROUNDS === round).map((c) => c.id));
        const after = edit(whole, chosen);
        const full = keyed(findAlertsUnder(registry, after, AS_OF, local, 'all'));
        const inside = new Set<string>();
        const narrow = new Map<string, string>();
        const neighbourhood = neighbourhoods(after);
        for (const unit of new Set(whole.cadres.filter((c) => chosen.has(c.id)).map((c) => c.unit))) {
          const hood = neighbourhood(unit);
          const subjects = new Set([unit, ...hood.cadres.map((x) => x.id)]);
          for (const s of subjects) inside.add(s);
          for (const [id, a] of keyed(findAlertsUnder(registry, hood, AS_OF, local, subjects, near))) narrow.set(id, a);
        }
        for (const id of new Set([...before.keys(), ...full.keys(), ...narrow.keys()])) {
          const f = full.get(id);
          const a = JSON.parse(f ?? before.get(id) ?? narrow.get(id)!) as AlertFinding;
          const where = `${label}, round ${round}: ${a.ruleId} ${a.subjectId} ${a.year}`;
          if (inside.has(a.subjectId) && near.has(a.ruleId)) {
            expect(narrow.get(id), where).toEqual(f);
            if (f !== before.get(id)) {
              changed++;
              packs.add(a.pack);
            }
          } else expect(f, `${where} (outside the edited neighbourhoods)`).toEqual(before.get(id));
        }
      }
    // the edits do change alerts (the check is not vacuous), in more than one pack
    expect(changed).toBeGreaterThan(100);
    expect(packs.size).toBeGreaterThanOrEqual(3);
  }, 900_000);

  it('leaves the alert table as a full scan leaves it, through the refresher', async () => {
    const k = kstore();
    await scanAll(k, registry, AS_OF, '2026-11-01T08:00:00.000Z');
    const refresher = new AlertRefresher(k, registry, {
      today: () => AS_OF,
      now: () => new Date('2026-11-01T09:00:00Z'),
    });
    const table = async () =>
      (
        await k.db
          .selectFrom('alerts')
          .select(['id', 'unit_id', 'because', 'conclusion', 'present'])
          .orderBy('id')
          .execute()
      ).map((r) => JSON.stringify(r));
    const before = await table();
    try {
      const cadres = (await store.repo('cadres').list({ limit: 400, orderBy: 'id' })).filter((_, i) => i % 7 === 0);
      expect(cadres.length).toBeGreaterThan(5);
      for (const [i, c] of cadres.entries()) {
        await store
          .repo('sanctions')
          .insert({ id: `narrow-s${i}`, cadreId: c.id, date: `${YEAR}-03-02`, kind: '记过', reason: null });
        await store.repo('adjustments').insert({
          id: `narrow-a${i}`,
          cadreId: c.id,
          date: `${YEAR}-02-01`,
          method: '免职',
          ruleId: null,
          reason: null,
        });
      }
      await refresher.settled();
      const refreshed = await table();
      // the edits made alerts (the comparison below is not of two unchanged tables)
      expect(refreshed.length).toBeGreaterThan(before.length);
      await scanAll(k, registry, AS_OF, '2026-11-01T10:00:00.000Z');
      expect(await table()).toEqual(refreshed);
    } finally {
      refresher.close();
      await refresher.settled();
    }
  }, 300_000);
});
