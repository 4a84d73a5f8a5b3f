// Migration 0007: each cadre's current post as a table derived from the record (derived.ts), so the roster joins a
// page's cadres to their posts by key instead of working out the current post for every row of every request.
// Built here from the record already stored. Frozen once released, like every migration.
import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';
import { rebuildCurrentPosts } from './derived.js';

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
    if (!(db.getExecutor().adapter instanceof PostgresAdapter)) await sql`pragma analysis_limit = 1000`.execute(db);
    await sql`analyze cadre_current_posts`.execute(db);
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('cadre_current_posts').execute();
  },
};
