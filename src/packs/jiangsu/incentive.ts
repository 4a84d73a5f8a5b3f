// 江苏省党政干部鼓励激励办法: grades and titles from the 年度综合考核, priority in selection and promotion, bonuses
// and training priority. Amounts are parameters the text leaves to the province's departments (第九条（三）).
import { hasConsecutiveYears, yearOf } from '../../domain/dates.js';
import type { CadreFact, HonorFact, UnitAssessmentFact } from '../../domain/facts.js';
import { HONOR_AWARD_SPECS, type HonorAward } from '../../domain/vocabulary.js';
import { rule } from '../../policy/define.js';
import { selectByQuota } from '../../policy/quota.js';
import type { Citation, RuleContext } from '../../policy/types.js';
import {
  comprehensiveGrade,
  describeDetermination,
  determinationsNaming,
  DOC_INCENTIVE,
  firstGradeSelection,
  latestYearBefore,
  QUOTA_COHORTS,
} from './readings.js';
import { yearValueName } from '../../policy/value-names.js';
import { ADVANCED_COUNTY_AWARD, BONUS_BY_GRADE } from './params.js';

const cite = (article: string, text: string): Citation => ({ document: DOC_INCENTIVE, article, text });

export const TITLE_EXCELLENT_UNIT = '年度综合考核优秀市（单位）';
export const TITLE_ADVANCED_COUNTY = '推进高质量发展“先进县（市、区）”';
export const TITLE_EXCELLENT_COUNTY_PRINCIPAL = '优秀县（市、区）党政正职';
const GRADES = ['一', '二', '三', '四'];

/** Years a scheme has on record up to the evaluation year (a year's assessment is never read before its year). */
const yearsUpTo = (ctx: RuleContext, scheme: string) => ctx.facts.yearsOf(scheme).filter((y) => y <= yearOf(ctx.asOf));

// ---- 第四条 ---------------------------------------------------------------------------------------------------

export const r4 = rule({
  id: 'jiangsu/incentive/4',
  kind: 'computable',
  title: '年度综合考核确定一、二、三、四四个等次',
  citation: cite(
    '第四条',
    '第四条全面推行设区市、省级机关单位年度综合考核，包括推进高质量发展、加强党的建设年度成效的考核，领导班子和领导干部年度考核等，着重考核贯彻落实省委省政府决策部署、完成年度重点目标任务情况。\n对县（市、区，含国家级开发区），由设区市实施年度综合考核，省相关部门开展高质量发展监测评价。\n根据年度综合考核结果，确定“一、二、三、四”四个等次。',
  ),
  note: '等次以记录为准；设区市、省级机关单位只有得分或名次时，第一等次由第七条（一）的35%比例得出，第二至第四等次的划分本办法未规定，不作推算。',
  forUnit(u, ctx) {
    for (const a of ctx.facts.unitAssessments(u.id, 'comprehensive')) {
      if (a.year > yearOf(ctx.asOf)) continue;
      if (a.grade !== undefined && !GRADES.includes(a.grade)) {
        ctx.gap(`等次无效：${u.id} ${a.year}年度综合考核等次“${a.grade}”不是一、二、三、四之一（invalid grade）`);
        continue;
      }
      const g = comprehensiveGrade(ctx, u, a.year);
      if (!g) continue;
      ctx.set(u.id, `grade:comprehensive:${a.year}`, g.grade);
      ctx.fire({ subject: u.id, year: a.year, because: [g.why], conclusion: `年度综合考核第${g.grade}等次` });
    }
  },
});

// ---- 第七条 选树先进 -------------------------------------------------------------------------------------------

