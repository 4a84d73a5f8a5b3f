import { TOLERANCE_FLAG_LABELS } from '../../domain/vocabulary.js';
// 如东县人民检察院进一步健全容错纠错机制实施细则: who may be tolerated, the six conditions, the nine situations, the
// six exclusions, and the procedure (调查核实 → 会商/审核/反馈 → 处置 → 纠错).
//
// A request (request.situation = the locator of the 三、（二） item it relies on, e.g. '3.2.4') is eligible when
//   - its subject is a person the细则 covers (一、（一）: 在编干警, 聘用制书记员, 劳务派遣人员 …), and
//   - the situation is one of 三、（二）1.–9., and
//   - every condition of 三、（一）1.–6. holds, and
//   - no exclusion of 三、（三）1.–6. and no veto of 五、 (政治立场 / 廉洁) applies.
// Each failing condition, each exclusion and the veto fire their own rule and set `ineligible` (the engine lets
// `ineligible` win); the situation rule fires and sets `eligible` only when nothing stands in the way.
//
// Findings flags (DESIGN §4; absent = not established, so it counts as false) map onto the conditions as follows:
//   1. 没有明令禁止                          ← prohibited is not true
//   2. 出于公心，无恶意串通，无谋取不正当利益  ← collusion and soughtPrivateGain are not true
//   3. 不存在主观故意                         ← knowingly is not true
//   4. 集体研究，或特殊情况下事后及时报告       ← collectiveDecision or emergencyReported is true
//   5. 积极主动挽回损失、消除不良影响           ← remedied is true
//   6. 未直接酿成严重后果、极坏影响、严重群体性事件 ← seriousConsequence is not true
// and onto the exclusions:
//   1. 以权谋私 ← soughtPrivateGain; 2. 为小群体、小集团谋取不正当利益 ← collusion (gain obtained by colluding with
//   others); 3. 不规范执行集体决策制度、独断专行 ← neither collectiveDecision nor emergencyReported; 4. 应承担刑事责任
//   ← criminal; 5. 造成社会稳定等严重后果 ← seriousConsequence; 6. 其他不符合容错情形 ← the situation is not one of 三、（二）.
import type { ToleranceFlag } from '../../domain/vocabulary.js';
import type { ToleranceRequestFact } from '../../domain/facts.js';
import { rule, ruleIdAt } from '../../policy/define.js';
import type { Rule, RuleContext } from '../../policy/types.js';
import { DOC_TOLERANCE } from './common.js';

const cite = (article: string, text: string) => ({ document: DOC_TOLERANCE, article, text });
type Flags = ToleranceRequestFact['findings'];
const yes = (f: Flags, k: ToleranceFlag) => f[k] === true;

const FLAG_ZH = TOLERANCE_FLAG_LABELS;
const flagLine = (r: ToleranceRequestFact, k: ToleranceFlag) =>
  `${r.id} ${FLAG_ZH[k]}：${r.findings[k] === undefined ? '未认定' : r.findings[k] ? '是' : '否'}`;

/** Whether the request's subject is a person this细则 covers (一、（一）): any cadre of the 院, whatever the category. */
const inScope = (r: ToleranceRequestFact, ctx: RuleContext) => ctx.facts.cadre(r.subject) !== undefined;

// ── 一、适用范围 ────────────────────────────────────────────────────────────────────────────────────────────────
export const t1 = rule({
  id: 'rudong/tolerance/1',
  kind: 'principle',
  title: '实施容错纠错机制的含义',
  note: '本院的容错认定由三、（一）–（三）和五、计算（见 3.1.x、3.2.x、3.3.x、5），取代江苏办法一、的概括认定。',
  supersedes: ['jiangsu/tolerance/1'],
  citation: cite(
    '一、',
    '实施容错纠错机制就是对在改革创新、担当作为中出现一些偏差失误的干部，只要不违反党的纪律和国家法律法规，勤勉尽责、未谋私利，能够及时纠错改正，都不作负面评价，免除相关责任或从轻减轻处理，积极关心和保护锐意改革、勇于创新的干部。',
  ),
});

