// Migration 0030: the roster sorted over the whole filtered list, not a page at a time. Each roster line gets its
// sort keys (roster-sort.ts) and the sorts the 数据管理 page offers get an index each, so a sorted page of a
// province's roster is read in index order and stops after the page. Frozen once released, like every migration.
import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';
import { rebuildRosterSortKeys } from './roster-sort.js';
import { refreshStatistics } from './statistics.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Index name → its columns; every sort ends in the id, so pages are stable when keys tie. */
export const ROSTER_SORT_INDEXES: Record<string, readonly string[]> = {
  // 按职务次序 (the default): leaders first, higher levels first
  roster_rows_by_position: ['role_rank', 'level_rank', 'id'],
  roster_rows_by_name: ['name_key', 'id'],
  roster_rows_by_level: ['level_rank', 'role_rank', 'id'],
  roster_rows_by_category: ['category_rank', 'role_rank', 'level_rank', 'id'],
  roster_rows_by_unit: ['unit_key', 'managing_unit_id', 'role_rank', 'level_rank', 'id'],
};

export const m0030RosterSort: Migration = {
  async up(db: AnyDb) {
    const pg = db.getExecutor().adapter instanceof PostgresAdapter;
    // byte order on PostgreSQL too: the keys are built to sort by code point (a locale's collation would reorder them)
    const keyType = pg ? sql`text collate "C"` : sql`text`;
    await sql`alter table roster_rows add column name_key ${keyType}`.execute(db);
    await sql`alter table roster_rows add column unit_key ${keyType}`.execute(db);
    for (const c of ['role_rank', 'level_rank', 'category_rank'])
      await sql`alter table roster_rows add column ${sql.ref(c)} integer`.execute(db);
    await rebuildRosterSortKeys(db);
    for (const [name, columns] of Object.entries(ROSTER_SORT_INDEXES))
      await db.schema
        .createIndex(name)
        .on('roster_rows')
        .columns([...columns])
        .execute();
    await refreshStatistics(db);
  },
  async down(db: AnyDb) {
    for (const name of Object.keys(ROSTER_SORT_INDEXES)) await db.schema.dropIndex(name).execute();
    for (const c of ['name_key', 'unit_key', 'role_rank', 'level_rank', 'category_rank'])
      await db.schema.alterTable('roster_rows').dropColumn(c).execute();
  },
};
