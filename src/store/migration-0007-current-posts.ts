// Migration 0007: each cadre's current post as a table derived from the record (derived.ts), so the roster joins a
// page's cadres to their posts by key instead of working out the current post for every row of every request.
// Built here from the record already stored. Frozen once released, like every migration.
import type { Kysely, Migration } from 'kysely';
import { rebuildCurrentPosts } from './derived.js';
import { refreshStatistics } from './statistics.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const m0007CurrentPosts: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('cadre_current_posts')
      .addColumn('cadre_id', 'text', (c) => c.primaryKey())
      .addColumn('post_id', 'text', (c) => c.notNull())
      .execute();
    await rebuildCurrentPosts(db);
    await refreshStatistics(db, 'cadre_current_posts');
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('cadre_current_posts').execute();
  },
};