export const t1_1 = rule({
  id: 'rudong/tolerance/1.1',
  kind: 'computable',
  title: '适用主体：全体在编干警及聘用制书记员、劳务派遣人员等',
  citation: cite(
    '一、（一）',
    '拓展适用主体。实施容错纠错机制不仅适用于全体在编干警，也适用于其他行使检察职能的聘用制书记员、劳务派遣人员等，最大限度调动各方面积极因素，把各方面创造活力凝聚到改革创新、担当作为上来。',
  ),
  note: '适用主体为人：申请的对象须为本院干警（含聘用制书记员、劳务派遣人员等，见 cadre.category）。以部门为对象的记录不在本细则范围内，本规则包不作认定。',
  supersedes: ['jiangsu/tolerance/1.1'],
  forRequest(r, ctx) {
    const c = ctx.facts.cadre(r.subject);
    if (!c) return;
    ctx.fire({
      subject: r.subject,
      because: [`${r.id} 申请人 ${c.id} ${c.name}，人员类别：${c.category ?? '未注明（在编干警）'}`],
      conclusion: '属于容错纠错适用主体',
    });
  },
});

export const t1_2 = rule({
  id: 'rudong/tolerance/1.2',
  kind: 'principle',
  title: '突出主要对象',
  citation: cite(
    '一、（二）',
    '突出主要对象。重点鼓励各部门干警解放思想、开拓创新，敢负责、勇担当；有效推动身处司法改革及办案一线的干警主动作为、敢闯敢试，想干事、干成事，引导广大干警争当改革的促进派、发展的实干家。',
  ),
});

export const t1_3 = rule({
  id: 'rudong/tolerance/1.3',
  kind: 'principle',
  title: '关注重点领域',
  citation: cite(
    '一、（三）',
    '关注重点领域。重点关注改革创新、推进发展、管党治党等领域，鼓励党员干警在贯彻新发展理念、推动体制机制创新中大胆探索、先行先试；鼓励党员干警在贯彻中央、省市县委和上级检察院决策部署、推进重点工作中攻坚克难、锐意进取；鼓励党员领导干部在落实全面从严治党责任、从严教育管理干部中坚持原则、敢抓敢管。',
  ),
});

// ── 二、政策界限：三个区分开来、六看 ──────────────────────────────────────────────────────────────────────────────
export const t2 = rule({
  id: 'rudong/tolerance/2',
  kind: 'principle',
  title: '三个区分开来；六看',
  citation: cite(
    '二、',
    '容错纠错要坚持习近平总书记“四个有利于”的改革导向，坚持事业为上、实事求是、依纪依法、容纠并举等原则，坚决做到“三个区分开来”：即把干部在推进改革中因缺乏经验、先行先试出现的失误错误，同明知故犯的违纪违法行为区分开来；把尚无明确限制的探索性试验中的失误错误，同明令禁止后依然我行我素的违纪违法行为区分开来；把为推动发展的无意过失，同为谋取私利的违纪违法行为区分开来。结合不同阶段不同情况，辩证地分析干事创业中的失误和偏差，严格区分故意与过失、失误与失职、担当与懈怠、敢为与乱为、为公与为私的界限，历史地、客观地、全面地评价干部。在实施容错纠错机制的工作中重点做到“六看”：',
  ),
  note: '三个区分开来（明知故犯、明令禁止、谋取私利）在三、（一）的条件和三、（三）的情形中计算；六看为调查认定时的审查要点。',
  supersedes: ['jiangsu/tolerance/2'],
});

