// The annual incentive run computes its lists the fast way (src/mechanisms/incentive/run.ts): only the organiser's
// region, only the tables its lists' rules read (RUN_TABLES), read on a worker thread, and only those rules
// evaluated. Its lists must be exactly those of the plain way — the whole record loaded, every rule of every pack
// evaluated — for every pack of the demo record: the same entries in the same order with the same rules, reasons and
// values, the same ties, shares and completeness report.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Facts } from '../src/domain/facts.js';
import { computeRun } from '../src/mechanisms/incentive/compute.js';
import { RUN_LISTS, runRules } from '../src/mechanisms/incentive/lists.js';
import { IncentiveRunService } from '../src/mechanisms/incentive/run.js';
import { packRegistry } from '../src/packs/index.js';
import { evaluate } from '../src/policy/engine.js';
import { incentiveRunsOf } from '../src/store/incentive-runs.js';
import { openStore, type OpenedStore } from '../src/store/index.js';
import { sanxiang } from './cli.js';

const YEAR = 2025;
const AS_OF = `${YEAR + 1}-03-01`;
// rudong's 优秀 share is a local number: set, so that its quota list is compared too
const PARAMS: Record<string, Record<string, unknown>> = { rudong: { 'rudong.incentive.excellentRatio': '1/2' } };

const data = mkdtempSync(join(tmpdir(), 'sx-incentive-fast-'));
const registry = packRegistry();
let store: OpenedStore;
let whole: Facts;

beforeAll(async () => {
  const r = sanxiang(['--data', data, 'demo']);
  if (r.status !== 0) throw new Error(`demo failed: ${r.stderr}`);
  store = await openStore({ dataDir: data });
  whole = await store.loadFacts(AS_OF);
}, 300_000);

afterAll(async () => {
  await store?.close();
});

function subtree(facts: Facts, root: string): Set<string> {
  const out = new Set([root]);
  let size = 0;
  while (out.size !== size) {
    size = out.size;
    for (const u of facts.units) if (u.parent !== undefined && out.has(u.parent)) out.add(u.id);
  }
  return out;
}

describe('the fast run gives the lists of the plain evaluation', () => {
  let compared = 0;
  for (const pack of Object.keys(RUN_LISTS))
    it(`${pack}: every list, entry, tie, share and missing result`, async () => {
      const root = whole.units.find((u) => u.pack === pack);
      expect(root, `a unit bound to ${pack}`).toBeDefined();
      const params = PARAMS[pack] ?? {};

      const run = await new IncentiveRunService(store, registry).create(
        { organiserUnitId: root!.id, year: YEAR, params },
        { userId: null },
      );
      const repo = incentiveRunsOf(store);
      const entries = await repo.entries(run.id);
      const fast = (await repo.lists(run.id)).map((l) => ({
        key: l.key,
        entries: entries
          .filter((e) => e.listKey === l.key)
          .map((e) => [e.subjectId, e.rule, e.article, e.conclusion, e.because, e.value, e.tie]),
      }));

      const ev = evaluate(registry, whole, { asOf: AS_OF, params });
      const plain = computeRun(ev, whole, { pack, year: YEAR, units: subtree(whole, root!.id) }, registry.rules);
      const expected = plain.lists.map((l) => ({
        key: l.key,
        entries: l.entries.map((e) => [e.subjectId, e.rule, e.article, e.conclusion, e.because, e.value, e.tie]),
      }));

      expect(fast).toEqual(expected);
      expect(run.ties).toEqual(plain.ties);
      expect(run.quotas).toEqual(plain.quotas);
      expect(run.completeness).toEqual(plain.completeness);
      // the plain evaluation also reports what rules outside the lists leave open; the run reports its lists' own
      const listRules = RUN_LISTS[pack]!.flatMap((d) => d.rules);
      for (const g of run.gaps) expect(plain.gaps).toContain(g);
      for (const g of plain.gaps.filter((x) => listRules.some((r) => x.includes(r)))) expect(run.gaps).toContain(g);
      compared += expected.reduce((n, l) => n + l.entries.length, 0);
    });

  it('compared entries on the demo record', () => {
    expect(compared).toBeGreaterThan(0);
  });
});

// The run loads the annual assessments without their vote counts (RegionLoadOptions.votes): no rule of a run may read
// one. Every assessment of the demo record gets a vote count that notes being read, and each pack's run rules are
// evaluated over it; a rule that reads votes (江苏 第八条（一）of the adjustment rules) shows the trap springs.
describe('the run reads no vote count', () => {
  function trapped(): { facts: Facts; reads: string[] } {
    const reads: string[] = [];
    const cadreAssessments = whole.cadreAssessments.map((a) => {
      const copy = { ...a };
      Object.defineProperty(copy, 'votes', {
        enumerable: true,
        get: () => {
          reads.push(`${a.cadre} ${a.year}`);
          return a.votes ?? { excellent: 9, competent: 1, basic: 0, incompetent: 0 };
        },
      });
      return copy;
    });
    return { facts: { ...whole, cadreAssessments }, reads };
  }

  it('a rule reading votes springs the trap', () => {
    const { facts, reads } = trapped();
    evaluate(registry, facts, { asOf: AS_OF, only: new Set(['jiangsu/adjustment/8.1']) });
    expect(reads.length).toBeGreaterThan(0);
  });

  for (const pack of Object.keys(RUN_LISTS))
    it(`${pack}: the run's rules read none`, () => {
      const { facts, reads } = trapped();
      const ev = evaluate(registry, facts, { asOf: AS_OF, params: PARAMS[pack] ?? {}, only: runRules(pack) });
      expect(ev.findings.length).toBeGreaterThan(0);
      expect(reads).toEqual([]);
    });
});
