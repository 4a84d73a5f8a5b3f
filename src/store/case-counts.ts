// case_counts (scope_id, pack, procedure, definition_version, state, year, n): how many cases there are in each
// unit's subtree (by handling unit) and in the whole record (scope '*'), by procedure version, state and year. The
// case list shows its total on every page; counting a province's cases one by one cost a read of each of them,
// whereas the sum of the rows of one scope is a read of a few dozen. A case is counted under the whole record and
// under every unit at or above its handling unit (unit_ancestors), so an officer's total is one scope's rows, not a
// sum over every unit of the subtree.
//
// Written by the case repository in the transaction of every case it inserts or moves to another state; re-derived
// for the units above a moved unit when the unit tree changes (afterWrite); built for an existing record by
// migration 0024. Internal to the store like the other derived tables (derived.ts).
import { sql } from 'kysely';
import type { AnyDb } from './connect.js';

/** The scope row of the whole record (a unit id is never empty). */
export const WHOLE_RECORD = '*';

export interface CountedCase {
  pack: string;
  procedure: string;
  definitionVersion: string;
  state: string;
  year: number;
  handlingUnitId: string;
}

/**
 * Adds `n` (+1 / −1) for each case under its every scope. Rows are written in a fixed order so two steps side by
 * side lock the same rows in the same order (PostgreSQL), never in opposite orders.
 */
export async function countCases(db: AnyDb, changes: readonly { c: CountedCase; n: number }[]): Promise<void> {
  if (changes.length === 0) return;
  const units = [...new Set(changes.map((x) => x.c.handlingUnitId))];
  const above = new Map<string, string[]>();
  const rows = await db
    .selectFrom('unit_ancestors')
    .select(['unit_id', 'ancestor_id'])
    .where('unit_id', 'in', units)
    .execute();
  for (const r of rows) {
    const list = above.get(String(r.unit_id)) ?? [];
    list.push(String(r.ancestor_id));
    above.set(String(r.unit_id), list);
  }
  const delta = new Map<string, Record<string, string | number>>();
  for (const { c, n } of changes)
    for (const scope of [WHOLE_RECORD, ...(above.get(c.handlingUnitId) ?? [c.handlingUnitId])]) {
      const key = [scope, c.pack, c.procedure, c.definitionVersion, c.state, c.year].join('\u0000');
      const d = delta.get(key) ?? {
        scope_id: scope,
        pack: c.pack,
        procedure: c.procedure,
        definition_version: c.definitionVersion,
        state: c.state,
        year: c.year,
        n: 0,
      };
      d.n = Number(d.n) + n;
      delta.set(key, d);
    }
  const sorted = [...delta.entries()]
    .filter(([, d]) => d.n !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => d);
  for (let i = 0; i < sorted.length; i += 500)
    await db
      .insertInto('case_counts')
      .values(sorted.slice(i, i + 500))
      .onConflict((oc) =>
        oc
          .columns(['scope_id', 'pack', 'procedure', 'definition_version', 'state', 'year'])
          .doUpdateSet({ n: sql`case_counts.n + excluded.n` }),
      )
      .execute();
}

/** Counts every case of these scopes anew (all of them when none are given: migration 0024). */
export async function rebuildCaseCounts(db: AnyDb, scopes?: readonly string[]): Promise<void> {
  const cols = sql`pack, procedure, definition_version, state, year`;
  if (!scopes) {
    await db.deleteFrom('case_counts').execute();
    await sql`insert into case_counts (scope_id, ${cols}, n)
      select ${WHOLE_RECORD}, ${cols}, count(*) from cases group by ${cols}`.execute(db);
    await sql`insert into case_counts (scope_id, ${cols}, n)
      select a.ancestor_id, c.pack, c.procedure, c.definition_version, c.state, c.year, count(*)
      from cases c join unit_ancestors a on a.unit_id = c.handling_unit_id
      group by a.ancestor_id, c.pack, c.procedure, c.definition_version, c.state, c.year`.execute(db);
    return;
  }
  for (let i = 0; i < scopes.length; i += 500) {
    const part = scopes.slice(i, i + 500);
    await db.deleteFrom('case_counts').where('scope_id', 'in', part).execute();
    await sql`insert into case_counts (scope_id, ${cols}, n)
      select a.ancestor_id, c.pack, c.procedure, c.definition_version, c.state, c.year, count(*)
      from unit_ancestors a join cases c on c.handling_unit_id = a.unit_id
      where a.ancestor_id in (${sql.join(part)})
      group by a.ancestor_id, c.pack, c.procedure, c.definition_version, c.state, c.year`.execute(db);
  }
}

/**
 * The units at or above these units now: when they move, the subtrees that lose their cases are those above them
 * before the closure is re-derived, the subtrees that gain them those above them after.
 */
export async function unitsAbove(db: AnyDb, unitIds: readonly string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const out = new Set<string>();
  for (let i = 0; i < unitIds.length; i += 500) {
    const part = unitIds.slice(i, i + 500);
    const rows = await db.selectFrom('unit_ancestors').select('ancestor_id').where('unit_id', 'in', part).execute();
    for (const r of rows) out.add(String(r.ancestor_id));
  }
  return [...out];
}

/** Whether any case is handled in the subtree of these units (a move of units holding no case changes no count). */
export async function casesBelow(db: AnyDb, unitIds: readonly string[]): Promise<boolean> {
  for (let i = 0; i < unitIds.length; i += 500) {
    const r = await sql<{
      one: number;
    }>`select 1 as one from unit_ancestors a join cases c on c.handling_unit_id = a.unit_id
      where a.ancestor_id in (${sql.join(unitIds.slice(i, i + 500))}) limit 1`.execute(db);
    if (r.rows.length) return true;
  }
  return false;
}
