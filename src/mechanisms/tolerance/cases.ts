// Cases under each pack's procedures — 容错纠错 and 能上能下 (the adjustment kind's own effects are in
// mechanisms/adjustment/cases.ts): starting a case, taking a step, what a person may do and see, 待办 and 已办. One code path for the server and `sanxiang test-procedures`. Each step is checked (the action is
// open, the actor is the one the text names, the inputs are there) and then written in one transaction: the case
// moves on at the version the actor read, the step joins the history, and its effects (the decision the rulebooks
// read, a rectification deadline) land with it.
import { randomUUID } from 'node:crypto';
import { isDate, yearOf, addDays } from '../../domain/dates.js';
import {
  ALL_CASE_OUTCOMES,
  CASE_OUTCOME_LABELS,
  NEW_STATE,
  type ActionSpec,
  type CaseOutcome,
  type ProcedureDef,
  type ProcedureKind,
} from '../../domain/procedure.js';
import {
  adjustmentEffects,
  adjustmentReference,
  checkAdjustmentStep,
  openOnAlert,
  type AlertOpening,
} from '../adjustment/cases.js';
import { SANCTION_KINDS } from '../../domain/vocabulary.js';
import {
  casesOf,
  type CaseListFilter,
  type CaseListKind,
  type CasePage,
  type CasePageRequest,
  type CaseRow,
  type StepRow,
} from '../../store/cases.js';
import type { RecordStore } from '../../store/types.js';
import { definitionRegistry, type DefinitionRegistry } from '../../workflow/definitions.js';
import { isFinal, openActions, step } from '../../workflow/engine.js';
import {
  openActorRows,
  sees,
  stands,
  standsOnRows,
  subjectRefusal,
  UnitChains,
  viewerOf,
  type Actor,
  type CaseWhere,
} from './actors.js';
import { CaseForbiddenError, CaseInputError, CaseNotFoundError, CaseStepClosedError } from './errors.js';
import { evaluateCase, recordedFindings, type CaseEvaluation } from './evaluation.js';

/** A local 具体办法's deadline for a state (none of the five texts gives one, so none ships). */
export interface LocalDeadline {
  days: number;
  /** the local document and article that sets it */
  source: string;
}

export interface CaseOptions {
  registry?: DefinitionRegistry;
  /** local settings: deadlines per pack and state */
  deadlines?: Readonly<Record<string, Readonly<Record<string, LocalDeadline>>>>;
  /** the clock for `recorded_at` (tests) */
  now?: () => Date;
}

/** Work done in the same transaction as a step (an audit entry). */
export type AlsoInTransaction = (tx: RecordStore, c: CaseRow, step: StepRow) => Promise<void>;

export interface StepRequest {
  action: string;
  /** the date the step is taken (YYYY-MM-DD) */
  on: string;
  inputs?: Record<string, unknown>;
  reason?: string;
}

export interface StartRequest extends StepRequest {
  subject: { type: 'cadre' | 'unit'; id: string };
  /** the kind of procedure the case runs under (能上能下, 澄清正名 …); 容错纠错 when absent */
  procedure?: ProcedureKind;
  /**
   * Whether the person starting the case may see the accountability matter it names (the server's data scope); a
   * matter they may not see is refused in the same words as one that does not exist, so its existence does not leak.
   * Absent: the caller has no scope of its own (procedure scenarios).
   */
  matterVisible?: (matterId: string) => Promise<boolean>;
  /**
   * An adjustment case named after an alert: how the opener's remit reaches the alert list. The alert is checked
   * (exists in the remit, same cadre, 经组织认定) and marked 已启动调整程序 in the case's transaction. Absent: the
   * caller keeps no alert list (procedure scenarios), and the reference is recorded as given.
   */
  alertOpening?: AlertOpening;
}

/** Extra inputs every step may carry: what the investigation established, put to the pack's evaluation. */
const FINDING_INPUTS = new Set(['situation', 'flags', 'departureReason', 'measure', 'measureOn', 'comment']);

async function packOf(store: RecordStore, chains: UnitChains, unitId: string): Promise<string | undefined> {
  for (const id of await chains.of(unitId)) {
    const u = await store.repo('units').get(id);
    if (u?.pack) return u.pack;
  }
  return undefined;
}

