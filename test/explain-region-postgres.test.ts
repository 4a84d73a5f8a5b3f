// The region of one subject (facts-loader.ts loadSubjectFacts) on PostgreSQL: its id lists travel as arrays there,
// and its rows come in id order as the whole-record load's do. Every cadre and unit of each region must get what
// the whole record's evaluation gives it (explain-region.test.ts has the full comparison on the demo record).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeRecord } from '../bench/generator/index.js';
import { packRegistry } from '../src/packs/index.js';
import { evaluateIndexed } from '../src/policy/engine.js';
import { FactIndex } from '../src/policy/fact-index.js';
import { loadSubjectFacts } from '../src/store/facts-loader.js';
import { openStore, type OpenedStore } from '../src/store/index.js';
import type { KyselyStore } from '../src/store/kysely-store.js';
import { createTestDatabase } from './pg-harness.js';

const AS_OF = '2026-11-01';
let db: { url: string; drop(): Promise<void> };
let store: OpenedStore;

beforeAll(async () => {
  db = await createTestDatabase(inject('pgUrl'));
  store = await openStore({ dataDir: '/nonexistent', databaseUrl: db.url });
  await writeRecord(store, { cadres: 400, seed: 11 });
}, 300_000);

afterAll(async () => {
  await store?.close();
  await db?.drop();
});

describe('a subject’s region on PostgreSQL', () => {
  it('gives every cadre and unit the findings and values of the whole record', async () => {
    const registry = packRegistry();
    const wholeIdx = new FactIndex(await store.loadFacts(AS_OF));
    const whole = evaluateIndexed(registry, wholeIdx, { asOf: AS_OF });
    let cadres = 0;
    for (const root of wholeIdx.facts.units.filter((u) => u.parent === undefined)) {
      const { facts, root: found } = await loadSubjectFacts(store as unknown as KyselyStore, AS_OF, { unit: root.id });
      expect(found).toBe(root.id);
      const ev = evaluateIndexed(registry, new FactIndex(facts), { asOf: AS_OF });
      for (const s of [...facts.cadres.map((c) => c.id), ...facts.units.map((u) => u.id)]) {
        expect(
          ev.findings.filter((f) => f.subject === s),
          s,
        ).toEqual(whole.findings.filter((f) => f.subject === s));
        expect(ev.values[s], s).toEqual(whole.values[s]);
      }
      cadres += facts.cadres.length;
      const one = facts.cadres[Math.floor(facts.cadres.length / 2)];
      if (one)
        expect((await loadSubjectFacts(store as unknown as KyselyStore, AS_OF, { cadre: one.id })).facts).toEqual(
          facts,
        );
    }
    expect(cadres).toBe(wholeIdx.facts.cadres.length);
  }, 300_000);
});
