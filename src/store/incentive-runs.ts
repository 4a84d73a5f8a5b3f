// The incentive-run repository (migration 0023): runs, their lists and entries, approvals, grade proposals and the
// step history. Writers pass the transaction they belong to (`incentiveRunsOf(tx)` inside `store.transaction`).
// A closed run is immutable here, not only in the API: every write first checks the run's state and a closed run
// raises ClosedRunError, and a run changes only at the version the writer read (StaleRunError otherwise).
import { sql } from 'kysely';
import type { AnyDb } from './connect.js';
import { subtreeUnits } from './derived.js';
import { KyselyStore } from './kysely-store.js';
import type { RecordStore } from './types.js';

export class ClosedRunError extends Error {
  constructor(readonly runId: string) {
    super(`年度工作已办结，不能再修改 (the run ${runId} is closed and cannot change)`);
  }
}

export class StaleRunError extends Error {
  constructor(readonly runId: string) {
    super(`年度工作已被他人办理，请刷新后重试 (conflict: run ${runId} was changed by someone else)`);
  }
}

export interface RunRow {
  id: string;
  version: number;
  pack: string;
  organiserUnitId: string;
  year: number;
  asOf: string;
  state: string;
  params: Record<string, unknown>;
  publicNoticeDays: number | null;
  gaps: string[];
  ties: string[];
  completeness: {
    unitsMissing: string[];
    cadresMissing: string[];
    unitsWithResults: number;
    cadresWithResults: number;
  };
  quotas: Record<string, string>;
  computedAt: string | null;
  conferredOn: string | null;
  conferredDocumentNo: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface ListRow {
  runId: string;
  key: string;
  seq: number;
  name: string;
  kind: string;
  approver: string | null;
  approverBasis: string;
  publish: string;
  status: string;
  noticeFrom: string | null;
  noticeTo: string | null;
}

export interface EntryRow {
  runId: string;
  listKey: string;
  seq: number;
  subjectType: 'unit' | 'cadre';
  subjectId: string;
  rule: string;
  article: string;
  conclusion: string;
  because: string[];
  value: string | null;
  tie: boolean;
  decision: 'include' | 'exclude' | null;
  decisionReason: string | null;
}

export interface ApprovalRow {
  runId: string;
  listKey: string;
  body: string;
  meeting: string;
  decidedOn: string;
  documentNo: string;
  recordedBy: string | null;
  recordedAt: string;
}

export interface ProposalRow {
  runId: string;
  cadreId: string;
  unitId: string;
  grade: string;
  status: 'proposed' | 'accepted' | 'returned';
  proposedBy: string | null;
  proposedAt: string;
  reviewNote: string | null;
}

/** A cadre of a unit's subtree as the grading workbench reads it: its proposal in the run, its recorded grade. */
export interface GradingRow {
  cadreId: string;
  proposal: ProposalRow | undefined;
  /** the grade the record holds for the run's year (imported or written back); null when none */
  recorded: string | null;
}

/** A pool's size and its cadres counted against the share (see IncentiveRuns.excellentCount). */
export interface PoolCount {
  pool: number;
  excellent: number;
}

export interface RunStepRow {
  runId: string;
  seq: number;
  action: string;
  at: string;
  actorUserId: string | null;
  note: string | null;
}

const json = <T>(v: unknown, fallback: T): T => (typeof v === 'string' ? (JSON.parse(v) as T) : ((v as T) ?? fallback));

/* eslint-disable @typescript-eslint/no-explicit-any */
const runOf = (r: any): RunRow =>
  withLazyCompleteness(
    {
      id: r.id,
      version: Number(r.version),
      pack: r.pack,
      organiserUnitId: r.organiser_unit_id,
      year: Number(r.year),
      asOf: r.as_of,
      state: r.state,
      params: json(r.params, {}),
      publicNoticeDays: r.public_notice_days === null ? null : Number(r.public_notice_days),
      gaps: json(r.gaps, []),
      ties: json(r.ties, []),
      quotas: json(r.quotas, {}),
      computedAt: r.computed_at,
      conferredOn: r.conferred_on,
      conferredDocumentNo: r.conferred_document_no,
      createdBy: r.created_by,
      createdAt: r.created_at,
    } as Omit<RunRow, 'completeness'>,
    r.completeness,
  );

/**
 * The completeness report, parsed when first read. It names every cadre of the region without a result (tens of
 * thousands of ids for a province: about 100 KB of JSON), while the grading workbench reads the run on every request
 * for its state and shares and never looks at it.
 */
function withLazyCompleteness(run: Omit<RunRow, 'completeness'>, raw: unknown): RunRow {
  let value: RunRow['completeness'] | undefined;
  // defined on the row itself: a spread of a getter would parse it at once
  const out = run as RunRow;
  Object.defineProperty(out, 'completeness', {
    enumerable: true,
    configurable: true,
    get: () =>
      (value ??= json(raw, { unitsMissing: [], cadresMissing: [], unitsWithResults: 0, cadresWithResults: 0 })),
    set: (v: RunRow['completeness']) => (value = v),
  });
  return out;
}

const listOf = (r: any): ListRow => ({
  runId: r.run_id,
  key: r.key,
  seq: Number(r.seq),
  name: r.name,
  kind: r.kind,
  approver: r.approver,
  approverBasis: r.approver_basis,
  publish: r.publish,
  status: r.status,
  noticeFrom: r.notice_from,
  noticeTo: r.notice_to,
});
const entryOf = (r: any): EntryRow => ({
  runId: r.run_id,
  listKey: r.list_key,
  seq: Number(r.seq),
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  rule: r.rule,
  article: r.article,
  conclusion: r.conclusion,
  because: json(r.because, []),
  value: r.value,
  tie: Boolean(r.tie),
  decision: r.decision,
  decisionReason: r.decision_reason,
});
const approvalOf = (r: any): ApprovalRow => ({
  runId: r.run_id,
  listKey: r.list_key,
  body: r.body,
  meeting: r.meeting,
  decidedOn: r.decided_on,
  documentNo: r.document_no,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at,
});
const proposalOf = (r: any): ProposalRow => ({
  runId: r.run_id,
  cadreId: r.cadre_id,
  unitId: r.unit_id,
  grade: r.grade,
  status: r.status,
  proposedBy: r.proposed_by,
  proposedAt: r.proposed_at,
  reviewNote: r.review_note,
});
/* eslint-enable @typescript-eslint/no-explicit-any */

export type NewRun = Omit<RunRow, 'version' | 'computedAt' | 'conferredOn' | 'conferredDocumentNo'>;
export type NewEntry = Omit<EntryRow, 'runId' | 'listKey' | 'seq' | 'decision' | 'decisionReason'>;
export type NewList = Omit<ListRow, 'runId' | 'seq' | 'status' | 'noticeFrom' | 'noticeTo'> & { entries: NewEntry[] };

export class IncentiveRuns {
  constructor(
    private readonly db: AnyDb,
    private readonly dialect: 'sqlite' | 'postgres',
  ) {}

