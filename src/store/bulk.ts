// Bulk insert: multi-row INSERTs in chunks. On SQLite it bypasses Kysely's query building and runs cached
// prepared statements on the very connection Kysely holds (the caller owns the transaction), which is what makes
// a million cadres plus their posts and assessments load in reasonable time.
import type Database from 'better-sqlite3';
import { CompiledQuery } from 'kysely';
import type { NewRecord, RecordKind } from '../domain/entities.js';
import type { AnyDb } from './connect.js';
import { TABLES, toDb, type Dialect, type TableDef } from './schema.js';

// SQLite's default limit on bound parameters is 32766; PostgreSQL's protocol allows 65535.
const MAX_PARAMS: Record<Dialect, number> = { sqlite: 32766, postgres: 65535 };
const MAX_ROWS_PER_STATEMENT = 500;

function rowsPerStatement(def: TableDef, dialect: Dialect): number {
  return Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMS[dialect] / def.columns.length)));
}

function insertSql(def: TableDef, rows: number, dialect: Dialect): string {
  const n = def.columns.length;
  const cols = def.columns.map((c) => `"${c.column}"`).join(', ');
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    const ps: string[] = [];
    for (let i = 0; i < n; i++) ps.push(dialect === 'sqlite' ? '?' : `$${r * n + i + 1}`);
    tuples.push(`(${ps.join(', ')})`);
  }
  return `insert into "${def.table}" (${cols}) values ${tuples.join(', ')}`;
}

/** Appends one row's values (version 1) to `out`. */
function pushValues(def: TableDef, row: Record<string, unknown>, dialect: Dialect, out: unknown[]): void {
  for (const c of def.columns) out.push(c.field === 'version' ? 1 : toDb(c, row[c.field], dialect));
}

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function cachedStatement(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = statementCache.get(sqlite);
  if (!cache) statementCache.set(sqlite, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = sqlite.prepare(sql)));
  return stmt;
}

/** SQLite: must run while the caller holds Kysely's connection (inside a transaction). */
export function insertManySqlite<K extends RecordKind>(sqlite: Database.Database, kind: K, rows: NewRecord<K>[]): void {
  const def = TABLES[kind];
  const per = rowsPerStatement(def, 'sqlite');
  const full = cachedStatement(sqlite, insertSql(def, per, 'sqlite'));
  const values: unknown[] = [];
  let i = 0;
  for (; i + per <= rows.length; i += per) {
    values.length = 0;
    for (let r = i; r < i + per; r++) pushValues(def, rows[r] as Record<string, unknown>, 'sqlite', values);
    full.run(values);
  }
  if (i < rows.length) {
    const rest = rows.length - i;
    const stmt = cachedStatement(sqlite, insertSql(def, rest, 'sqlite'));
    values.length = 0;
    for (let r = i; r < rows.length; r++) pushValues(def, rows[r] as Record<string, unknown>, 'sqlite', values);
    stmt.run(values);
  }
}

/** PostgreSQL: `db` is the transaction the caller runs in. */
export async function insertManyPostgres<K extends RecordKind>(db: AnyDb, kind: K, rows: NewRecord<K>[]): Promise<void> {
  const def = TABLES[kind];
  const per = rowsPerStatement(def, 'postgres');
  const sqlFull = insertSql(def, per, 'postgres');
  for (let i = 0; i < rows.length; i += per) {
    const slice = rows.slice(i, i + per);
    const values: unknown[] = [];
    for (const row of slice) pushValues(def, row as Record<string, unknown>, 'postgres', values);
    const sql = slice.length === per ? sqlFull : insertSql(def, slice.length, 'postgres');
    await db.executeQuery(CompiledQuery.raw(sql, values));
  }
}
