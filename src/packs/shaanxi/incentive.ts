// 陕西省党政干部鼓励激励办法(试行) (2018): titles (第五条), awards (第六条), promotion priorities (第七条) and care
// (第八条). Titles and awards compare units, so those rules run once per evaluation (forAll) over the governed units'
// published ranks or scores; the rest read one cadre's record.
import { yearOf } from '../../domain/dates.js';
import type { CadreFact, UnitAssessmentFact } from '../../domain/facts.js';
import { rule } from '../../policy/define.js';
import { quotaPlaces, selectByQuota } from '../../policy/quota.js';
import { pct } from '../../policy/rational.js';
import type { RuleContext } from '../../policy/types.js';
import {
  asOfYear,
  governedUnits,
  INCENTIVE_DOC,
  latestYearBefore,
  memo,
  rankingOf,
  runEndingAt,
  yuan,
} from './common.js';
import { yearValueName } from '../../policy/value-names.js';
import {
  DISTRICT_PROGRESS_AWARD,
  EXCELLENT_BONUS_PERCENT,
  POVERTY_EXCELLENT_AWARD,
  PROGRESS_PRIZE_AMOUNTS,
  PROGRESS_PRIZE_TIERS,
  QUOTA_ROUNDING,
  SELECTION_SHARE,
  SPECIAL_COUNTY_AWARD,
  STRONG_COUNTY_BASE,
  STRONG_COUNTY_STEP,
  TOP_COUNTY_AWARD,
} from './params.js';

export const TITLES = {
  targetExcellent: '年度目标责任考核优秀单位',
  topCounty: '陕西省县域经济社会发展十强县',
  topDistrict: '陕西省城区经济社会发展五强区',
  progressCounty: '陕西省县域经济社会发展争先进位奖',
  progressDistrict: '陕西省城区经济社会发展争先进位奖',
  agriculture: '现代农业强县',
  industry: '新型工业强县',
  ecology: '生态建设强县',
  povertyExcellent: '脱贫攻坚工作成效考核优秀单位',
} as const;

/** 第五条（一）: 其党政干部年度考核优秀等次比例按20%确定 (the share of a 年度目标责任考核优秀单位). */
export const TARGET_EXCELLENT_SHARE = 0.2;

const COUNTY: ReadonlySet<string> = new Set(['county']);
const DISTRICT: ReadonlySet<string> = new Set(['district']);

/** Years on record for a scheme, up to the evaluation date's year. */
const yearsUpTo = (ctx: RuleContext, scheme: string) => ctx.facts.yearsOf(scheme).filter((y) => y <= asOfYear(ctx));

// ---------------------------------------------------------------------------------------------------------------
// Selections. Ties at a cut-off are never broken: the tied units are listed in `tied` and reported in gaps.

interface Selection {
  selected: string[];
  tied: string[];
  places: number;
  /** one line per unit saying where it stood */
  because: Map<string, string>;
  /** gap messages for ties at the cut-off */
  ties: string[];
}

function tieGap(label: string, year: number, tied: readonly string[], places: number): string[] {
  return tied.length ? [`并列待定：${label} ${year} ${tied.join('、')} 并列于名额分界（名额${places}）`] : [];
}

/**
 * 按照35%的比例 … 综合得分排序靠前的单位 (第五条（一）、（三）): the governed units assessed under the scheme that year, ordered
 * by score (or by published rank when no score is given), the first 35% (rounded down by default) selected. A unit
 * on record with no score or rank is judged by its published grade `fallbackGrade` (年度目标责任考核 优秀).
 */
function quotaSelection(
  ctx: RuleContext,
  scheme: string,
  year: number,
  label: string,
  fallbackGrade?: string,
): Selection {
  const rounding = ctx.param(QUOTA_ROUNDING);
  const share = ctx.param(SELECTION_SHARE);
  return memo(ctx, `quota:${scheme}:${year}:${rounding}:${share}`, () => {
    // a parameter set to nothing is reported as unset; nothing is selected by quota
    if (rounding === undefined || share === undefined)
      return { selected: [], tied: [], places: 0, because: new Map(), ties: [] };
    const gov = governedUnits(ctx);
    const rows = ctx.facts.assessmentsFor(scheme, year).filter((a) => gov.has(a.unit));
    const byScore = rows.filter((a) => a.score !== undefined);
    const pool: UnitAssessmentFact[] = byScore.length ? byScore : rows.filter((a) => a.rank !== undefined);
    // A unit on record with a published grade but no score or rank is judged by that grade.
    const byGrade = fallbackGrade
      ? rows.filter((a) => a.score === undefined && a.rank === undefined && a.grade === fallbackGrade)
      : [];
    const graded = {
      selected: byGrade.map((a) => a.unit),
      because: byGrade.map((a) => [a.unit, `${a.unit} ${year} ${scheme} 等次 ${a.grade}`] as const),
    };
    if (pool.length === 0)
      return { selected: graded.selected, tied: [], places: 0, because: new Map(graded.because), ties: [] };
    const key = (a: UnitAssessmentFact) => (byScore.length ? a.score! : -a.rank!);
    const places = quotaPlaces(pool.length, pct(share), rounding);
    const s = selectByQuota(pool, key, places);
    const what = (a: UnitAssessmentFact) => (byScore.length ? `综合得分 ${a.score}` : `名次 ${a.rank}`);
    return {
      selected: [...s.selected.map((a) => a.unit), ...graded.selected],
      tied: s.tiedAtCutoff.map((a) => a.unit),
      places,
      because: new Map([
        ...pool.map(
          (a) =>
            [
              a.unit,
              `${a.unit} ${year} ${scheme} ${what(a)}（${pool.length}个单位，${share}%名额 ${places}）`,
            ] as const,
        ),
        ...graded.because,
      ]),
      ties: tieGap(
        label,
        year,
        s.tiedAtCutoff.map((a) => a.unit),
        places,
      ),
    };
  });
}

