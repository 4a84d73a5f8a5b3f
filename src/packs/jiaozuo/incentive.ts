// 《焦作市干部鼓励激励办法(试行)》 as the 焦作 newspaper page explains it: three sets of 激励评价标准 (standard1.N,
// standard2.N, standard3.N) and 鼓励激励措施 1–6 (measure.N). Citation texts are the reassembled sentences of TEXT.md.
//
// Readings fixed here (the text leaves them open):
// - Assessment results count for the years before the evaluation date's year (a year's 考核 concludes the next
//   year); honors and determinations count when dated on or before the evaluation date.
// - Items that need an organ's judgment (“成效显著”, “作出重大贡献”, “视具体情况予以认定”) read a `determinations`
//   record made by the competent organ whose `clause` is the locator (`standard2.3`, or the full rule id). Where the
//   item also names an honor the record can show (标准之二（四） 市级以上表彰, 标准之三（三） 省委、省政府及以上荣誉),
//   that honor must be on record, dated no later than the determination.
// - 措施 3 and 措施 4 name parts with their own consequences; their determinations use the clauses `measure.3.1`
//   (专项考核中实绩突出、排名靠前的领导班子成员 → 优先提拔重用), `measure.3.2` (关键时刻…作出重大贡献 → 可按程序破格提拔),
//   `measure.4.1` (重大贡献 → 二等功), `measure.4.2` (较大贡献 → 三等功), `measure.4.3` (表现突出 → 嘉奖).
// - 领导班子成员 are the principal, deputies and other members (post principal|deputy|member).
import { yearOf, hasConsecutiveYears, parseQuarter } from '../../domain/dates.js';
import type { CadreFact, DeterminationFact, HonorFact, UnitFact } from '../../domain/facts.js';
import type { HonorConferrer, PostRole } from '../../domain/vocabulary.js';
import { parseRuleId, rule, ruleIdAt } from '../../policy/define.js';
import type { Rule, RuleContext } from '../../policy/types.js';
import { INCENTIVE_DOC } from './documents.js';
import {
  excellentShare,
  goodYears,
  lastConcludedYear,
  performanceGrades,
  type PerformanceGrades,
} from './performance-grades.js';
import { yearValueName } from '../../policy/value-names.js';

const TEAM: readonly PostRole[] = ['principal', 'deputy', 'member'];
const COMMENDATIONS = ['嘉奖', '三等功', '二等功', '一等功'] as const;
type Commendation = (typeof COMMENDATIONS)[number];
const higher = (a: Commendation, b: Commendation): Commendation =>
  COMMENDATIONS.indexOf(b) > COMMENDATIONS.indexOf(a) ? b : a;

const ID = (locator: string) => `jiaozuo/incentive/${locator}`;

// The lead sentence of each set of standards is prefixed to its items' citations: an item alone does not say what
// meeting it brings (予以鼓励激励).
const S1_LEAD = '考核评价结果符合下列情形的,予以鼓励激励。';
const S2_LEAD = '完成中心任务成效符合下列情形的,予以鼓励激励。';
const S3_LEAD = '本职工作突破进取符合下列情形的,予以鼓励激励。';
const LEADS: Record<string, string> = { standard1: S1_LEAD, standard2: S2_LEAD, standard3: S3_LEAD };
const withLead = (locator: string, item: string) => `${LEADS[locator.split('.')[0]!]!}\n${item}`;

/** Determinations under a clause of this pack, dated on or before the evaluation date. */
function determinationsUnder(ctx: RuleContext, subject: string, clause: string): DeterminationFact[] {
  return ctx.determinations(subject, ID(clause));
}

const detLine = (d: DeterminationFact) => `${d.subject} ${d.date} 认定 ${d.kind} ${d.clause}`;
const honorLine = (h: HonorFact) => `${h.subject} ${h.date} 荣誉 ${h.conferredBy} ${h.title}`;

function honorsBy(ctx: RuleContext, subject: string, from: readonly HonorConferrer[], words?: readonly string[]) {
  return ctx.facts
    .honors(subject)
    .filter(
      (h) => h.date <= ctx.asOf && from.includes(h.conferredBy) && (!words || words.some((w) => h.title.includes(w))),
    );
}

/** The cadre's individual annual grades for concluded years. */
function annualGrades(ctx: RuleContext, cadre: string) {
  const last = lastConcludedYear(ctx.asOf);
  return ctx.facts.cadreAssessments(cadre).filter((a) => a.year <= last && a.grade !== undefined);
}

