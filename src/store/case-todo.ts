// case_todo (scope_id, role, case_id, opened_on, handling_unit_id, pack, procedure, definition_version, state, year):
// who has a step open on a case now, by role and by every scope that reaches them, kept in the 待办 list's order.
//
// case_open_actors says where a role must stand to act on a case now; for most steps that is "within the subtree of
// unit X" (the handling unit, or the unit above it). A person bound to unit V stands there when V is X or above it,
// so the case is in V's 待办 for that role. Read from case_open_actors, 待办 had to walk the whole list of cases in
// order and ask, case by case, whether a row of theirs reached the person: at 100,000 cases that was tens of
// milliseconds a page and more for its count. Here each such case is written once under every unit at or above X
// (and under the whole record, '*'), so a person's 待办 is one range of the index, already in the list's order, and
// its count up to the cap reads at most that many index entries. A case standing open to a role at two units of one
// chain (the handling unit and the one above) is one row per scope: the primary key is (scope, role, case).
//
// Only the subtree rows are kept here; the rows for a unit itself (a unit's liaison) and for a cadre (the subject)
// are few and are read from case_open_actors directly. The filter columns are copies of the case's own: the rows are
// rewritten in the transaction of every step (with case_open_actors), and for the cases concerned when a unit moves
// (the closure changes). Built for an existing record by migration 0031. Internal to the store like case_counts.
import { PostgresAdapter, sql, type RawBuilder } from 'kysely';
import type { AnyDb } from './connect.js';
import { WHOLE_RECORD } from './case-counts.js';

const CHUNK = 500;

/** `closed` is a boolean on PostgreSQL and 0/1 on SQLite. */
const closedFalse = (db: AnyDb): unknown => (db.getExecutor().adapter instanceof PostgresAdapter ? false : 0);

/** The rows of these cases, written anew from their open-actor rows, the unit closure and the cases themselves. */
export async function writeCaseTodo(db: AnyDb, caseIds: readonly string[]): Promise<void> {
  for (let i = 0; i < caseIds.length; i += CHUNK) {
    const part = caseIds.slice(i, i + CHUNK);
    await db.deleteFrom('case_todo').where('case_id', 'in', part).execute();
    await insertTodo(db, sql`o.case_id in (${sql.join(part)})`);
  }
}

const COLUMNS = sql`scope_id, role, case_id, opened_on, handling_unit_id, pack, procedure, definition_version, state, year`;
const CASE_COLUMNS = sql`c.id, c.opened_on, c.handling_unit_id, c.pack, c.procedure, c.definition_version, c.state, c.year`;

async function insertTodo(db: AnyDb, which: RawBuilder<unknown>): Promise<void> {
  // distinct: a case open to a role at two units of one chain is reached twice from the units above both
  await sql`insert into case_todo (${COLUMNS})
    select distinct a.ancestor_id, o.role, ${CASE_COLUMNS}
    from case_open_actors o
    join cases c on c.id = o.case_id
    join unit_ancestors a on a.unit_id = o.unit_id
    where ${which} and o.reach = 'subtree' and c.closed = ${closedFalse(db)}`.execute(db);
  await sql`insert into case_todo (${COLUMNS})
    select distinct ${WHOLE_RECORD}, o.role, ${CASE_COLUMNS}
    from case_open_actors o
    join cases c on c.id = o.case_id
    where ${which} and o.reach = 'subtree' and c.closed = ${closedFalse(db)}`.execute(db);
}

/** Every row anew (migration 0031, a bulk load that wrote case_open_actors around the store). */
export async function rebuildCaseTodo(db: AnyDb): Promise<void> {
  await db.deleteFrom('case_todo').execute();
  await insertTodo(db, sql`1 = 1`);
}

/**
 * After units moved (the closure re-derived): the rows of the cases open to someone within the moved subtrees,
 * whose scopes above have changed.
 */
export async function rewriteCaseTodoBelow(db: AnyDb, movedUnitIds: readonly string[]): Promise<void> {
  const ids = new Set<string>();
  for (let i = 0; i < movedUnitIds.length; i += CHUNK) {
    const r = await sql<{ case_id: string }>`select distinct o.case_id from case_open_actors o
      join unit_ancestors a on a.unit_id = o.unit_id
      where a.ancestor_id in (${sql.join(movedUnitIds.slice(i, i + CHUNK))}) and o.reach = 'subtree'`.execute(db);
    for (const x of r.rows) ids.add(x.case_id);
  }
  await writeCaseTodo(db, [...ids].sort());
}
