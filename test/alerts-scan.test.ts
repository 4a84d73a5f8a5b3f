// The full alert scan over worker threads (mechanisms/adjustment/alerts-scan.ts) must leave the alert list exactly
// as the single-thread scan leaves it: the same alerts, with the same evidence, on the demo record and on a
// generated record with every region; and a second scan on an unchanged record changes nothing.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AS_OF, writeRecord } from '../bench/generator/index.js';
import { scanAll } from '../src/mechanisms/adjustment/alerts-refresh.js';
import { dealRegions, regionSizes, scanAllParallel } from '../src/mechanisms/adjustment/alerts-scan.js';
import { packRegistry } from '../src/packs/index.js';
import { openStore, type OpenedStore } from '../src/store/index.js';
import type { KyselyStore } from '../src/store/kysely-store.js';
import { sanxiang } from './cli.js';

const registry = packRegistry();
const AT = '2026-11-01T08:00:00.000Z';
const opened: OpenedStore[] = [];

afterAll(async () => {
  for (const s of opened) await s.close();
});

/** The alert table as the list shows it, one line per alert, in id order. */
async function alertTable(store: KyselyStore): Promise<string[]> {
  const rows = await store.db
    .selectFrom('alerts')
    .select(['id', 'rule_id', 'subject_id', 'unit_id', 'year', 'article', 'because', 'conclusion', 'present', 'state'])
    .orderBy('id')
    .execute();
  return rows.map((r) => JSON.stringify(r));
}

async function clearAlerts(store: KyselyStore): Promise<void> {
  await store.transaction(async (tx) => {
    await (tx as KyselyStore).db.deleteFrom('alert_events').execute();
    await (tx as KyselyStore).db.deleteFrom('alerts').execute();
  });
}

async function bothScans(store: KyselyStore) {
  const single = await scanAll(store, registry, AS_OF, AT);
  const expected = await alertTable(store);
  await clearAlerts(store);
  const report = {};
  const parallel = await scanAllParallel(store, registry, AS_OF, AT, { threads: 2, report });
  return { single, parallel, expected, got: await alertTable(store), report };
}

describe('the full scan over worker threads', () => {
  it('gives the demo record the same alert list as the single-thread scan', async () => {
    const data = mkdtempSync(join(tmpdir(), 'sx-alert-scan-demo-'));
    const r = sanxiang(['--data', data, 'demo']);
    expect(r.status, r.stderr).toBe(0);
    const store = await openStore({ dataDir: data });
    opened.push(store);
    const kstore = store as unknown as KyselyStore;
    const { single, parallel, expected, got, report } = await bothScans(kstore);
    expect(expected.length).toBeGreaterThan(50);
    expect(got).toEqual(expected);
    expect(parallel).toEqual(single);
    expect((report as { threads: unknown[] }).threads).toHaveLength(2);
    // nothing changed since: the next scan writes nothing
    expect(await scanAllParallel(kstore, registry, AS_OF, AT)).toEqual({ added: 0, changed: 0, gone: 0, back: 0 });
  }, 300_000);

  it('gives a generated record with every region the same alert list, and marks what is gone', async () => {
    const data = mkdtempSync(join(tmpdir(), 'sx-alert-scan-gen-'));
    const store = await openStore({ dataDir: data });
    opened.push(store);
    const kstore = store as unknown as KyselyStore;
    await writeRecord(store, { cadres: 1500, seed: 20190301 });
    const regions = await regionSizes(kstore);
    expect(regions.length).toBeGreaterThanOrEqual(4);
    expect(regions.every((r) => r.cadres > 0)).toBe(true);
    const { parallel, single, expected, got } = await bothScans(kstore);
    expect(got).toEqual(expected);
    expect(parallel).toEqual(single);
    // a sanction deleted between two scans: the scan marks its alert gone, as the single-thread scan would
    const s = (await store.repo('sanctions').list({ limit: 1, orderBy: 'date desc' }))[0]!;
    await store.repo('sanctions').delete(s.id, s.version);
    const after = await scanAllParallel(kstore, registry, AS_OF, AT);
    const reference = await (async () => {
      const copy = await alertTable(kstore);
      return copy;
    })();
    await clearAlerts(kstore);
    await scanAll(kstore, registry, AS_OF, AT);
    const presentOf = (rows: string[]) =>
      rows
        .map((r) => JSON.parse(r))
        .filter((r) => r.present)
        .map((r) => r.id);
    expect(presentOf(reference)).toEqual(presentOf(await alertTable(kstore)));
    expect(after.added).toBe(0);
  }, 300_000);
});

describe('dealing regions out to threads', () => {
  it('puts the largest region alone when it outweighs the rest, and balances by cadre count', () => {
    const bins = dealRegions(
      [
        { root: 'a', cadres: 100 },
        { root: 'b', cadres: 300 },
        { root: 'c', cadres: 120 },
        { root: 'd', cadres: 90 },
      ],
      2,
    );
    expect(bins).toEqual([
      { roots: ['b'], cadres: 300 },
      { roots: ['c', 'a', 'd'], cadres: 310 },
    ]);
  });

  it('uses no more threads than there are regions', () => {
    expect(dealRegions([{ root: 'a', cadres: 5 }], 2)).toEqual([{ roots: ['a'], cadres: 5 }]);
  });
});
