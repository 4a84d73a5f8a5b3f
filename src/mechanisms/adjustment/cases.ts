// Adjustment cases (能上能下): what an adjustment procedure does beyond the generic engine. A case starts from an
// alert the organisation has confirmed (its reference is kept, nothing here depends on the alert list) or ex
// officio. When the adjustment is in effect the decided 调整方式 is written to the record as an adjustment dated the
// decision date — so the packs' influence-period rules, `explain` and the evaluation read it like any other — and
// the influence period becomes a dated item of the case; 如东's pay change from the month after the change of post
// is another. The period cannot be declared over before it is.
import { addYears, chineseDate, isDate, parseDate, formatDate } from '../../domain/dates.js';
import {
  ADJUSTMENT_OUTCOMES,
  CASE_OUTCOME_LABELS,
  type ActionSpec,
  type AdjustmentOutcome,
  type ProcedureDef,
} from '../../domain/procedure.js';
import type { AdjustmentMethod } from '../../domain/vocabulary.js';
import { alertsOf, type AlertRow } from '../../store/alerts.js';
import { casesOf, type CaseRow, type StepRow } from '../../store/cases.js';
import type { RecordStore } from '../../store/types.js';
import { CaseInputError, CaseStepClosedError } from '../tolerance/errors.js';
import { ALERT_STATE_LABELS } from './alerts.js';

/** The 调整方式 of an outcome, as the record's adjustment holds it. */
export const ADJUSTMENT_METHOD_OF: Readonly<Record<AdjustmentOutcome, AdjustmentMethod>> = {
  transfer: '调离岗位',
  non_leading: '改任非领导职务',
  removal: '免职',
  resign_blame: '引咎辞职',
  resign_ordered: '责令辞职',
  demotion: '降职',
};

const isAdjustmentOutcome = (v: unknown): v is AdjustmentOutcome =>
  typeof v === 'string' && (ADJUSTMENT_OUTCOMES as readonly string[]).includes(v);

/** The id of the adjustment a case writes: one per case, so a retried step never writes two. */
export const adjustmentIdOf = (caseId: string): string => `adj-${caseId}`;

/**
 * The reference an adjustment case is started on: the confirmed alert it names, or '' when it is started ex
 * officio without one. Adjustment cases concern cadres only.
 */
export function adjustmentReference(subjectType: 'cadre' | 'unit', inputs: Record<string, unknown>): string {
  if (subjectType !== 'cadre')
    throw new CaseInputError('subject', '能上能下的调整对象是干部', 'adjustment cases concern cadres only');
  const alert = inputs.alert;
  if (alert === undefined || alert === null || alert === '') return '';
  if (typeof alert !== 'string' || alert.length > 64)
    throw new CaseInputError('inputs.alert', '所依据的预警应为预警编号', 'alert must be an alert reference');
  return alert;
}

/** Who opens an adjustment case on an alert, and how their remit is read (the server's data scope). */
export interface AlertOpening {
  /** the alert if it exists and lies in the opener's remit; undefined otherwise (the same answer for both) */
  find: (tx: RecordStore, alertId: string) => Promise<AlertRow | undefined>;
  userId: string | null;
  userName: string | null;
  role: string;
  /** the time written into the alert's history */
  at: string;
}

/**
 * Ties a new adjustment case to the alert it was opened on, inside the case's own transaction: the alert must exist
 * in the opener's remit, concern the case's cadre and have been determined by the organisation (经组织认定); it is
 * then marked 已启动调整程序 with the case. A refusal throws and the transaction — the new case with it — rolls back.
 */
export async function openOnAlert(tx: RecordStore, c: CaseRow, alertId: string, by: AlertOpening): Promise<void> {
  const alert = await by.find(tx, alertId);
  if (!alert)
    throw new CaseInputError(
      'inputs.alert',
      '所依据的预警不存在或不在管理权限内',
      'alert: no such alert in your remit',
    );
  if (alert.subjectType !== 'cadre' || alert.subjectId !== c.subjectId)
    throw new CaseInputError('inputs.alert', '所依据的预警所涉干部与本案不一致', 'alert: it concerns another cadre');
  if (alert.state !== 'confirmed')
    throw new CaseStepClosedError(
      alert.state === 'case_opened'
        ? '该预警已启动调整程序，不能重复启动'
        : `该预警当前为“${ALERT_STATE_LABELS[alert.state]}”，须经组织认定后才能启动调整程序`,
      `alert ${alert.id} is ${alert.state}, not confirmed`,
    );
  await alertsOf(tx).transition(alert.id, alert.version, 'case_opened', { case_id: c.id }, by.at, {
    action: 'open_case',
    fromState: alert.state,
    userId: by.userId,
    userName: by.userName,
    role: by.role,
    reason: null,
  });
}

