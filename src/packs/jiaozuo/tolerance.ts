import { TOLERANCE_FLAG_LABELS } from '../../domain/vocabulary.js';
// 《焦作市支持改革创新激励干部担当有为容错纠错办法(试行)》 as the 焦作 newspaper page explains it. The page has no
// article numbers: locators are the named parts of DESIGN §3 (principle.N, condition, situation.N, exclusion.N,
// procedure.N, outcome.N). Citation texts are the reassembled sentences of TEXT.md (the page was OCR'd across its
// columns), words and punctuation as printed.
//
// How a request is judged (value `tolerance:<requestId>` on the request's subject):
// - `condition` holds when the request relies on one of 实施容错的具体事项 (一)–(九) (`situation.N`) and that item's own
//   words are met by the findings, and the lead sentence of 容错纠错的条件 is met: no private gain
//   (soughtPrivateGain not established), 集体研究和民主决策程序 followed (collectiveDecision) unless it was an
//   emergency handled on the spot and reported (emergencyReported), and no major loss (seriousConsequence not
//   established). It sets `eligible`, otherwise `ineligible`.
// - `condition.reform-filing`, `condition.special-measure` and `exclusion.1`–`4` fire on what defeats tolerance and set
//   `ineligible`; the engine lets `ineligible` win over `eligible`.
// A flag counts only when established (true); absent means not established. Flags the text needs positively
// (collectiveDecision, remedied, emergencyReported, riskAssessmentFiled, specialMeasureApproved) must be true.
// The finding is advice: the text says 经研究认定, and 党委(党组) decides (procedure.4).
import type { ToleranceRequestFact } from '../../domain/facts.js';
import type { ToleranceFlag } from '../../domain/vocabulary.js';
import { rule, ruleIdAt } from '../../policy/define.js';
import type { Rule, RuleContext } from '../../policy/types.js';
import { TOLERANCE_DOC } from './documents.js';

type Flags = ToleranceRequestFact['findings'];

const FLAG_LABELS = TOLERANCE_FLAG_LABELS;

const yes = (f: Flags, k: ToleranceFlag) => f[k] === true;

/** One line naming a flag and its state, e.g. "collectiveDecision（经集体研究/民主决策）= 是". */
function flagLine(f: Flags, k: ToleranceFlag): string {
  const v = f[k];
  return `${k}（${FLAG_LABELS[k]}）= ${v === true ? '是' : v === false ? '否' : '未认定'}`;
}

function requestLine(r: ToleranceRequestFact): string {
  return `申请 ${r.id}：${r.subject} ${r.date} 依据 ${r.situation}`;
}

// ---------------------------------------------------------------------------------------------- 原则 (shown, not computed)

const principle = (id: string, n: number, numeral: string, text: string, title: string): Rule =>
  rule({
    id,
    kind: 'principle',
    title,
    citation: { document: TOLERANCE_DOC, article: `实施容错纠错遵循的原则（${numeral}）`, text },
    note:
      n === 1
        ? '页面在栏间丢失“验、”（因缺乏经验、先行先试），引文按原样保留。'
        : n === 3
          ? '本项在栏底截断于“区”（区分开来。），引文按原样保留。'
          : undefined,
  });

export const principle1 = principle(
  'jiaozuo/tolerance/principle.1',
  1,
  '一',
  '(一)鼓励改革创新,把推进改革中因缺乏经先行先试出现的失误和错误,同明知故犯的违纪违法行为区分开来。',
  '鼓励改革创新（区分先行先试的失误与明知故犯）',
);
export const principle2 = principle(
  'jiaozuo/tolerance/principle.2',
  2,
  '二',
  '(二)严格依法行政,把上级尚无明确限制的探索性试验中的失误和错误,同上级明令禁止后依然我行我素的违纪违法行为区分开来。',
  '严格依法行政（区分探索性试验的失误与明令禁止后我行我素）',
);
export const principle3 = principle(
  'jiaozuo/tolerance/principle.3',
  3,
  '三',
  '(三)杜绝以权谋私,把为推动发展的无意过失,同为谋取私利的违纪违法行为区',
  '杜绝以权谋私（区分无意过失与谋取私利）',
);

