// 江苏省进一步健全容错纠错机制的办法 (sections 一–七). A request is judged on the investigators' findings flags
// (DESIGN §4): the text's exclusions (三个区分开来, 政治立场一票否决, 廉洁问题绝不容忍, 纪律红线与法律底线) make it
// ineligible; with none of them established it is eligible (符合容错情形), and the organs then decide 免责/从轻/减轻.
import type { ToleranceRequestFact } from '../../domain/facts.js';
import type { ToleranceFlag } from '../../domain/vocabulary.js';
import { rule } from '../../policy/define.js';
import type { Citation, RuleContext } from '../../policy/types.js';
import { DOC_TOLERANCE } from './readings.js';

const cite = (article: string, text: string): Citation => ({ document: DOC_TOLERANCE, article, text });

/** Flags each exclusion rests on, with the words of the text they stand for. */
const EXCLUSIONS: Record<string, { flag: ToleranceFlag; words: string }[]> = {
  '2': [
    { flag: 'knowingly', words: '明知故犯的违纪违法行为' },
    { flag: 'prohibited', words: '上级明令禁止后依然我行我素的违纪违法行为' },
    { flag: 'soughtPrivateGain', words: '为谋取私利的违纪违法行为' },
  ],
  '2.1': [{ flag: 'prohibited', words: '有令不行、有禁不止' }],
  '2.3': [
    { flag: 'soughtPrivateGain', words: '假公济私、以权谋私' },
    { flag: 'knowingly', words: '明知故犯' },
  ],
  '4': [
    { flag: 'politicalIssue', words: '政治立场有问题的一票否决' },
    { flag: 'integrityIssue', words: '廉洁上有问题的绝不容忍' },
    { flag: 'criminal', words: '确保容错在纪律红线、法律底线内进行' },
    // 恶意串通 is outside 纪律红线、法律底线 and is not 未谋私利 (一、), as 陕西 第七条, 如东 三、（一）2 and 安徽 11 read it
    { flag: 'collusion', words: '确保容错在纪律红线、法律底线内进行（恶意串通）' },
  ],
};
const ALL_EXCLUDING = [...new Set(Object.values(EXCLUSIONS).flatMap((l) => l.map((e) => e.flag)))];

const flagLine = (r: ToleranceRequestFact, f: ToleranceFlag) =>
  `${r.id} ${r.subject} ${r.date} findings.${f} = ${r.findings[f]}`;

/** Fires the exclusion of this rule's item when any of its flags is established; the request becomes ineligible. */
function exclusion(locator: keyof typeof EXCLUSIONS) {
  return (r: ToleranceRequestFact, ctx: RuleContext) => {
    const hits = EXCLUSIONS[locator]!.filter((e) => r.findings[e.flag] === true);
    if (hits.length === 0) return;
    ctx.set(r.subject, `tolerance:${r.id}`, 'ineligible');
    ctx.fire({
      subject: r.subject,
      because: hits.map((e) => flagLine(r, e.flag)),
      conclusion: `不予容错：${hits.map((e) => e.words).join('；')}`,
    });
  };
}

// ---- 一、适用范围 ----------------------------------------------------------------------------------------------

export const t1 = rule({
  id: 'jiangsu/tolerance/1',
  kind: 'computable',
  title: '容错纠错的适用：不违反党纪国法、勤勉尽责、未谋私利、能够及时纠错改正',
  citation: cite(
    '一、',
    '江苏高质量发展需要广大干部带领群众敢闯敢试、先行先试。实施容错纠错机制就是对在改革创新、担当作为中出现一些偏差失误的干部，只要不违反党的纪律和国家法律法规，勤勉尽责、未谋私利，能够及时纠错改正，都不作负面评价，免除相关责任或从轻减轻处理，积极关心和保护锐意改革、勇于创新的干部。',
  ),
  note: '调查核实未认定任何排除情形（三个区分开来中违纪违法的一侧、政治立场问题、廉洁问题、应承担刑事责任、恶意串通）时，认定符合容错情形（eligible）；免责、从轻或减轻由问责机关或部门认定、党委（党组）审核（四、）。',
  forRequest(r, ctx) {
    if (ALL_EXCLUDING.some((f) => r.findings[f] === true)) return;
    ctx.set(r.subject, `tolerance:${r.id}`, 'eligible');
    const known = Object.entries(r.findings).map(([k, v]) => `${r.id} findings.${k} = ${v}`);
    ctx.fire({
      subject: r.subject,
      because: [`${r.id} ${r.subject} ${r.date} 容错申请（依据 ${r.situation}）`, ...known, '未认定排除情形'],
      conclusion: '符合容错情形：不作负面评价，免除相关责任或从轻减轻处理（须经认定）',
    });
  },
});