const SIX_LOOKS = ['看问题性质', '看工作依据', '看主观动机', '看决策过程', '看履职取向', '看纠错表现'];
const sixLookTexts = [
  '看问题性质，是探索创新还是有令不行、有禁不止，分清是失误错误还是违纪违法；',
  '看工作依据，是界限不明还是故意曲解、随意变通，分清是先行先试还是肆意妄为；',
  '看主观动机，是出于公心还是假公济私、以权谋私，分清是无心之过还是明知故犯；',
  '看决策过程，是民主决策还是个人专断、一意孤行，分清是依规履职还是滥用权力；',
  '看履职取向，是开拓进取还是违背规律、急功近利，分清是适度超前还是好大喜功；',
  '看纠错表现，是放任损失还是积极补救、挽回影响，分清是主动纠错还是坐视不管；',
];
const ORDINAL = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
export const sixLooks: Rule[] = sixLookTexts.map((text, i) =>
  rule({
    id: ruleIdAt(
      [
        'rudong/tolerance/2.1',
        'rudong/tolerance/2.2',
        'rudong/tolerance/2.3',
        'rudong/tolerance/2.4',
        'rudong/tolerance/2.5',
        'rudong/tolerance/2.6',
      ],
      i,
    ),
    kind: 'principle',
    title: SIX_LOOKS[i],
    citation: cite(`二、（${ORDINAL[i]}）`, text),
    supersedes: [`jiangsu/tolerance/2.${i + 1}`],
  }),
);

// ── 三、（一）容错条件 ─────────────────────────────────────────────────────────────────────────────────────────────
interface Condition {
  /** whether the condition holds on the request's findings */
  holds(f: Flags): boolean;
  /** the flags the condition reads */
  flags: ToleranceFlag[];
  title: string;
  text: string;
}

const CONDITIONS: Condition[] = [
  {
    holds: (f) => !yes(f, 'prohibited'),
    flags: ['prohibited'],
    title: '党章党规、法律法规没有明令禁止',
    text: '党章党规、法律法规没有明令禁止，或党章党规、法律法规虽没有明确规定但符合中央、省、市、县委和上级检察院决策部署精神的；',
  },
  {
    holds: (f) => !yes(f, 'collusion') && !yes(f, 'soughtPrivateGain'),
    flags: ['collusion', 'soughtPrivateGain'],
    title: '出于公心，无恶意串通，未谋取不正当利益',
    text: '出于公心、担当尽责，没有与其他组织或个人恶意串通损害公共利益和他人正当利益，也没有为个人、他人或单位谋取不正当利益的；',
  },
  {
    holds: (f) => !yes(f, 'knowingly'),
    flags: ['knowingly'],
    title: '不存在主观故意',
    text: '因缺乏经验、无心之失或不可抗力、难以预见等因素，导致没有实现预期目标或出现偏差失误，不存在主观故意的；',
  },
  {
    holds: (f) => yes(f, 'collectiveDecision') || yes(f, 'emergencyReported'),
    flags: ['collectiveDecision', 'emergencyReported'],
    title: '集体研究或特殊情况下事后及时报告',
    text: '贯彻民主集中制原则，按照规定的决策程序由领导班子集体研究或特殊情况下事后及时履行报告程序，不是个人专断、一意孤行的；',
  },
  {
    holds: (f) => yes(f, 'remedied'),
    flags: ['remedied'],
    title: '积极主动挽回损失、消除不良影响',
    text: '积极主动挽回损失、消除不良影响，不是坐视不管、任其发展的；',
  },
  {
    holds: (f) => !yes(f, 'seriousConsequence'),
    flags: ['seriousConsequence'],
    title: '未酿成严重后果、极坏影响或严重群体性事件',
    text: '未直接酿成严重后果、产生极坏影响的，或引发严重群体性事件的。',
  },
];

export const conditions: Rule[] = CONDITIONS.map((c, i) =>
  rule({
    id: ruleIdAt(
      [
        'rudong/tolerance/3.1.1',
        'rudong/tolerance/3.1.2',
        'rudong/tolerance/3.1.3',
        'rudong/tolerance/3.1.4',
        'rudong/tolerance/3.1.5',
        'rudong/tolerance/3.1.6',
      ],
      i,
    ),
    kind: 'computable',
    title: `容错条件${i + 1}：${c.title}`,
    citation: cite(`三、（一）${i + 1}．`, c.text),
    note: '六项条件须全部具备；本规则在条件不具备时触发（认定为不予容错的理由）。未认定的事实按“不成立”处理。',
    forRequest(r, ctx) {
      if (!inScope(r, ctx) || c.holds(r.findings)) return;
      ctx.set(r.subject, `tolerance:${r.id}`, 'ineligible');
      ctx.fire({
        subject: r.subject,
        because: c.flags.map((k) => flagLine(r, k)),
        conclusion: `不具备容错条件${i + 1}（${c.title}），不予容错`,
      });
    },
  }),
);