// ---------------------------------------------------------------------------------------------- 实施容错的具体事项

interface Requirement {
  flag: ToleranceFlag;
  /** true: must be established; false: must not be established */
  want: boolean;
  /** the words of the item that ask for it */
  words: string;
}

interface SituationSpec {
  id: string;
  n: number;
  numeral: string;
  text: string;
  title: string;
  requires: Requirement[];
}

const SITUATIONS: readonly SituationSpec[] = [
  {
    id: 'jiaozuo/tolerance/situation.1',
    n: 1,
    numeral: '一',
    title: '落实党委、政府决策部署中的失误偏差',
    text: '(一) 在落实党委、政府决策部署中,出现工作失误和偏差,但经过民主决策程序,没有为个人、他人或单位谋取私利,且积极主动消除影响或损失的;',
    requires: [
      { flag: 'collectiveDecision', want: true, words: '经过民主决策程序' },
      { flag: 'soughtPrivateGain', want: false, words: '没有为个人、他人或单位谋取私利' },
      { flag: 'remedied', want: true, words: '积极主动消除影响或损失' },
    ],
  },
  {
    id: 'jiaozuo/tolerance/situation.2',
    n: 2,
    numeral: '二',
    title: '结构调整、转型升级和创新驱动中未达原计划效果',
    text: '(二) 在推动经济结构调整、产业转型升级和创新驱动发展中,创新思路、大胆探索,由于未来的不确定性或外部环境变化,未能达到原计划效果的;',
    requires: [],
  },
  {
    id: 'jiaozuo/tolerance/situation.3',
    n: 3,
    numeral: '三',
    title: '职能转变和重点领域改革中对现行政策有所突破',
    text: '(三) 在政府职能转变和重点领域改革中,积极采取创新措施改革行政审批制度,减少审批事项,简化审批程序,对现行政策规定有所突破的;',
    requires: [],
  },
  {
    id: 'jiaozuo/tolerance/situation.4',
    n: 4,
    numeral: '四',
    title: '工业产业项目、重点基础设施项目建设中的失误或矛盾',
    text: '(四) 在推进工业产业项目、重点基础设施项目建设中,大胆履职、大力推进,有效解决重点难点问题,出现一定失误或引发矛盾的;',
    requires: [],
  },
  {
    id: 'jiaozuo/tolerance/situation.5',
    n: 5,
    numeral: '五',
    title: '城建、脱贫、环保等领域创新中尚无明确限制的失误',
    text: '(五) 在城市建设、脱贫攻坚、环境保护等领域中,创新性开展工作,出现法律法规和上级政策规定尚无明确限制的失误或错误的;',
    requires: [{ flag: 'prohibited', want: false, words: '法律法规和上级政策规定尚无明确限制' }],
  },
  {
    id: 'jiaozuo/tolerance/situation.6',
    n: 6,
    numeral: '六',
    title: '自加压力、提高标准而未实现预期目标',
    text: '(六) 在区域发展、行业发展决策中,自加压力、主动提高工作标准,经努力未能实现预期目标的;',
    requires: [],
  },
  {
    id: 'jiaozuo/tolerance/situation.7',
    n: 7,
    numeral: '七',
    title: '处置突发事件、急难险重任务中事后及时报告的失误',
    text: '(七) 在处置突发事件或执行急难险重任务中,果断决策、妥善应对,事后及时履行报告程序,出现一定失误或非议行为的;',
    requires: [{ flag: 'emergencyReported', want: true, words: '事后及时履行报告程序' }],
  },
  {
    id: 'jiaozuo/tolerance/situation.8',
    n: 8,
    numeral: '八',
    title: '化解矛盾、解决历史遗留问题中的较小负面影响',
    text: '(八) 在化解矛盾焦点、解决历史遗留问题中,勇于破除障碍、触及固有利益,出现失误或造成较小负面影响的;',
    requires: [{ flag: 'seriousConsequence', want: false, words: '造成较小负面影响' }],
  },
  {
    id: 'jiaozuo/tolerance/situation.9',
    n: 9,
    numeral: '九',
    title: '政策调整、自然灾害等不可抗力或难以预见因素',
    text: '(九) 由于政策调整、自然灾害等不可抗力或难以预见等因素,导致工作未达到预期目标或造成负面影响的。',
    requires: [],
  },
];

