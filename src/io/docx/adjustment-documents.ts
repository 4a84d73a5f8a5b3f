// The written acts of an adjustment case (能上能下), one function each, as PROCEDURES §8.3 lists them: the 书面报告
// to the organisation department, the 调整建议 / 调整意见 (reason and method), the 调整决定, and a record of what a
// step established (本人说明, 考察核实材料, 谈话记录, 复核申请或申诉书). The texts name these acts but prescribe no
// form, so the wording is a working template in the 公文格式 (layout.ts). Callers pass names, never record ids.
import { chineseDate } from '../../domain/dates.js';
import { renderOfficialDocument, type Block } from './layout.js';

/** The cadre an adjustment concerns, by name. */
export interface AdjustedCadre {
  name: string;
  /** the cadre's unit */
  unitName: string;
  post?: string;
}

const full = (c: AdjustedCadre) => `${c.unitName}${c.post ?? ''}${c.name}同志`;

export interface AdjustmentDocumentBase {
  cadre: AdjustedCadre;
  /** who writes it (发文机关 or the reporting unit) */
  issuer: string;
  /** 主送 */
  recipient?: string;
  /** 成文日期, YYYY-MM-DD */
  date: string;
  /** the article(s) the act rests on, as printed */
  basis: readonly string[];
}

const basisLine = (b: readonly string[]) => (b.length ? [`依据：${b.join('、')}。`] : []);

/**
 * 书面报告 to the organisation department: 「具体情形、认定结果、相关建议」 [000-A 第十一条]; 「认定的过程、依据、
 * 结果和初步调整建议」 [001-A 15（一）]. `contents` holds them in the text's order, each as [heading, what was written].
 */
export function adjustmentReport(
  r: AdjustmentDocumentBase & { contents: readonly [string, string][] },
): Promise<Buffer> {
  const body: Block[] = [
    `${full(r.cadre)}出现不适宜担任现职的情形，现将有关情况报告如下。`,
    ...r.contents.map(([h, t], i) => `${['一', '二', '三', '四', '五', '六'][i] ?? i + 1}、${h}：${t}`),
    ...basisLine(r.basis),
    '特此报告。',
  ];
  return renderOfficialDocument({
    issuer: r.issuer,
    title: `关于${r.cadre.name}同志不适宜担任现职情况的报告`,
    ...(r.recipient ? { recipients: [r.recipient] } : {}),
    body,
    date: r.date,
  });
}

/**
 * 调整建议 [000-A 第十一条; 002-A 10（2）: 「包括调整原因、调整方式等内容」] or 调整意见 [001-A 15（三）]: the
 * reason and the method proposed to the deciding body.
 */
export function adjustmentProposal(
  p: AdjustmentDocumentBase & {
    name: '调整建议' | '调整意见';
    findings: readonly string[];
    reason: string;
    method: string;
  },
): Promise<Buffer> {
  const body: Block[] = [
    `根据对${full(p.cadre)}有关情况的审核，提出${p.name}如下。`,
    ...(p.findings.length ? [`一、有关情况：${p.findings.join('；')}`] : []),
    `${p.findings.length ? '二' : '一'}、调整原因：${p.reason}`,
    `${p.findings.length ? '三' : '二'}、调整方式：${p.method}。`,
    ...basisLine(p.basis),
    '妥否，请审批。',
  ];
  return renderOfficialDocument({
    issuer: p.issuer,
    title: `关于调整${p.cadre.name}同志职务的${p.name}`,
    ...(p.recipient ? { recipients: [p.recipient] } : {}),
    body,
    date: p.date,
  });
}

/** 调整决定 [001-A 15（四）; 002-A 10（3）]: the method decided, its date and the influence period it carries. */
export function adjustmentDecision(
  d: AdjustmentDocumentBase & { method: string; reason?: string; period?: string; appealNote?: string },
): Promise<Buffer> {
  const body: Block[] = [
    `经研究，决定对${full(d.cadre)}予以${d.method}。`,
    ...(d.reason ? [`调整原因：${d.reason}`] : []),
    ...(d.period ? [`${d.period}`] : []),
    ...(d.appealNote ? [d.appealNote] : []),
    ...basisLine(d.basis),
  ];
  return renderOfficialDocument({
    issuer: d.issuer,
    title: `关于对${d.cadre.name}同志予以${d.method}的决定`,
    body,
    date: d.date,
    ...(d.recipient ? { copyTo: [d.recipient] } : {}),
  });
}

/** The record of a step named by the texts without a form (本人说明, 考察核实材料, 谈话记录, 复核申请或申诉书). */
export function adjustmentRecord(
  r: AdjustmentDocumentBase & { name: string; step: string; written: readonly string[] },
): Promise<Buffer> {
  const body: Block[] = [
    `关于${full(r.cadre)}的调整事项，${chineseDate(r.date)}${r.step}，情况如下。`,
    ...r.written,
    ...basisLine(r.basis),
  ];
  return renderOfficialDocument({ issuer: r.issuer, title: `${r.cadre.name}同志${r.name}`, body, date: r.date });
}