  /** SQLite stores booleans as 0/1. */
  private b(v: boolean): boolean | number {
    return this.dialect === 'sqlite' ? (v ? 1 : 0) : v;
  }

  async get(id: string): Promise<RunRow | undefined> {
    const r = await this.db.selectFrom('incentive_runs').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? runOf(r) : undefined;
  }

  async find(organiserUnitId: string, year: number, pack: string): Promise<RunRow | undefined> {
    const r = await this.db
      .selectFrom('incentive_runs')
      .selectAll()
      .where('organiser_unit_id', '=', organiserUnitId)
      .where('year', '=', year)
      .where('pack', '=', pack)
      .executeTakeFirst();
    return r ? runOf(r) : undefined;
  }

  /** Runs of these organiser units (undefined = every run), newest year first. */
  async list(organisers?: readonly string[]): Promise<RunRow[]> {
    let q = this.db.selectFrom('incentive_runs').selectAll();
    if (organisers) {
      if (organisers.length === 0) return [];
      q = q.where('organiser_unit_id', 'in', organisers as string[]);
    }
    const rows = await q.orderBy('year', 'desc').orderBy('id').execute();
    return rows.map(runOf);
  }

  async insert(run: NewRun): Promise<RunRow> {
    await this.db
      .insertInto('incentive_runs')
      .values({
        id: run.id,
        version: 1,
        pack: run.pack,
        organiser_unit_id: run.organiserUnitId,
        year: run.year,
        as_of: run.asOf,
        state: run.state,
        params: JSON.stringify(run.params),
        public_notice_days: run.publicNoticeDays,
        gaps: JSON.stringify(run.gaps),
        ties: JSON.stringify(run.ties),
        completeness: JSON.stringify(run.completeness),
        quotas: JSON.stringify(run.quotas),
        created_by: run.createdBy,
        created_at: run.createdAt,
      })
      .execute();
    return (await this.get(run.id))!;
  }

