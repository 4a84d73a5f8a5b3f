// The roster's sort keys, kept on each roster line (roster_rows, migration 0030) so that a sorted page of a
// million-cadre roster is read from an index in order instead of sorting every line in scope for each page:
//   name_key       the name in pinyin order (Intl's zh-CN collation), as text that sorts byte by byte the same way
//                  on both engines (SQLite has no Chinese collation; PostgreSQL's depends on how it was built)
//   unit_key       the managing unit's name, the same way
//   role_rank      职务次序: 党政正职, 副职, 班子成员, 中层干部, 一般干部, then no current post
//   level_rank     职务层次 from 正部 down to 科员, then none
//   category_rank  人员类别 in the vocabulary's order
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { CADRE_CATEGORIES, LEVELS, POST_ROLES } from '../domain/vocabulary.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const FIRST = 0x4e00;
const LAST = 0x9fff;
let rankOfChar: Uint16Array | undefined;

/**
 * Each CJK character's place in the zh-CN collation (pinyin), computed once per process: Intl compares two strings
 * but gives no key to store, so the characters are sorted once and each is replaced by its place.
 */
function ranks(): Uint16Array {
  if (rankOfChar) return rankOfChar;
  const chars: number[] = [];
  for (let c = FIRST; c <= LAST; c++) chars.push(c);
  const collator = new Intl.Collator('zh-CN');
  const text = chars.map((c) => String.fromCharCode(c));
  const order = chars.map((_, i) => i).sort((a, b) => collator.compare(text[a]!, text[b]!) || a - b);
  const out = new Uint16Array(LAST - FIRST + 1);
  order.forEach((i, place) => (out[i] = place));
  return (rankOfChar = out);
}

/** A key that sorts, compared by code point, as the text does in pinyin order (other characters stay as they are). */
export function pinyinKey(text: string): string {
  const r = ranks();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c >= FIRST && c <= LAST ? String.fromCharCode(FIRST + r[c - FIRST]!) : text[i];
  }
  return out;
}

const NONE = 99;
const rankIn = (list: readonly string[], v: unknown) => {
  const i = typeof v === 'string' ? list.indexOf(v) : -1;
  return i < 0 ? NONE : i;
};

interface Line {
  id: string;
  name: string;
  unit_name: string;
  category: string;
  post_role: string | null;
  post_level: string | null;
}

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

async function writeKeys(db: AnyDb, lines: readonly Line[]): Promise<void> {
  const pg = isPostgres(db);
  for (let i = 0; i < lines.length; i += 500) {
    const rows = lines
      .slice(i, i + 500)
      .map(
        (l) =>
          sql`(${l.id}, ${pinyinKey(l.name)}, ${pinyinKey(l.unit_name)}, ${rankIn(POST_ROLES, l.post_role)}, ${rankIn(LEVELS, l.post_level)}, ${rankIn(CADRE_CATEGORIES, l.category)})`,
      );
    if (pg)
      await sql`update roster_rows set name_key = v.nk, unit_key = v.uk, role_rank = v.rr::int, level_rank = v.lr::int,
          category_rank = v.cr::int
        from (values ${sql.join(rows)}) as v(id, nk, uk, rr, lr, cr) where roster_rows.id = v.id`.execute(db);
    else
      await sql`update roster_rows set name_key = v.column2, unit_key = v.column3, role_rank = v.column4,
          level_rank = v.column5, category_rank = v.column6
        from (values ${sql.join(rows)}) as v where roster_rows.id = v.column1`.execute(db);
  }
}

const LINE = sql.raw('id, name, unit_name, category, post_role, post_level');

/** Sets the keys of these cadres' lines (after the lines are re-derived, in the write's transaction). */
export async function refreshRosterSortKeys(db: AnyDb, cadreIds: readonly string[]): Promise<void> {
  for (let i = 0; i < cadreIds.length; i += 500) {
    const ids = cadreIds.slice(i, i + 500);
    const { rows } = await sql<Line>`select ${LINE} from roster_rows where id in (${sql.join(ids)})`.execute(db);
    await writeKeys(db, rows);
  }
}

/** After units are renamed: the lines they manage take the new name's key. */
export async function refreshUnitSortKeys(db: AnyDb, unitIds: readonly string[]): Promise<void> {
  for (let i = 0; i < unitIds.length; i += 500) {
    const ids = unitIds.slice(i, i + 500);
    const { rows } = await sql<{
      id: string;
      name: string;
    }>`select id, name from units where id in (${sql.join(ids)})`.execute(db);
    for (const u of rows)
      await sql`update roster_rows set unit_key = ${pinyinKey(u.name)} where managing_unit_id = ${u.id}`.execute(db);
  }
}

/** Sets every line's keys, a page of lines at a time in id order (migration 0030). */
export async function rebuildRosterSortKeys(db: AnyDb): Promise<void> {
  let after = '';
  for (;;) {
    const { rows } =
      await sql<Line>`select ${LINE} from roster_rows where id > ${after} order by id limit 20000`.execute(db);
    if (rows.length === 0) return;
    await writeKeys(db, rows);
    after = rows[rows.length - 1]!.id;
  }
}
