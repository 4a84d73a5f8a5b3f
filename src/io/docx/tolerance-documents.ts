// The written acts of a tolerance case (容错纠错) and of 澄清正名, one function each, as PROCEDURES §8.1–8.2 lists
// them. Each takes the case's facts as plain text (names, dates, the matter, reasons, article citations) and returns
// the .docx in the 公文格式 (layout.ts). The texts name these acts but prescribe no form (PROCEDURES §0.3), so the
// wording here is a working template an office adapts; TOLERANCE_DOCUMENTS says which name each text uses. Nothing
// here knows a record id: callers pass names, so no id can reach a document.
import { chineseDate } from '../../domain/dates.js';
import { renderOfficialDocument, type Block, type DocumentNumber } from './layout.js';

/** The conclusions a tolerance case reaches (PROCEDURES §7.1). */
export type ToleranceOutcome = 'exempt' | 'lighter' | 'mitigated' | 'not_tolerated';

/** The outcome as the texts word it: 免除责任 (免责), 从轻 / 减轻处理, 不予容错. */
export const OUTCOME_WORDS: Readonly<Record<ToleranceOutcome, string>> = {
  exempt: '予以容错，免除相关责任',
  lighter: '予以容错，从轻处理',
  mitigated: '予以容错，减轻处理',
  not_tolerated: '不予容错',
};

/** Who and what the case is about, by name. */
export interface CaseSubject {
  /** the cadre concerned; absent when the case concerns a unit (陕西, 焦作) */
  cadreName?: string;
  /** the cadre's post, e.g. 副县长 */
  cadrePost?: string;
  /** the cadre's unit, or the unit the case concerns */
  unitName: string;
  /** the incident or failing of the accountability matter */
  matter: string;
}

/** The issuing organ and the 版头/版记 of a document. */
export interface Issuing {
  /** 发文机关全称, e.g. 中共如东县纪律检查委员会 */
  issuer: string;
  issuerMark?: string;
  number?: DocumentNumber;
  /** 成文日期, YYYY-MM-DD */
  date: string;
  copyTo?: readonly string[];
  printedBy?: string;
  printedOn?: string;
  attachments?: readonly string[];
  note?: string;
}

/** 张三同志 / 如东县某单位; with the unit and post for the first mention. */
export function subjectName(s: CaseSubject, full = false): string {
  if (!s.cadreName) return s.unitName;
  return full ? `${s.unitName}${s.cadrePost ?? ''}${s.cadreName}同志` : `${s.cadreName}同志`;
}

const numbered = (items: readonly string[]): string[] =>
  items.length > 1 ? items.map((t, i) => `${i + 1}. ${t}`) : [...items];

const basisText = (basis: readonly string[]): string => basis.join('、');

function issued(i: Issuing, title: string, recipients: readonly string[] | undefined, body: Block[]) {
  return renderOfficialDocument({
    issuer: i.issuer,
    ...(i.issuerMark ? { issuerMark: i.issuerMark } : {}),
    ...(i.number ? { number: i.number } : {}),
    title,
    ...(recipients?.length ? { recipients } : {}),
    body,
    ...(i.attachments ? { attachments: i.attachments } : {}),
    date: i.date,
    ...(i.note ? { note: i.note } : {}),
    ...(i.copyTo ? { copyTo: i.copyTo } : {}),
    ...(i.printedBy ? { printedBy: i.printedBy } : {}),
    ...(i.printedOn ? { printedOn: i.printedOn } : {}),
  });
}

// 书面申请 ------------------------------------------------------------------------------------------------------

export interface ApplicationInput {
  subject: CaseSubject;
  /** the organ the application goes to (受理机关) */
  recipient: string;
  /** the 容错情形 relied on, with its article, e.g. 《…办法》第六条（四）规定的情形 */
  situation: string;
  /** the facts the applicant states, one paragraph each */
  facts: readonly string[];
  /** what was done to limit the harm (挽回损失、消除影响), if anything */
  remedies?: readonly string[];
  /** 申请日期, YYYY-MM-DD */
  appliedOn: string;
  attachments?: readonly string[];
}

/**
 * 书面申请 for tolerance, by the cadre or the unit concerned: named 「提出书面申请」 [001-T 8（一）; 004-T 程序（一）];
 * 「提出申请」 elsewhere [000-T 三（一）; 002-T 四（一）; 003 第11项]. A letter from the applicant: no 版头.
 */