/**
 * 前N名 by published rank (competition ranking: equal ranks share a position, the next rank skips). A group of equal
 * ranks r of size s takes positions r…r+s−1; when the cut-off falls inside it, the group is tied, never broken.
 * Ranks are judged as published, so a record holding only some of the counties still reads "前10名" as rank ≤ 10.
 */
function topByRank(ranks: Map<string, number>, places: number, label: string, year: number, scheme: string): Selection {
  const size = new Map<number, number>();
  for (const r of ranks.values()) size.set(r, (size.get(r) ?? 0) + 1);
  const selected: string[] = [];
  const tied: string[] = [];
  for (const [unit, r] of ranks) {
    if (r > places) continue;
    if (r + size.get(r)! - 1 <= places) selected.push(unit);
    else tied.push(unit);
  }
  return {
    selected,
    tied,
    places,
    because: new Map([...ranks].map(([unit, r]) => [unit, `${unit} ${year} ${scheme} 名次 ${r}`])),
    ties: tieGap(label, year, tied, places),
  };
}

/**
 * 名次进位快的前N名 (DESIGN §3 reading of 陕西 6.2): a unit's place change is last year's rank minus this year's; only
 * units that advanced compete, ordered by places gained.
 */
function topByProgress(
  prev: Map<string, number>,
  cur: Map<string, number>,
  places: number,
  label: string,
  year: number,
): Selection & { gain: Map<string, number>; order: { unit: string; gain: number }[] } {
  const items: { unit: string; gain: number }[] = [];
  const because = new Map<string, string>();
  for (const [unit, rank] of cur) {
    const before = prev.get(unit);
    if (before === undefined) continue;
    const gain = before - rank;
    because.set(unit, `${unit} county_monitoring ${year - 1} 名次 ${before} → ${year} 名次 ${rank}（进位 ${gain}）`);
    if (gain > 0) items.push({ unit, gain });
  }
  const s = selectByQuota(items, (i) => i.gain, places);
  return {
    selected: s.selected.map((i) => i.unit),
    tied: s.tiedAtCutoff.map((i) => i.unit),
    places,
    because,
    ties: tieGap(
      label,
      year,
      s.tiedAtCutoff.map((i) => i.unit),
      places,
    ),
    gain: new Map(items.map((i) => [i.unit, i.gain])),
    order: s.selected.sort((a, b) => b.gain - a.gain),
  };
}

interface Standings {
  counties: Map<string, number>;
  districts: Map<string, number>;
  topCounties: Selection;
  topDistricts: Selection;
  progressCounties: ReturnType<typeof topByProgress>;
  progressDistricts: ReturnType<typeof topByProgress>;
  special: { scheme: 'agriculture' | 'industry' | 'ecology'; title: string; sel: Selection }[];
}

