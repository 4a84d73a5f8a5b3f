// Migration 0009: how many cadres each unit manages, by category (cadre_counts, derived.ts), so the roster's total
// is a sum over the units in scope instead of a count of every cadre in it. Built here from the record. Frozen once
// released, like every migration.
import type { Kysely, Migration } from 'kysely';
import { rebuildCadreCounts } from './derived.js';
import { refreshStatistics } from './statistics.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const m0009CadreCounts: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('cadre_counts')
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('cadre_counts_pk', ['unit_id', 'category'])
      .execute();
    await rebuildCadreCounts(db);
    await refreshStatistics(db, 'cadre_counts');
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('cadre_counts').execute();
  },
};
