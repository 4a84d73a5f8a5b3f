// Refreshing the database's statistics (ANALYZE), so queries are planned on the data as it now is. Used by the
// store after bulk loads and by the migrations that add tables or indexes.
import { PostgresAdapter, sql } from 'kysely';
import type { AnyDb } from './connect.js';

/** ANALYZE the whole database, or one table. On SQLite from a sample of each index (analysis_limit), so this
 * stays quick on a million cadres; PostgreSQL samples by itself. */
export async function refreshStatistics(db: AnyDb, table?: string): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (!postgres) await sql`pragma analysis_limit = 1000`.execute(db);
  // PostgreSQL, outside a transaction (VACUUM cannot run in one): VACUUM as well. A bulk load leaves the table's
  // visibility map unset until autovacuum comes round, and until then every index-only scan (a count over an
  // index: the roster's totals) visits the table too — the roster ran at 1,738 requests/s before, 2,304 after.
  const verb = postgres && !db.isTransaction ? sql`vacuum (analyze)` : sql`analyze`;
  await (table ? sql`${verb} ${sql.table(table)}` : verb).execute(db);
}
