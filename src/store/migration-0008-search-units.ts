// Migration 0008: the roster search index (cadre_search, derived.ts) holds each cadre's managing unit beside every
// term, so a search within a data scope is answered from the index alone — the matches in the user's units,
// counted and paged without looking up every matching cadre (a surname matches one cadre in fifteen). The index is
// rebuilt here from the record. Frozen once released, like every migration.
import { SqliteAdapter, sql, type Kysely, type Migration } from 'kysely';
import { rebuildCadreSearch } from './derived.js';
import { refreshStatistics } from './statistics.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const m0008SearchUnits: Migration = {
  async up(db: AnyDb) {
    await db.schema.dropTable('cadre_search').execute();
    const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
    await db.schema
      .createTable('cadre_search')
      .addColumn('term', 'text', (c) => c.notNull())
      .addColumn('cadre_id', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('cadre_search_pk', ['term', 'cadre_id'])
      // SQLite: the rows kept in the primary key's own tree, not in a table of their own beside it (a million
      // cadres have twelve million terms: a copy less of them on disk and on every write)
      .$call((t) => (sqlite ? t.modifyEnd(sql`without rowid`) : t))
      .execute();
    await db.schema.createIndex('cadre_search_cadre').on('cadre_search').column('cadre_id').execute();
    // a term's matches in given units, with their ids: read from this index alone
    await db.schema
      .createIndex('cadre_search_term_unit')
      .on('cadre_search')
      .columns(['term', 'unit_id', 'cadre_id'])
      .execute();
    await (db.isTransaction ? rebuildCadreSearch(db) : db.transaction().execute(rebuildCadreSearch));
    await refreshStatistics(db, 'cadre_search');
  },
  async down(db: AnyDb) {
    await db.schema.dropIndex('cadre_search_term_unit').execute();
    await db.schema.alterTable('cadre_search').dropColumn('unit_id').execute();
  },
};