export const r7_1 = rule({
  id: 'jiangsu/incentive/7.1',
  kind: 'computable',
  title: '按35%比例确定第一等次，命名年度综合考核优秀市（单位）',
  citation: cite(
    '第七条（一）',
    '（一）按照35％的比例，对年度综合考核排序靠前的设区市和省级机关单位，确定为第一等次，由省委、省政府命名为“年度综合考核优秀市（单位）”。',
  ),
  note: '设区市与省级机关单位分别按35%计算名额，名额向下取整，不超过35%（见读法说明 二、陕西“35%的比例”；比例和取整方式是参数，可按具体办法另行设置）；按得分（高者在前）或名次排序；名额分界处并列的单位不作取舍，列入待定由集体研究决定。',
  forAll(ctx) {
    for (const year of yearsUpTo(ctx, 'comprehensive'))
      for (const { kind, label } of QUOTA_COHORTS) {
        const sel = firstGradeSelection(ctx, year, kind);
        if (!sel) continue;
        for (const a of sel.selected) {
          const because =
            sel.basis === 'grade'
              ? [`${a.unit} ${year} comprehensive 一（记录的等次）`]
              : [
                  `${a.unit} ${year} comprehensive ${sel.basis === 'score' ? `score ${a.score}` : `rank ${a.rank}`}`,
                  `${label} ${sel.members.length} 个，${sel.share}% 名额 ${sel.places} 个`,
                ];
          if (sel.basis !== 'grade' && !a.grade) ctx.set(a.unit, `grade:comprehensive:${year}`, '一');
          ctx.set(a.unit, yearValueName('titles', year), [TITLE_EXCELLENT_UNIT]);
          ctx.fire({ subject: a.unit, year, because, conclusion: `第一等次，命名为“${TITLE_EXCELLENT_UNIT}”` });
        }
        if (sel.tiedAtCutoff.length > 0)
          ctx.gap(
            `待定：jiangsu/incentive/7.1 ${year}年${label} ${sel.tiedAtCutoff.map((a) => a.unit).join('、')} 并列于第一等次名额分界处（名额 ${sel.places}），需集体研究决定（tie at quota cut-off）`,
          );
      }
  },
});

const COUNTY_KINDS = ['county', 'district'];
const ADVANCED_COUNTY_PLACES = 20;

/**
 * Honors recorded as the item's own award (HONOR_AWARDS), conferred by the body the article names (省委、省政府). The
 * free-text title is never matched: an unrelated 平安建设先进县 or a central 全国优秀县委书记 is not this item's title.
 */
const provincialHonors = (ctx: RuleContext, subject: string, award: HonorAward): HonorFact[] =>
  ctx.facts
    .honors(subject)
    .filter((h) => h.date <= ctx.asOf && h.award === award && h.conferredBy === HONOR_AWARD_SPECS[award].conferredBy);

interface AdvancedCounty {
  unit: string;
  year: number;
  because: string[];
  proposed: boolean;
}

/**
 * 先进县（市、区）: those the province determined (a determination naming 7.2, or a provincial honor recorded as this award);
 * for a year with no such decision on record, a proposal of 20 from the 高质量发展监测评价 (county_monitoring), else the
 * 年度综合考核 score or rank, with ties at the 20th place left for decision.
 */
function advancedCounties(ctx: RuleContext): { list: AdvancedCounty[]; ties: string[] } {
  const list: AdvancedCounty[] = [];
  const ties: string[] = [];
  const decidedYears = new Set<number>();
  const counties = ctx.units().filter((u) => COUNTY_KINDS.includes(u.kind));
  for (const u of counties) {
    for (const d of determinationsNamingAs(ctx, u.id, u.id, 'jiangsu/incentive/7.2')) {
      const y = yearOf(d.date);
      decidedYears.add(y);
      list.push({ unit: u.id, year: y, because: [describeDetermination(d)], proposed: false });
    }
    for (const h of provincialHonors(ctx, u.id, 'jiangsu_advanced_county')) {
      const y = yearOf(h.date);
      decidedYears.add(y);
      list.push({
        unit: u.id,
        year: y,
        because: [`${u.id} ${h.date} ${h.conferredBy} 表彰“${h.title}”`],
        proposed: false,
      });
    }
  }
  const countyIds = new Set(counties.map((u) => u.id));
  const years = new Set([...yearsUpTo(ctx, 'county_monitoring'), ...yearsUpTo(ctx, 'comprehensive')]);
  for (const year of [...years].sort()) {
    // The province decides a year's list in that year or early in the next: a decision dated then settles the year.
    if (decidedYears.has(year) || decidedYears.has(year + 1)) continue;
    let chosen:
      | { scheme: string; rows: UnitAssessmentFact[]; key: (a: UnitAssessmentFact) => number; asc: boolean; by: string }
      | undefined;
    for (const scheme of ['county_monitoring', 'comprehensive']) {
      const rows = ctx.facts.assessmentsFor(scheme, year).filter((a) => countyIds.has(a.unit));
      if (rows.length === 0) continue;
      if (rows.every((a) => a.score !== undefined))
        chosen = { scheme, rows, key: (a) => a.score!, asc: false, by: 'score' };
      else if (rows.every((a) => a.rank !== undefined))
        chosen = { scheme, rows, key: (a) => a.rank!, asc: true, by: 'rank' };
      if (chosen) break;
    }
    if (!chosen) continue;
    const { scheme, rows, key, asc, by } = chosen;
    const sel = selectByQuota(rows, key, ADVANCED_COUNTY_PLACES, asc);
    for (const a of sel.selected)
      list.push({
        unit: a.unit,
        year,
        because: [
          `${a.unit} ${year} ${scheme} ${by} ${key(a)}`,
          `县（市、区）${rows.length} 个，每年确定 ${ADVANCED_COUNTY_PLACES} 个`,
        ],
        proposed: true,
      });
    if (sel.tiedAtCutoff.length > 0)
      ties.push(
        `待定：jiangsu/incentive/7.2 ${year}年 ${sel.tiedAtCutoff.map((a) => a.unit).join('、')} 并列于第${ADVANCED_COUNTY_PLACES}名分界处，需集体研究决定（tie at quota cut-off）`,
      );
  }
  return { list, ties };
}

