// 如东县人民检察院推进党员干部能上能下实施细则: alerts for 中层干部 (and 党支部书记 under 第九条) who meet a clause
// of 第六条–第九条, the procedure of 第十条, and the influence periods of 第十一条.
// Erratum (seeds README): 第八条 prints two items as （四）; the last one (其他不担当不作为…) is （五）, locator 8.5.
import { addYears, yearOf } from '../../domain/dates.js';
import type { CadreFact, UnitFact } from '../../domain/facts.js';
import { normalSeverity, type AdjustmentMethod } from '../../domain/vocabulary.js';
import { rule } from '../../policy/define.js';
import type { FactIndex } from '../../policy/fact-index.js';
import { exceeds, formatRatio, ratio } from '../../policy/rational.js';
import { twoConsecutiveYears, withinOneYear } from '../../policy/readings.js';
import { incidentWindowParam, lookbackMonthsParam, windowReadingOf } from '../reading-params.js';
import type { Rule, RuleContext } from '../../policy/types.js';
import {
  DOC_ADJUSTMENT,
  KIND_LABEL,
  determinationsUnder,
  gradeIn,
  isBranchSecretaryOrMidlevel,
  isMidlevel,
  latestAssessmentYear,
} from './common.js';

const cite = (article: string, text: string) => ({ document: DOC_ADJUSTMENT, article, text });
const ALERT = '经认定不适宜担任现职，应予以调整（预警）';
const POST_ZH: Record<CadreFact['post'], string> = {
  principal: '主要负责人',
  deputy: '副职',
  member: '班子成员',
  midlevel: '中层干部',
  staff: '一般干警',
};

export const a5 = rule({
  id: 'rudong/adjustment/5',
  kind: 'principle',
  title: '调整方式与认定依据',
  citation: cite(
    '第五条',
    '调整不适宜担任现职干部，应当根据其一贯表现和工作需要，区分不同情形，采取调离岗位、改任非领导职务、免职、引咎辞职、责令辞职、降职等方式进行。在情形的认定上，主要依据中层干部政治表现认定结果，年度考核结果，中层干部不担当不作为、履行全面从严治党责任和意识形态责任不力认定结果等。',
  ),
  supersedes: ['jiangsu/adjustment/4'],
});

interface DeterminationClause {
  locator: string;
  /** the article as printed (corrected where the seeds README says so) */
  article: string;
  title: string;
  text: string;
  /** jiangsu rules this clause replaces for the subjects it covers */
  supersedes?: string[];
  note?: string;
}

/** A clause that applies when the competent organ has made a determination under it (经认定). */
function determinationRule(
  d: DeterminationClause,
  subjects: (s: CadreFact | UnitFact, facts: FactIndex) => boolean,
  subjectsZh: string,
  extra?: (c: CadreFact, ctx: RuleContext) => void,
): Rule {
  const id = `rudong/adjustment/${d.locator}`;
  const articles = [d.article];
  return rule({
    id,
    kind: 'computable',
    title: d.title,
    citation: cite(d.article, d.text),
    note:
      (d.note ? d.note + ' ' : '') +
      `适用于${subjectsZh}。依据记录中按本项作出的认定（条款写作 ${d.locator}、adjustment/${d.locator}、${id} 或 ${d.article}），` +
      '认定日期须在评估日之前；认定没有时效（见 docs/READINGS.md“组织认定的时效”）。',
    ...(d.supersedes ? { supersedes: d.supersedes, covers: subjects } : {}),
    forCadre(c, ctx) {
      if (!subjects(c, ctx.facts)) return;
      for (const det of determinationsUnder(c.id, id, articles, ctx))
        ctx.fire({
          subject: c.id,
          year: yearOf(det.date),
          because: [`${c.id}（${POST_ZH[c.post]}）${det.date} ${KIND_LABEL[det.kind] ?? det.kind} ${det.clause}`],
          conclusion: ALERT,
        });
      extra?.(c, ctx);
    },
  });
}