async function whereOf(
  store: RecordStore,
  subject: { type: 'cadre' | 'unit'; id: string },
): Promise<CaseWhere | undefined> {
  if (subject.type === 'cadre') {
    const c = await store.repo('cadres').get(subject.id);
    if (!c) return undefined;
    return { subjectType: 'cadre', subjectId: c.id, handlingUnitId: c.managingUnitId, subjectUnitId: c.managingUnitId };
  }
  const u = await store.repo('units').get(subject.id);
  if (!u) return undefined;
  // 干部管理权限 over a unit's leadership lies with the unit above it
  return { subjectType: 'unit', subjectId: u.id, handlingUnitId: u.parentId ?? u.id, subjectUnitId: u.id };
}

const caseWhere = (c: CaseRow): CaseWhere => ({
  subjectType: c.subjectType,
  subjectId: c.subjectId,
  handlingUnitId: c.handlingUnitId,
  subjectUnitId: c.subjectType === 'unit' ? c.subjectId : c.handlingUnitId,
});

function required(spec: ActionSpec, name: string, outcome: CaseOutcome | undefined): boolean {
  const r = spec.inputs?.find((i) => i.name === name)?.required;
  return r === true || (Array.isArray(r) && outcome !== undefined && r.includes(outcome));
}

/** Checks the inputs against the step's declaration; returns the conclusion, if the step makes one. */
function checkInputs(def: ProcedureDef, spec: ActionSpec, req: StepRequest): CaseOutcome | undefined {
  if (!isDate(req.on)) throw new CaseInputError('on', '日期格式应为 YYYY-MM-DD', 'on must be a YYYY-MM-DD date');
  const inputs = req.inputs ?? {};
  const declared = new Set((spec.inputs ?? []).map((i) => i.name));
  for (const k of Object.keys(inputs))
    if (!declared.has(k) && !FINDING_INPUTS.has(k))
      throw new CaseInputError(`inputs.${k}`, `此步骤不接受该项：${k}`, `${spec.id} takes no input ${k}`);
  let outcome: CaseOutcome | undefined;
  if (spec.concludes) {
    const o = inputs.outcome;
    const label = spec.inputs?.find((i) => i.name === 'outcome')?.label ?? '结论';
    if (typeof o !== 'string' || !(ALL_CASE_OUTCOMES as readonly string[]).includes(o))
      throw new CaseInputError('inputs.outcome', `请选择${label}`, 'outcome is required');
    if (def.outcomes && !def.outcomes.includes(o as CaseOutcome))
      throw new CaseInputError(
        'inputs.outcome',
        `${def.title}没有“${CASE_OUTCOME_LABELS[o as CaseOutcome]}”这一方式`,
        `${def.pack} ${def.procedure} does not allow ${o}`,
      );
    if (!spec.concludes.includes(o as CaseOutcome))
      throw new CaseInputError(
        'inputs.outcome',
        `此步骤不能作出“${CASE_OUTCOME_LABELS[o as CaseOutcome]}”的结论`,
        `${spec.id} cannot conclude ${o}`,
      );
    outcome = o as CaseOutcome;
  }
  for (const i of spec.inputs ?? []) {
    const v = inputs[i.name];
    const missing = v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
    if (missing) {
      if (required(spec, i.name, outcome))
        throw new CaseInputError(`inputs.${i.name}`, `缺少必填项：${i.label}`, `${i.name} is required`);
      continue;
    }
    if (i.kind === 'date' && !isDate(v))
      throw new CaseInputError(`inputs.${i.name}`, `${i.label}：日期格式应为 YYYY-MM-DD`, `${i.name} must be a date`);
    if ((i.kind === 'text' || i.kind === 'reference') && typeof v !== 'string')
      throw new CaseInputError(`inputs.${i.name}`, `${i.label}：应为文字`, `${i.name} must be a string`);
    if (i.kind === 'names' && !(Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')))
      throw new CaseInputError(`inputs.${i.name}`, `${i.label}：至少填写一项`, `${i.name} must be a list of names`);
  }
  if (inputs.measure !== undefined && !(SANCTION_KINDS as readonly string[]).includes(String(inputs.measure)))
    throw new CaseInputError('inputs.measure', '从轻、减轻后的处分种类不在规定之列', 'measure must be a sanction kind');
  if (inputs.measureOn !== undefined && !isDate(inputs.measureOn))
    throw new CaseInputError('inputs.measureOn', '处分日期格式应为 YYYY-MM-DD', 'measureOn must be a date');
  if (spec.reasonRequired && !(req.reason ?? '').trim())
    throw new CaseInputError('reason', '此步骤须写明理由', `${spec.id} needs a written reason`);
  return outcome;
}

/**
 * The accountability matter (问责事项) a case is started in: it must exist, be visible to the person starting the
 * case, and concern the case's own cadre or unit — a tolerance case only ever answers the matter about its subject.
 */
async function checkMatter(
  store: RecordStore,
  req: StartRequest,
  where: CaseWhere,
  /** the person stands as the party the text lets apply: the matter about that party is theirs to name */
  party: boolean,
): Promise<string> {
  const id = req.inputs?.matter;
  const unknown = () =>
    new CaseInputError(
      'inputs.matter',
      '问责事项不存在或无权查看',
      'matter: no such accountability matter you may see',
    );
  if (typeof id !== 'string' || !id.trim()) throw unknown();
  const m = await store.repo('accountabilityMatters').get(id);
  if (!m) throw unknown();
  const same =
    where.subjectType === 'cadre'
      ? m.subjectCadreId === where.subjectId
      : m.subjectUnitId === where.subjectId && m.subjectCadreId === null;
  // beyond their data scope, an applicant reaches only the matter about the party they stand for
  if (req.matterVisible && !(party && same) && !(await req.matterVisible(id))) throw unknown();
  if (!same)
    throw new CaseInputError(
      'inputs.matter',
      '问责事项所涉干部或单位与本案不一致',
      'matter: the accountability matter concerns another cadre or unit',
    );
  return m.id;
}

/** Does the conclusion depart from the pack's evaluation (tolerate what it found ineligible, or the reverse)? */
function departs(outcome: CaseOutcome, ev: CaseEvaluation): boolean {
  if (ev.verdict === 'ineligible') return outcome !== 'not_tolerated';
  if (ev.verdict === 'eligible') return outcome === 'not_tolerated';
  return false;
}

export class ToleranceCases {
  private readonly registry: DefinitionRegistry;
  private readonly now: () => Date;

  constructor(
    private readonly store: RecordStore,
    private readonly opts: CaseOptions = {},
  ) {
    this.registry = opts.registry ?? definitionRegistry();
    this.now = opts.now ?? (() => new Date());
  }

  definitionOf(c: Pick<CaseRow, 'pack' | 'procedure' | 'definitionVersion'>): ProcedureDef {
    const def = this.registry.get(c.pack, c.procedure, c.definitionVersion);
    if (!def) throw new Error(`missing procedure definition ${c.pack}/${c.procedure}@${c.definitionVersion}`);
    return def;
  }

  /**
   * Starts a case ex officio or on application; returns it after its first step. `also` runs inside the step's
   * transaction (the server's audit entry), so it commits with the step or not at all.
   */
  async start(actor: Actor, req: StartRequest, also?: AlsoInTransaction): Promise<CaseRow> {
    const chains = new UnitChains(this.store);
    const where = await whereOf(this.store, req.subject);
    if (!where) throw new CaseInputError('subject', '所涉干部或单位不存在', 'no such subject');
    const kind = req.procedure ?? 'tolerance';
    const pack = await packOf(this.store, chains, where.subjectUnitId);
    const def = pack ? this.registry.current(pack, kind) : undefined;
    if (!def)
      throw new CaseInputError(
        'subject',
        kind === 'tolerance'
          ? '所涉干部或单位所在地区没有容错纠错程序'
          : kind === 'adjustment'
            ? '所涉干部所在地区没有能上能下的调整程序'
            : kind === 'clarification'
              ? '所涉干部或单位所在地区的规定没有澄清正名程序'
              : '所涉干部或单位所在地区没有此项程序',
        `no ${kind} procedure for the subject`,
      );
    if (!def.subjects.includes(req.subject.type))
      throw new CaseInputError(
        'subject',
        kind === 'tolerance' ? '本地规定的容错对象不包括单位' : '此项程序的对象是干部',
        `${def.pack} ${kind} cases concern cadres only`,
      );
    const spec = def.actions.find((a) => a.id === req.action && a.from.includes(NEW_STATE));
    if (!spec)
      throw new CaseStepClosedError(
        '该操作不能启动此类案件',
        `${req.action} does not start a ${def.pack} ${kind} case`,
      );
    const outcome = checkInputs(def, spec, req);
    if (!(await stands(chains, actor, spec.actor, where))) {
      const why = subjectRefusal(actor, spec.actor, where, `《${spec.citation.document}》${spec.citation.article}`);
      throw why
        ? new CaseForbiddenError(why.reason_zh, why.reason)
        : new CaseForbiddenError(`此步骤应由${spec.actor.body}办理`, `${spec.id} is for ${spec.actor.body}`);
    }
    // a tolerance case (and a side case such as 澄清正名) answers an accountability matter; an adjustment case keeps
    // the alert it was started on
    const matterId =
      kind === 'adjustment'
        ? adjustmentReference(where.subjectType, req.inputs ?? {})
        : await checkMatter(this.store, req, where, spec.actor.scope === 'subject');
    const next = step(def, { state: NEW_STATE, context: { outcome: null, marks: {} } }, spec.id, outcome)!;
    const id = randomUUID();
    return this.store.transaction(async (tx) => {
      const repo = casesOf(tx);
      const row = await repo.insert({
        id,
        pack: def.pack,
        procedure: def.procedure,
        definitionVersion: def.version,
        state: next.state,
        context: next.context,
        subjectType: where.subjectType,
        subjectId: where.subjectId,
        handlingUnitId: where.handlingUnitId,
        matterId,
        outcome: null,
        openedOn: req.on,
        year: yearOf(req.on),
        closed: isFinal(def, next.state),
        startedBy: actor.userId ?? null,
      });
      if (kind === 'adjustment' && matterId !== '' && req.alertOpening)
        await openOnAlert(tx, row, matterId, req.alertOpening);
      const s = await this.record(tx, repo, def, row, spec, actor, req, null, NEW_STATE);
      await repo.setOpenActors(row.id, await this.openActorsOf(def, row));
      await also?.(tx, row, s);
      return row;
    });
  }

  /**
   * The step by which `actor` may apply for tolerance about `subject` under the procedure of the subject's
   * jurisdiction (the party the text lets apply), or undefined: what the apply form offers them.
   */
  async applicationFor(
    actor: Actor,
    subject: { type: 'cadre' | 'unit'; id: string },
    chains = new UnitChains(this.store),
  ): Promise<{ def: ProcedureDef; spec: ActionSpec } | undefined> {
    const where = await whereOf(this.store, subject);
    if (!where) return undefined;
    const pack = await packOf(this.store, chains, where.subjectUnitId);
    const def = pack ? this.registry.current(pack, 'tolerance') : undefined;
    if (!def || !def.subjects.includes(subject.type)) return undefined;
    for (const spec of def.actions)
      if (spec.start === 'application' && (await stands(chains, actor, spec.actor, where))) return { def, spec };
    return undefined;
  }

  /** Takes one step on a case at `version`; returns the case after it. `also`: as for start. */
  async act(
    actor: Actor,
    caseId: string,
    version: number,
    req: StepRequest,
    also?: AlsoInTransaction,
  ): Promise<CaseRow> {
    const chains = new UnitChains(this.store);
    const repo = casesOf(this.store);
    const c = await repo.get(caseId);
    if (!c) throw new CaseNotFoundError(caseId);
    const def = this.definitionOf(c);
    const participant = actor.userId ? await repo.isParticipant(c.id, actor.userId) : false;
    if (!(await sees(chains, actor, def, caseWhere(c), participant))) throw new CaseNotFoundError(caseId);
    const spec = def.actions.find((a) => a.id === req.action);
    if (!spec) throw new CaseInputError('action', `没有此步骤：${req.action}`, `unknown action ${req.action}`);
    const outcome = checkInputs(def, spec, req);
    const pos = { state: c.state, context: c.context as never };
    if (!openActions(def, pos).some((a) => a.id === spec.id))
      throw new CaseStepClosedError(
        `案件当前处于“${def.states[c.state]?.label ?? c.state}”，不能办理“${spec.label}”`,
        `${spec.id} is not open in state ${c.state}`,
      );
    if (!(await stands(chains, actor, spec.actor, caseWhere(c))))
      throw new CaseForbiddenError(`此步骤应由${spec.actor.body}办理`, `${spec.id} is for ${spec.actor.body}`);
    const next = step(def, pos, spec.id, outcome);
    if (!next)
      throw new CaseStepClosedError(`不能办理“${spec.label}”`, `${spec.id} refused by the procedure in ${c.state}`);
    if (def.procedure === 'adjustment') await checkAdjustmentStep(this.store, def, c, spec, req.on);
    // the rules beside the people (tolerance): the evaluation on the findings recorded so far, these inputs included
    const history = await repo.steps(c.id);
    const evaluation =
      def.procedure === 'tolerance'
        ? await evaluateCase(
            this.store,
            chains,
            c,
            recordedFindings([...history, { inputs: req.inputs ?? {} }]),
            req.on,
          )
        : null;
    if (evaluation && outcome && departs(outcome, evaluation) && !String(req.inputs?.departureReason ?? '').trim())
      throw new CaseInputError(
        'inputs.departureReason',
        '结论与规则评估不一致，须写明理由',
        'a conclusion departing from the evaluation needs a written reason',
      );
    return this.store.transaction(async (tx) => {
      const trepo = casesOf(tx);
      const after = await trepo.advance(c.id, version, {
        state: next.state,
        context: next.context,
        outcome: next.context.outcome,
        closed: isFinal(def, next.state),
      });
      const s = await this.record(tx, trepo, def, after, spec, actor, req, evaluation, c.state);
      await trepo.setOpenActors(after.id, await this.openActorsOf(def, after));
      await also?.(tx, after, s);
      return after;
    });
  }

  /** Appends the step and writes its effects, inside the caller's transaction. */
  private async record(
    tx: RecordStore,
    repo: ReturnType<typeof casesOf>,
    def: ProcedureDef,
    c: CaseRow,
    spec: ActionSpec,
    actor: Actor,
    req: StepRequest,
    evaluation: CaseEvaluation | null,
    fromState: string,
  ): Promise<StepRow> {
    const inputs = req.inputs ?? {};
    const outcome = spec.concludes ? (inputs.outcome as CaseOutcome) : undefined;
    const documents = [...(spec.produces ?? []), ...(outcome ? (spec.producesFor?.[outcome] ?? []) : [])];
    const s = await repo.appendStep({
      caseId: c.id,
      onDate: req.on,
      recordedAt: this.now().toISOString(),
      action: spec.id,
      fromState,
      toState: c.state,
      actorUserId: actor.userId ?? null,
      actorRole: actor.role,
      actorUnitId: actor.unitId ?? null,
      actorCadreId: actor.cadreId ?? null,
      inputs,
      reason: req.reason?.trim() || null,
      documents,
      evaluation: evaluation ? { verdict: evaluation.verdict, rules: evaluation.findings.map((f) => f.rule) } : null,
    });
    if (actor.userId) await repo.addParticipant(c.id, actor.userId, spec.start ? 'starter' : 'actor');
    if (def.procedure === 'adjustment') await adjustmentEffects(tx, def, c, spec, s);
    if (outcome && def.procedure === 'tolerance')
      await repo.putDecision({
        caseId: c.id,
        pack: c.pack,
        subjectType: c.subjectType,
        subjectId: c.subjectId,
        matterId: c.matterId,
        decidedOn: req.on,
        outcome,
        body: spec.actor.body,
        article: spec.citation.article,
        measure: typeof inputs.measure === 'string' ? inputs.measure : null,
        measureOn: typeof inputs.measure === 'string' ? String(inputs.measureOn ?? req.on) : null,
      });
    if (spec.effect === 'rectification_order' && outcome === 'exempt') {
      await repo.setDeadlineStatus(c.id, 'rectification', 'open', 'met');
      await repo.addDeadline({
        id: randomUUID(),
        caseId: c.id,
        kind: 'rectification',
        dueOn: String(inputs.rectificationDue),
        status: 'open',
        setBySeq: s.seq,
        source: `${spec.citation.document} ${spec.citation.article}（期限由作出决定的机关确定）`,
      });
    }
    if (spec.id === 'rectified') await repo.setDeadlineStatus(c.id, 'rectification', 'open', 'met');
    if (spec.effect === 'accountability_reopened')
      await repo.setDeadlineStatus(c.id, 'rectification', 'open', 'overdue');
    // deadlines only where a local rule sets one for the state the case now enters
    if (fromState !== c.state) {
      await repo.setDeadlineStatus(c.id, `state:${fromState}`, 'open', 'met');
      const local = this.opts.deadlines?.[def.pack]?.[c.state];
      if (local)
        await repo.addDeadline({
          id: randomUUID(),
          caseId: c.id,
          kind: `state:${c.state}`,
          dueOn: addDays(req.on, local.days),
          status: 'open',
          setBySeq: s.seq,
          source: local.source,
        });
    }
    return s;
  }

  /** Where each role must stand to take an action open on the case now (none once it is closed). */
  private async openActorsOf(def: ProcedureDef, c: CaseRow) {
    if (c.closed) return [];
    const open = openActions(def, { state: c.state, context: c.context as never });
    const parent = (await this.store.repo('units').get(c.handlingUnitId))?.parentId ?? null;
    return openActorRows(open, caseWhere(c), parent);
  }

  /**
   * Gives open cases recorded before the store kept who may act on them their rows (the server runs this when it
   * starts); returns how many it filled.
   */
  async fillOpenActors(): Promise<number> {
    const repo = casesOf(this.store);
    let n = 0;
    for (const c of await repo.openWithoutActors()) {
      const rows = await this.openActorsOf(this.definitionOf(c), c);
      if (rows.length === 0) continue;
      await this.store.transaction(async (tx) => casesOf(tx).setOpenActors(c.id, rows));
      n++;
    }
    return n;
  }

  /**
   * A page of the cases the actor sees: all, 待办 (a step open to them now) or 已办 (they took a step). The same
   * rules as `visible` and `allowed`, answered by the database (see actors.ts `viewerOf`, `openActorRows`).
   */
  async list(actor: Actor, kind: CaseListKind, filter: CaseListFilter, page: CasePageRequest): Promise<CasePage> {
    return casesOf(this.store).page(viewerOf(actor, this.registry.all()), kind, filter, page);
  }

  /** Every case of a list (no page): the register. */
  async listAll(actor: Actor, kind: CaseListKind, filter: CaseListFilter): Promise<CaseRow[]> {
    return casesOf(this.store).all(viewerOf(actor, this.registry.all()), kind, filter);
  }

  /** The actions this actor may take on the case now. */
  async allowed(actor: Actor, c: CaseRow, chains = new UnitChains(this.store)): Promise<ActionSpec[]> {
    const def = this.definitionOf(c);
    const out: ActionSpec[] = [];
    for (const a of openActions(def, { state: c.state, context: c.context as never }))
      if (await stands(chains, actor, a.actor, caseWhere(c))) out.push(a);
    return out;
  }

  /**
   * The actions this actor may take now on each case of a page (of 待办): as `allowed`, from the cases' rows of
   * case_open_actors read in one query.
   */
  async allowedOnPage(actor: Actor, cases: readonly CaseRow[]): Promise<Map<string, ActionSpec[]>> {
    const rows = await casesOf(this.store).openActorsFor(
      viewerOf(actor, this.registry.all()),
      cases.filter((c) => !c.closed).map((c) => c.id),
    );
    const out = new Map<string, ActionSpec[]>();
    for (const c of cases) {
      const mine = rows.get(c.id) ?? [];
      out.set(
        c.id,
        mine.length
          ? openActions(this.definitionOf(c), { state: c.state, context: c.context as never }).filter((a) =>
              standsOnRows(actor, a.actor, c, mine),
            )
          : [],
      );
    }
    return out;
  }

  /** The case if the actor may see it; CaseNotFoundError otherwise (also for a case that does not exist). */
  async visible(actor: Actor, caseId: string): Promise<CaseRow> {
    const repo = casesOf(this.store);
    const c = await repo.get(caseId);
    if (!c) throw new CaseNotFoundError(caseId);
    const participant = actor.userId ? await repo.isParticipant(c.id, actor.userId) : false;
    if (!(await sees(new UnitChains(this.store), actor, this.definitionOf(c), caseWhere(c), participant)))
      throw new CaseNotFoundError(caseId);
    return c;
  }

  /** The evaluation beside the case as it stands (tolerance cases; none for other kinds). */
  async evaluation(c: CaseRow, asOf: string): Promise<CaseEvaluation | null> {
    if (c.procedure !== 'tolerance') return null;
    const steps = await casesOf(this.store).steps(c.id);
    return evaluateCase(this.store, new UnitChains(this.store), c, recordedFindings(steps), asOf);
  }
}
