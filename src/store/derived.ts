// Five tables derived from the record, kept by the store in the same transaction as every write that changes
// what they are derived from, so they are never stale:
//
// - unit_ancestors (ancestor_id, unit_id): the closure of the unit tree, every unit paired with itself and with
//   each unit above it. Data scope (干部管理权限) asks "is this unit in U's subtree?" on every query of the record;
//   with the closure that is an index lookup instead of a recursive walk down the tree, and the database can
//   estimate how many units it will get (PostgreSQL cannot for a recursive query, and then scans every cadre).
// - cadre_search (term, cadre_id, unit_id): every one- and two-character piece of a cadre's name and current post
//   title, with the cadre's managing unit. People search the roster for any part of a name ("王", "小明") or title
//   ("书记"); LIKE '%…%' can use no index and reads every cadre and every post, whereas a piece of one or two
//   characters is found by a lookup (and, with the unit, the matches within a data scope from the index alone),
//   and a longer one narrows to the cadres holding all its two-character pieces before the exact LIKE check.
// - cadre_current_posts (cadre_id, post_id): each cadre's current post (open, the latest started; ties by id), which
//   the roster shows and filters on for every row of every page; derived per cadre instead of per row and request.
// - cadre_counts (unit_id, category, n): how many cadres each unit manages, by category. The roster shows the total
//   of every list; counting a province's cadres one by one on every page costs a read of each of them (a million),
//   adding up the counts of the units in scope costs a read per unit.
// - roster_rows (id, name, gender, category, managing_unit_id, unit_name, post_id, post_title, post_role,
//   post_level, post_unit_id, post_unit_name): each cadre's line of the roster as the page shows it. A page's rows
//   come from this one table, filtered, ordered and cut here, instead of from a join of five (the cadre, the
//   managing unit's name, the current post, the post and its unit's name) for each row. On PostgreSQL that also
//   made the page quick to plan: it plans the page for each request (a prepared statement's generic plan cannot
//   know the page size), and planning the five-table join had cost more than running it. `id` is the cadre's id
//   and `managing_unit_id` its unit, so the data-scope condition on cadres applies to these rows as it is.
//
// All five are internal to the store: they are not record kinds, never exported or imported, and rebuilt from the
// record by migrations 0006–0010 for databases that existed before them.
import type Database from 'better-sqlite3';
import { sql, type RawBuilder } from 'kysely';
import type { AnyDb } from './connect.js';
import { casesBelow, rebuildCaseCounts, unitsAbove } from './case-counts.js';
import { rewriteCaseTodoBelow } from './case-todo.js';
import { assertNoCycle } from './unit-tree.js';
import { refreshRosterSortKeys, refreshUnitSortKeys } from './roster-sort.js';

/** The tables holding them (a test that empties the record empties these too). */
export const DERIVED_TABLES = [
  'unit_ancestors',
  'cadre_search',
  'cadre_current_posts',
  'cadre_counts',
  'roster_rows',
  'case_counts',
  'case_todo',
] as const;

/** Rows per IN list / multi-row insert: well inside both engines' limits on bound parameters. */
const CHUNK = 500;

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

// The unit closure ---------------------------------------------------------------------------------------------

/** The ids of every unit in the subtree of `root` (itself included), as a subquery. */
export function subtreeUnits(root: string): RawBuilder<unknown> {
  return sql`(select unit_id from unit_ancestors where ancestor_id = ${root})`;
}

/**
 * Re-derives the closure rows of `unitIds` and of every unit below them (a unit moved under a new parent takes
 * its whole subtree along). Call after inserting, updating or deleting units, in the same transaction.
 */
export async function refreshUnitAncestors(db: AnyDb, unitIds: readonly string[]): Promise<void> {
  for (const part of chunks([...new Set(unitIds)])) {
    const below = await db.selectFrom('unit_ancestors').select('unit_id').where('ancestor_id', 'in', part).execute();
    const affected = [...new Set([...part, ...below.map((r) => String(r.unit_id))])];
    for (const ids of chunks(affected)) {
      await db.deleteFrom('unit_ancestors').where('unit_id', 'in', ids).execute();
      await insertAncestorsOf(db, ids);
    }
  }
}