// ── 第六条 政治表现认定 ──────────────────────────────────────────────────────────────────────────────────────────
const POLITICAL: DeterminationClause[] = [
  {
    locator: '6.1',
    article: '第六条（一）',
    title: '政治纪律和政治规矩、“两个维护”不坚决',
    text: '不严格遵守党的政治纪律和政治规矩，政治意识、大局意识、核心意识、看齐意识淡薄，维护习近平总书记核心地位、维护以习近平同志为核心的党中央权威和集中统一领导不坚决的。',
    supersedes: ['jiangsu/adjustment/6.1', 'jiangsu/adjustment/6.5'],
  },
  {
    locator: '6.2',
    article: '第六条（二）',
    title: '理想信念不坚定，对错误言行听之任之',
    text: '理想信念不坚定，在重大原则问题上立场动摇，对挑战政治底线的错误言行听之任之，甚至在公开场合发表不当言论的。',
    supersedes: ['jiangsu/adjustment/6.2', 'jiangsu/adjustment/6.4'],
  },
  {
    locator: '6.3',
    article: '第六条（三）',
    title: '贯彻执行不到位，“上有政策、下有对策”',
    text: '贯彻执行党的路线方针政策和上级决策部署不到位，搞“上有政策、下有对策”，合意的就执行，不合意的就不执行、选择性执行的。',
    supersedes: ['jiangsu/adjustment/6.3'],
  },
  {
    locator: '6.4',
    article: '第六条（四）',
    title: '弱化、淡化党的领导',
    text: '弱化、淡化党的领导，对党组织工作不支持、不正常参加组织生活的。',
  },
  {
    locator: '6.5',
    article: '第六条（五）',
    title: '组织观念淡薄，不如实报告个人有关事项',
    text: '组织观念淡薄，不执行重要情况请示报告制度，或者不如实向组织报告个人有关事项，干部档案信息弄虚作假的。',
  },
  {
    locator: '6.6',
    article: '第六条（六）',
    title: '其他政治表现问题造成严重后果或恶劣影响',
    text: '其他因政治表现问题造成严重后果或恶劣影响的。',
  },
];
export const political = POLITICAL.map((d) => determinationRule(d, isMidlevel, '有关中层干部'));

// ── 第七条 年度考核结果 ──────────────────────────────────────────────────────────────────────────────────────────
const ONE_THIRD = ratio(1, 3);

export const a7_1 = rule({
  id: 'rudong/adjustment/7.1',
  kind: 'computable',
  title: '年度考核测评不称职得票率超过三分之一',
  citation: cite('第七条（一）', '在年度考核测评中不称职得票率超过三分之一的。'),
  note: '适用于有关中层干部。得票率以有效票（优秀、称职、基本称职、不称职票之和）为分母，精确计算；“超过”不含三分之一本数。判断评估日所在年度之前最近一个考核年度。',
  supersedes: ['jiangsu/adjustment/8.1'],
  covers: isMidlevel,
  forCadre(c, ctx) {
    if (!isMidlevel(c)) return;
    const year = latestAssessmentYear(c.id, ctx);
    if (year === undefined) return;
    for (const a of ctx.facts.cadreAssessments(c.id)) {
      if (a.year !== year || !a.votes) continue;
      const v = a.votes;
      const valid = v.excellent + v.competent + v.basic + v.incompetent;
      if (valid === 0) continue;
      const share = ratio(v.incompetent, valid);
      if (!exceeds(share, ONE_THIRD)) continue;
      ctx.fire({
        subject: c.id,
        year,
        because: [
          `${c.id} ${year} 年度考核测评：优秀 ${v.excellent}、称职 ${v.competent}、基本称职 ${v.basic}、不称职 ${v.incompetent}`,
          `不称职得票率 ${formatRatio(share)} 超过三分之一`,
        ],
        conclusion: ALERT,
      });
    }
  },
});

export const a7_2 = rule({
  id: 'rudong/adjustment/7.2',
  kind: 'computable',
  title: '年度考核不称职，或连续两年基本称职',
  citation: cite('第七条（二）', '年度考核结果为不称职等次，或连续两年为基本称职等次的。'),
  note: '适用于有关中层干部。判断评估日所在年度之前最近一个考核年度；连续两年指相邻两个考核年度，中间无间断。',
  supersedes: ['jiangsu/adjustment/8.2'],
  covers: isMidlevel,
  forCadre(c, ctx) {
    if (!isMidlevel(c)) return;
    const year = latestAssessmentYear(c.id, ctx);
    if (year === undefined) return;
    const g = gradeIn(c.id, year, ctx.facts);
    if (g === '不称职')
      ctx.fire({ subject: c.id, year, because: [`${c.id} ${year} 年度考核 不称职`], conclusion: ALERT });
    else if (g === '基本称职' && gradeIn(c.id, year - 1, ctx.facts) === '基本称职')
      ctx.fire({
        subject: c.id,
        year,
        because: [`${c.id} ${year - 1} 年度考核 基本称职`, `${c.id} ${year} 年度考核 基本称职`],
        conclusion: ALERT,
      });
  },
});

