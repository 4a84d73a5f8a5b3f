// A procedure as data (DESIGN §5): the states a case passes through, the actions that move it, who may take each
// action, what each needs and produces, each element with the article it comes from. Packs declare these in
// src/packs/<id>/procedures/; the generic engine (src/workflow/) runs them. Pure types: no behaviour here.

/** The record roles (DESIGN §1) that may take part in a procedure. */
export type ProcedureRole =
  'org_officer' | 'discipline_officer' | 'accountability_officer' | 'committee_member' | 'unit_liaison' | 'cadre';

/** 免责 / 从轻 / 减轻 / 不予容错. */
export const CASE_OUTCOMES = ['exempt', 'lighter', 'mitigated', 'not_tolerated'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
export const CASE_OUTCOME_LABELS: Record<CaseOutcome, string> = {
  exempt: '免责',
  lighter: '从轻处理',
  mitigated: '减轻处理',
  not_tolerated: '不予容错',
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
  /** what else the step does to the record (PROCEDURES §7.5) */
  effect?: 'rectification_order' | 'accountability_reopened';
  citation: ProcedureCitation;
}

export interface StateSpec {
  label: string;
  final?: boolean;
}

export interface ProcedureDef {
  pack: string;
  /** tolerance: 容错纠错; clarification: 澄清正名 (a side procedure following a tolerance case or a matter) */
  procedure: ProcedureKind;
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

/** The procedures the engine runs. */
export type ProcedureKind = 'tolerance' | 'clarification';

/** The state a case is in before its start action. */
export const NEW_STATE = 'new';
