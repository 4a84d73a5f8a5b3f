// One thread of the full alert scan (alerts-scan.ts): it opens its own read-only connection to the SQLite file and,
// in one read transaction (one state of the record), reads all the regions it was given the way the whole-record
// load reads (JSON pages built inside SQLite, filtered by the regions' temporary id tables), evaluates the alert rules
// under the local parameters in force (read once by the thread that started it) and posts the findings back. It
// writes nothing: the thread that started it reconciles the alert table once every thread is done.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { packRegistry } from '../../packs/index.js';
import type { AlertFinding } from '../../store/alerts.js';
import { loadRegionsPaged } from '../../store/facts-loader.js';
import type { LocalParamRow } from '../../store/local-params.js';
import { LocalParamsInForce } from '../params/in-force.js';
import { alertRules, findAlertsUnder } from './alerts.js';

export interface ScanWorkerData {
  file: string;
  roots: string[];
  asOf: string;
  /** the local settings live on asOf (settingsLiveOn), read by the starting thread */
  settings: readonly LocalParamRow[];
}

export type ScanWorkerMessage =
  { cadres: number; loadMs: number; evaluateMs: number; findings: AlertFinding[] } | { error: string };

async function main(data: ScanWorkerData, post: (m: ScanWorkerMessage) => void): Promise<void> {
  const sqlite = new Database(data.file, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 10000');
    sqlite.pragma('cache_size = -65536');
    const registry = packRegistry();
    const t = performance.now();
    sqlite.exec('begin');
    let facts;
    try {
      facts = await loadRegionsPaged(sqlite, data.roots, data.asOf);
    } finally {
      sqlite.exec('commit');
    }
    const loaded = performance.now();
    const local = LocalParamsInForce.fromRows(data.settings, registry, data.asOf);
    const findings = findAlertsUnder(registry, facts, data.asOf, local, 'all', alertRules(registry));
    post({
      cadres: facts.cadres.length,
      loadMs: Math.round(loaded - t),
      evaluateMs: Math.round(performance.now() - loaded),
      findings,
    });
  } finally {
    sqlite.close();
  }
}

if (parentPort) {
  const port = parentPort;
  main(workerData as ScanWorkerData, (m) => port.postMessage(m)).catch((e: unknown) =>
    port.postMessage({ error: (e as Error)?.message ?? String(e) }),
  );
}