// ── 第八条 不担当不作为认定 ──────────────────────────────────────────────────────────────────────────────────────
const STABILITY_CATEGORIES = new Set(['mass_incident', 'public_security']);
const CATEGORY_ZH: Record<string, string> = { mass_incident: '群体性事件', public_security: '公共安全事件' };

/**
 * 第八条（二）from the incident record: 特别重大 群体性事件/公共安全事件 in two consecutive calendar years, or 多起
 * (read as two or more, any severity) within one year (a period of one year, or the calendar year when
 * rudong.adjustment.incidentWindow = 'calendarYear'); the window (or the later year) must end within the look-back, as
 * in every pack (src/policy/readings.ts). The text has no 本地区: incidents recorded at the cadre's own unit count.
 */
function stabilityIncidents(c: CadreFact, ctx: RuleContext): void {
  const reading = windowReadingOf(ctx, INCIDENT_WINDOW, LOOKBACK_MONTHS);
  if (!reading) return; // a parameter set to nothing: reported as unset
  const list = ctx.facts.incidents(c.unit).filter((i) => i.date <= ctx.asOf && STABILITY_CATEGORIES.has(i.category));
  if (list.length < 2) return;
  const line = (i: (typeof list)[number]) => `${i.unit} ${i.date} ${CATEGORY_ZH[i.category]} ${i.severity}`;
  // 连续两年发生特别重大
  const pair = twoConsecutiveYears(
    list.filter((i) => normalSeverity(i.severity) === '特别重大'),
    reading,
  );
  if (pair)
    ctx.fire({
      subject: c.id,
      year: pair.years[1],
      because: [...pair.events.map(line), `连续两年（${pair.years[0]}、${pair.years[1]}）发生特别重大事件`],
      conclusion: ALERT,
    });
  // 一年内发生多起.
  const hit = withinOneYear(list, 2, reading);
  if (hit) {
    const first = hit.events[0]!;
    const last = hit.events[hit.events.length - 1]!;
    ctx.fire({
      subject: c.id,
      year: hit.year,
      because: [
        ...hit.events.map(line),
        `${hit.calendar ? `${yearOf(first.date)} 年度内` : `${first.date} 至 ${last.date} 一年内`}发生 ${hit.events.length} 起`,
      ],
      conclusion: ALERT,
    });
  }
}

const INACTION: DeterminationClause[] = [
  {
    locator: '8.1',
    article: '第八条（一）',
    title: '岗位履职尽责不力，长期打不开局面',
    text: '岗位履职尽责不力，主持或分管工作长期打不开局面，贻误检察事业发展，相关考核指标在全市或年际间排名靠后或明显下滑的。',
    supersedes: ['jiangsu/adjustment/9.1'],
  },
  {
    locator: '8.2',
    article: '第八条（二）',
    title: '预防和化解社会矛盾不力',
    text: '预防和化解社会矛盾不力，导致连续两年发生特别重大群体性事件或公共安全事件，或一年内发生多起群体性事件或公共安全事件。',
    supersedes: ['jiangsu/adjustment/9.6'],
    note: '也依据事件记录计算：中层干部所在单位连续两个日历年度发生特别重大群体性事件或公共安全事件，或一年内发生两起以上（“多起”）群体性事件或公共安全事件（不限等级）。',
  },
  {
    locator: '8.3',
    article: '第八条（三）',
    title: '脱贫攻坚工作不力',
    text: '脱贫攻坚工作不力，导致精准扶贫精准脱贫目标任务未按时完成，虚报脱贫成效等问题突出、群众反映强烈的。',
    supersedes: ['jiangsu/adjustment/9.3'],
  },
  {
    locator: '8.4',
    article: '第八条（四）',
    title: '落实重点项目、攻坚任务工作不力',
    text: '落实党组确定的重点项目突破、攻坚任务，以及省市院重点项目、重点改革项目工作不力，严重影响工作推进和实际成效的。',
  },
  {
    locator: '8.5',
    article: '第八条（五）',
    title: '其他不担当不作为问题造成严重后果或恶劣影响',
    text: '其他不担当不作为问题造成严重后果或恶劣影响的。',
    supersedes: ['jiangsu/adjustment/9.7'],
    note: '原文误印为第二个“（四）”，按顺序更正为（五）。',
  },
];
export const inaction = INACTION.map((d) =>
  determinationRule(d, isMidlevel, '有关中层干部', d.locator === '8.2' ? stabilityIncidents : undefined),
);