/** determinationsNaming for an item other than the rule being evaluated (9.1 and 8.3 read 7.2's and 7.3's). */
const determinationsNamingAs = (ctx: RuleContext, subject: string, _unit: string, id: string) =>
  ctx.determinations(subject, id);

export const r7_2 = rule({
  id: 'jiangsu/incentive/7.2',
  kind: 'computable',
  title: '每年确定20个推进高质量发展“先进县（市、区）”',
  citation: cite(
    '第七条（二）',
    '（二）根据县（市、区）年度综合考核和高质量发展监测评价结果，每年由省委、省政府确定20个推进高质量发展“先进县（市、区）”。',
  ),
  note: '省委、省政府的确定以认定记录（clause 7.2）或省级表彰为准；某年（及次年，省里通常在次年初确定上一年名单）没有确定记录时，按高质量发展监测评价（无则年度综合考核）得分或名次提出20个建议名单，第20名处并列的列入待定。国家级开发区不在本项“县（市、区）”之列（第四条对考核范围专门注明“含国家级开发区”，本项未注明）。',
  forAll(ctx) {
    const { list, ties } = advancedCounties(ctx);
    for (const a of list) {
      ctx.set(a.unit, yearValueName('titles', a.year), [TITLE_ADVANCED_COUNTY]);
      ctx.fire({
        subject: a.unit,
        year: a.year,
        because: a.because,
        conclusion: a.proposed
          ? `建议确定为${TITLE_ADVANCED_COUNTY}（报省委、省政府确定）`
          : `确定为${TITLE_ADVANCED_COUNTY}`,
      });
    }
    for (const t of ties) ctx.gap(t);
  },
});

/** Determinations or provincial honors naming a cadre 优秀县（市、区）党政正职. */
function excellentCountyPrincipal(ctx: RuleContext, c: CadreFact): { year: number; because: string }[] {
  const out: { year: number; because: string }[] = [];
  for (const d of determinationsNamingAs(ctx, c.id, c.unit, 'jiangsu/incentive/7.3'))
    out.push({ year: yearOf(d.date), because: describeDetermination(d) });
  for (const h of provincialHonors(ctx, c.id, 'jiangsu_excellent_county_principal'))
    out.push({ year: yearOf(h.date), because: `${c.id} ${h.date} ${h.conferredBy} 表彰“${h.title}”` });
  return out;
}