const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];
/** 平时考核 quarters that have ended by the evaluation date. */
function regularGrades(ctx: RuleContext, cadre: string) {
  const out: { year: number; period: string; grade: string }[] = [];
  for (const a of ctx.facts.regularAssessments(cadre)) {
    const q = parseQuarter(a.period);
    if (!q || `${q.year}-${QUARTER_END[q.quarter - 1]}` > ctx.asOf) continue;
    out.push({ year: q.year, period: a.period, grade: a.grade });
  }
  return out;
}

/** Findings gathered per subject and year, fired once each (one finding per subject-year carries all reasons). */
class Gathered {
  private readonly m = new Map<string, { subject: string; year: number; because: string[]; conclusions: string[] }>();
  add(subject: string, year: number, because: string[], conclusion: string) {
    const k = `${subject}\u0000${year}`;
    let e = this.m.get(k);
    if (!e) this.m.set(k, (e = { subject, year, because: [], conclusions: [] }));
    for (const b of because) if (!e.because.includes(b)) e.because.push(b);
    if (!e.conclusions.includes(conclusion)) e.conclusions.push(conclusion);
  }
  fire(ctx: RuleContext) {
    for (const e of this.m.values())
      ctx.fire({ subject: e.subject, year: e.year, because: e.because, conclusion: e.conclusions.join('；') });
  }
}

// ---------------------------------------------------------------------------------------------- 标准之一

const s1 = (id: string, numeral: string) => ({
  id,
  article: `实施重点激励评价标准之一（${numeral}）`,
});
const INCENTIVISE = '予以鼓励激励';

export const standard1_1 = rule({
  id: s1('jiaozuo/incentive/standard1.1', '一').id,
  kind: 'computable',
  title: '业绩考核应予表彰的领导班子',
  citation: {
    document: INCENTIVE_DOC,
    article: s1('jiaozuo/incentive/standard1.1', '一').article,
    text: withLead('standard1.1', '(一)按照《县(市)区和市直单位领导班子业绩考核办法(试行)》规定,应予表彰的领导班子;'),
  },
  note: '应予表彰的领导班子读作业绩考核评为“好”等次的班子（措施 1：对评为“好”等次的班子通报嘉奖）；等次见 performance-grades.ts。',
  forAll(ctx) {
    const grades = performanceGrades(ctx);
    for (const [unit, years] of grades)
      for (const [year, g] of years)
        if (g.grade === '好')
          ctx.fire({
            subject: unit,
            year,
            because: g.because,
            conclusion: `业绩考核“好”等次，应予表彰：${INCENTIVISE}`,
          });
  },
});

export const standard1_2 = rule({
  id: s1('jiaozuo/incentive/standard1.2', '二').id,
  kind: 'computable',
  title: '县域经济社会发展排名前30名且位次提升，或提升20个以上位次',
  citation: {
    document: INCENTIVE_DOC,
    article: s1('jiaozuo/incentive/standard1.2', '二').article,
    text: withLead(
      'standard1.2',
      '(二)县域经济社会发展排名,位于全省前30名且位次有提升,或者年度提升20个以上位次的县(市)区;',
    ),
  },
  note: '排名取 county_monitoring 的 rank（全省位次）；位次提升 = 上年位次 − 本年位次 > 0，“20个以上”含20；无上年位次则无从判断提升。',
  forUnit(u, ctx) {
    const last = lastConcludedYear(ctx.asOf);
    for (const a of ctx.facts.unitAssessments(u.id, 'county_monitoring')) {
      if (a.year > last || a.rank === undefined) continue;
      const prev = ctx.facts.unitAssessment(u.id, 'county_monitoring', a.year - 1);
      if (!prev || prev.rank === undefined) continue;
      const gained = prev.rank - a.rank;
      const top30Rising = a.rank <= 30 && gained > 0;
      const leap = gained >= 20;
      if (!top30Rising && !leap) continue;
      ctx.fire({
        subject: u.id,
        year: a.year,
        because: [
          `${u.id} ${prev.year} county_monitoring 全省第${prev.rank}名`,
          `${u.id} ${a.year} county_monitoring 全省第${a.rank}名（提升${gained}个位次）`,
        ],
        conclusion: `${top30Rising ? '位于全省前30名且位次有提升' : '年度提升20个以上位次'}：${INCENTIVISE}`,
      });
    }
  },
});

