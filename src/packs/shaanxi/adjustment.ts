// 陕西省推进省管党政领导干部能上能下办法(试行) (2018). Each 情形 (第六条–第十三条) is met either by what the record
// shows (assessment grades, ranks, votes, incidents) or by a determination (责任认定) that the competent organ made
// under that clause; the finding goes to the cadres the item names (主要负责人, 分管领导干部 with the matching
// 分管 area, 党委(党组)书记, 有关领导干部) and opens an alert (预警), never an adjustment by itself. 第十六条 turns a
// decided adjustment into an influence period.
import { addYears, yearOf } from '../../domain/dates.js';
import type { CadreFact, IncidentFact, UnitFact } from '../../domain/facts.js';
import { normalSeverity, type IncidentCategory, type PostRole } from '../../domain/vocabulary.js';
import { rule } from '../../policy/define.js';
import { selectByQuota } from '../../policy/quota.js';
import { atLeast, formatRatio, pct, ratio } from '../../policy/rational.js';
import { incidentsInTerritory, twoConsecutiveYears, withinOneYear, type WindowReading } from '../../policy/readings.js';
import { windowReadingOf } from '../reading-params.js';
import { INCIDENT_WINDOW, LOOKBACK_MONTHS } from './params.js';
import type { Citation, RuleContext } from '../../policy/types.js';
import {
  ADJUSTMENT_DOC,
  asOfYear,
  CITY_KINDS,
  COUNTY_KINDS,
  describeCadre,
  determinationLine,
  determinationsFor,
  governedUnits,
  latestYearBefore,
  LEADER_POSTS,
  rankingOf,
  targetsOf,
  type Targets,
} from './common.js';

interface Trigger {
  year: number;
  because: string[];
}

interface AdjustmentSpec {
  id: string;
  title: string;
  citation: Citation;
  note?: string;
  /** who the item names among a unit's cadres */
  targets: Targets;
  /** who a determination on a unit names, when it differs from `targets` */
  determinationTargets?: Targets;
  /** 有关领导干部: also alert the unit, since who exactly is concerned is for the organ to say */
  alertUnit?: boolean;
  /** the situation as the record shows it, per unit */
  unitTriggers?(u: UnitFact, ctx: RuleContext): Trigger[];
  /** the situation as the record shows it, comparing units (rankings) */
  globalTriggers?(ctx: RuleContext): Map<string, Trigger[]>;
  /** individual situations (votes, grades) and the posts they apply to */
  cadreTriggers?(c: CadreFact, ctx: RuleContext): Trigger[];
  cadrePosts?: ReadonlySet<PostRole>;
}

/**
 * Builds an adjustment rule: record-based triggers and determinations under the clause, each alerting the cadres
 * the item names (and the unit when nobody on record fits, so that no alert is lost).
 */
