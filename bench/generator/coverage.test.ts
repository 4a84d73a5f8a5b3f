// The demo record is sized so that every computable rule of the rulebooks has someone it fires for (issue 2,
// item 6), the tolerance rules included (the demo plants 容错申请, bench/generator/tolerance.ts). This runs the
// real path: generate into SQLite, load the fact set, evaluate every pack.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { packRegistry } from '../../src/packs/index.js';
import { evaluate } from '../../src/policy/engine.js';
import { openStore } from '../../src/store/index.js';
import { AS_OF, DEFAULT_DEMO_CADRES, DEFAULT_SEED, writeRecord } from './index.js';
import { SHAANXI_UNIT_TOLERANCE, TOLERANCE_CASES, type Outcome, type RequestSpec } from './tolerance.js';

/** A planted request as the facts show it (findings in a fixed key order). */
const requestKey = (q: Pick<RequestSpec, 'situation' | 'date' | 'findings'>) =>
  JSON.stringify([q.situation, q.date, Object.entries(q.findings).sort(([a], [b]) => (a < b ? -1 : 1))]);

const dir = mkdtempSync(path.join(tmpdir(), 'sanxiang-demo-coverage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('every computable rule of every pack fires for someone in the default demo record', async () => {
  const store = await openStore({ dataDir: dir });
  let facts;
  try {
    await writeRecord(store, { cadres: DEFAULT_DEMO_CADRES, seed: DEFAULT_SEED });
    facts = await store.loadFacts(AS_OF);
  } finally {
    await store.close();
  }
  const registry = packRegistry();
  const ev = evaluate(registry, facts, { asOf: AS_OF });
  const fired = new Set(ev.findings.map((f) => f.rule));
  const silent: string[] = [];
  for (const pack of registry.packs.values())
    for (const r of pack.rules)
      // a tolerance decision rule reads concluded cases, which the record gets only through the procedure (the
      // procedure scenarios under src/packs/*/scenarios/procedures make each of them fire); the demo has no cases
      if (r.kind === 'computable' && !fired.has(r.id) && !r.id.endsWith('/tolerance/decision')) silent.push(r.id);
  expect(silent).toEqual([]);
  // and each jurisdiction's own rules fire, not only the national ones
  for (const p of ['jiangsu', 'shaanxi', 'rudong', 'anhui', 'jiaozuo'])
    expect([...fired].some((id) => id.startsWith(`${p}/`))).toBe(true);
});

it('every planted tolerance request gets the outcome it was planted for: the exclusions are not tolerated', async () => {
  const store = await openStore({ dataDir: path.join(dir, 'outcomes') });
  let facts;
  try {
    await writeRecord(store, { cadres: DEFAULT_DEMO_CADRES, seed: DEFAULT_SEED });
    facts = await store.loadFacts(AS_OF);
  } finally {
    await store.close();
  }
  const planned = new Map<string, Outcome>();
  const specs = [...Object.values(TOLERANCE_CASES).flat(), ...SHAANXI_UNIT_TOLERANCE].flatMap((c) =>
    'requests' in c ? c.requests : [],
  );
  for (const q of specs) planned.set(requestKey(q), q.outcome);
  // at the default size every case is placed once
  expect(facts.toleranceRequests).toHaveLength(specs.length);
  const ev = evaluate(packRegistry(), facts, { asOf: AS_OF });
  const wrong: string[] = [];
  for (const r of facts.toleranceRequests) {
    const want = planned.get(requestKey(r));
    const got = ev.values[r.subject]?.[`tolerance:${r.id}`];
    if (want === undefined || got !== want)
      wrong.push(`${r.id} ${r.situation} ${JSON.stringify(r.findings)}: ${got}, planned ${want}`);
  }
  expect(wrong).toEqual([]);
  const outcomes = specs.map((q) => q.outcome);
  expect(outcomes.filter((o) => o === 'ineligible').length).toBeGreaterThan(20);
  expect(outcomes.filter((o) => o === 'eligible').length).toBeGreaterThan(20);
});