export const t1_1 = rule({
  id: 'jiangsu/tolerance/1.1',
  kind: 'principle',
  title: '拓展适用主体',
  citation: cite(
    '一、（一）',
    '（一）拓展适用主体。实施容错纠错机制，不仅适用于全省各级党政机关、国有企事业单位的干部，也适用于其他行使公权力的公职人员，充分激发全省党员干部干事创业活力，把各方面力量凝聚到改革创新、担当作为上来。',
  ),
});

export const t1_2 = rule({
  id: 'jiangsu/tolerance/1.2',
  kind: 'principle',
  title: '突出主要对象',
  citation: cite(
    '一、（二）',
    '（二）突出主要对象。重点鼓励各级领导干部解放思想、开拓创新，敢负责、勇担当；有效推动身处改革发展稳定一线的干部主动作为、敢闯敢试，想干事、干成事，引导广大干部争当改革的促进派、发展的实干家。',
  ),
});

export const t1_3 = rule({
  id: 'jiangsu/tolerance/1.3',
  kind: 'principle',
  title: '关注重点领域',
  citation: cite(
    '一、（三）',
    '（三）关注重点领域。重点关注改革创新、推进发展、管党治党等领域，鼓励广大干部在贯彻新发展理念、推动体制机制创新中大胆探索、先行先试；鼓励广大干部在贯彻中央和省委决策部署、推进重点工作中攻坚克难、锐意进取；鼓励广大党员领导干部在落实全面从严治党责任、从严教育管理干部中坚持原则、敢抓敢管。',
  ),
});

// ---- 二、政策界限：三个区分开来与“六看” -------------------------------------------------------------------------

export const t2 = rule({
  id: 'jiangsu/tolerance/2',
  kind: 'computable',
  title: '三个区分开来',
  citation: cite(
    '二、',
    '容错纠错要做到“三个区分开来”，坚持把干部在推进改革中因缺乏经验、先行先试出现的失误和错误，同明知故犯的违纪违法行为区分开来；把上级尚无明确限制的探索性实验中的失误和错误，同上级明令禁止后依然我行我素的违纪违法行为区分开来；把为推动发展的无意过失，同为谋取私利的违纪违法行为区分开来，结合不同阶段不同情况，妥善把握事业为上、实事求是、依纪依法、容纠并举等原则，辩证地分析干事创业中的失误和偏差，历史地、客观地、全面地评价干部，对该容的大胆容错，不该容的坚决不容。发挥典型案例的示范引导作用，在实施容错纠错机制的工作中做到“六看”。',
  ),
  note: '明知故犯（knowingly）、上级明令禁止后依然我行我素（prohibited）、为谋取私利（soughtPrivateGain）任一经认定，即属违纪违法一侧，不该容的坚决不容。',
  forRequest: exclusion('2'),
});

export const t2_1 = rule({
  id: 'jiangsu/tolerance/2.1',
  kind: 'computable',
  title: '看问题性质',
  citation: cite('二、（一）', '（一）看问题性质，是探索创新还是有令不行、有禁不止，分清是失误错误还是违纪违法。'),
  note: '有令不行、有禁不止以 prohibited 认定。',
  forRequest: exclusion('2.1'),
});

export const t2_2 = rule({
  id: 'jiangsu/tolerance/2.2',
  kind: 'principle',
  title: '看工作依据',
  citation: cite('二、（二）', '（二）看工作依据，是界限不明还是故意曲解、随意变通，分清是先行先试还是肆意妄为。'),
  note: '界限是否明确、是否故意曲解由调查核实判断，认定为明令禁止或明知故犯的，依二、（一）（三）处理。',
});