// ── 第九条 全面从严治党责任和意识形态责任 ───────────────────────────────────────────────────────────────────────────
const GOVERNANCE: DeterminationClause[] = [
  {
    locator: '9.1',
    article: '第九条（一）',
    title: '抓政治建设不力',
    text: '抓政治建设不力，本部门忽视政治、淡化政治、削弱政治的现象比较突出的。',
    supersedes: ['jiangsu/adjustment/10.1'],
  },
  {
    locator: '9.2',
    article: '第九条（二）',
    title: '领导和把关作用发挥不力，用人失察失误',
    text: '领导和把关作用发挥不力，出现严重用人失察失误，造成恶劣影响，或选人用人问题突出，不正之风严重，党内和群众反映强烈的。',
    supersedes: ['jiangsu/adjustment/10.2'],
  },
  {
    locator: '9.3',
    article: '第九条（三）',
    title: '部门内意识形态出现严重错误导向',
    text: '负责部门内意识形态方面出现严重错误导向，造成恶劣影响的。',
    supersedes: ['jiangsu/adjustment/10.3'],
  },
  {
    locator: '9.4',
    article: '第九条（四）',
    title: '党风廉政建设和反腐败工作不坚决、不扎实',
    text: '推进党风廉政建设和反腐败工作不坚决、不扎实，损害群众利益的不正之风和腐败问题比较突出、部门内出现干部职工严重违纪问题或多次受到通报批评的。',
    supersedes: ['jiangsu/adjustment/10.4'],
  },
  {
    locator: '9.5',
    article: '第九条（五）',
    title: '其他履行全面从严治党责任不力、整改不到位',
    text: '其他履行全面从严治党责任不力、问题突出，或巡视巡察反馈意见整改不到位，经组织提醒、教育或函询、诫勉没有改正的。',
    supersedes: ['jiangsu/adjustment/10.5'],
  },
];
export const governance = GOVERNANCE.map((d) =>
  determinationRule(d, isBranchSecretaryOrMidlevel, '党支部书记和中层干部'),
);

// ── 第十条 程序 ──────────────────────────────────────────────────────────────────────────────────────────────────
export const a10 = rule({
  id: 'rudong/adjustment/10',
  kind: 'procedure',
  title: '调整程序：考察核实 → 提出调整建议 → 组织决定 → 谈话 → 任免；复核申诉不停止执行；次月起调整级别和工资待遇',
  citation: cite(
    '第十条',
    '调整不适宜担任现职干部，一般按照以下程序进行：\n（1）考察核实。综合分析年度考核、平时考核、任职考察、巡视巡察、审计、个人有关事项报告抽查核实、民主评议、信访举报核实等情况，有针对性地考察核实，作出客观公正评价和准确认定。要注重听取群众反映、了解群众口碑，特别是听取工作对象、服务对象等相关人员的意见。\n（2）提出调整建议。政治部根据考察核实结果，对不适宜担任现职干部提出调整建议。调整建议包括调整原因、调整方式等内容。提出调整建议前，应当与干部本人谈话，说明调整理由，听取其陈述意见。\n（3）组织决定。党组召开会议集体研究，作出调整决定。作出决定前，应当听取有关方面意见。\n（4）谈话。党组负责同志或者政治部负责同志与调整对象进行谈话，宣布组织决定，认真细致做好思想工作。\n（5）按照有关规定履行任免程序。对选举和依法任免的干部，按照有关法律法规规定的程序进行。\n干部本人对调整决定不服的，可以按照有关规定申请复核或者向上级组织（人事）部门提出申诉。复核、申诉期间不停止调整决定的执行。从干部调整岗位的次月起，调整其级别和工资待遇。',
  ),
  note:
    '步骤：（1）考察核实；（2）政治部提出调整建议（事先与本人谈话，听取陈述）；（3）党组会议集体研究作出调整决定；' +
    '（4）党组或政治部负责同志谈话宣布；（5）履行任免程序。复核、申诉期间不停止调整决定的执行；' +
    '从调整岗位的次月起调整级别和工资待遇（决定于某月作出，自下月1日起）。',
  supersedes: ['jiangsu/adjustment/11'],
});

// ── 第十一条 影响期 ──────────────────────────────────────────────────────────────────────────────────────────────
const PERIODS: Record<AdjustmentMethod, { years: number; blocks: 'promotion' | 'aboveOriginalLevel'; zh: string }> = {
  调离岗位: { years: 1, blocks: 'promotion', zh: '一年内不得提拔' },
  改任非领导职务: { years: 1, blocks: 'promotion', zh: '一年内不得提拔' },
  免职: { years: 1, blocks: 'promotion', zh: '一年内不得提拔' },
  引咎辞职: { years: 2, blocks: 'aboveOriginalLevel', zh: '两年内不得担任高于原职务层次的职务' },
  责令辞职: { years: 2, blocks: 'aboveOriginalLevel', zh: '两年内不得担任高于原职务层次的职务' },
  降职: { years: 2, blocks: 'promotion', zh: '两年内不得提拔' },
};