/** Inserts the closure rows of the given units by walking up from each (UNION, so a cycle cannot loop forever). */
async function insertAncestorsOf(db: AnyDb, ids: readonly string[]): Promise<void> {
  const list = sql.join(ids);
  await sql`insert into unit_ancestors (ancestor_id, unit_id)
    with recursive up(unit_id, ancestor_id) as (
      select id, id from units where id in (${list})
      union
      select up.unit_id, u.parent_id from up join units u on u.id = up.ancestor_id where u.parent_id is not null
    )
    select ancestor_id, unit_id from up`.execute(db);
}

/** Builds the whole closure (migration 0006). */
export async function rebuildUnitAncestors(db: AnyDb): Promise<void> {
  await db.deleteFrom('unit_ancestors').execute();
  const ids = (await db.selectFrom('units').select('id').execute()).map((r) => String(r.id));
  for (const part of chunks(ids)) await insertAncestorsOf(db, part);
}

// The roster search index --------------------------------------------------------------------------------------

/** The pieces of text indexed: lower-cased, every character and every pair of adjacent characters. */
export function searchTerms(...texts: (string | null | undefined)[]): Set<string> {
  const terms = new Set<string>();
  for (const t of texts) {
    if (!t) continue;
    const chars = Array.from(t.toLowerCase());
    for (let i = 0; i < chars.length; i++) {
      if (/\s/u.test(chars[i]!)) continue;
      terms.add(chars[i]!);
      if (i + 1 < chars.length && !/\s/u.test(chars[i + 1]!)) terms.add(chars[i]! + chars[i + 1]!);
    }
  }
  return terms;
}

/** Post `p` is its cadre's current post: open, and no other open post of theirs started later (ties by id). */
const IS_CURRENT_POST = sql<boolean>`p.end_date is null and not exists (select 1 from posts p2 where p2.cadre_id = p.cadre_id and p2.end_date is null and (p2.start_date > p.start_date or (p2.start_date = p.start_date and p2.id < p.id)))`;

/**
 * Re-derives the search terms of these cadres from their name and current post. Call after any write to cadres
 * or posts (after refreshCurrentPosts), in the same transaction, with every cadre whose name or posts it touched (for a post moved from one
 * cadre to another: both). `sqlite` is the raw handle of the connection `db` runs on, for fast bulk inserts.
 */
export async function refreshCadreSearch(
  db: AnyDb,
  cadreIds: readonly string[],
  sqlite?: Database.Database,
): Promise<void> {
  for (const ids of chunks([...new Set(cadreIds)])) {
    await db.deleteFrom('cadre_search').where('cadre_id', 'in', ids).execute();
    // the current post as cadre_current_posts has it: refreshed before this (afterWrite), built before this
    // table is (migration 0007 comes before 0008, which builds the index)
    const rows = (await db
      .selectFrom('cadres as c')
      .leftJoin('cadre_current_posts as cp', 'cp.cadre_id', 'c.id')
      .leftJoin('posts as p', 'p.id', 'cp.post_id')
      .select(['c.id as id', 'c.name as name', 'c.managing_unit_id as unit', 'p.title as title'])
      .where('c.id', 'in', ids)
      .execute()) as { id: string; name: string; unit: string; title: string | null }[];
    const terms: Term[] = [];
    for (const r of rows) for (const term of searchTerms(r.name, r.title)) terms.push([term, r.id, r.unit]);
    await insertTerms(db, terms, sqlite);
  }
}

/** Re-derives the current post of these cadres (see above); after any write to cadres or posts, like the terms. */
export async function refreshCurrentPosts(db: AnyDb, cadreIds: readonly string[]): Promise<void> {
  for (const ids of chunks([...new Set(cadreIds)])) {
    await db.deleteFrom('cadre_current_posts').where('cadre_id', 'in', ids).execute();
    const list = sql.join(ids);
    await sql`insert into cadre_current_posts (cadre_id, post_id)
      select p.cadre_id, p.id from posts p where p.cadre_id in (${list}) and ${IS_CURRENT_POST}`.execute(db);
  }
}

/** Builds the whole current-post table (migration 0007). */
export async function rebuildCurrentPosts(db: AnyDb): Promise<void> {
  await db.deleteFrom('cadre_current_posts').execute();
  await sql`insert into cadre_current_posts (cadre_id, post_id) select p.cadre_id, p.id from posts p where ${IS_CURRENT_POST}`.execute(
    db,
  );
}