  /** The run at `version`, open; otherwise StaleRunError or ClosedRunError (and nothing changes). */
  async open(id: string, version?: number): Promise<RunRow> {
    const run = await this.get(id);
    if (!run) throw new StaleRunError(id);
    if (run.state === 'closed') throw new ClosedRunError(id);
    if (version !== undefined && run.version !== version) throw new StaleRunError(id);
    return run;
  }

  /** Changes the run's own columns at the version read, bumping it. */
  async update(
    id: string,
    version: number,
    patch: Partial<
      Pick<
        RunRow,
        | 'state'
        | 'params'
        | 'gaps'
        | 'ties'
        | 'completeness'
        | 'quotas'
        | 'computedAt'
        | 'conferredOn'
        | 'conferredDocumentNo'
      >
    >,
  ): Promise<void> {
    const cur = await this.open(id, version);
    const set: Record<string, unknown> = { version: cur.version + 1 };
    if (patch.state !== undefined) set.state = patch.state;
    if (patch.params !== undefined) set.params = JSON.stringify(patch.params);
    if (patch.gaps !== undefined) set.gaps = JSON.stringify(patch.gaps);
    if (patch.ties !== undefined) set.ties = JSON.stringify(patch.ties);
    if (patch.completeness !== undefined) set.completeness = JSON.stringify(patch.completeness);
    if (patch.quotas !== undefined) set.quotas = JSON.stringify(patch.quotas);
    if (patch.computedAt !== undefined) set.computed_at = patch.computedAt;
    if (patch.conferredOn !== undefined) set.conferred_on = patch.conferredOn;
    if (patch.conferredDocumentNo !== undefined) set.conferred_document_no = patch.conferredDocumentNo;
    const res = await this.db
      .updateTable('incentive_runs')
      .set(set)
      .where('id', '=', id)
      .where('version', '=', version)
      .where('state', '!=', 'closed')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new StaleRunError(id);
  }

  /** Replaces the run's lists and entries (a recomputation). */
  async replaceLists(runId: string, lists: readonly NewList[]): Promise<void> {
    await this.open(runId);
    await this.db.deleteFrom('incentive_entries').where('run_id', '=', runId).execute();
    await this.db.deleteFrom('incentive_lists').where('run_id', '=', runId).execute();
    let seq = 0;
    for (const l of lists) {
      await this.db
        .insertInto('incentive_lists')
        .values({
          run_id: runId,
          key: l.key,
          seq: seq++,
          name: l.name,
          kind: l.kind,
          approver: l.approver,
          approver_basis: l.approverBasis,
          publish: l.publish,
          status: 'computed',
        })
        .execute();
      const rows = l.entries.map((e, i) => ({
        run_id: runId,
        list_key: l.key,
        seq: i,
        subject_type: e.subjectType,
        subject_id: e.subjectId,
        rule: e.rule,
        article: e.article,
        conclusion: e.conclusion,
        because: JSON.stringify(e.because),
        value: e.value,
        tie: this.b(e.tie),
      }));
      // bounded batches: SQLite allows a limited number of bound values per statement
      for (let i = 0; i < rows.length; i += 200)
        await this.db
          .insertInto('incentive_entries')
          .values(rows.slice(i, i + 200))
          .execute();
    }
  }