const fireHonors = (u: UnitFact, ctx: RuleContext, honors: HonorFact[], conclusion: string) => {
  for (const h of honors) ctx.fire({ subject: u.id, year: yearOf(h.date), because: [honorLine(h)], conclusion });
};

export const standard1_3 = rule({
  id: s1('jiaozuo/incentive/standard1.3', '三').id,
  kind: 'computable',
  title: '“两区”观摩评比进入全省“十强”“十快”“十先进”',
  citation: {
    document: INCENTIVE_DOC,
    article: s1('jiaozuo/incentive/standard1.3', '三').article,
    text: withLead('standard1.3', '(三)产业集聚区和服务业"两区"观摩评比,进入全省"十强""十快""十先进"的县(市)区;'),
  },
  note: '读作省级（conferredBy provincial）授予、名称含“十强”“十快”“十先进”的荣誉记录；市级评比不是“全省”。',
  forUnit(u, ctx) {
    fireHonors(
      u,
      ctx,
      honorsBy(ctx, u.id, ['provincial'], ['十强', '十快', '十先进']),
      `进入全省“十强”“十快”“十先进”：${INCENTIVISE}`,
    );
  },
});

export const standard1_4 = rule({
  id: s1('jiaozuo/incentive/standard1.4', '四').id,
  kind: 'computable',
  title: '脱贫攻坚绩效考核综合排名全市前两名',
  citation: {
    document: INCENTIVE_DOC,
    article: s1('jiaozuo/incentive/standard1.4', '四').article,
    text: withLead('standard1.4', '(四)脱贫攻坚绩效考核,综合排名全市前两名的县(市)区;'),
  },
  note: '排名取 poverty 考核的 rank（全市综合排名）；“前两名”含第二名。',
  forUnit(u, ctx) {
    const last = lastConcludedYear(ctx.asOf);
    for (const a of ctx.facts.unitAssessments(u.id, 'poverty'))
      if (a.year <= last && a.rank !== undefined && a.rank <= 2)
        ctx.fire({
          subject: u.id,
          year: a.year,
          because: [`${u.id} ${a.year} poverty 全市综合排名第${a.rank}名`],
          conclusion: `脱贫攻坚绩效考核全市前两名：${INCENTIVISE}`,
        });
  },
});

export const standard1_5 = rule({
  id: s1('jiaozuo/incentive/standard1.5', '五').id,
  kind: 'computable',
  title: '获得全市改革创新奖一等奖',
  citation: {
    document: INCENTIVE_DOC,
    article: s1('jiaozuo/incentive/standard1.5', '五').article,
    text: withLead('standard1.5', '(五)获得全市改革创新奖一等奖的县(市)区、市直单位;'),
  },
  note: '读作市级（conferredBy city）授予、名称含“改革创新奖一等奖”的荣誉记录。',
  forUnit(u, ctx) {
    fireHonors(u, ctx, honorsBy(ctx, u.id, ['city'], ['改革创新奖一等奖']), `获得全市改革创新奖一等奖：${INCENTIVISE}`);
  },
});

export const standard1_7 = rule({
  id: s1('jiaozuo/incentive/standard1.7', '七').id,
  kind: 'computable',
  title: '年度考核“优秀”等次',
  citation: {
    document: INCENTIVE_DOC,
    article: s1('jiaozuo/incentive/standard1.7', '七').article,
    text: withLead('standard1.7', '(七)年度考核被确定为"优秀"等次的'),
  },
  note: '页面在“等次的”之后缺字，读作“干部”（同（八）与措施 2）。',
  forCadre(c, ctx) {
    for (const a of annualGrades(ctx, c.id))
      if (a.grade === '优秀')
        ctx.fire({
          subject: c.id,
          year: a.year,
          because: [`${c.id} ${a.year} 年度考核 优秀`],
          conclusion: `年度考核“优秀”等次：${INCENTIVISE}`,
        });
  },
});

