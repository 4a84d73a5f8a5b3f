// The case repository: cases, their step history, participants, comments, deadlines and decisions (migration
// 0016). Every write is given the transaction it belongs to (`casesOf(tx)` inside `store.transaction`), so a step,
// its history row and its effects commit together or not at all. A case is changed only at the version the writer
// read: a stale version changes nothing and raises StaleCaseError (the API's 409).
import { sql, type RawBuilder } from 'kysely';
import { countCases, WHOLE_RECORD } from './case-counts.js';
import { writeCaseTodo } from './case-todo.js';
import type { AnyDb } from './connect.js';
import { KyselyStore } from './kysely-store.js';
import type { RecordStore } from './types.js';

export class StaleCaseError extends Error {
  constructor(readonly caseId: string) {
    super(`案件已被他人办理，请刷新后重试 (conflict: case ${caseId} was changed by someone else)`);
  }
}

export interface CaseRow {
  id: string;
  version: number;
  pack: string;
  procedure: string;
  definitionVersion: string;
  state: string;
  context: { outcome: string | null; marks: Record<string, true> };
  subjectType: 'cadre' | 'unit';
  subjectId: string;
  handlingUnitId: string;
  matterId: string;
  outcome: string | null;
  openedOn: string;
  year: number;
  closed: boolean;
  startedBy: string | null;
}

export interface StepRow {
  caseId: string;
  seq: number;
  onDate: string;
  recordedAt: string;
  action: string;
  fromState: string;
  toState: string;
  actorUserId: string | null;
  actorRole: string;
  actorUnitId: string | null;
  actorCadreId: string | null;
  inputs: Record<string, unknown>;
  reason: string | null;
  documents: string[];
  evaluation: unknown;
}

export interface CommentRow {
  id: string;
  caseId: string;
  at: string;
  authorUserId: string | null;
  authorRole: string;
  text: string;
  attachment: { name: string; type: string; size: number; sha256: string } | null;
}

export interface DeadlineRow {
  id: string;
  caseId: string;
  kind: string;
  dueOn: string;
  status: 'open' | 'met' | 'overdue';
  setBySeq: number;
  source: string;
}

export interface DecisionRow {
  caseId: string;
  pack: string;
  subjectType: 'cadre' | 'unit';
  subjectId: string;
  matterId: string;
  decidedOn: string;
  outcome: string;
  body: string;
  article: string;
  measure: string | null;
  measureOn: string | null;
}

/** Who asks for a list of cases, with what the procedures say about their role (decided above the store). */
export interface CaseViewer {
  userId: string | null;
  role: string;
  /** the unit the account is bound to; null = the whole record */
  unitId: string | null;
  cadreId: string | null;
  /** roles that see no case at all (三员, unassigned) */
  seesNone: boolean;
  /**
   * The procedure versions in which the role acts for the handling organ or a deciding body: it sees their cases
   * whose handling unit lies in its subtree.
   */
  officerOf: readonly { pack: string; procedure: string; version: string }[];
}

/** Where a person must stand to take an action open on a case now (see migration 0017). */
export interface OpenActorRow {
  role: string;
  reach: 'cadre' | 'unit' | 'subtree';
  unitId: string | null;
  cadreId: string | null;
}

export interface CaseListFilter {
  /** the kind of procedure (容错纠错, 能上能下, 澄清正名 …) */
  procedure?: string;
  /** cases about this cadre */
  cadreId?: string;
  pack?: string;
  state?: string;
  /** handling units in this unit's subtree */
  unitId?: string;
  year?: number;
}

/** Which of the visible cases: all, those with a step open to the viewer (待办), those they acted on (已办). */
export type CaseListKind = 'all' | 'todo' | 'done';

export interface CasePageRequest {
  limit: number;
  offset?: number;
  /** keyset: the cases after this one in the list's order (opened_on desc, id) */
  after?: { openedOn: string; id: string };
}

export interface CasePage {
  items: CaseRow[];
  /** how many cases the list holds, counted up to COUNT_CAP */
  total: number;
  /** true when there are more than COUNT_CAP and `total` is only the cap */
  totalCapped: boolean;
  /** the keyset of the last item when more follow, else null */
  next: { openedOn: string; id: string } | null;
}

/** Lists are counted up to this many ("200+"): counting a province's hundred thousand cases on every page cost more than the page. */
export const COUNT_CAP = 200;

export interface AttachmentRow {
  id: string;
  caseId: string;
  stepSeq: number | null;
  commentId: string | null;
  name: string;
  type: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string | null;
}