function adjustmentRule(spec: AdjustmentSpec) {
  const conclusion = `预警：应予调整（${spec.title}）`;
  const alert = (ctx: RuleContext, u: UnitFact, t: Trigger, targets: Targets) => {
    const who = targetsOf(ctx.facts, u.id, targets);
    for (const c of who)
      ctx.fire({ subject: c.id, year: t.year, because: [...t.because, describeCadre(c)], conclusion });
    if (spec.alertUnit || who.length === 0)
      ctx.fire({
        subject: u.id,
        year: t.year,
        because: t.because,
        conclusion: `${conclusion}；有关领导干部由组织认定${who.length ? `（按分管领域：${who.map((c) => c.id).join('、')}）` : ''}`,
      });
  };
  return rule({
    id: spec.id,
    kind: 'computable',
    title: spec.title,
    citation: spec.citation,
    ...(spec.note ? { note: spec.note } : {}),
    ...(spec.globalTriggers
      ? {
          forAll(ctx: RuleContext) {
            for (const [unit, triggers] of spec.globalTriggers!(ctx)) {
              const u = ctx.facts.unit(unit);
              if (u) for (const t of triggers) alert(ctx, u, t, spec.targets);
            }
          },
        }
      : {}),
    forUnit(u, ctx) {
      for (const t of spec.unitTriggers?.(u, ctx) ?? []) alert(ctx, u, t, spec.targets);
      for (const d of determinationsFor(ctx, u.id))
        alert(
          ctx,
          u,
          { year: yearOf(d.date), because: [determinationLine(d)] },
          spec.determinationTargets ?? spec.targets,
        );
    },
    forCadre(c, ctx) {
      for (const d of determinationsFor(ctx, c.id))
        ctx.fire({
          subject: c.id,
          year: yearOf(d.date),
          because: [determinationLine(d), describeCadre(c)],
          conclusion,
        });
      if (spec.cadreTriggers && (!spec.cadrePosts || spec.cadrePosts.has(c.post)))
        for (const t of spec.cadreTriggers(c, ctx))
          ctx.fire({ subject: c.id, year: t.year, because: [...t.because, describeCadre(c)], conclusion });
    },
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Readings shared by the incident rules (DESIGN §3): 一年内 = any 12-month window (or calendar year, by parameter)
// ending within the look-back period before the evaluation date; 连续两年 = two consecutive calendar years.

const SEVERITY_RANK = { 一般: 1, 较大: 2, 重大: 3, 特别重大: 4 } as const;
type Sev = keyof typeof SEVERITY_RANK;

/** 县(区) / 市(区) 发生: incidents anywhere in the unit's territory (本地区, the unit and the units below it). */
function incidentsIn(
  ctx: RuleContext,
  u: UnitFact,
  categories: readonly IncidentCategory[],
  atLeastSeverity: Sev,
): IncidentFact[] {
  return incidentsInTerritory(
    ctx.facts,
    u,
    ctx.asOf,
    (i) =>
      categories.includes(i.category) && SEVERITY_RANK[normalSeverity(i.severity)] >= SEVERITY_RANK[atLeastSeverity],
  );
}

const incidentLine = (i: IncidentFact) => `${i.unit} ${i.date} ${i.category} ${i.severity}`;

/** The pack's reading of 一年内 / the look-back; undefined when a parameter is set to nothing. */
function windowOf(ctx: RuleContext): WindowReading | undefined {
  return windowReadingOf(ctx, INCIDENT_WINDOW, LOOKBACK_MONTHS);
}

/** `n` or more incidents within one year (一年内), the window ending within the look-back period. */
function withinOne(ctx: RuleContext, list: readonly IncidentFact[], n: number): Trigger | undefined {
  const reading = windowOf(ctx);
  const hit = reading && withinOneYear(list, n, reading);
  if (!hit) return undefined;
  const first = hit.events[0]!;
  const last = hit.events[hit.events.length - 1]!;
  return {
    year: hit.year,
    because: [
      ...hit.events.map(incidentLine),
      hit.calendar
        ? `${yearOf(first.date)}年内 ${hit.events.length} 起（按自然年）`
        : `${first.date} 至 ${last.date} 一年内 ${hit.events.length} 起`,
    ],
  };
}

/** 连续两年发生: incidents in two consecutive calendar years, the later year ending within the look-back period. */
function twoYears(ctx: RuleContext, list: readonly IncidentFact[]): Trigger | undefined {
  const reading = windowOf(ctx);
  const pair = reading && twoConsecutiveYears(list, reading);
  if (!pair) return undefined;
  const [y0, y1] = pair.years;
  return { year: y1, because: [...pair.events.map(incidentLine), `${y0}、${y1} 连续两年发生`] };
}

const some = (t: Trigger | undefined): Trigger[] => (t ? [t] : []);

// ---------------------------------------------------------------------------------------------------------------
// Assessment-based readings.

/** The unit's grade under a scheme in the latest year on record before the evaluation date's year, and the year before. */
function latestGrades(ctx: RuleContext, unit: string, scheme: string) {
  const list = ctx.facts.unitAssessments(unit, scheme);
  const last = latestYearBefore(
    list.map((a) => a.year),
    asOfYear(ctx),
  );
  const grade = (y: number) => list.find((a) => a.year === y)?.grade;
  return { last, grade };
}

/**
 * 退位幅度 (DESIGN §3 reading of 陕西 9.1): this year's rank minus last year's, positive values only; the `places`
 * largest are 前N名. Ties at the cut-off are returned separately, never broken.
 */
function biggestFallers(ctx: RuleContext, year: number, kinds: ReadonlySet<string>, places: number) {
  const gov = governedUnits(ctx);
  const prev = rankingOf(ctx.facts, gov, 'county_monitoring', year - 1, kinds);
  const cur = rankingOf(ctx.facts, gov, 'county_monitoring', year, kinds);
  const items: { unit: string; fall: number; line: string }[] = [];
  for (const [unit, rank] of cur) {
    const before = prev.get(unit);
    if (before !== undefined && rank - before > 0)
      items.push({
        unit,
        fall: rank - before,
        line: `${unit} county_monitoring ${year - 1} 第${before}名 → ${year} 第${rank}名（退位 ${rank - before}）`,
      });
  }
  const s = selectByQuota(items, (i) => i.fall, places);
  return {
    selected: new Map(s.selected.map((i) => [i.unit, i.line])),
    tied: new Map(s.tiedAtCutoff.map((i) => [i.unit, i.line])),
  };
}

const TARGET_UNIT_KINDS: ReadonlySet<string> = new Set([...CITY_KINDS, ...COUNTY_KINDS, 'provincial_dept']);
const PRINCIPAL: Targets = { principal: true };

export const adjustmentRules = [
  rule({
    id: 'shaanxi/adjustment/2',
    kind: 'principle',
    title: '重点解决能下问题',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第二条',
      text: '本办法重点解决省管党政领导干部能下问题,建立健全不适应新时代发展要求,慢作为不作为乱作为、庸懒散慢虚等不适宜担任现职的领导干部调整机制。对涉及问责追责和违纪的,按照有关规定办理。',
    },
  }),
  rule({
    id: 'shaanxi/adjustment/3',
    kind: 'principle',
    title: '工作原则',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第三条',
      text: '推进省管党政领导干部能上能下,坚持实事求是、客观公正、注重实绩、综合评价、权责一致、积极稳妥的原则。',
    },
  }),
  rule({
    id: 'shaanxi/adjustment/4',
    kind: 'principle',
    title: '下的调整方式：调离岗位、改任非领导职务、免职、降职',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第四条',
      text: '省管党政领导干部下的调整方式主要有:调离岗位、改任非领导职务、免职、降职等,视情节轻重予以确定。',
    },
  }),
  rule({
    id: 'shaanxi/adjustment/5',
    kind: 'principle',
    title: '能下的依据',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第五条',
      text: '推进省管党政领导干部能下,以政治表现为基本依据,综合运用党的建设、年度目标责任考核、领导班子研判、县域经济社会发展监测考评、脱贫攻坚工作成效考核,以及生态环保、安全生产、综治维稳等方面工作不力的责任认定结果。',
    },
  }),

  // 第六条 党的建设工作不力 — findings made by 中组部/中宣部/省委 (determinations under the clause).
  adjustmentRule({
    id: 'shaanxi/adjustment/6.1',
    title: '严重违规提拔干部或用人上不正之风严重，受通报批评',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第六条（一）',
      text: '发生严重违规提拔干部问题,或者用人上不正之风严重,造成恶劣影响,受到中组部或省委通报批评单位的党委(党组)书记和有关党员领导干部。',
    },
    note: '依据责任认定（determination，clause 6.1）。对象：被通报批评单位的党委(党组)书记；有关党员领导干部按分管党建（party_building）识别，另向单位预警由组织认定。',
    targets: { secretary: true, related: 'party_building' },
    alertUnit: true,
  }),
  adjustmentRule({
    id: 'shaanxi/adjustment/6.2',
    title: '基层党组织软弱涣散引发重大事件，受通报批评',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第六条（二）',
      text: '基层党组织软弱涣散,引发重大事件,造成恶劣影响,受到中组部或省委通报批评单位的党委(党组)书记和有关党员领导干部。',
    },
    note: '依据责任认定（clause 6.2）。对象：党委(党组)书记；有关党员领导干部按分管党建（party_building）识别。',
    targets: { secretary: true, related: 'party_building' },
    alertUnit: true,
  }),
  adjustmentRule({
    id: 'shaanxi/adjustment/6.3',
    title: '意识形态方面出现严重错误导向，受通报批评',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第六条（三）',
      text: '管辖范围内意识形态方面出现严重错误导向,造成恶劣影响,受到中宣部或省委通报批评单位的党委(党组)书记和有关党员领导干部。',
    },
    note: '依据责任认定（clause 6.3）。对象：党委(党组)书记；有关党员领导干部按分管意识形态（ideology）识别。',
    targets: { secretary: true, related: 'ideology' },
    alertUnit: true,
  }),
  adjustmentRule({
    id: 'shaanxi/adjustment/6.4',
    title: '对群众反映、上级指出的问题查处或整改不力',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第六条（四）',
      text: '对群众反映、上级指出的问题查处或整改不力,造成恶劣影响单位的党委(党组)书记和有关党员领导干部。',
    },
    note: '依据责任认定（clause 6.4）。对象：党委(党组)书记；有关党员领导干部由组织认定（对单位预警）。',
    targets: { secretary: true },
    alertUnit: true,
  }),

  adjustmentRule({
    id: 'shaanxi/adjustment/7',
    title: '领导班子研判认定的不适宜担任现职情形',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第七条',
      text: '依据领导班子研判结果进行调整的情形及对象为:\n搞不团结,闹无原则纠纷的;工作成效一般,长期打不开局面的;群众反映强烈,满意度低的;自我约束不严,造成不良影响的;被批评教育提醒谈话后态度消极,整改不力的有关党政领导干部。',
    },
    note: '依据领导班子研判结果（determination，clause 7），认定到人的对该干部预警；认定到单位的对单位预警，由组织确定有关党政领导干部。',
    targets: {},
    alertUnit: true,
  }),

  adjustmentRule({
    id: 'shaanxi/adjustment/8.1',
    title: '年度目标责任考核连续两年一般或当年较差（主要负责人）',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第八条（一）',
      text: '年度目标责任考核连续两年被评为一般等次,或者当年被评为较差等次的市(区)、县(市、区)和省级部门主要负责人。',
    },
    note:
      '适用于市(区)、县(市、区)和省级部门（city、dev_zone、county、district、provincial_dept）的主要负责人，不含副职。' +
      '以评估日所在年度之前最近一个考核年度为“当年”；“连续两年”为该年及上一年均为一般，中间缺年即中断。',
    targets: PRINCIPAL,
    unitTriggers(u, ctx) {
      if (!TARGET_UNIT_KINDS.has(u.kind)) return [];
      const { last, grade } = latestGrades(ctx, u.id, 'target');
      if (last === undefined) return [];
      if (grade(last) === '较差') return [{ year: last, because: [`${u.id} ${last} target 较差`] }];
      if (grade(last) === '一般' && grade(last - 1) === '一般')
        return [{ year: last, because: [`${u.id} ${last - 1} target 一般`, `${u.id} ${last} target 一般`] }];
      return [];
    },
  }),
  adjustmentRule({
    id: 'shaanxi/adjustment/8.2',
    title: '民主测评基本称职和不称职得票率在30%以上',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第八条（二）',
      text: '年度考核民主测评基本称职和不称职得票率在30%以上的党政领导干部。',
    },
    note: '得票率 =（基本称职票 + 不称职票）/ 有效票（四项之和），精确分数比较；“以上”含本数，恰为30%即适用。取最近一个年度考核。',
    targets: {},
    cadrePosts: LEADER_POSTS,
    cadreTriggers(c, ctx) {
      const list = ctx.facts.cadreAssessments(c.id);
      const last = latestYearBefore(
        list.map((a) => a.year),
        asOfYear(ctx),
      );
      const v = list.find((a) => a.year === last)?.votes;
      if (last === undefined || !v) return [];
      const valid = v.excellent + v.competent + v.basic + v.incompetent;
      if (valid === 0) return [];
      const share = ratio(v.basic + v.incompetent, valid);
      if (!atLeast(share, pct(30))) return [];
      return [
        {
          year: last,
          because: [
            `${c.id} ${last} 民主测评 优秀${v.excellent} 称职${v.competent} 基本称职${v.basic} 不称职${v.incompetent}`,
            `基本称职和不称职得票率 ${formatRatio(share)} ≥ 30%`,
          ],
        },
      ];
    },
  }),
  adjustmentRule({
    id: 'shaanxi/adjustment/8.3',
    title: '年度考核不称职，或连续两年基本称职',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第八条（三）',
      text: '年度考核结果为不称职等次,或者连续两年为基本称职等次的党政领导干部。',
    },
    note: '取评估日所在年度之前最近一个年度考核：不称职即适用；该年及上一年均为基本称职亦适用（缺年中断）。',
    targets: {},
    cadrePosts: LEADER_POSTS,
    cadreTriggers(c, ctx) {
      const list = ctx.facts.cadreAssessments(c.id);
      const last = latestYearBefore(
        list.map((a) => a.year),
        asOfYear(ctx),
      );
      if (last === undefined) return [];
      const grade = (y: number) => list.find((a) => a.year === y)?.grade;
      if (grade(last) === '不称职') return [{ year: last, because: [`${c.id} ${last} 年度考核 不称职`] }];
      if (grade(last) === '基本称职' && grade(last - 1) === '基本称职')
        return [
          { year: last, because: [`${c.id} ${last - 1} 年度考核 基本称职`, `${c.id} ${last} 年度考核 基本称职`] },
        ];
      return [];
    },
  }),
  adjustmentRule({
    id: 'shaanxi/adjustment/8.4',
    title: '全国性考核评比列最后档次或综合排名后5位（省级部门）',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第八条（四）',
      text: '在党中央、国务院及国家部委开展的全国性考核评比中,列最后档次或综合排名后5位的省级部门主要负责人及分管领导干部。',
    },
    note:
      '读取全国性考核评比（national_ranking）：等次为“最后档次”，或名次在后5位（仅当当年全部参评名次在记录中、参评数多于5时可算；否则列入缺口）。' +
      '对象为省级部门主要负责人及分管领导干部；记录不载明评比所涉工作的分管，故对各副职一并预警，由组织核定。',
    targets: { principal: true, allDeputies: true },
    unitTriggers(u, ctx) {
      if (u.kind !== 'provincial_dept') return [];
      const { last } = latestGrades(ctx, u.id, 'national_ranking');
      if (last === undefined) return [];
      const a = ctx.facts.unitAssessment(u.id, 'national_ranking', last)!;
      if (a.grade === '最后档次') return [{ year: last, because: [`${u.id} ${last} national_ranking 最后档次`] }];
      if (a.rank === undefined) return [];
      const field = ctx.facts.assessmentsFor('national_ranking', last);
      const n = field.length;
      const complete = n > 5 && field.every((f) => f.rank !== undefined && f.rank <= n);
      if (!complete) {
        ctx.gap(`无法确定：shaanxi/adjustment/8.4 ${u.id} ${last} 全国性评比参评总数不详（名次 ${a.rank}）`);
        return [];
      }
      return a.rank > n - 5
        ? [{ year: last, because: [`${u.id} ${last} national_ranking 第${a.rank}名（共${n}名，后5位）`] }]
        : [];
    },
  }),

  adjustmentRule({
    id: 'shaanxi/adjustment/9.1',
    title: '县域监测考评连续两年退位幅度前3名的县(市)、退位幅度最大的城区',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第九条（一）',
      text: '县域经济社会发展监测考评连续两年退位幅度在前3名的县(市)和退位幅度最大的城区主要负责人。',
    },
    note:
      '退位幅度 = 今年名次 − 上年名次，只计正值；县(市)取最大的3个，城区取最大的1个（见读法说明）。连续两年指评估日所在年度之前最近一个考评年度及其上一年。' +
      '名额分界处并列的不予决定，列入缺口。对象为主要负责人。',
    targets: PRINCIPAL,
    globalTriggers(ctx) {
      const out = new Map<string, Trigger[]>();
      const last = latestYearBefore(ctx.facts.yearsOf('county_monitoring'), asOfYear(ctx));
      if (last === undefined) return out;
      for (const [kinds, places, label] of [
        [new Set(['county']), 3, '县(市)退位幅度前3名'],
        [new Set(['district']), 1, '城区退位幅度最大'],
      ] as const) {
        const a = biggestFallers(ctx, last - 1, kinds, places);
        const b = biggestFallers(ctx, last, kinds, places);
        for (const [unit, line] of b.selected) {
          const before = a.selected.get(unit);
          if (before) out.set(unit, [{ year: last, because: [before, line, `${last - 1}、${last} 连续两年${label}`] }]);
          else if (a.tied.has(unit)) ctx.gap(`并列待定：shaanxi/adjustment/9.1 ${last - 1} ${unit} 并列于${label}分界`);
        }
        for (const unit of b.tied.keys())
          if (a.selected.has(unit) || a.tied.has(unit))
            ctx.gap(`并列待定：shaanxi/adjustment/9.1 ${last} ${unit} 并列于${label}分界`);
      }
      return out;
    },
  }),
  adjustmentRule({
    id: 'shaanxi/adjustment/9.2',
    title: '收入、财政、招商、民间投资连续两年综合排位后3名的县(市)、排位最后的城区',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第九条（二）',
      text: '居民人均可支配收入、地方财政一般预算收入、招商引资实际到位资金、民间投资及其增速,连续两年综合排位后3名的县(市)和排位最后的城区主要负责人。',
    },
    note: '这四项指标的综合排位不在监测考评记录中，依据有关部门的认定结果（determination，clause 9.2）；对象为主要负责人。',
    targets: PRINCIPAL,
  }),

  adjustmentRule({
    id: 'shaanxi/adjustment/10.1',
    title: '未完成年度脱贫计划任务',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第十条（一）',
      text: '未完成年度脱贫计划任务单位的党政主要领导干部和分管领导干部。',
    },
    note: '依据认定结果（clause 10.1）；对象为党政主要领导干部和分管扶贫（poverty）的领导干部。',
    targets: { principal: true, inCharge: 'poverty' },
  }),
  adjustmentRule({
    id: 'shaanxi/adjustment/10.2',
    title: '落实脱贫攻坚决策部署不力受批评',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第十条（二）',
      text: '落实中央和省委脱贫攻坚决策部署不力,受到党中央、国务院批评,或者受到省委、省政府通报批评且问题严重的党政主要领导干部和分管领导干部。',
    },
    note: '依据认定结果（clause 10.2）；对象为党政主要领导干部和分管扶贫（poverty）的领导干部。',
    targets: { principal: true, inCharge: 'poverty' },
  }),
  adjustmentRule({
    id: 'shaanxi/adjustment/10.3',
    title: '脱贫攻坚工作成效考核当年被评为差等次',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第十条（三）',
      text: '脱贫攻坚工作成效考核当年被评为差等次单位的党政主要领导干部和分管领导干部。',
    },
    note: '“当年”为评估日所在年度之前最近一个考核年度；对象为党政主要领导干部和分管扶贫（poverty）的领导干部。',
    targets: { principal: true, inCharge: 'poverty' },
    unitTriggers(u, ctx) {
      const { last, grade } = latestGrades(ctx, u.id, 'poverty');
      return last !== undefined && grade(last) === '差'
        ? [{ year: last, because: [`${u.id} ${last} poverty 差`] }]
        : [];
    },
  }),
  adjustmentRule({
    id: 'shaanxi/adjustment/10.4',
    title: '违反贫困退出规定，弄虚作假、搞“数字脱贫”',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第十条（四）',
      text: '违反贫困退出规定,弄虚作假、搞“数字脱贫”的党政领导干部。',
    },
    note: '依据认定结果（clause 10.4）；认定到人的对该干部预警，认定到单位的对单位预警。',
    targets: {},
    alertUnit: true,
  }),

  adjustmentRule({
    id: 'shaanxi/adjustment/11.1',
    title: '落实生态文明建设决策部署不力受批评',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第十一条（一）',
      text: '落实中央和省委关于生态文明建设的决策部署不力,致使生态环境恶化事件多发高发、群众反映强烈,受到党中央、国务院批评,或者受到省委、省政府通报批评且问题严重的有关党政领导干部。',
    },
    note: '依据认定结果（clause 11.1）；有关党政领导干部按分管生态环保（environment）识别，另向单位预警。',
    targets: { related: 'environment' },
    alertUnit: true,
  }),
  adjustmentRule({
    id: 'shaanxi/adjustment/11.2',
    title: '生态环境恶化事件处置不力',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第十一条（二）',
      text: '对发生生态环境恶化事件没有及时组织处理,或者应对不力、处置失当造成恶劣影响的有关党政领导干部。',
    },
    note: '依据认定结果（clause 11.2）；有关党政领导干部按分管生态环保（environment）识别，另向单位预警。',
    targets: { related: 'environment' },
    alertUnit: true,
  }),

  adjustmentRule({
    id: 'shaanxi/adjustment/12.1',
    title: '生产安全责任事故',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第十二条（一）',
      text: '一年内发生1起重大以上或2起以上(含2起)较大生产安全责任事故的县(区)主要负责人和分管领导干部;一年内发生1起特别重大或2起以上(含2起)重大生产安全责任事故的市(区)主要负责人和分管领导干部;受到党中央、国务院通报批评或省委、省政府责任追究的市(区)、县(市、区)和省级部门主要负责人。',
    },
    note:
      '县(区)：一年内1起重大以上，或2起以上较大以上；市(区)：一年内1起特别重大，或2起以上重大以上。事故按单位及其下级单位统计。' +
      '“一年内”为任意连续12个月（参数 shaanxi.adjustment.incidentWindow 可改为自然年），该期间须止于评估日前 lookbackMonths（默认24）个月内。' +
      '对象为主要负责人和分管安全生产（production_safety）的领导干部；受党中央、国务院通报批评或省委、省政府责任追究的（clause 12.1 认定）为主要负责人。',
    targets: { principal: true, inCharge: 'production_safety' },
    determinationTargets: PRINCIPAL,
    unitTriggers(u, ctx) {
      if (COUNTY_KINDS.has(u.kind)) {
        const major = incidentsIn(ctx, u, ['production_safety'], '重大');
        const large = incidentsIn(ctx, u, ['production_safety'], '较大');
        return some(withinOne(ctx, major, 1) ?? withinOne(ctx, large, 2));
      }
      if (CITY_KINDS.has(u.kind)) {
        const top = incidentsIn(ctx, u, ['production_safety'], '特别重大');
        const major = incidentsIn(ctx, u, ['production_safety'], '重大');
        return some(withinOne(ctx, top, 1) ?? withinOne(ctx, major, 2));
      }
      return [];
    },
  }),
  adjustmentRule({
    id: 'shaanxi/adjustment/12.2',
    title: '食品药品安全事故',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第十二条（二）',
      text: '一年内发生2起三级(较大)以上食品药品安全事故的县(市、区)主要负责人和分管领导干部;连续两年发生二级(重大)以上食品药品安全事故的市(区)主要负责人和分管领导干部。',
    },
    note: '县(市、区)：一年内2起三级(较大)以上；市(区)：连续两个自然年均发生二级(重大)以上。对象为主要负责人和分管食品药品安全（food_drug）的领导干部。',
    targets: { principal: true, inCharge: 'food_drug' },
    unitTriggers(u, ctx) {
      if (COUNTY_KINDS.has(u.kind)) return some(withinOne(ctx, incidentsIn(ctx, u, ['food_drug'], '较大'), 2));
      if (CITY_KINDS.has(u.kind)) return some(twoYears(ctx, incidentsIn(ctx, u, ['food_drug'], '重大')));
      return [];
    },
  }),

  adjustmentRule({
    id: 'shaanxi/adjustment/13.1',
    title: '群体性事件和公共安全事件',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第十三条（一）',
      text: '发生特别重大群体性事件和公共安全事件,或者一年内发生2起重大群体性事件和公共安全事件的县(市、区)主要负责人和有关党政领导干部;连续两年发生特别重大群体性事件和公共安全事件的市(区)主要负责人和有关党政领导干部;特别重大群体性事件和公共安全事件责任主体在省级部门的部门主要负责人和有关党政领导干部。',
    },
    note:
      '县(市、区)：发生特别重大的，或一年内2起重大以上的；市(区)：连续两个自然年均发生特别重大的；省级部门：为特别重大事件的责任主体。' +
      '对象为主要负责人和有关党政领导干部（按分管综治维稳 stability 识别，另向单位预警）。',
    targets: { principal: true, related: 'stability' },
    alertUnit: true,
    unitTriggers(u, ctx) {
      const cats = ['mass_incident', 'public_security'] as const;
      const top = incidentsIn(ctx, u, cats, '特别重大');
      if (COUNTY_KINDS.has(u.kind))
        return some(withinOne(ctx, top, 1) ?? withinOne(ctx, incidentsIn(ctx, u, cats, '重大'), 2));
      if (CITY_KINDS.has(u.kind)) return some(twoYears(ctx, top));
      if (u.kind === 'provincial_dept') return some(withinOne(ctx, top, 1));
      return [];
    },
  }),
  adjustmentRule({
    id: 'shaanxi/adjustment/13.2',
    title: '连续两年被确定为社会治安综合治理重点整顿单位',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第十三条（二）',
      text: '连续两年被上级单位确定为社会治安综合治理重点整顿单位的市(区)、县(市、区)主要负责人和有关党政领导干部。',
    },
    note: '依据上级单位的确定（determination，clause 13.2）；对象为主要负责人和有关党政领导干部（分管综治维稳 stability）。',
    targets: { principal: true, related: 'stability' },
    alertUnit: true,
  }),

  rule({
    id: 'shaanxi/adjustment/14',
    kind: 'procedure',
    title: '提出考核结果和责任认定意见',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第十四条',
      text: '具有上述情形所列条款之一的,由有关部门和市(区)按照职能分工提出考核结果和责任认定意见。对弄虚作假、隐瞒不报、不及时报告的严肃追责。',
    },
  }),
  rule({
    id: 'shaanxi/adjustment/15.1',
    kind: 'procedure',
    title: '报告',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第十五条（一）',
      text: '报告。各市(区)、省级部门对各自职能范围内出现的上述情形,应当及时书面报告省委组织部。报告内容包括认定的过程、依据、结果和初步调整建议。',
    },
  }),
  rule({
    id: 'shaanxi/adjustment/15.2',
    kind: 'procedure',
    title: '审核（听取干部本人说明）',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第十五条（二）',
      text: '审核。省委组织部对受理的报告认真核实、综合分析,注重听取有关单位党委(党组)和服务对象等意见,注重听取干部本人说明。',
    },
  }),
  rule({
    id: 'shaanxi/adjustment/15.3',
    kind: 'procedure',
    title: '报批',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第十五条（三）',
      text: '报批。根据审核情况,提出调整意见报省委审批。',
    },
  }),
  rule({
    id: 'shaanxi/adjustment/15.4',
    kind: 'procedure',
    title: '决定',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第十五条（四）',
      text: '决定。按照省委作出的调整决定,履行相关干部任免程序。',
    },
  }),
  rule({
    id: 'shaanxi/adjustment/15.5',
    kind: 'procedure',
    title: '谈话',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第十五条（五）',
      text: '谈话。对决定调整的干部,应与其进行谈话,告知理由,做好思想工作。',
    },
  }),

  rule({
    id: 'shaanxi/adjustment/16',
    kind: 'computable',
    title: '调整后的影响期：一年内/两年内不得提拔',
    citation: {
      document: ADJUSTMENT_DOC,
      article: '第十六条',
      text: '因不适宜担任现职调离岗位、改任非领导职务、免职的,一年内不得提拔;降职的,两年内不得提拔。影响期满后,对德才表现和工作实绩突出,因工作需要且经考察符合任职条件拟重新任用的,在征求上一级组织人事部门意见后,可以按有关规定程序提拔任职。',
    },
    note:
      '自调整决定之日起算，调离岗位、改任非领导职务、免职的，满一年之日起可提拔；降职的满两年（同月同日，2月29日→2月28日）。' +
      '影响期满后拟重新任用提拔的，须征求上一级组织人事部门意见（程序要求，见结论）。引咎辞职、责令辞职不在本条。',
    forCadre(c, ctx) {
      for (const a of ctx.facts.adjustments(c.id)) {
        if (a.date > ctx.asOf) continue;
        const years = a.method === '降职' ? 2 : ['调离岗位', '改任非领导职务', '免职'].includes(a.method) ? 1 : 0;
        if (years === 0) continue;
        const until = addYears(a.date, years);
        const because = [
          `${c.id} ${a.date} ${a.method}`,
          `${years === 1 ? '一' : '两'}年内不得提拔，${until} 起可提拔`,
        ];
        ctx.influence({ subject: c.id, blocks: 'promotion', until, because });
        ctx.fire({
          subject: c.id,
          year: yearOf(a.date),
          because,
          conclusion: `${years === 1 ? '一' : '两'}年内不得提拔（${until} 起可提拔）；影响期满后拟重新任用提拔的，须征求上一级组织人事部门意见`,
        });
      }
    },
  }),
];
