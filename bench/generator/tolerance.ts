// Planted 容错申请 (tolerance requests). The record holds few of them in life, so none are drawn at random: each
// case below is a request (or a pair) written so that one tolerance rule of its pack fires for its subject, and
// the exclusions the texts name (谋取私利, 明知故犯, 政治立场, 廉洁, 刑事责任, 严重后果, 未经集体研究…) each stop
// a request that would otherwise be tolerated. `situation` is the locator the pack reads (DESIGN §4): 江苏 an item
// of its 办法 (1.3), 陕西 第六条 (6.N or 第六条（N）), 如东 三、（二） (3.2.N), 安徽 the opinion item (11), 焦作 situation.N.
import type { ToleranceFlag } from '../../src/domain/vocabulary.js';
import type { JurisdictionPack } from './model.js';
import type { CadreCase } from './plan.js';

export type Findings = Partial<Record<ToleranceFlag, boolean>>;

export type Outcome = 'eligible' | 'ineligible';

export interface RequestSpec {
  situation: string;
  findings: Findings;
  date: string;
  /** 情况说明 */
  statement: string;
  /** what the governing pack must conclude (`tolerance:<id>`): planted exclusions are `ineligible` */
  outcome: Outcome;
}

/** The usual good findings: decided collectively, the loss made good, no private gain. */
const CLEAN: Findings = { soughtPrivateGain: false, collectiveDecision: true, remedied: true };

let dateSeq = 0;
/** Dates spread over the eighteen months before the demo's AS_OF (2026-11-01), the same for every run. */
function nextDate(): string {
  const months = ['2025-05', '2025-07', '2025-09', '2025-11', '2026-01', '2026-03', '2026-05', '2026-07', '2026-09'];
  const n = dateSeq++;
  return `${months[n % months.length]}-${String(3 + ((n * 7) % 25)).padStart(2, '0')}`;
}

/** One request, with the outcome the pack must reach on it (`tolerance:<id>`): the coverage test holds it to that. */
function req(outcome: Outcome, name: string, situation: string, findings: Findings, statement: string): CadreCase {
  return {
    type: 'tolerance',
    name: `容错申请：${name}`,
    requests: [{ situation, findings, date: nextDate(), statement, outcome }],
  };
}

// ---- 江苏 (办法 一、二、四: the eligible case and each exclusion; 二、（四）（六） weigh 决策过程 and 纠错态度) --------------
export const JIANGSU_TOLERANCE: readonly CadreCase[] = [
  req(
    'eligible',
    '江苏 符合容错情形',
    '1.3',
    CLEAN,
    '推进“放管服”改革先行先试，审批流程调整出现偏差，经集体研究决定，已及时纠正并挽回损失',
  ),
  req(
    'ineligible',
    '江苏 明知故犯、谋取私利（不予容错）',
    '1.3',
    { knowingly: true, soughtPrivateGain: true, collectiveDecision: false },
    '以改革创新为名违规向关联企业输送利益',
  ),
  req(
    'ineligible',
    '江苏 上级明令禁止后我行我素（不予容错）',
    '1.2',
    { prohibited: true, remedied: false },
    '上级明令叫停后仍继续推进违规融资项目，未采取补救措施',
  ),
  req(
    'ineligible',
    '江苏 政治立场问题（一票否决）',
    '1.3',
    { ...CLEAN, politicalIssue: true },
    '在重大政治原则问题上立场不坚定',
  ),
  req(
    'ineligible',
    '江苏 廉洁问题、应承担刑事责任（不予容错）',
    '1.3',
    { integrityIssue: true, criminal: true },
    '收受服务对象财物，涉嫌犯罪',
  ),
];