export const r7_3 = rule({
  id: 'jiangsu/incentive/7.3',
  kind: 'computable',
  title: '每年确定20名优秀县（市、区）党政正职',
  citation: cite(
    '第七条（三）',
    '（三）根据县（市、区）年度综合考核、领导班子和领导干部考核等情况，每年由省委、省政府确定20名优秀县（市、区）党政正职。',
  ),
  note: '人选由省委、省政府综合考核情况确定，不能由分数推出：以认定记录（clause 7.3）或省级表彰为准；同一年超过20名的列入待定。',
  forAll(ctx) {
    const perYear = new Map<number, string[]>();
    for (const c of ctx.cadres()) {
      for (const e of excellentCountyPrincipal(ctx, c)) {
        const unit = ctx.facts.unit(c.unit);
        const because = [e.because, `${c.id} 任 ${c.unit}（${unit?.kind ?? '?'}）${c.post}`];
        ctx.set(c.id, yearValueName('titles', e.year), [TITLE_EXCELLENT_COUNTY_PRINCIPAL]);
        ctx.fire({ subject: c.id, year: e.year, because, conclusion: `确定为${TITLE_EXCELLENT_COUNTY_PRINCIPAL}` });
        const l = perYear.get(e.year) ?? [];
        if (!l.includes(c.id)) l.push(c.id);
        perYear.set(e.year, l);
      }
    }
    for (const [year, ids] of perYear)
      if (ids.length > 20)
        ctx.gap(`待定：jiangsu/incentive/7.3 ${year}年确定的优秀县（市、区）党政正职有 ${ids.length} 名，超过每年20名`);
  },
});

export const r7_4 = rule({
  id: 'jiangsu/incentive/7.4',
  kind: 'procedure',
  title: '评选表彰',
  citation: cite(
    '第七条（四）',
    '（四）做好“优秀共产党员”“优秀党务工作者”“人民满意的公务员”“先进工作者”等评选表彰工作，发挥榜样示范作用。',
  ),
});

// ---- 第八条 选拔重用 -------------------------------------------------------------------------------------------

export const r8_1 = rule({
  id: 'jiangsu/incentive/8.1',
  kind: 'principle',
  title: '坚持好干部标准',
  citation: cite(
    '第八条（一）',
    '（一）坚持好干部标准，突出信念过硬、政治过硬、责任过硬、能力过硬、作风过硬，大力选拔敢于负责、勇于担当、善于作为、实绩突出的干部。',
  ),
});

export const r8_2 = rule({
  id: 'jiangsu/incentive/8.2',
  kind: 'computable',
  title: '连续三年第一等次的设区市、省级机关单位，干部选拔使用优先考虑',
  citation: cite('第八条（二）', '（二）对连续三年获得第一等次的设区市和省级机关单位，在干部选拔使用上优先考虑。'),
  note: '连续三年：截至评估日所在年份之前最近一个考核年度，连续三个考核年度均为第一等次，中间不缺年。结论及于该单位及其干部（“在干部选拔使用上优先考虑”，不同于第八条（三）（四）的“优先提拔使用”，不设 priorityPromotion）。',
  forUnit(u, ctx) {
    if (u.kind !== 'city' && u.kind !== 'provincial_dept') return;
    const years = ctx.facts.unitAssessments(u.id, 'comprehensive').map((a) => a.year);
    const latest = latestYearBefore(years, ctx.asOf);
    if (latest === undefined) return;
    const firsts: number[] = [];
    const because: string[] = [];
    for (let y = latest; y > latest - 3; y--) {
      const g = comprehensiveGrade(ctx, u, y);
      if (!g || g.grade !== '一') return;
      firsts.push(y);
      because.unshift(g.why);
    }
    if (!hasConsecutiveYears(firsts, latest, 3)) return;
    const conclusion = '连续三年第一等次：在干部选拔使用上优先考虑';
    ctx.fire({ subject: u.id, year: latest, because, conclusion });
    for (const c of ctx.facts.cadresOf(u.id))
      ctx.fire({ subject: c.id, year: latest, because: [...because, `${c.id} 属 ${u.id}`], conclusion });
  },
});