/** A row of the search index: the term, the cadre, the cadre's managing unit. */
type Term = [string, string, string];

async function insertTerms(db: AnyDb, terms: readonly Term[], sqlite?: Database.Database): Promise<void> {
  if (terms.length === 0) return;
  if (sqlite) {
    // the same connection Kysely's transaction holds: these rows are part of it
    const st = sqlite.prepare('insert or ignore into cadre_search (term, cadre_id, unit_id) values (?, ?, ?)');
    for (const t of terms) st.run(t);
    return;
  }
  for (const part of chunks(terms))
    await db
      .insertInto('cadre_search')
      .values(part.map(([term, cadre_id, unit_id]) => ({ term, cadre_id, unit_id })))
      .onConflict((oc) => oc.doNothing())
      .execute();
}

/** Builds the whole search index (migration 0008). */
export async function rebuildCadreSearch(db: AnyDb): Promise<void> {
  await db.deleteFrom('cadre_search').execute();
  let after = '';
  for (;;) {
    const ids = (
      await db.selectFrom('cadres').select('id').where('id', '>', after).orderBy('id').limit(CHUNK).execute()
    ).map((r) => String(r.id));
    if (ids.length === 0) return;
    await refreshCadreSearch(db, ids);
    after = ids[ids.length - 1]!;
  }
}

const LIKE_ESCAPE = /[\\%_]/g;

const blank = (ch: string) => /\s/u.test(ch);

/**
 * A search of one or two characters without blanks is one term of the index (or an id): the one search whose
 * query has the same shape whatever the text, `term` (the text in lower case) and `text` being its only values.
 */
export function shortSearch(text: string): { term: string; text: string } | undefined {
  const lower = text.toLowerCase();
  const chars = Array.from(lower);
  return chars.length <= 2 && !chars.some(blank) ? { term: lower, text } : undefined;
}

/** `cadreMatches` for a short search (`shortSearch`); the values may be query-template slots. */
export function shortSearchCond(term: string, text: string): RawBuilder<boolean> {
  // one IN list holding the id too (not "c.id = … or …"): the list comes sorted, so a page in id order stops early
  return sql<boolean>`c.id in (select cadre_id from cadre_search where term = ${term} union all select cast(${text} as text))`;
}

/**
 * The condition that cadre `c` matches a roster search: the text is part of their name or of their current
 * post's title (letters compared without case), or it is their id.
 */
export function cadreMatches(text: string): RawBuilder<boolean> {
  const short = shortSearch(text);
  if (short) return shortSearchCond(short.term, short.text);
  const lower = text.toLowerCase();
  const chars = Array.from(lower);
  const byTerm = (term: string) => sql`c.id in (select cadre_id from cadre_search where term = ${term})`;
  // every indexed piece must be there (a superset of the matches), then the exact check on those few cadres:
  // adjacent pairs without blanks, or the single characters when the text has no such pair ("a b")
  let pieces = [...new Set(chars.slice(1).map((ch, i) => chars[i]! + ch))].filter((p) => !Array.from(p).some(blank));
  if (pieces.length === 0) pieces = [...new Set(chars.filter((ch) => !blank(ch)))];
  const pattern = `%${lower.replace(LIKE_ESCAPE, (ch) => '\\' + ch)}%`;
  const exact = sql<boolean>`(lower(c.name) like ${pattern} escape '\\' or exists (select 1 from cadre_current_posts cp join posts p on p.id = cp.post_id where cp.cadre_id = c.id and lower(p.title) like ${pattern} escape '\\'))`;
  if (pieces.length === 0) return sql<boolean>`(c.id = ${text} or ${exact})`;
  return sql<boolean>`(c.id = ${text} or (${sql.join(pieces.map(byTerm), sql` and `)} and ${exact}))`;
}

/** Kinds the derived indexes are derived from. */
const SOURCES = new Set(['units', 'cadres', 'posts']);

/**
 * Brings the derived tables in step after a write of `kind`, in the write's transaction: `added` are the rows
 * written (as entities), `removed` the rows as they were before an update or a delete (a post may have moved to
 * another cadre, a cadre to another unit).
 */