export function writtenApplication(a: ApplicationInput): Promise<Buffer> {
  const byUnit = !a.subject.cadreName;
  const applicant = byUnit ? a.subject.unitName : a.subject.cadreName!;
  const self = byUnit ? '我单位' : '本人';
  const body: Block[] = [
    `${self}${byUnit ? '' : `系${a.subject.unitName}${a.subject.cadrePost ?? '干部'}，`}在${a.subject.matter}中出现失误，现就有关情况说明如下。`,
    ...a.facts,
    ...(a.remedies?.length ? [`失误发生后，${self}采取了以下措施：${a.remedies.join('；')}。`] : []),
    `${self}认为，上述情况符合${a.situation}，特申请予以容错。`,
    '特此申请。',
  ];
  return renderOfficialDocument({
    issuer: applicant,
    letterhead: false,
    title: `关于对${subjectName(a.subject)}予以容错的申请`,
    recipients: [a.recipient],
    body,
    ...(a.attachments ? { attachments: a.attachments } : {}),
    date: a.appliedOn,
  });
}

// 调查报告 ------------------------------------------------------------------------------------------------------

export interface InvestigationInput extends Issuing {
  subject: CaseSubject;
  recipients?: readonly string[];
  /** how the case began: 依申请 (the date applied) or 依职权 */
  startedBy: { application: string } | 'ex_officio';
  /** the facts the investigation established */
  findings: readonly string[];
  /** the party's statements and 申诉意见 as heard */
  statements?: readonly string[];
  /** the tolerance conditions, situations and exclusions weighed, each with its article */
  analysis: readonly string[];
  /** the proposal the investigators make */
  proposal: ToleranceOutcome;
  proposalReasons?: readonly string[];
}

/** 调查报告 [001-T 8（二）]: what the investigation found and what it proposes. */
export function investigationReport(r: InvestigationInput): Promise<Buffer> {
  const who = subjectName(r.subject, true);
  const start =
    r.startedBy === 'ex_officio'
      ? `在对${r.subject.matter}问责调查中，依职权启动容错调查。`
      : `${chineseDate(r.startedBy.application)}，${subjectName(r.subject)}提出容错书面申请，经受理后开展调查核实。`;
  return issued(r, `关于${who}容错申请的调查报告`, r.recipients, [
    { heading: 1, text: '一、基本情况' },
    `${who}在${r.subject.matter}中出现失误。${start}`,
    { heading: 1, text: '二、调查核实情况' },
    ...numbered(r.findings),
    ...(r.statements?.length ? [{ heading: 1, text: '三、当事人的说明和申诉意见' } as Block, ...r.statements] : []),
    { heading: 1, text: r.statements?.length ? '四、对照容错条件的分析' : '三、对照容错条件的分析' },
    ...numbered(r.analysis),
    { heading: 1, text: r.statements?.length ? '五、调查结论和建议' : '四、调查结论和建议' },
    `综上，建议对${subjectName(r.subject)}${OUTCOME_WORDS[r.proposal]}。${(r.proposalReasons ?? []).join('')}`,
    '特此报告。',
  ]);
}

// 初步容错纠错意见, 容错纠错建议 -------------------------------------------------------------------------------------

export interface OpinionInput extends Issuing {
  subject: CaseSubject;
  recipients?: readonly string[];
  findings: readonly string[];
  analysis: readonly string[];
  outcome: ToleranceOutcome;
  /** articles the opinion rests on, as text */
  basis: readonly string[];
  /** 纠错: what the cadre or unit must correct */
  corrections?: readonly string[];
}

function opinionBody(o: OpinionInput, closing: string): Block[] {
  return [
    `关于${subjectName(o.subject, true)}在${o.subject.matter}中出现失误一事，经调查核实，现提出意见如下。`,
    { heading: 1, text: '一、基本事实' },
    ...numbered(o.findings),
    { heading: 1, text: '二、认定分析' },
    ...numbered(o.analysis),
    { heading: 1, text: '三、意见' },
    `根据${basisText(o.basis)}，拟对${subjectName(o.subject)}${OUTCOME_WORDS[o.outcome]}。`,
    ...(o.corrections?.length ? [`同时提出以下纠错要求：${o.corrections.join('；')}。`] : []),
    closing,
  ];
}