export const r8_3 = rule({
  id: 'jiangsu/incentive/8.3',
  kind: 'computable',
  title: '优秀县（市、区）党政正职，或年度考核连续三年优秀，优先提拔使用',
  citation: cite(
    '第八条（三）',
    '（三）确定为优秀县（市、区）党政正职的，或干部年度考核连续三年确定为优秀等次的，优先提拔使用。',
  ),
  note: '连续三年优秀：截至评估日所在年份之前最近一个年度考核，连续三个年度均为优秀，中间不缺年。',
  forCadre(c, ctx) {
    for (const e of excellentCountyPrincipal(ctx, c)) {
      ctx.set(c.id, 'priorityPromotion', true);
      ctx.fire({
        subject: c.id,
        year: e.year,
        because: [e.because],
        conclusion: `${TITLE_EXCELLENT_COUNTY_PRINCIPAL}：优先提拔使用`,
      });
    }
    const rows = ctx.facts.cadreAssessments(c.id);
    const latest = latestYearBefore(
      rows.map((a) => a.year),
      ctx.asOf,
    );
    if (latest === undefined) return;
    const excellent = rows.filter((a) => a.grade === '优秀' && a.year <= latest);
    if (
      !hasConsecutiveYears(
        excellent.map((a) => a.year),
        latest,
        3,
      )
    )
      return;
    ctx.set(c.id, 'priorityPromotion', true);
    ctx.fire({
      subject: c.id,
      year: latest,
      because: excellent.filter((a) => a.year > latest - 3).map((a) => `${c.id} ${a.year} 年度考核 优秀`),
      conclusion: '年度考核连续三年优秀：优先提拔使用',
    });
  },
});

export const r8_4 = rule({
  id: 'jiangsu/incentive/8.4',
  kind: 'computable',
  title: '作出突出贡献、长期在基层一线艰苦岗位成绩显著、受到党中央国务院或省委省政府表彰的，优先提拔使用',
  citation: cite(
    '第八条（四）',
    '（四）对在加强党的建设、推进高质量发展、建设“强富美高”新江苏等方面作出突出贡献，或者长期在基层一线、艰苦岗位埋头苦干、成绩显著，或者受到党中央国务院、省委省政府表彰的干部，优先提拔使用。',
  ),
  note: '“受到党中央国务院、省委省政府表彰”由表彰记录（conferredBy central / provincial）判断；突出贡献、长期基层一线成绩显著须经组织认定（clause 8.4）。',
  forCadre(c, ctx) {
    const because: string[] = [];
    for (const h of ctx.facts.honors(c.id))
      if (h.date <= ctx.asOf && (h.conferredBy === 'central' || h.conferredBy === 'provincial'))
        because.push(
          `${c.id} ${h.date} 受${h.conferredBy === 'central' ? '党中央国务院' : '省委省政府'}表彰“${h.title}”`,
        );
    for (const d of determinationsNaming(ctx, c.id, c.unit)) because.push(describeDetermination(d));
    if (because.length === 0) return;
    ctx.set(c.id, 'priorityPromotion', true);
    ctx.fire({ subject: c.id, because, conclusion: '优先提拔使用' });
  },
});

export const r8_5 = rule({
  id: 'jiangsu/incentive/8.5',
  kind: 'computable',
  title: '关键时刻或急难险重任务中表现突出的，可以破格提拔',
  citation: cite(
    '第八条（五）',
    '（五）在关键时刻或者承担急难险重任务中经受住考验、表现突出、作出重大贡献的干部，可以按规定破格提拔使用。',
  ),
  note: '须经组织认定（clause 8.5）；结论是“可以按规定破格提拔使用”的资格，不是优先提拔（priorityPromotion 不变）。',
  forCadre(c, ctx) {
    const ds = determinationsNaming(ctx, c.id, c.unit);
    if (ds.length === 0) return;
    ctx.fire({ subject: c.id, because: ds.map(describeDetermination), conclusion: '可以按规定破格提拔使用' });
  },
});

// ---- 第九条 考核奖励 -------------------------------------------------------------------------------------------

