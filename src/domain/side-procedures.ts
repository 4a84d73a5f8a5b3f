// What the texts provide beside a tolerance case, per pack, each with its words and article: 澄清正名, the referral of
// a false accusation (诬告陷害) for 查处, 安徽's 失信“黑名单”, and 焦作's filings made before the work (风险评估备案,
// 特事特办 approval). Packs declare these in src/packs/<id>/procedures/side.ts; a pack without one leaves it null (the
// text does not provide it) and the software then refuses to record it. Pure types and pure checks: no I/O.

export interface SideCitation {
  document: string;
  /** as printed (第十一条（二）, 三（二）, 第12项, 条件) */
  article: string;
  /** the text's own words */
  quote: string;
  /** set where the element is a reading of the text: what was read and why */
  reading?: string;
}

export interface ClarificationProvision {
  /** true where the text gives steps and the case engine runs them (procedure `clarification`) */
  procedure: boolean;
  citation: SideCitation;
}

export interface FalseAccusationProvision {
  /** the conduct the text names, as printed */
  conduct: string;
  /** the body the text names for 查处, or null where it names none */
  body: string | null;
  citation: SideCitation;
}

export interface CreditBlacklistProvision {
  /** who enters the list, as printed */
  enters: string;
  /** what entering it means, as printed */
  effect: string;
  /** the deciding body: no text names one */
  decidedBy: null;
  citation: SideCitation;
}

export const FILING_KINDS = ['reform_risk', 'special_measure'] as const;
export type FilingKind = (typeof FILING_KINDS)[number];
export const FILING_KIND_LABELS: Record<FilingKind, string> = {
  reform_risk: '重大改革创新项目风险评估备案',
  special_measure: '特事特办措施审批',
};

export interface PreEventFilingProvision {
  kind: FilingKind;
  label: string;
  /** the body the filing goes to, as printed */
  filedWith: string;
  citation: SideCitation;
}

export interface SideProvisions {
  pack: string;
  clarification: ClarificationProvision | null;
  falseAccusation: FalseAccusationProvision | null;
  creditBlacklist: CreditBlacklistProvision | null;
  preEventFilings: readonly PreEventFilingProvision[];
}

/** A pre-event filing as recorded (dates YYYY-MM-DD; null = not done). */
export interface PreEventFiling {
  kind: FilingKind;
  /** the day the work (project or measure) was put into effect */
  startedOn: string;
  /** 风险评估和论证 done */
  assessedOn: string | null;
  /** 报上一级全面深化改革领导小组备案 */
  filedOn: string | null;
  /** 经同级人民政府同意 */
  governmentApprovedOn: string | null;
  /** 向上级业务主管部门报告并征得同意 */
  upperApprovedOn: string | null;
}

/**
 * Was the filing made as the text requires, before the work? Reform: assessed and filed, the filing not after the
 * work began (「应事先进行风险评估和论证,报…备案」). Special measure: the government's consent first, then the upper
 * department's, not after the measure was put into effect (「要经同级人民政府同意后,在实施前…征得同意」). A filing on
 * the day the work began counts as made beforehand: dates are recorded by the day, and the text sets no interval.
 */
export function filedInTime(f: PreEventFiling): boolean {
  if (f.kind === 'reform_risk')
    return f.assessedOn !== null && f.filedOn !== null && f.assessedOn <= f.filedOn && f.filedOn <= f.startedOn;
  return (
    f.governmentApprovedOn !== null &&
    f.upperApprovedOn !== null &&
    f.governmentApprovedOn <= f.upperApprovedOn &&
    f.upperApprovedOn <= f.startedOn
  );
}

/**
 * The finding flags (DESIGN §4) the filings a case relies on establish: a reform filing shows the work was a major
 * reform project (majorReform) and whether it was assessed and filed beforehand (riskAssessmentFiled); a
 * special-measure filing shows a 特事特办 measure (specialMeasure) and whether it was approved beforehand
 * (specialMeasureApproved). Several filings of a kind: in time if any one is.
 */
export function filingFlags(filings: readonly PreEventFiling[]): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const f of filings) {
    const ok = filedInTime(f);
    if (f.kind === 'reform_risk') {
      out.majorReform = true;
      out.riskAssessmentFiled = out.riskAssessmentFiled === true || ok;
    } else {
      out.specialMeasure = true;
      out.specialMeasureApproved = out.specialMeasureApproved === true || ok;
    }
  }
  return out;
}
