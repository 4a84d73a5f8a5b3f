// The case repository: cases, their step history, participants, comments, deadlines and decisions (migration
// 0016). Every write is given the transaction it belongs to (`casesOf(tx)` inside `store.transaction`), so a step,
// its history row and its effects commit together or not at all. A case is changed only at the version the writer
// read: a stale version changes nothing and raises StaleCaseError (the API's 409).
import { sql } from 'kysely';
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

export interface CaseFilter {
  pack?: string;
  state?: string;
  handlingUnitIds?: readonly string[];
  year?: number;
  closed?: boolean;
  ids?: readonly string[];
  offset?: number;
  limit?: number;
}

const json = (v: unknown): string => JSON.stringify(v ?? null);
const parse = <T>(v: unknown, dflt: T): T => (typeof v === 'string' ? (JSON.parse(v) as T) : ((v as T) ?? dflt));
const bool = (v: unknown): boolean => v === true || v === 1 || v === '1';

function toCase(r: Record<string, unknown>): CaseRow {
  return {
    id: r.id as string,
    version: Number(r.version),
    pack: r.pack as string,
    procedure: r.procedure as string,
    definitionVersion: r.definition_version as string,
    state: r.state as string,
    context: parse(r.context, { outcome: null, marks: {} }),
    subjectType: r.subject_type as 'cadre' | 'unit',
    subjectId: r.subject_id as string,
    handlingUnitId: r.handling_unit_id as string,
    matterId: r.matter_id as string,
    outcome: (r.outcome as string | null) ?? null,
    openedOn: r.opened_on as string,
    year: Number(r.year),
    closed: bool(r.closed),
    startedBy: (r.started_by as string | null) ?? null,
  };
}

function toStep(r: Record<string, unknown>): StepRow {
  return {
    caseId: r.case_id as string,
    seq: Number(r.seq),
    onDate: r.on_date as string,
    recordedAt: r.recorded_at as string,
    action: r.action as string,
    fromState: r.from_state as string,
    toState: r.to_state as string,
    actorUserId: (r.actor_user_id as string | null) ?? null,
    actorRole: r.actor_role as string,
    actorUnitId: (r.actor_unit_id as string | null) ?? null,
    actorCadreId: (r.actor_cadre_id as string | null) ?? null,
    inputs: parse(r.inputs, {}),
    reason: (r.reason as string | null) ?? null,
    documents: parse(r.documents, []),
    evaluation: parse(r.evaluation, null),
  };
}

export class CaseRepository {
  constructor(
    readonly db: AnyDb,
    private readonly dialect: 'sqlite' | 'postgres',
  ) {}

  private b(v: boolean): boolean | number {
    return this.dialect === 'sqlite' ? (v ? 1 : 0) : v;
  }

  async get(id: string): Promise<CaseRow | undefined> {
    const r = await this.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toCase(r) : undefined;
  }

  async insert(c: Omit<CaseRow, 'version'>): Promise<CaseRow> {
    await this.db
      .insertInto('cases')
      .values({
        id: c.id,
        version: 1,
        pack: c.pack,
        procedure: c.procedure,
        definition_version: c.definitionVersion,
        state: c.state,
        context: json(c.context),
        subject_type: c.subjectType,
        subject_id: c.subjectId,
        handling_unit_id: c.handlingUnitId,
        matter_id: c.matterId,
        outcome: c.outcome,
        opened_on: c.openedOn,
        year: c.year,
        closed: this.b(c.closed),
        started_by: c.startedBy,
      })
      .execute();
    return { ...c, version: 1 };
  }

