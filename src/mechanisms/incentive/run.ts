// The annual incentive run (PROCEDURES §7.3) per organiser unit, rulebook and assessment year:
//   computed (results collected, lists computed) ⇄ recomputed until a list is approved
//   → proposed (ties at a cut-off decided by a person first) → [公示 per list, only when configured]
//   → each list approved by the body the text names → conferred (date, document number)
//   → closed: honours and grades written into the record (so next year's streak rules read them), then immutable.
// The run is one subject with several lists, each with its own approval, not a case about a cadre or a unit: the
// case engine (src/workflow/) models one subject's procedure with one position, so the run keeps its own small
// state machine here (the states above) and an append-only step history in the same shape.
import { randomUUID } from 'node:crypto';
import type { Facts } from '../../domain/facts.js';
import { chinaDate, isDate } from '../../domain/dates.js';
import { INDIVIDUAL_GRADES } from '../../domain/vocabulary.js';
import type { PackRegistry } from '../../policy/engine.js';
import { evaluateIndexed } from '../../policy/engine.js';
import { FactIndex } from '../../policy/fact-index.js';
import { ParamResolver } from '../../policy/params.js';
import type { Evaluation } from '../../policy/types.js';
import { loadSubjectFacts } from '../../store/facts-loader.js';
import {
  incentiveRunsOf,
  type EntryRow,
  type GradingRow,
  type ListRow,
  type PoolCount,
  type ProposalRow,
  type RunRow,
} from '../../store/incentive-runs.js';
import type { KyselyStore } from '../../store/kysely-store.js';
import type { RecordStore } from '../../store/types.js';
import { localParamsFor } from '../params/in-force.js';
import { openParam } from '../params/catalogue.js';
import { computeRun, UNSET } from './compute.js';
import { excellentRefusal, ineligibleForExcellent, meter, type QuotaMeter } from './grading.js';
import { RUN_LISTS, RUN_TABLES, runRules } from './lists.js';
import { sameBody } from '../../packs/approving-bodies.js';

/** Bad input: 400 naming the field. */
export class RunInputError extends Error {
  constructor(
    readonly field: string,
    readonly reason_zh: string,
    readonly reason: string,
  ) {
    super(`${reason_zh} (${reason})`);
  }
}

/** A step the run's state does not allow now: 409. */
export class RunStepError extends Error {
  constructor(
    readonly reason_zh: string,
    readonly reason: string,
  ) {
    super(`${reason_zh} (${reason})`);
  }
}

export const RUN_STATE_LABELS: Record<string, string> = {
  computed: '已计算',
  proposed: '已提出名单',
  approved: '已审批',
  conferred: '已授予/公布',
  closed: '已办结',
};
export const LIST_STATUS_LABELS: Record<string, string> = {
  computed: '已计算',
  proposed: '待审批',
  notice: '公示中',
  approved: '已审批',
  conferred: '已授予/公布',
};

/**
 * A list's state in words. Once conferred (and after closing) it says what was done with that list: 已嘉奖 for a
 * list the text publishes as 嘉奖 (嘉奖、记功, 通报嘉奖), 已授予 for the honours, titles, grades and awards conferred, 已公布
 * for the lists that are published for use (优先提拔, 培训, 优秀等次比例) rather than conferred on anyone.
 */
export function listStatusLabel(l: { status: string; kind: string; publish: string }): string {
  if (l.status !== 'conferred') return LIST_STATUS_LABELS[l.status] ?? l.status;
  if (l.kind === 'commendation' || l.publish.includes('嘉奖')) return '已嘉奖';
  if (l.kind === 'grade' || l.kind === 'title' || l.kind === 'award') return '已授予';
  return '已公布';
}

export interface Actor {
  userId: string | null;
}

export interface CreateRun {
  organiserUnitId: string;
  year: number;
  /** the evaluation date; default 1 March of the following year */
  asOf?: string;
  /** numbers the texts leave to local rules, as the organiser's local documents set them (key → value) */
  params?: Record<string, unknown>;
  /** 公示 days; absent = no 公示 (the texts name none) */
  publicNoticeDays?: number | null;
}

