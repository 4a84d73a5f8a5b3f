// Migration 0024: what the case list needs at 100,000 cases and more.
//
// - case_counts (case-counts.ts): how many cases each unit's subtree and the whole record hold, by procedure version,
//   state and year, built here from the record; the list's total is then a sum over one scope's rows.
// - cases_unit_list (handling_unit_id, opened_on desc, id, and the columns the list filters on): a city officer's
//   page is read from the ranges of the handling units of the city's subtree, each in the list's order, and the
//   filters (state, year, pack, procedure version, open or closed) are decided from the index without reading the
//   cases; it replaces cases_unit_opened, which held the order but not the filters.
// - cases_state_opened, cases_year_opened: a province-wide page filtered by state or year reads that state's or
//   year's cases in the list's order instead of every case until the page is full.
// Frozen once released, like every migration.
import type { Kysely, Migration } from 'kysely';
import { rebuildCaseCounts } from './case-counts.js';
import { refreshStatistics } from './statistics.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const m0024CaseCounts: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('case_counts')
      .addColumn('scope_id', 'text', (c) => c.notNull())
      .addColumn('pack', 'text', (c) => c.notNull())
      .addColumn('procedure', 'text', (c) => c.notNull())
      .addColumn('definition_version', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_counts_pk', [
        'scope_id',
        'pack',
        'procedure',
        'definition_version',
        'state',
        'year',
      ])
      .execute();
    await rebuildCaseCounts(db);
    await db.schema
      .createIndex('cases_unit_list')
      .on('cases')
      .columns([
        'handling_unit_id',
        'opened_on desc',
        'id',
        'state',
        'year',
        'pack',
        'procedure',
        'definition_version',
        'closed',
      ])
      .execute();
    await db.schema.dropIndex('cases_unit_opened').execute();
    await db.schema.createIndex('cases_state_opened').on('cases').columns(['state', 'opened_on desc', 'id']).execute();
    await db.schema.createIndex('cases_year_opened').on('cases').columns(['year', 'opened_on desc', 'id']).execute();
    await refreshStatistics(db, 'case_counts');
    await refreshStatistics(db, 'cases');
  },
  async down(db: AnyDb) {
    for (const i of ['cases_year_opened', 'cases_state_opened', 'cases_unit_list'])
      await db.schema.dropIndex(i).execute();
    await db.schema
      .createIndex('cases_unit_opened')
      .on('cases')
      .columns(['handling_unit_id', 'opened_on desc', 'id'])
      .execute();
    await db.schema.dropTable('case_counts').execute();
  },
};
