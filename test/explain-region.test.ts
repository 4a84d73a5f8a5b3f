// Explaining one cadre evaluates only its region of the record (the subtree of its top-level unit, facts-loader.ts
// loadSubjectFacts). That must give every cadre and unit exactly what the whole record's evaluation gives them:
// the findings, the values and the explanation text, for every pack of the demo record, unit-level rules included.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF } from '../bench/generator/index.js';
import type { Facts } from '../src/domain/facts.js';
import { packRegistry } from '../src/packs/index.js';
import { evaluateIndexed } from '../src/policy/engine.js';
import { explainSubject } from '../src/policy/explain.js';
import { FactIndex } from '../src/policy/fact-index.js';
import type { Evaluation } from '../src/policy/types.js';
import { loadSubjectFacts } from '../src/store/facts-loader.js';
import { openStore, type OpenedStore } from '../src/store/index.js';
import type { KyselyStore } from '../src/store/kysely-store.js';
import { sanxiang } from './cli.js';

const data = mkdtempSync(join(tmpdir(), 'sx-explain-region-'));
const registry = packRegistry();
let store: OpenedStore;
let whole: { idx: FactIndex; ev: Evaluation };

interface Region {
  facts: Facts;
  idx: FactIndex;
  ev: Evaluation;
}
const regions = new Map<string, Region>();

const evaluated = (facts: Facts) => {
  const idx = new FactIndex(facts);
  return { idx, ev: evaluateIndexed(registry, idx, { asOf: AS_OF }) };
};
const findingsOf = (ev: Evaluation, subject: string) => ev.findings.filter((f) => f.subject === subject);
const chainOf = (idx: FactIndex, unit: string) => {
  const bound = idx.ancestry(unit).find((u) => u.pack);
  return bound?.pack ? registry.chain(bound.pack) : [];
};

beforeAll(async () => {
  const r = sanxiang(['--data', data, 'demo']);
  if (r.status !== 0) throw new Error(`demo failed: ${r.stderr}`);
  store = await openStore({ dataDir: data });
  whole = evaluated(await store.loadFacts(AS_OF));
  for (const root of whole.idx.facts.units.filter((u) => u.parent === undefined)) {
    const { facts, root: found } = await loadSubjectFacts(store as unknown as KyselyStore, AS_OF, { unit: root.id });
    expect(found).toBe(root.id);
    regions.set(root.id, { facts, ...evaluated(facts) });
  }
}, 300_000);

afterAll(async () => {
  await store?.close();
});

describe('the explanation evaluates the subject’s region only', () => {
  it('covers the demo record with one region per top-level unit, each a real part of it', () => {
    expect([...regions.keys()].length).toBeGreaterThanOrEqual(4);
    const cadres = [...regions.values()].reduce((n, r) => n + r.facts.cadres.length, 0);
    expect(cadres).toBe(whole.idx.facts.cadres.length);
    for (const r of regions.values()) expect(r.facts.cadres.length).toBeLessThan(whole.idx.facts.cadres.length);
  });

  it('gives every cadre and unit the findings and values of the whole record, for every pack', () => {
    const packs = new Set<string>();
    let compared = 0;
    for (const [root, r] of regions) {
      const subjects = [...r.facts.cadres.map((c) => c.id), ...r.facts.units.map((u) => u.id)];
      for (const s of subjects) {
        const want = findingsOf(whole.ev, s);
        expect(findingsOf(r.ev, s), `${s} under ${root}`).toEqual(want);
        expect(r.ev.values[s], `${s} under ${root}`).toEqual(whole.ev.values[s]);
        for (const f of want) packs.add(f.rule.split('/')[0]!);
        compared += want.length;
      }
    }
    // every pack's rules, unit-level ones among them, and tolerance conclusions took part in the comparison
    expect([...packs].sort()).toEqual(['anhui', 'jiangsu', 'jiaozuo', 'national', 'rudong', 'shaanxi']);
    const units = new Set(whole.idx.facts.units.map((u) => u.id));
    expect(whole.ev.findings.some((f) => units.has(f.subject))).toBe(true);
    expect(whole.ev.findings.some((f) => f.rule.split('/')[1] === 'tolerance')).toBe(true);
    expect(compared).toBe(whole.ev.findings.length);
  });

  it('loads the same region for a cadre as for its top-level unit, and explains the cadre in the same words', async () => {
    // a sample of each region's cadres (fixed stride), and every cadre with a tolerance request
    const withRequests = new Set(whole.idx.facts.toleranceRequests.map((t) => t.subject));
    for (const [root, r] of regions) {
      const sample = r.facts.cadres.filter((c, i) => i % 401 === 0 || withRequests.has(c.id)).slice(0, 5);
      expect(sample.length).toBeGreaterThan(3);
      for (const c of sample) {
        const got = await loadSubjectFacts(store as unknown as KyselyStore, AS_OF, { cadre: c.id });
        expect(got.root, c.id).toBe(root);
        expect(got.facts).toEqual(r.facts);
        const chain = chainOf(whole.idx, c.unit);
        expect(explainSubject(r.ev, r.idx, c.id, chain), c.id).toBe(explainSubject(whole.ev, whole.idx, c.id, chain));
      }
    }
  }, 240_000);

  it('finds nothing for a cadre or unit not on record', async () => {
    for (const subject of [{ cadre: 'c-none' }, { unit: 'u-none' }]) {
      const got = await loadSubjectFacts(store as unknown as KyselyStore, AS_OF, subject);
      expect(got.root).toBeUndefined();
      expect(got.facts.cadres).toEqual([]);
      expect(got.facts.units).toEqual([]);
    }
  });
});