  async lists(runId: string): Promise<ListRow[]> {
    const rows = await this.db
      .selectFrom('incentive_lists')
      .selectAll()
      .where('run_id', '=', runId)
      .orderBy('seq')
      .execute();
    return rows.map(listOf);
  }

  async entries(runId: string, listKey?: string): Promise<EntryRow[]> {
    let q = this.db.selectFrom('incentive_entries').selectAll().where('run_id', '=', runId);
    if (listKey !== undefined) q = q.where('list_key', '=', listKey);
    const rows = await q.orderBy('list_key').orderBy('seq').execute();
    return rows.map(entryOf);
  }

  async setListStatus(
    runId: string,
    key: string,
    status: string,
    notice?: { from: string; to: string },
  ): Promise<void> {
    await this.open(runId);
    const set: Record<string, unknown> = { status };
    if (notice) Object.assign(set, { notice_from: notice.from, notice_to: notice.to });
    await this.db.updateTable('incentive_lists').set(set).where('run_id', '=', runId).where('key', '=', key).execute();
  }

  async decideTie(
    runId: string,
    listKey: string,
    seq: number,
    decision: 'include' | 'exclude',
    reason: string,
  ): Promise<void> {
    await this.open(runId);
    await this.db
      .updateTable('incentive_entries')
      .set({ decision, decision_reason: reason })
      .where('run_id', '=', runId)
      .where('list_key', '=', listKey)
      .where('seq', '=', seq)
      .execute();
  }

  async approve(a: ApprovalRow): Promise<void> {
    await this.open(a.runId);
    await this.db
      .insertInto('incentive_approvals')
      .values({
        run_id: a.runId,
        list_key: a.listKey,
        body: a.body,
        meeting: a.meeting,
        decided_on: a.decidedOn,
        document_no: a.documentNo,
        recorded_by: a.recordedBy,
        recorded_at: a.recordedAt,
      })
      .execute();
  }

  async approvals(runId: string): Promise<ApprovalRow[]> {
    const rows = await this.db.selectFrom('incentive_approvals').selectAll().where('run_id', '=', runId).execute();
    return rows.map(approvalOf);
  }

  async proposals(runId: string, unitIds?: readonly string[]): Promise<ProposalRow[]> {
    let q = this.db.selectFrom('incentive_grade_proposals').selectAll().where('run_id', '=', runId);
    if (unitIds) {
      if (unitIds.length === 0) return [];
      q = q.where('unit_id', 'in', unitIds as string[]);
    }
    const rows = await q.orderBy('cadre_id').execute();
    return rows.map(proposalOf);
  }

  /** One cadre's proposal in a run, by the primary key (run, cadre). */
  async proposal(runId: string, cadreId: string): Promise<ProposalRow | undefined> {
    const r = await this.db
      .selectFrom('incentive_grade_proposals')
      .selectAll()
      .where('run_id', '=', runId)
      .where('cadre_id', '=', cadreId)
      .executeTakeFirst();
    return r ? proposalOf(r) : undefined;
  }

  /**
   * The cadres managed in the subtree of `root`, in id order, each with its proposal in the run and its recorded
   * grade for `year`. Read from the subtree's cadres (the managing-unit index) with one primary-key lookup each into
   * the proposals and the assessments, so the cost follows the unit, never the number of proposals in the run.
   */
  async gradingRows(runId: string, year: number, root: string): Promise<GradingRow[]> {
    const { rows } = await sql<Record<string, unknown>>`select c.id as cadre_id, a.grade as recorded,
        p.run_id, p.unit_id, p.grade, p.status, p.proposed_by, p.proposed_at, p.review_note
      from cadres c
      left join incentive_grade_proposals p on p.run_id = ${runId} and p.cadre_id = c.id
      left join cadre_assessments a on a.cadre_id = c.id and a.year = ${year}
      where c.managing_unit_id in ${subtreeUnits(root)}
      order by c.id`.execute(this.db);
    return rows.map((r) => ({
      cadreId: String(r.cadre_id),
      proposal: r.run_id === null ? undefined : proposalOf(r),
      recorded: (r.recorded as string | null) ?? null,
    }));
  }