// ── 三、（三）不予容错的情形 ───────────────────────────────────────────────────────────────────────────────────────
interface Exclusion {
  applies(f: Flags): boolean;
  flags: ToleranceFlag[];
  title: string;
  text: string;
}

const EXCLUSIONS: Exclusion[] = [
  {
    applies: (f) => yes(f, 'soughtPrivateGain'),
    flags: ['soughtPrivateGain'],
    title: '以改革创新为名行以权谋私之实',
    text: '以改革创新为名，行以权谋私之实，损害国家、集体、群众利益的;',
  },
  {
    applies: (f) => yes(f, 'collusion'),
    flags: ['collusion'],
    title: '为小群体、小集团谋取不正当利益',
    text: '以担当作为为名，行假公济私之实，为小群体、小集团谋取不正当利益的;',
  },
  {
    applies: (f) => !yes(f, 'collectiveDecision') && !yes(f, 'emergencyReported'),
    flags: ['collectiveDecision', 'emergencyReported'],
    title: '不规范执行“三重一大”集体决策制度，独断专行',
    text: '以强化服务为名，不认真研究经济社会运行规律、不吃透上级精神、不进行深入调研、不规范执行“三重一大”集体决策制度，独断专行、刚愎自用的;',
  },
  {
    applies: (f) => yes(f, 'criminal'),
    flags: ['criminal'],
    title: '触犯国家法律法规，应承担刑事责任',
    text: '触犯国家法律法规，应承担刑事责任的;',
  },
  {
    applies: (f) => yes(f, 'seriousConsequence'),
    flags: ['seriousConsequence'],
    title: '客观上造成社会稳定等严重后果，产生重大负面影响',
    text: '虽有容错免责相关要件，但客观上造成社会稳定等严重后果，产生重大负面影响的;',
  },
];

export const exclusions: Rule[] = EXCLUSIONS.map((x, i) =>
  rule({
    id: ruleIdAt(
      [
        'rudong/tolerance/3.3.1',
        'rudong/tolerance/3.3.2',
        'rudong/tolerance/3.3.3',
        'rudong/tolerance/3.3.4',
        'rudong/tolerance/3.3.5',
      ],
      i,
    ),
    kind: 'computable',
    title: `不予容错${i + 1}：${x.title}`,
    citation: cite(`三、(三)${i + 1}．`, x.text),
    forRequest(r, ctx) {
      if (!inScope(r, ctx) || !x.applies(r.findings)) return;
      ctx.set(r.subject, `tolerance:${r.id}`, 'ineligible');
      ctx.fire({
        subject: r.subject,
        because: x.flags.map((k) => flagLine(r, k)),
        conclusion: `不予容错（${x.title}）`,
      });
    },
  }),
);

const SITUATION_LOCATORS = ORDINAL.map((_, i) => `3.2.${i + 1}`);

export const t3_3_6 = rule({
  id: 'rudong/tolerance/3.3.6',
  kind: 'computable',
  title: '不予容错6：其他不符合容错情形的',
  citation: cite('三、(三)6．', '其他不符合容错情形的，'),
  note: '申请所依据的情形不是三、（二）1.–9. 之一时，按“其他不符合容错情形”不予容错。',
  forRequest(r, ctx) {
    if (!inScope(r, ctx) || SITUATION_LOCATORS.includes(r.situation.trim())) return;
    ctx.set(r.subject, `tolerance:${r.id}`, 'ineligible');
    ctx.fire({
      subject: r.subject,
      because: [`${r.id} 所依据情形 ${r.situation} 不属于三、（二）所列容错情形`],
      conclusion: '不予容错（其他不符合容错情形）',
    });
  },
});

// ── 五、一票否决（政治立场）、绝不容忍（廉洁） ────────────────────────────────────────────────────────────────────
const vetoed = (f: Flags) => yes(f, 'politicalIssue') || yes(f, 'integrityIssue');

