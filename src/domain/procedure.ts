// A procedure as data (DESIGN §5): the states a case passes through, the actions that move it, who may take each
// action, what each needs and produces, each element with the article it comes from. Packs declare these in
// src/packs/<id>/procedures/; the generic engine (src/workflow/) runs them. Pure types: no behaviour here.

/** The record roles (DESIGN §1) that may take part in a procedure. */
export type ProcedureRole =
  'org_officer' | 'discipline_officer' | 'accountability_officer' | 'committee_member' | 'unit_liaison' | 'cadre';

/**
 * The kinds of procedure the engine runs. An open union: a pack may declare a kind the engine has not met before
 * (澄清正名 …); the engine itself is the same for every kind, only the outcomes differ.
 */
export type ProcedureKind = 'tolerance' | 'adjustment' | 'clarification' | (string & {});

/** 免责 / 从轻 / 减轻 / 不予容错: the conclusions of a tolerance case. */
export const TOLERANCE_OUTCOMES = ['exempt', 'lighter', 'mitigated', 'not_tolerated'] as const;
export type ToleranceOutcome = (typeof TOLERANCE_OUTCOMES)[number];
/** The tolerance conclusions (the name the tolerance code has always used). */
export const CASE_OUTCOMES = TOLERANCE_OUTCOMES;

/**
 * The 调整方式 an adjustment case decides (江苏 000-A 第四条, 陕西 001-A 第四条, 如东 002-A 第五条). Each pack's
 * procedure lists the ones its text allows (陕西 has no 引咎辞职 / 责令辞职).
 */
export const ADJUSTMENT_OUTCOMES = [
  'transfer',
  'non_leading',
  'removal',
  'resign_blame',
  'resign_ordered',
  'demotion',
] as const;
export type AdjustmentOutcome = (typeof ADJUSTMENT_OUTCOMES)[number];

/** Every conclusion a case of any kind records; a definition says which of them its steps may reach. */
export type CaseOutcome = ToleranceOutcome | AdjustmentOutcome;
export const ALL_CASE_OUTCOMES: readonly CaseOutcome[] = [...TOLERANCE_OUTCOMES, ...ADJUSTMENT_OUTCOMES];

export const CASE_OUTCOME_LABELS: Record<CaseOutcome, string> = {
  exempt: '免责',
  lighter: '从轻处理',
  mitigated: '减轻处理',
  not_tolerated: '不予容错',
  transfer: '调离岗位',
  non_leading: '改任非领导职务',
  removal: '免职',
  resign_blame: '引咎辞职',
  resign_ordered: '责令辞职',
  demotion: '降职',
};

/** The outcomes a procedure kind may reach at all (a definition narrows them to what its text allows). */
export const OUTCOMES_BY_KIND: Readonly<Record<string, readonly CaseOutcome[]>> = {
  tolerance: TOLERANCE_OUTCOMES,
  adjustment: ADJUSTMENT_OUTCOMES,
};

export interface ProcedureCitation {
  /** the document as printed */
  document: string;
  /** the article as printed (第八条（二）, 四（一）, 第11项, 程序（四）) */
  article: string;
  /** set when the element is a reading of the text rather than its words: what was read and why */
  reading?: string;
}

/**
 * Where an actor must stand relative to the case:
 * - `handling`: bound to the unit that holds 干部管理权限 over the subject (the handling organ's unit) or one above it;
 * - `upper`: bound to a unit strictly above the handling unit (上级党委, 上级院);
 * - `subject`: the cadre the case concerns, or the liaison of the unit concerned (所在单位 / the subject unit).
 */
export type ActorScope = 'handling' | 'upper' | 'subject';

export interface ActorSpec {
  roles: readonly ProcedureRole[];
  scope: ActorScope;
  /** the body the text names for this step, as printed (相关问责机关或部门, 同级党委（党组）, 院党组 …) */
  body: string;
  /**
   * `subject` steps only: the party under accountability itself takes the step — the cadre in a case about a cadre,
   * the unit (its liaison) in a case about a unit — and not the unit a cadre serves in on the cadre's behalf (陕西
   * 「相关单位或个人受到问责追责时…提出书面申请」; 焦作 「被问责的干部、单位…提出书面申请」). Absent: the cadre or the unit
   * concerned (江苏 「干部个人和所在单位」).
   */
  partyOnly?: boolean;
}

