// Unit grading within quota: whether one more 优秀 fits the share the rules give a unit's cadres (exact fractions,
// DESIGN §3), and whether a cadre may be graded 优秀 at all that year. Pure: the caller gathers the counts.
import { chineseDate } from '../../domain/dates.js';
import { excellentBarredBy } from '../../packs/national/assessment.js';
import { parseShare } from '../../packs/rudong/incentive.js';
import { quotaPlaces } from '../../policy/quota.js';
import { atMost, formatRatio, ratio, type Ratio } from '../../policy/rational.js';

export interface Refusal {
  field: string;
  reason_zh: string;
  reason: string;
}

export interface QuotaState {
  /** the share as the rules or the run's parameters give it (0.2, '20%', '3/20'); undefined = none set */
  share: unknown;
  /** cadres graded in the unit that year (the base of the share) */
  pool: number;
  /** 优秀 already proposed or accepted in the unit, without the cadre being graded now */
  excellent: number;
}

export interface QuotaMeter {
  share: string | null;
  pool: number;
  places: number | null;
  excellent: number;
}

export function meter(q: QuotaState): QuotaMeter {
  const share = q.share === undefined ? undefined : parseShare(q.share);
  return {
    share: share ? formatRatio(share) : null,
    pool: q.pool,
    places: share ? quotaPlaces(q.pool, share, 'floor') : null,
    excellent: q.excellent,
  };
}

/**
 * 优秀 within the share: the texts fix the share as a ceiling (“按20%确定”, “可提升至30%”, “按照一定比例”), read as
 * 以内 — exactly at the share is allowed, one more is not. Compared as integers, never as a float.
 */
export function excellentRefusal(q: QuotaState): Refusal | undefined {
  if (q.share === undefined)
    return {
      field: 'grade',
      reason_zh: '本单位优秀等次比例未配置，暂不能确定优秀等次（请组织部门配置比例）',
      reason: 'no share of 优秀 is set for this unit',
    };
  const share: Ratio | undefined = parseShare(q.share);
  if (!share)
    return {
      field: 'grade',
      reason_zh: '本单位优秀等次比例设置无效',
      reason: 'the share of 优秀 set for this unit is invalid',
    };
  if (q.pool === 0)
    return { field: 'grade', reason_zh: '本单位无参加考核的干部', reason: 'no cadre to grade in this unit' };
  const after = q.excellent + 1;
  if (!atMost(ratio(after, q.pool), share)) {
    const places = quotaPlaces(q.pool, share, 'floor');
    return {
      field: 'grade',
      reason_zh: `超出优秀等次比例：本单位 ${q.pool} 人，比例 ${formatRatio(share)}，名额 ${places} 名，已有 ${q.excellent} 名`,
      reason: `over quota: ${after} of ${q.pool} exceeds ${share.num}/${share.den} (${places} places)`,
    };
  }
  return undefined;
}

export interface Standing {
  /** 处分 dated in the year */
  sanctions: { date: string; kind: string }[];
  /** 诫勉, 组织调整, 组织处理 dated in the year */
  accountability: { date: string; kind: string }[];
  /** 组织调整 (能上能下) dated in the year */
  adjustments: { date: string; method: string }[];
}

/**
 * Who may not be graded 优秀 for the year. None of the five texts says; the national assessment rules do: a cadre
 * under a 处分, or given 诫勉, 组织调整 or 组织处理 in the year, is not graded 优秀 that year. A sanction's refusal
 * names the national rule quoted for its kind (src/packs/national/assessment.ts).
 */
export function ineligibleForExcellent(s: Standing): Refusal | undefined {
  const first = s.sanctions[0];
  if (first) {
    const by = excellentBarredBy(first.kind);
    return {
      field: 'grade',
      reason_zh: `${chineseDate(first.date)}受${first.kind}处分，${by ? `依照《${by.document}》${by.article}` : '按照国家有关考核规定'}，当年不得确定为优秀等次`,
      reason: 'a sanction in the year: not graded 优秀',
    };
  }
  const acc = s.accountability[0];
  if (acc)
    return {
      field: 'grade',
      reason_zh: `${chineseDate(acc.date)}受到${acc.kind}，按照国家有关考核规定，当年不得确定为优秀等次`,
      reason: 'an accountability measure in the year: not graded 优秀',
    };
  const adj = s.adjustments[0];
  if (adj)
    return {
      field: 'grade',
      reason_zh: `${chineseDate(adj.date)}被${adj.method}（组织调整），影响期内不得确定为优秀等次`,
      reason: 'an adjustment in the year: not graded 优秀',
    };
  return undefined;
}