const SITUATION_REF = /^(?:jiaozuo\/tolerance\/)?situation\.([1-9])$/;

function situationOf(r: ToleranceRequestFact): SituationSpec | undefined {
  const m = SITUATION_REF.exec(r.situation.trim());
  return m ? SITUATIONS[Number(m[1]) - 1] : undefined;
}

interface SituationCheck {
  spec: SituationSpec;
  met: boolean;
  because: string[];
}

function checkSituation(r: ToleranceRequestFact): SituationCheck | undefined {
  const spec = situationOf(r);
  if (!spec) return undefined;
  const because = [requestLine(r)];
  let met = true;
  for (const q of spec.requires) {
    const ok = q.want ? yes(r.findings, q.flag) : !yes(r.findings, q.flag);
    if (!ok) met = false;
    because.push(`${q.words}：${flagLine(r.findings, q.flag)}`);
  }
  return { spec, met, because };
}

const situationRule = (s: SituationSpec): Rule =>
  rule({
    id: s.id,
    kind: 'computable',
    title: s.title,
    citation: { document: TOLERANCE_DOC, article: `实施容错的具体事项（${s.numeral}）`, text: s.text },
    note:
      s.requires.length > 0
        ? `申请所依据的是实施容错的具体事项（${s.numeral}），且本项文字所要求的认定成立：${s.requires
            .map((q) => `${q.flag}${q.want ? '' : ' 未认定'}`)
            .join('、')}。`
        : `申请所依据的是实施容错的具体事项（${s.numeral}）（事实情形由调查核实认定，本项无其他可计算的要件）。`,
    forRequest(r, ctx) {
      const c = checkSituation(r);
      if (!c || c.spec.n !== s.n || !c.met) return;
      ctx.fire({
        subject: r.subject,
        because: c.because,
        conclusion: `符合容错情形：实施容错的具体事项（${s.numeral}）`,
      });
    },
  });

export const situations: Rule[] = SITUATIONS.map(situationRule);

// ---------------------------------------------------------------------------------------------- 容错纠错的条件

const CONDITION_LEAD =
  '对于主观上没有为自己、他人或单位谋取私利,客观上严格执行集体研究和民主决策程序(紧急情况临时处置的除外),实际效果上没有造成重大损失或不良社会影响,并符合以下情形之一的失误错误,经研究认定,可予以容错:';
const REFORM_CASE =
  '改革创新、大胆探索中出现的失误错误。在国家政策没有明令禁止或法律法规没有明确限制的情况下,创造性地开展工作或落实上级党委、政府决策部署,推动改革、大胆创新过程中出现的失误错误。实施重大改革创新项目或有较大突破、探索的工作,应事先进行风险评估和论证,报上一级全面深化改革领导小组备案。';
const DEVELOPMENT_CASE =
  '推动发展、担当作为中出现的失误错误。在经济社会发展特别是脱贫攻坚、环境保护、经济转型、社会稳定等中心工作和重点领域中,因承担急难险重任务、化解矛盾纠纷、解决历史遗留问题等,出于公心、担当尽责、积极作为过程中出现的失误错误。在推动重大工程、重点项目建设时为确保工作进度,使用财政资金时为避免国家、群众利益受损,解决复杂矛盾纠纷、历史遗留问题时为维护社会稳定等情况下,采取的特事特办措施,要经同级人民政府同意后,在实施前向上级业务主管部门报告并征得同意。';
const NATURAL_CASE = '非人为因素导致的失误错误。由于不可抗力、意外事件、国家政策调整等造成的失误错误。';

