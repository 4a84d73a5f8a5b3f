// Unit grading within quota: whether one more 优秀 fits the share the rules give a unit's cadres (exact fractions,
// DESIGN §3), and whether a cadre may be graded 优秀 at all that year. Pure: the caller gathers the counts.
import { chineseDate } from '../../domain/dates.js';
import { excellentBars } from '../../packs/national/assessment.js';
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
  /** the assessment year being graded */
  year: number;
  /** 处分 on record dated in or before the year (a 留党察看 bars 优秀 in the years after it too) */
  sanctions: { date: string; kind: string }[];
  /** 诫勉, 组织调整, 组织处理 on record */
  accountability: { date: string; kind: string }[];
  /** 组织调整 (能上能下) on record */
  adjustments: { date: string; method: string }[];
}

/**
 * Who may not be graded 优秀 for the year. None of the five texts says; the national assessment rules do. A sanction
 * a national provision covers is refused by that provision, named in words, for every year it bars
 * (src/packs/national/assessment.ts: the same bars its rules fire). For the records no provision encoded there
 * covers — a heavier 政务处分, a 诫勉, 组织调整 or 组织处理 in the year — the workbench still refuses, as the
 * national assessment rules are applied in practice, and says only 按照国家有关考核规定: their text has not been
 * entered (docs/READINGS.md, 尚未编入).
 */
export function ineligibleForExcellent(s: Standing): Refusal | undefined {
  const inYear = <T extends { date: string }>(rows: readonly T[]) =>
    rows.filter((r) => r.date.startsWith(`${s.year}-`)).sort((a, b) => a.date.localeCompare(b.date));
  const onRecord = [...s.sanctions].sort((a, b) => a.date.localeCompare(b.date));
  for (const sanction of onRecord) {
    const bar = excellentBars(sanction.kind, sanction.date, s.year)[0];
    if (!bar) continue;
    const when = sanction.date.startsWith(`${s.year}-`) ? '当年' : `${s.year}年`;
    return {
      field: 'grade',
      reason_zh:
        `${chineseDate(sanction.date)}受${sanction.kind}处分，依照《${bar.citation.document}》${bar.item}，` +
        `${when}${bar.effect}${bar.reading ? `（${bar.reading}）` : ''}` +
        // the provision's own words may already say it (受警告处分的当年 … 不得确定为优秀等次)
        (bar.effect.includes('不得确定为优秀等次') ? '' : '，故不得确定为优秀等次'),
      reason: `a sanction bars 优秀 in ${s.year}`,
    };
  }
  const first = inYear(s.sanctions)[0];
  if (first)
    return {
      field: 'grade',
      reason_zh: `${chineseDate(first.date)}受${first.kind}处分，按照国家有关考核规定，当年不得确定为优秀等次`,
      reason: 'a sanction in the year: not graded 优秀',
    };
  const acc = inYear(s.accountability)[0];
  if (acc)
    return {
      field: 'grade',
      reason_zh: `${chineseDate(acc.date)}受到${acc.kind}，按照国家有关考核规定，当年不得确定为优秀等次`,
      reason: 'an accountability measure in the year: not graded 优秀',
    };
  const adj = inYear(s.adjustments)[0];
  if (adj)
    return {
      field: 'grade',
      reason_zh: `${chineseDate(adj.date)}被${adj.method}（组织调整），按照国家有关考核规定，当年不得确定为优秀等次`,
      reason: 'an adjustment in the year: not graded 优秀',
    };
  return undefined;
}
