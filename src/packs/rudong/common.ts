// Shared readings for the rudong pack (如东县人民检察院): who the texts address, which assessment year a rule judges,
// how a determination names the clause it was made under, and the dates of an alert scan. Pure functions over facts.
import { yearOf } from '../../domain/dates.js';
import type { CadreFact, DeterminationFact, UnitFact } from '../../domain/facts.js';
import type { FactIndex } from '../../policy/fact-index.js';
import type { RuleContext } from '../../policy/types.js';

export const DOC_INCENTIVE = '如东县人民检察院党员干警鼓励激励实施细则';
export const DOC_TOLERANCE = '如东县人民检察院进一步健全容错纠错机制实施细则';
export const DOC_ADJUSTMENT = '如东县人民检察院推进党员干部能上能下实施细则';

export const isCadre = (s: CadreFact | UnitFact): s is CadreFact => 'post' in s;

/** 中层干部: the adjustment rules' 第六条–第八条 name “有关中层干部” and nobody else. */
export const isMidlevel = (s: CadreFact | UnitFact): boolean => isCadre(s) && s.post === 'midlevel';

/**
 * 第九条 names “党支部书记和中层干部”. A 党支部书记 is recorded as `partySecretary` on a post below the 院领导 principal:
 * the principal's party post is 院党组书记 (the 党组 that decides the adjustment, 第十条（3）), not a 党支部 secretary.
 */
export const isBranchSecretaryOrMidlevel = (s: CadreFact | UnitFact): boolean =>
  isCadre(s) && (s.post === 'midlevel' || (s.partySecretary === true && s.post !== 'principal'));

/**
 * The assessment year a rule judges (DESIGN §3): the latest year on record before the evaluation date's year.
 * Undefined when the cadre has no annual assessment before then.
 */
export function latestAssessmentYear(cadre: string, ctx: RuleContext): number | undefined {
  const before = yearOf(ctx.asOf);
  let latest: number | undefined;
  for (const a of ctx.facts.cadreAssessments(cadre))
    if (a.year < before && (latest === undefined || a.year > latest)) latest = a.year;
  return latest;
}

/** The cadre's annual grade of one year (undefined when none is on record). */
export function gradeIn(cadre: string, year: number, facts: FactIndex): string | undefined {
  for (const a of facts.cadreAssessments(cadre)) if (a.year === year && a.grade !== undefined) return a.grade;
  return undefined;
}

/** Length of the run of years with `grade` that ends at `year` (consecutive assessment years, no gap). */
export function gradeRun(cadre: string, year: number, grade: string, facts: FactIndex): number {
  let n = 0;
  while (gradeIn(cadre, year - n, facts) === grade) n++;
  return n;
}

/**
 * Determinations under the clause made on or before the evaluation date. No look-back: the text sets no time limit on
 * an organ's determination, and no pack limits one (docs/READINGS.md, 组织认定的时效); the look-back bounds only the
 * incident windows of 一年内.
 */
export function determinationsUnder(
  subject: string,
  ruleId: string,
  _articles: readonly string[],
  ctx: RuleContext,
): DeterminationFact[] {
  return ctx.determinations(subject, ruleId);
}

export const KIND_LABEL: Record<string, string> = {
  political: '政治表现认定',
  inaction: '不担当不作为认定',
  party_governance: '履行全面从严治党责任和意识形态责任不力认定',
  team_review: '班子分析研判',
  poverty: '脱贫攻坚认定',
  environment: '生态环境认定',
  stability: '社会稳定认定',
  other: '组织认定',
};