// ── 三、（二）容错情形 ─────────────────────────────────────────────────────────────────────────────────────────────
const SITUATIONS: { title: string; text: string }[] = [
  {
    title: '落实党组决策部署中出现偏差失误',
    text: '在落实党组决策部署，尤其是推动重点工作、重要任务中履职尽责、攻坚克难，出现一定偏差、失误或引发矛盾的；',
  },
  {
    title: '政策调整或决策部署变化未达预期',
    text: '因国家政策调整或地方党委政府、上级检察院决策部署变化，工作未达到预期效果或造成负面影响和损失的；',
  },
  {
    title: '司法改革和体制机制创新中先行先试',
    text: '在推进全面深化司法改革和体制机制创新中积极探索、先行先试，承担试点性工作中出现非原则性失误、错误或过失的；',
  },
  {
    title: '容缺受理、容缺审批出现偏差',
    text: '在司法办案、检察监督、服务群众中，为提高效率进行容缺受理、容缺审批出现一定偏差、失误或错误的；',
  },
  {
    title: '化解矛盾纠纷、解决历史遗留问题',
    text: '在化解矛盾纠纷、解决历史遗留问题中，因勇于破除障碍、触及固有利益，造成一定损失或引发信访申诉的；',
  },
  {
    title: '急难险重任务中临机决断',
    text: '在办理重特大案件、群体性事件、突发舆情事件或执行其他急难险重任务中，主动揽责涉险、破解难题，因情况紧急临机决断，出现一定失误错误或负面影响，但事后采取措施补正的；',
  },
  {
    title: '管党治党、从严管理干部中敢抓敢管',
    text: '在落实管党治党责任、从严管理干部中坚持原则、敢抓敢管，出现一定失误错误的；',
  },
  {
    title: '管理和服务对象过错引发过激行为',
    text: '在依法履职过程中，因管理和服务对象过错引发过激行为，出现一定偏差或造成负面影响的；',
  },
  { title: '其他符合容错情形的', text: '其他符合容错情形的。' },
];

export const situations: Rule[] = SITUATIONS.map((s, i) =>
  rule({
    id: ruleIdAt(
      [
        'rudong/tolerance/3.2.1',
        'rudong/tolerance/3.2.2',
        'rudong/tolerance/3.2.3',
        'rudong/tolerance/3.2.4',
        'rudong/tolerance/3.2.5',
        'rudong/tolerance/3.2.6',
        'rudong/tolerance/3.2.7',
        'rudong/tolerance/3.2.8',
        'rudong/tolerance/3.2.9',
      ],
      i,
    ),
    kind: 'computable',
    title: `容错情形${i + 1}：${s.title}`,
    citation: cite(`三、（二）${i + 1}．`, s.text),
    note: '符合本情形、六项容错条件全部具备、无三、（三）不予容错情形且无五、一票否决情形时触发，认定为可以视情给予容错（免责或从轻减轻，由院党组集体研究认定）。',
    forRequest(r, ctx) {
      if (!inScope(r, ctx) || r.situation.trim() !== `3.2.${i + 1}`) return;
      const f = r.findings;
      if (!CONDITIONS.every((c) => c.holds(f)) || EXCLUSIONS.some((x) => x.applies(f)) || vetoed(f)) return;
      ctx.set(r.subject, `tolerance:${r.id}`, 'eligible');
      ctx.fire({
        subject: r.subject,
        because: [
          `${r.id} ${r.date} 申请，所依据情形 三、（二）${i + 1}．`,
          `${r.id} 三、（一）六项容错条件均具备：${CONDITIONS.map((c) => c.title).join('；')}`,
          `${r.id} 无三、（三）不予容错情形，无政治立场、廉洁问题`,
        ],
        conclusion: '符合容错情形，可以视情给予容错',
      });
    },
  }),
);