export const a11 = rule({
  id: 'rudong/adjustment/11',
  kind: 'computable',
  title: '调整后的影响期；同时受处分的按影响期长的执行',
  citation: cite(
    '第十一条',
    '因不适宜担任现职调离岗位、改任非领导职务、免职的，一年内不得提拔；引咎辞职、责令辞职的，两年内不得担任高于原职务层次的职务；降职的，两年内不得提拔。同时受到党纪政纪处分的，按照影响期长的规定执行。',
  ),
  note:
    '影响期自调整决定之日起算，期满之日为该日加N年（2月29日遇平年为2月28日），当日起不再受限。' +
    '同时受到党纪政纪处分的，处分的影响期由 national 规则包记录，引擎取较晚的期满日，即“按照影响期长的规定执行”。',
  supersedes: ['jiangsu/adjustment/12'],
  forCadre(c, ctx) {
    const sanctions = ctx.facts.sanctions(c.id).filter((s) => s.date <= ctx.asOf);
    for (const a of ctx.facts.adjustments(c.id)) {
      if (a.date > ctx.asOf) continue;
      const p = PERIODS[a.method];
      const until = addYears(a.date, p.years);
      const because = [`${c.id} ${a.date} ${a.method}：${p.zh}，${until} 起不再受限`];
      // 同时受到党纪政纪处分: a sanction decided while this period runs, or in the year before the adjustment.
      const concurrent = sanctions.filter((s) => s.date >= addYears(a.date, -1) && s.date < until);
      for (const s of concurrent) because.push(`${c.id} ${s.date} 同时受到处分：${s.kind}（按照影响期长的规定执行）`);
      ctx.influence({ subject: c.id, blocks: p.blocks, until, because });
      ctx.fire({ subject: c.id, year: yearOf(a.date), because, conclusion: p.zh });
    }
  },
});

export const a12 = rule({
  id: 'rudong/adjustment/12',
  kind: 'principle',
  title: '对调整下来的干部关心帮助；影响期满后可按程序提拔',
  citation: cite(
    '第十二条',
    '坚持从严管理与关心爱护相结合，对调整下来的干部有针对性地加强教育管理，深入开展谈心谈话，给予关心帮助。加强跟踪了解，支持和鼓励他们放下包袱、奋发有为，在新岗位上履职尽责，发挥应有作用。干部调整影响期满后，对德才表现和工作实绩突出，因工作需要且经考察符合任职条件的，可以按有关规定程序提拔任职。',
  ),
  supersedes: ['jiangsu/adjustment/13'],
});

export const a13 = rule({
  id: 'rudong/adjustment/13',
  kind: 'principle',
  title: '严明工作责任',
  citation: cite(
    '第十三条',
    '严明工作责任。把推进党员干部能上能下作为全面从严治党、从严管理干部的重要内容，做到真管真严、敢管敢严、长管长严。党组承担主体责任，政治部承担具体工作责任，切实抓好贯彻落实，积极稳妥推进干部能上能下。',
  ),
});

export const a14 = rule({
  id: 'rudong/adjustment/14',
  kind: 'principle',
  title: '严肃工作纪律：不得以纪律处分规避组织调整或以组织调整代替纪律处分',
  citation: cite(
    '第十四条',
    '严肃工作纪律。推进干部能上能下工作，不得搞好人主义，不得避重就轻、以纪律处分规避组织调整或以组织调整代替纪律处分，不得借机打击报复。对不服从调整决定的干部严肃批评教育，情节严重并造成不良影响的，从严从重处理。对推进干部能上能下工作不力的，严格追究责任。',
  ),
});

export const adjustmentRules: Rule[] = [
  a5,
  ...political,
  a7_1,
  a7_2,
  ...inaction,
  ...governance,
  a10,
  a11,
  a12,
  a13,
  a14,
];

const INCIDENT_WINDOW = incidentWindowParam('rudong.adjustment.incidentWindow');
const LOOKBACK_MONTHS = lookbackMonthsParam('rudong.adjustment.lookbackMonths');

export const adjustmentParams = [INCIDENT_WINDOW, LOOKBACK_MONTHS];