export const condition = rule({
  id: 'jiaozuo/tolerance/condition',
  kind: 'computable',
  title: '容错纠错的条件（没有造成重大损失 + 符合所列情形之一）',
  citation: {
    document: TOLERANCE_DOC,
    article: '容错纠错的条件',
    text: [CONDITION_LEAD, REFORM_CASE, DEVELOPMENT_CASE, NATURAL_CASE].join('\n'),
  },
  note:
    '“符合以下情形之一”读作：申请所依据的实施容错的具体事项（一）–（九）之一成立（situation.N 触发）；三类情形由这九项具体化。' +
    '“紧急情况临时处置的除外”读作 emergencyReported 成立时不要求 collectiveDecision。设定 tolerance:<申请编号>：成立为 eligible，否则 ineligible。',
  forRequest(r, ctx) {
    const f = r.findings;
    const s = checkSituation(r);
    const noGain = !yes(f, 'soughtPrivateGain');
    const procedureOk = yes(f, 'collectiveDecision') || yes(f, 'emergencyReported');
    const noMajorLoss = !yes(f, 'seriousConsequence');
    const met = s !== undefined && s.met && noGain && procedureOk && noMajorLoss;
    ctx.set(r.subject, `tolerance:${r.id}`, met ? 'eligible' : 'ineligible');
    if (!met) return;
    ctx.fire({
      subject: r.subject,
      because: [
        requestLine(r),
        `符合实施容错的具体事项（${s.spec.numeral}）`,
        `主观上：${flagLine(f, 'soughtPrivateGain')}`,
        `客观上：${flagLine(f, 'collectiveDecision')}；${flagLine(f, 'emergencyReported')}`,
        `实际效果上：${flagLine(f, 'seriousConsequence')}`,
      ],
      conclusion: '符合容错纠错的条件，经研究认定可予以容错（另须不落入不予容错的情形及报备、报告要求）',
    });
  },
});

function ineligible(ctx: RuleContext, r: ToleranceRequestFact, because: string[], conclusion: string): void {
  ctx.set(r.subject, `tolerance:${r.id}`, 'ineligible');
  ctx.fire({ subject: r.subject, because: [requestLine(r), ...because], conclusion });
}

export const reformFiling = rule({
  id: 'jiaozuo/tolerance/condition.reform-filing',
  kind: 'computable',
  title: '重大改革创新项目须事先风险评估并报备',
  citation: {
    document: TOLERANCE_DOC,
    article: '容错纠错的条件（改革创新、大胆探索中出现的失误错误）',
    text: REFORM_CASE,
  },
  note: '重大改革创新项目或有较大突破、探索的工作（majorReform）未事先进行风险评估和论证并报备（riskAssessmentFiled 未成立）时触发，不予容错。',
  forRequest(r, ctx) {
    const f = r.findings;
    if (!yes(f, 'majorReform') || yes(f, 'riskAssessmentFiled')) return;
    ineligible(
      ctx,
      r,
      [flagLine(f, 'majorReform'), flagLine(f, 'riskAssessmentFiled')],
      '不予容错：重大改革创新项目未事先进行风险评估和论证并报上一级全面深化改革领导小组备案',
    );
  },
});

export const specialMeasure = rule({
  id: 'jiaozuo/tolerance/condition.special-measure',
  kind: 'computable',
  title: '特事特办措施须经同级政府同意并报告',
  citation: {
    document: TOLERANCE_DOC,
    article: '容错纠错的条件（推动发展、担当作为中出现的失误错误）',
    text: DEVELOPMENT_CASE,
  },
  note: '采取特事特办措施（specialMeasure）而未经同级人民政府同意并在实施前向上级业务主管部门报告并征得同意（specialMeasureApproved 未成立）时触发，不予容错。',
  forRequest(r, ctx) {
    const f = r.findings;
    if (!yes(f, 'specialMeasure') || yes(f, 'specialMeasureApproved')) return;
    ineligible(
      ctx,
      r,
      [flagLine(f, 'specialMeasure'), flagLine(f, 'specialMeasureApproved')],
      '不予容错：特事特办措施未经同级人民政府同意并在实施前向上级业务主管部门报告并征得同意',
    );
  },
});