// ── 四、调查核实 ───────────────────────────────────────────────────────────────────────────────────────────────────
export const t4 = rule({
  id: 'rudong/tolerance/4',
  kind: 'procedure',
  title: '调查核实的总体要求',
  supersedes: ['jiangsu/tolerance/3'],
  citation: cite(
    '四、',
    '相关问责部门在启动问责程序或责任调查过程中，同步考虑容错纠错以及受理干警本人或所在部门容错纠错申请，应当认真细致组织开展调查核实。要坚持客观公正收集相关证据材料，充分听取各方面意见建议，全程体现容错纠错要求，使调查结论经得起历史和实践的检验。',
  ),
});
const t4Items = [
  {
    title: '协同开展调查（同步考虑容错；干警或所在部门可申请）',
    text: '协同开展调查。按照干部管理权限，相关问责部门在启动问责程序或者责任调查中，要同步考虑是否存在容错情形、是否符合容错条件。干警个人或所在部门认为符合容错情形的，可向问责部门提出申请。',
  },
  {
    title: '保障干警权益（听取当事人说明和反映）',
    text: '保障干警权益。相关问责部门在调查中要注重保障当事人的合法权益，在启动调查、形成初步结论等重要环节都要听取当事人的说明和反映，认真分析、仔细甄别。',
  },
  {
    title: '广泛听取意见',
    text: '广泛听取意见。相关问责部门在调查核实中要充分听取干警所在部门和其他相关人员意见，必要时也要听取管理和服务对象的意见，既查清失误错误的性质、危害程度及原因，又全面了解其本人的一贯表现，把握符合容错的具体情形。',
  },
].map((x, i) =>
  rule({
    id: ruleIdAt(['rudong/tolerance/4.1', 'rudong/tolerance/4.2', 'rudong/tolerance/4.3'], i),
    kind: 'procedure',
    title: x.title,
    citation: cite(`四、（${ORDINAL[i]}）`, x.text),
    supersedes: [`jiangsu/tolerance/3.${i + 1}`],
  }),
);

// ── 五、科学认定 ───────────────────────────────────────────────────────────────────────────────────────────────────
export const t5 = rule({
  id: 'rudong/tolerance/5',
  kind: 'computable',
  title: '政治立场有问题的一票否决、廉洁上有问题的绝不容忍',
  citation: cite(
    '五、',
    '调查核实后，相关问责部门应当以事实为依据，以纪律规定和法律法规为准绳，科学作出容错纠错认定结论，既要体现对干警的从严要求，对政治立场有问题的一票否决、廉洁上有问题的绝不容忍，也要体现对干警的关心爱护，凡是具有容错情形的都应充分予以考虑，对及时发现错误、中止错误，主动挽回损失和消除不良影响的，可以免除相关责任或从轻减轻处理。',
  ),
  note: '本段其余内容（对及时纠错、挽回损失的可以免除相关责任或从轻减轻处理）由院党组在认定时裁量，不作计算。',
  supersedes: ['jiangsu/tolerance/4'],
  forRequest(r, ctx) {
    if (!inScope(r, ctx) || !vetoed(r.findings)) return;
    ctx.set(r.subject, `tolerance:${r.id}`, 'ineligible');
    const because: string[] = [];
    if (yes(r.findings, 'politicalIssue')) because.push(flagLine(r, 'politicalIssue') + '（一票否决）');
    if (yes(r.findings, 'integrityIssue')) because.push(flagLine(r, 'integrityIssue') + '（绝不容忍）');
    ctx.fire({ subject: r.subject, because, conclusion: '不予容错（政治立场问题一票否决／廉洁问题绝不容忍）' });
  },
});
const t5Items = [
  {
    title: '及时组织会商（派驻纪检组、政治部、所在部门；不一致的向院党组请示并向上级主管部门报告）',
    text: '及时组织会商。相关问责部门在形成初步容错纠错意见后，及时召集派驻纪检组、政治部、当事人所在部门对容错纠错意见进行会商，形成一致意见。会商意见不一致的，向院党组请示，并向上级主管部门报告。',
  },
  {
    title: '严格审核把关（院党组集体研究认定；复杂案件报上级院审核）',
    text: '严格审核把关。相关问责部门提出容错纠错建议后，由院党组审核把关并集体研究认定。情况复杂、涉及面较大、社会关注度较高的要报上级院审核把关。',
  },
  {
    title: '认真沟通反馈（免责在一定范围内公开；申诉、复核）',
    text: '认真沟通反馈。党组集体研究作出容错与否的结论后，相关问责部门要及时反馈给当事人及其所在部门。对符合免责情形的，应当在一定范围内公开。当事人对认定结论持有异议的，干警本人有权提出申诉，其他相关人员可以为其作证或辩护，相关问责部门要认真组织复核，及时沟通反馈。',
  },
].map((x, i) =>
  rule({
    id: ruleIdAt(['rudong/tolerance/5.1', 'rudong/tolerance/5.2', 'rudong/tolerance/5.3'], i),
    kind: 'procedure',
    title: x.title,
    citation: cite(`五、（${ORDINAL[i]}）`, x.text),
    supersedes: [`jiangsu/tolerance/4.${i + 1}`],
  }),
);