export const t2_3 = rule({
  id: 'jiangsu/tolerance/2.3',
  kind: 'computable',
  title: '看主观动机',
  citation: cite('二、（三）', '（三）看主观动机，是出于公心还是假公济私、以权谋私，分清是无心之过还是明知故犯。'),
  note: '假公济私、以权谋私以 soughtPrivateGain 认定，明知故犯以 knowingly 认定。',
  forRequest: exclusion('2.3'),
});

export const t2_4 = rule({
  id: 'jiangsu/tolerance/2.4',
  kind: 'computable',
  title: '看决策过程',
  citation: cite('二、（四）', '（四）看决策过程，是民主决策还是个人专断、一意孤行，分清是依规履职还是滥用权力。'),
  note: '“看”是考量因素，不是单独的排除条件：认定了是否经集体研究（collectiveDecision）时列出其倾向，不单独改变容错结论。',
  forRequest(r, ctx) {
    const v = r.findings.collectiveDecision;
    if (v === undefined) return;
    ctx.fire({
      subject: r.subject,
      because: [flagLine(r, 'collectiveDecision')],
      conclusion: v ? '民主决策、依规履职（有利因素）' : '未经民主决策：须查明是否个人专断、一意孤行（不利因素）',
    });
  },
});

export const t2_5 = rule({
  id: 'jiangsu/tolerance/2.5',
  kind: 'principle',
  title: '看履职取向',
  citation: cite('二、（五）', '（五）看履职取向，是开拓进取还是无视规律、急功近利，分清是积极作为还是好大喜功。'),
});

export const t2_6 = rule({
  id: 'jiangsu/tolerance/2.6',
  kind: 'computable',
  title: '看纠错态度',
  citation: cite('二、（六）', '（六）看纠错态度，是及时补救还是消极应对、放任损失，分清是主动纠错还是坐视不管。'),
  note: '“看”是考量因素：认定了是否主动挽回损失（remedied）时列出其倾向；及时补救的，依四、可以免除相关责任或从轻减轻处理。',
  forRequest(r, ctx) {
    const v = r.findings.remedied;
    if (v === undefined) return;
    ctx.fire({
      subject: r.subject,
      because: [flagLine(r, 'remedied')],
      conclusion: v
        ? '及时补救、主动纠错（有利因素：可以免除相关责任或从轻减轻处理）'
        : '消极应对、放任损失（不利因素）',
    });
  },
});

// ---- 三、调查核实 ---------------------------------------------------------------------------------------------

export const t3 = rule({
  id: 'jiangsu/tolerance/3',
  kind: 'principle',
  title: '调查核实的总体要求',
  citation: cite(
    '三、',
    '认真细致开展调查核实，是实施容错纠错机制的关键。要客观公正收集相关证据材料，充分听取各方面意见建议，全程体现容错纠错要求，使调查结论经得起历史和实践的检验。',
  ),
});

export const t3_1 = rule({
  id: 'jiangsu/tolerance/3.1',
  kind: 'procedure',
  title: '协同开展调查（问责中同步考虑容错；干部个人和所在单位可申请）',
  citation: cite(
    '三、（一）',
    '（一）协同开展调查。按照干部管理权限，相关问责机关或部门在启动问责程序或者责任调查中，要同步考虑是否存在容错情形、是否符合容错条件。干部个人和所在单位认为符合容错情形的，可向问责机关提出申请。',
  ),
});

export const t3_2 = rule({
  id: 'jiangsu/tolerance/3.2',
  kind: 'procedure',
  title: '保障干部权益（听取当事人说明；澄清正名；查处诬告陷害）',
  citation: cite(
    '三、（二）',
    '（二）保障干部权益。相关问责机关或部门在调查中要注重保障当事人的合法权益，在启动调查、形成初步结论等重要环节都要听取当事人的说明和反映，认真分析、仔细甄别。严肃查处诬告陷害行为，及时为受到不实反映的干部澄清正名、消除顾虑。',
  ),
});

export const t3_3 = rule({
  id: 'jiangsu/tolerance/3.3',
  kind: 'procedure',
  title: '广泛听取意见',
  citation: cite(
    '三、（三）',
    '（三）广泛听取意见。相关问责机关或部门在调查核实中要充分听取干部所在单位党委（党组）和其他相关人员意见，必要时也要听取管理和服务对象的意见，既查清失误错误的性质、危害程度及原因，又广泛了解干部的一贯表现，把握符合容错的具体情形。',
  ),
});