// ---------------------------------------------------------------------------------------------- 不予容错的情形

interface ExclusionSpec {
  id: string;
  n: number;
  text: string;
  title: string;
  flags: ToleranceFlag[];
  note: string;
}

const EXCLUSIONS: readonly ExclusionSpec[] = [
  {
    id: 'jiaozuo/tolerance/exclusion.1',
    n: 1,
    text: '违反党的纪律、法律法规的强制性或禁止性规定的。',
    title: '违反党的纪律、法律法规的强制性或禁止性规定',
    flags: ['prohibited', 'criminal', 'collusion', 'integrityIssue', 'politicalIssue'],
    note:
      '页面把序号 1 印成“-”。违反明令禁止之外，应承担刑事责任必然违反法律的禁止性规定，恶意串通违反党的纪律和法律的禁止性规定，' +
      '廉洁问题、政治立场问题分别违反党的廉洁纪律、政治纪律，均读作本项（与其他规则包对“恶意串通”的读法一致，见 docs/READINGS.md）。',
  },
  {
    id: 'jiaozuo/tolerance/exclusion.2',
    n: 2,
    text: '造成重特大安全责任事故、重大环境污染事故、重大群体性事件以及其他重大损失的。',
    title: '造成重特大事故、重大群体性事件或其他重大损失',
    flags: ['seriousConsequence'],
    note: '以调查认定的 seriousConsequence 为准（事故是否由本次失误造成，需调查认定，不从单位事故记录推断）。页面此处夹有 OCR 噪声“0 0”。',
  },
  {
    id: 'jiaozuo/tolerance/exclusion.3',
    n: 3,
    text: '发现有错或经提醒仍不及时纠偏纠错,放任错误造成更大损失的。',
    title: '经提醒仍不及时纠偏纠错',
    flags: ['ignoredReminder'],
    note: '以调查认定的 ignoredReminder 为准。',
  },
  {
    id: 'jiaozuo/tolerance/exclusion.4',
    n: 4,
    text: '同类问题连续出现失误过错的。',
    title: '同类问题连续出现失误过错',
    flags: ['repeatedSameError'],
    note: '以调查认定的 repeatedSameError 为准。',
  },
];

const exclusionRule = (e: ExclusionSpec): Rule =>
  rule({
    id: e.id,
    kind: 'computable',
    title: e.title,
    citation: { document: TOLERANCE_DOC, article: `不予容错的情形 ${e.n}`, text: e.text },
    note: e.note,
    forRequest(r, ctx) {
      const hit = e.flags.filter((k) => yes(r.findings, k));
      if (hit.length === 0) return;
      ineligible(
        ctx,
        r,
        hit.map((k) => flagLine(r.findings, k)),
        `不予容错：不予容错的情形 ${e.n}`,
      );
    },
  });

export const exclusions: Rule[] = EXCLUSIONS.map(exclusionRule);

// ---------------------------------------------------------------------------------------------- 程序 (run by the case workflow)

const PROCEDURE_LEAD =
  '容错纠错工作在各级党委、政府领导下,按照谁问责谁容错的原则,由纪检监察机关、组织部门和综治、审计、环保、安全监管、信访等有关职能部门(以下简称执纪问责部门)负责实施。具体程序如下:';

const PROCEDURES: readonly [string, string, string][] = [
  [
    '一',
    '启动（依职权或书面申请）',
    PROCEDURE_LEAD +
      '\n(一)启动。在进行问责时,执纪问责部门认为存在本办法第二章规定容错情形的,或被问责的干部、单位向执纪问责部门提出书面申请的,应启动容错程序。',
  ],
  [
    '二',
    '调查（可邀请第三方参与调查核实）',
    '(二)调查。执纪问责部门依职权或依申请启动容错程序后,应深入开展调查,收集证据材料,充分听取各方面意见。容错调查工作可与问责调查工作同步进行。对于涉及面广、社会关注度高的容错调查,可邀请人大代表、政协委员、专家学者、第三方社会组织以及被问责干部、单位的服务对象等参与调查核实。',
  ],
  [
    '三',
    '建议（初步建议，可与问责建议一并提出）',
    '(三)建议。执纪问责部门对调查情况进行综合研判,对是否予以容错提出初步建议。执纪问责部门可在提出问责建议时,一并提出容错建议。',
  ],
  [
    '四',
    '决定（党委(党组)集体研究）',
    '(四)决定。按照干部管理权限,党委(党组)需经集体研究,作出予以容错或不予容错的决定。予以容错的,要从轻、减轻或免除责任追究。党委(党组)可在研究问责决定时,一并研究容错决定。',
  ],
  [
    '五',
    '执行（不服可申诉）',
    '(五)执行。执纪问责部门根据容错决定负责具体执行。对不予容错决定不服的,相关干部、单位可以按有关规定提出申诉。',
  ],
];

