// The alert list at scale (the 能上能下 预警清单): the full scan (load the record, evaluate every alert rule, bring
// the alert table in line), first on an empty list (every finding new) and again with nothing changed (the daily
// scan's usual case); then the refresh after single edits, from the write's commit to its alert being there
// (median and max over --edits edits, each a 警告 recorded on a different cadre).
//
//   npx tsx bench/alerts.ts --data bench/out/alerts --cadres 50000        (generates the record if the directory is new)
//   node --max-old-space-size=6144 dist/bench/alerts.js --data bench/out/big   (an existing record)
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeRecord } from './generator/index.js';
import { AlertRefresher, reconcileFacts } from '../src/mechanisms/adjustment/alerts-refresh.js';
import { alertId } from '../src/mechanisms/adjustment/alerts.js';
import { scanAllParallel, type ParallelScanReport } from '../src/mechanisms/adjustment/alerts-scan.js';
import { packRegistry } from '../src/packs/index.js';
import { sql } from 'kysely';
import { alertsOf, type AlertQuery } from '../src/store/alerts.js';
import { subtreeUnits } from '../src/store/derived.js';
import { openStore } from '../src/store/index.js';
import { loadFacts } from '../src/store/facts-loader.js';
import type { KyselyStore } from '../src/store/kysely-store.js';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: 'bench/out/alerts' },
    cadres: { type: 'string', default: '50000' },
    'as-of': { type: 'string', default: '2026-11-01' },
    edits: { type: 'string', default: '50' },
    /** parallel: the regions over worker threads (the server's scan on SQLite); single: one thread; both */
    scan: { type: 'string', default: 'parallel' },
    /** alert list pages to time per filter (0: none) */
    pages: { type: 'string', default: '0' },
  },
});
const load = () => loadavg().map((n) => +n.toFixed(1));
const asOf = args['as-of']!;
const secs = (ms: number) => +(ms / 1000).toFixed(2);

const fresh = !existsSync(path.join(args.data!, 'sanxiang.db'));
const store = (await openStore({ dataDir: args.data! })) as unknown as KyselyStore & { close(): Promise<void> };
if (fresh) {
  const t = performance.now();
  await writeRecord(store, { cadres: Number(args.cadres), seed: 20190301 });
  console.log(`generated ${args.cadres} cadres in ${secs(performance.now() - t)} s`);
}
const registry = packRegistry();
const at = new Date().toISOString();

async function parallelScan(label: string) {
  const cpu = process.cpuUsage();
  const before = load();
  const t = performance.now();
  const report: ParallelScanReport = {};
  const result = await scanAllParallel(store, registry, asOf, at, { report });
  const wall = performance.now() - t;
  const c = process.cpuUsage(cpu);
  const row = {
    scan: `${label}, worker threads`,
    threads: report.threads?.map((b) => ({
      regions: b.roots.length,
      cadres: b.cadres,
      loadS: secs(b.loadMs),
      evaluateS: secs(b.evaluateMs),
    })),
    evaluateS: secs(report.evaluateMs!),
    reconcileS: secs(report.reconcileMs!),
    totalS: secs(wall),
    // process-wide: this thread and the workers
    cpuS: +((c.user + c.system) / 1e6).toFixed(2),
    findings: report.findings,
    loadAverage: [before, load()],
    ...result,
  };
  console.log(JSON.stringify(row));
  return row;
}

async function scan(label: string) {
  const cpu = process.cpuUsage();
  let t = performance.now();
  const facts = await loadFacts(store, asOf);
  const load = performance.now() - t;
  t = performance.now();
  const result = await reconcileFacts(store, registry, facts, 'all', asOf, at);
  const rest = performance.now() - t;
  const c = process.cpuUsage(cpu);
  const row = {
    scan: label,
    cadres: facts.cadres.length,
    loadS: secs(load),
    evaluateAndReconcileS: secs(rest),
    totalS: secs(load + rest),
    cpuS: +((c.user + c.system) / 1e6).toFixed(2),
    ...result,
  };
  console.log(JSON.stringify(row));
  return row;
}

if (args.scan !== 'single' && args.scan !== 'none') {
  await parallelScan('first (empty list)');
  await parallelScan('again (nothing changed)');
}
if (args.scan === 'single' || args.scan === 'both') {
  await scan('first (empty list)');
  await scan('again (nothing changed)');
}

// alert list pages as the API asks for them (the org_officer's whole scope; then each filter), one after another
if (Number(args.pages) > 0) {
  const repo = alertsOf(store);
  const visible = sql<boolean>`true`;
  const someUnit = (await store.db.selectFrom('alerts').select('unit_id').limit(1).executeTakeFirst())
    ?.unit_id as string;
  const root = (await store.db
    .selectFrom('units')
    .select('id')
    .where('parent_id', 'is', null)
    .orderBy('id')
    .executeTakeFirst())!.id as string;
  const filters: Record<string, Omit<AlertQuery, 'visible'>> = {
    'first page': {},
    'page 50': { offset: 49 * 20 },
    'a top-level unit': { units: subtreeUnits(root) },
    'one unit': { units: subtreeUnits(someUnit) },
    'a rule': { rule: 'national/adjustment/zwcf-8' },
    'a year': { year: 2025 },
    'a state': { state: 'new' },
  };
  for (const [label, q] of Object.entries(filters)) {
    const times: number[] = [];
    for (let i = 0; i < Number(args.pages); i++) {
      const t = performance.now();
      await repo.list({ visible, limit: 20, ...q });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => +times[Math.min(times.length - 1, Math.floor(times.length * p))]!.toFixed(1);
    console.log(JSON.stringify({ list: label, pages: times.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1) }));
  }
}

// refresh after single edits
const refresher = new AlertRefresher(store, registry, { today: () => asOf, now: () => new Date() });
const cadres = (await store.repo('cadres').list({ limit: Number(args.edits), orderBy: 'id' })).map((c) => c.id);
const times: number[] = [];
const editCpu = process.cpuUsage();
const editLoad = load();
for (const [i, cadreId] of cadres.entries()) {
  const date = `2026-0${1 + (i % 9)}-1${i % 10}`;
  const t = performance.now();
  await store
    .repo('sanctions')
    .insert({ id: `bench-alert-${i}-${Date.now()}`, cadreId, date, kind: '警告', reason: null });
  await refresher.settled();
  const id = alertId('national/adjustment/zwcf-8', cadreId, 2026);
  const got = await alertsOf(store).get(id);
  if (!got?.present) throw new Error(`edit ${i}: no alert for ${cadreId}`);
  times.push(performance.now() - t);
}
refresher.close();
const editCpuUsed = process.cpuUsage(editCpu);
const cpuPerEdit = () => Math.round((editCpuUsed.user + editCpuUsed.system) / 1000 / Math.max(1, times.length));
times.sort((a, b) => a - b);
if (times.length)
  console.log(
    JSON.stringify({
      edits: times.length,
      medianMs: Math.round(times[Math.floor(times.length / 2)]!),
      p99Ms: Math.round(times[Math.min(times.length - 1, Math.floor(times.length * 0.99))]!),
      maxMs: Math.round(times[times.length - 1]!),
      // this process (the write, the refresh's read and evaluation, the reconciliation), per edit
      cpuMsPerEdit: cpuPerEdit(),
      loadAverage: [editLoad, load()],
    }),
  );
console.log(`peak resident ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
await store.close();