export const standard1_8 = rule({
  id: s1('jiaozuo/incentive/standard1.8', '八').id,
  kind: 'computable',
  title: '平时考核“好”“良好”等次',
  citation: {
    document: INCENTIVE_DOC,
    article: s1('jiaozuo/incentive/standard1.8', '八').article,
    text: withLead('standard1.8', '(八)平时考核被确定为"好""良好"等次的干部;'),
  },
  note: '平时考核等次为 好|较好|一般|较差，其中“好”符合本项；“较好”不是“良好”。',
  forCadre(c, ctx) {
    const g = new Gathered();
    for (const a of regularGrades(ctx, c.id))
      if (a.grade === '好')
        g.add(c.id, a.year, [`${c.id} ${a.period} 平时考核 好`], `平时考核“好”等次：${INCENTIVISE}`);
    g.fire(ctx);
  },
});

// ---------------------------------------------------------------------------------------------- items judged by the organ

interface JudgedSpec {
  id: string;
  article: string;
  title: string;
  text: string;
  /** whom the item names: teams/units, cadres, or both */
  units: boolean;
  cadres: boolean;
  /** an honor the item names, that must be on record */
  honor?: { from: readonly HonorConferrer[]; words: string };
  note?: string;
}

function judged(s: JudgedSpec): Rule {
  const { locator } = parseRuleId(s.id);
  const apply = (subject: string, ctx: RuleContext) => {
    for (const d of determinationsUnder(ctx, subject, locator)) {
      const because = [detLine(d)];
      if (s.honor) {
        const hs = honorsBy(ctx, subject, s.honor.from).filter((h) => h.date <= d.date);
        if (hs.length === 0) continue;
        because.push(...hs.map(honorLine));
      }
      ctx.fire({ subject, year: yearOf(d.date), because, conclusion: `${s.article}：${INCENTIVISE}` });
    }
  };
  const noteParts = [
    '以主管机关按本项作出的组织认定为准',
    s.honor ? `并须有不晚于认定日期的${s.honor.words}记录` : '',
    s.note ?? '',
  ];
  return rule({
    id: s.id,
    kind: 'computable',
    title: s.title,
    citation: { document: INCENTIVE_DOC, article: s.article, text: withLead(locator, s.text) },
    note: noteParts.filter(Boolean).join('；') + '。',
    ...(s.units ? { forUnit: (u: UnitFact, ctx: RuleContext) => apply(u.id, ctx) } : {}),
    ...(s.cadres ? { forCadre: (c: CadreFact, ctx: RuleContext) => apply(c.id, ctx) } : {}),
  });
}

export const standard1_6 = judged({
  id: 'jiaozuo/incentive/standard1.6',
  article: '实施重点激励评价标准之一（六）',
  title: '市直机关领导班子述职评议单次排名第一',
  text: '(六)市直机关领导班子述职评议,单次排名第一名的市直单位;',
  units: true,
  cadres: false,
  note: '记录中没有述职评议的考核类别，排名第一由认定记录表明',
});

export const standard1_9 = judged({
  id: 'jiaozuo/incentive/standard1.9',
  article: '实施重点激励评价标准之一（九）',
  title: '其他重要考核中取得先进位次（视具体情况认定）',
  text: '(九)在其他中央、省、市开展的重要考核中取得先进位次的,视具体情况予以认定。',
  units: true,
  cadres: true,
});

const S2: readonly [string, string, string, JudgedSpec['honor']?, string?][] = [
  [
    '一',
    '经济结构调整、产业转型升级和创新驱动发展',
    '(一)在推动经济结构调整、产业转型升级和创新驱动发展中,百亿产业集群、"1020"大企业集团培育、"双50"企业发展',
    undefined,
    '页面在“企业发展”之后缺字，本项其余文字遗失',
  ],
  [
    '二',
    '“双十工程”建设速度快、质量高、成效显著',
    '(二)在推进工业产业项目、重点基础设施项目"双十工程"建设中,速度快、质量高、成效显著的;',
  ],
  [
    '三',
    '节赛、城市创建中作出重大贡献',
    '(三)在全市性节赛、城市创建(如"一赛一节""四城联创")等工作中,对补齐城市短板、提升焦作形象作出重大贡献的;',
  ],
  [
    '四',
    '脱贫攻坚、拆迁安置、生态环境保护成效明显且受到市级以上表彰',
    '(四)在脱贫攻坚、拆迁安置、生态环境保护(如绿色廊道建设、北山环境治理、污染围城治理、黑臭水体治理、大气污染防治)等工作中,工作落实迅速、推进有力、成效明显且受到市级以上表彰的:',
    { from: ['city', 'provincial', 'central'], words: '市级以上表彰' },
  ],
  [
    '五',
    '党建品牌受到省级以上表彰或下文推广',
    '(五)在深化全面从严治党、落实基层党建责任制、开展"两学一做"学习教育等党的建设工作中,打造出具有本地特色的党建品牌,受到省级以上表彰或下文推广的;',
    undefined,
    '“下文推广”在记录中无对应事实，省级以上表彰或下文推广均由认定记录表明',
  ],
  [
    '六',
    '贯彻落实市委重大决策部署取得显著成绩',
    '(六)其他贯彻落实市委重大决策部署,又好又快推进市委、市政府重点工作,取得显著成绩的。',
  ],
];

