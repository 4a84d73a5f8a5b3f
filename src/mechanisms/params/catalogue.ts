// The numbers the policy texts leave open (开放参数) that an organisation department may set by its own 具体办法:
// for each, the words people read (never the key), its type and unit, and the passage that leaves it open. The
// rulebooks read a setting through ParamResolver overrides (src/policy/params.ts); a number the text itself gives, or
// a reading the project chose, is not offered here: only parameters whose pack definition has no value of its own.
import { parseShare } from '../../packs/rudong/incentive.js';
import type { PackRegistry } from '../../policy/engine.js';
import type { ParamDef } from '../../policy/types.js';

/** How a value is written and checked. */
export type ParamKind = 'ratio' | 'amount' | 'gradeAmounts' | 'tierCounts' | 'count' | 'days' | 'months';

export interface OpenParam {
  key: string;
  /** the parameter's name in words */
  label: string;
  kind: ParamKind;
  /** the unit the value is counted in, in words */
  unit: string;
  /** the passage that leaves the number open: 《document》article「quote」 */
  leftOpenBy: string;
  /** for gradeAmounts: the grades, in order; for tierCounts: the tiers, in order */
  parts?: readonly string[];
}

const JIANGSU_INCENTIVE = '《江苏省党政干部鼓励激励办法》';
const SHAANXI_INCENTIVE = '《陕西省党政干部鼓励激励办法(试行)》';
const RUDONG_INCENTIVE = '《如东县人民检察院党员干警鼓励激励实施细则》';
const ANHUI = '《关于进一步激励广大干部新时代新担当新作为的实施意见》';

const OPEN_PARAMS: readonly OpenParam[] = [
  {
    key: 'jiangsu.incentive.bonusByGrade',
    label: '按年度综合考核等次核发的奖金数额',
    kind: 'gradeAmounts',
    unit: '元',
    parts: ['一', '二', '三', '四'],
    leftOpenBy: `${JIANGSU_INCENTIVE}第九条（一）「按照年度综合考核等次，对设区市领导班子和省级机关单位分别核发奖金。适当拉开奖金级差。」`,
  },
  {
    key: 'jiangsu.incentive.advancedCountyAward',
    label: '推进高质量发展“先进县（市、区）”的奖励数额',
    kind: 'amount',
    unit: '元',
    leftOpenBy: `${JIANGSU_INCENTIVE}第九条（一）「对推进高质量发展“先进县（市、区）”给予奖励。」`,
  },
  {
    key: 'shaanxi.incentive.progressPrizeTiers',
    label: '“争先进位”前10名县(市)中一、二、三等奖的名额',
    kind: 'tierCounts',
    unit: '个',
    parts: ['一等奖', '二等奖', '三等奖'],
    leftOpenBy: `${SHAANXI_INCENTIVE}第六条（二）「对“争先进位”前10名的县(市),按照一、二、三等奖分别奖励80万元、50万元、30万元」（只定金额，未定各等次名额）`,
  },
  {
    key: 'rudong.incentive.excellentRatio',
    label: '年度考核优秀等次干警的比例',
    kind: 'ratio',
    unit: '比例',
    leftOpenBy: `${RUDONG_INCENTIVE}第六条（一）「按照一定比例研究确定优秀等次干警」`,
  },
  {
    key: 'anhui.opinion.lowRankCount',
    label: '综合考核“排名靠后”的名次数（同类单位中的后几名）',
    kind: 'count',
    unit: '名',
    leftOpenBy: `${ANHUI}第9项「对综合考核排名靠后的进行约谈」`,
  },
  {
    key: 'anhui.opinion.rectificationDays',
    label: '容错免责决定所附纠错要求的整改期限',
    kind: 'days',
    unit: '日',
    leftOpenBy: `${ANHUI}第12项「作出容错免责决定时，要提出纠错要求，责令限期整改」`,
  },
];

const BY_KEY = new Map(OPEN_PARAMS.map((p) => [p.key, p]));

export function openParam(key: string): OpenParam | undefined {
  return BY_KEY.get(key);
}

/** The open parameters of the packs, with the pack each belongs to, in the order above. */
export function openParams(registry: PackRegistry): { param: OpenParam; pack: string; def: ParamDef }[] {
  const out: { param: OpenParam; pack: string; def: ParamDef }[] = [];
  for (const param of OPEN_PARAMS)
    for (const p of registry.packs.values()) {
      const def = p.params.find((d) => d.key === param.key);
      if (def && def.values.length === 0) out.push({ param, pack: p.id, def });
    }
  return out;
}

/** Keys of the packs' open parameters that this catalogue does not describe (a new one needs words and a type). */
export function undescribedOpenParams(registry: PackRegistry): string[] {
  const out: string[] = [];
  for (const p of registry.packs.values())
    for (const d of p.params) if (d.values.length === 0 && !BY_KEY.has(d.key)) out.push(d.key);
  return out;
}