export const procedures: Rule[] = PROCEDURES.map(([numeral, title, text], i) =>
  rule({
    id: ruleIdAt(
      [
        'jiaozuo/tolerance/procedure.1',
        'jiaozuo/tolerance/procedure.2',
        'jiaozuo/tolerance/procedure.3',
        'jiaozuo/tolerance/procedure.4',
        'jiaozuo/tolerance/procedure.5',
      ],
      i,
    ),
    kind: 'procedure',
    title,
    citation: { document: TOLERANCE_DOC, article: `容错纠错的程序（${numeral}）`, text },
    note:
      i === 1
        ? '涉及面广、社会关注度高的容错调查，案件可登记人大代表、政协委员、专家学者、第三方社会组织、服务对象等参与调查核实的人员。'
        : i === 0
          ? '引文前缀本部分的导语（谁问责谁容错、执纪问责部门）。“本办法第二章”指容错情形（页面未印章号）。'
          : undefined,
  }),
);

// ---------------------------------------------------------------------------------------------- 结果运用 (printed 谷苗纠苗)

const OUTCOME_HEADING = '容错纠错的结果运用';

export const outcome = rule({
  id: 'jiaozuo/tolerance/outcome',
  kind: 'procedure',
  title: '予以容错与不予容错的处理',
  citation: {
    document: TOLERANCE_DOC,
    article: OUTCOME_HEADING,
    text:
      '经研究决定,予以容错的,根据其行为性质及造成后果,分别给予从轻、减轻或免除责任追究的处理。\n' +
      '经研究决定,不予容错的,按照问责决定予以问责,并记录在案,督促相关干部、单位进行整改。',
  },
  note: '页面标题“谷苗纠苗的结果运用”为 OCR 错误，应为“容错纠错的结果运用”。本条收录该部分未编号的两段。',
});

const OUTCOMES: readonly [string, string, string][] = [
  [
    '一',
    '免除责任追究：不受影响、不作负面评价',
    '(一)免除责任追究的,在考核评价、评先评优、表彰奖励时不受影响;在干部选拔任用、职称资格评定及推选党代表、人大代表、政协委员等人选时不作负面评价。',
  ],
  ['二', '从轻、减轻：按处理措施确定影响', '(二)从轻、减轻责任追究的,根据其从轻、减轻后的处理措施,确定受影响的情形。'],
  ['三', '已有规定的从其规定', '(三)对党内法规和法律法规已有从轻、减轻、免除责任追究规定的,从其规'],
];

export const outcomes: Rule[] = OUTCOMES.map(([numeral, title, text], i) =>
  rule({
    id: ruleIdAt(['jiaozuo/tolerance/outcome.1', 'jiaozuo/tolerance/outcome.2', 'jiaozuo/tolerance/outcome.3'], i),
    kind: 'procedure',
    title,
    citation: { document: TOLERANCE_DOC, article: `${OUTCOME_HEADING}（${numeral}）`, text },
    note: i === 2 ? '本项在页面上截断于“从其规”（定。），引文按原样保留。' : undefined,
  }),
);

export const toleranceRules: Rule[] = [
  principle1,
  principle2,
  principle3,
  condition,
  reformFiling,
  specialMeasure,
  ...situations,
  ...exclusions,
  ...procedures,
  outcome,
  ...outcomes,
];