/** 初步容错纠错意见 [000-T 四（一）; 002-T 五（一）] (如东, 江苏: 初步结论 [三（二）]), formed before the 会商. */
export function preliminaryOpinion(o: OpinionInput): Promise<Buffer> {
  return issued(
    o,
    `关于${subjectName(o.subject)}的初步容错纠错意见`,
    o.recipients,
    opinionBody(o, '以上意见，提请会商。'),
  );
}

/** 容错纠错建议 [000-T 四（二）; 002-T 五（二）], for the 审核把关 of the 同级党委（党组） or 院党组. */
export function toleranceRecommendation(o: OpinionInput): Promise<Buffer> {
  return issued(o, `关于${subjectName(o.subject)}的容错纠错建议`, o.recipients, opinionBody(o, '妥否，请审核。'));
}

/** 认定意见 (安徽: the 六个要件 weighed) [003 第11项]. */
export function determinationOpinion(o: OpinionInput): Promise<Buffer> {
  return issued(o, `关于${subjectName(o.subject)}的容错认定意见`, o.recipients, opinionBody(o, '特此提出认定意见。'));
}

// 会商意见, 请示 ----------------------------------------------------------------------------------------------------

export interface ConsultationInput extends Issuing {
  subject: CaseSubject;
  recipients?: readonly string[];
  /** the bodies that took part (纪检监察机关、组织部门、…) */
  participants: readonly string[];
  heldOn: string;
  /** whether the 会商 reached 一致意见 */
  agreed: boolean;
  /** the opinion reached, or the majority's */
  opinion: ToleranceOutcome;
  reasons: readonly string[];
  /** the differing views, when not agreed */
  dissent?: readonly string[];
  /** where a disagreement goes: 同级党委（党组） / 院党组 (请示) and the 上级主管部门 (报告) */
  escalateTo?: readonly string[];
}

/** 会商意见 / 「一致意见」 [000-T 四（一）; 002-T 五（一）]. */
export function consultationOpinion(c: ConsultationInput): Promise<Buffer> {
  const body: Block[] = [
    `${chineseDate(c.heldOn)}，${c.issuer}召集${c.participants.join('、')}，就${subjectName(c.subject, true)}在${c.subject.matter}中出现失误是否予以容错进行会商。`,
    ...numbered(c.reasons),
    c.agreed
      ? `经会商，各方一致认为，对${subjectName(c.subject)}${OUTCOME_WORDS[c.opinion]}。`
      : `经会商，多数意见认为，对${subjectName(c.subject)}${OUTCOME_WORDS[c.opinion]}；会商未形成一致意见。`,
    ...(c.agreed ? [] : (c.dissent ?? []).map((d) => `不同意见：${d}`)),
    ...(!c.agreed && c.escalateTo?.length ? [`根据有关规定，拟报请${c.escalateTo.join('、')}研究。`] : []),
  ];
  return issued(c, `关于${subjectName(c.subject)}容错纠错的会商意见`, c.recipients, body);
}

export interface EscalationInput extends Issuing {
  subject: CaseSubject;
  /** 同级党委（党组） / 院党组 */
  recipient: string;
  participants: readonly string[];
  views: readonly string[];
}

/** 请示 to the 同级党委（党组） when the 会商 disagrees [000-T 四（一）; 002-T 五（一）]. */
export function escalationRequest(e: EscalationInput): Promise<Buffer> {
  return issued(
    e,
    `关于${subjectName(e.subject)}容错纠错有关问题的请示`,
    [e.recipient],
    [
      `${e.issuer}会同${e.participants.join('、')}，就${subjectName(e.subject, true)}在${e.subject.matter}中出现失误是否予以容错进行了会商，未能形成一致意见。主要意见如下：`,
      ...numbered(e.views),
      '妥否，请批示。',
    ],
  );
}

// 认定结论 / 容错决定 / 不予容错决定 / 容错免责决定 ------------------------------------------------------------------