export const standard2: Rule[] = S2.map(([numeral, title, text, honor, note], i) =>
  judged({
    id: ruleIdAt(
      [
        'jiaozuo/incentive/standard2.1',
        'jiaozuo/incentive/standard2.2',
        'jiaozuo/incentive/standard2.3',
        'jiaozuo/incentive/standard2.4',
        'jiaozuo/incentive/standard2.5',
        'jiaozuo/incentive/standard2.6',
      ],
      i,
    ),
    article: `实施重点激励评价标准之二（${numeral}）`,
    title,
    text,
    units: true,
    cadres: true,
    ...(honor ? { honor } : {}),
    ...(note ? { note } : {}),
  }),
);

const S3: readonly [string, string, string, JudgedSpec['honor']?][] = [
  [
    '一',
    '好经验好做法得到批示肯定或被省级以上机关下文推广',
    '(一)对立足本地本单位职能,扎实开展"学深杭、促创新"等活动,大力服务经济社会发展,探索出的好经验好做法得到中央领导或省委、省政府主要领导批示肯定,或者被省级以上机关下文推广的;',
  ],
  [
    '二',
    '重要专项任务、抢险救灾、突发事件中作出突出贡献',
    '(二)对在承担重要专项任务、重大活动、抢险救灾、处理突发事件等工作中,作出突出贡献或有突出事迹的;',
  ],
  [
    '三',
    '争创一流业绩并获得省委、省政府及以上荣誉',
    '(三)其他立足本职业务争创一流业绩,工作在全省乃至全国具有一定影响且获得省委、省政府及以上荣誉的。',
    { from: ['provincial', 'central'], words: '省委、省政府及以上荣誉' },
  ],
];

export const standard3: Rule[] = S3.map(([numeral, title, text, honor], i) =>
  judged({
    id: ruleIdAt(
      ['jiaozuo/incentive/standard3.1', 'jiaozuo/incentive/standard3.2', 'jiaozuo/incentive/standard3.3'],
      i,
    ),
    article: `实施重点激励评价标准之三（${numeral}）`,
    title,
    text,
    units: true,
    cadres: true,
    ...(honor ? { honor } : {}),
  }),
);

// ---------------------------------------------------------------------------------------------- 鼓励激励措施

const measureArticle = (n: number) => `鼓励激励措施 ${n}`;

const MEASURE1_TEXT =
  '在年度综合考核中,按30%的比例分类评定"好"等次领导班子,其班子成员"优秀"等次可提升至30%,并对评为"好"等次的班子、"优秀"等次的干部通报嘉奖,考核结果作为评先评优和干部使用的重要依据。对业绩考核连续三年获得"好"等次的领导班子、年度考核连续三年获得"优秀"等次的干部,在干部选拔任用上给予倾斜,同等条件下优先考虑。';

/** 措施 1's 通报嘉奖: teams graded 好, cadres graded 优秀 (subject → year → reasons). */
function measure1Commendations(ctx: RuleContext, grades: PerformanceGrades) {
  const out = new Map<string, Map<number, string[]>>();
  const add = (s: string, y: number, because: string[]) => {
    let m = out.get(s);
    if (!m) out.set(s, (m = new Map()));
    m.set(y, because);
  };
  for (const [unit, years] of grades) for (const [y, g] of years) if (g.grade === '好') add(unit, y, g.because);
  for (const c of ctx.cadres())
    for (const a of annualGrades(ctx, c.id))
      if (a.grade === '优秀') add(c.id, a.year, [`${c.id} ${a.year} 年度考核 优秀`]);
  return out;
}