/** The decision the case stands on: the last step that chose a 调整方式, with its date. */
export function decisionOf(steps: readonly Pick<StepRow, 'inputs' | 'onDate'>[]): {
  outcome: AdjustmentOutcome;
  on: string;
} | null {
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i]!;
    if (isAdjustmentOutcome(s.inputs.outcome)) return { outcome: s.inputs.outcome, on: s.onDate };
  }
  return null;
}

/** The first day of the month after `date` (如东: 级别和工资待遇 change from the next month). */
export function firstOfNextMonth(date: string): string {
  const d = parseDate(date)!;
  return d.m === 12 ? formatDate({ y: d.y + 1, m: 1, d: 1 }) : formatDate({ y: d.y, m: d.m + 1, d: 1 });
}

/** The day the influence period of the case's decision is over (the first day the block no longer holds). */
export function periodEndOf(def: ProcedureDef, decision: { outcome: AdjustmentOutcome; on: string }): string | null {
  const p = def.adjustment?.periods[decision.outcome];
  return p ? addYears(decision.on, p.years) : null;
}

/** Checks an adjustment step before it is taken: an influence period is over only once it is. */
export async function checkAdjustmentStep(
  store: RecordStore,
  def: ProcedureDef,
  c: CaseRow,
  spec: ActionSpec,
  on: string,
): Promise<void> {
  if (spec.id !== 'end_period' || !isDate(on)) return;
  const decision = decisionOf(await casesOf(store).steps(c.id));
  const end = decision ? periodEndOf(def, decision) : null;
  if (end && on < end)
    throw new CaseStepClosedError(
      `影响期至${chineseDate(end)}届满，此前不能办理“${spec.label}”`,
      `the influence period runs until ${end}`,
    );
}

/** What an adjustment step writes besides the case and its history, inside the step's transaction. */
export async function adjustmentEffects(
  tx: RecordStore,
  def: ProcedureDef,
  c: CaseRow,
  spec: ActionSpec,
  step: StepRow,
): Promise<void> {
  const repo = casesOf(tx);
  if (spec.effect === 'adjustment_record') {
    const steps = await repo.steps(c.id);
    const decision = decisionOf(steps);
    if (!decision) throw new Error(`adjustment case ${c.id} is in effect without a decision`);
    const grounds = [...steps].reverse().find((s) => typeof s.inputs.grounds === 'string')?.inputs.grounds;
    const id = adjustmentIdOf(c.id);
    const adjustments = tx.repo('adjustments');
    if (!(await adjustments.get(id)))
      await adjustments.insert({
        id,
        cadreId: c.subjectId,
        date: decision.on,
        method: ADJUSTMENT_METHOD_OF[decision.outcome],
        ruleId: null,
        reason: typeof grounds === 'string' ? grounds : null,
      });
    const end = periodEndOf(def, decision);
    const cite = def.adjustment?.periodsCitation;
    if (end && cite)
      await repo.addDeadline({
        id: `${c.id}:influence_period`,
        caseId: c.id,
        kind: 'influence_period',
        dueOn: end,
        status: 'open',
        setBySeq: step.seq,
        source: `${cite.document} ${cite.article}（${CASE_OUTCOME_LABELS[decision.outcome]}，自${chineseDate(decision.on)}调整决定之日起算）`,
      });
    const pay = def.adjustment?.payFromNextMonth;
    if (pay)
      await repo.addDeadline({
        id: `${c.id}:pay_change`,
        caseId: c.id,
        kind: 'pay_change',
        dueOn: firstOfNextMonth(step.onDate),
        status: 'open',
        setBySeq: step.seq,
        source: `${pay.document} ${pay.article}（从干部调整岗位的次月起调整级别和工资待遇）`,
      });
  }
  if (spec.id === 'pay_change') {
    await repo.setDeadlineStatus(c.id, 'pay_change', 'open', 'met');
    await repo.setDeadlineStatus(c.id, 'pay_change', 'overdue', 'met');
  }
  if (spec.id === 'end_period') {
    await repo.setDeadlineStatus(c.id, 'influence_period', 'open', 'met');
    await repo.setDeadlineStatus(c.id, 'influence_period', 'overdue', 'met');
  }
}
