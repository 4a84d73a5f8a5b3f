// Refreshing the database's statistics (ANALYZE), so queries are planned on the data as it now is. Used by the
// store after bulk loads and by the migrations that add tables or indexes.
import { PostgresAdapter, sql } from 'kysely';
import type { AnyDb } from './connect.js';

/** ANALYZE the whole database, or one table. On SQLite from a sample of each index (analysis_limit), so this
 * stays quick on a million cadres; PostgreSQL samples by itself. */
export async function refreshStatistics(db: AnyDb, table?: string): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) await sql`pragma analysis_limit = 1000`.execute(db);
  await (table ? sql`analyze ${sql.table(table)}` : sql`analyze`).execute(db);
}