export const measure1 = rule({
  id: 'jiaozuo/incentive/measure.1',
  kind: 'computable',
  title: '按30%分类评定“好”等次班子；班子成员“优秀”可至30%；通报嘉奖；连续三年优先考虑',
  citation: { document: INCENTIVE_DOC, article: measureArticle(1), text: MEASURE1_TEXT },
  note:
    '“在年度综合考核中”评定的“好”等次读作业绩考核（scheme performance，好|较好|一般|差）的等次，见 performance-grades.ts。' +
    '设定 grade:performance:<年>（并列于名额线为 null，并在 gaps 中列出待定）、“好”等次班子的 excellentQuota:<年> = 0.3、' +
    '“好”等次班子与“优秀”干部的 commendation:<年> = 嘉奖；业绩考核连续三年“好”的班子成员（principal|deputy|member）' +
    '与年度考核连续三年“优秀”的干部 priorityPromotion = true（连续年份以截至评估日上一年的最近一次考核年度为止）。',
  forAll(ctx) {
    const grades = performanceGrades(ctx);
    const g = new Gathered();
    let excellent: number | undefined;
    let excellentRead = false;

    for (const [unit, years] of grades)
      for (const [y, pg] of years) {
        ctx.set(unit, yearValueName('grade:performance', y), pg.grade);
        if (pg.grade !== '好') continue;
        if (!excellentRead) {
          const r = excellentShare(ctx);
          excellent = r === undefined ? undefined : r.num / r.den;
          excellentRead = true;
        }
        if (excellent !== undefined) ctx.set(unit, yearValueName('excellentQuota', y), excellent);
        ctx.set(unit, yearValueName('commendation', y), '嘉奖');
        g.add(
          unit,
          y,
          pg.because,
          `评定为“好”等次领导班子：通报嘉奖；班子成员“优秀”等次可提升至${excellent === undefined ? '（未配置）' : `${Math.round(excellent * 100)}%`}`,
        );
      }

    for (const c of ctx.cadres()) {
      const annual = annualGrades(ctx, c.id);
      for (const a of annual)
        if (a.grade === '优秀') {
          ctx.set(c.id, yearValueName('commendation', a.year), '嘉奖');
          g.add(c.id, a.year, [`${c.id} ${a.year} 年度考核 优秀`], '“优秀”等次干部：通报嘉奖');
        }
      // 年度考核连续三年“优秀”
      if (annual.length > 0) {
        const end = Math.max(...annual.map((a) => a.year));
        const years = annual.filter((a) => a.grade === '优秀').map((a) => a.year);
        if (hasConsecutiveYears(years, end, 3)) {
          ctx.set(c.id, 'priorityPromotion', true);
          g.add(
            c.id,
            end,
            [`${c.id} ${end - 2}–${end} 年度考核连续三年 优秀`],
            '年度考核连续三年“优秀”：选拔任用给予倾斜，同等条件下优先考虑',
          );
        }
      }
    }

    // 业绩考核连续三年“好”的领导班子: its members are preferred.
    const last = lastConcludedYear(ctx.asOf);
    for (const u of ctx.units()) {
      const assessed = ctx.facts.unitAssessments(u.id, 'performance').filter((a) => a.year <= last);
      if (assessed.length === 0) continue;
      const end = Math.max(...assessed.map((a) => a.year));
      if (!hasConsecutiveYears(goodYears(grades, u.id), end, 3)) continue;
      const why = `${u.id} ${end - 2}–${end} 业绩考核连续三年 好`;
      for (const c of ctx.facts.cadresOf(u.id)) {
        if (!TEAM.includes(c.post)) continue;
        ctx.set(c.id, 'priorityPromotion', true);
        g.add(
          c.id,
          end,
          [why, `${c.id} 为 ${u.id} 领导班子成员（${c.post}）`],
          '业绩考核连续三年“好”等次领导班子成员：选拔任用给予倾斜，同等条件下优先考虑',
        );
      }
    }
    g.fire(ctx);
  },
});

export const measure2 = rule({
  id: 'jiaozuo/incentive/measure.2',
  kind: 'computable',
  title: '年度考核“优秀”、平时考核“好”“良好”给予物质奖励',
  citation: {
    document: INCENTIVE_DOC,
    article: measureArticle(2),
    text: '对年度考核"优秀"等次的干部和平时考核"好""良好"的干部,按照有关规定给予物质奖励。',
  },
  note: '奖励数额“按照有关规定”，本文未给出，故只列出应予物质奖励的干部，不设金额。平时考核以“好”等次计（等次中无“良好”）。',
  forCadre(c, ctx) {
    const g = new Gathered();
    const why = '按照有关规定给予物质奖励';
    for (const a of annualGrades(ctx, c.id))
      if (a.grade === '优秀') g.add(c.id, a.year, [`${c.id} ${a.year} 年度考核 优秀`], `年度考核“优秀”：${why}`);
    for (const a of regularGrades(ctx, c.id))
      if (a.grade === '好') g.add(c.id, a.year, [`${c.id} ${a.period} 平时考核 好`], `平时考核“好”：${why}`);
    g.fire(ctx);
  },
});