// ---- 四、科学认定 ---------------------------------------------------------------------------------------------

export const t4 = rule({
  id: 'jiangsu/tolerance/4',
  kind: 'computable',
  title: '政治立场有问题一票否决，廉洁上有问题绝不容忍',
  citation: cite(
    '四、',
    '调查核实后，相关问责机关或部门应当以事实为依据，以纪律规定和法律法规为准绳，科学作出容错纠错认定结论，既要体现对干部的从严要求，对政治立场有问题的一票否决、廉洁上有问题的绝不容忍，确保容错在纪律红线、法律底线内进行；也要体现对干部的关心爱护，凡是具有容错情形的都应充分予以考虑，对及时发现错误、中止错误，主动挽回损失和消除不良影响的，可以免除相关责任或从轻减轻处理。',
  ),
  note: '政治立场问题（politicalIssue）一票否决；廉洁问题（integrityIssue）绝不容忍；应承担刑事责任（criminal）、恶意串通（collusion）超出纪律红线、法律底线（恶意串通的读法与陕西、如东、安徽一致，见 docs/READINGS.md）。任一认定即不予容错。',
  forRequest: exclusion('4'),
});

export const t4_1 = rule({
  id: 'jiangsu/tolerance/4.1',
  kind: 'procedure',
  title: '及时组织会商（意见不一致的请示同级党委并报告上级主管部门）',
  citation: cite(
    '四、（一）',
    '（一）及时组织会商。相关问责机关或部门在形成初步容错纠错意见后，及时召集纪检监察机关、党委组织部门、当事人所在单位党委（党组）以及相关职能部门对容错纠错意见进行会商，形成一致意见。会商意见不一致的，向同级党委（党组）请示，并向上级主管部门报告。',
  ),
});

export const t4_2 = rule({
  id: 'jiangsu/tolerance/4.2',
  kind: 'procedure',
  title: '严格审核把关（复杂、涉及面大、关注度高的报上级党委）',
  citation: cite(
    '四、（二）',
    '（二）严格审核把关。相关问责机关或部门提出容错纠错建议后，由同级党委（党组）审核把关。情况复杂、涉及面较大、社会关注度较高的要报上级党委审核把关。',
  ),
});

export const t4_3 = rule({
  id: 'jiangsu/tolerance/4.3',
  kind: 'procedure',
  title: '认真沟通反馈（反馈、一定范围公开、申诉、复核）',
  citation: cite(
    '四、（三）',
    '（三）认真沟通反馈。作出认定结论后，要及时反馈给当事人及其所在单位。对符合免责情形的，应当在一定范围内公开。当事人对认定结论持有异议的，干部本人有权提出申诉，其他相关人员可以为其作证或辩护，相关问责机关或部门要认真组织复核，及时沟通反馈。',
  ),
});

// ---- 五、处置机制 ---------------------------------------------------------------------------------------------

export const t5_1 = rule({
  id: 'jiangsu/tolerance/5.1',
  kind: 'procedure',
  title: '强化教育提醒（谈心谈话）',
  citation: cite(
    '五、（一）',
    '（一）强化教育提醒。对存在过错或失误的个人，所在单位党委（党组）要及时开展谈心谈话，既指出存在问题、又明确改进方向。注重抓早抓小，对于工作中出现的苗头性、倾向性问题，要防微杜渐，做到早发现、早提醒、早纠正。',
  ),
});

export const t5_2 = rule({
  id: 'jiangsu/tolerance/5.2',
  kind: 'principle',
  title: '用好“四种形态”',
  citation: cite(
    '五、（二）',
    '（二）用好“四种形态”。常态化运用监督执纪“第一种形态”，通过咬耳扯袖、红脸出汗，在民主生活会上开展批评和自我批评，帮助干部及时纠正错误，防止小隐患发展为大问题。',
  ),
});

