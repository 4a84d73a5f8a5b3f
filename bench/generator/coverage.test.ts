// The demo record is sized so that every computable rule of the rulebooks has someone it fires for (issue 2,
// item 6). This runs the real path: generate into SQLite, load the fact set, evaluate every pack.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { packRegistry } from '../../src/packs/index.js';
import { evaluate } from '../../src/policy/engine.js';
import { openStore } from '../../src/store/index.js';
import { AS_OF, DEFAULT_DEMO_CADRES, DEFAULT_SEED, writeRecord } from './index.js';

/**
 * Rules that conclude about tolerance requests (容错纠错 applications): the stored record has no such rows (they
 * are cases the tolerance mechanism opens), so the demo record cannot make them fire.
 */
const NEEDS_TOLERANCE_REQUESTS = (id: string) =>
  id.includes('/tolerance/') || id === 'anhui/opinion/11' || id === 'anhui/opinion/12';

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
      if (r.kind === 'computable' && !NEEDS_TOLERANCE_REQUESTS(r.id) && !fired.has(r.id)) silent.push(r.id);
  expect(silent).toEqual([]);
  // and each jurisdiction's own rules fire, not only the national ones
  for (const p of ['jiangsu', 'shaanxi', 'rudong', 'anhui', 'jiaozuo'])
    expect([...fired].some((id) => id.startsWith(`${p}/`))).toBe(true);
});