export const measure3 = rule({
  id: 'jiaozuo/incentive/measure.3',
  kind: 'computable',
  title: '专项考核实绩突出的班子成员优先提拔重用；关键时刻作出重大贡献的可破格提拔',
  citation: {
    document: INCENTIVE_DOC,
    article: measureArticle(3),
    text: '在省、市党委政府部署的重点工作、重点项目及各项攻坚战专项考核中,实绩突出、排名靠前的领导班子成员,同等条件下优先提拔重用;在关键时刻或承担急难险重任务中经受住考验、表现突出、作出重大贡献,特别是受到党中央、国务院或省委、省政府表彰奖励的干部,可按程序破格提拔。',
  },
  note:
    '“实绩突出、排名靠前”无量化标准，以认定 measure.3.1 为准（仅领导班子成员：principal|deputy|member）→ priorityPromotion = true；' +
    '“作出重大贡献”以认定 measure.3.2 为准 → 可按程序破格提拔（结论，不设值）；党中央、国务院或省委、省政府的表彰奖励列为依据（“特别是”），不单独构成本项。',
  forCadre(c, ctx) {
    const g = new Gathered();
    if (TEAM.includes(c.post))
      for (const d of determinationsUnder(ctx, c.id, 'measure.3.1')) {
        ctx.set(c.id, 'priorityPromotion', true);
        g.add(c.id, yearOf(d.date), [detLine(d)], '专项考核实绩突出、排名靠前的领导班子成员：同等条件下优先提拔重用');
      }
    const top = honorsBy(ctx, c.id, ['central', 'provincial']);
    for (const d of determinationsUnder(ctx, c.id, 'measure.3.2')) {
      const hs = top.filter((h) => h.date <= d.date);
      g.add(
        c.id,
        yearOf(d.date),
        [detLine(d), ...hs.map(honorLine)],
        hs.length > 0
          ? '关键时刻作出重大贡献并受到党中央、国务院或省委、省政府表彰奖励：可按程序破格提拔'
          : '关键时刻或承担急难险重任务中作出重大贡献：可按程序破格提拔',
      );
    }
    g.fire(ctx);
  },
});

const MERIT: readonly [string, Commendation, string][] = [
  ['measure.4.1', '二等功', '作出重大贡献'],
  ['measure.4.2', '三等功', '作出较大贡献'],
  ['measure.4.3', '嘉奖', '表现突出'],
];

/** 措施 4's 记功嘉奖 by year: the highest level the determinations give (subject → year → level, reasons). */
function meritAwards(ctx: RuleContext, subject: string) {
  const out = new Map<number, { level: Commendation; because: string[] }>();
  for (const [clause, level, words] of MERIT)
    for (const d of determinationsUnder(ctx, subject, clause)) {
      const y = yearOf(d.date);
      const e = out.get(y);
      const line = `${detLine(d)}（${words} → ${level}）`;
      if (!e) out.set(y, { level, because: [line] });
      else {
        e.level = higher(e.level, level);
        e.because.push(line);
      }
    }
  return out;
}

const applyMeasure4 = (subject: string, ctx: RuleContext) => {
  for (const [year, a] of meritAwards(ctx, subject)) {
    ctx.set(subject, yearValueName('commendation', year), a.level);
    ctx.fire({
      subject,
      year,
      because: a.because,
      conclusion: `给予记功嘉奖奖励：${a.level}${a.because.length > 1 ? '（同年多项，就高不就低）' : ''}，并按有关规定发放奖金`,
    });
  }
};