/** Everything 第五条（二） and 第六条（二） need for one year, computed once per evaluation. */
function standings(ctx: RuleContext, year: number): Standings {
  return memo(ctx, `standings:${year}`, () => {
    const gov = governedUnits(ctx);
    const ranks = (scheme: string, y: number, kinds: ReadonlySet<string>) =>
      rankingOf(ctx.facts, gov, scheme, y, kinds);
    const counties = ranks('county_monitoring', year, COUNTY);
    const districts = ranks('county_monitoring', year, DISTRICT);
    const special = (['agriculture', 'industry', 'ecology'] as const).map((scheme) => ({
      scheme,
      title: TITLES[scheme],
      sel: topByRank(ranks(scheme, year, COUNTY), 5, `shaanxi/incentive/5.2 ${TITLES[scheme]}`, year, scheme),
    }));
    return {
      counties,
      districts,
      topCounties: topByRank(counties, 10, 'shaanxi/incentive/5.2 十强县', year, 'county_monitoring'),
      topDistricts: topByRank(districts, 5, 'shaanxi/incentive/5.2 五强区', year, 'county_monitoring'),
      progressCounties: topByProgress(
        ranks('county_monitoring', year - 1, COUNTY),
        counties,
        10,
        'shaanxi/incentive/5.2 县域争先进位奖',
        year,
      ),
      progressDistricts: topByProgress(
        ranks('county_monitoring', year - 1, DISTRICT),
        districts,
        5,
        'shaanxi/incentive/5.2 城区争先进位奖',
        year,
      ),
      special,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Awards (第六条（二）、（三）). A part whose amount cannot be determined (tiers unset, a tie, no rank last year) has
// `amount` undefined, and the unit's `award:<year>` is then absent.

interface AwardPart {
  rule: '6.2' | '6.3';
  unit: string;
  label: string;
  amount: number | undefined;
  because: string[];
}

type Tiers = [number, number, number];
function validTiers(v: unknown): v is Tiers {
  return Array.isArray(v) && v.length === 3 && v.every((n) => Number.isInteger(n) && n >= 0);
}

const TIER_NAME = ['（不在三个等次名额内）', '一等奖', '二等奖', '三等奖'] as const;

function awardParts(ctx: RuleContext, year: number): { parts: AwardPart[]; gaps: string[] } {
  return memo(ctx, `awards:${year}`, () => {
    const parts: AwardPart[] = [];
    const gaps: string[] = [];
    const st = standings(ctx, year);
    const earlier = ctx.facts.yearsOf('county_monitoring').filter((y) => y < year);

    // 第一名 and 首次进入 → 100万; other 十强县/五强区 → 50万 ± 10万 per place against last year (parameters).
    const top = ctx.param(TOP_COUNTY_AWARD);
    const base = ctx.param(STRONG_COUNTY_BASE);
    const step = ctx.param(STRONG_COUNTY_STEP);
    const strong = (sel: Selection, ranks: Map<string, number>, kind: 'counties' | 'districts', name: string) => {
      for (const unit of sel.selected) {
        const rank = ranks.get(unit)!;
        const everBefore = earlier.filter((y) => {
          const r = standings(ctx, y)[kind].get(unit);
          return r !== undefined && r <= sel.places;
        });
        const prev = standings(ctx, year - 1)[kind].get(unit);
        const because = [sel.because.get(unit)!];
        let amount: number | undefined;
        let label: string;
        if (rank === 1) {
          amount = top;
          label = `${name}第一名`;
        } else if (everBefore.length === 0) {
          amount = top;
          label = `首次进入${name}`;
          because.push(`${unit} 此前年份（${earlier.join('、') || '无记录'}）未进入${name}`);
        } else if (prev === undefined) {
          label = `${name}（缺${year - 1}年名次，无法计算进退位）`;
          because.push(`${unit} 曾于 ${everBefore.join('、')} 年进入${name}`);
          gaps.push(`无法确定：shaanxi/incentive/6.2 ${unit} ${year} 缺上年名次`);
        } else {
          // An award is never negative: a fall of more than five places leaves nothing to pay (reading of 6.2).
          amount = base === undefined || step === undefined ? undefined : Math.max(0, base + step * (prev - rank));
          label = `${name}（上年第${prev}名，今年第${rank}名，${prev >= rank ? '进步' : '后退'}${Math.abs(prev - rank)}位）`;
          because.push(`${unit} 曾于 ${everBefore.join('、')} 年进入${name}`);
        }
        parts.push({ rule: '6.2', unit, label, amount, because });
      }
      for (const unit of sel.tied)
        parts.push({ rule: '6.2', unit, label: `${name}（并列待定）`, amount: undefined, because: [] });
    };
    strong(st.topCounties, st.counties, 'counties', '十强县');
    strong(st.topDistricts, st.districts, 'districts', '五强区');

    // 争先进位: counties by tiers (an open parameter), 城区 50万 each.
    const pc = st.progressCounties;
    if (pc.selected.length || pc.tied.length) {
      const raw: unknown = ctx.param(PROGRESS_PRIZE_TIERS);
      const prize = ctx.param(PROGRESS_PRIZE_AMOUNTS);
      const tiers = raw === undefined ? undefined : validTiers(raw) ? raw : undefined;
      if (raw !== undefined && !tiers)
        gaps.push('参数无效：shaanxi.incentive.progressPrizeTiers（应为[一等奖数, 二等奖数, 三等奖数]）');
      const tierAt = (i: number) =>
        !tiers ? 0 : i < tiers[0] ? 1 : i < tiers[0] + tiers[1] ? 2 : i < tiers[0] + tiers[1] + tiers[2] ? 3 : 0;
      const order = pc.order;
      for (let i = 0; i < order.length;) {
        let j = i;
        while (j + 1 < order.length && order[j + 1]!.gain === order[i]!.gain) j++;
        const split = tiers !== undefined && tierAt(i) !== tierAt(j);
        if (split)
          gaps.push(
            `并列待定：shaanxi/incentive/6.2 ${year} ${order
              .slice(i, j + 1)
              .map((o) => o.unit)
              .join('、')} 进位数相同，跨争先进位奖等次分界`,
          );
        for (let k = i; k <= j; k++) {
          const unit = order[k]!.unit;
          const tier = tierAt(i);
          parts.push({
            rule: '6.2',
            unit,
            label: tiers && !split ? `县域争先进位奖${TIER_NAME[tier]}` : '县域争先进位奖（等次待定）',
            amount: tiers && !split && tier > 0 ? prize?.[tier - 1] : tiers && !split ? 0 : undefined,
            because: [pc.because.get(unit)!, `进位名次 第${i + 1}位${tiers ? `（等次名额 ${tiers.join('/')}）` : ''}`],
          });
        }
        i = j + 1;
      }
      for (const unit of pc.tied)
        parts.push({ rule: '6.2', unit, label: '县域争先进位奖（并列待定）', amount: undefined, because: [] });
    }
    const pd = st.progressDistricts;
    for (const unit of pd.selected)
      parts.push({
        rule: '6.2',
        unit,
        label: '城区争先进位奖',
        amount: ctx.param(DISTRICT_PROGRESS_AWARD),
        because: [pd.because.get(unit)!],
      });
    for (const unit of pd.tied)
      parts.push({ rule: '6.2', unit, label: '城区争先进位奖（并列待定）', amount: undefined, because: [] });

    for (const sp of st.special) {
      for (const unit of sp.sel.selected)
        parts.push({
          rule: '6.2',
          unit,
          label: sp.title,
          amount: ctx.param(SPECIAL_COUNTY_AWARD),
          because: [sp.sel.because.get(unit)!],
        });
      for (const unit of sp.sel.tied)
        parts.push({ rule: '6.2', unit, label: `${sp.title}（并列待定）`, amount: undefined, because: [] });
    }

    // 第六条（三）: 脱贫攻坚工作成效考核优秀单位 100万.
    const pov = quotaSelection(ctx, 'poverty', year, 'shaanxi/incentive/5.3');
    for (const unit of pov.selected)
      parts.push({
        rule: '6.3',
        unit,
        label: TITLES.povertyExcellent,
        amount: ctx.param(POVERTY_EXCELLENT_AWARD),
        because: [pov.because.get(unit)!],
      });
    for (const unit of pov.tied)
      parts.push({
        rule: '6.3',
        unit,
        label: `${TITLES.povertyExcellent}（并列待定）`,
        amount: undefined,
        because: [],
      });
    return { parts, gaps };
  });
}

/** Years in which any governed unit has an assessment on record (up to the evaluation date's year). */
function awardYears(ctx: RuleContext): number[] {
  const ys = new Set<number>();
  for (const scheme of ['county_monitoring', 'agriculture', 'industry', 'ecology', 'poverty'])
    for (const y of yearsUpTo(ctx, scheme)) ys.add(y);
  return [...ys].sort((a, b) => a - b);
}

function fireParts(ctx: RuleContext, which: '6.2' | '6.3') {
  for (const year of awardYears(ctx)) {
    const { parts, gaps } = awardParts(ctx, year);
    gaps.forEach((g) => ctx.gap(g));
    const byUnit = new Map<string, AwardPart[]>();
    for (const p of parts) if (p.rule === which) byUnit.set(p.unit, [...(byUnit.get(p.unit) ?? []), p]);
    for (const [unit, ps] of byUnit) {
      const known = ps.filter((p) => p.amount !== undefined && p.amount > 0);
      if (known.length === 0) continue;
      ctx.fire({
        subject: unit,
        year,
        because: ps.flatMap((p) => [
          ...p.because,
          `${p.label}：${p.amount === undefined ? '金额待定' : yuan(p.amount)}`,
        ]),
        conclusion: `奖励 ${known.map((p) => `${p.label} ${yuan(p.amount!)}`).join('；')}`,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 年度目标责任考核优秀 for one unit and year: the published grade when given, else the 35% selection of 第五条（一）.

function targetExcellent(ctx: RuleContext, unit: string, year: number): boolean {
  const a = ctx.facts.unitAssessment(unit, 'target', year);
  if (!a) return false;
  if (a.grade !== undefined) return a.grade === '优秀';
  return quotaSelection(ctx, 'target', year, 'shaanxi/incentive/5.1', '优秀').selected.includes(unit);
}

const individualGradeIn = (ctx: RuleContext, c: CadreFact, year: number) =>
  ctx.facts.cadreAssessments(c.id).find((a) => a.year === year)?.grade;

// ---------------------------------------------------------------------------------------------------------------

export const incentiveRules = [
  rule({
    id: 'shaanxi/incentive/2',
    kind: 'principle',
    title: '鼓励激励工作原则',
    citation: {
      document: INCENTIVE_DOC,
      article: '第二条',
      text: '党政干部鼓励激励工作坚持实事求是、客观公正、注重实绩、综合评价、考用结合、奖优奖勤、分级管理的原则。',
    },
  }),
  rule({
    id: 'shaanxi/incentive/3',
    kind: 'principle',
    title: '鼓励激励的依据',
    citation: {
      document: INCENTIVE_DOC,
      article: '第三条',
      text: '党政干部鼓励激励工作以实施“五新”战略任务、奋力追赶超越的实绩为基础,以年度目标责任考核、县域经济社会发展监测考评、脱贫攻坚工作成效考核结果为主要依据,充分运用领导班子和领导干部平时考核、综合研判等结果。',
    },
  }),
  rule({
    id: 'shaanxi/incentive/4',
    kind: 'principle',
    title: '鼓励激励的内容',
    citation: {
      document: INCENTIVE_DOC,
      article: '第四条',
      text: '党政干部鼓励激励包括评优评先、考核奖励、选拔重用和关心关爱。',
    },
  }),

  rule({
    id: 'shaanxi/incentive/5.1',
    kind: 'computable',
    title: '年度目标责任考核优秀单位（35%）及其优秀等次比例20%',
    citation: {
      document: INCENTIVE_DOC,
      article: '第五条（一）',
      text: '按照35%的比例,对年度目标责任考核综合得分排序靠前的单位,以省委、省政府名义授予“年度目标责任考核优秀单位”,其党政干部年度考核优秀等次比例按20%确定。',
    },
    note:
      '全部受本规则包管辖、当年有年度目标责任考核记录的单位为一个序列，按综合得分（无得分时按名次）取前35%，名额向下取整' +
      '（shaanxi.incentive.quotaRounding）；名额分界处并列的单位不予决定，列入缺口待集体研究。无得分也无名次时，以公布的“优秀”等次为准。',
    forAll(ctx) {
      for (const year of yearsUpTo(ctx, 'target')) {
        const sel = quotaSelection(ctx, 'target', year, 'shaanxi/incentive/5.1', '优秀');
        sel.ties.forEach((g) => ctx.gap(g));
        for (const unit of sel.selected) {
          ctx.set(unit, yearValueName('titles', year), [TITLES.targetExcellent]);
          ctx.set(unit, yearValueName('excellentQuota', year), TARGET_EXCELLENT_SHARE);
          ctx.set(unit, `grade:target:${year}`, '优秀');
          ctx.fire({
            subject: unit,
            year,
            because: [sel.because.get(unit)!],
            conclusion: `授予“${TITLES.targetExcellent}”；其党政干部年度考核优秀等次比例按20%确定`,
          });
        }
      }
    },
  }),

  rule({
    id: 'shaanxi/incentive/5.2',
    kind: 'computable',
    title: '十强县、五强区、争先进位奖、现代农业/新型工业/生态建设强县',
    citation: {
      document: INCENTIVE_DOC,
      article: '第五条（二）',
      text: '以省政府名义对年度县域经济社会监测考评前10名的县(市)和前5名的城区,分别授予“陕西省县域经济社会发展十强县”和“陕西省城区经济社会发展五强区”;对名次进位快的前10名县(市)和前5名城区,分别授予“陕西省县域经济社会发展争先进位奖”和“陕西省城区经济社会发展争先进位奖”。对现代农业发展、新型工业发展、生态环境建设年度监测考评前5名的县(市),分别授予“现代农业强县”“新型工业强县”“生态建设强县”。',
    },
    note:
      '县(市)与城区分别排序（单位类别 county / district）；名次取公布的名次，无名次时按得分排序。争先进位：上年名次减今年名次，' +
      '只有进位的单位参评，按进位数排序取前10名县(市)、前5名城区（见读法说明）。名额分界处并列的单位列入缺口待定。',
    forAll(ctx) {
      const years = new Set(
        ['county_monitoring', 'agriculture', 'industry', 'ecology'].flatMap((scheme) => yearsUpTo(ctx, scheme)),
      );
      for (const year of [...years].sort((a, b) => a - b)) {
        const st = standings(ctx, year);
        const award = new Map<string, { titles: string[]; because: string[] }>();
        const give = (sel: Selection, title: string) => {
          sel.ties.forEach((g) => ctx.gap(g));
          for (const unit of sel.selected) {
            const e = award.get(unit) ?? { titles: [], because: [] };
            e.titles.push(title);
            e.because.push(sel.because.get(unit)!);
            award.set(unit, e);
          }
        };
        give(st.topCounties, TITLES.topCounty);
        give(st.topDistricts, TITLES.topDistrict);
        give(st.progressCounties, TITLES.progressCounty);
        give(st.progressDistricts, TITLES.progressDistrict);
        for (const sp of st.special) give(sp.sel, sp.title);
        for (const [unit, e] of award) {
          ctx.set(unit, yearValueName('titles', year), e.titles);
          ctx.fire({
            subject: unit,
            year,
            because: e.because,
            conclusion: `授予 ${e.titles.map((t) => `“${t}”`).join('、')}`,
          });
        }
      }
    },
  }),

  rule({
    id: 'shaanxi/incentive/5.3',
    kind: 'computable',
    title: '脱贫攻坚工作成效考核优秀单位（35%）',
    citation: {
      document: INCENTIVE_DOC,
      article: '第五条（三）',
      text: '按照35%的比例,对脱贫攻坚工作成效考核综合得分排序靠前的单位,以省委、省政府名义授予“脱贫攻坚工作成效考核优秀单位”。',
    },
    note: '当年有脱贫攻坚工作成效考核得分（或名次）的受管辖单位为一个序列，取前35%，名额向下取整；分界处并列的列入缺口待定。',
    forAll(ctx) {
      for (const year of yearsUpTo(ctx, 'poverty')) {
        const sel = quotaSelection(ctx, 'poverty', year, 'shaanxi/incentive/5.3');
        sel.ties.forEach((g) => ctx.gap(g));
        for (const unit of sel.selected) {
          ctx.set(unit, yearValueName('titles', year), [TITLES.povertyExcellent]);
          ctx.fire({
            subject: unit,
            year,
            because: [sel.because.get(unit)!],
            conclusion: `授予“${TITLES.povertyExcellent}”`,
          });
        }
      }
    },
  }),

  rule({
    id: 'shaanxi/incentive/6',
    kind: 'computable',
    title: '考核奖励合计（award）',
    citation: {
      document: INCENTIVE_DOC,
      article: '第六条',
      text: '考核奖励方面:\n(一)对年度目标责任考核对象按照优秀、良好、一般等次核发奖金,奖金差额发放到人。年度考核获得优秀等次的党政干部,年度目标责任考核奖金提高10%。\n(二)对县域经济社会发展监测考评第一名和首次进入“十强县”“五强区”的县(市、区),各奖励100万元;其他“十强县”“五强区”,以50万元为基数给予奖励,较上年每进步或后退1位分别增加或减少10万元。对“争先进位”前10名的县(市),按照一、二、三等奖分别奖励80万元、50万元、30万元;前5名的城区各奖励50万元。对“现代农业强县”“新型工业强县”“生态建设强县”,各奖励20万元。\n(三)对“脱贫攻坚工作成效考核优秀单位”,各奖励100万元。\n奖金分配方案由获奖单位制定。',
    },
    note:
      '`award:<年度>` 为第六条（二）、（三）所定奖金之和（元），当年受本规则包考核的每个单位都给出（无奖励为0）。' +
      '第六条（一）目标责任考核奖金的数额本办法未规定，不计入；任一部分金额待定（争先进位奖等次未配置、名额分界并列、缺上年名次）时不给出。',
    forAll(ctx) {
      const years = awardYears(ctx);
      const yearSet = new Set(years);
      const totals = new Map<number, Map<string, AwardPart[]>>();
      for (const year of years) {
        const m = new Map<string, AwardPart[]>();
        for (const p of awardParts(ctx, year).parts) m.set(p.unit, [...(m.get(p.unit) ?? []), p]);
        totals.set(year, m);
      }
      for (const u of ctx.units()) {
        const assessed = new Set<number>();
        for (const a of ctx.facts.unitAssessments(u.id)) if (a.year <= asOfYear(ctx)) assessed.add(a.year);
        for (const year of assessed) {
          const ps = yearSet.has(year) ? (totals.get(year)!.get(u.id) ?? []) : [];
          if (ps.some((p) => p.amount === undefined)) continue;
          const total = ps.reduce((s, p) => s + p.amount!, 0);
          ctx.set(u.id, yearValueName('award', year), total);
          if (total > 0)
            ctx.fire({
              subject: u.id,
              year,
              because: ps.map((p) => `第六条（${p.rule === '6.2' ? '二' : '三'}）${p.label}：${yuan(p.amount!)}`),
              conclusion: `${year}年度考核奖励合计 ${yuan(total)}（${total}元）；奖金分配方案由获奖单位制定`,
            });
        }
      }
    },
  }),

  rule({
    id: 'shaanxi/incentive/6.1',
    kind: 'computable',
    title: '年度考核优秀的党政干部目标责任考核奖金提高10%',
    citation: {
      document: INCENTIVE_DOC,
      article: '第六条（一）',
      text: '对年度目标责任考核对象按照优秀、良好、一般等次核发奖金,奖金差额发放到人。年度考核获得优秀等次的党政干部,年度目标责任考核奖金提高10%。',
    },
    note: '`bonusFactor:<年度>`：当年个人年度考核优秀为1.1，其他等次为1。按优秀、良好、一般等次核发的奖金数额本办法未规定（由具体办法定），不在此计算。',
    forCadre(c, ctx) {
      for (const a of ctx.facts.cadreAssessments(c.id)) {
        if (a.grade === undefined || a.year > asOfYear(ctx)) continue;
        if (a.grade === '优秀') {
          const percent = ctx.param(EXCELLENT_BONUS_PERCENT);
          if (percent === undefined) continue; // set to nothing: reported as unset
          const factor = (100 + percent) / 100;
          ctx.set(c.id, yearValueName('bonusFactor', a.year), factor);
          ctx.fire({
            subject: c.id,
            year: a.year,
            because: [`${c.id} ${a.year} 年度考核 优秀`],
            conclusion: `年度目标责任考核奖金提高${percent}%（系数${factor}）`,
          });
        } else ctx.set(c.id, yearValueName('bonusFactor', a.year), 1);
      }
    },
  }),

  rule({
    id: 'shaanxi/incentive/6.2',
    kind: 'computable',
    title: '县域/城区监测考评及专项强县奖励',
    citation: {
      document: INCENTIVE_DOC,
      article: '第六条（二）',
      text: '对县域经济社会发展监测考评第一名和首次进入“十强县”“五强区”的县(市、区),各奖励100万元;其他“十强县”“五强区”,以50万元为基数给予奖励,较上年每进步或后退1位分别增加或减少10万元。对“争先进位”前10名的县(市),按照一、二、三等奖分别奖励80万元、50万元、30万元;前5名的城区各奖励50万元。对“现代农业强县”“新型工业强县”“生态建设强县”,各奖励20万元。',
    },
    note:
      '第一名和首次进入（此前任何有记录的年份均未进入）十强县/五强区的奖励100万元；其他以50万元为基数，较上年每进步或后退1位增减10万元，' +
      '最低为0（奖励不为负数）。县域争先进位奖一、二、三等奖的名额由开放参数 shaanxi.incentive.progressPrizeTiers 规定，未配置时列入缺口，相关奖金不确定。',
    forAll(ctx) {
      fireParts(ctx, '6.2');
    },
  }),

  rule({
    id: 'shaanxi/incentive/6.3',
    kind: 'computable',
    title: '脱贫攻坚工作成效考核优秀单位奖励100万元',
    citation: {
      document: INCENTIVE_DOC,
      article: '第六条（三）',
      text: '对“脱贫攻坚工作成效考核优秀单位”,各奖励100万元。',
    },
    forAll(ctx) {
      fireParts(ctx, '6.3');
    },
  }),

  rule({
    id: 'shaanxi/incentive/7.1',
    kind: 'computable',
    title: '连续三年以上年度考核优秀的党政干部优先提拔使用',
    citation: {
      document: INCENTIVE_DOC,
      article: '第七条（一）',
      text: '对信念过硬、政治过硬、责任过硬、能力过硬、作风过硬,敢于负责、勇于担当、善于作为、实绩突出,连续三年以上年度考核获得优秀等次的党政干部,优先提拔使用。',
    },
    note: '“连续三年以上”含三年；以评估日所在年度之前最近一个考核年度为终点计算连续年数。“五个过硬”等条件由组织认定。',
    forCadre(c, ctx) {
      const list = ctx.facts.cadreAssessments(c.id);
      const last = latestYearBefore(
        list.map((a) => a.year),
        asOfYear(ctx),
      );
      if (last === undefined) return;
      const run = runEndingAt(last, (y) => list.some((a) => a.year === y && a.grade === '优秀'));
      if (run < 3) return;
      ctx.set(c.id, 'priorityPromotion', true);
      ctx.fire({
        subject: c.id,
        year: last,
        because: Array.from({ length: run }, (_, i) => `${c.id} ${last - run + 1 + i} 年度考核 优秀`),
        conclusion: `连续${run}年年度考核优秀：优先提拔使用（信念、政治、责任、能力、作风过硬等条件由组织认定）`,
      });
    },
  }),

  rule({
    id: 'shaanxi/incentive/7.2',
    kind: 'computable',
    title: '连续三年目标责任考核优秀的市(区)和省直部门：选拔任用倾斜，党政干部优先提拔使用',
    citation: {
      document: INCENTIVE_DOC,
      article: '第七条（二）',
      text: '对连续三年获得年度目标责任考核优秀等次的市(区)和省直部门,在干部选拔任用上给予倾斜,其党政干部优先提拔使用。',
    },
    note: '适用于市(区)（city、dev_zone）和省直部门（provincial_dept）；“优秀等次”取公布的等次，无等次时取第五条（一）35%的结果。',
    forUnit(u, ctx) {
      if (!['city', 'dev_zone', 'provincial_dept'].includes(u.kind)) return;
      const years = ctx.facts.unitAssessments(u.id, 'target').map((a) => a.year);
      const last = latestYearBefore(years, asOfYear(ctx));
      if (last === undefined) return;
      const run = runEndingAt(last, (y) => targetExcellent(ctx, u.id, y));
      if (run < 3) return;
      const because = Array.from({ length: run }, (_, i) => `${u.id} ${last - run + 1 + i} target 优秀`);
      ctx.fire({
        subject: u.id,
        year: last,
        because,
        conclusion: `连续${run}年年度目标责任考核优秀：在干部选拔任用上给予倾斜`,
      });
      for (const c of ctx.facts.cadresOf(u.id)) {
        ctx.set(c.id, 'priorityPromotion', true);
        ctx.fire({
          subject: c.id,
          year: last,
          because,
          conclusion: `所在单位连续${run}年年度目标责任考核优秀：优先提拔使用`,
        });
      }
    },
  }),

  rule({
    id: 'shaanxi/incentive/7.3',
    kind: 'computable',
    title: '优秀县(市、区)党政正职优先提拔使用',
    citation: {
      document: INCENTIVE_DOC,
      article: '第七条（三）',
      text: '每年结合年度目标责任考核、县域经济社会发展监测考评和脱贫攻坚工作成效考核等结果,综合评定出10名优秀县(市、区)党政正职,优先提拔使用。',
    },
    note: '综合评定由省委组织部作出；本规则读取已授予的荣誉（名称含“优秀县”和“党政正职”，省级以上授予）。',
    forCadre(c, ctx) {
      for (const h of ctx.facts.honors(c.id)) {
        if (h.date > ctx.asOf || !isCountyLeaderTitle(h.title)) continue;
        if (h.conferredBy !== 'provincial' && h.conferredBy !== 'central') continue;
        ctx.set(c.id, 'priorityPromotion', true);
        ctx.fire({
          subject: c.id,
          year: yearOf(h.date),
          because: [`${c.id} ${h.date} 获“${h.title}”（${h.conferredBy}）`],
          conclusion: '优秀县(市、区)党政正职：优先提拔使用',
        });
      }
    },
  }),

  rule({
    id: 'shaanxi/incentive/7.4',
    kind: 'computable',
    title: '受到党中央、国务院或省委、省政府表彰的党政干部优先提拔使用',
    citation: {
      document: INCENTIVE_DOC,
      article: '第七条（四）',
      text: '对在党的建设、脱贫攻坚、生态环保、安全生产、综治维稳等方面作出突出贡献,受到党中央、国务院或省委、省政府表彰的党政干部,优先提拔使用。',
    },
    note: '读取个人荣誉中由党中央、国务院（central）或省委、省政府（provincial）授予的表彰；“优秀县党政正职”按第七条（三）处理。',
    forCadre(c, ctx) {
      for (const h of ctx.facts.honors(c.id)) {
        if (h.date > ctx.asOf || isCountyLeaderTitle(h.title)) continue;
        if (h.conferredBy !== 'provincial' && h.conferredBy !== 'central') continue;
        ctx.set(c.id, 'priorityPromotion', true);
        ctx.fire({
          subject: c.id,
          year: yearOf(h.date),
          because: [
            `${c.id} ${h.date} 受${h.conferredBy === 'central' ? '党中央、国务院' : '省委、省政府'}表彰“${h.title}”`,
          ],
          conclusion: '受到党中央、国务院或省委、省政府表彰：优先提拔使用',
        });
      }
    },
  }),

  rule({
    id: 'shaanxi/incentive/8.1',
    kind: 'computable',
    title: '考核优秀、受到表彰奖励的党政干部优先安排培训',
    citation: {
      document: INCENTIVE_DOC,
      article: '第八条（一）',
      text: '对各类考核优秀、受到表彰奖励的党政干部,加强重点培养,优先安排培训。',
    },
    note: '“考核优秀”取评估日所在年度之前最近一个年度考核为优秀；“受到表彰奖励”取评估日前任何一级的个人表彰。',
    forCadre(c, ctx) {
      const because: string[] = [];
      const last = latestYearBefore(
        ctx.facts.cadreAssessments(c.id).map((a) => a.year),
        asOfYear(ctx),
      );
      if (last !== undefined && individualGradeIn(ctx, c, last) === '优秀')
        because.push(`${c.id} ${last} 年度考核 优秀`);
      for (const h of ctx.facts.honors(c.id)) if (h.date <= ctx.asOf) because.push(`${c.id} ${h.date} 获“${h.title}”`);
      if (because.length === 0) return;
      ctx.fire({ subject: c.id, because, conclusion: '加强重点培养，优先安排培训' });
    },
  }),
  rule({
    id: 'shaanxi/incentive/8.2',
    kind: 'procedure',
    title: '谈心谈话制度（主要负责同志同班子成员每年至少谈话一次）',
    citation: {
      document: INCENTIVE_DOC,
      article: '第八条（二）',
      text: '落实谈心谈话制度,党委(党组)主要负责同志同班子成员、班子成员同分管部门单位的主要负责同志每年至少谈话一次。在执行重要任务、完成重点工作、发生重大变故以及干部思想负担重、精神压力大、现实顾虑多等节点,及时开展谈心谈话、探访慰问,疏导缓解压力,加强人文关怀。',
    },
  }),
  rule({
    id: 'shaanxi/incentive/8.3',
    kind: 'principle',
    title: '保障干部合法权益',
    citation: {
      document: INCENTIVE_DOC,
      article: '第八条（三）',
      text: '保障干部合法权益,保证正常福利,丰富文体活动,把干部依法依规按政策享有的各项待遇落到实处。带薪休假、加班调休、干部体检等制度落实情况,作为年度目标责任考核及领导班子研判、干部考察内容。',
    },
  }),
  rule({
    id: 'shaanxi/incentive/9',
    kind: 'procedure',
    title: '组织实施',
    citation: {
      document: INCENTIVE_DOC,
      article: '第九条',
      text: '党政干部鼓励激励工作在省委、省政府和省考核委员会的领导下,由省委组织部组织实施。其中涉及考核考评结果提供或认定的,由相关职能部门具体负责。',
    },
  }),
];

function isCountyLeaderTitle(title: string): boolean {
  return title.includes('优秀县') && title.includes('党政正职');
}