// ---- 陕西 (第六条 each item, 第四条/第七条 exclusions, 第八条（三） refusals, 第九条 effects, 第十条（三）) ------------
export const SHAANXI_TOLERANCE: readonly CadreCase[] = [
  req(
    'eligible',
    '陕西 第六条（一）符合',
    '6.1',
    CLEAN,
    '落实县委决策部署推进棚户区改造出现偏差，经常委会研究，已主动挽回损失',
  ),
  req(
    'ineligible',
    '陕西 第六条（一）未主动挽回（不符合）',
    '6.1',
    { collectiveDecision: true, remedied: false },
    '落实决策部署出现失误，未采取补救措施',
  ),
  req('eligible', '陕西 第六条（二）先行先试', '6.2', {}, '农村集体产权制度改革试点未达预期效果'),
  req(
    'eligible',
    '陕西 第六条（三）法规未明令禁止',
    '6.3',
    { prohibited: false },
    '政策界限不明确，创新招商方式造成一定损失',
  ),
  req(
    'ineligible',
    '陕西 第六条（三）违反明令禁止（不符合）',
    '6.3',
    { prohibited: true },
    '违反明令禁止的规定擅自出让土地',
  ),
  req(
    'ineligible',
    '陕西 第六条（四）明知故犯（不予容错）',
    '6.4',
    { knowingly: true },
    '重点项目推进中明知违规仍决定先行开工',
  ),
  req('ineligible', '陕西 第六条（五）恶意串通（不予容错）', '6.5', { collusion: true }, '容缺受理中与申请人恶意串通'),
  req(
    'eligible',
    '陕西 第六条（六）政策调整',
    '6.6',
    { collectiveDecision: true },
    '上级产业政策调整，已建项目未达预期效益',
  ),
  req(
    'eligible',
    '陕西 第六条（七）急难险重',
    '6.7',
    { emergencyReported: true, remedied: true },
    '防汛抢险中临机决断转移群众，事后及时报告',
  ),
  req(
    'eligible',
    '陕西 第六条（八）经提醒仍不纠偏',
    '6.8',
    { ignoredReminder: true },
    '化解历史遗留问题中引发信访，经提醒仍未纠偏',
  ),
  req('eligible', '陕西 第六条（九）不可抗力', '第六条（九）', {}, '冰雹灾害致产业扶贫项目减产'),
  req(
    'ineligible',
    '陕西 第六条（十）应承担刑事责任（不予容错）',
    '6.10',
    { criminal: true },
    '事发当时规定不追责，但本人涉嫌犯罪',
  ),
  req('eligible', '陕西 第六条（十一）其他情形', '6.11', { collectiveDecision: true }, '其他符合容错情形的失误'),
  req('ineligible', '陕西 依据不属第六条所列（不符合）', '6.12', CLEAN, '所依据条款不在第六条所列情形之内'),
];

/** 陕西 第九条（一）（四）: a unit tolerated keeps its 目标责任考核 and 评优评先; the second request is refused. */
export const SHAANXI_UNIT_TOLERANCE: readonly { name: string; requests: readonly RequestSpec[] }[] = [
  {
    name: '陕西 单位 第六条（二）符合容错情形',
    requests: [
      {
        situation: '6.2',
        findings: { collectiveDecision: true },
        date: '2026-02-26',
        statement: '县域营商环境改革试点中先行先试出现探索性失误',
        outcome: 'eligible',
      },
    ],
  },
  {
    name: '陕西 单位 第六条（六）谋取私利（不予容错）',
    requests: [
      {
        situation: '6.6',
        findings: { soughtPrivateGain: true },
        date: '2026-04-08',
        statement: '借政策调整之机为本单位谋取不正当利益',
        outcome: 'ineligible',
      },
    ],
  },
];