export interface ValueProblem {
  zh: string;
  en: string;
}

const AMOUNT_MAX = 1e12;
const INT_MAX: Record<'count' | 'days' | 'months' | 'tierCounts', number> = {
  count: 10_000,
  days: 3650,
  months: 600,
  tierCounts: 10,
};

function amountProblem(v: unknown): ValueProblem | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v))
    return { zh: '应为金额（数字）', en: 'an amount (number) expected' };
  if (v < 0) return { zh: '金额不能为负数', en: 'amount must not be negative' };
  if (v > AMOUNT_MAX) return { zh: '金额超出合理范围', en: 'amount out of range' };
  // 元 to the 分: more decimals than two are a typing slip, not a sum of money
  if (Math.abs(v * 100 - Math.round(v * 100)) > 1e-6) return { zh: '金额最多保留两位小数', en: 'at most two decimals' };
  return undefined;
}

/**
 * The value as the rulebook reads it, or the problem with it. A ratio is kept as written (15%, 3/20, 0.15), after
 * the same parser the rule uses accepts it, so what is stored is exactly what the rule will read.
 */
export function checkValue(p: OpenParam, v: unknown): { value: unknown } | { problem: ValueProblem } {
  switch (p.kind) {
    case 'ratio': {
      const written = typeof v === 'number' ? v : typeof v === 'string' ? v.trim() : undefined;
      if (written === undefined || parseShare(written) === undefined)
        return {
          problem: {
            zh: '应为大于0且不超过100%的比例，如 15%、3/20 或 0.15',
            en: 'a share above 0 and at most 100% expected, like 15%, 3/20 or 0.15',
          },
        };
      return { value: written };
    }
    case 'amount': {
      const problem = amountProblem(v);
      return problem ? { problem } : { value: v };
    }
    case 'gradeAmounts': {
      const parts = p.parts ?? [];
      if (typeof v !== 'object' || v === null || Array.isArray(v))
        return { problem: { zh: `应为各等次的金额（${parts.join('、')}）`, en: 'an amount per grade expected' } };
      const o = v as Record<string, unknown>;
      const extra = Object.keys(o).find((k) => !parts.includes(k));
      if (extra !== undefined) return { problem: { zh: `没有“${extra}”这一等次`, en: `no such grade: ${extra}` } };
      const missing = parts.find((g) => !(g in o));
      if (missing !== undefined)
        return { problem: { zh: `缺少第${missing}等次的金额`, en: `grade ${missing} amount missing` } };
      for (const g of parts) {
        const problem = amountProblem(o[g]);
        if (problem) return { problem: { zh: `第${g}等次：${problem.zh}`, en: `grade ${g}: ${problem.en}` } };
      }
      return { value: Object.fromEntries(parts.map((g) => [g, o[g]])) };
    }
    case 'tierCounts': {
      const parts = p.parts ?? [];
      if (!Array.isArray(v) || v.length !== parts.length || !v.every((n) => Number.isInteger(n) && n >= 0))
        return {
          problem: {
            zh: `应为${parts.join('、')}各自的名额（非负整数）`,
            en: `${parts.length} non-negative whole numbers expected`,
          },
        };
      const sum = (v as number[]).reduce((a, b) => a + b, 0);
      if (sum > INT_MAX.tierCounts)
        return {
          problem: {
            zh: `各等次名额之和不得超过${INT_MAX.tierCounts}（前10名）`,
            en: `the tiers may not add up to more than ${INT_MAX.tierCounts}`,
          },
        };
      return { value: v };
    }
    case 'count':
    case 'days':
    case 'months': {
      if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0)
        return { problem: { zh: `应为正整数（${p.unit}）`, en: 'a positive whole number expected' } };
      if (v > INT_MAX[p.kind])
        return {
          problem: { zh: `超出合理范围（不超过${INT_MAX[p.kind]}${p.unit}）`, en: `at most ${INT_MAX[p.kind]}` },
        };
      return { value: v };
    }
  }
}

/** A value in words, with its unit (the page and the history show this, never the stored form). */
export function valueInWords(p: OpenParam, v: unknown): string {
  switch (p.kind) {
    case 'ratio':
      return String(v);
    case 'amount':
      return `${String(v)}${p.unit}`;
    case 'gradeAmounts': {
      const o = (v ?? {}) as Record<string, unknown>;
      return (p.parts ?? []).map((g) => `第${g}等次 ${String(o[g])}${p.unit}`).join('，');
    }
    case 'tierCounts': {
      const a = Array.isArray(v) ? v : [];
      return (p.parts ?? []).map((t, i) => `${t}${String(a[i])}${p.unit}`).join('，');
    }
    default:
      return `${String(v)}${p.unit}`;
  }
}