// Row mapping: each table's columns are declared once, with how a value is stored; reading a row and writing one
// are both derived from that declaration.
type Dialect = 'sqlite' | 'postgres';
interface Codec {
  read(v: unknown): unknown;
  write(v: unknown, d: Dialect): unknown;
}
const text: Codec = { read: (v) => v ?? null, write: (v) => v ?? null };
const num: Codec = { read: (v) => (v === null || v === undefined ? null : Number(v)), write: (v) => v ?? null };
const bool: Codec = {
  read: (v) => v === true || v === 1 || v === '1',
  write: (v, d) => (d === 'sqlite' ? (v ? 1 : 0) : v === true),
};
const json = (dflt: unknown, nullable = false): Codec => ({
  read: (v) => (typeof v === 'string' ? JSON.parse(v) : (v ?? dflt)),
  write: (v) => (nullable && (v === null || v === undefined) ? null : JSON.stringify(v ?? null)),
});

type Columns<T> = { readonly [K in keyof T]-?: readonly [column: string, codec?: Codec] };

class RowMap<T> {
  constructor(private readonly cols: Columns<T>) {}
  read(r: Record<string, unknown>): T {
    const out: Record<string, unknown> = {};
    for (const [field, [col, codec]] of Object.entries(this.cols) as [string, readonly [string, Codec?]][])
      out[field] = (codec ?? text).read(r[col]);
    return out as T;
  }
  write(v: Partial<T>, d: Dialect): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [field, [col, codec]] of Object.entries(this.cols) as [string, readonly [string, Codec?]][])
      if (field in v) out[col] = (codec ?? text).write((v as Record<string, unknown>)[field], d);
    return out;
  }
}

const CASES = new RowMap<CaseRow>({
  id: ['id'],
  version: ['version', num],
  pack: ['pack'],
  procedure: ['procedure'],
  definitionVersion: ['definition_version'],
  state: ['state'],
  context: ['context', json({ outcome: null, marks: {} })],
  subjectType: ['subject_type'],
  subjectId: ['subject_id'],
  handlingUnitId: ['handling_unit_id'],
  matterId: ['matter_id'],
  outcome: ['outcome'],
  openedOn: ['opened_on'],
  year: ['year', num],
  closed: ['closed', bool],
  startedBy: ['started_by'],
});

const STEPS = new RowMap<StepRow>({
  caseId: ['case_id'],
  seq: ['seq', num],
  onDate: ['on_date'],
  recordedAt: ['recorded_at'],
  action: ['action'],
  fromState: ['from_state'],
  toState: ['to_state'],
  actorUserId: ['actor_user_id'],
  actorRole: ['actor_role'],
  actorUnitId: ['actor_unit_id'],
  actorCadreId: ['actor_cadre_id'],
  inputs: ['inputs', json({})],
  reason: ['reason'],
  documents: ['documents', json([])],
  evaluation: ['evaluation', json(null, true)],
});

type CommentColumns = Omit<CommentRow, 'attachment'> & {
  attachmentName: string | null;
  attachmentType: string | null;
  attachmentSize: number | null;
  attachmentSha256: string | null;
};
const COMMENTS = new RowMap<CommentColumns>({
  id: ['id'],
  caseId: ['case_id'],
  at: ['at'],
  authorUserId: ['author_user_id'],
  authorRole: ['author_role'],
  text: ['text'],
  attachmentName: ['attachment_name'],
  attachmentType: ['attachment_type'],
  attachmentSize: ['attachment_size', num],
  attachmentSha256: ['attachment_sha256'],
});

const DEADLINES = new RowMap<DeadlineRow>({
  id: ['id'],
  caseId: ['case_id'],
  kind: ['kind'],
  dueOn: ['due_on'],
  status: ['status'],
  setBySeq: ['set_by_seq', num],
  source: ['source'],
});

const DECISIONS = new RowMap<DecisionRow>({
  caseId: ['id'],
  pack: ['pack'],
  subjectType: ['subject_type'],
  subjectId: ['subject_id'],
  matterId: ['matter_id'],
  decidedOn: ['decided_on'],
  outcome: ['outcome'],
  body: ['body'],
  article: ['article'],
  measure: ['measure'],
  measureOn: ['measure_on'],
});

const ATTACHMENTS = new RowMap<AttachmentRow>({
  id: ['id'],
  caseId: ['case_id'],
  stepSeq: ['step_seq', num],
  commentId: ['comment_id'],
  name: ['name'],
  type: ['type'],
  size: ['size', num],
  sha256: ['sha256'],
  uploadedAt: ['uploaded_at'],
  uploadedBy: ['uploaded_by'],
});

const FALSE = sql<boolean>`1 = 0`;
const inSubtree = (col: RawBuilder<unknown>, root: string) =>
  sql<boolean>`${col} in (select unit_id from unit_ancestors where ancestor_id = ${root})`;
const any = (conds: RawBuilder<boolean>[]): RawBuilder<boolean> =>
  conds.length ? sql<boolean>`(${sql.join(conds, sql` or `)})` : FALSE;

/**
 * One part of a list: `from … where …`, with the columns holding the case's id and opening date (by default those
 * of `c`, the cases); `distinct` where it can give a case more than once.
 */