  /** Moves the case on if it is still at `version`; otherwise StaleCaseError and nothing changes. */
  async advance(
    id: string,
    version: number,
    patch: { state: string; context: CaseRow['context']; outcome: string | null; closed: boolean },
  ): Promise<CaseRow> {
    const res = await this.db
      .updateTable('cases')
      .set({
        state: patch.state,
        context: json(patch.context),
        outcome: patch.outcome,
        closed: this.b(patch.closed),
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new StaleCaseError(id);
    return (await this.get(id))!;
  }

  async list(f: CaseFilter = {}): Promise<CaseRow[]> {
    let q = this.db.selectFrom('cases').selectAll();
    if (f.pack) q = q.where('pack', '=', f.pack);
    if (f.state) q = q.where('state', '=', f.state);
    if (f.year !== undefined) q = q.where('year', '=', f.year);
    if (f.closed !== undefined) q = q.where('closed', '=', this.b(f.closed));
    if (f.handlingUnitIds) {
      if (f.handlingUnitIds.length === 0) return [];
      q = q.where('handling_unit_id', 'in', [...f.handlingUnitIds]);
    }
    if (f.ids) {
      if (f.ids.length === 0) return [];
      q = q.where('id', 'in', [...f.ids]);
    }
    q = q.orderBy('opened_on', 'desc').orderBy('id');
    if (f.limit !== undefined) q = q.limit(f.limit);
    if (f.offset) q = q.offset(f.offset);
    return (await q.execute()).map(toCase);
  }

  async appendStep(s: Omit<StepRow, 'seq'>): Promise<StepRow> {
    const last = (await this.db
      .selectFrom('case_steps')
      .select((eb) => eb.fn.max('seq').as('m'))
      .where('case_id', '=', s.caseId)
      .executeTakeFirst()) as { m: number | string | null } | undefined;
    const seq = Number(last?.m ?? 0) + 1;
    await this.db
      .insertInto('case_steps')
      .values({
        case_id: s.caseId,
        seq,
        on_date: s.onDate,
        recorded_at: s.recordedAt,
        action: s.action,
        from_state: s.fromState,
        to_state: s.toState,
        actor_user_id: s.actorUserId,
        actor_role: s.actorRole,
        actor_unit_id: s.actorUnitId,
        actor_cadre_id: s.actorCadreId,
        inputs: json(s.inputs),
        reason: s.reason,
        documents: json(s.documents),
        evaluation: s.evaluation === null || s.evaluation === undefined ? null : json(s.evaluation),
      })
      .execute();
    return { ...s, seq };
  }

  async steps(caseId: string): Promise<StepRow[]> {
    const rows = await this.db
      .selectFrom('case_steps')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('seq')
      .execute();
    return rows.map(toStep);
  }

  /** The cases in which `userId` took a step (已办). */
  async actedBy(userId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('case_steps')
      .select('case_id')
      .distinct()
      .where('actor_user_id', '=', userId)
      .execute();
    return rows.map((r) => r.case_id as string);
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

  async participantCases(userId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('case_participants')
      .select('case_id')
      .distinct()
      .where('user_id', '=', userId)
      .execute();
    return rows.map((r) => r.case_id as string);
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
    await this.db
      .insertInto('case_comments')
      .values({
        id: c.id,
        case_id: c.caseId,
        at: c.at,
        author_user_id: c.authorUserId,
        author_role: c.authorRole,
        text: c.text,
        attachment_name: c.attachment?.name ?? null,
        attachment_type: c.attachment?.type ?? null,
        attachment_size: c.attachment?.size ?? null,
        attachment_sha256: c.attachment?.sha256 ?? null,
      })
      .execute();
  }

  async comments(caseId: string): Promise<CommentRow[]> {
    const rows = await this.db
      .selectFrom('case_comments')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id as string,
      caseId: r.case_id as string,
      at: r.at as string,
      authorUserId: (r.author_user_id as string | null) ?? null,
      authorRole: r.author_role as string,
      text: r.text as string,
      attachment:
        r.attachment_name === null || r.attachment_name === undefined
          ? null
          : {
              name: r.attachment_name as string,
              type: r.attachment_type as string,
              size: Number(r.attachment_size),
              sha256: r.attachment_sha256 as string,
            },
    }));
  }

  async addDeadline(d: DeadlineRow): Promise<void> {
    await this.db
      .insertInto('case_deadlines')
      .values({
        id: d.id,
        case_id: d.caseId,
        kind: d.kind,
        due_on: d.dueOn,
        status: d.status,
        set_by_seq: d.setBySeq,
        source: d.source,
      })
      .execute();
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
    return rows.map((r) => ({
      id: r.id as string,
      caseId: r.case_id as string,
      kind: r.kind as string,
      dueOn: r.due_on as string,
      status: r.status as DeadlineRow['status'],
      setBySeq: Number(r.set_by_seq),
      source: r.source as string,
    }));
  }

  async deadlines(caseId: string): Promise<DeadlineRow[]> {
    const rows = await this.db.selectFrom('case_deadlines').selectAll().where('case_id', '=', caseId).execute();
    return rows.map((r) => ({
      id: r.id as string,
      caseId: r.case_id as string,
      kind: r.kind as string,
      dueOn: r.due_on as string,
      status: r.status as DeadlineRow['status'],
      setBySeq: Number(r.set_by_seq),
      source: r.source as string,
    }));
  }

  async putDecision(d: DecisionRow): Promise<void> {
    await this.db.deleteFrom('case_decisions').where('id', '=', d.caseId).execute();
    await this.db
      .insertInto('case_decisions')
      .values({
        id: d.caseId,
        pack: d.pack,
        subject_type: d.subjectType,
        subject_id: d.subjectId,
        matter_id: d.matterId,
        decided_on: d.decidedOn,
        outcome: d.outcome,
        body: d.body,
        article: d.article,
        measure: d.measure,
        measure_on: d.measureOn,
      })
      .execute();
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
      if (bool(r.closed)) e.closed += Number(r.n);
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