export interface ConclusionInput extends Issuing {
  subject: CaseSubject;
  recipients?: readonly string[];
  outcome: ToleranceOutcome;
  /** the body that decided and how (经…集体研究), as text */
  decidedBy?: string;
  findings: readonly string[];
  reasons: readonly string[];
  basis: readonly string[];
  /** what the conclusion means for the cadre (结果运用), each with its article */
  effects?: readonly string[];
  /** 纠错要求 */
  corrections?: readonly string[];
  /** 整改期限 set by the decider (安徽 「限期」; no text gives a length), YYYY-MM-DD */
  rectifyBy?: string;
  /** the right to appeal as the pack gives it, or nothing where it gives none */
  appeal?: string;
}

function conclusionBody(c: ConclusionInput, verb: string): Block[] {
  const body: Block[] = [
    `${subjectName(c.subject, true)}在${c.subject.matter}中出现失误。经调查核实，现查明：`,
    ...numbered(c.findings),
    ...c.reasons,
    `${c.decidedBy ? `${c.decidedBy}，` : ''}根据${basisText(c.basis)}，${verb}对${subjectName(c.subject)}${OUTCOME_WORDS[c.outcome]}。`,
  ];
  if (c.effects?.length) body.push(...c.effects);
  if (c.corrections?.length || c.rectifyBy)
    body.push(
      `纠错要求：${(c.corrections ?? []).join('；')}${c.corrections?.length ? '。' : ''}${c.rectifyBy ? `请于${chineseDate(c.rectifyBy)}前完成整改，并报告整改情况。` : ''}`,
    );
  if (c.appeal) body.push(c.appeal);
  return body;
}

/** 容错认定结论 / 认定结果 [000-T 四 lead, 四（三）; 001-T 8（三）（四）（五）]; 「容错与否的结论」 [002-T 五（三）]. */
export function toleranceConclusion(c: ConclusionInput): Promise<Buffer> {
  return issued(c, `关于${subjectName(c.subject)}容错认定结论的通知`, c.recipients, conclusionBody(c, '认定'));
}

/** 容错决定 [004-T 程序（四）（五）] (焦作: 党委（党组） collectively, possibly with the 问责决定). */
export function toleranceDecision(c: ConclusionInput): Promise<Buffer> {
  return issued(c, `关于对${subjectName(c.subject)}予以容错的决定`, c.recipients, conclusionBody(c, '决定'));
}

/** 不予容错决定 [004-T 程序（四）（五）]; 焦作 records the refusal (记录在案) [004-T 结果运用]. */
export function refusalDecision(c: ConclusionInput): Promise<Buffer> {
  return issued(c, `关于对${subjectName(c.subject)}不予容错的决定`, c.recipients, conclusionBody(c, '决定'));
}

/** 容错免责决定, carrying the 纠错要求 and 责令限期整改 [003 第12项]. */
export function exemptionDecision(c: ConclusionInput): Promise<Buffer> {
  return issued(c, `关于对${subjectName(c.subject)}容错免责的决定`, c.recipients, conclusionBody(c, '决定'));
}

// 书面答复 -------------------------------------------------------------------------------------------------------

export interface ReplyInput extends Issuing {
  subject: CaseSubject;
  /** the applicant the reply goes to */
  recipient: string;
  appliedOn: string;
  reasons: readonly string[];
  basis: readonly string[];
}

/** 书面答复 to an applicant not tolerated [001-T 8（三）]. 陕西 gives no appeal after the conclusion. */
export function writtenReply(r: ReplyInput): Promise<Buffer> {
  return issued(
    r,
    `关于${subjectName(r.subject)}容错申请的答复`,
    [r.recipient],
    [
      `${chineseDate(r.appliedOn)}提出的关于在${r.subject.matter}中出现失误予以容错的申请收悉。经调查核实，现答复如下。`,
      ...numbered(r.reasons),
      `根据${basisText(r.basis)}，上述情形不符合容错条件，${OUTCOME_WORDS.not_tolerated}。`,
      '特此答复。',
    ],
  );
}

// 备案 ------------------------------------------------------------------------------------------------------------

export interface FilingInput extends Issuing {
  subject: CaseSubject;
  /** 同级纪检监察机关和组织部门 */
  filedWith: readonly string[];
  outcome: ToleranceOutcome;
  concludedOn: string;
  summary: readonly string[];
}