interface ListPart {
  from: RawBuilder<unknown>;
  distinct?: boolean;
  /** the cases the person took part in */
  participation?: true;
  /** the part's own columns of the list's order (the index it is read from holds them) */
  key?: { id: RawBuilder<unknown>; openedOn: RawBuilder<unknown> };
}
const CASE_KEY = { id: sql.ref('c.id'), openedOn: sql.ref('c.opened_on') };

/** No unit: the officer's subtree and the unit filter do not meet. */
const NONE = Symbol('none');

/**
 * The procedure versions in which the viewer's role acts for the handling organ or a deciding body (the rule of
 * src/mechanisms/tolerance/actors.ts `sees`), as a condition on the columns of `c` (cases or case_counts).
 */
function defsCond(v: CaseViewer): RawBuilder<boolean> {
  return any(
    v.officerOf.map(
      (d) =>
        sql<boolean>`(c.pack = ${d.pack} and c.procedure = ${d.procedure} and c.definition_version = ${d.version})`,
    ),
  );
}

/** Handled within the officer's subtree (anywhere for an officer bound to no unit). */
function officerScope(v: CaseViewer): RawBuilder<boolean> {
  return v.unitId ? inSubtree(sql.ref('c.handling_unit_id'), v.unitId) : sql<boolean>`1 = 1`;
}

/** A row `o` of case_open_actors stands where the viewer stands (the rule of actors.ts `stands`). */
function reachCond(v: CaseViewer): RawBuilder<boolean> {
  const reach: RawBuilder<boolean>[] = [];
  if (v.cadreId) reach.push(sql<boolean>`(o.reach = 'cadre' and o.cadre_id = ${v.cadreId})`);
  if (v.unitId) {
    reach.push(sql<boolean>`(o.reach = 'unit' and o.unit_id = ${v.unitId})`);
    reach.push(sql<boolean>`(o.reach = 'subtree' and ${inSubtree(sql.ref('o.unit_id'), v.unitId)})`);
  } else reach.push(sql<boolean>`o.reach = 'subtree'`);
  return any(reach);
}

/** A step open to the viewer now, over the rows of case_open_actors. */
function todoCond(v: CaseViewer, closedFalse: unknown): RawBuilder<boolean> {
  return sql<boolean>`(c.closed = ${closedFalse} and exists (select 1 from case_open_actors o where o.case_id = c.id and o.role = ${v.role} and ${reachCond(v)}))`;
}

export class CaseRepository {
  constructor(
    readonly db: AnyDb,
    private readonly dialect: Dialect,
  ) {}

  async get(id: string): Promise<CaseRow | undefined> {
    const r = await this.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? CASES.read(r) : undefined;
  }

  async insert(c: Omit<CaseRow, 'version'>): Promise<CaseRow> {
    const row = { ...c, version: 1 };
    await this.db.insertInto('cases').values(CASES.write(row, this.dialect)).execute();
    await countCases(this.db, [{ c: row, n: 1 }]);
    return row;
  }

