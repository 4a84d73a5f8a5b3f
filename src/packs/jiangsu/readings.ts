// Readings shared by the jiangsu rules: which determination names which item, who a rule concerns (党政主要负责人,
// 分管领导, 党委书记), the assessment year a rule judges, and 第一等次 by the 35% quota of 第七条（一）.
import type { CadreFact, DeterminationFact, IncidentFact, UnitAssessmentFact, UnitFact } from '../../domain/facts.js';
import { normalSeverity } from '../../domain/vocabulary.js';
import { pct } from '../../policy/rational.js';
import { quotaPlaces, selectByQuota } from '../../policy/quota.js';
import { incidentsInTerritory, type WindowReading } from '../../policy/readings.js';
import { windowReadingOf } from '../reading-params.js';
import { FIRST_GRADE_SHARE, INCIDENT_WINDOW, LOOKBACK_MONTHS, QUOTA_ROUNDING } from './params.js';
import type { RuleContext } from '../../policy/types.js';

export const DOC_INCENTIVE = '江苏省党政干部鼓励激励办法';
export const DOC_TOLERANCE = '江苏省进一步健全容错纠错机制的办法';
export const DOC_ADJUSTMENT = '江苏省推进党政领导干部能上能下办法';

/**
 * Determinations on `subject` (dated on or before asOf) made under this rule's item (or another item of the pack),
 * matched as every pack matches them (src/policy/clauses.ts): the full rule id, the document with the article, or in
 * the subject's own pack's numbering the bare locator or printed article when only one item of the pack bears it.
 */
export function determinationsNaming(
  ctx: RuleContext,
  subject: string,
  _unitOfSubject: string,
  item: { id: string } = ctx.rule,
): DeterminationFact[] {
  return ctx.determinations(subject, item.id);
}

export const describeDetermination = (d: DeterminationFact) =>
  `${d.subject} ${d.date} 组织认定（${d.kind}）依据 ${d.clause}`;

/** 领导干部: every post but 一般干部. */
export const isLeader = (c: CadreFact) => c.post !== 'staff';

/** 党政主要负责人 of a unit (党委书记 and 政府正职 alike hold post `principal`). */
export const principalsOf = (ctx: RuleContext, unit: string) =>
  ctx.facts.cadresOf(unit).filter((c) => c.post === 'principal');

/** The 领导干部 a unit-level finding concerns: its 主要负责人 and the 班子成员 in charge of the area (分管领导). */
export function responsibleFor(ctx: RuleContext, unit: string, area: string | undefined): CadreFact[] {
  return ctx.facts
    .cadresOf(unit)
    .filter(
      (c) =>
        c.post === 'principal' ||
        (area !== undefined && (c.post === 'deputy' || c.post === 'member') && (c.inCharge ?? []).includes(area)),
    );
}

/** 党委（党组）书记 of a unit. */
export const secretariesOf = (ctx: RuleContext, unit: string) =>
  ctx.facts.cadresOf(unit).filter((c) => c.partySecretary === true);

export { latestYearBefore } from '../../policy/readings.js';

// ---- 第一等次 by quota (鼓励激励办法 第七条（一）) -------------------------------------------------------------

/** The two populations 第七条（一） ranks separately: 设区市, and 省级机关单位. */
export const QUOTA_COHORTS = [
  { kind: 'city', label: '设区市' },
  { kind: 'provincial_dept', label: '省级机关单位' },
] as const;
export type CohortKind = (typeof QUOTA_COHORTS)[number]['kind'];

export interface FirstGradeSelection {
  year: number;
  kind: CohortKind;
  /** How the cohort was ordered: by score, by rank, or (no score/rank on record) by the grades recorded. */
  basis: 'score' | 'rank' | 'grade';
  members: UnitAssessmentFact[];
  /** the share in force (百分数, parameter 第一等次比例) and the places it gives the cohort */
  share: number;
  places: number;
  selected: UnitAssessmentFact[];
  tiedAtCutoff: UnitAssessmentFact[];
}

const selectionCache = new WeakMap<readonly UnitFact[], Map<string, FirstGradeSelection | null>>();

/**
 * 按照35％的比例 … 排序靠前的 → 第一等次, computed per cohort and year from scores (higher first) or ranks (lower first)
 * when every unit of the cohort has one; with neither on record, the grades recorded are taken as decided. A cohort
 * where only some units have a score or rank cannot be ordered: that is reported as a gap and nothing is computed.
 */
