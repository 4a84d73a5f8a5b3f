// 焦作 鼓励激励措施 1: "按30%的比例分类评定'好'等次领导班子" in the 业绩考核 (scheme `performance`). Several rules
// need the same grades (措施 1 itself, 标准之一 (一), the 就高不就低 check of 措施 6), so they are worked out here once
// per rule call, as a pure function of the facts.
//
// Readings fixed here:
// - 分类评定: the share applies within each class of teams separately: 县(市)区 (county, district, and dev_zone, which
//   焦作 ranks with them), 市直单位 (city_dept); any other kind forms its own class.
// - A grade the facts give is the official result and is kept. Teams with a score and no grade are ranked by score
//   (higher is better) for the places the share leaves after the teams already graded 好.
// - Places = the share of all the class's teams assessed that year, rounded by `jiaozuo.incentive.quotaRounding`
//   (default floor: "按30%的比例" never exceeds 30%). Teams tied at the cut-off are neither 好 nor not: their grade is
//   null and the tie is reported for a collective decision (DESIGN §5).
// - Only years before the evaluation date's year are graded (a year's 业绩考核 is concluded the following year).
import type { UnitFact } from '../../domain/facts.js';
import type { UnitKind } from '../../domain/vocabulary.js';
import { selectByQuota, quotaPlaces, type Rounding } from '../../policy/quota.js';
import { pct, type Ratio } from '../../policy/rational.js';
import { param } from '../../policy/define.js';
import type { ParamDef, RuleContext } from '../../policy/types.js';
import { quotaRoundingParam } from '../reading-params.js';
import { INCENTIVE_DOC } from './documents.js';

const MEASURE1 = `${INCENTIVE_DOC} 鼓励激励措施 1：按30%的比例分类评定"好"等次领导班子,其班子成员"优秀"等次可提升至30%`;

// The page carries no date: the numbers it prints are undated values, in force whenever the pack is.
export const GOOD_TEAM_SHARE = param({
  key: 'jiaozuo.incentive.goodTeamShare',
  type: 'number',
  description: '业绩考核“好”等次领导班子的比例（百分数，按类别分别计算）',
  values: [{ value: 30, citation: MEASURE1 }],
});

export const EXCELLENT_SHARE = param({
  key: 'jiaozuo.incentive.excellentShareInGoodTeams',
  type: 'number',
  description: '“好”等次领导班子成员年度考核“优秀”等次可提升至的比例（百分数）',
  values: [{ value: 30, citation: MEASURE1 }],
});

export const QUOTA_ROUNDING = quotaRoundingParam('jiaozuo.incentive.quotaRounding');

export interface PerformanceGrade {
  /** the grade; null when the team is tied at the cut-off and a person must decide */
  grade: string | null;
  source: 'given' | 'quota' | 'tie';
  because: string[];
}

/** unit id → year → grade */
export type PerformanceGrades = Map<string, Map<number, PerformanceGrade>>;

const COUNTY_CLASS: readonly UnitKind[] = ['county', 'district', 'dev_zone'];

export function performanceClass(kind: UnitKind): { key: string; label: string } {
  if (COUNTY_CLASS.includes(kind)) return { key: 'county', label: '县(市)区' };
  if (kind === 'city_dept') return { key: 'city_dept', label: '市直单位' };
  return { key: kind, label: kind };
}

export function lastConcludedYear(asOf: string): number {
  return Number(asOf.slice(0, 4)) - 1;
}

function shareParam(ctx: RuleContext, def: ParamDef<'number'>): Ratio | undefined {
  const v = ctx.param(def);
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 100)
    throw new Error(`参数 ${def.key} 应为 0–100 的整数百分比 (must be an integer percentage): ${String(v)}`);
  return pct(v);
}

export function goodTeamShare(ctx: RuleContext): Ratio | undefined {
  return shareParam(ctx, GOOD_TEAM_SHARE);
}

export function excellentShare(ctx: RuleContext): Ratio | undefined {
  return shareParam(ctx, EXCELLENT_SHARE);
}

export function performanceGrades(ctx: RuleContext): PerformanceGrades {
  const out: PerformanceGrades = new Map();
  const governed = new Map<string, UnitFact>();
  for (const u of ctx.units()) governed.set(u.id, u);
  const last = lastConcludedYear(ctx.asOf);
  const put = (unit: string, year: number, g: PerformanceGrade) => {
    let m = out.get(unit);
    if (!m) out.set(unit, (m = new Map()));
    m.set(year, g);
  };
  let share: Ratio | undefined;
  let rounding: Rounding | undefined;
  let paramsRead = false;

  for (const year of ctx.facts.yearsOf('performance')) {
    if (year > last) continue;
    const classes = new Map<string, { label: string; rows: { unit: UnitFact; grade?: string; score?: number }[] }>();
    for (const a of ctx.facts.assessmentsFor('performance', year)) {
      const u = governed.get(a.unit);
      if (!u) continue;
      const cls = performanceClass(u.kind);
      let c = classes.get(cls.key);
      if (!c) classes.set(cls.key, (c = { label: cls.label, rows: [] }));
      c.rows.push({ unit: u, grade: a.grade, score: a.score });
    }
    for (const { label, rows } of classes.values()) {
      for (const r of rows)
        if (r.grade !== undefined)
          put(r.unit.id, year, {
            grade: r.grade,
            source: 'given',
            because: [`${r.unit.id} ${year} performance ${r.grade}`],
          });
      const scored = rows.filter((r) => r.grade === undefined && r.score !== undefined);
      if (scored.length === 0) continue;
      if (!paramsRead) {
        share = goodTeamShare(ctx);
        rounding = ctx.param(QUOTA_ROUNDING);
        paramsRead = true;
      }
      if (share === undefined || rounding === undefined) continue; // reported as 未配置 by ctx.param
      const total = quotaPlaces(rows.length, share, rounding);
      const givenGood = rows.filter((r) => r.grade === '好').length;
      const places = Math.max(0, total - givenGood);
      const sel = selectByQuota(scored, (r) => r.score!, places);
      const basis = `${year} 业绩考核 ${label} ${rows.length} 个班子 × ${share.num}% = ${total} 个“好”等次名额（${rounding}）${
        givenGood > 0 ? `，已评定“好” ${givenGood} 个` : ''
      }，按分数排序 ${places} 个`;
      for (const r of sel.selected)
        put(r.unit.id, year, {
          grade: '好',
          source: 'quota',
          because: [basis, `${r.unit.id} ${year} performance score ${r.score} 在名额内`],
        });
      if (sel.tiedAtCutoff.length > 0) {
        const ids = sel.tiedAtCutoff.map((r) => r.unit.id).join(',');
        ctx.gap(`待定：jiaozuo/incentive/measure.1 ${year} performance ${label} 名额线并列 ${ids}`);
        for (const r of sel.tiedAtCutoff)
          put(r.unit.id, year, {
            grade: null,
            source: 'tie',
            because: [
              basis,
              `${r.unit.id} ${year} performance score ${r.score} 与 ${ids} 并列于名额线，待集体研究决定`,
            ],
          });
      }
    }
  }
  return out;
}

/** Years in which the unit's team is graded 好 (given or by quota). */
export function goodYears(grades: PerformanceGrades, unit: string): number[] {
  const m = grades.get(unit);
  if (!m) return [];
  return [...m].filter(([, g]) => g.grade === '好').map(([y]) => y);
}
