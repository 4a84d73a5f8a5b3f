// Step builders for the procedure definitions: the shapes several packs' texts share (start on a situation the
// organisation confirmed, the follow-up tasks during an influence period, the period running out, re-use or closing
// after it), so each pack's file states only what its own text says — who acts, under which article, with which
// reading — and the common shape is written once. A builder returns a plain ActionSpec: the definitions stay data.
import type { ActionSpec, ActorSpec, AdjustmentOutcome, ProcedureCitation, ProcedureDef } from '../domain/procedure.js';

/** The citation maker of one document: `at('第十一条')`, or with the reading the project chose for it. */
export function citing(document: string): (article: string, reading?: string) => ProcedureCitation {
  return (article, reading) => (reading ? { document, article, reading } : { document, article });
}

type Periods = NonNullable<ProcedureDef['adjustment']>['periods'];

/**
 * The influence periods of the 调整方式 the way 江苏 第十二条 and 如东 第十一条 word them: 调离岗位、改任非领导职务、
 * 免职 one year without promotion; 引咎辞职、责令辞职 two years not above the original level; 降职 two years without
 * promotion. A pack whose text lists fewer methods keeps only those (`only`).
 */
export function methodPeriods(only?: readonly AdjustmentOutcome[]): Periods {
  const all: Periods = {
    transfer: { years: 1, blocks: 'promotion' },
    non_leading: { years: 1, blocks: 'promotion' },
    removal: { years: 1, blocks: 'promotion' },
    resign_blame: { years: 2, blocks: 'above_level' },
    resign_ordered: { years: 2, blocks: 'above_level' },
    demotion: { years: 2, blocks: 'promotion' },
  };
  if (!only) return all;
  return Object.fromEntries(only.map((m) => [m, all[m]])) as Periods;
}

/** Starting an adjustment case ex officio on a situation the organisation confirmed, naming the alert if any. */
export function openOnSituation(o: {
  label: string;
  to: string;
  actor: ActorSpec;
  situation: { label: string; citation: ProcedureCitation };
  citation: ProcedureCitation;
}): ActionSpec {
  return {
    id: 'open',
    label: o.label,
    from: ['new'],
    to: o.to,
    actor: o.actor,
    start: 'ex_officio',
    inputs: [
      { name: 'alert', label: '所依据的预警', kind: 'reference', required: false },
      { name: 'situation', label: o.situation.label, kind: 'text', required: true, citation: o.situation.citation },
    ],
    citation: o.citation,
  };
}

/** 教育管理、谈心谈话、跟踪了解 during the influence period, as many times as needed. */
export function followUp(actor: ActorSpec, citation: ProcedureCitation): ActionSpec {
  return {
    id: 'follow_up',
    label: '教育管理、谈心谈话、跟踪了解',
    from: ['in_effect'],
    to: 'in_effect',
    actor,
    marks: ['followedUp'],
    inputs: [
      { name: 'task', label: '工作事项（教育管理、谈心谈话、跟踪了解）', kind: 'text', required: true },
      { name: 'notes', label: '情况记录', kind: 'text', required: true },
    ],
    citation,
  };
}

/** The influence period has run out (never before its day: mechanisms/adjustment/cases.ts checks it). */
export function endPeriod(actor: ActorSpec, citation: ProcedureCitation, when?: ActionSpec['when']): ActionSpec {
  return {
    id: 'end_period',
    label: '影响期满',
    from: ['in_effect'],
    to: 'period_over',
    actor,
    ...(when ? { when } : {}),
    citation,
  };
}

/** Re-use after the period: promoted after an inspection finds the cadre fit for the post. */
export function reuse(actor: ActorSpec, citation: ProcedureCitation, when?: ActionSpec['when']): ActionSpec {
  return {
    id: 'reuse',
    label: '经考察符合任职条件，按有关规定程序提拔任职',
    from: ['period_over'],
    to: 'closed',
    actor,
    ...(when ? { when } : {}),
    inputs: [
      {
        name: 'inspection',
        label: '考察情况（德才表现和工作实绩、工作需要、任职条件）',
        kind: 'text',
        required: true,
      },
    ],
    citation,
  };
}

/** Closing the case once the period is over, without re-use. */
export function closeAfterPeriod(actor: ActorSpec, citation: ProcedureCitation): ActionSpec {
  return {
    id: 'close',
    label: '影响期满，办结',
    from: ['period_over'],
    to: 'closed',
    actor,
    citation,
  };
}