export async function afterWrite(
  db: AnyDb,
  kind: string,
  change: { added: readonly Record<string, unknown>[]; removed: readonly Record<string, unknown>[] },
  sqlite?: Database.Database,
): Promise<void> {
  const rows = [...change.removed, ...change.added];
  if (!SOURCES.has(kind) || rows.length === 0) return;
  if (kind === 'units') {
    const ids = rows.map((r) => String(r.id));
    // units moved with cases below them: the case counts of the subtrees they leave and join (case-counts.ts)
    const parent = new Map(change.removed.map((r) => [String(r.id), r.parentId ?? null]));
    const moved = change.added
      .filter((r) => parent.has(String(r.id)) && parent.get(String(r.id)) !== (r.parentId ?? null))
      .map((r) => String(r.id));
    const recount = moved.length > 0 && (await casesBelow(db, moved));
    const left = recount ? await unitsAbove(db, moved) : [];
    await refreshUnitAncestors(db, ids);
    await assertNoCycle(db, ids); // the tree stays a tree, whichever path wrote the units
    await renameInRosterRows(db, ids);
    await refreshUnitSortKeys(db, ids);
    if (recount) await rebuildCaseCounts(db, [...new Set([...left, ...(await unitsAbove(db, moved))])].sort());
    // and 待办's scopes of the cases open to someone within the moved subtrees (case-todo.ts)
    if (recount) await rewriteCaseTodoBelow(db, moved);
    return;
  }
  if (kind === 'cadres') {
    // a cadre's current post depends on posts alone; the search terms on the name and the managing unit; the
    // roster line on those and the gender and category
    const before = new Map(change.removed.map((r) => [String(r.id), r]));
    const differ = (fields: readonly string[]) =>
      change.added.filter((r) => {
        const b = before.get(String(r.id));
        return !b || fields.some((f) => b[f] !== r[f]);
      });
    const gone = change.removed.filter((r) => !change.added.some((a) => a.id === r.id));
    const ids = (rs: readonly Record<string, unknown>[]) => [...rs, ...gone].map((r) => String(r.id));
    await refreshCadreSearch(db, ids(differ(['name', 'managingUnitId'])), sqlite);
    await countCadres(db, change.added, change.removed);
    const lines = ids(differ(ROSTER_CADRE_FIELDS));
    await refreshRosterRows(db, lines, !sqlite);
    await refreshRosterSortKeys(db, lines);
    return;
  }
  const cadreIds = rows.map((r) => String(r.cadreId));
  // PostgreSQL runs writes side by side: two writes of one cadre's posts would each re-derive the cadre's rows from
  // what they see and collide on them. The cadre's row, locked, makes them take turns (a cadre's own update holds
  // it already; SQLite has one writer at a time). FOR NO KEY UPDATE, not FOR UPDATE: each post written already
  // holds a key-share lock on its cadre (the foreign key), which FOR UPDATE would wait for — a deadlock.
  if (!sqlite) await lockCadres(db, cadreIds);
  await refreshCurrentPosts(db, cadreIds);
  await refreshCadreSearch(db, cadreIds, sqlite);
  await refreshRosterRows(db, cadreIds, !sqlite);
  await refreshRosterSortKeys(db, cadreIds);
}

async function lockCadres(db: AnyDb, cadreIds: readonly string[]): Promise<void> {
  for (const ids of chunks([...new Set(cadreIds)].sort()))
    await sql`select id from cadres where id in (${sql.join(ids)}) order by id for no key update`.execute(db);
}

/**
 * Whether a write of `kind` needs the row as it was before: which cadre a changed post belonged to, which unit a
 * changed or deleted cadre was counted in.
 */
export function needsRowBefore(kind: string): boolean {
  return kind === 'posts' || kind === 'cadres';
}

// Cadres per unit and category ---------------------------------------------------------------------------------

/**
 * Adds the cadres written and takes away the cadres as they were, by unit and category. Increments, not recounts:
 * PostgreSQL runs writes side by side, and an increment (ON CONFLICT … n + delta) applies to the count as the other
 * write left it, where a recount would see only what was committed when it began. An edit that moves no cadre to
 * another unit or category changes no count and touches nothing (no lock on a unit's count for every edit).
 */
