// The unit tree stays a tree: no unit under itself or under one of its own descendants, whichever path writes the
// units (the API, the import, the CLI), checked by the store inside the write's transaction on both engines.
import { sql } from 'kysely';
import type { AnyDb } from './connect.js';
import { UnitCycleError } from './types.js';

/**
 * PostgreSQL runs writes side by side: two moves that are each fine alone (A under B, B under A) would each check the
 * tree as the other had not yet changed it and together make a loop. Every write of units takes this one lock first
 * (held to the end of its transaction), so unit writes take turns and each checks the tree the one before left; units
 * change seldom, so nothing waits in practice. SQLite has one writer at a time already.
 */
export async function lockUnitTree(db: AnyDb, dialect: 'sqlite' | 'postgres'): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${UNIT_TREE_LOCK})`.execute(db);
}

/** An arbitrary constant naming the lock (no other advisory lock of the project uses it). */
const UNIT_TREE_LOCK = 0x53585554; // 'SXUT'

/**
 * Throws UnitCycleError when one of `unitIds` is its own ancestor: its parent lies in its subtree. Call after the
 * closure (unit_ancestors) of these units and their subtrees is re-derived, in the same transaction; the closure is
 * built with UNION, so it holds a loop's rows without running forever.
 */
export async function assertNoCycle(db: AnyDb, unitIds: readonly string[]): Promise<void> {
  const ids = [...new Set(unitIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const { rows } = await sql<{ id: string }>`select u.id from units u
      join unit_ancestors a on a.ancestor_id = u.id and a.unit_id = u.parent_id
      where u.id in (${sql.join(ids.slice(i, i + 500))}) limit 1`.execute(db);
    if (rows[0]) throw new UnitCycleError(String(rows[0].id));
  }
}
