// Migration 0010: each cadre's roster line as a table derived from the record (roster_rows, derived.ts), so a
// roster page reads one row per cadre instead of joining five tables for each. Built here from the record. Frozen
// once released, like every migration.
import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';
import { rebuildRosterRows } from './derived.js';
import { refreshStatistics } from './statistics.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const UNIT_JOIN_COLUMNS = [
  ['unit_ancestors', 'unit_id'],
  ['roster_rows', 'managing_unit_id'],
  ['cadre_counts', 'unit_id'],
  ['cadre_search', 'unit_id'],
  ['cadres', 'managing_unit_id'],
] as const;

export const m0010RosterRows: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('roster_rows')
      .addColumn('id', 'text', (c) => c.primaryKey()) // the cadre's
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('gender', 'text')
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('managing_unit_id', 'text', (c) => c.notNull())
      .addColumn('unit_name', 'text', (c) => c.notNull())
      .addColumn('post_id', 'text')
      .addColumn('post_title', 'text')
      .addColumn('post_role', 'text')
      .addColumn('post_level', 'text')
      .addColumn('post_unit_id', 'text')
      .addColumn('post_unit_name', 'text')
      .execute();
    // a unit renamed finds the lines naming it
    await db.schema.createIndex('roster_rows_unit').on('roster_rows').column('managing_unit_id').execute();
    await db.schema.createIndex('roster_rows_post_unit').on('roster_rows').column('post_unit_id').execute();
    // the roster's filters on the current post: counted from the index and paged in its id order (at a million
    // cadres the level filter read every line to count 2,449 of them: 72 ms a page)
    await db.schema.createIndex('roster_rows_role').on('roster_rows').columns(['post_role', 'id']).execute();
    await db.schema.createIndex('roster_rows_level').on('roster_rows').columns(['post_level', 'id']).execute();
    await rebuildRosterRows(db);
    // PostgreSQL plans a roster page for each request (see roster.ts), and estimating a join on a unit column
    // compares the most common values of both sides pairwise: 100 × 100 by default, 0.3 ms of the 0.55 a page
    // cost the database. The unit columns that scope conditions join on are spread evenly over the units (tens of
    // cadres each), so their ten most common values estimate as well as a hundred.
    if (db.getExecutor().adapter instanceof PostgresAdapter)
      for (const [table, column] of UNIT_JOIN_COLUMNS)
        await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} set statistics 10`.execute(db);
    await refreshStatistics(db);
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('roster_rows').execute();
  },
};