async function countCadres(
  db: AnyDb,
  added: readonly Record<string, unknown>[],
  removed: readonly Record<string, unknown>[],
): Promise<void> {
  const delta = new Map<string, { unit_id: string; category: string; n: number }>();
  const add = (r: Record<string, unknown>, n: number) => {
    const key = `${String(r.managingUnitId)}\u0000${String(r.category)}`;
    const d = delta.get(key) ?? { unit_id: String(r.managingUnitId), category: String(r.category), n: 0 };
    d.n += n;
    delta.set(key, d);
  };
  for (const r of removed) add(r, -1);
  for (const r of added) add(r, 1);
  // in a fixed order, so two writes side by side lock the counts in the same order
  const rows = [...delta.values()]
    .filter((d) => d.n !== 0)
    .sort((a, b) => (a.unit_id + a.category < b.unit_id + b.category ? -1 : 1));
  for (const part of chunks(rows))
    await db
      .insertInto('cadre_counts')
      .values(part)
      .onConflict((oc) => oc.columns(['unit_id', 'category']).doUpdateSet({ n: sql`cadre_counts.n + excluded.n` }))
      .execute();
}

/** Counts the whole record (migration 0009). */
export async function rebuildCadreCounts(db: AnyDb): Promise<void> {
  await db.deleteFrom('cadre_counts').execute();
  await sql`insert into cadre_counts (unit_id, category, n)
    select managing_unit_id, category, count(*) from cadres group by managing_unit_id, category`.execute(db);
}

// The roster's lines ----------------------------------------------------------------------------------------------

/** The cadre's fields a roster line shows (a cadre edit changing none of them leaves the line alone). */
const ROSTER_CADRE_FIELDS = ['name', 'gender', 'category', 'managingUnitId'] as const;

const ROSTER_COLUMNS = sql.raw(
  'id, name, gender, category, managing_unit_id, unit_name, post_id, post_title, post_role, post_level, post_unit_id, post_unit_name',
);

/** Each cadre's roster line as the record has it now (current post from cadre_current_posts). */
const ROSTER_LINES = sql`select c.id, c.name, c.gender, c.category, c.managing_unit_id, mu.name,
    p.id, p.title, p.role, p.level, p.unit_id, pu.name
  from cadres c join units mu on mu.id = c.managing_unit_id
  left join cadre_current_posts cp on cp.cadre_id = c.id left join posts p on p.id = cp.post_id
  left join units pu on pu.id = p.unit_id`;

/**
 * Re-derives the roster lines of these cadres (deleted cadres lose theirs); after refreshCurrentPosts, in the
 * write's transaction. `lockUnits` (PostgreSQL): the lines carry unit names, and a unit renamed at the same time
 * would otherwise update the old line while this write puts a new one with the old name beside it; a share lock
 * on the units read makes the rename and this write take turns (a rename takes the unit's row lock first).
 */
async function refreshRosterRows(db: AnyDb, cadreIds: readonly string[], lockUnits: boolean): Promise<void> {
  for (const ids of chunks([...new Set(cadreIds)])) {
    const list = sql.join(ids);
    if (lockUnits)
      await sql`select id from units where id in (
          select managing_unit_id from cadres where id in (${list})
          union select p.unit_id from cadre_current_posts cp join posts p on p.id = cp.post_id where cp.cadre_id in (${list}))
        order by id for share`.execute(db);
    await db.deleteFrom('roster_rows').where('id', 'in', ids).execute();
    await sql`insert into roster_rows (${ROSTER_COLUMNS}) ${ROSTER_LINES} where c.id in (${list})`.execute(db);
  }
}

/** After units are written: the lines naming them as managing or post unit take their (new) names. */
async function renameInRosterRows(db: AnyDb, unitIds: readonly string[]): Promise<void> {
  for (const ids of chunks([...new Set(unitIds)])) {
    const list = sql.join(ids);
    await sql`update roster_rows set unit_name = (select u.name from units u where u.id = roster_rows.managing_unit_id)
      where managing_unit_id in (${list})`.execute(db);
    await sql`update roster_rows set post_unit_name = (select u.name from units u where u.id = roster_rows.post_unit_id)
      where post_unit_id in (${list})`.execute(db);
  }
}

/** Builds every roster line (migration 0010). */
export async function rebuildRosterRows(db: AnyDb): Promise<void> {
  await db.deleteFrom('roster_rows').execute();
  await sql`insert into roster_rows (${ROSTER_COLUMNS}) ${ROSTER_LINES}`.execute(db);
}
