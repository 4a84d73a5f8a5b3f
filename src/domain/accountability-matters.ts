// 问责事项: the accountability matter every tolerance case sits inside (PROCEDURES §7.1 invariants; DESIGN §5). None
// of the five texts gives the matter's procedure or its outcomes, so the outcome vocabulary is the 问责方式 of
// 《中国共产党问责条例》 第八条, which distinguishes the party organisation (检查、通报、改组) from the leading cadre
// (通报、诫勉、组织调整或者组织处理、纪律处分), plus the 条例's 「不予问责或者免予问责」, which is where a tolerance
// exemption (免责) leaves a matter. Pure functions only: the store, the API and the import all call them.
import { isDate } from './dates.js';

/** 问责方式 for a party organisation or unit (条例 第八条（一）). */
export const UNIT_ACCOUNTABILITY_OUTCOMES = ['检查', '通报', '改组'] as const;
/** 问责方式 for a leading cadre (条例 第八条（二）). */
export const CADRE_ACCOUNTABILITY_OUTCOMES = ['通报', '诫勉', '组织调整', '组织处理', '纪律处分'] as const;
/** A matter closed without accountability (条例: 「不予问责或者免予问责」). */
export const NO_ACCOUNTABILITY_OUTCOMES = ['不予问责', '免予问责'] as const;

export const ACCOUNTABILITY_OUTCOMES = [
  ...new Set([...UNIT_ACCOUNTABILITY_OUTCOMES, ...CADRE_ACCOUNTABILITY_OUTCOMES, ...NO_ACCOUNTABILITY_OUTCOMES]),
] as readonly AccountabilityOutcome[];
export type AccountabilityOutcome =
  | (typeof UNIT_ACCOUNTABILITY_OUTCOMES)[number]
  | (typeof CADRE_ACCOUNTABILITY_OUTCOMES)[number]
  | (typeof NO_ACCOUNTABILITY_OUTCOMES)[number];

export interface MatterProblem {
  field: string;
  /** '中文 (English)', the shape the import report and the API's 400 both take apart */
  reason: string;
}

/**
 * What makes a matter inconsistent across its fields: exactly one subject (a cadre or a unit, never both, never
 * neither); real dates; a decision date not before the opening; an outcome only once decided, and one the 条例
 * allows for that kind of subject. Values of the wrong type are left to the callers' own type checks.
 */
export function matterProblems(r: Record<string, unknown>): MatterProblem[] {
  const out: MatterProblem[] = [];
  const cadre = r.subjectCadreId ?? null;
  const unit = r.subjectUnitId ?? null;
  if (cadre === null && unit === null)
    out.push({
      field: 'subjectCadreId',
      reason: '须填写被问责的干部或单位之一 (a matter concerns a cadre or a unit: give one)',
    });
  else if (cadre !== null && unit !== null)
    out.push({
      field: 'subjectUnitId',
      reason: '被问责干部和被问责单位只能填写其一 (a matter concerns a cadre or a unit, not both)',
    });
  for (const f of ['openedOn', 'decidedOn'] as const) {
    const v = r[f];
    if (typeof v === 'string' && !isDate(v))
      out.push({ field: f, reason: `不是有效日期，格式应为 YYYY-MM-DD (${f} is not a valid date)` });
  }
  const opened = r.openedOn;
  const decided = r.decidedOn ?? null;
  if (typeof opened === 'string' && typeof decided === 'string' && isDate(opened) && isDate(decided))
    if (decided < opened)
      out.push({ field: 'decidedOn', reason: '决定日期早于启动日期 (decided before the matter was opened)' });
  const outcome = r.outcome ?? null;
  if (typeof outcome === 'string') {
    if (decided === null)
      out.push({ field: 'decidedOn', reason: '已填写问责方式时须填写决定日期 (an outcome needs the decision date)' });
    const allowed: readonly string[] =
      unit !== null && cadre === null
        ? [...UNIT_ACCOUNTABILITY_OUTCOMES, ...NO_ACCOUNTABILITY_OUTCOMES]
        : cadre !== null && unit === null
          ? [...CADRE_ACCOUNTABILITY_OUTCOMES, ...NO_ACCOUNTABILITY_OUTCOMES]
          : ACCOUNTABILITY_OUTCOMES;
    if (!allowed.includes(outcome))
      out.push({
        field: 'outcome',
        reason:
          unit !== null && cadre === null
            ? `对单位的问责方式只能是 ${allowed.join('、')} (outcome not allowed for a unit)`
            : `对干部的问责方式只能是 ${allowed.join('、')} (outcome not allowed for a cadre)`,
      });
  }
  return out;
}