export interface Approval {
  body: string;
  meeting: string;
  date: string;
  documentNo: string;
}

/** The units below a root (inclusive), from the facts' parent links. */
function subtreeOf(facts: Facts, root: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const u of facts.units)
    if (u.parent !== undefined) (children.get(u.parent) ?? children.set(u.parent, []).get(u.parent)!).push(u.id);
  const out = new Set<string>();
  const stack = [root];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

const today = (now: Date) => chinaDate(now);

/**
 * A pool's size and its cadres counted against the share, from the pool's own rows: a proposal not returned stands
 * in for the record's grade (accepting it replaces the record's), a cadre without one counts by the record.
 */
function countOf(rows: readonly GradingRow[]): PoolCount {
  let excellent = 0;
  for (const r of rows) {
    const p = r.proposal && r.proposal.status !== 'returned' ? r.proposal : undefined;
    if ((p ? p.grade : r.recorded) === '优秀') excellent++;
  }
  return { pool: rows.length, excellent };
}

export class IncentiveRunService {
  /** When set, filled with the milliseconds the last computation spent per phase (the benchmark's profile). */
  timings?: Record<string, number>;

  constructor(
    private readonly store: RecordStore,
    private readonly registry: PackRegistry,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private async facts(run: Pick<RunRow, 'organiserUnitId' | 'asOf' | 'year' | 'id' | 'pack'>, store: RecordStore) {
    const { facts } = await loadSubjectFacts(
      store as KyselyStore,
      run.asOf,
      { unit: run.organiserUnitId },
      // the lists' rules read no vote count (test/incentive-run-fast-path.test.ts checks it for every pack)
      { tables: RUN_TABLES[run.pack], scanner: 'worker', votes: false },
    );
    // The grades the organiser accepted from the unit workbenches count as the year's results.
    const accepted = (await incentiveRunsOf(store).proposals(run.id)).filter((p) => p.status === 'accepted');
    if (accepted.length) {
      const by = new Map(accepted.map((p) => [p.cadreId, p.grade]));
      facts.cadreAssessments = facts.cadreAssessments.filter((a) => !(a.year === run.year && by.has(a.cadre)));
      for (const [cadre, grade] of by) facts.cadreAssessments.push({ cadre, year: run.year, grade });
    }
    return facts;
  }

  private evaluate(facts: Facts, run: Pick<RunRow, 'asOf' | 'params' | 'pack'>): Evaluation {
    // Only the rules the run's lists read: the other mechanisms' rules cost time and add nothing to the lists.
    const only = runRules(run.pack);
    return evaluateIndexed(this.registry, new FactIndex(facts), { asOf: run.asOf, params: run.params, only });
  }

  /**
   * Collects and computes, outside any write transaction (a province's evaluation takes seconds and must not hold
   * the database's write lock); the caller stores the result at the version it read.
   */
  private async computeLists(run: Pick<RunRow, 'id' | 'organiserUnitId' | 'asOf' | 'year' | 'params' | 'pack'>) {
    const t = this.timings;
    let mark = performance.now();
    let cpu = process.cpuUsage();
    const lap = (phase: string) => {
      const now = performance.now();
      const used = process.cpuUsage(cpu);
      if (t) {
        t[phase] = Math.round(now - mark);
        t[`${phase}Cpu`] = Math.round((used.user + used.system) / 1000);
      }
      mark = now;
      cpu = process.cpuUsage();
    };
    const facts = await this.facts(run, this.store);
    lap('load');
    const ev = this.evaluate(facts, run);
    lap('evaluate');
    const computed = computeRun(
      ev,
      facts,
      { pack: run.pack, year: run.year, units: subtreeOf(facts, run.organiserUnitId) },
      this.registry.rules,
    );
    lap('lists');
    return computed;
  }

  private async storeComputed(
    tx: RecordStore,
    run: RunRow,
    computed: Awaited<ReturnType<IncentiveRunService['computeLists']>>,
    actor: Actor,
    action: string,
  ): Promise<void> {
    const started = performance.now();
    const repo = incentiveRunsOf(tx);
    await repo.replaceLists(run.id, computed.lists);
    await repo.update(run.id, run.version, {
      state: 'computed',
      params: run.params,
      gaps: computed.gaps,
      ties: computed.ties,
      completeness: computed.completeness,
      quotas: computed.quotas,
      computedAt: this.now().toISOString(),
    });
    await repo.step(run.id, action, this.now().toISOString(), actor.userId, null);
    if (this.timings) this.timings.store = Math.round(performance.now() - started);
  }

  /** The rulebook governing a unit: its own binding or its nearest ancestor's. */
  private async packOf(unitId: string): Promise<string | undefined> {
    const seen = new Set<string>();
    let u = await this.store.repo('units').get(unitId);
    while (u && !seen.has(u.id)) {
      seen.add(u.id);
      if (u.pack) return u.pack;
      u = u.parentId ? await this.store.repo('units').get(u.parentId) : undefined;
    }
    return undefined;
  }

  async create(input: CreateRun, actor: Actor): Promise<RunRow> {
    if (!Number.isInteger(input.year) || input.year < 1990 || input.year > 2100)
      throw new RunInputError('year', '年度应为 1990–2100 之间的整数', 'year must be an integer 1990–2100');
    const asOf = input.asOf ?? `${input.year + 1}-03-01`;
    if (!isDate(asOf)) throw new RunInputError('asOf', '评估日期格式应为 YYYY-MM-DD', 'asOf must be YYYY-MM-DD');
    if (asOf <= `${input.year}-12-31`)
      throw new RunInputError('asOf', '评估日期应在考核年度结束之后', 'asOf must fall after the assessment year');
    const days = input.publicNoticeDays ?? null;
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > 60))
      throw new RunInputError('publicNoticeDays', '公示天数应为 1–60 的整数', 'publicNoticeDays must be 1–60');
    const unit = await this.store.repo('units').get(input.organiserUnitId);
    if (!unit) throw new RunInputError('organiserUnitId', '组织实施单位不存在', 'no such unit');
    const pack = await this.packOf(unit.id);
    if (!pack || !RUN_LISTS[pack])
      throw new RunInputError(
        'organiserUnitId',
        '该单位适用的规则中没有年度鼓励激励名单',
        'the rulebook governing this unit defines no incentive lists',
      );
    const exists = () => new RunStepError('该单位本年度的鼓励激励工作已经开始', 'a run for this unit and year exists');
    if (await incentiveRunsOf(this.store).find(unit.id, input.year, pack)) throw exists();
    const id = randomUUID();
    // the numbers the organiser's jurisdiction set by its 具体办法 (in force on the run date), with what the organiser
    // gives at start taking precedence; unset ones stay gaps
    const params = {
      ...(await localParamsFor((this.store as KyselyStore).db, this.registry, unit.id, asOf)),
      ...(input.params ?? {}),
    };
    const known = new Set([...this.registry.packs.values()].flatMap((p) => p.params.map((d) => d.key)));
    for (const key of Object.keys(params))
      if (!known.has(key)) throw new RunInputError('params', `未知的参数“${key}”`, `unknown parameter ${key}`);
    let computed;
    try {
      computed = await this.computeLists({ id, organiserUnitId: unit.id, asOf, year: input.year, params, pack });
    } catch (err) {
      // a value of the wrong shape for what the rule reads (a number where a table is expected, …)
      if (Object.keys(input.params ?? {}).length > 0 && !(err instanceof RunInputError))
        throw new RunInputError(
          'params',
          '参数值的格式不符合规定',
          `a parameter value has the wrong shape: ${String(err)}`,
        );
      throw err;
    }
    return this.store.transaction(async (tx) => {
      const repo = incentiveRunsOf(tx);
      if (await repo.find(unit.id, input.year, pack)) throw exists();
      const run = await repo.insert({
        id,
        pack,
        organiserUnitId: unit.id,
        year: input.year,
        asOf,
        state: 'computed',
        params,
        publicNoticeDays: days,
        gaps: [],
        ties: [],
        completeness: { unitsMissing: [], cadresMissing: [], unitsWithResults: 0, cadresWithResults: 0 },
        quotas: {},
        createdBy: actor.userId,
        createdAt: this.now().toISOString(),
      });
      await this.storeComputed(tx, run, computed, actor, 'compute');
      return (await repo.get(run.id))!;
    });
  }

  /** Recomputation (a late result, an accepted grade): allowed until a list has been approved. */
  async recompute(id: string, version: number, actor: Actor): Promise<RunRow> {
    const check = async (repo: ReturnType<typeof incentiveRunsOf>) => {
      const run = await repo.open(id, version);
      if (run.state !== 'computed' && run.state !== 'proposed')
        throw new RunStepError('名单已审批，不能重新计算', 'lists approved: the run can no longer be recomputed');
      if ((await repo.approvals(id)).length > 0)
        throw new RunStepError('已有名单经审批，不能重新计算', 'a list is approved: no recomputation');
      return run;
    };
    const run = await check(incentiveRunsOf(this.store));
    // A parameter the jurisdiction set (参数设置) since the run started fills one the run lacked; the values the run
    // started with stay as they were.
    const params = {
      ...(await localParamsFor((this.store as KyselyStore).db, this.registry, run.organiserUnitId, run.asOf)),
      ...run.params,
    };
    const computed = await this.computeLists({ ...run, params });
    return this.store.transaction(async (tx) => {
      const repo = incentiveRunsOf(tx);
      await this.storeComputed(tx, { ...(await check(repo)), params }, computed, actor, 'recompute');
      return (await repo.get(id))!;
    });
  }

  async decideTie(
    id: string,
    version: number,
    listKey: string,
    seq: number,
    decision: 'include' | 'exclude',
    reason: string,
    actor: Actor,
  ): Promise<RunRow> {
    if (!reason.trim()) throw new RunInputError('reason', '请写明决定的理由', 'a reason is required');
    return this.store.transaction(async (tx) => {
      const repo = incentiveRunsOf(tx);
      const run = await repo.open(id, version);
      if (run.state !== 'computed')
        throw new RunStepError('名单已提出，不能再决定并列', 'ties are decided before the lists are proposed');
      const entry = (await repo.entries(id, listKey)).find((e) => e.seq === seq);
      if (!entry || !entry.tie) throw new RunInputError('seq', '该条目不是并列待定的条目', 'not a tied entry');
      await repo.decideTie(id, listKey, seq, decision, reason.trim());
      await repo.update(id, version, this.sharesAfterTie(run, listKey, entry, decision));
      await repo.step(id, 'decide-tie', this.now().toISOString(), actor.userId, `${listKey}#${seq} ${decision}`);
      return (await repo.get(id))!;
    });
  }

  /**
   * A unit tied at a list's cut-off and included by decision stands on the list as a unit above the cut-off does, so
   * it has the share of 优秀 the list gives (陕西 第五条（一）); excluded again, it loses it.
   */
  private sharesAfterTie(
    run: RunRow,
    listKey: string,
    entry: EntryRow,
    decision: 'include' | 'exclude',
  ): { quotas?: Record<string, string> } {
    const def = RUN_LISTS[run.pack]?.find((d) => d.key === listKey)?.share;
    // a share the text prints, or a percentage parameter in force on the run's date (unset: no share, as for the
    // units above the cut-off)
    const pct =
      typeof def === 'object'
        ? new ParamResolver(this.registry, run.asOf, run.params).get(def.percentParam, new Set())
        : undefined;
    const share = typeof def === 'number' ? def : typeof pct === 'number' ? pct / 100 : undefined;
    if (share === undefined || entry.subjectType !== 'unit') return {};
    const quotas = { ...run.quotas };
    if (decision === 'include') quotas[entry.subjectId] = String(share);
    else if (entry.decision === 'include') delete quotas[entry.subjectId];
    else return {};
    return { quotas };
  }

  /**
   * Amounts a list carries that come from a parameter nobody has set, in words (the way 参数设置 shows them): such a
   * list cannot be approved until the parameter is set and the run recomputed.
   */
  private unsetAmounts(run: RunRow, list: ListRow, entries: readonly EntryRow[]): string[] {
    const def = RUN_LISTS[run.pack]?.find((d) => d.key === list.key);
    if (!def?.amountParams || !entries.some((e) => e.listKey === list.key && e.value === UNSET)) return [];
    const unset = def.amountParams.filter((key) =>
      run.gaps.some((g) => g === `未配置：${key}` || g.startsWith(`未配置：${key}（`)),
    );
    return unset.map((key) => openParam(key)?.label ?? this.paramDescription(key));
  }

  /**
   * Refuses an approval while any list of the run has amounts from an unset parameter. The whole run waits, not only
   * that list: setting the parameter takes a recomputation, and a run with an approved list can no longer be
   * recomputed, so approving another list first would leave the amounts unset for good.
   */
  private refuseUnsetAmounts(run: RunRow, lists: readonly ListRow[], entries: readonly EntryRow[]): void {
    for (const l of lists) {
      const unset = this.unsetAmounts(run, l, entries);
      if (!unset.length) continue;
      throw new RunStepError(
        `“${l.name}”的奖金数额未配置，各名单暂不能审批：${unset.map((x) => `“${x}”`).join('、')}尚未设定。` +
          '请组织部门在“参数设置”中按本地具体办法设定，重新计算后再审批',
        `amounts of a list come from ${unset.length} unset parameter(s): set them under 参数设置 and recompute first`,
      );
    }
  }

  private paramDescription(key: string): string {
    for (const p of this.registry.packs.values()) {
      const d = p.params.find((x) => x.key === key);
      if (d) return d.description;
    }
    return '奖金数额';
  }

  async propose(id: string, version: number, actor: Actor): Promise<RunRow> {
    return this.store.transaction(async (tx) => {
      const repo = incentiveRunsOf(tx);
      const run = await repo.open(id, version);
      if (run.state !== 'computed') throw new RunStepError('名单已提出', 'the lists are already proposed');
      const open = (await repo.entries(id)).filter((e) => e.tie && e.decision === null);
      if (open.length)
        throw new RunStepError(
          `有 ${open.length} 个并列于名额分界的条目待决定，决定后方可提出名单`,
          `${open.length} tied entries await a decision`,
        );
      for (const l of await repo.lists(id)) await repo.setListStatus(id, l.key, 'proposed');
      await repo.update(id, version, { state: 'proposed' });
      await repo.step(id, 'propose', this.now().toISOString(), actor.userId, null);
      return (await repo.get(id))!;
    });
  }

  async notice(id: string, listKey: string, from: string, to: string, actor: Actor): Promise<RunRow> {
    if (!isDate(from)) throw new RunInputError('from', '公示开始日期格式应为 YYYY-MM-DD', 'from must be YYYY-MM-DD');
    if (!isDate(to) || to < from)
      throw new RunInputError('to', '公示结束日期应不早于开始日期', 'to must be a date on or after from');
    return this.store.transaction(async (tx) => {
      const repo = incentiveRunsOf(tx);
      const run = await repo.open(id);
      if (run.publicNoticeDays === null)
        throw new RunStepError('本年度工作未设公示环节', 'this run has no public notice step');
      const list = (await repo.lists(id)).find((l) => l.key === listKey);
      if (!list) throw new RunInputError('list', '名单不存在', 'no such list');
      if (list.status !== 'proposed') throw new RunStepError('名单不在待审批状态', 'the list is not proposed');
      const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
      if (days < run.publicNoticeDays)
        throw new RunInputError(
          'to',
          `公示期应不少于 ${run.publicNoticeDays} 天`,
          `notice shorter than ${run.publicNoticeDays} days`,
        );
      await repo.setListStatus(id, listKey, 'notice', { from, to });
      await repo.update(id, run.version, {});
      await repo.step(id, 'notice', this.now().toISOString(), actor.userId, `${listKey} ${from}–${to}`);
      return (await repo.get(id))!;
    });
  }

  async approve(id: string, listKey: string, a: Approval, actor: Actor): Promise<RunRow> {
    for (const [field, v] of [
      ['body', a.body],
      ['meeting', a.meeting],
      ['documentNo', a.documentNo],
    ] as const)
      if (!v.trim()) throw new RunInputError(field, '不能为空', 'required');
    if (!isDate(a.date)) throw new RunInputError('date', '审批日期格式应为 YYYY-MM-DD', 'date must be YYYY-MM-DD');
    return this.store.transaction(async (tx) => {
      const repo = incentiveRunsOf(tx);
      const run = await repo.open(id);
      const lists = await repo.lists(id);
      const list = lists.find((l) => l.key === listKey);
      if (!list) throw new RunInputError('list', '名单不存在', 'no such list');
      if (list.approver && !sameBody(run.pack, list.approver, a.body))
        throw new RunInputError(
          'body',
          `该名单应由${list.approver}审批（${list.approverBasis}），“${a.body.trim()}”无权审批`,
          `the text names another approving body for this list`,
        );
      const ready = run.publicNoticeDays === null ? list.status === 'proposed' : list.status === 'notice';
      if (!ready)
        throw new RunStepError(
          run.publicNoticeDays !== null && list.status === 'proposed' ? '名单须经公示后方可审批' : '名单不在待审批状态',
          'the list is not awaiting approval',
        );
      if (run.publicNoticeDays !== null && list.noticeTo && a.date <= list.noticeTo)
        throw new RunInputError('date', '审批日期应在公示期满之后', 'approval must follow the notice period');
      this.refuseUnsetAmounts(run, lists, await repo.entries(id));
      await repo.approve({
        runId: id,
        listKey,
        body: a.body.trim(),
        meeting: a.meeting.trim(),
        decidedOn: a.date,
        documentNo: a.documentNo.trim(),
        recordedBy: actor.userId,
        recordedAt: this.now().toISOString(),
      });
      await repo.setListStatus(id, listKey, 'approved');
      const all = lists.every((l) => l.key === listKey || l.status === 'approved');
      await repo.update(id, run.version, all ? { state: 'approved' } : {});
      await repo.step(id, 'approve', this.now().toISOString(), actor.userId, `${listKey} ${a.body.trim()}`);
      return (await repo.get(id))!;
    });
  }

  async confer(id: string, version: number, date: string, documentNo: string, actor: Actor): Promise<RunRow> {
    if (!isDate(date)) throw new RunInputError('date', '日期格式应为 YYYY-MM-DD', 'date must be YYYY-MM-DD');
    if (!documentNo.trim()) throw new RunInputError('documentNo', '文号不能为空', 'required');
    return this.store.transaction(async (tx) => {
      const repo = incentiveRunsOf(tx);
      const run = await repo.open(id, version);
      if (run.state !== 'approved')
        throw new RunStepError('各名单审批后方可授予、公布', 'every list must be approved first');
      const latest = (await repo.approvals(id)).reduce((m, x) => (x.decidedOn > m ? x.decidedOn : m), '');
      if (date < latest) throw new RunInputError('date', '授予、公布日期不得早于审批日期', 'date precedes an approval');
      for (const l of await repo.lists(id)) await repo.setListStatus(id, l.key, 'conferred');
      await repo.update(id, version, { state: 'conferred', conferredOn: date, conferredDocumentNo: documentNo.trim() });
      await repo.step(id, 'confer', this.now().toISOString(), actor.userId, documentNo.trim());
      return (await repo.get(id))!;
    });
  }

  /** Closing: the honours and grades of the run go into the record, in the same transaction, and the run freezes. */
  async close(id: string, version: number, actor: Actor): Promise<RunRow> {
    return this.store.transaction(async (tx) => {
      const repo = incentiveRunsOf(tx);
      const run = await repo.open(id, version);
      if (run.state !== 'conferred') throw new RunStepError('授予、公布后方可办结', 'the run must be conferred first');
      await this.writeBack(tx, run, await repo.lists(id), await repo.entries(id), await repo.proposals(id));
      await repo.update(id, version, { state: 'closed' });
      await repo.step(id, 'close', this.now().toISOString(), actor.userId, null);
      return (await repo.get(id))!;
    });
  }

  private async writeBack(
    tx: RecordStore,
    run: RunRow,
    lists: ListRow[],
    entries: EntryRow[],
    proposals: ProposalRow[],
  ): Promise<void> {
    const defs = new Map((RUN_LISTS[run.pack] ?? []).map((d) => [d.key, d]));
    const date = run.conferredOn!;
    for (const l of lists) {
      const def = defs.get(l.key);
      if (!def) continue;
      for (const e of entries) {
        if (e.listKey !== l.key || (e.tie && e.decision !== 'include')) continue;
        if (def.honour) {
          const title =
            def.honour.fromValue && e.value ? (e.value === '嘉奖' ? '嘉奖' : `记${e.value}`) : def.honour.title;
          await tx.repo('honors').insert({
            id: `hon-${run.id.slice(0, 8)}-${l.key}-${e.seq}`,
            subjectType: e.subjectType,
            subjectId: e.subjectId,
            date,
            conferredBy: def.honour.conferredBy,
            title,
            award: def.honour.award ?? null,
          });
        }
        if (def.gradeWrite && e.subjectType === 'unit') {
          const [a] = await tx
            .repo('unitAssessments')
            .list({ where: { unitId: e.subjectId, year: run.year, scheme: def.gradeWrite.scheme }, limit: 1 });
          if (a && a.grade === null)
            await tx.repo('unitAssessments').update(a.id, a.version, { grade: def.gradeWrite.grade });
        }
      }
    }
    for (const p of proposals) {
      if (p.status !== 'accepted') continue;
      const grade = p.grade as (typeof INDIVIDUAL_GRADES)[number];
      const [a] = await tx.repo('cadreAssessments').list({ where: { cadreId: p.cadreId, year: run.year }, limit: 1 });
      if (a) await tx.repo('cadreAssessments').update(a.id, a.version, { grade });
      else
        await tx.repo('cadreAssessments').insert({
          id: `ca-${p.cadreId}-${run.year}`,
          cadreId: p.cadreId,
          year: run.year,
          grade,
          votesExcellent: null,
          votesCompetent: null,
          votesBasic: null,
          votesIncompetent: null,
        });
    }
  }

  // ---- unit grading within quota ----

  /** The unit whose share governs a cadre's grade: the nearest unit up the tree the run gives a share, if any. */
  private async quotaUnit(run: RunRow, unitId: string, tx: RecordStore): Promise<string | undefined> {
    // a run whose rules give no unit a share (江苏) has no quota unit for anyone: no walk up the tree
    if (Object.keys(run.quotas).length === 0) return undefined;
    let id: string | null = unitId;
    const seen = new Set<string>();
    while (id && !seen.has(id)) {
      seen.add(id);
      if (run.quotas[id] !== undefined) return id;
      if (id === run.organiserUnitId) break;
      const u: { parentId: string | null } | undefined = await tx.repo('units').get(id);
      id = u?.parentId ?? null;
    }
    return undefined;
  }

  /** The workbench of a unit: its cadres, their proposals, and the quota meter. */
  async workbench(
    id: string,
    unitId: string,
  ): Promise<{
    run: RunRow;
    quotaUnit: string | null;
    meter: QuotaMeter;
    cadres: string[];
    proposals: ProposalRow[];
    /** cadres of the workbench whose 优秀 for the year is already in the record */
    recordedExcellent: Set<string>;
  }> {
    const store = this.store;
    const repo = incentiveRunsOf(store);
    const run = await repo.get(id);
    if (!run) throw new RunInputError('id', '年度工作不存在', 'no such run');
    const qUnit = await this.quotaUnit(run, unitId, store);
    // the unit's own cadres with their proposals and recorded grades; the pool of the share is the same cadres
    // unless a unit above holds the share, then counted by one aggregate over that unit's subtree
    const rows = await repo.gradingRows(id, run.year, unitId);
    const counts =
      qUnit === undefined || qUnit === unitId ? countOf(rows) : await repo.excellentCount(id, run.year, qUnit);
    return {
      recordedExcellent: new Set(rows.filter((r) => r.recorded === '优秀').map((r) => r.cadreId)),
      run,
      quotaUnit: qUnit ?? null,
      meter: meter({ share: qUnit ? run.quotas[qUnit] : undefined, pool: counts.pool, excellent: counts.excellent }),
      cadres: rows.map((r) => r.cadreId),
      proposals: rows.flatMap((r) => (r.proposal ? [r.proposal] : [])),
    };
  }

  /** A liaison proposes a cadre's grade; over-quota and ineligible 优秀 are refused with the reason. */
  async proposeGrade(id: string, cadreId: string, grade: string, actor: Actor): Promise<ProposalRow> {
    if (!(INDIVIDUAL_GRADES as readonly string[]).includes(grade))
      throw new RunInputError('grade', `等次应为：${INDIVIDUAL_GRADES.join('、')}`, 'unknown grade');
    return this.store.transaction(async (tx) => {
      const repo = incentiveRunsOf(tx);
      await repo.lock(id);
      const run = await repo.open(id);
      if (run.state !== 'computed')
        throw new RunStepError('名单已提出，不能再提出等次', 'grades are proposed before the lists are proposed');
      const cadre = await tx.repo('cadres').get(cadreId);
      if (!cadre) throw new RunInputError('cadreId', '干部不存在', 'no such cadre');
      const existing = await repo.proposal(id, cadreId);
      if (existing?.status === 'accepted')
        throw new RunStepError('该干部的等次已被组织部门确认', 'this grade has been accepted already');
      if (grade === '优秀') {
        // everything on record up to the year's end: a 留党察看 bars 优秀 in the years after it as well
        const yearEnd = `${run.year}-12-31`;
        const upToYear = <T extends { date: string }>(rows: T[]) => rows.filter((r) => r.date <= yearEnd);
        const refusal =
          ineligibleForExcellent({
            year: run.year,
            sanctions: upToYear(await tx.repo('sanctions').list({ where: { cadreId }, limit: 1000 })),
            accountability: upToYear(await tx.repo('accountability').list({ where: { cadreId }, limit: 1000 })),
            adjustments: upToYear(await tx.repo('adjustments').list({ where: { cadreId }, limit: 1000 })),
          }) ?? (await this.quotaRefusal(tx, run, cadre.managingUnitId, cadreId));
        if (refusal) throw new RunInputError(refusal.field, refusal.reason_zh, refusal.reason);
      }
      const row: ProposalRow = {
        runId: id,
        cadreId,
        unitId: cadre.managingUnitId,
        grade,
        status: 'proposed',
        proposedBy: actor.userId,
        proposedAt: this.now().toISOString(),
        reviewNote: null,
      };
      await repo.putProposal(row);
      await repo.step(id, 'propose-grade', this.now().toISOString(), actor.userId, `${cadreId} ${grade}`);
      return row;
    });
  }

  private async quotaRefusal(tx: RecordStore, run: RunRow, unitId: string, cadreId: string) {
    const qUnit = await this.quotaUnit(run, unitId, tx);
    // no share governs the cadre: refused whatever the counts (excellentRefusal says the share is not set)
    if (qUnit === undefined) return excellentRefusal({ share: undefined, pool: 0, excellent: 0 });
    // the cadre being graded now is the one more, not one already counted
    const { pool, excellent } = await incentiveRunsOf(tx).excellentCount(run.id, run.year, qUnit, cadreId);
    return excellentRefusal({ share: run.quotas[qUnit], pool, excellent });
  }

  /** The organiser accepts or returns a proposed grade. */
  async review(
    id: string,
    cadreId: string,
    decision: 'accept' | 'return',
    note: string,
    actor: Actor,
  ): Promise<ProposalRow> {
    return this.store.transaction(async (tx) => {
      const repo = incentiveRunsOf(tx);
      await repo.lock(id);
      const run = await repo.open(id);
      if (run.state !== 'computed')
        throw new RunStepError('名单已提出，不能再审核等次', 'grades are reviewed before the lists are proposed');
      const p = await repo.proposal(id, cadreId);
      if (!p || p.status !== 'proposed') throw new RunStepError('没有待审核的等次', 'no proposed grade to review');
      if (decision === 'return' && !note.trim())
        throw new RunInputError('note', '退回时请写明理由', 'a reason is required to return a grade');
      const row: ProposalRow = {
        ...p,
        status: decision === 'accept' ? 'accepted' : 'returned',
        reviewNote: note.trim() || null,
      };
      await repo.putProposal(row);
      await repo.step(id, `${decision}-grade`, this.now().toISOString(), actor.userId, `${cadreId} ${p.grade}`);
      return row;
    });
  }

  today(): string {
    return today(this.now());
  }
}