export type InputKind = 'text' | 'date' | 'outcome' | 'reference' | 'names';

export interface InputSpec {
  name: string;
  /** what people see */
  label: string;
  kind: InputKind;
  /** true, or required only when the step's conclusion is one of these outcomes */
  required: boolean | readonly CaseOutcome[];
  /** the citation that makes the input required, where it is */
  citation?: ProcedureCitation;
}

/** A condition on what the case has recorded so far. */
export interface ActionGuard {
  /** only when the case's current conclusion is one of these */
  outcome?: readonly CaseOutcome[];
  /** only when each named mark is set (true) or not set (false) */
  marks?: Readonly<Record<string, boolean>>;
  /** only when, if the conclusion is one of `outcome`, each named mark is as given (publication before closing) */
  marksWhen?: { outcome: readonly CaseOutcome[]; marks: Readonly<Record<string, boolean>> };
}

export interface ActionSpec {
  /** stable action name used by the API and the procedure scenarios (apply, accept, conclude …) */
  id: string;
  label: string;
  /** the states the action is open in; `new` is the state before the case exists (start actions) */
  from: readonly string[];
  to: string;
  actor: ActorSpec;
  inputs?: readonly InputSpec[];
  /** the documents (文书) this step produces, as the texts name them; generated elsewhere from the case */
  produces?: readonly string[];
  /** documents produced only for some conclusions (容错决定 / 不予容错决定) */
  producesFor?: Partial<Record<CaseOutcome, readonly string[]>>;
  when?: ActionGuard;
  /** marks the step sets on the case (heard, published …), read by later guards */
  marks?: readonly string[];
  /** marks the step clears (a review sends the case back: the earlier hearing must be repeated) */
  clears?: readonly string[];
  /** the step records a conclusion: its `outcome` input must be one of these */
  concludes?: readonly CaseOutcome[];
  /** a written reason is required (sending back, declining) */
  reasonRequired?: boolean;
  /** the step starts a case */
  start?: 'ex_officio' | 'application';
  /**
   * what else the step does to the record (PROCEDURES §7.5): a rectification order, accountability reopened, or
   * (adjustment) the decided 调整方式 written to the record as of the decision date
   */
  effect?: 'rectification_order' | 'accountability_reopened' | 'adjustment_record';
  citation: ProcedureCitation;
}

export interface StateSpec {
  label: string;
  final?: boolean;
}

export interface ProcedureDef {
  pack: string;
  procedure: ProcedureKind;
  /** the conclusions this procedure's steps may reach (its pack's 调整方式 for an adjustment); all of the kind when absent */
  outcomes?: readonly CaseOutcome[];
  /** adjustment procedures: what the text says happens once the adjustment is in effect */
  adjustment?: AdjustmentTerms;
  /**
   * The definition's version. A case runs to its end on the version it started under; a new 办法 ships a new
   * version beside the old one.
   */
  version: string;
  title: string;
  /** the documents the procedure is taken from, as printed */
  documents: readonly string[];
  /** who a case may concern */
  subjects: readonly ('cadre' | 'unit')[];
  states: Readonly<Record<string, StateSpec>>;
  actions: readonly ActionSpec[];
}

/** The influence period a 调整方式 carries: no promotion, or no post above the original level, for `years`. */
export interface InfluencePeriod {
  years: number;
  blocks: 'promotion' | 'above_level';
}

export interface AdjustmentTerms {
  /** the influence period of each method the pack allows, with the article */
  periods: Partial<Record<AdjustmentOutcome, InfluencePeriod>>;
  periodsCitation: ProcedureCitation;
  /** 如东: 级别 and 工资待遇 change from the month after the change of post */
  payFromNextMonth?: ProcedureCitation;
}

/** The state a case is in before its start action. */
export const NEW_STATE = 'new';
