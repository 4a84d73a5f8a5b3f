// 安徽 实施意见 11.: the “六个要件” weighed for a tolerance request, as a pure function of the investigators'
// findings. Items 11 (the decision) and 12 (rectification after an exemption) both need the same reading, so it
// lives here once.
//
// Readings fixed here (the text asks for a 综合分析 and names what each element distinguishes; it gives no flags):
// - A flag that marks wrongdoing (soughtPrivateGain, knowingly, prohibited, …) counts only when established (true);
//   absent means it was not established, and the element is not held against the cadre.
// - A flag the element needs positively (collectiveDecision for 程序方法, remedied for 挽回损失) must be established:
//   false is held against the cadre, absent leaves the element 未查明, and an element 未查明 means the request cannot
//   (yet) be found to meet 容错情形 — the organ must complete its 调查核实 first.
// - 后果影响: a serious consequence alone does not exclude tolerance; with a loss actively remedied the case meets
//   容错情形 but 确需追究责任 → 从轻或减轻处理; a serious consequence left unremedied is 影响恶劣 and
//   “置之不理、放任不管造成重大损失” → 不予容错.
import type { ToleranceRequestFact } from '../../domain/facts.js';

export type ElementState = 'met' | 'notMet' | 'unknown';

export interface ElementJudgement {
  /** 动机态度 / 客观条件 / 程序方法 / 性质程度 / 后果影响 / 挽回损失 */
  element: string;
  state: ElementState;
  /** Why, naming the findings used (Chinese, with the flag name). */
  reason: string;
}

export type SixElementsOutcome = '免责' | '从轻减轻' | '不予容错';

export interface SixElementsResult {
  outcome: SixElementsOutcome;
  eligible: boolean;
  elements: ElementJudgement[];
  /** The elements that decided the outcome (those not met, or not established). */
  reasons: string[];
}

type Flags = ToleranceRequestFact['findings'];

const established = (f: Flags, k: keyof Flags) => f[k] === true;

function motive(f: Flags): ElementJudgement {
  if (established(f, 'soughtPrivateGain'))
    return {
      element: '动机态度',
      state: 'notMet',
      reason: '缘于私利：为个人、他人或单位谋取不正当利益 (soughtPrivateGain)',
    };
  return { element: '动机态度', state: 'met', reason: '出以公心：未查明谋取私利 (soughtPrivateGain 未认定)' };
}

function circumstances(f: Flags): ElementJudgement {
  if (established(f, 'knowingly'))
    return { element: '客观条件', state: 'notMet', reason: '胡干蛮干：明知故犯/主观故意 (knowingly)' };
  return { element: '客观条件', state: 'met', reason: '难以预见的因素：未查明明知故犯 (knowingly 未认定)' };
}

function procedure(f: Flags): ElementJudgement {
  if (f.collectiveDecision === true)
    return {
      element: '程序方法',
      state: 'met',
      reason: '科学决策、民主决策、依法决策：经集体研究 (collectiveDecision)',
    };
  if (f.collectiveDecision === false)
    return {
      element: '程序方法',
      state: 'notMet',
      reason: '个人专断、一意孤行：未经集体研究 (collectiveDecision=false)',
    };
  return {
    element: '程序方法',
    state: 'unknown',
    reason: '未查明是否经集体研究、民主决策 (collectiveDecision 未认定)',
  };
}

const VIOLATIONS: readonly [keyof Flags, string][] = [
  ['prohibited', '违反明令禁止或强制性规定、明令禁止后依然我行我素 (prohibited)'],
  ['collusion', '恶意串通 (collusion)'],
  ['integrityIssue', '廉洁问题 (integrityIssue)'],
  ['politicalIssue', '政治立场问题，违反政治纪律 (politicalIssue)'],
  ['criminal', '应承担刑事责任 (criminal)'],
];

function nature(f: Flags): ElementJudgement {
  const found = VIOLATIONS.filter(([k]) => established(f, k)).map(([, label]) => label);
  if (found.length > 0) return { element: '性质程度', state: 'notMet', reason: `违纪违法行为：${found.join('；')}` };
  return { element: '性质程度', state: 'met', reason: '一般性失误错误：未查明违纪违法行为' };
}

function consequence(f: Flags): ElementJudgement {
  if (!established(f, 'seriousConsequence'))
    return {
      element: '后果影响',
      state: 'met',
      reason: '事态整体可控：未查明重大损失或严重后果 (seriousConsequence 未认定)',
    };
  if (f.remedied === true)
    return {
      element: '后果影响',
      state: 'met',
      reason: '造成重大损失或严重后果 (seriousConsequence)，但已主动挽回，事态可控',
    };
  return {
    element: '后果影响',
    state: 'notMet',
    reason: '影响恶劣：造成重大损失或严重后果且未主动挽回 (seriousConsequence)',
  };
}

function recovery(f: Flags): ElementJudgement {
  if (f.remedied === true)
    return { element: '挽回损失', state: 'met', reason: '主动采取补救措施，挽回损失、消除影响 (remedied)' };
  if (f.remedied === false)
    return { element: '挽回损失', state: 'notMet', reason: '置之不理、放任不管，未主动挽回损失 (remedied=false)' };
  return { element: '挽回损失', state: 'unknown', reason: '未查明是否主动采取补救措施 (remedied 未认定)' };
}

/** Weighs the six elements of 11. for one request. */
export function assessSixElements(findings: Flags): SixElementsResult {
  const elements = [motive, circumstances, procedure, nature, consequence, recovery].map((e) => e(findings));
  const notMet = elements.filter((e) => e.state === 'notMet');
  const unknown = elements.filter((e) => e.state === 'unknown');
  if (notMet.length > 0 || unknown.length > 0) {
    const reasons = [
      ...notMet.map((e) => `不符合「${e.element}」：${e.reason}`),
      ...unknown.map((e) => `「${e.element}」未查明：${e.reason}`),
    ];
    return { outcome: '不予容错', eligible: false, elements, reasons };
  }
  // Every element met. A serious consequence (even remedied) is the case that 确需追究责任.
  if (established(findings, 'seriousConsequence'))
    return {
      outcome: '从轻减轻',
      eligible: true,
      elements,
      reasons: ['符合容错情形，但造成重大损失或严重后果 (seriousConsequence)，确需追究责任'],
    };
  return { outcome: '免责', eligible: true, elements, reasons: ['六个要件均符合容错情形，可以免责'] };
}