// ── 六、处置机制 ───────────────────────────────────────────────────────────────────────────────────────────────────
export const t6 = rule({
  id: 'rudong/tolerance/6',
  kind: 'procedure',
  title: '宽严相济的处置机制',
  citation: cite(
    '六、',
    '形成认定结论后，要根据不同情形区别对待、妥善处理，充分体现惩前毖后、治病救人的一贯方针，解开干部思想“扣子”，让干警轻装上阵、积极工作。',
  ),
});
const t6Items = [
  {
    title: '强化教育提醒（党组指定专人谈心谈话）',
    text: '强化教育提醒。对存在过错或失误的人员，党组要指定专人与其及时开展谈心谈话，既指出存在问题、又明确改进方向。注重抓早抓小，对于工作中出现的苗头性、倾向性问题，要防微杜渐，做到早发现、早提醒、早纠正。',
  },
  {
    title: '用好“四种形态”',
    text: '用好“四种形态”。常态化运用监督执纪“第一种形态”，通过咬耳扯袖、红脸出汗，在民主生活会（组织生活会）上开展批评和自我批评，帮助干警及时纠正错误，防止小隐患发展为大问题。',
  },
  {
    title: '体现关心关爱（回访谈心制度）',
    text: '体现关心关爱。相关问责部门要落实回访谈心制度，对给予容错纠错的干警要及时了解思想动态，帮助解决实际困难，引导其放下思想包袱，鼓励放手大胆工作，充分体现组织对干警的真心爱护、真诚关怀。',
  },
].map((x, i) =>
  rule({
    id: ruleIdAt(['rudong/tolerance/6.1', 'rudong/tolerance/6.2', 'rudong/tolerance/6.3'], i),
    kind: 'procedure',
    title: x.title,
    citation: cite(`六、（${ORDINAL[i]}）`, x.text),
    supersedes: [`jiangsu/tolerance/5.${i + 1}`],
  }),
);

// ── 七、制度效应 ───────────────────────────────────────────────────────────────────────────────────────────────────
export const t7 = rule({
  id: 'rudong/tolerance/7',
  kind: 'principle',
  title: '容错与纠错相结合',
  citation: cite(
    '七、',
    '坚持容错与纠错相结合，在容错基础上坚持有错必纠、有过必改，对失误错误及时采取补救措施，帮助干警汲取教训、改正提高，把规则定在前面，最大限度避免犯错、少走弯路，提高自我纠错、自我提高、自我完善能力。',
  ),
});
const t7Items = [
  {
    kind: 'procedure' as const,
    title: '坚持立行立改（党组研究整改纠错并向上级院汇报）',
    text: '坚持立行立改。对履职担当、改革创新过程中出现的失误错误，党组要及时研究整改纠错，并向上级院进行汇报，迅速采取补救措施，尽量消除负面影响，最大限度缩小或挽回损失。',
  },
  {
    kind: 'principle' as const,
    title: '注重完善制度',
    text: '注重完善制度。对涉及的容错纠错问题，党组要深入分析问题原因，对普遍存在的共性问题，举一反三、堵塞漏洞，逐步建立事前叫停、事中纠偏、事后纠错及第三方评价的联动机制，进一步完善“权力清单”和“责任清单”制度，健全相关体制机制，从源头上杜绝失误和错误重复发生。',
  },
  {
    kind: 'principle' as const,
    title: '强化正向激励（容错免责者考核、提拔等不受影响）',
    text: '强化正向激励。对给予容错免责的干警，在予以相应处理的同时，其本人在各类考核、提拔任用、职级职称晋升和后备干部资格等方面不受影响。制定完善激励干警新担当新作为的政策措施，通过给敢于改革创新者容错，加大治懒治庸力度，鼓励探索创新、鼓励先行先试、鼓励大胆实践，形成允许改革有失误、但不允许不改革，允许创新有偏差、但不允许墨守成规，允许担当有过失、但不允许敷衍塞责的鲜明导向。',
  },
].map((x, i) =>
  rule({
    id: ruleIdAt(['rudong/tolerance/7.1', 'rudong/tolerance/7.2', 'rudong/tolerance/7.3'], i),
    kind: x.kind,
    title: x.title,
    citation: cite(`七、（${ORDINAL[i]}）`, x.text),
    supersedes: [`jiangsu/tolerance/6.${i + 1}`],
  }),
);

