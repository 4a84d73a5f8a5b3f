// The record as the rulebooks' fact set on a date. Built for the whole province at once (a million cadres):
// on SQLite pages of rows come as JSON text from a worker thread reading one snapshot (or, inside a
// transaction, from Kysely's own connection); on PostgreSQL server-side cursors read inside one
// repeatable-read transaction. Either way the facts come from a single consistent state of the record.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { CompiledQuery, sql, type RawBuilder } from 'kysely';
import Database from 'better-sqlite3';
import type {
  AdjustmentMethod,
  AssessmentScheme,
  CadreCategory,
  DeterminationKind,
  HonorAward,
  HonorConferrer,
  IncidentCategory,
  Level,
  PackId,
  PostRole,
  SanctionKind,
  Severity,
  UnitKind,
} from '../domain/vocabulary.js';
import { POST_ROLE_PRECEDENCE } from '../domain/vocabulary.js';
import { emptyFacts, type CadreFact, type Facts, type UnitFact } from '../domain/facts.js';
import type { AnyDb } from './connect.js';
import type { KyselyStore } from './kysely-store.js';
import { parseFlags } from './schema.js';

type Row = unknown[];
type Scan = (table: string, columns: readonly string[], onRow: (r: Row) => void) => Promise<void>;
type CadreScan = (asOf: string, onRow: (r: Row) => void) => Promise<void>;

const PAGE = 20_000;

// One row per (cadre, post held on asOf), cadres without such a post once with null post columns.
const CADRE_COLUMNS = `c.id, c.name, c.category, c.managing_unit_id,
  p.id, p.unit_id, p.role, p.level, p.party_secretary, p.in_charge, p.start_date`;
const POST_ON_DATE = `p.cadre_id = c.id and p.start_date <= ? and (p.end_date is null or p.end_date > ?)`;

// SQLite hands rows to JavaScript one by one, and at millions of rows that crossing costs more than the query.
// So each page of rows is packed into one JSON array inside SQLite and parsed in one go (about 1.5x faster);
// pages follow the rowid, the table's own storage order. The order of rows inside a page does not matter (an
// ordered aggregate would cost a third more): facts are sets, and a cadre's rows never straddle two pages.
const SQLITE_PAGE = 50_000;

function sqliteScanSql(table: string, columns: readonly string[], page: number): string {
  return `select max(rowid), json_group_array(json_array(${columns.map((c) => `"${c}"`).join(', ')}))
    from (select rowid, * from "${table}" where rowid > ? order by rowid limit ${page})`;
}

function sqliteCadreSql(page: number): string {
  // json(in_charge) embeds the list as an array, sparing a JSON.parse per post
  const cols = CADRE_COLUMNS.replace('p.in_charge', 'json(p.in_charge)');
  return `select max(c.rowid), json_group_array(json_array(${cols}))
    from (select rowid, * from cadres where rowid > ? order by rowid limit ${page}) c
    left join posts p on ${POST_ON_DATE}`;
}

/** A page holds all rows of its cadres; hand them on grouped by cadre, as the collector expects. */
function emitCadrePage(json: string, onRow: (r: Row) => void): void {
  const groups = new Map<unknown, Row[]>();
  for (const r of JSON.parse(json) as Row[]) {
    const g = groups.get(r[0]);
    if (g) g.push(r);
    else groups.set(r[0], [r]);
  }
  for (const g of groups.values()) for (const r of g) onRow(r);
}

function emitPage(json: string, onRow: (r: Row) => void): void {
  for (const r of JSON.parse(json) as Row[]) onRow(r);
}

function sqliteScans(sqlite: Database.Database, page: number): { scan: Scan; cadres: CadreScan } {
  const pages = (sqlText: string, params: unknown[], emit: (json: string) => void): void => {
    const stmt = sqlite.prepare(sqlText).raw(true);
    let after = 0;
    for (;;) {
      const [max, json] = stmt.get(after, ...params) as [number | null, string];
      if (max === null) return;
      emit(json);
      after = max;
    }
  };
  return {
    async scan(table, columns, onRow) {
      pages(sqliteScanSql(table, columns, page), [], (json) => emitPage(json, onRow));
    },
    async cadres(asOf, onRow) {
      pages(sqliteCadreSql(page), [asOf, asOf], (json) => emitCadrePage(json, onRow));
    },
  };
}

