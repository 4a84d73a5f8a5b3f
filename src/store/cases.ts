// The case repository: cases, their step history, participants, comments, deadlines and decisions (migration
// 0016). Every write is given the transaction it belongs to (`casesOf(tx)` inside `store.transaction`), so a step,
// its history row and its effects commit together or not at all. A case is changed only at the version the writer
// read: a stale version changes nothing and raises StaleCaseError (the API's 409).
import { sql, type RawBuilder } from 'kysely';
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

/** The cases a viewer sees (the rule of src/mechanisms/tolerance/actors.ts `sees`, as a condition on `c`). */
function visibleCond(v: CaseViewer): RawBuilder<boolean> {
  if (v.seesNone) return FALSE;
  const parts: RawBuilder<boolean>[] = [];
  if (v.role === 'cadre') {
    if (v.cadreId) parts.push(sql<boolean>`(c.subject_type = 'cadre' and c.subject_id = ${v.cadreId})`);
  } else if (v.officerOf.length) {
    const defs = any(
      v.officerOf.map(
        (d) =>
          sql<boolean>`(c.pack = ${d.pack} and c.procedure = ${d.procedure} and c.definition_version = ${d.version})`,
      ),
    );
    parts.push(v.unitId ? sql<boolean>`(${defs} and ${inSubtree(sql.ref('c.handling_unit_id'), v.unitId)})` : defs);
  }
  // last: the conditions on the case's own columns decide most rows before this lookup is needed
  if (v.userId)
    parts.push(
      sql<boolean>`exists (select 1 from case_participants p where p.case_id = c.id and p.user_id = ${v.userId})`,
    );
  return any(parts);
}

/** A step open to the viewer now (the rule of actors.ts `stands`, over the rows of case_open_actors). */
function todoCond(v: CaseViewer, closedFalse: unknown): RawBuilder<boolean> {
  const reach: RawBuilder<boolean>[] = [];
  if (v.cadreId) reach.push(sql<boolean>`(o.reach = 'cadre' and o.cadre_id = ${v.cadreId})`);
  if (v.unitId) {
    reach.push(sql<boolean>`(o.reach = 'unit' and o.unit_id = ${v.unitId})`);
    reach.push(sql<boolean>`(o.reach = 'subtree' and ${inSubtree(sql.ref('o.unit_id'), v.unitId)})`);
  } else reach.push(sql<boolean>`o.reach = 'subtree'`);
  return sql<boolean>`(c.closed = ${closedFalse} and exists (select 1 from case_open_actors o where o.case_id = c.id and o.role = ${v.role} and ${any(reach)}))`;
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
    return row;
  }

  /** Moves the case on if it is still at `version`; otherwise StaleCaseError and nothing changes. */
  async advance(
    id: string,
    version: number,
    patch: { state: string; context: CaseRow['context']; outcome: string | null; closed: boolean },
  ): Promise<CaseRow> {
    const res = await this.db
      .updateTable('cases')
      .set({ ...CASES.write(patch, this.dialect), version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new StaleCaseError(id);
    return (await this.get(id))!;
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
   * list's order (newest first, then id), with the list's size counted up to COUNT_CAP. Visibility is decided
   * here, in the query, so a page costs its own rows whatever the number of cases in the record.
   */
  async page(viewer: CaseViewer, kind: CaseListKind, f: CaseListFilter, p: CasePageRequest): Promise<CasePage> {
    const where = this.listWhere(viewer, kind, f);
    let q = this.db.selectFrom('cases as c').selectAll('c').where(where);
    if (p.after)
      q = q.where(
        sql<boolean>`(c.opened_on < ${p.after.openedOn} or (c.opened_on = ${p.after.openedOn} and c.id > ${p.after.id}))`,
      );
    q = q
      .orderBy('c.opened_on', 'desc')
      .orderBy('c.id')
      .limit(p.limit + 1);
    if (p.offset) q = q.offset(p.offset);
    const rows = (await q.execute()).map((r) => CASES.read(r));
    const more = rows.length > p.limit;
    const items = rows.slice(0, p.limit);
    const counted = await this.db
      .selectFrom((eb) =>
        eb
          .selectFrom('cases as c')
          .select(sql`1`.as('one'))
          .where(where)
          .limit(COUNT_CAP + 1)
          .as('x'),
      )
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const n = Number(counted?.n ?? 0);
    const last = items[items.length - 1];
    return {
      items,
      total: Math.min(n, COUNT_CAP),
      totalCapped: n > COUNT_CAP,
      next: more && last ? { openedOn: last.openedOn, id: last.id } : null,
    };
  }

  /** Every case of the list, for exports (the register); no page. */
  async all(viewer: CaseViewer, kind: CaseListKind, f: CaseListFilter): Promise<CaseRow[]> {
    const rows = await this.db
      .selectFrom('cases as c')
      .selectAll('c')
      .where(this.listWhere(viewer, kind, f))
      .orderBy('c.opened_on', 'desc')
      .orderBy('c.id')
      .execute();
    return rows.map((r) => CASES.read(r));
  }

  private listWhere(viewer: CaseViewer, kind: CaseListKind, f: CaseListFilter): RawBuilder<boolean> {
    const conds: RawBuilder<boolean>[] = [visibleCond(viewer)];
    if (kind === 'todo') conds.push(todoCond(viewer, bool.write(false, this.dialect)));
    if (kind === 'done') {
      if (!viewer.userId) return FALSE;
      conds.push(
        sql<boolean>`exists (select 1 from case_steps s where s.case_id = c.id and s.actor_user_id = ${viewer.userId})`,
      );
    }
    if (f.pack) conds.push(sql<boolean>`c.pack = ${f.pack}`);
    if (f.procedure) conds.push(sql<boolean>`c.procedure = ${f.procedure}`);
    if (f.cadreId) conds.push(sql<boolean>`c.subject_type = 'cadre' and c.subject_id = ${f.cadreId}`);
    if (f.state) conds.push(sql<boolean>`c.state = ${f.state}`);
    if (f.year !== undefined) conds.push(sql<boolean>`c.year = ${f.year}`);
    if (f.unitId) conds.push(inSubtree(sql.ref('c.handling_unit_id'), f.unitId));
    return sql<boolean>`${sql.join(conds, sql` and `)}`;
  }

  /** Replaces who may act on the case now (in the step's transaction). */
  async setOpenActors(caseId: string, rows: readonly OpenActorRow[]): Promise<void> {
    await this.db.deleteFrom('case_open_actors').where('case_id', '=', caseId).execute();
    if (rows.length)
      await this.db
        .insertInto('case_open_actors')
        .values(
          rows.map((r) => ({ case_id: caseId, role: r.role, reach: r.reach, unit_id: r.unitId, cadre_id: r.cadreId })),
        )
        .execute();
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