/** 备案 of a tolerance conclusion with the 同级纪检监察机关 and 组织部门 [001-T 8（五）]. */
export function filingReport(f: FilingInput): Promise<Buffer> {
  return issued(f, `关于${subjectName(f.subject)}容错纠错情况的备案报告`, f.filedWith, [
    `${chineseDate(f.concludedOn)}，${f.issuer}对${subjectName(f.subject, true)}在${f.subject.matter}中出现的失误作出认定，${OUTCOME_WORDS[f.outcome]}。有关情况报告如下。`,
    ...numbered(f.summary),
    '特此报备。',
  ]);
}

// 澄清正名 --------------------------------------------------------------------------------------------------------

export interface ClarificationInput extends Issuing {
  subject: CaseSubject;
  recipients?: readonly string[];
  /** what was reported (信访、举报、反映) */
  complaint: string;
  /** the explanation heard from the person or unit reported [001-T 11（三）] */
  explanation?: string;
  findings: readonly string[];
  /** false accusation found: referred for 查处 [001-T 11（二）] */
  falseAccusation?: boolean;
}

/** 澄清 by 通报 (or 谈心、召开会议) for a cadre or unit reported untruly [001-T 11（一）; 000-T 三（二）]. */
export function clarificationNotice(c: ClarificationInput): Promise<Buffer> {
  return issued(c, `关于为${subjectName(c.subject)}澄清正名的通报`, c.recipients, [
    `近期，有反映${subjectName(c.subject, true)}${c.complaint}。${c.issuer}对反映的问题进行了核查。`,
    ...(c.explanation ? [`核查中充分听取了${subjectName(c.subject)}的解释和说明：${c.explanation}`] : []),
    '经核查：',
    ...numbered(c.findings),
    `反映的问题不属实，现予以澄清，消除影响。${c.falseAccusation ? '对捏造事实、诬告陷害的行为，依纪依法移送查处。' : ''}`,
  ]);
}

// The register ------------------------------------------------------------------------------------------------

export interface DocumentKind {
  /** the function that writes it */
  key: string;
  /** the name the texts use */
  name: string;
  cite: string;
  jurisdictions: readonly string[];
}

/** Which document each function writes, in the order a case meets them (PROCEDURES §8.1–8.2). */
export const TOLERANCE_DOCUMENTS: readonly DocumentKind[] = [
  {
    key: 'writtenApplication',
    name: '书面申请',
    cite: '001-T 8（一）; 004-T 程序（一）',
    jurisdictions: ['陕西', '焦作', '江苏', '如东', '安徽'],
  },
  { key: 'investigationReport', name: '调查报告', cite: '001-T 8（二）', jurisdictions: ['陕西'] },
  {
    key: 'preliminaryOpinion',
    name: '初步容错纠错意见',
    cite: '000-T 四（一）; 002-T 五（一）',
    jurisdictions: ['江苏', '如东'],
  },
  { key: 'determinationOpinion', name: '认定意见', cite: '003 第11项', jurisdictions: ['安徽'] },
  {
    key: 'consultationOpinion',
    name: '会商意见',
    cite: '000-T 四（一）; 002-T 五（一）',
    jurisdictions: ['江苏', '如东'],
  },
  { key: 'escalationRequest', name: '请示', cite: '000-T 四（一）; 002-T 五（一）', jurisdictions: ['江苏', '如东'] },
  {
    key: 'toleranceRecommendation',
    name: '容错纠错建议',
    cite: '000-T 四（二）; 002-T 五（二）',
    jurisdictions: ['江苏', '如东'],
  },
  {
    key: 'toleranceConclusion',
    name: '容错认定结论',
    cite: '000-T 四（三）; 001-T 8（三）; 002-T 五（三）',
    jurisdictions: ['江苏', '陕西', '如东'],
  },
  { key: 'toleranceDecision', name: '容错决定', cite: '004-T 程序（四）', jurisdictions: ['焦作'] },
  { key: 'refusalDecision', name: '不予容错决定', cite: '004-T 程序（四）', jurisdictions: ['焦作'] },
  { key: 'exemptionDecision', name: '容错免责决定', cite: '003 第12项', jurisdictions: ['安徽'] },
  { key: 'writtenReply', name: '书面答复', cite: '001-T 8（三）', jurisdictions: ['陕西'] },
  { key: 'filingReport', name: '备案', cite: '001-T 8（五）', jurisdictions: ['陕西'] },
  { key: 'clarificationNotice', name: '澄清正名通报', cite: '001-T 11（一）', jurisdictions: ['陕西', '江苏'] },
];