// The load on a second thread: a worker with its own read-only connection runs every query in one read
// transaction (one snapshot) and posts each page's JSON text; this thread parses and builds the facts. The two
// halves of the work (SQLite producing, JavaScript consuming) then overlap, which on two cores takes about a
// third off a province-sized load. The worker runs ahead by at most AHEAD pages, so memory stays bounded.
const AHEAD = 4;
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const flow = new Int32Array(workerData.flow); // [pages produced, pages consumed]
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  db.exec('begin');
  for (const job of workerData.jobs) {
    if (job.setup) {
      db.prepare(job.sql).run(...job.params);
      continue;
    }
    const stmt = db.prepare(job.sql).raw(true);
    let after = 0;
    for (;;) {
      const [max, json] = stmt.get(after, ...job.params);
      if (max === null) break;
      for (;;) {
        const consumed = Atomics.load(flow, 1);
        if (Atomics.load(flow, 0) - consumed < workerData.ahead) break;
        Atomics.wait(flow, 1, consumed, 1000);
      }
      Atomics.add(flow, 0, 1);
      parentPort.postMessage({ job: job.name, json });
      after = max;
    }
    parentPort.postMessage({ job: job.name, done: true });
  }
  db.exec('commit');
} catch (e) {
  parentPort.postMessage({ error: (e && e.message) || String(e) });
} finally {
  if (db) db.close();
}
`;

type WorkerMsg = { job: string; json: string } | { job: string; done: true } | { error: string };
interface Job {
  name: string;
  sql: string;
  params: unknown[];
  /** a statement run before the reads (a region's temporary id tables), posting nothing */
  setup?: boolean;
}

async function workerScans(
  file: string,
  jobs: Job[],
  body: (scans: { scan: Scan; cadres: CadreScan }) => Promise<Facts>,
): Promise<Facts> {
  const flowBuffer = new SharedArrayBuffer(8);
  const flow = new Int32Array(flowBuffer);
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, jobs, flow: flowBuffer, driver, ahead: AHEAD },
  });
  const queue: WorkerMsg[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  const push = (m: WorkerMsg): void => {
    queue.push(m);
    wake?.();
  };
  worker.on('message', push);
  worker.on('error', (e) => push({ error: e.message }));
  let exited = false;
  worker.on('exit', (code) => {
    exited = true;
    if (code !== 0) push({ error: `facts worker exited with code ${code}` });
  });
  const next = async (): Promise<WorkerMsg> => {
    while (queue.length === 0) await new Promise<void>((r) => (wake = r));
    wake = undefined;
    return queue.shift()!;
  };
  const consume = async (name: string, emit: (json: string) => void): Promise<void> => {
    for (;;) {
      const m = await next();
      if ('error' in m) throw (failure = new Error(`读取数据库失败 (loading facts: ${m.error})`));
      if (m.job !== name) throw new Error(`facts worker out of order: expected ${name}, got ${m.job}`);
      if ('done' in m) return;
      emit(m.json);
      Atomics.add(flow, 1, 1);
      Atomics.notify(flow, 1);
    }
  };
  try {
    return await body({
      scan: (table, _columns, onRow) => consume(table, (json) => emitPage(json, onRow)),
      cadres: (_asOf, onRow) => consume('cadres', (json) => emitCadrePage(json, onRow)),
    });
  } finally {
    // on success the worker is closing its connection and exits by itself; on failure stop it now
    if (failure || exited) await worker.terminate();
    else await new Promise<void>((r) => (exited ? r() : worker.once('exit', () => r())));
  }
}

// PostgreSQL: server-side cursors inside the loading transaction. One plan per table (a single hash or merge join
// for cadres and posts), fetched in pages, rather than a query per page.
let cursorSeq = 0;

async function withCursor(
  db: AnyDb,
  query: string,
  params: unknown[],
  page: number,
  onRows: (rows: Record<string, unknown>[]) => void,
): Promise<void> {
  const name = `sanxiang_facts_${++cursorSeq}`;
  await db.executeQuery(CompiledQuery.raw(`declare ${name} no scroll cursor for ${query}`, params));
  try {
    for (;;) {
      const { rows } = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(`fetch ${page} from ${name}`));
      onRows(rows);
      if (rows.length < page) return;
    }
  } finally {
    await db.executeQuery(CompiledQuery.raw(`close ${name}`));
  }
}

const CADRE_FIELDS = CADRE_COLUMNS.split(',').map((c) => c.trim().replace('.', '_'));

function postgresScans(db: AnyDb, page: number): { scan: Scan; cadres: CadreScan } {
  return {
    async scan(table, columns, onRow) {
      const cols = columns.map((c) => `"${c}"`).join(', ');
      await withCursor(db, `select ${cols} from "${table}" order by "id"`, [], page, (rows) => {
        for (const r of rows) onRow(columns.map((c) => r[c]));
      });
    },
    async cadres(asOf, onRow) {
      const cols = CADRE_COLUMNS.replace(/(\w)\.(\w+)/g, '$1.$2 as $1_$2');
      const on = POST_ON_DATE.replace(/\?/g, '$1');
      await withCursor(
        db,
        `select ${cols} from cadres c left join posts p on ${on} order by c.id`,
        [asOf],
        page,
        (rows) => {
          for (const r of rows) onRow(CADRE_FIELDS.map((f) => r[f]));
        },
      );
    },
  };
}

const RANK = new Map<string, number>(POST_ROLE_PRECEDENCE.map((r, i) => [r, i]));

/** Does post b lead post a? Role precedence first, then the earlier start, then the id (a stable choice). */
function leads(b: Row, a: Row): boolean {
  const rb = RANK.get(b[6] as string) ?? 99;
  const ra = RANK.get(a[6] as string) ?? 99;
  if (rb !== ra) return rb < ra;
  const sb = b[10] as string;
  const sa = a[10] as string;
  if (sb !== sa) return sb < sa;
  return (b[4] as string) < (a[4] as string);
}

function cadreFact(r: Row): CadreFact {
  const fact: CadreFact = {
    id: r[0] as string,
    name: r[1] as string,
    unit: (r[4] === null ? r[3] : r[5]) as string,
    post: (r[4] === null ? 'staff' : r[6]) as PostRole,
    category: r[2] as CadreCategory,
  };
  if (r[4] !== null) {
    fact.level = r[7] as Level;
    fact.partySecretary = r[8] === true || r[8] === 1;
    // SQLite's loader embeds the list already parsed; PostgreSQL returns the stored JSON text
    fact.inCharge = typeof r[9] === 'string' ? (JSON.parse(r[9]) as string[]) : ((r[9] as string[] | null) ?? []);
  }
  return fact;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

/** Page sizes (rows per round trip); tests make them tiny to exercise page boundaries. */
export interface LoadOptions {
  page?: number;
  /** SQLite: read on this thread instead of a worker (tests exercise both paths) */
  inProcess?: boolean;
  /** when given, filled with the milliseconds spent per table */
  timings?: Record<string, number>;
}

/** The columns read from each table, in the order collect() reads the tables (the worker follows it). */
const COLUMNS = {
  units: ['id', 'name', 'kind', 'parent_id', 'pack'],
  cadres: [],
  unit_assessments: ['unit_id', 'year', 'scheme', 'grade', 'score', 'rank'],
  cadre_assessments: [
    'cadre_id',
    'year',
    'grade',
    'votes_excellent',
    'votes_competent',
    'votes_basic',
    'votes_incompetent',
  ],
  regular_assessments: ['cadre_id', 'period', 'grade'],
  honors: ['subject_id', 'date', 'conferred_by', 'title', 'award'],
  incidents: ['unit_id', 'date', 'category', 'severity'],
  determinations: ['subject_id', 'date', 'kind', 'clause'],
  sanctions: ['cadre_id', 'date', 'kind'],
  adjustments: ['cadre_id', 'date', 'method'],
  tolerance_requests: ['id', 'subject_id', 'date', 'situation', 'findings'],
  case_decisions: [
    'id',
    'subject_id',
    'matter_id',
    'decided_on',
    'outcome',
    'body',
    'article',
    'measure',
    'measure_on',
  ],
} as const satisfies Record<string, readonly string[]>;

function sqliteJobs(asOf: string, page: number): Job[] {
  return Object.entries(COLUMNS).map(([name, columns]) =>
    name === 'cadres'
      ? { name, sql: sqliteCadreSql(page), params: [asOf, asOf] }
      : { name, sql: sqliteScanSql(name, columns, page), params: [] },
  );
}

function timed(
  scans: { scan: Scan; cadres: CadreScan },
  t?: Record<string, number>,
): { scan: Scan; cadres: CadreScan } {
  if (!t) return scans;
  return {
    async scan(table, columns, onRow) {
      const start = performance.now();
      await scans.scan(table, columns, onRow);
      t[table] = Math.round(performance.now() - start);
    },
    async cadres(on, onRow) {
      const start = performance.now();
      await scans.cadres(on, onRow);
      t.cadres = Math.round(performance.now() - start);
    },
  };
}

export async function loadFacts(store: KyselyStore, asOf: string, opts: LoadOptions = {}): Promise<Facts> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`日期格式应为 YYYY-MM-DD (bad date: ${asOf})`);
  const sqlite = store.conn.sqlite;
  const page = opts.page ?? (sqlite ? SQLITE_PAGE : PAGE);
  const run = (db: AnyDb): Promise<Facts> =>
    collect(timed(sqlite ? sqliteScans(sqlite, page) : postgresScans(db, page), opts.timings), asOf);
  // Inside a transaction: read through it, so the facts include its own uncommitted writes.
  if (store.depth > 0) return run(store.db);
  if (sqlite && !opts.inProcess)
    return workerScans(store.conn.location, sqliteJobs(asOf, page), (scans) =>
      collect(timed(scans, opts.timings), asOf),
    );
  if (sqlite) {
    // A connection of its own, read-only, with one read transaction: one WAL snapshot for the whole load, while
    // writers carry on. A BEGIN sent on the store's write connection would run outside the driver's lock, beside
    // another request's transaction there ("cannot start a transaction within a transaction"), and a store
    // transaction would make every writer wait for the load.
    const reader = new Database(store.conn.location, { readonly: true, fileMustExist: true });
    try {
      reader.pragma('busy_timeout = 10000');
      reader.exec('begin');
      try {
        return await collect(timed(sqliteScans(reader, page), opts.timings), asOf);
      } finally {
        reader.exec('commit');
      }
    } finally {
      reader.close();
    }
  }
  return store.db.transaction().setIsolationLevel('repeatable read').execute(run);
}

async function collect({ scan, cadres }: { scan: Scan; cadres: CadreScan }, asOf: string): Promise<Facts> {
  const f = emptyFacts();

  await scan('units', COLUMNS.units, (r) => {
    const u: UnitFact = { id: r[0] as string, name: r[1] as string, kind: r[2] as UnitKind };
    if (r[3] !== null) u.parent = r[3] as string;
    if (r[4] !== null) u.pack = r[4] as PackId;
    f.units.push(u);
  });

  // Rows arrive grouped by cadre (adjacent); keep the leading post of each group.
  let best: Row | undefined;
  await cadres(asOf, (r) => {
    if (best && best[0] === r[0]) {
      if (leads(r, best)) best = r;
      return;
    }
    if (best) f.cadres.push(cadreFact(best));
    best = r;
  });
  if (best) f.cadres.push(cadreFact(best));

  await scan('unit_assessments', COLUMNS.unit_assessments, (r) => {
    const a: Facts['unitAssessments'][number] = {
      unit: r[0] as string,
      year: num(r[1]),
      scheme: r[2] as AssessmentScheme,
    };
    if (r[3] !== null) a.grade = r[3] as string;
    if (r[4] !== null) a.score = num(r[4]);
    if (r[5] !== null) a.rank = num(r[5]);
    f.unitAssessments.push(a);
  });
  await scan('cadre_assessments', COLUMNS.cadre_assessments, (r) => {
    const a: Facts['cadreAssessments'][number] = { cadre: r[0] as string, year: num(r[1]) };
    if (r[2] !== null) a.grade = r[2] as string;
    // votes only when the whole count is on record: a partial tally would mislead the vote-share rules (a load
    // that leaves the counts out, RegionLoadOptions.votes, hands rows of three columns)
    if (r.length > 3 && r[3] !== null && r[4] !== null && r[5] !== null && r[6] !== null)
      a.votes = { excellent: num(r[3]), competent: num(r[4]), basic: num(r[5]), incompetent: num(r[6]) };
    f.cadreAssessments.push(a);
  });
  await scan('regular_assessments', COLUMNS.regular_assessments, (r) =>
    f.regularAssessments.push({ cadre: r[0] as string, period: r[1] as string, grade: r[2] as string }),
  );
  await scan('honors', COLUMNS.honors, (r) =>
    f.honors.push({
      subject: r[0] as string,
      date: r[1] as string,
      conferredBy: r[2] as HonorConferrer,
      title: r[3] as string,
      ...(r[4] != null ? { award: r[4] as HonorAward } : {}),
    }),
  );
  await scan('incidents', COLUMNS.incidents, (r) =>
    f.incidents.push({
      unit: r[0] as string,
      date: r[1] as string,
      category: r[2] as IncidentCategory,
      severity: r[3] as Severity,
    }),
  );
  await scan('determinations', COLUMNS.determinations, (r) =>
    f.determinations.push({
      subject: r[0] as string,
      date: r[1] as string,
      kind: r[2] as DeterminationKind,
      clause: r[3] as string,
    }),
  );
  await scan('sanctions', COLUMNS.sanctions, (r) =>
    f.sanctions.push({ cadre: r[0] as string, date: r[1] as string, kind: r[2] as SanctionKind }),
  );
  await scan('adjustments', COLUMNS.adjustments, (r) =>
    f.adjustments.push({ cadre: r[0] as string, date: r[1] as string, method: r[2] as AdjustmentMethod }),
  );
  // only requests already made on asOf: a request filed later cannot be part of what is known on that date
  await scan('tolerance_requests', COLUMNS.tolerance_requests, (r) => {
    const date = r[2] as string;
    if (date > asOf) return;
    f.toleranceRequests.push({
      id: r[0] as string,
      subject: r[1] as string,
      date,
      situation: r[3] as string,
      findings: parseFlags(r[4]),
    });
  });
  // Concluded tolerance cases: the decision, and a reduced sanction as a sanction of its own (its own period).
  const decisions: NonNullable<Facts['toleranceDecisions']> = [];
  await scan('case_decisions', COLUMNS.case_decisions, (r) => {
    const date = r[3] as string;
    if (date > asOf) return;
    decisions.push({
      case: r[0] as string,
      subject: r[1] as string,
      matter: r[2] as string,
      date,
      outcome: r[4] as 'exempt',
      body: r[5] as string,
      article: r[6] as string,
    });
    if (r[7] !== null && (r[8] as string) <= asOf)
      f.sanctions.push({ cadre: r[1] as string, date: r[8] as string, kind: r[7] as SanctionKind });
  });
  if (decisions.length) f.toleranceDecisions = decisions;
  return f;
}

// ---- One region's facts ------------------------------------------------------------------------------------
// Explaining one cadre or unit needs only the part of the record its rulebooks read. Rules compare subjects
// (quotas, rankings, 本地区 counts) only among the units and cadres their pack governs, and every pack is bound
// at a top-level unit (a province, a city outside any province) or below one; the national rules read one subject
// at a time. So the evaluation of the subtree of the subject's top-level unit gives the subject the same
// findings and values as the whole record's — a test compares both over the demo record, for every pack.

/** A list of ids as a subquery: one bound parameter however long the list (SQLite's JSON, PostgreSQL's arrays). */
export function idList(ids: readonly string[], sqlite: boolean): RawBuilder<unknown> {
  return sqlite ? sql`(select value from json_each(${JSON.stringify(ids)}))` : sql`(select unnest(${ids}::text[]))`;
}

/** Which rows of each table a region reads: by unit, by cadre, or by subject (either). */
const REGION_KEY: Record<string, { column: string; of: 'units' | 'cadres' | 'either' }> = {
  unit_assessments: { column: 'unit_id', of: 'units' },
  incidents: { column: 'unit_id', of: 'units' },
  cadre_assessments: { column: 'cadre_id', of: 'cadres' },
  regular_assessments: { column: 'cadre_id', of: 'cadres' },
  sanctions: { column: 'cadre_id', of: 'cadres' },
  adjustments: { column: 'cadre_id', of: 'cadres' },
  honors: { column: 'subject_id', of: 'either' },
  determinations: { column: 'subject_id', of: 'either' },
  tolerance_requests: { column: 'subject_id', of: 'either' },
  case_decisions: { column: 'subject_id', of: 'either' },
};

/** The tables of the record a fact set is read from, besides units and cadres (always read). */
export type FactTable = Exclude<keyof typeof COLUMNS, 'units' | 'cadres'>;

/**
 * What a region's load may leave out (loadSubjectFacts), for a caller whose rules read only part of the record
 * (the annual incentive run reads assessments and honours, not incidents or sanctions): by default everything.
 */
export interface RegionLoadOptions {
  /** read only these tables; the facts of the others stay empty */
  tables?: ReadonlySet<FactTable>;
  /**
   * SQLite, outside a transaction: read on a worker thread with its own read-only connection, each table in storage
   * order filtered inside SQLite, instead of an index lookup per subject on this thread. For a province-sized
   * region (hundreds of thousands of cadres) the lookups are random reads over the whole file; the scans are
   * sequential, and the parsing overlaps the reading on the second core.
   */
  scanner?: 'worker';
  /**
   * false: the annual assessments come without their vote counts (the worker scanner only). For a caller whose
   * rules read no vote count — the incentive run's, which a test checks for every pack — a third of the columns of
   * the largest table, and an object per assessment, fewer.
   */
  votes?: false;
}

// The region as temporary id tables of the worker's connection (temporary tables are allowed on a read-only
// connection: they live in the connection's own temporary database), filled inside its one read transaction.
const REGION_SETUP = [
  `create temp table region_units (id text primary key)`,
  `create temp table region_cadres (id text primary key)`,
  `insert into temp.region_units with recursive sub(id) as
     (select value from json_each(?) union select u.id from units u join sub on u.parent_id = sub.id) select id from sub`,
  `insert or ignore into temp.region_cadres select id from cadres where +managing_unit_id in temp.region_units
     union select p.cadre_id from posts p where p.unit_id in temp.region_units and ${POST_ON_DATE.replace('p.cadre_id = c.id and ', '')}`,
];
// A unary plus keeps SQLite from answering `x in <temp table>` through x's index: that looks every region subject
// up in turn (random reads) and sorts the rows for each page again; the scan in rowid order reads sequentially.

const REGION_OF = { units: 'temp.region_units', cadres: 'temp.region_cadres' } as const;

function regionWorkerJobs(
  roots: readonly string[],
  asOf: string,
  page: number,
  opts: Pick<RegionLoadOptions, 'tables' | 'votes'>,
): Job[] {
  const tables = opts.tables;
  const jobs: Job[] = REGION_SETUP.map((text, i) => ({
    name: `setup${i}`,
    sql: text,
    params: i === 2 ? [JSON.stringify(roots)] : i === 3 ? [asOf, asOf] : [],
    setup: true,
  }));
  for (const [name, all] of Object.entries(COLUMNS)) {
    const columns = name === 'cadre_assessments' && opts.votes === false ? all.slice(0, 3) : all;
    if (name === 'units') {
      jobs.push({ name, sql: sqliteScanSql(name, columns, page), params: [] });
      continue;
    }
    if (name === 'cadres') {
      const cols = CADRE_COLUMNS.replace('p.in_charge', 'json(p.in_charge)');
      jobs.push({
        name,
        sql: `select max(c.rowid), json_group_array(json_array(${cols}))
          from (select rowid, * from cadres where rowid > ? and +id in ${REGION_OF.cadres} order by rowid limit ${page}) c
          left join posts p on ${POST_ON_DATE}`,
        params: [asOf, asOf],
      });
      continue;
    }
    if (tables && !tables.has(name as FactTable)) continue;
    const key = REGION_KEY[name]!;
    const where =
      key.of === 'either'
        ? `(+"${key.column}" in ${REGION_OF.units} or +"${key.column}" in ${REGION_OF.cadres})`
        : `+"${key.column}" in ${REGION_OF[key.of]}`;
    jobs.push({
      name,
      sql: `select max(rowid), json_group_array(json_array(${columns.map((c) => `"${c}"`).join(', ')}))
        from (select rowid, * from "${name}" where rowid > ? and ${where} order by rowid limit ${page})`,
      params: [],
    });
  }
  return jobs;
}

/** The region's facts read on a worker thread (RegionLoadOptions.scanner), in the order regionScans reads them. */
async function regionOnWorker(store: KyselyStore, root: string, asOf: string, opts: RegionLoadOptions): Promise<Facts> {
  const jobs = regionWorkerJobs([root], asOf, SQLITE_PAGE, opts);
  const facts = await workerScans(store.conn.location, jobs, async ({ scan, cadres }) => {
    // the units arrive whole: keep the region's and those above it, as regionScans does
    let keep: { region: Set<string>; up: Set<string> } | undefined;
    const units: Row[] = [];
    const regionScan: Scan = async (table, columns, onRow) => {
      if (table === 'units') {
        await scan(table, columns, (r) => units.push(r));
        keep = regionUnits(units, [root]);
        for (const u of units) if (keep.region.has(u[0] as string) || keep.up.has(u[0] as string)) onRow(u);
        return;
      }
      if (opts.tables && !opts.tables.has(table as FactTable)) return;
      await scan(table, columns, onRow);
    };
    return collect({ scan: regionScan, cadres }, asOf);
  });
  return restrictToRegion(facts, [root]);
}

/**
 * The facts of the regions under `roots` read through `sqlite` on the calling thread, the way the whole-record load
 * reads (pages of rows packed as JSON inside SQLite, in storage order), each table filtered by the regions' temporary
 * id tables. The caller holds the read transaction (one state of the record); the temporary tables are dropped again.
 * For a thread that has a connection of its own (the full alert scan's workers): far cheaper per row than
 * loadRegionsFrom's id lists, which hand rows over one object at a time.
 */
export async function loadRegionsPaged(
  sqlite: Database.Database,
  roots: readonly string[],
  asOf: string,
  opts: { page?: number; tables?: ReadonlySet<FactTable> } = {},
): Promise<Facts> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`日期格式应为 YYYY-MM-DD (bad date: ${asOf})`);
  const jobs = regionWorkerJobs(roots, asOf, opts.page ?? SQLITE_PAGE, { tables: opts.tables });
  sqlite.exec('drop table if exists temp.region_units; drop table if exists temp.region_cadres');
  try {
    for (const j of jobs) if (j.setup) sqlite.prepare(j.sql).run(...j.params);
    const byName = new Map(jobs.filter((j) => !j.setup).map((j) => [j.name, j]));
    const pages = (name: string, emit: (json: string) => void): void => {
      const job = byName.get(name);
      if (!job) return;
      const stmt = sqlite.prepare(job.sql).raw(true);
      let after = 0;
      for (;;) {
        const [max, json] = stmt.get(after, ...job.params) as [number | null, string];
        if (max === null) return;
        emit(json);
        after = max;
      }
    };
    let keep: { region: Set<string>; up: Set<string> } | undefined;
    const facts = await collect(
      {
        async scan(table, _columns, onRow) {
          if (table !== 'units') return pages(table, (json) => emitPage(json, onRow));
          // the units arrive whole: keep the regions' and those above them, as regionScans does
          const units: Row[] = [];
          pages(table, (json) => emitPage(json, (r) => units.push(r)));
          keep = regionUnits(units, roots);
          for (const u of units) if (keep.region.has(u[0] as string) || keep.up.has(u[0] as string)) onRow(u);
        },
        async cadres(_on, onRow) {
          pages('cadres', (json) => emitCadrePage(json, onRow));
        },
      },
      asOf,
    );
    return restrictToRegion(facts, roots);
  } finally {
    sqlite.exec('drop table if exists temp.region_units; drop table if exists temp.region_cadres');
  }
}

/** The units of the subtrees of `roots` and those above them, from the units table read in full (it is small). */
function regionUnits(units: Row[], roots: readonly string[], subtree = true): { region: Set<string>; up: Set<string> } {
  const children = new Map<string, string[]>();
  const parent = new Map<string, string>();
  for (const u of units) {
    if (u[3] === null) continue;
    parent.set(u[0] as string, u[3] as string);
    const list = children.get(u[3] as string);
    if (list) list.push(u[0] as string);
    else children.set(u[3] as string, [u[0] as string]);
  }
  const region = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const id = stack.pop()!;
    if (region.has(id)) continue;
    region.add(id);
    if (subtree) stack.push(...(children.get(id) ?? []));
  }
  const up = new Set<string>();
  for (const root of roots)
    for (let u: string | undefined = root; u !== undefined && !up.has(u); u = parent.get(u)) up.add(u);
  return { region, up };
}

async function regionScans(
  db: AnyDb,
  roots: readonly string[],
  asOf: string,
  sqlite: boolean,
  subtree = true,
  opts: RegionLoadOptions = {},
): Promise<{ scan: Scan; cadres: CadreScan }> {
  // the whole-record load reads SQLite in storage order and PostgreSQL by id; a region reads its rows in the same
  // order, so anything that depends on the order of facts (ties) comes out the same
  const order = sql.raw(sqlite ? 'rowid' : 'id');
  const rows = async (query: RawBuilder<unknown>, columns: readonly string[], onRow: (r: Row) => void) => {
    // SQLite answers on this thread: one table at a time, with the event loop's turn in between, so a region's
    // load never holds up other requests for longer than one table's rows
    if (sqlite) await new Promise<void>((resolve) => setImmediate(resolve));
    const { rows: got } = await query.execute(db);
    for (const r of got as Record<string, unknown>[]) onRow(columns.map((c) => r[c]));
  };
  const unitCols = COLUMNS.units.map((c) => `"${c}"`).join(', ');
  const units: Row[] = [];
  await rows(sql`select ${sql.raw(unitCols)} from units order by ${order}`, COLUMNS.units, (r) => units.push(r));
  const { region, up } = regionUnits(units, roots, subtree);
  const regionIds = [...region];
  const { rows: found } = await sql<{ id: string }>`select c.id as id from cadres c
      where c.managing_unit_id in ${idList(regionIds, sqlite)}
    union select p.cadre_id as id from posts p where p.unit_id in ${idList(regionIds, sqlite)}
      and p.start_date <= ${asOf} and (p.end_date is null or p.end_date > ${asOf})`.execute(db);
  const people = found.map((r) => r.id);
  const lists = { units: regionIds, cadres: people, either: [...regionIds, ...people] };
  return {
    async scan(table, columns, onRow) {
      if (table === 'units') {
        for (const u of units) if (region.has(u[0] as string) || up.has(u[0] as string)) onRow(u);
        return;
      }
      const key = REGION_KEY[table];
      if (!key) throw new Error(`no region key for ${table}`);
      if (opts.tables && !opts.tables.has(table as FactTable)) return;
      const cols = columns.map((c) => `"${c}"`).join(', ');
      await rows(
        sql`select ${sql.raw(cols)} from ${sql.table(table)}
          where ${sql.ref(key.column)} in ${idList(lists[key.of], sqlite)} order by ${order}`,
        columns,
        onRow,
      );
    },
    async cadres(on, onRow) {
      const cols = CADRE_COLUMNS.replace(/(\w)\.(\w+)/g, '$1.$2 as $1_$2');
      await rows(
        sql`select ${sql.raw(cols)} from cadres c
          left join posts p on p.cadre_id = c.id and p.start_date <= ${on} and (p.end_date is null or p.end_date > ${on})
          where c.id in ${idList(people, sqlite)} order by c.${order}`,
        CADRE_FIELDS,
        onRow,
      );
    },
  };
}

/** The whole-record facts restricted to the regions: what the record holds about their units and their cadres. */
function restrictToRegion(f: Facts, roots: readonly string[]): Facts {
  const children = new Map<string, string[]>();
  for (const u of f.units)
    if (u.parent !== undefined) children.set(u.parent, [...(children.get(u.parent) ?? []), u.id]);
  const region = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const id = stack.pop()!;
    if (region.has(id)) continue;
    region.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  const cadres = f.cadres.filter((c) => region.has(c.unit));
  const people = new Set(cadres.map((c) => c.id));
  const either = (id: string) => region.has(id) || people.has(id);
  return {
    ...f,
    cadres,
    cadreAssessments: f.cadreAssessments.filter((a) => people.has(a.cadre)),
    regularAssessments: f.regularAssessments.filter((a) => people.has(a.cadre)),
    sanctions: f.sanctions.filter((s) => people.has(s.cadre)),
    adjustments: f.adjustments.filter((a) => people.has(a.cadre)),
    honors: f.honors.filter((h) => either(h.subject)),
    determinations: f.determinations.filter((d) => either(d.subject)),
    toleranceRequests: f.toleranceRequests.filter((r) => either(r.subject)),
  };
}

/** The top-level unit above a unit (itself if it has no parent); undefined for an unknown unit. */
async function topUnit(db: AnyDb, unit: string): Promise<string | undefined> {
  const { rows } = await sql<{ id: string }>`with recursive
    up(id, parent_id, depth) as (select id, parent_id, 0 from units where id = ${unit}
      union all select u.id, u.parent_id, up.depth + 1 from units u join up on u.id = up.parent_id where up.depth < 64)
    select id from up order by depth desc limit 1`.execute(db);
  return rows[0]?.id;
}

/** The unit a cadre counts under on asOf (its leading post's unit, else its managing unit), as loadFacts has it. */
async function cadreUnit(db: AnyDb, cadre: string, asOf: string): Promise<string | undefined> {
  const cols = CADRE_COLUMNS.replace(/(\w)\.(\w+)/g, '$1.$2 as $1_$2');
  const { rows } = await sql<Record<string, unknown>>`select ${sql.raw(cols)} from cadres c
    left join posts p on p.cadre_id = c.id and p.start_date <= ${asOf} and (p.end_date is null or p.end_date > ${asOf})
    where c.id = ${cadre}`.execute(db);
  let best: Row | undefined;
  for (const r of rows) {
    const row = CADRE_FIELDS.map((f) => r[f]);
    if (!best || leads(row, best)) best = row;
  }
  return best ? cadreFact(best).unit : undefined;
}

/**
 * The facts of the regions under `roots` (top-level units, or units whose subtrees hold every unit their rules
 * compare) read through `db`, which the caller keeps on one state of the record (a read transaction). Rules never
 * compare subjects of two regions, so several regions loaded together give each subject the findings it gets alone.
 */
export async function loadRegionsFrom(
  db: AnyDb,
  roots: readonly string[],
  asOf: string,
  sqlite: boolean,
  opts: RegionLoadOptions = {},
): Promise<Facts> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`日期格式应为 YYYY-MM-DD (bad date: ${asOf})`);
  return restrictToRegion(await collect(await regionScans(db, roots, asOf, sqlite, true, opts), asOf), roots);
}

/**
 * The facts of one unit's own people: the unit, the units above it (their bindings make its chain of rulebooks), the
 * cadres counted under it on asOf and everything on record about them. What a rule about one cadre reads when it
 * compares the cadre with no one beyond the cadre's unit (the alert refresh after a cadre's own record changes).
 */
export async function loadUnitPeopleFrom(db: AnyDb, unit: string, asOf: string, sqlite: boolean): Promise<Facts> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`日期格式应为 YYYY-MM-DD (bad date: ${asOf})`);
  return restrictToRegion(await collect(await regionScans(db, [unit], asOf, sqlite, false), asOf), [unit]);
}

/** The unit a cadre counts under on asOf (see cadreUnit), through `db`; undefined for a cadre not on record. */
export function cadreUnitFrom(db: AnyDb, cadre: string, asOf: string): Promise<string | undefined> {
  return cadreUnit(db, cadre, asOf);
}

/** The top-level unit above `unit` (see topUnit), through `db`. */
export function topUnitFrom(db: AnyDb, unit: string): Promise<string | undefined> {
  return topUnit(db, unit);
}

/** loadSubjectFacts through `db`, which the caller keeps on one state of the record. */
export async function loadSubjectFactsFrom(
  db: AnyDb,
  asOf: string,
  subject: { cadre: string } | { unit: string },
  sqlite: boolean,
  opts: RegionLoadOptions = {},
): Promise<{ facts: Facts; root: string | undefined }> {
  const unit = 'cadre' in subject ? await cadreUnit(db, subject.cadre, asOf) : subject.unit;
  const root = unit === undefined ? undefined : await topUnit(db, unit);
  if (root === undefined) return { facts: emptyFacts(), root };
  return { facts: await loadRegionsFrom(db, [root], asOf, sqlite, opts), root };
}

/**
 * The facts a cadre's or a unit's rulebooks read on asOf: the subtree of its top-level unit (see above), read in
 * one consistent state of the record. `root` is undefined (and the facts empty) when the subject is not on record.
 */
export async function loadSubjectFacts(
  store: KyselyStore,
  asOf: string,
  subject: { cadre: string } | { unit: string },
  opts: RegionLoadOptions = {},
): Promise<{ facts: Facts; root: string | undefined }> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`日期格式应为 YYYY-MM-DD (bad date: ${asOf})`);
  const sqlite = store.conn.sqlite !== undefined;
  const run = (db: AnyDb) => loadSubjectFactsFrom(db, asOf, subject, sqlite, opts);
  if (store.depth > 0) return run(store.db);
  if (sqlite && opts.scanner === 'worker') {
    const unit = 'cadre' in subject ? await cadreUnit(store.db, subject.cadre, asOf) : subject.unit;
    const root = unit === undefined ? undefined : await topUnit(store.db, unit);
    if (root === undefined) return { facts: emptyFacts(), root };
    return { facts: await regionOnWorker(store, root, asOf, opts), root };
  }
  // SQLite: one transaction of the store's own for every query (one consistent state). A BEGIN sent straight to
  // the write connection would run outside the driver's lock, beside the transactions of other requests (and
  // fail with "cannot start a transaction within a transaction"); its reads would not even use it, going to the
  // read connection. The cost: writers wait for the region's read.
  if (sqlite) return store.transaction((tx) => run((tx as KyselyStore).db));
  return store.db.transaction().setIsolationLevel('repeatable read').execute(run);
}

// ---- Some cadres' facts --------------------------------------------------------------------------------------
// The influence-period ledger and the eligibility check read a list of cadres (candidates, or those with a period
// on record), not a region: a list of a thousand candidates spread over a province would otherwise load the whole
// province. What their rulebooks read about them: every unit (the table is small; a unit's pack chain comes from
// its ancestors, and rules that compare units — quotas, rankings — compare all of them as the whole record does),
// every unit's own rows (assessments, incidents, honors, determinations), and the listed cadres with everything on
// record about them. Rules comparing cadres with each other (shares of 优秀 within a unit) see only the listed
// cadres; none of them bears on an influence period or a priority for promotion.

/** The facts the rulebooks read about `cadreIds` on asOf (ids not on record are left out), in one consistent state. */
export async function loadCadresFacts(
  store: KyselyStore,
  asOf: string,
  cadreIds: readonly string[],
  timings?: Record<string, number>,
): Promise<Facts> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`日期格式应为 YYYY-MM-DD (bad date: ${asOf})`);
  const sqlite = store.conn.sqlite !== undefined;
  const people = [...new Set(cadreIds)];
  const run = (db: AnyDb) => collect(timed(cadreListScans(db, people, sqlite), timings), asOf);
  if (store.depth > 0) return run(store.db);
  // SQLite: one transaction of the store's own, as for a region (loadSubjectFacts): a BEGIN sent straight to the
  // write connection runs outside the driver's lock and fails beside another request's transaction
  if (sqlite) return store.transaction((tx) => run((tx as KyselyStore).db));
  return store.db.transaction().setIsolationLevel('repeatable read').execute(run);
}

/**
 * Department units (县直/市直部门, internal departments: nineteen in twenty of a province's units) are read only
 * when something on record is about them, or a listed cadre works in or under them: a unit with no record of its
 * own concludes nothing and takes part in no comparison (quotas and rankings rank units by their assessments), so
 * leaving the others out changes no finding and saves evaluating every unit rule over them.
 */
const QUIET_KINDS = new Set(['city_dept', 'county_dept', 'internal_dept']);

function cadreListScans(db: AnyDb, people: string[], sqlite: boolean): { scan: Scan; cadres: CadreScan } {
  const order = sql.raw(sqlite ? 'rowid' : 'id');
  const list = idList(people, sqlite);
  const rows = async (query: RawBuilder<unknown>, columns: readonly string[], onRow: (r: Row) => void) => {
    const { rows: got } = await query.execute(db);
    for (const r of got as Record<string, unknown>[]) onRow(columns.map((c) => r[c]));
  };
  let kept: Set<string> | undefined;
  /** The units read: every unit but the quiet departments, those with records or listed cadres, and their parents. */
  const units = async (onRow: (r: Row) => void) => {
    const all: Row[] = [];
    await rows(
      sql`select ${sql.raw(COLUMNS.units.map((c) => `"${c}"`).join(', '))} from units order by ${order}`,
      COLUMNS.units,
      (r) => all.push(r),
    );
    const { rows: used } = await sql<{ id: string }>`select unit_id as id from unit_assessments
        union select unit_id from incidents
        union select subject_id from honors union select subject_id from determinations
        union select subject_id from tolerance_requests union select subject_id from case_decisions
        union select managing_unit_id from cadres where id in ${list}
        union select unit_id from posts where cadre_id in ${list}`.execute(db);
    const parent = new Map(all.map((u) => [u[0] as string, u[3] as string | null]));
    kept = new Set();
    const keep = (id: string | null | undefined) => {
      for (let u = id; u && !kept!.has(u); u = parent.get(u) ?? null) kept!.add(u);
    };
    for (const u of all) if (!QUIET_KINDS.has(u[2] as string)) keep(u[0] as string);
    for (const r of used) if (parent.has(r.id)) keep(r.id);
    for (const u of all) if (kept.has(u[0] as string)) onRow(u);
  };
  return {
    async scan(table, columns, onRow) {
      if (table === 'units') return units(onRow);
      const cols = sql.raw(columns.map((c) => `"${c}"`).join(', '));
      const key = REGION_KEY[table];
      if (!key) throw new Error(`no key for ${table}`);
      // unit-anchored tables are read whole (their units are all kept); the others for the listed cadres and units
      const where =
        key.of === 'units'
          ? sql``
          : key.of === 'cadres'
            ? sql`where ${sql.ref(key.column)} in ${list}`
            : sql`where ${sql.ref(key.column)} in ${list} or ${sql.ref(key.column)} in (select id from units)`;
      await rows(sql`select ${cols} from ${sql.table(table)} ${where} order by ${order}`, columns, onRow);
    },
    async cadres(on, onRow) {
      const cols = CADRE_COLUMNS.replace(/(\w)\.(\w+)/g, '$1.$2 as $1_$2');
      await rows(
        sql`select ${sql.raw(cols)} from cadres c
          left join posts p on p.cadre_id = c.id and p.start_date <= ${on} and (p.end_date is null or p.end_date > ${on})
          where c.id in ${list} order by c.${order}`,
        CADRE_FIELDS,
        onRow,
      );
    },
  };
}
