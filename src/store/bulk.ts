// Bulk insert: multi-row INSERTs in chunks. On SQLite it bypasses Kysely's query building and runs cached
// prepared statements on the very connection Kysely holds (the caller owns the transaction), which is what makes
// a million cadres plus their posts and assessments load in reasonable time.
import type Database from 'better-sqlite3';
import { CompiledQuery } from 'kysely';
import type { NewRecord, RecordKind } from '../domain/entities.js';
import type { AnyDb } from './connect.js';
import { TABLES, toDb, type Dialect, type TableDef } from './schema.js';
import { cachedStatement } from './sqlite-driver.js';

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

const PG_ARRAY_TYPES = {
  text: 'text[]',
  int: 'integer[]',
  real: 'float8[]',
  bool: 'boolean[]',
  json: 'text[]',
  flags: 'text[]',
} as const;
const PG_ROWS_PER_STATEMENT = 5_000;

/**
 * PostgreSQL: `db` is the transaction the caller runs in. One array parameter per column, expanded by unnest:
 * a handful of parameters however many rows, and no per-row placeholders to parse (several times faster than
 * multi-row VALUES).
 */
export async function insertManyPostgres<K extends RecordKind>(
  db: AnyDb,
  kind: K,
  rows: NewRecord<K>[],
): Promise<void> {
  const def = TABLES[kind];
  const cols = def.columns.map((c) => `"${c.column}"`).join(', ');
  const arrays = def.columns.map((c, i) => `$${i + 1}::${PG_ARRAY_TYPES[c.type]}`).join(', ');
  const sql = `insert into "${def.table}" (${cols}) select * from unnest(${arrays})`;
  for (let i = 0; i < rows.length; i += PG_ROWS_PER_STATEMENT) {
    const slice = rows.slice(i, i + PG_ROWS_PER_STATEMENT);
    const params = def.columns.map((c) =>
      slice.map((row) => (c.field === 'version' ? 1 : toDb(c, (row as Record<string, unknown>)[c.field], 'postgres'))),
    );
    await db.executeQuery(CompiledQuery.raw(sql, params));
  }
}