export const r9_1 = rule({
  id: 'jiangsu/incentive/9.1',
  kind: 'computable',
  title: '按年度综合考核等次核发奖金；奖励先进县',
  citation: cite(
    '第九条（一）',
    '（一）按照年度综合考核等次，对设区市领导班子和省级机关单位分别核发奖金。适当拉开奖金级差。\n对推进高质量发展“先进县（市、区）”给予奖励。',
  ),
  note: '奖金数额本办法未定（第九条（三）由省级机关有关职能部门提出、报省委省政府审批）：jiangsu.incentive.bonusByGrade（一至四等次的金额）与 jiangsu.incentive.advancedCountyAward 未配置时报告缺口，不作推算。',
  forAll(ctx) {
    for (const u of ctx.units()) {
      if (u.kind !== 'city' && u.kind !== 'provincial_dept') continue;
      for (const a of ctx.facts.unitAssessments(u.id, 'comprehensive')) {
        if (a.year > yearOf(ctx.asOf)) continue;
        const g = comprehensiveGrade(ctx, u, a.year);
        if (!g || !GRADES.includes(g.grade)) continue;
        const table = ctx.param(BONUS_BY_GRADE);
        const amount = table?.[g.grade];
        const who = u.kind === 'city' ? '设区市领导班子' : '省级机关单位';
        if (table !== undefined && typeof amount === 'number') ctx.set(u.id, yearValueName('award', a.year), amount);
        else if (table !== undefined) ctx.gap(`未配置：jiangsu.incentive.bonusByGrade（第${g.grade}等次）`);
        ctx.fire({
          subject: u.id,
          year: a.year,
          because: [g.why],
          conclusion:
            typeof amount === 'number'
              ? `按第${g.grade}等次对${who}核发奖金 ${amount} 元`
              : `按第${g.grade}等次对${who}核发奖金（金额未配置）`,
        });
      }
    }
    const seen = new Set<string>();
    for (const a of advancedCounties(ctx).list) {
      const key = `${a.unit}:${a.year}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const amount = ctx.param(ADVANCED_COUNTY_AWARD);
      if (typeof amount === 'number') ctx.set(a.unit, yearValueName('award', a.year), amount);
      ctx.fire({
        subject: a.unit,
        year: a.year,
        because: a.because,
        conclusion:
          typeof amount === 'number'
            ? `对${TITLE_ADVANCED_COUNTY}给予奖励 ${amount} 元${a.proposed ? '（以省委、省政府确定为准）' : ''}`
            : `对${TITLE_ADVANCED_COUNTY}给予奖励（金额未配置）`,
      });
    }
  },
});

export const r9_2 = rule({
  id: 'jiangsu/incentive/9.2',
  kind: 'computable',
  title: '作出突出贡献或受党中央国务院、省委省政府表彰授奖的，可给予一定物质奖励',
  citation: cite(
    '第九条（二）',
    '（二）对在重点工作、重大项目建设和急难险重任务等方面作出突出贡献的，或者因工作成绩突出受到党中央国务院、省委省政府表彰、授奖的，可给予一定物质奖励。',
  ),
  note: '“一定物质奖励”的数额本办法未定，只提出可以给予。',
  forCadre(c, ctx) {
    fire9_2(ctx, c.id, c.unit);
  },
  forUnit(u, ctx) {
    fire9_2(ctx, u.id, u.id);
  },
});

function fire9_2(ctx: RuleContext, subject: string, unit: string) {
  const because: string[] = [];
  for (const h of ctx.facts.honors(subject))
    if (h.date <= ctx.asOf && (h.conferredBy === 'central' || h.conferredBy === 'provincial'))
      because.push(
        `${subject} ${h.date} 受${h.conferredBy === 'central' ? '党中央国务院' : '省委省政府'}表彰“${h.title}”`,
      );
  for (const d of determinationsNaming(ctx, subject, unit)) because.push(describeDetermination(d));
  if (because.length > 0) ctx.fire({ subject, because, conclusion: '可给予一定物质奖励' });
}

export const r9_3 = rule({
  id: 'jiangsu/incentive/9.3',
  kind: 'procedure',
  title: '年度考核奖正常增长机制',
  citation: cite(
    '第九条（三）',
    '（三）建立年度考核奖正常增长机制。省级机关有关职能部门提出具体奖励办法和奖金数额，报省委、省政府审批。',
  ),
});

export const r9_4 = rule({
  id: 'jiangsu/incentive/9.4',
  kind: 'procedure',
  title: '奖金分配方案由各地区各单位制定',
  citation: cite(
    '第九条（四）',
    '（四）奖金分配方案由各地区各单位制定。分配方案应体现奖优奖勤，着力激励承担重要职责、工作表现优异、作出突出贡献的干部。奖金应发放到干部个人。',
  ),
});

// ---- 第十条 关心爱护 -------------------------------------------------------------------------------------------

export const r10_1 = rule({
  id: 'jiangsu/incentive/10.1',
  kind: 'principle',
  title: '职务与职级并行',
  citation: cite(
    '第十条（一）',
    '（一）全面落实县（市、区）以下机关公务员职务与职级并行、职级与待遇挂钩等制度。完善公务员收入分配制度改革相关配套政策措施，探索建立与经济社会发展水平相适应的收入增长机制。',
  ),
});

export const r10_2 = rule({
  id: 'jiangsu/incentive/10.2',
  kind: 'computable',
  title: '优先选送第一等次单位、基层一线和艰苦岗位的干部参加培训',
  citation: cite(
    '第十条（二）',
    '（二）大力开展干部教育培训，优先选送考核第一等次单位的干部、基层一线和艰苦岗位的干部参加各类培训。鼓励干部提升专业能力、参加在职学习，所在单位给予必要的支持。',
  ),
  note: '“考核第一等次单位”：单位在评估日所在年份之前最近一个年度综合考核为第一等次；“基层一线和艰苦岗位”须经认定（clause 10.2）。',
  forAll(ctx) {
    for (const u of ctx.units()) {
      const years = ctx.facts.unitAssessments(u.id, 'comprehensive').map((a) => a.year);
      const latest = latestYearBefore(years, ctx.asOf);
      if (latest === undefined) continue;
      const g = comprehensiveGrade(ctx, u, latest);
      if (!g || g.grade !== '一') continue;
      for (const c of ctx.facts.cadresOf(u.id))
        ctx.fire({
          subject: c.id,
          year: latest,
          because: [g.why, `${c.id} 属 ${u.id}`],
          conclusion: '考核第一等次单位的干部：优先选送参加培训',
        });
    }
  },
  forCadre(c, ctx) {
    const ds = determinationsNaming(ctx, c.id, c.unit);
    if (ds.length > 0)
      ctx.fire({
        subject: c.id,
        because: ds.map(describeDetermination),
        conclusion: '基层一线、艰苦岗位干部：优先选送参加培训',
      });
  },
});

export const r10_3 = rule({
  id: 'jiangsu/incentive/10.3',
  kind: 'procedure',
  title: '谈心谈话',
  citation: cite(
    '第十条（三）',
    '（三）领导干部、组织人事部门应经常与干部开展谈心谈话，倾听干部心声，加强人文关怀，在政策范围内为干部排忧解难。',
  ),
});

export const r10_4 = rule({
  id: 'jiangsu/incentive/10.4',
  kind: 'principle',
  title: '关爱干部身心健康',
  citation: cite(
    '第十条（四）',
    '（四）加强机关文化建设，开展丰富多彩的文体活动，关爱干部身心健康，完善带薪休假、加班调休等制度。',
  ),
});

export const r10_5 = rule({
  id: 'jiangsu/incentive/10.5',
  kind: 'principle',
  title: '向基层干部倾斜',
  citation: cite(
    '第十条（五）',
    '（五）给基层干部更多理解和支持，在政策、待遇等方面给予倾斜，让他们安心、安身、安业。',
  ),
});

export const r10_6 = rule({
  id: 'jiangsu/incentive/10.6',
  kind: 'procedure',
  title: '宣传先进典型，对造谣中伤的及时澄清',
  citation: cite(
    '第十条（六）',
    '（六）营造积极向上氛围，宣传推介先进典型，树立江苏干部良好形象。妥善应对、引导网络舆情等，对造谣中伤的及时予以澄清。',
  ),
});

export const r5 = rule({
  id: 'jiangsu/incentive/5',
  kind: 'principle',
  title: '鼓励激励的主要依据',
  citation: cite(
    '第五条',
    '第五条党政干部鼓励激励以年度综合考核，领导班子和领导干部年度考核、平时考核结果为主要依据。',
  ),
});

export const r6 = rule({
  id: 'jiangsu/incentive/6',
  kind: 'principle',
  title: '鼓励激励的内容',
  citation: cite('第六条', '第六条 党政干部鼓励激励包括选树先进、选拔重用、考核奖励、关心爱护等。'),
});

export const r12 = rule({
  id: 'jiangsu/incentive/12',
  kind: 'procedure',
  title: '各地区各单位制定具体办法',
  citation: cite('第十二条', '第十二条各地区各单位可根据本办法，结合实际制定相应的具体办法。'),
});

export const incentiveRules = [
  r4,
  r5,
  r6,
  r7_1,
  r7_2,
  r7_3,
  r7_4,
  r8_1,
  r8_2,
  r8_3,
  r8_4,
  r8_5,
  r9_1,
  r9_2,
  r9_3,
  r9_4,
  r10_1,
  r10_2,
  r10_3,
  r10_4,
  r10_5,
  r10_6,
  r12,
];
