// Step builders for the procedure definitions: the shapes several packs' texts share, so each pack's file states only
// what its own text says — who acts, under which article, with which reading — and the common shape is written once.
// 能上能下: start on a situation the organisation confirmed, the follow-up tasks during an influence period, the period
// running out, re-use or closing after it. 容错纠错: start during accountability or on the party's application,
// feedback, publishing an exemption, one appeal and its review, closing. A builder returns a plain ActionSpec (a pack
// overrides what its text words differently by the builder's options): the definitions stay data, and a definition
// built here is the same data it was when written out (src/workflow/definitions.test.ts pins each released version).
import {
  TOLERANCE_OUTCOMES,
  type ActionGuard,
  type ActionSpec,
  type ActorSpec,
  type AdjustmentOutcome,
  type CaseOutcome,
  type InputSpec,
  type ProcedureCitation,
  type ProcedureDef,
} from '../domain/procedure.js';

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

// 容错纠错 ----------------------------------------------------------------------------------------------------------

/** The matter under accountability a tolerance case is about. */
const matter = (label: string): InputSpec => ({ name: 'matter', label, kind: 'reference', required: true });

/** Starting a tolerance case ex officio, during accountability, on the matter concerned. */
export function openDuringAccountability(o: {
  label: string;
  to: string;
  actor: ActorSpec;
  citation: ProcedureCitation;
}): ActionSpec {
  return {
    id: 'open',
    label: o.label,
    from: ['new'],
    to: o.to,
    actor: o.actor,
    start: 'ex_officio',
    inputs: [matter('所涉问责事项')],
    citation: o.citation,
  };
}

/**
 * The application of the cadre or unit under accountability: the matter (as the text words it), then what the text
 * asks the application to say (by default an optional 申请理由).
 */
export function applyForTolerance(o: {
  label: string;
  to: string;
  actor: ActorSpec;
  matterLabel?: string;
  inputs?: readonly InputSpec[];
  produces: readonly string[];
  citation: ProcedureCitation;
}): ActionSpec {
  return {
    id: 'apply',
    label: o.label,
    from: ['new'],
    to: o.to,
    actor: o.actor,
    start: 'application',
    inputs: [
      matter(o.matterLabel ?? '所涉问责事项'),
      ...(o.inputs ?? [{ name: 'statement', label: '申请理由', kind: 'text', required: false }]),
    ],
    produces: o.produces,
    citation: o.citation,
  };
}

/** Feedback of the conclusion to the party. */
export function notifyConclusion(o: { label: string; actor: ActorSpec; citation: ProcedureCitation }): ActionSpec {
  return { id: 'notify', label: o.label, from: ['concluded'], to: 'notified', actor: o.actor, citation: o.citation };
}

/** 在一定范围内公开免责结论: once, for an exemption, after the feedback. */
export function publishExemption(actor: ActorSpec, citation: ProcedureCitation): ActionSpec {
  return {
    id: 'publish',
    label: '在一定范围内公开免责结论',
    from: ['notified'],
    to: 'notified',
    actor,
    when: { outcome: ['exempt'], marks: { published: false } },
    marks: ['published'],
    inputs: [{ name: 'scope', label: '公开范围', kind: 'text', required: true }],
    citation,
  };
}

/** How the project reads an appeal no text limits: one round, none after the review. */
export const ONE_APPEAL = '申诉的次数原文未写明；复核（处理）后不再设第二轮申诉';

/**
 * The appeal: once (ONE_APPEAL), with its reasons; `outcome` limits it to the conclusions the text lets be appealed.
 * `cite` is the document's citation maker, so the reading stays the one written here.
 */
export function appealOnce(o: {
  label: string;
  from: string;
  actor: ActorSpec;
  outcome?: readonly CaseOutcome[];
  cite: (article: string, reading?: string) => ProcedureCitation;
  article: string;
}): ActionSpec {
  const when: ActionGuard = o.outcome
    ? { outcome: o.outcome, marks: { appealed: false } }
    : { marks: { appealed: false } };
  return {
    id: 'appeal',
    label: o.label,
    from: [o.from],
    to: 'appealed',
    actor: o.actor,
    when,
    inputs: [{ name: 'statement', label: '申诉理由', kind: 'text', required: true }],
    produces: ['申诉'],
    marks: ['appealed'],
    citation: o.cite(o.article, ONE_APPEAL),
  };
}

/** The review of the appeal: a new conclusion, with whatever the text requires of one (`inputs`, `effect`). */
export function reviewAppeal(o: {
  label: string;
  to: string;
  actor: ActorSpec;
  outcomeLabel: string;
  inputs?: readonly InputSpec[];
  effect?: ActionSpec['effect'];
  citation: ProcedureCitation;
}): ActionSpec {
  return {
    id: 'review_appeal',
    label: o.label,
    from: ['appealed'],
    to: o.to,
    actor: o.actor,
    concludes: TOLERANCE_OUTCOMES,
    ...(o.effect ? { effect: o.effect } : {}),
    inputs: [{ name: 'outcome', label: o.outcomeLabel, kind: 'outcome', required: true }, ...(o.inputs ?? [])],
    citation: o.citation,
  };
}

/** 办结 of a tolerance case: no text states it as a step, so the citation's reading says when the case ends. */
export function closeTolerance(o: {
  from: string;
  actor: ActorSpec;
  when?: ActionGuard;
  citation: ProcedureCitation;
}): ActionSpec {
  return {
    id: 'close',
    label: '办结',
    from: [o.from],
    to: 'closed',
    actor: o.actor,
    ...(o.when ? { when: o.when } : {}),
    citation: o.citation,
  };
}
