// The record as the rulebooks' fact set on a date. Built for the whole province at once (a million cadres):
// on SQLite it streams raw row arrays from prepared statements on Kysely's own connection; on PostgreSQL it
// pages by id inside one repeatable-read transaction, so both see a single consistent snapshot.
import { CompiledQuery } from 'kysely';
import type Database from 'better-sqlite3';
import type {
  AdjustmentMethod,
  AssessmentScheme,
  CadreCategory,
  DeterminationKind,
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

type Row = unknown[];
type Scan = (table: string, columns: readonly string[], onRow: (r: Row) => void) => Promise<void>;
type CadreScan = (asOf: string, onRow: (r: Row) => void) => Promise<void>;

const PAGE = 20_000;
const CADRE_PAGE = 5_000;

// One row per (cadre, post held on asOf), cadres without such a post once with null post columns.
const CADRE_COLUMNS = `c.id, c.name, c.category, c.managing_unit_id,
  p.id, p.unit_id, p.role, p.level, p.party_secretary, p.in_charge, p.start_date`;
const POST_ON_DATE = `p.cadre_id = c.id and p.start_date <= ? and (p.end_date is null or p.end_date > ?)`;

// SQLite hands rows to JavaScript one by one, and at millions of rows that crossing costs more than the query.
// So each page of rows is packed into one JSON array inside SQLite and parsed in one go (about 1.5x faster);
// pages follow the rowid, the table's own storage order. Requires SQLite >= 3.44 (ordered aggregates).
const SQLITE_PAGE = 50_000;

function sqliteScans(sqlite: Database.Database, page: number): { scan: Scan; cadres: CadreScan } {
  return {
    async scan(table, columns, onRow) {
      const stmt = sqlite
        .prepare(
          `select max(rowid), json_group_array(json_array(${columns.map((c) => `"${c}"`).join(', ')}) order by rowid)
           from (select rowid, * from "${table}" where rowid > ? order by rowid limit ${page})`,
        )
        .raw(true);
      let after = 0;
      for (;;) {
        const [max, json] = stmt.get(after) as [number | null, string];
        if (max === null) return;
        for (const r of JSON.parse(json) as Row[]) onRow(r);
        after = max;
      }
    },
    async cadres(asOf, onRow) {
      // json(in_charge) embeds the list as an array, sparing a JSON.parse per post
      const cols = CADRE_COLUMNS.replace('p.in_charge', 'json(p.in_charge)');
      const stmt = sqlite
        .prepare(
          `select max(c.rowid), json_group_array(json_array(${cols}) order by c.rowid)
           from (select rowid, * from cadres where rowid > ? order by rowid limit ${page}) c
           left join posts p on ${POST_ON_DATE}`,
        )
        .raw(true);
      let after = 0;
      for (;;) {
        const [max, json] = stmt.get(after, asOf, asOf) as [number | null, string];
        if (max === null) return;
        for (const r of JSON.parse(json) as Row[]) onRow(r);
        after = max;
      }
    },
  };
}

function postgresScans(db: AnyDb, page: number, cadrePage: number): { scan: Scan; cadres: CadreScan } {
  return {
    async scan(table, columns, onRow) {
      const cols = columns.map((c) => `"${c}"`).join(', ');
      let after = '';
      for (;;) {
        const { rows } = await db.executeQuery<Record<string, unknown>>(
          CompiledQuery.raw(`select "id", ${cols} from "${table}" where "id" > $1 order by "id" limit ${page}`, [after]),
        );
        for (const r of rows) onRow(columns.map((c) => r[c]));
        if (rows.length < page) return;
        after = rows[rows.length - 1]!.id as string;
      }
    },
    async cadres(asOf, onRow) {
      // Page over cadres (not over joined rows) so one cadre's posts never straddle two pages.
      let after = '';
      const on = POST_ON_DATE.replace('?', '$2').replace('?', '$2');
      for (;;) {
        const { rows } = await db.executeQuery<Record<string, unknown>>(
          CompiledQuery.raw(
            `select ${CADRE_COLUMNS.replace(/(\w)\.(\w+)/g, '$1.$2 as $1_$2')}
             from (select * from cadres where id > $1 order by id limit ${cadrePage}) c
             left join posts p on ${on} order by c.id`,
            [after, asOf],
          ),
        );
        let last: string | undefined;
        for (const r of rows) {
          last = r.c_id as string;
          onRow([
            r.c_id,
            r.c_name,
            r.c_category,
            r.c_managing_unit_id,
            r.p_id,
            r.p_unit_id,
            r.p_role,
            r.p_level,
            r.p_party_secretary,
            r.p_in_charge,
            r.p_start_date,
          ]);
        }
        // a page of cadrePage cadres yields at least that many rows; fewer cadres means the end
        if (last === undefined) return;
        const cadresInPage = new Set(rows.map((r) => r.c_id)).size;
        if (cadresInPage < cadrePage) return;
        after = last;
      }
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
  cadrePage?: number;
}

export async function loadFacts(store: KyselyStore, asOf: string, opts: LoadOptions = {}): Promise<Facts> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`日期格式应为 YYYY-MM-DD (bad date: ${asOf})`);
  const run = async (db: AnyDb): Promise<Facts> => {
    const { scan, cadres } = store.conn.sqlite
      ? sqliteScans(store.conn.sqlite, opts.page ?? SQLITE_PAGE)
      : postgresScans(db, opts.page ?? PAGE, opts.cadrePage ?? CADRE_PAGE);
    return collect(scan, cadres, asOf);
  };
  if (store.depth > 0) return run(store.db);
  // SQLite: a (deferred) transaction holds Kysely's single connection and pins one WAL snapshot for all reads.
  let tx = store.db.transaction();
  if (store.dialect === 'postgres') tx = tx.setIsolationLevel('repeatable read');
  return tx.execute(run);
}

async function collect(scan: Scan, cadres: CadreScan, asOf: string): Promise<Facts> {
  const f = emptyFacts();

  await scan('units', ['id', 'name', 'kind', 'parent_id', 'pack'], (r) => {
    const u: UnitFact = { id: r[0] as string, name: r[1] as string, kind: r[2] as UnitKind };
    if (r[3] !== null) u.parent = r[3] as string;
    if (r[4] !== null) u.pack = r[4] as PackId;
    f.units.push(u);
  });

  // Rows arrive grouped by cadre; keep the leading post of each group.
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

  await scan('unit_assessments', ['unit_id', 'year', 'scheme', 'grade', 'score', 'rank'], (r) => {
    const a: Facts['unitAssessments'][number] = { unit: r[0] as string, year: num(r[1]), scheme: r[2] as AssessmentScheme };
    if (r[3] !== null) a.grade = r[3] as string;
    if (r[4] !== null) a.score = num(r[4]);
    if (r[5] !== null) a.rank = num(r[5]);
    f.unitAssessments.push(a);
  });
  await scan(
    'cadre_assessments',
    ['cadre_id', 'year', 'grade', 'votes_excellent', 'votes_competent', 'votes_basic', 'votes_incompetent'],
    (r) => {
      const a: Facts['cadreAssessments'][number] = { cadre: r[0] as string, year: num(r[1]) };
      if (r[2] !== null) a.grade = r[2] as string;
      // votes only when the whole count is on record: a partial tally would mislead the vote-share rules
      if (r[3] !== null && r[4] !== null && r[5] !== null && r[6] !== null)
        a.votes = { excellent: num(r[3]), competent: num(r[4]), basic: num(r[5]), incompetent: num(r[6]) };
      f.cadreAssessments.push(a);
    },
  );
  await scan('regular_assessments', ['cadre_id', 'period', 'grade'], (r) =>
    f.regularAssessments.push({ cadre: r[0] as string, period: r[1] as string, grade: r[2] as string }),
  );
  await scan('honors', ['subject_id', 'date', 'conferred_by', 'title'], (r) =>
    f.honors.push({ subject: r[0] as string, date: r[1] as string, conferredBy: r[2] as HonorConferrer, title: r[3] as string }),
  );
  await scan('incidents', ['unit_id', 'date', 'category', 'severity'], (r) =>
    f.incidents.push({ unit: r[0] as string, date: r[1] as string, category: r[2] as IncidentCategory, severity: r[3] as Severity }),
  );
  await scan('determinations', ['subject_id', 'date', 'kind', 'clause'], (r) =>
    f.determinations.push({ subject: r[0] as string, date: r[1] as string, kind: r[2] as DeterminationKind, clause: r[3] as string }),
  );
  await scan('sanctions', ['cadre_id', 'date', 'kind'], (r) =>
    f.sanctions.push({ cadre: r[0] as string, date: r[1] as string, kind: r[2] as SanctionKind }),
  );
  await scan('adjustments', ['cadre_id', 'date', 'method'], (r) =>
    f.adjustments.push({ cadre: r[0] as string, date: r[1] as string, method: r[2] as AdjustmentMethod }),
  );
  return f;
}