// ---- 如东县人民检察院 (三、（二） the nine situations, 三、（一） each failing condition, 三、（三） each exclusion, 五、) ---
const RD_OK: Findings = { collectiveDecision: true, remedied: true };
export const RUDONG_TOLERANCE: readonly CadreCase[] = [
  ...[1, 2, 3, 4, 5, 7, 8, 9].map((n) =>
    req(
      'eligible',
      `如东 三、（二）${n}．符合容错情形`,
      `3.2.${n}`,
      RD_OK,
      '办案工作中出现偏差失误，经检察官联席会议研究，已主动纠正',
    ),
  ),
  req(
    'eligible',
    '如东 三、（二）6．临机决断、事后报告',
    '3.2.6',
    { emergencyReported: true, remedied: true },
    '急难险重任务中临机决断，事后及时报告党组',
  ),
  req('ineligible', '如东 违反明令禁止（条件1）', '3.2.1', { ...RD_OK, prohibited: true }, '违反明令禁止的办案纪律'),
  req(
    'ineligible',
    '如东 谋取不正当利益（条件2、不予容错1）',
    '3.2.4',
    { ...RD_OK, soughtPrivateGain: true },
    '容缺受理中为亲属谋利',
  ),
  req(
    'ineligible',
    '如东 恶意串通（条件2、不予容错2）',
    '3.2.5',
    { ...RD_OK, collusion: true },
    '化解矛盾中与当事人恶意串通',
  ),
  req('ineligible', '如东 主观故意（条件3）', '3.2.3', { ...RD_OK, knowingly: true }, '明知不符合规定仍先行先试'),
  req('ineligible', '如东 未经集体研究（条件4、不予容错3）', '3.2.2', { remedied: true }, '未经集体研究独断专行'),
  req(
    'ineligible',
    '如东 未挽回损失（条件5）',
    '3.2.8',
    { collectiveDecision: true, remedied: false },
    '对损失放任不管',
  ),
  req(
    'ineligible',
    '如东 造成严重后果（条件6、不予容错5）',
    '3.2.6',
    { emergencyReported: true, remedied: true, seriousConsequence: true },
    '临机处置中引发严重群体性事件',
  ),
  req(
    'ineligible',
    '如东 应承担刑事责任（不予容错4）',
    '3.2.7',
    { ...RD_OK, criminal: true },
    '从严管理中涉嫌刑事犯罪',
  ),
  req('ineligible', '如东 其他不符合容错情形（不予容错6）', '3.2.10', RD_OK, '所依据情形不在三、（二）所列之内'),
  req('ineligible', '如东 政治立场问题（一票否决）', '3.2.9', { ...RD_OK, politicalIssue: true }, '政治立场存在问题'),
  req('ineligible', '如东 廉洁问题（绝不容忍）', '3.2.1', { ...RD_OK, integrityIssue: true }, '存在廉洁问题'),
];

// ---- 安徽 (实施意见 11. 六个要件, 12. 纠错整改与拒不整改) ----------------------------------------------------------
export const ANHUI_TOLERANCE: readonly CadreCase[] = [
  req(
    'eligible',
    '安徽 六个要件均符合（免责）',
    '11',
    CLEAN,
    '推进“一网通办”改革，系统切换失误，经集体研究，已挽回影响',
  ),
  req(
    'eligible',
    '安徽 造成严重后果但主动挽回（从轻减轻）',
    '11',
    { ...CLEAN, seriousConsequence: true },
    '重点工程抢工期造成较大损失，已主动挽回',
  ),
  req(
    'ineligible',
    '安徽 缘于私利（不予容错）',
    '11',
    { ...CLEAN, soughtPrivateGain: true },
    '招商引资中为亲属企业谋利',
  ),
  req('ineligible', '安徽 程序方法未查明（不予容错）', '11', { remedied: true }, '是否经集体研究尚未查明'),
  req(
    'ineligible',
    '安徽 影响恶劣、未挽回（不予容错）',
    '11',
    { collectiveDecision: true, seriousConsequence: true, remedied: false },
    '造成重大损失后置之不理',
  ),
  req(
    'ineligible',
    '安徽 拒不整改（不予容错，予以问责）',
    '11',
    { collectiveDecision: true, remedied: false, ignoredReminder: true },
    '经提醒仍不纠偏，整改不力',
  ),
  {
    type: 'tolerance',
    name: '容错申请：安徽 同一年两项申请（一项免责、一项不予容错）',
    requests: [
      {
        situation: '11',
        findings: CLEAN,
        date: '2026-03-12',
        statement: '乡村振兴项目先行先试出现偏差',
        outcome: 'eligible',
      },
      {
        situation: '11',
        findings: { collectiveDecision: false, remedied: true },
        date: '2026-08-21',
        statement: '个人决定调整项目资金用途',
        outcome: 'ineligible',
      },
    ],
  },
];

