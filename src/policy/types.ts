// The rules-as-code model (DESIGN §3, §4). Knows no jurisdiction: packs build on these types.
import type { CadreFact, DeterminationFact, ToleranceRequestFact, UnitFact } from '../domain/facts.js';
import type { DeterminationKind } from '../domain/vocabulary.js';
import type { FactIndex } from './fact-index.js';
import type { ValueTable } from './value-combining.js';

export type Mechanism = 'incentive' | 'tolerance' | 'adjustment' | 'opinion';
export type RuleKind = 'computable' | 'procedure' | 'principle';

export interface Citation {
  /** Document title as printed, e.g. 陕西省推进省管党政领导干部能上能下办法(试行) */
  document: string;
  /** Article as printed, e.g. 第八条（一） */
  article: string;
  /** The verbatim article text */
  text: string;
}

export interface Finding {
  rule: string;
  subject: string;
  year?: number;
  citation: Citation;
  /** The facts used, one line each, readable by a person (e.g. "u1 2017 target 一般"). */
  because: string[];
  /** What the rule concludes, in Chinese (e.g. 应予调整（预警）). */
  conclusion?: string;
}

export type Value = string | number | boolean | null | string[];

export interface Evaluation {
  pack: string;
  asOf: string;
  findings: Finding[];
  values: Record<string, Record<string, Value>>;
  gaps: string[];
}

export interface FireInput {
  subject: string;
  year?: number;
  because: string[];
  conclusion?: string;
}

export type InfluenceBlock = 'promotion' | 'aboveOriginalLevel';

export interface InfluenceInput {
  subject: string;
  /** What the period blocks: any promotion, or promotion above the level held before the adjustment. */
  blocks: InfluenceBlock;
  /** First date on which this period no longer blocks. */
  until: string;
  because: string[];
}

/** What a rule's code may do while it is evaluated. */
export interface RuleContext {
  readonly asOf: string;
  readonly facts: FactIndex;
  /** The rule being evaluated (id, pack). */
  readonly rule: Rule;
  /**
   * A parameter's value at asOf (overrides applied), of the parameter's declared type; undefined when unset, and then
   * the parameter is reported in gaps. Reading by key is kept for callers that only have the key.
   */
  param<K extends ParamType>(def: ParamDef<K>): ParamTypes[K] | undefined;
  param<T = unknown>(key: string): T | undefined;
  /** Records a finding of the current rule. */
  fire(f: FireInput): void;
  /** Sets a named value of a subject (DESIGN §4 value names). */
  set(subject: string, name: string, value: Value): void;
  /** Records an influence period; the engine derives promotionAllowedFrom / aboveOriginalLevelAllowedFrom (the later end wins). */
  influence(p: InfluenceInput): void;
  /** Reports something the rule could not determine (e.g. "未配置：jiangsu.incentive.bonusByGrade"). */
  gap(message: string): void;
  /** The cadres / units this rule's pack governs in this evaluation (for rules that compare subjects). */
  cadres(): readonly CadreFact[];
  units(): readonly UnitFact[];
  requests(): readonly ToleranceRequestFact[];
  /** The chain of packs governing a subject (cadre, unit, or a request's subject), nearest first; [] if none. */
  chainOf(subject: string): readonly string[];
  /**
   * Determinations on a subject, dated on or before asOf, made under a rule (default: the rule being evaluated) and of
   * a kind that rule reads — matched one way for every pack (src/policy/clauses.ts).
   */
  determinations(subject: string, ruleId?: string): DeterminationFact[];
}

export interface RuleSpec {
  /** `<pack>/<mechanism>/<locator>` */
  id: string;
  kind: RuleKind;
  citation: Citation;
  /** Short Chinese heading for lists (e.g. 年度目标责任考核连续两年一般). */
  title?: string;
  /** Ids of higher packs' rules this rule replaces for the subjects it covers (see `covers`). */
  supersedes?: string[];
  /** Which subjects a superseding rule covers; default: every subject its pack governs. */
  covers?(subject: CadreFact | UnitFact, facts: FactIndex): boolean;
  /** Notes for readers: readings fixed, errata, why a parameter is open. */
  note?: string;
  /** First day in force (YYYY-MM-DD); absent: its pack's `from`. */
  from?: string;
  /** First day no longer in force (the day a replacing text takes effect); absent: its pack's `until`. */
  until?: string;
  /** Computable rules implement one or more of these. Each is called once per subject the pack governs. */
  forCadre?(cadre: CadreFact, ctx: RuleContext): void;
  forUnit?(unit: UnitFact, ctx: RuleContext): void;
  forRequest?(request: ToleranceRequestFact, ctx: RuleContext): void;
  /** For rules that compare subjects (quotas, rankings): called once per evaluation. */
  forAll?(ctx: RuleContext): void;
}

export interface Rule extends RuleSpec {
  pack: string;
  mechanism: Mechanism;
  locator: string;
}

/** What each declared parameter type holds: a rule reading a parameter gets this type, with no cast. */
export interface ParamTypes {
  /** a count, an amount, a number of months or days, a percentage */
  number: number;
  /** how a quota is rounded */
  rounding: 'floor' | 'round' | 'ceil';
  /** how “一年内” is counted */
  incidentWindow: 'rolling12m' | 'calendarYear';
  /** an amount for each grade, e.g. {一: n, 二: n} */
  gradeAmounts: Record<string, number>;
  /** a count for each tier, in order */
  tierCounts: number[];
  /** an amount for each tier, in order */
  tierAmounts: number[];
  /** a share as people write it (0.2, '20%', '3/20'), parsed by the rule that reads it */
  ratio: number | string;
}
export type ParamType = keyof ParamTypes;

export interface ParamValue<T = unknown> {
  /**
   * Effective from (inclusive), YYYY-MM-DD. Absent: in force whenever its pack is — the text that gives the value
   * prints no date (a dated value, once in force, takes precedence).
   */
  from?: string;
  value: T;
  citation?: Citation | string;
}

export interface ParamDef<K extends ParamType = ParamType> {
  /** `<pack>.<mechanism>.<name>` */
  key: string;
  /** The type of the parameter's values (see ParamTypes). */
  type: K;
  description: string;
  /** Dated values; empty when the texts leave the number to local rules (an open parameter). */
  values: ParamValue<ParamTypes[K]>[];
  citation?: string;
}

export interface PackDef {
  id: string;
  /** The pack above this one in the chain (rudong → jiangsu → national). */
  parent?: string;
  title: string;
  /** Documents the pack encodes, as printed. */
  documents: string[];
  /** First day the pack's documents are in force (YYYY-MM-DD); absent: the documents print no date. */
  from?: string;
  /** First day they are no longer in force (the day a replacing text takes effect); absent: still in force. */
  until?: string;
  /** Known errata in the source text and how the pack reads them. */
  errata?: string[];
  rules: Rule[];
  params: ParamDef[];
  /**
   * The rules a determination (组织认定) may be made under, each with the kinds of determination it reads (a general
   * `other` is always accepted). A determination naming any other clause of the pack names nothing.
   */
  determinationClauses?: Record<string, readonly DeterminationKind[]>;
  /**
   * How each value name this pack's rules set combines with another contribution to the same value (by family:
   * `titles` covers `titles:2019`; src/policy/value-combining.ts). Setting an undeclared name is an error.
   */
  values?: ValueTable;
}
