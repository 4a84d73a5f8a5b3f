// Migration 0006: the two indexes derived from the record (derived.ts): the unit tree's closure for data-scope
// checks, built here from the record already stored, and the one-/two-character search terms of cadres' names and
// current post titles for the roster search (filled by migration 0008); and an index for the roster's category
// filter. Frozen once released, like every migration (the one change since: the search index is built by 0008).
import type { Kysely, Migration } from 'kysely';
import { rebuildUnitAncestors } from './derived.js';
import { refreshStatistics } from './statistics.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const m0006DerivedIndexes: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('unit_ancestors')
      .addColumn('ancestor_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('unit_ancestors_pk', ['ancestor_id', 'unit_id'])
      .execute();
    // re-deriving a unit's rows (a unit moved or deleted) finds them by unit
    await db.schema.createIndex('unit_ancestors_unit').on('unit_ancestors').column('unit_id').execute();
    await db.schema
      .createTable('cadre_search')
      .addColumn('term', 'text', (c) => c.notNull())
      .addColumn('cadre_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('cadre_search_pk', ['term', 'cadre_id'])
      .execute();
    await db.schema.createIndex('cadre_search_cadre').on('cadre_search').column('cadre_id').execute();
    // the roster's category filter: count and page in id order from the index alone
    await db.schema.createIndex('cadres_category').on('cadres').columns(['category', 'id']).execute();
    // one transaction (on SQLite the migrator runs statements one by one, each its own commit). The search index
    // is filled by migration 0008, which gives it a column: the builder in derived.ts writes that shape.
    await (db.isTransaction ? rebuildUnitAncestors(db) : db.transaction().execute(rebuildUnitAncestors));
    // statistics for the new tables and index, or SQLite may start a city's category filter from the category
    // index and read most of the province (a sample per index keeps this quick on a large record)
    await refreshStatistics(db);
  },
  async down(db: AnyDb) {
    await db.schema.dropIndex('cadres_category').execute();
    await db.schema.dropTable('cadre_search').execute();
    await db.schema.dropTable('unit_ancestors').execute();
  },
};