  /** Moves the case on if it is still at `version`; otherwise StaleCaseError and nothing changes. */
  async advance(
    id: string,
    version: number,
    patch: { state: string; context: CaseRow['context']; outcome: string | null; closed: boolean },
  ): Promise<CaseRow> {
    // the case as it stood at `version` (a version has one state): what the counts move it from
    const before = await this.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!before) throw new StaleCaseError(id);
    const res = await this.db
      .updateTable('cases')
      .set({ ...CASES.write(patch, this.dialect), version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new StaleCaseError(id);
    const was = CASES.read(before);
    const after = { ...was, ...patch, version: version + 1 };
    if (was.state !== after.state)
      await countCases(this.db, [
        { c: was, n: -1 },
        { c: after, n: 1 },
      ]);
    return after;
  }

  /** How many cases the record holds (all of them, whoever could see them). */
  async count(): Promise<number> {
    const r = await this.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  /** Cases by id (in the list's order), whoever asks: for callers that decided visibility already. */
  async byIds(ids: readonly string[]): Promise<CaseRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('cases')
      .selectAll()
      .where('id', 'in', [...ids])
      .orderBy('opened_on', 'desc')
      .orderBy('id')
      .execute();
    return rows.map((r) => CASES.read(r));
  }

  /**
   * A page of the cases `viewer` sees (and, for 待办 / 已办, has a step open to them / acted on), filtered, in the
   * list's order (newest first, then id), with the list's size. Visibility is decided here, in the query, so a page
   * costs its own rows whatever the number of cases in the record: the list is the union of a few parts, each read
   * in the list's order from an index and cut after the page (see `parts`), merged here.
   */
  async page(viewer: CaseViewer, kind: CaseListKind, f: CaseListFilter, p: CasePageRequest): Promise<CasePage> {
    const parts = await this.parts(viewer, kind, f);
    const offset = p.offset ?? 0;
    const keys = new Map<string, string>();
    // a part that gave fewer rows than asked for (and was read from its start) gave all of them: no count needed
    const whole: (string[] | undefined)[] = [];
    for (const part of parts) {
      const { id, openedOn } = part.key ?? CASE_KEY;
      const after = p.after
        ? sql<boolean>`(${openedOn} < ${p.after.openedOn} or (${openedOn} = ${p.after.openedOn} and ${id} > ${p.after.id}))`
        : sql<boolean>`1 = 1`;
      // DISTINCT only where a part can give a case twice (a person takes part in a case as starter and actor):
      // elsewhere it would keep SQLite from reading the list's order off the index and stopping after the page
      const rows = await sql<{
        id: string;
        opened_on: string;
      }>`select ${part.distinct ? sql`distinct` : sql``} ${id} as id, ${openedOn} as opened_on
        ${part.from} and ${after} order by ${openedOn} desc, ${id} limit ${offset + p.limit + 1}`.execute(this.db);
      for (const r of rows.rows) keys.set(r.id, r.opened_on);
      whole.push(!p.after && rows.rows.length < offset + p.limit + 1 ? rows.rows.map((r) => r.id) : undefined);
    }
    const ordered = [...keys.entries()]
      .sort(([a, ao], [b, bo]) => (ao > bo ? -1 : ao < bo ? 1 : a < b ? -1 : a > b ? 1 : 0))
      .slice(offset, offset + p.limit + 1)
      .map(([id]) => id);
    const more = ordered.length > p.limit;
    const items = await this.byIds(ordered.slice(0, p.limit));
    const last = items[items.length - 1];
    const next = more && last ? { openedOn: last.openedOn, id: last.id } : null;
    const took = parts.findIndex((x) => x.participation);
    const exact = await this.exactTotal(viewer, kind, f, took >= 0 && whole[took]?.length === 0);
    if (exact !== undefined) return { items, total: exact, totalCapped: false, next };
    const counted = new Set<string>();
    for (const [i, part] of parts.entries()) {
      const known = whole[i];
      if (known) {
        for (const id of known) counted.add(id);
        continue;
      }
      const rows = await sql<{ id: string }>`select distinct ${(part.key ?? CASE_KEY).id} as id ${part.from} limit ${
        COUNT_CAP + 1
      }`.execute(this.db);
      for (const r of rows.rows) counted.add(r.id);
      if (counted.size > COUNT_CAP) break;
    }
    return { items, total: Math.min(counted.size, COUNT_CAP), totalCapped: counted.size > COUNT_CAP, next };
  }

  /** Every case of the list, for exports (the register); no page. */
  async all(viewer: CaseViewer, kind: CaseListKind, f: CaseListFilter): Promise<CaseRow[]> {
    const ids = new Set<string>();
    for (const part of await this.parts(viewer, kind, f))
      for (const r of (
        await sql<{ id: string }>`select distinct ${(part.key ?? CASE_KEY).id} as id ${part.from}`.execute(this.db)
      ).rows)
        ids.add(r.id);
    const out: CaseRow[] = [];
    const list = [...ids];
    for (let i = 0; i < list.length; i += 500) out.push(...(await this.byIds(list.slice(i, i + 500))));
    return out.sort((a, b) =>
      a.openedOn > b.openedOn ? -1 : a.openedOn < b.openedOn ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
  }

  /**
   * The parts whose union is the list, each `from … where …` over `c` (the cases) with one simple condition that
   * an index answers in the list's order, so each part stops after the page:
   * - the officer's: the cases of the procedure versions the role acts in, handled in the subtree of the deeper of
   *   the officer's unit and the unit filter — read from each handling unit's range of cases_unit_list (joined from
   *   the unit closure), or, for the whole record, in the list's order over all cases;
   * - the subject cadre's own cases (a cadre's account);
   * - the cases the person took part in (from their case_participants rows).
   * 已办 is the last part alone: who took a step on a case took part in it.
   */
  private async parts(v: CaseViewer, kind: CaseListKind, f: CaseListFilter): Promise<ListPart[]> {
    if (v.seesNone) return [];
    const conds: RawBuilder<boolean>[] = [];
    if (kind === 'todo') conds.push(todoCond(v, bool.write(false, this.dialect)));
    if (kind === 'done') {
      if (!v.userId) return [];
      conds.push(
        sql<boolean>`exists (select 1 from case_steps s where s.case_id = c.id and s.actor_user_id = ${v.userId})`,
      );
    }
    const filters: RawBuilder<boolean>[] = [];
    if (f.pack) filters.push(sql<boolean>`c.pack = ${f.pack}`);
    if (f.procedure) filters.push(sql<boolean>`c.procedure = ${f.procedure}`);
    if (f.cadreId) filters.push(sql<boolean>`c.subject_type = 'cadre' and c.subject_id = ${f.cadreId}`);
    if (f.state) filters.push(sql<boolean>`c.state = ${f.state}`);
    if (f.year !== undefined) filters.push(sql<boolean>`c.year = ${f.year}`);
    conds.push(...filters);
    const unitFilter = f.unitId ? [inSubtree(sql.ref('c.handling_unit_id'), f.unitId)] : [];
    const and = (cs: RawBuilder<boolean>[]) => (cs.length ? sql.join(cs, sql` and `) : sql`1 = 1`);
    const out: ListPart[] = [];
    // CROSS JOIN: SQLite then reads the left table first (the person's rows, the subtree's units), as intended
    if (v.userId)
      out.push({
        from: sql`from case_participants p cross join cases c where c.id = p.case_id and p.user_id = ${v.userId} and ${and([...conds, ...unitFilter])}`,
        distinct: true,
        participation: true,
      });
    if (kind === 'done') return out;
    if (v.role === 'cadre') {
      if (v.cadreId)
        out.push({
          from: sql`from cases c where c.subject_type = 'cadre' and c.subject_id = ${v.cadreId} and ${and([...conds, ...unitFilter])}`,
        });
    } else if (v.officerOf.length) {
      const root = await this.rootOf(v.unitId, f.unitId ?? null);
      const defs = defsCond(v);
      if (kind === 'todo') {
        if (root !== NONE) out.push(...this.officerTodo(v, f, root, defs, filters));
      } else if (root === null) out.push({ from: sql`from cases c where ${defs} and ${and(conds)}` });
      else if (root !== NONE)
        out.push({
          from: sql`from unit_ancestors a cross join cases c where c.handling_unit_id = a.unit_id and a.ancestor_id = ${root} and ${defs} and ${and(conds)}`,
        });
    }
    return out;
  }

  /**
   * The officer's part of 待办: the cases of the procedure versions the role acts in, handled within `root`, with a
   * step open to the role where the person stands. A step open within a unit's subtree (the handling unit's, or the
   * one above it) reaches the person from their own unit's rows of case_todo (case-todo.ts), one index range in the
   * list's order; such a row is only written for a procedure the role acts in for the handling organ or a deciding
   * body, at or below the person's unit, so the case is one the officer sees. A step open to the person's own unit
   * (or to them as the cadre concerned) is read from those few rows of case_open_actors, and the case must be one
   * they see as an officer.
   */
  private officerTodo(
    v: CaseViewer,
    f: CaseListFilter,
    root: string | null,
    defs: RawBuilder<boolean>,
    filters: RawBuilder<boolean>[],
  ): ListPart[] {
    const t: RawBuilder<boolean>[] = [
      sql<boolean>`t.scope_id = ${v.unitId ?? WHOLE_RECORD}`,
      sql<boolean>`t.role = ${v.role}`,
    ];
    if (f.pack) t.push(sql<boolean>`t.pack = ${f.pack}`);
    if (f.procedure) t.push(sql<boolean>`t.procedure = ${f.procedure}`);
    if (f.state) t.push(sql<boolean>`t.state = ${f.state}`);
    if (f.year !== undefined) t.push(sql<boolean>`t.year = ${f.year}`);
    if (f.cadreId)
      t.push(
        sql<boolean>`t.case_id in (select c.id from cases c where c.subject_type = 'cadre' and c.subject_id = ${f.cadreId})`,
      );
    // the rows are the person's scope; a unit filter narrows the handling unit (the row's unit may be above it)
    if (f.unitId && f.unitId !== v.unitId) t.push(inSubtree(sql.ref('t.handling_unit_id'), f.unitId));
    const out: ListPart[] = [
      {
        from: sql`from case_todo t where ${sql.join(t, sql` and `)}`,
        key: { id: sql.ref('t.case_id'), openedOn: sql.ref('t.opened_on') },
      },
    ];
    const own: RawBuilder<boolean>[] = [];
    if (v.cadreId) own.push(sql<boolean>`(o.reach = 'cadre' and o.cadre_id = ${v.cadreId})`);
    if (v.unitId) own.push(sql<boolean>`(o.reach = 'unit' and o.unit_id = ${v.unitId})`);
    if (own.length) {
      const scope = root === null ? sql<boolean>`1 = 1` : inSubtree(sql.ref('c.handling_unit_id'), root);
      out.push({
        from: sql`from case_open_actors o cross join cases c where o.role = ${v.role} and ${any(own)}
          and c.id = o.case_id and c.closed = ${bool.write(false, this.dialect)} and ${defs} and ${scope}
          ${filters.length ? sql`and ${sql.join(filters, sql` and `)}` : sql``}`,
        distinct: true,
      });
    }
    return out;
  }

  /**
   * The subtree an officer's list covers: the deeper of the officer's unit and the unit filter when one lies in the
   * other's subtree, NONE when neither does, null for the whole record.
   */
  private async rootOf(own: string | null, filter: string | null): Promise<string | null | typeof NONE> {
    if (!own || !filter || own === filter) return own ?? filter;
    const r = await this.db
      .selectFrom('unit_ancestors')
      .select(['ancestor_id', 'unit_id'])
      .where((eb) =>
        eb.or([
          eb.and([eb('ancestor_id', '=', own), eb('unit_id', '=', filter)]),
          eb.and([eb('ancestor_id', '=', filter), eb('unit_id', '=', own)]),
        ]),
      )
      .executeTakeFirst();
    if (!r) return NONE;
    return r.ancestor_id === own ? filter : own;
  }

  /**
   * The list's size from case_counts where the list is an officer's cases by column (no 待办 / 已办, no cadre
   * filter): the counts of the officer's subtree, plus the cases the officer took part in outside it. Undefined
   * where the counts cannot say (the list is then counted up to COUNT_CAP).
   */
  private async exactTotal(
    v: CaseViewer,
    kind: CaseListKind,
    f: CaseListFilter,
    /** the list holds no case the person took part in (so none outside the officer's cases either) */
    tookNone: boolean,
  ): Promise<number | undefined> {
    if (kind !== 'all' || v.seesNone || v.role === 'cadre' || f.cadreId || !v.officerOf.length) return undefined;
    const root = await this.rootOf(v.unitId, f.unitId ?? null);
    let total = 0;
    if (root !== NONE) {
      let q = this.db
        .selectFrom('case_counts as c')
        .select((eb) => eb.fn.sum<string | number | null>('c.n').as('n'))
        .where('c.scope_id', '=', root ?? WHOLE_RECORD)
        .where(defsCond(v));
      if (f.pack) q = q.where('c.pack', '=', f.pack);
      if (f.procedure) q = q.where('c.procedure', '=', f.procedure);
      if (f.state) q = q.where('c.state', '=', f.state);
      if (f.year !== undefined) q = q.where('c.year', '=', f.year);
      total += Number((await q.executeTakeFirst())?.n ?? 0);
    }
    if (v.userId && !tookNone) {
      // the cases the officer took part in and would not see as an officer
      const conds: RawBuilder<boolean>[] = [sql<boolean>`not (${defsCond(v)} and ${officerScope(v)})`];
      if (f.pack) conds.push(sql<boolean>`c.pack = ${f.pack}`);
      if (f.procedure) conds.push(sql<boolean>`c.procedure = ${f.procedure}`);
      if (f.state) conds.push(sql<boolean>`c.state = ${f.state}`);
      if (f.year !== undefined) conds.push(sql<boolean>`c.year = ${f.year}`);
      if (f.unitId) conds.push(inSubtree(sql.ref('c.handling_unit_id'), f.unitId));
      const r = await sql<{ n: string | number }>`select count(distinct c.id) as n from case_participants p
        cross join cases c where c.id = p.case_id and p.user_id = ${v.userId} and ${sql.join(conds, sql` and `)}`.execute(
        this.db,
      );
      total += Number(r.rows[0]?.n ?? 0);
    }
    return total;
  }

  /**
   * Of these cases, the rows of case_open_actors that the viewer answers (their role, standing where the row says):
   * what the 待办 list shows as the actions open to them, in one query for a page.
   */
  async openActorsFor(v: CaseViewer, caseIds: readonly string[]): Promise<Map<string, OpenActorRow[]>> {
    const out = new Map<string, OpenActorRow[]>();
    if (caseIds.length === 0 || v.seesNone) return out;
    const rows = await sql<{
      case_id: string;
      role: string;
      reach: string;
      unit_id: string | null;
      cadre_id: string | null;
    }>`
      select o.case_id, o.role, o.reach, o.unit_id, o.cadre_id from case_open_actors o
      where o.case_id in (${sql.join([...caseIds])}) and o.role = ${v.role} and ${reachCond(v)}`.execute(this.db);
    for (const r of rows.rows) {
      const list = out.get(r.case_id) ?? [];
      list.push({ role: r.role, reach: r.reach as OpenActorRow['reach'], unitId: r.unit_id, cadreId: r.cadre_id });
      out.set(r.case_id, list);
    }
    return out;
  }

  /** The names of these cadres and units (what a page of cases shows beside each), in one query each. */
  /**
   * The names people read beside each case: the cadre or unit concerned, the unit it belongs to (a cadre's managing
   * unit, or the unit itself), the handling unit and the matter under accountability — for a whole page in four
   * queries, not lookups per row.
   */
  async caseNames(
    rows: readonly Pick<CaseRow, 'id' | 'subjectType' | 'subjectId' | 'handlingUnitId' | 'matterId'>[],
  ): Promise<
    Map<string, { subjectName: string; subjectUnitName: string; handlingUnitName: string; matterName: string }>
  > {
    const cadres = new Map<string, { name: string; unit: string }>();
    const cadreIds = [...new Set(rows.filter((r) => r.subjectType === 'cadre').map((r) => r.subjectId))];
    for (let i = 0; i < cadreIds.length; i += 500) {
      const found = await this.db
        .selectFrom('cadres')
        .select(['id', 'name', 'managing_unit_id'])
        .where('id', 'in', cadreIds.slice(i, i + 500))
        .execute();
      for (const r of found) cadres.set(String(r.id), { name: String(r.name), unit: String(r.managing_unit_id) });
    }
    const unitIds = [
      ...rows.flatMap((r) => (r.subjectType === 'unit' ? [r.subjectId, r.handlingUnitId] : [r.handlingUnitId])),
      ...[...cadres.values()].map((c) => c.unit),
    ];
    const units = await this.names([], unitIds);
    const matters = new Map<string, string>();
    const matterIds = [...new Set(rows.map((r) => r.matterId).filter((m): m is string => !!m))];
    for (let i = 0; i < matterIds.length; i += 500) {
      const found = await this.db
        .selectFrom('accountability_matters')
        .select(['id', 'description'])
        .where('id', 'in', matterIds.slice(i, i + 500))
        .execute();
      for (const r of found) matters.set(String(r.id), String(r.description ?? ''));
    }
    const unitName = (id: string | undefined) => (id === undefined ? '' : (units.get(`units:${id}`) ?? ''));
    const out = new Map<
      string,
      { subjectName: string; subjectUnitName: string; handlingUnitName: string; matterName: string }
    >();
    for (const r of rows) {
      const cadre = r.subjectType === 'cadre' ? cadres.get(r.subjectId) : undefined;
      out.set(r.id, {
        subjectName: r.subjectType === 'cadre' ? (cadre?.name ?? '') : unitName(r.subjectId),
        subjectUnitName: unitName(r.subjectType === 'cadre' ? cadre?.unit : r.subjectId),
        handlingUnitName: unitName(r.handlingUnitId),
        matterName: r.matterId ? (matters.get(r.matterId) ?? '') : '',
      });
    }
    return out;
  }

  async names(cadreIds: readonly string[], unitIds: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const [table, ids] of [
      ['cadres', [...new Set(cadreIds)]],
      ['units', [...new Set(unitIds)]],
    ] as const)
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await this.db
          .selectFrom(table)
          .select(['id', 'name'])
          .where('id', 'in', ids.slice(i, i + 500))
          .execute();
        for (const r of rows) out.set(`${table}:${String(r.id)}`, String(r.name));
      }
    return out;
  }