// ---- 焦作 (实施容错的具体事项（一）–（九）, 容错纠错的条件, 报备与特事特办, 不予容错的情形 1–4) ---------------------------
const JZ_OK: Findings = { collectiveDecision: true };
export const JIAOZUO_TOLERANCE: readonly CadreCase[] = [
  req('eligible', '焦作 事项（一）', 'situation.1', CLEAN, '落实市委决策部署推进老旧小区改造出现偏差，已主动消除影响'),
  req('eligible', '焦作 事项（二）', 'situation.2', JZ_OK, '产业转型升级项目未达原计划效果'),
  req(
    'eligible',
    '焦作 事项（三）重大改革已事先评估报备',
    'situation.3',
    { ...JZ_OK, majorReform: true, riskAssessmentFiled: true },
    '重点领域改革对现行政策有所突破，事先已评估报备',
  ),
  req(
    'ineligible',
    '焦作 重大改革未事先评估报备（不予容错）',
    'situation.3',
    { ...JZ_OK, majorReform: true },
    '重大改革项目未进行风险评估和报备',
  ),
  req(
    'eligible',
    '焦作 事项（四）特事特办经同意并报告',
    'situation.4',
    { ...JZ_OK, specialMeasure: true, specialMeasureApproved: true },
    '重点项目建设采取特事特办措施，经同级政府同意并事先报告',
  ),
  req(
    'ineligible',
    '焦作 特事特办未经同意（不予容错）',
    'situation.4',
    { ...JZ_OK, specialMeasure: true },
    '特事特办措施未经同级政府同意',
  ),
  req(
    'eligible',
    '焦作 事项（五）尚无明确限制',
    'situation.5',
    { ...JZ_OK, prohibited: false },
    '环保领域创新尚无明确限制',
  ),
  req(
    'ineligible',
    '焦作 违反禁止性规定（不予容错1）',
    'situation.5',
    { ...JZ_OK, prohibited: true },
    '违反禁止性规定',
  ),
  req('eligible', '焦作 事项（六）', 'situation.6', JZ_OK, '自加压力提高标准未实现预期目标'),
  req(
    'eligible',
    '焦作 事项（七）事后及时报告',
    'situation.7',
    { emergencyReported: true },
    '处置突发事件临机决断，事后及时报告',
  ),
  req(
    'eligible',
    '焦作 事项（八）较小负面影响',
    'situation.8',
    { ...JZ_OK, seriousConsequence: false },
    '化解历史遗留问题造成较小负面影响',
  ),
  req(
    'ineligible',
    '焦作 重大损失（不予容错2）',
    'situation.8',
    { ...JZ_OK, seriousConsequence: true },
    '化解矛盾中引发重大群体性事件',
  ),
  req('eligible', '焦作 事项（九）不可抗力', 'situation.9', JZ_OK, '暴雨灾害致项目延误'),
  req(
    'ineligible',
    '焦作 未经集体研究（不符合条件）',
    'situation.2',
    { collectiveDecision: false },
    '个人决定变更项目方案',
  ),
  req('ineligible', '焦作 应承担刑事责任（不予容错1）', 'situation.6', { ...JZ_OK, criminal: true }, '涉嫌刑事犯罪'),
  req(
    'ineligible',
    '焦作 经提醒仍不纠偏（不予容错3）',
    'situation.9',
    { ...JZ_OK, ignoredReminder: true },
    '经提醒仍不及时纠偏',
  ),
  req(
    'ineligible',
    '焦作 同类问题连续失误（不予容错4）',
    'situation.2',
    { ...JZ_OK, repeatedSameError: true },
    '同类问题连续出现失误',
  ),
];

export const TOLERANCE_CASES: Record<JurisdictionPack, readonly CadreCase[]> = {
  jiangsu: JIANGSU_TOLERANCE,
  shaanxi: SHAANXI_TOLERANCE,
  rudong: RUDONG_TOLERANCE,
  anhui: ANHUI_TOLERANCE,
  jiaozuo: JIAOZUO_TOLERANCE,
};
