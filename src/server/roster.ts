// The cadre roster of the 数据管理 page: the cadres in the user's data scope, filtered (unit subtree, category,
// search, current post's role and level), counted, sorted over the whole filtered list (按职务次序 unless asked
// otherwise) and paged, each with their managing unit and current post. Built on the scope conditions of scope.ts like every other read of the record; the queries are shaped for
// the derived tables (store/derived.ts) and built once per shape (store/query-template.ts), because the roster is
// the most frequent read there is.
import { sql, type Compilable, type RawBuilder } from 'kysely';
import { cadreMatches, shortSearch, shortSearchCond, subtreeUnits } from '../store/derived.js';
import { idList } from '../store/facts-loader.js';
import { compiledOnce, slot } from '../store/query-template.js';
import type { RecordStore } from '../store/types.js';
import type { User } from './accounts/users.js';
import { dbOf } from './context.js';
import { kindCond, outOfScope, scopeOf, scopeShape, unitCond, unitReachable } from './scope.js';

export interface RosterFilters {
  unitId?: string;
  search?: string;
  category?: string;
  post?: string;
  level?: string;
  offset?: number;
  limit?: number;
  /** only these cadres (a filter computed elsewhere, e.g. 在影响期内); the other filters still apply */
  ids?: readonly string[];
  /** the order of the whole filtered list (default 按职务次序) */
  sort?: RosterSort;
  order?: 'asc' | 'desc';
}

/**
 * The roster's orders, each over the whole filtered list and read from an index of the roster lines (migration
 * 0030, store/roster-sort.ts); every order ends in the cadre's id so that pages never overlap when keys tie.
 */
export const ROSTER_SORTS = {
  /** 按职务次序: 党政正职 first, then 副职, 班子成员, 中层干部, 一般干部; higher levels first within each */
  position: ['role_rank', 'level_rank', 'id'],
  /** 姓名, in pinyin order */
  name: ['name_key', 'id'],
  /** 职级 (职务层次), highest first, then 职务次序 */
  level: ['level_rank', 'role_rank', 'id'],
  /** 人员类别 in the vocabulary's order, then 职务次序 */
  category: ['category_rank', 'role_rank', 'level_rank', 'id'],
  /** 管理单位 by name in pinyin order, each unit's cadres in 职务次序 */
  unit: ['unit_key', 'managing_unit_id', 'role_rank', 'level_rank', 'id'],
} as const;
export type RosterSort = keyof typeof ROSTER_SORTS;

export interface RosterItem {
  id: string;
  name: string;
  gender: string | null;
  category: string;
  managingUnitId: string;
  unitName: string;
  postTitle: string | null;
  role: string | null;
  level: string | null;
  postUnitId: string | null;
  postUnitName: string | null;
}

/**
 * Up to `fewMatches` matches of a short search, SQLite reads them by unit and sorts them (see below). A setting
 * object so the tests can take each way on a small record.
 */
export const rosterTuning = { fewMatches: 5000 };

type Who = Pick<User, 'role' | 'unitId' | 'cadreId'> & Partial<Pick<User, 'id'>>;

