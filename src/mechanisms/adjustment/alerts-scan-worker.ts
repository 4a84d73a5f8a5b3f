// One thread of the full alert scan (alerts-scan.ts): it opens its own read-only connection to the SQLite file,
// holds one read transaction (one state of the record) for all the regions it was given, and for each region loads
// the region's facts, evaluates the alert rules and posts the findings back. It writes nothing: the thread that
// started it reconciles the alert table once every region is in.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { packRegistry } from '../../packs/index.js';
import type { AlertFinding } from '../../store/alerts.js';
import { loadRegionsFrom } from '../../store/facts-loader.js';
import { alertRules, findAlerts } from './alerts.js';

export interface ScanWorkerData {
  file: string;
  roots: string[];
  asOf: string;
}

export type ScanWorkerMessage =
  { root: string; cadres: number; findings: AlertFinding[] } | { done: true } | { error: string };

async function main(data: ScanWorkerData, post: (m: ScanWorkerMessage) => void): Promise<void> {
  const sqlite = new Database(data.file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) });
  const registry = packRegistry();
  const rules = alertRules(registry);
  try {
    sqlite.exec('begin');
    try {
      for (const root of data.roots) {
        const facts = await loadRegionsFrom(db, [root], data.asOf, true);
        post({ root, cadres: facts.cadres.length, findings: findAlerts(registry, facts, data.asOf, rules) });
      }
    } finally {
      sqlite.exec('commit');
    }
    post({ done: true });
  } finally {
    await db.destroy();
  }
}

if (parentPort) {
  const port = parentPort;
  main(workerData as ScanWorkerData, (m) => port.postMessage(m)).catch((e: unknown) =>
    port.postMessage({ error: (e as Error)?.message ?? String(e) }),
  );
}