  /** Replaces who may act on the case now, and the case's rows of 待办 (in the step's transaction: the case as it now stands). */
  async setOpenActors(caseId: string, rows: readonly OpenActorRow[]): Promise<void> {
    await this.db.deleteFrom('case_open_actors').where('case_id', '=', caseId).execute();
    if (rows.length)
      await this.db
        .insertInto('case_open_actors')
        .values(
          rows.map((r) => ({ case_id: caseId, role: r.role, reach: r.reach, unit_id: r.unitId, cadre_id: r.cadreId })),
        )
        .execute();
    await writeCaseTodo(this.db, [caseId]);
  }

  async openActors(caseId: string): Promise<OpenActorRow[]> {
    const rows = await this.db
      .selectFrom('case_open_actors')
      .select(['role', 'reach', 'unit_id', 'cadre_id'])
      .where('case_id', '=', caseId)
      .execute();
    return rows.map((r) => ({
      role: r.role as string,
      reach: r.reach as OpenActorRow['reach'],
      unitId: (r.unit_id as string | null) ?? null,
      cadreId: (r.cadre_id as string | null) ?? null,
    }));
  }

  /** Open cases with no open-actor row: recorded before migration 0017 (or with no action open). */
  async openWithoutActors(): Promise<CaseRow[]> {
    const rows = await this.db
      .selectFrom('cases as c')
      .selectAll('c')
      .where('c.closed', '=', bool.write(false, this.dialect))
      .where(sql<boolean>`not exists (select 1 from case_open_actors o where o.case_id = c.id)`)
      .execute();
    return rows.map((r) => CASES.read(r));
  }