export function firstGradeSelection(ctx: RuleContext, year: number, kind: CohortKind): FirstGradeSelection | null {
  const units = ctx.units();
  const rounding = ctx.param(QUOTA_ROUNDING);
  const share = ctx.param(FIRST_GRADE_SHARE);
  // either set to nothing: reported as unset, no places computed
  if (rounding === undefined || share === undefined) return null;
  let cache = selectionCache.get(units);
  if (!cache) selectionCache.set(units, (cache = new Map()));
  const key = `${year}:${kind}:${rounding}:${share}:${ctx.asOf}`;
  if (cache.has(key)) return cache.get(key)!;
  const governed = new Set(units.map((u) => u.id));
  const members = ctx.facts
    .assessmentsFor('comprehensive', year)
    .filter((a) => governed.has(a.unit) && ctx.facts.unit(a.unit)?.kind === kind);
  let result: FirstGradeSelection | null = null;
  if (members.length > 0) {
    const scored = members.filter((a) => a.score !== undefined).length;
    const ranked = members.filter((a) => a.rank !== undefined).length;
    const places = quotaPlaces(members.length, pct(share), rounding);
    if (scored === members.length) {
      const s = selectByQuota(members, (a) => a.score!, places);
      result = {
        year,
        kind,
        basis: 'score',
        members,
        share,
        places,
        selected: s.selected,
        tiedAtCutoff: s.tiedAtCutoff,
      };
    } else if (ranked === members.length) {
      const s = selectByQuota(members, (a) => a.rank!, places, true);
      result = {
        year,
        kind,
        basis: 'rank',
        members,
        share,
        places,
        selected: s.selected,
        tiedAtCutoff: s.tiedAtCutoff,
      };
    } else if (scored === 0 && ranked === 0) {
      const selected = members.filter((a) => a.grade === '一');
      result = { year, kind, basis: 'grade', members, share, places, selected, tiedAtCutoff: [] };
    } else {
      ctx.gap(
        `无法排序：${year}年${kind === 'city' ? '设区市' : '省级机关单位'}年度综合考核只有部分单位有得分或名次（cannot rank: scores/ranks incomplete）`,
      );
    }
  }
  cache.set(key, result);
  return result;
}

/**
 * A unit's 年度综合考核 grade in a year: the grade recorded, else 一 when the 35% quota selects it (设区市 and 省级机关单位
 * only). Undefined when neither tells (the split of 第二–第四等次 is not fixed by the text).
 */
export function comprehensiveGrade(
  ctx: RuleContext,
  unit: UnitFact,
  year: number,
): { grade: string; why: string } | undefined {
  const a = ctx.facts.unitAssessment(unit.id, 'comprehensive', year);
  if (!a) return undefined;
  if (a.grade) return { grade: a.grade, why: `${unit.id} ${year} comprehensive ${a.grade}` };
  if (unit.kind === 'city' || unit.kind === 'provincial_dept') {
    const sel = firstGradeSelection(ctx, year, unit.kind);
    if (sel && sel.basis !== 'grade' && sel.selected.some((s) => s.unit === unit.id))
      return {
        grade: '一',
        why: `${unit.id} ${year} comprehensive ${sel.basis === 'score' ? `score ${a.score}` : `rank ${a.rank}`}，居前${sel.share}%（${sel.places}/${sel.members.length}）→ 第一等次`,
      };
  }
  return undefined;
}

// ---- incidents in a window (能上能下办法 第九条（五）（六）) -----------------------------------------------------

export const describeIncident = (i: IncidentFact) => `${i.unit} ${i.date} ${i.category} ${i.severity}`;

/** The pack's reading of 一年内 / the look-back; undefined when a parameter is set to nothing. */
export function windowReading(ctx: RuleContext): WindowReading | undefined {
  return windowReadingOf(ctx, INCIDENT_WINDOW, LOOKBACK_MONTHS);
}

/**
 * 本地区本单位: incidents of given categories at or above a severity anywhere in the unit's territory (the unit and
 * the units below it), on or before asOf (food/drug grades mapped onto the general scale).
 */
export function incidentsOf(
  ctx: RuleContext,
  unit: string,
  categories: readonly string[],
  severities: readonly string[],
): IncidentFact[] {
  return incidentsInTerritory(
    ctx.facts,
    unit,
    ctx.asOf,
    (i) => categories.includes(i.category) && severities.includes(normalSeverity(i.severity)),
  );
}
