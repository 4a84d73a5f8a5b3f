// The full alert scan over both cores (SQLite). Rules compare subjects only inside a region (the subtree of a
// top-level unit: a province, a city outside any province), so the regions are evaluated apart: worker threads
// (alerts-scan-worker.ts) each read their share of the regions on a read-only connection of their own and evaluate
// them, while this thread waits and then reconciles the alert table once with every finding. The regions are uneven
// (one province may hold a third of the cadres), so they are dealt out by cadre count, the largest first, each to the
// thread with the fewest cadres so far.
// Each thread reads one state of the record; two threads may read two states a moment apart. That cannot mix
// regions (each region is read whole by one thread) and the refresh after a write follows the write anyway.
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import type { PackRegistry } from '../../policy/engine.js';
import { alertsOf, type AlertFinding, type ReconcileResult } from '../../store/alerts.js';
import type { KyselyStore } from '../../store/kysely-store.js';
import { LocalParamsInForce } from '../params/in-force.js';
import type { ScanWorkerData, ScanWorkerMessage } from './alerts-scan-worker.js';

export interface ParallelScanOptions {
  /** threads to use (default: the cores, at most 2 — the balance of the record's regions is planned for two) */
  threads?: number;
  /** when given, filled with how the scan went (regions per thread, milliseconds) */
  report?: ParallelScanReport;
}

export interface ParallelScanReport {
  /** per thread: its regions, their cadres, and its milliseconds reading them and evaluating them */
  threads?: { roots: string[]; cadres: number; loadMs: number; evaluateMs: number }[];
  evaluateMs?: number;
  reconcileMs?: number;
  findings?: number;
}

/** The top-level units with the number of cadres managed in their subtrees (from the derived counts). */
export async function regionSizes(store: KyselyStore): Promise<{ root: string; cadres: number }[]> {
  const { rows } = await sql<{ id: string; n: number | string | null }>`
    select u.id as id, (select sum(cc.n) from unit_ancestors a join cadre_counts cc on cc.unit_id = a.unit_id
      where a.ancestor_id = u.id) as n
    from units u where u.parent_id is null order by u.id`.execute(store.db);
  return rows.map((r) => ({ root: r.id, cadres: Number(r.n ?? 0) }));
}

/** Deals regions out to `n` threads: the largest first, each to the thread with the fewest cadres so far. */
export function dealRegions(
  regions: readonly { root: string; cadres: number }[],
  n: number,
): { roots: string[]; cadres: number }[] {
  const bins = Array.from({ length: Math.max(1, n) }, () => ({ roots: [] as string[], cadres: 0 }));
  const sorted = [...regions].sort((a, b) => b.cadres - a.cadres || a.root.localeCompare(b.root));
  for (const r of sorted) {
    const bin = bins.reduce((min, b) => (b.cadres < min.cadres ? b : min));
    bin.roots.push(r.root);
    bin.cadres += r.cadres;
  }
  return bins.filter((b) => b.roots.length > 0);
}

/** A worker thread running alerts-scan-worker: the compiled file, or the TypeScript source through tsx (tests). */
function scanWorker(data: ScanWorkerData): Worker {
  const here = import.meta.url;
  if (here.endsWith('.js')) return new Worker(new URL('./alerts-scan-worker.js', here), { workerData: data });
  // the ESM entry of tsx's API (resolving 'tsx/esm/api' from here picks its CommonJS one)
  const pkg = createRequire(here).resolve('tsx/package.json');
  const tsx = pathToFileURL(path.join(path.dirname(pkg), 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./alerts-scan-worker.ts', here).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true, workerData: data });
}

interface WorkerResult {
  cadres: number;
  loadMs: number;
  evaluateMs: number;
  findings: AlertFinding[];
}

/** Runs the alert rules over `roots` on a worker thread; resolves with every finding. */
function evaluateOnWorker(data: ScanWorkerData): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const worker = scanWorker(data);
    let got: WorkerResult | undefined;
    let settled = false;
    const finish = (e?: Error) => {
      if (settled) return;
      settled = true;
      if (e) {
        void worker.terminate();
        reject(e);
      } else if (got) resolve(got);
      else reject(new Error('预警扫描失败 (alert scan worker ended without its findings)'));
    };
    worker.on('message', (m: ScanWorkerMessage) => {
      if ('error' in m) finish(new Error(`预警扫描失败 (alert scan worker: ${m.error})`));
      else got = m;
    });
    worker.on('error', (e) => finish(new Error(`预警扫描失败 (alert scan worker: ${e.message})`)));
    worker.on('exit', (code) => finish(code === 0 ? undefined : new Error(`预警扫描失败 (worker exited: ${code})`)));
  });
}

/**
 * The full scan on SQLite with the regions evaluated on worker threads; the alert table is reconciled here, in one
 * transaction, with every finding (alerts of subjects no region found anything about are marked gone).
 */
export async function scanAllParallel(
  store: KyselyStore,
  registry: PackRegistry,
  asOf: string,
  at: string,
  opts: ParallelScanOptions = {},
): Promise<ReconcileResult> {
  if (!store.conn.sqlite) throw new Error('the parallel scan reads SQLite files');
  const threads = opts.threads ?? Math.min(2, availableParallelism());
  const bins = dealRegions(await regionSizes(store), threads);
  // the local settings are read once here; the workers build their own registry (the same packs): a registry
  // cannot cross threads
  const settings = (await LocalParamsInForce.load(store, registry, asOf)).settings();
  const t = performance.now();
  const parts = await Promise.all(
    bins.map((b) => evaluateOnWorker({ file: store.conn.location, roots: b.roots, asOf, settings })),
  );
  const evaluated = performance.now();
  const findings = parts.flatMap((p) => p.findings);
  const result = await alertsOf(store).reconcile(findings, 'all', asOf, at);
  if (opts.report) {
    opts.report.threads = bins.map((b, i) => ({ ...b, loadMs: parts[i]!.loadMs, evaluateMs: parts[i]!.evaluateMs }));
    opts.report.evaluateMs = Math.round(evaluated - t);
    opts.report.reconcileMs = Math.round(performance.now() - evaluated);
    opts.report.findings = findings.length;
  }
  return result;
}