  /**
   * The base of a share and the cadres counted against it, as one aggregate over the subtree of `root`: every
   * cadre managed there, and those whose grade for the year stands as 优秀 — a proposal not returned stands in for
   * the record's grade (accepting it replaces the record's), a cadre without one counts by the record. `except`
   * (the cadre being graded now) is in the pool but not counted: it is the one more.
   */
  async excellentCount(runId: string, year: number, root: string, except?: string): Promise<PoolCount> {
    const notExcept = except === undefined ? sql`1 = 1` : sql`c.id <> ${except}`;
    const { rows } = await sql<{ pool: number | string; excellent: number | string | null }>`select count(*) as pool,
        sum(case when coalesce(p.grade, a.grade) = '优秀' and ${notExcept} then 1 else 0 end) as excellent
      from cadres c
      left join incentive_grade_proposals p on p.run_id = ${runId} and p.cadre_id = c.id and p.status <> 'returned'
      left join cadre_assessments a on a.cadre_id = c.id and a.year = ${year}
      where c.managing_unit_id in ${subtreeUnits(root)}`.execute(this.db);
    const r = rows[0];
    return { pool: Number(r?.pool ?? 0), excellent: Number(r?.excellent ?? 0) };
  }

  /**
   * Holds the run's row until the transaction ends (PostgreSQL: SELECT … FOR UPDATE), so that concurrent grading in
   * one run takes turns: each sees the proposals the one before it committed (the quota stays exact) and numbers its
   * step after them. SQLite runs one write transaction at a time already.
   */
  async lock(runId: string): Promise<void> {
    if (this.dialect === 'postgres')
      await sql`select id from incentive_runs where id = ${runId} for update`.execute(this.db);
  }

  async putProposal(p: ProposalRow): Promise<void> {
    await this.open(p.runId);
    await this.db
      .deleteFrom('incentive_grade_proposals')
      .where('run_id', '=', p.runId)
      .where('cadre_id', '=', p.cadreId)
      .execute();
    await this.db
      .insertInto('incentive_grade_proposals')
      .values({
        run_id: p.runId,
        cadre_id: p.cadreId,
        unit_id: p.unitId,
        grade: p.grade,
        status: p.status,
        proposed_by: p.proposedBy,
        proposed_at: p.proposedAt,
        review_note: p.reviewNote,
      })
      .execute();
  }

  async step(
    runId: string,
    action: string,
    at: string,
    actorUserId: string | null,
    note: string | null,
  ): Promise<void> {
    const last = (await this.db
      .selectFrom('incentive_run_steps')
      .select((eb) => eb.fn.max('seq').as('m'))
      .where('run_id', '=', runId)
      .executeTakeFirst()) as { m: number | string | null } | undefined;
    const seq = last?.m === null || last?.m === undefined ? 0 : Number(last.m) + 1;
    await this.db
      .insertInto('incentive_run_steps')
      .values({ run_id: runId, seq, action, at, actor_user_id: actorUserId, note })
      .execute();
  }

  async steps(runId: string): Promise<RunStepRow[]> {
    const rows = await this.db
      .selectFrom('incentive_run_steps')
      .selectAll()
      .where('run_id', '=', runId)
      .orderBy('seq')
      .execute();
    /* eslint-disable @typescript-eslint/no-explicit-any */
    return rows.map((r: any) => ({
      runId: r.run_id,
      seq: Number(r.seq),
      action: r.action,
      at: r.at,
      actorUserId: r.actor_user_id,
      note: r.note,
    }));
    /* eslint-enable @typescript-eslint/no-explicit-any */
  }
}

export function incentiveRunsOf(store: RecordStore): IncentiveRuns {
  if (!(store instanceof KyselyStore)) throw new Error('incentive runs need a Kysely-backed store');
  return new IncentiveRuns(store.db, store.dialect);
}