export const measure4 = rule({
  id: 'jiaozuo/incentive/measure.4',
  kind: 'computable',
  title: '记二等功、三等功、嘉奖',
  citation: {
    document: INCENTIVE_DOC,
    article: measureArticle(4),
    text: '对工作表现突出或在处理突发事件和承担专项重要工作中,作出显著成绩和贡献的,给予记功嘉奖奖励。作出重大贡献的,记二等功;作出较大贡献的,记三等功;表现突出的,给予嘉奖,并按有关规定发放奖金。',
  },
  note: '贡献程度以认定为准：measure.4.1 重大贡献 → 二等功，measure.4.2 较大贡献 → 三等功，measure.4.3 表现突出 → 嘉奖；设定 commendation:<认定年份>，同年多项取最高。奖金“按有关规定”，不设金额。',
  forUnit: (u, ctx) => applyMeasure4(u.id, ctx),
  forCadre: (c, ctx) => applyMeasure4(c.id, ctx),
});

export const measure5 = rule({
  id: 'jiaozuo/incentive/measure.5',
  kind: 'principle',
  title: '优秀干部有计划地交流到上级机关、重要岗位和重点工作一线',
  citation: {
    document: INCENTIVE_DOC,
    article: measureArticle(5),
    text: '对实绩突出、群众公认的优秀干部,有计划地向上级机关、重要岗位和脱贫攻坚、环境治理、国企改革、转型发展等重点工作一线交流。',
  },
});

/** 专项工作奖励 on record: honors whose title names a commendation level. */
function specialAwards(ctx: RuleContext, subject: string) {
  const out = new Map<number, { level: Commendation; because: string[] }>();
  for (const h of ctx.facts.honors(subject)) {
    if (h.date > ctx.asOf) continue;
    const level = [...COMMENDATIONS].reverse().find((l) => h.title.includes(l));
    if (!level) continue;
    const y = yearOf(h.date);
    const e = out.get(y);
    if (!e) out.set(y, { level, because: [`${honorLine(h)}（专项工作奖励 ${level}）`] });
    else {
      e.level = higher(e.level, level);
      e.because.push(`${honorLine(h)}（专项工作奖励 ${level}）`);
    }
  }
  return out;
}

export const measure6 = rule({
  id: 'jiaozuo/incentive/measure.6',
  kind: 'computable',
  title: '本办法奖励与专项工作奖励重复的，就高不就低',
  citation: {
    document: INCENTIVE_DOC,
    article: measureArticle(6),
    text: '对先进基层党组织、优秀党务工作者、优秀共产党员、劳动模范、道德模范、人民满意的公务员和人民满意的公务员集体等进行表彰奖励。上述规定中,对年度业绩考核、改革创新突破、县域经济社会发展、产业集聚区和服务业"两区"观摩评比等排名靠前的,可给予一定物质奖励。出现本办法规定奖励与专项工作奖励重复的,按就高不就低的原则进行。',
  },
  note:
    '页面把序号印成表情符号。前两句（表彰奖励、“一定物质奖励”）无数额，不计算。就高不就低：同一年度内，本办法的奖励（措施 1 通报嘉奖、措施 4 记功嘉奖）' +
    '与记录中的专项工作奖励（名称含二等功、三等功、嘉奖等的荣誉）重复时触发，commendation:<年> 取其中最高者。',
  forAll(ctx) {
    const grades = performanceGrades(ctx);
    const own = measure1Commendations(ctx, grades);
    const check = (subject: string) => {
      const special = specialAwards(ctx, subject);
      if (special.size === 0) return;
      const merit = meritAwards(ctx, subject);
      const fromM1 = own.get(subject);
      for (const [year, s] of special) {
        const m1 = fromM1?.get(year);
        const m4 = merit.get(year);
        if (!m1 && !m4) continue;
        let level: Commendation = s.level;
        const because = [...s.because];
        if (m1) {
          level = higher(level, '嘉奖');
          because.push(...m1, '本办法 措施 1：通报嘉奖');
        }
        if (m4) {
          level = higher(level, m4.level);
          because.push(...m4.because, `本办法 措施 4：${m4.level}`);
        }
        ctx.set(subject, yearValueName('commendation', year), level);
        ctx.fire({ subject, year, because, conclusion: `本办法奖励与专项工作奖励重复，就高不就低：${level}` });
      }
    };
    for (const u of ctx.units()) check(u.id);
    for (const c of ctx.cadres()) check(c.id);
  },
});

export const incentiveRules: Rule[] = [
  standard1_1,
  standard1_2,
  standard1_3,
  standard1_4,
  standard1_5,
  standard1_6,
  standard1_7,
  standard1_8,
  standard1_9,
  ...standard2,
  ...standard3,
  measure1,
  measure2,
  measure3,
  measure4,
  measure5,
  measure6,
];