// ── 八、工作格局 ───────────────────────────────────────────────────────────────────────────────────────────────────
export const t8 = rule({
  id: 'rudong/tolerance/8',
  kind: 'principle',
  title: '统一领导、齐心协力的工作格局',
  citation: cite(
    '八、',
    '党组要加强对容错纠错工作的统一领导，旗帜鲜明为敢于担当的干警担当、为敢于负责的干警负责，切实担负起主体责任，营造良好政治生态；主要负责同志要发挥示范表率作用，坚持原则、敢于负责，锐意进取、攻坚克难，既加强对干警日常教育管理，又着力创造良好舞台和条件，以担当带动担当，以作为促进作为，充分凝聚改革发展的精气神，开创解放思想跨越赶超的新局面。',
  ),
});
const t8Items = [
  {
    title: '精准把握政策界限（澄清正名）',
    text: '要精准把握政策界限。严格执纪监督，避免不敢容不会容，推动制度真正贯彻落实到位。要结合动机态度、客观条件、程序方式、性质程度、后果影响以及挽回损失等情况，对干警失误错误进行综合分析，在坚守纪律红线、法律底线的前提下，对该容的大胆容错、不该容的坚决不容，对反映问题失实或受到诬告的干警及时澄清正名，对必须纠错的干部要抓早抓小、坚决纠错，彰显政策导向。',
  },
  {
    title: '坚持正确用人导向',
    text: '要坚持正确用人导向。要坚持好干部标准，大力选拔敢于负责、勇于担当、善于作为、实绩突出的干警。坚持全面历史辩证地看待干警、公平公正对待干警，对敢于担当、勇挑重担的干警要格外关注，使想干事、能干事、敢担当、善作为的干警得到褒奖和鼓励；使慢作为、不作为、乱作为的干警受到警醒和惩戒。同时，对符合容错情形的干警要客观评价、宽容理解、正确对待、合理使用。',
  },
  {
    title: '创造良好舆论氛围',
    text: '要创造良好舆论氛围。坚持激浊扬清，注重保护干警声誉，维护队伍形象。要统筹运用各类平台载体，大力宣传改革创新、担当作为的先进人物和事迹，营造“敢于创新、敢于担当、敢于突破、敢于争取”的良好氛围，让敢于担当、奋发有为在全院上下蔚然成风。对干警在改革创新中出现失误、错误引发的负面舆论，要迅速查明原因，加强舆论引导，纠正不当舆论。',
  },
].map((x, i) =>
  rule({
    id: ruleIdAt(['rudong/tolerance/8.1', 'rudong/tolerance/8.2', 'rudong/tolerance/8.3'], i),
    kind: 'principle',
    title: x.title,
    citation: cite(`八、（${ORDINAL[i]}）`, x.text),
    supersedes: [`jiangsu/tolerance/7.${i + 1}`],
  }),
);

export const toleranceRules: Rule[] = [
  t1,
  t1_1,
  t1_2,
  t1_3,
  t2,
  ...sixLooks,
  ...conditions,
  ...situations,
  ...exclusions,
  t3_3_6,
  t4,
  ...t4Items,
  t5,
  ...t5Items,
  t6,
  ...t6Items,
  t7,
  ...t7Items,
  t8,
  ...t8Items,
];