export const t5_3 = rule({
  id: 'jiangsu/tolerance/5.3',
  kind: 'procedure',
  title: '真诚关心关爱',
  citation: cite(
    '五、（三）',
    '（三）真诚关心关爱。相关问责机关或部门对给予容错纠错的干部要及时了解思想动态，帮助干部放下思想包袱，充分体现组织对干部的真心爱护、真诚关怀。',
  ),
});

// ---- 六、制度效应 ---------------------------------------------------------------------------------------------

export const t6_1 = rule({
  id: 'jiangsu/tolerance/6.1',
  kind: 'procedure',
  title: '坚持立行立改（研究整改纠错并向上级党委汇报）',
  citation: cite(
    '六、（一）',
    '（一）坚持立行立改。对履职担当、改革创新过程中出现的失误错误，所在单位党委（党组）要及时研究整改纠错，并向上级党委进行汇报，迅速采取补救措施，尽量消除负面影响，最大限度减少或挽回损失。',
  ),
});

export const t6_2 = rule({
  id: 'jiangsu/tolerance/6.2',
  kind: 'procedure',
  title: '注重完善制度',
  citation: cite(
    '六、（二）',
    '（二）注重完善制度。涉及容错纠错问题的单位党委（党组）要深入分析问题原因，对普遍存在的共性问题，举一反三、堵塞漏洞，健全相关体制机制，从源头上杜绝失误和错误重复发生。',
  ),
});

export const t6_3 = rule({
  id: 'jiangsu/tolerance/6.3',
  kind: 'principle',
  title: '强化正向激励',
  citation: cite(
    '六、（三）',
    '（三）强化正向激励。制定完善激励干部干事创业的政策措施，通过给敢于改革创新者容错，加大治懒治庸力度，鼓励探索创新、鼓励先行先试、鼓励大胆实践，形成允许改革有失误、但不允许不改革，允许创新有偏差、但不允许墨守成规，允许担当有过失、但不允许敷衍塞责的鲜明导向。',
  ),
});

// ---- 七、工作格局 ---------------------------------------------------------------------------------------------

export const t7_1 = rule({
  id: 'jiangsu/tolerance/7.1',
  kind: 'procedure',
  title: '纪检监察机关支持干部积极作为（汇编典型案例）',
  citation: cite(
    '七、（一）',
    '（一）纪检监察机关要支持干部积极作为。按照中央和省委要求，全省各级纪检监察机关要认真执行容错纠错机制的有关规定和办法，对属于容错纠错的问题，通过规范程序，科学论证、把握政策，充分体现容错纠错机制的要义和导向。省纪委、省监委要加强指导、做好示范，发挥引领作用。要注重案例引领，定期汇编整理容错纠错典型案例，作出示范引导，既要避免不敢容不会容，又要防止突破党纪国法底线，推动制度真正贯彻落实到位。',
  ),
});

export const t7_2 = rule({
  id: 'jiangsu/tolerance/7.2',
  kind: 'principle',
  title: '组织部门坚持正确用人导向（对给予容错的干部客观评价、公正任用）',
  citation: cite(
    '七、（二）',
    '（二）组织部门要坚持正确用人导向。对敢于担当、勇挑重担的干部要格外关注，使想干事、能干事、敢担当、善作为的干部得到褒奖和鼓励。对给予容错的干部，考核考察要客观评价，选拔任用要公正合理。',
  ),
});

export const t7_3 = rule({
  id: 'jiangsu/tolerance/7.3',
  kind: 'principle',
  title: '宣传部门创造良好舆论氛围',
  citation: cite(
    '七、（三）',
    '（三）宣传部门要创造良好舆论氛围。统筹运用各类媒体资源，大力宣传改革创新、担当作为的先进人物和事迹，充分发挥先进典型的示范作用，让敢于担当、奋发作为在全省蔚然成风。',
  ),
});

export const toleranceRules = [
  t1,
  t1_1,
  t1_2,
  t1_3,
  t2,
  t2_1,
  t2_2,
  t2_3,
  t2_4,
  t2_5,
  t2_6,
  t3,
  t3_1,
  t3_2,
  t3_3,
  t4,
  t4_1,
  t4_2,
  t4_3,
  t5_1,
  t5_2,
  t5_3,
  t6_1,
  t6_2,
  t6_3,
  t7_1,
  t7_2,
  t7_3,
];