  async appendStep(s: Omit<StepRow, 'seq'>): Promise<StepRow> {
    const last = (await this.db
      .selectFrom('case_steps')
      .select((eb) => eb.fn.max('seq').as('m'))
      .where('case_id', '=', s.caseId)
      .executeTakeFirst()) as { m: number | string | null } | undefined;
    const row = { ...s, seq: Number(last?.m ?? 0) + 1 };
    await this.db.insertInto('case_steps').values(STEPS.write(row, this.dialect)).execute();
    return row;
  }

  async steps(caseId: string): Promise<StepRow[]> {
    const rows = await this.db
      .selectFrom('case_steps')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute();
    return rows.map((r) => STEPS.read(r));
  }

  async addParticipant(caseId: string, userId: string, part: string): Promise<void> {
    const exists = await this.db
      .selectFrom('case_participants')
      .select('case_id')
      .where('case_id', '=', caseId)
      .where('user_id', '=', userId)
      .where('part', '=', part)
      .executeTakeFirst();
    if (!exists)
      await this.db.insertInto('case_participants').values({ case_id: caseId, user_id: userId, part }).execute();
  }

  async isParticipant(caseId: string, userId: string): Promise<boolean> {
    const r = await this.db
      .selectFrom('case_participants')
      .select('case_id')
      .where('case_id', '=', caseId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return r !== undefined;
  }

  async addComment(c: CommentRow): Promise<void> {
    const { attachment: a, ...rest } = c;
    const row: CommentColumns = {
      ...rest,
      attachmentName: a?.name ?? null,
      attachmentType: a?.type ?? null,
      attachmentSize: a?.size ?? null,
      attachmentSha256: a?.sha256 ?? null,
    };
    await this.db.insertInto('case_comments').values(COMMENTS.write(row, this.dialect)).execute();
  }

  async comments(caseId: string): Promise<CommentRow[]> {
    const rows = await this.db
      .selectFrom('case_comments')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map((r) => {
      const { attachmentName, attachmentType, attachmentSize, attachmentSha256, ...rest } = COMMENTS.read(r);
      return {
        ...rest,
        attachment:
          attachmentName === null
            ? null
            : { name: attachmentName, type: attachmentType!, size: attachmentSize!, sha256: attachmentSha256! },
      };
    });
  }

  async addDeadline(d: DeadlineRow): Promise<void> {
    await this.db.insertInto('case_deadlines').values(DEADLINES.write(d, this.dialect)).execute();
  }

  async setDeadlineStatus(caseId: string, kind: string, from: DeadlineRow['status'], to: DeadlineRow['status']) {
    await this.db
      .updateTable('case_deadlines')
      .set({ status: to })
      .where('case_id', '=', caseId)
      .where('kind', '=', kind)
      .where('status', '=', from)
      .execute();
  }

  /** Deadlines still open (all, or those of one case): what a restarted process re-arms. */
  async openDeadlines(caseId?: string): Promise<DeadlineRow[]> {
    let q = this.db.selectFrom('case_deadlines').selectAll().where('status', '=', 'open');
    if (caseId) q = q.where('case_id', '=', caseId);
    const rows = await q.orderBy('due_on').execute();
    return rows.map((r) => DEADLINES.read(r));
  }

  async deadlines(caseId: string): Promise<DeadlineRow[]> {
    const rows = await this.db.selectFrom('case_deadlines').selectAll().where('case_id', '=', caseId).execute();
    return rows.map((r) => DEADLINES.read(r));
  }

  async putDecision(d: DecisionRow): Promise<void> {
    await this.db.deleteFrom('case_decisions').where('id', '=', d.caseId).execute();
    await this.db.insertInto('case_decisions').values(DECISIONS.write(d, this.dialect)).execute();
  }

  /** Stores an attachment's contents (already encrypted by the caller where it has a key). */
  async addAttachment(a: AttachmentRow, content: string): Promise<void> {
    await this.db
      .insertInto('case_attachments')
      .values({ ...ATTACHMENTS.write(a, this.dialect), content })
      .execute();
  }

  /** A case's attachments, without their contents. */
  async attachments(caseId: string): Promise<AttachmentRow[]> {
    const rows = await this.db
      .selectFrom('case_attachments')
      .select([
        'id',
        'case_id',
        'step_seq',
        'comment_id',
        'name',
        'type',
        'size',
        'sha256',
        'uploaded_at',
        'uploaded_by',
      ])
      .where('case_id', '=', caseId)
      .orderBy('uploaded_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ATTACHMENTS.read(r));
  }

  /** One attachment of the case with its stored contents; undefined if the case holds no such attachment. */
  async attachment(caseId: string, id: string): Promise<(AttachmentRow & { content: string }) | undefined> {
    const r = await this.db
      .selectFrom('case_attachments')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .executeTakeFirst();
    return r ? { ...ATTACHMENTS.read(r), content: r.content as string } : undefined;
  }

  /** How many cases run on each definition version (a new 办法 does not move cases already running). */
  async versionReport(): Promise<{ pack: string; procedure: string; version: string; open: number; closed: number }[]> {
    const rows = await this.db
      .selectFrom('cases')
      .select(['pack', 'procedure', 'definition_version', 'closed'])
      .select((eb) => eb.fn.countAll().as('n'))
      .groupBy(['pack', 'procedure', 'definition_version', 'closed'])
      .execute();
    const out = new Map<string, { pack: string; procedure: string; version: string; open: number; closed: number }>();
    for (const r of rows) {
      const key = `${String(r.pack)}/${String(r.procedure)}/${String(r.definition_version)}`;
      const e = out.get(key) ?? {
        pack: r.pack as string,
        procedure: r.procedure as string,
        version: r.definition_version as string,
        open: 0,
        closed: 0,
      };
      if (bool.read(r.closed)) e.closed += Number(r.n);
      else e.open += Number(r.n);
      out.set(key, e);
    }
    return [...out.values()].sort((a, b) => `${a.pack}${a.version}`.localeCompare(`${b.pack}${b.version}`));
  }
}

/** The case repository on a store or on the transaction a store is bound to. */
export function casesOf(store: RecordStore): CaseRepository {
  if (!(store instanceof KyselyStore)) throw new Error('cases need a Kysely-backed store');
  return new CaseRepository(store.db, store.dialect);
}