export async function roster(
  store: RecordStore,
  user: Who,
  f: RosterFilters,
): Promise<{ total: number; items: RosterItem[] }> {
  const db = dbOf(store);
  const scope = scopeOf(user);
  if (f.unitId && !(await unitReachable(db, scope, f.unitId))) throw outOfScope();
  const text = f.search?.trim() || undefined;
  const short = text === undefined ? undefined : shortSearch(text);
  const shape = scopeShape(scope);
  const values: Record<string, unknown> = {
    ...shape.values,
    unitId: f.unitId,
    category: f.category,
    post: f.post,
    level: f.level,
    term: short?.term,
    text: short?.text,
    limit: f.limit ?? 50,
    offset: f.offset ?? 0,
  };
  const sortBy = f.sort ?? 'position';
  const dir = f.order ?? 'asc';
  const sortCols = ROSTER_SORTS[sortBy];
  // Every roster query has one of a few dozen shapes (which filters are present, the scope's kind), built once
  // each — except a search of three or more characters, whose query depends on its pieces.
  // a list of ids is a value of its own each time: such a query is built for the call, not kept
  const cached = (text === undefined || short !== undefined) && !f.ids;
  const v = <T>(name: string): T => (cached ? slot<T>(name) : (values[name] as T));
  const sc = cached ? shape.scope : scope;
  // A short search with no filter but units (the scope, a unit's subtree) is answered from the search index alone,
  // which holds each cadre's managing unit: no lookup of every matching cadre to learn where they are managed.
  const fromIndex = short !== undefined && !f.category && !f.post && !f.level && !f.ids && sc.kind !== 'self';
  const key = [
    shape.key,
    f.unitId ? 'u' : '',
    f.category ? 'c' : '',
    text ? (fromIndex ? 'i' : 's') : '',
    f.post ? 'p' : '',
    f.level ? 'l' : '',
    `/${sortBy}.${dir}`,
  ].join('');
  const compile = <R>(name: string, build: () => Compilable<R>) =>
    cached ? compiledOnce(db, `roster.${name}/${key}`, build, values) : build().compile();

  const inUnits = (unitCol: RawBuilder<unknown>) =>
    f.unitId
      ? sql<boolean>`${unitCond(sc, unitCol)} and ${unitCol} in ${subtreeUnits(v('unitId'))}`
      : unitCond(sc, unitCol);
  // The cadres that pass: the index's matches as `m` (id), or the roster lines as `c` (roster_rows, derived.ts: a
  // row per cadre with its id, managing unit, category and current post, so every filter but the search is a
  // column of it and the data-scope condition on cadres applies to it as it is).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const matching = (byUnit = false): any => {
    if (fromIndex)
      return db.selectFrom(
        // the term's matches, and the cadre whose id the text is unless among them already (UNION ALL of two
        // disjoint parts: a UNION would make SQLite read the matches in id order to merge them, one row at a time)
        sql`(select s.cadre_id as id from cadre_search s ${byUnit ? sql`indexed by cadre_search_term_unit ` : sql``}where s.term = ${v('term')} and ${inUnits(sql.ref('s.unit_id'))}
          union all select c.id from cadres c where c.id = ${v('text')} and ${inUnits(sql.ref('c.managing_unit_id'))}
            and not exists (select 1 from cadre_search s2 where s2.term = ${v('term')} and s2.cadre_id = c.id))`.as(
          'm',
        ),
      );
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let q: any = db.selectFrom('roster_rows as c').where(kindCond('cadres', sc, 'c'));
    if (f.unitId) q = q.where(sql<boolean>`c.managing_unit_id in ${subtreeUnits(v('unitId'))}`);
    if (f.category) q = q.where('c.category', '=', v('category'));
    // the search goes through the store's search index (derived.ts)
    if (text) q = q.where(short ? shortSearchCond(v('term'), v('text')) : cadreMatches(text));
    if (f.post) q = q.where('c.post_role', '=', v('post'));
    if (f.level) q = q.where('c.post_level', '=', v('level'));
    if (f.ids)
      q = q.where(f.ids.length ? sql<boolean>`c.id in ${idList(f.ids, store.dialect !== 'postgres')}` : sql`1 = 0`);
    return q;
  };
  // With no filter but units and category, the total is the sum of the units' counts (derived.ts): a read per
  // unit in scope instead of one per cadre.
  const fromCounts = text === undefined && !f.post && !f.level && !f.ids && sc.kind !== 'self';
  const counted = () =>
    fromCounts
      ? db
          .selectFrom('cadre_counts as k')
          .where(inUnits(sql.ref('k.unit_id')))
          .$if(!!f.category, (q) => q.where('k.category', '=', v('category')))
          .select(sql<number>`coalesce(sum(k.n), 0)`.as('n'))
      : matching().select(sql<number>`count(*)`.as('n'));
  // A roster line as the page shows it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const lineOf = (q: any, a: string) =>
    q.select([
      `${a}.id as id`,
      `${a}.name as name`,
      `${a}.gender as gender`,
      `${a}.category as category`,
      `${a}.managing_unit_id as managingUnitId`,
      `${a}.unit_name as unitName`,
      `${a}.post_title as postTitle`,
      `${a}.post_role as role`,
      `${a}.post_level as level`,
      `${a}.post_unit_id as postUnitId`,
      `${a}.post_unit_name as postUnitName`,
    ]);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const sorted = (q: any, a: string) => sortCols.reduce((q2, col) => q2.orderBy(`${a}.${col}`, dir), q);
  const paged = (q: unknown) =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    (q as any).limit(v<number>('limit')).offset(v<number>('offset'));
  const page = (byUnit = false) => {
    if (!fromIndex) return paged(sorted(lineOf(matching(), 'c'), 'c'));
    // Many matches (王: a tenth of a province): the lines in the order's index, keeping the term's matches, stop
    // after the page (a match is found every few lines). Few: the units' matches from the (term, unit) index,
    // their lines looked up by key (a CROSS JOIN on SQLite: that join order, never every line first) and sorted.
    if (!byUnit)
      return paged(
        sorted(
          lineOf(
            db
              .selectFrom('roster_rows as c')
              .where(kindCond('cadres', sc, 'c'))
              .where(inUnits(sql.ref('c.managing_unit_id')))
              .where(
                sql<boolean>`(exists (select 1 from cadre_search s where s.term = ${v('term')} and s.cadre_id = c.id) or c.id = ${v('text')})`,
              ),
            'c',
          ),
          'c',
        ),
      );
    return paged(
      sorted(lineOf(matching(true).crossJoin('roster_rows as rr').where('rr.id', '=', sql.ref('m.id')), 'rr'), 'rr'),
    );
  };
  const countKey = fromCounts ? 'count.units' : 'count';
  if (store.dialect !== 'postgres') {
    const total = Number((await db.executeQuery(compile<{ n: unknown }>(countKey, counted))).rows[0]!.n);
    // The lines in the order's index, keeping the term's matches in the units, stop after a page when the units
    // hold many of them (a province: 王 is 92,542 cadres of a million) but read them all when they hold few (南通市:
    // 2,619 of the 92,542); SQLite cannot tell which from the query, the total can. Few: read the units' matches
    // from the (term, unit) index and sort them. By name, always the matches: a surname's matches sit together in
    // name order, so the walk would read every line before them (province 王: 5 s on a loaded machine).
    const byUnit = fromIndex && (total <= rosterTuning.fewMatches || sortBy === 'name');
    const items = (await db.executeQuery(compile<RosterItem>(byUnit ? 'page.byUnit' : 'page', () => page(byUnit))))
      .rows;
    return { total, items };
  }
  // PostgreSQL: the total and the page in one query (a round trip to the database costs more than either), the
  // total on every row and on a lone row of nulls when the page is empty; the page's sort keys ride along as k0… to
  // order the joined rows, and are dropped
  const keyed = () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const q: any = page();
    return q.select(sortCols.map((col, i) => `c.${col} as k${i}`));
  };
  const rows = (
    await db.executeQuery(
      compile<RosterItem & { total: unknown }>(`${countKey}+page`, () =>
        sortCols.reduce(
          // eslint-disable-next-line @typescript-eslint/no-explicit-any
          (q: any, _col, i) => q.orderBy(`r.k${i}`, dir),
          db
            .selectFrom(counted().as('t'))
            .leftJoin(keyed().as('r'), (j) => j.onTrue())
            .select('t.n as total')
            .selectAll('r'),
        ),
      ),
    )
  ).rows as (RosterItem & { total: unknown } & Record<string, unknown>)[];
  const items = rows
    .filter((r) => r.id !== null)
    .map(({ total: _, ...line }) => {
      const item = { ...line };
      for (let i = 0; i < sortCols.length; i++) delete item[`k${i}`];
      return item as RosterItem;
    });
  return { total: Number(rows[0]!.total), items };
}
