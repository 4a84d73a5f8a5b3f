// The documents of the annual incentive run (PROCEDURES §8.4): the 表彰决定 (命名, 授予, 确定, 嘉奖, 记功) and the
// 通报 of a list, in the GB/T 9704 layout every document shares (layout.ts). The caller gives names, not ids.
import { renderOfficialDocument, type Block, type DocumentNumber } from './layout.js';

export interface ListDocumentInput {
  /** 发文机关: the body that approved the list */
  issuer: string;
  /** 发文字号 as written, e.g. 苏委发〔2027〕5号 */
  documentNo: string;
  /** 成文日期 */
  date: string;
  year: number;
  listName: string;
  /** 命名 | 授予 | 确定 | 嘉奖 | 通报 … */
  publish: string;
  /** the article the list rests on, 《document》article, and the approving meeting */
  basis: readonly string[];
  meeting: string;
  /** one line per entry: the name, then what it is given */
  entries: readonly { name: string; what: string }[];
  recipients?: readonly string[];
}

/** 〔〕-style numbers become the 版头 number; anything else is printed in the body instead. */
export function parseDocumentNo(s: string): DocumentNumber | undefined {
  const m = /^(.+)〔(\d{4})〕(\d+)号$/.exec(s.trim());
  return m ? { prefix: m[1]!, year: Number(m[2]), seq: Number(m[3]) } : undefined;
}

function numbered(lines: readonly string[]): Block[] {
  return lines.map((l, i) => `${i + 1}. ${l}`);
}

/** 表彰决定 or 通报 of one list. */
export function listDecision(d: ListDocumentInput): Promise<Buffer> {
  const isNotice = d.publish.includes('通报');
  const kind = isNotice ? '通报' : '决定';
  const number = parseDocumentNo(d.documentNo);
  const body: Block[] = [
    `根据${d.basis.join('、')}，经${d.meeting}研究，现将${d.year}年度${d.listName}${isNotice ? '通报如下' : '决定如下'}。`,
    { heading: 1, text: `一、${d.publish}名单` },
    ...numbered(d.entries.map((e) => `${e.name}：${e.what}`)),
    { heading: 1, text: '二、有关要求' },
    '希望受到表彰的单位和个人珍惜荣誉、再接再厉；各地各单位要以先进为榜样，担当作为，干事创业。',
    ...(number ? [] : [`（文号：${d.documentNo}）`]),
  ];
  return renderOfficialDocument({
    issuer: d.issuer,
    ...(number ? { number } : {}),
    title: `关于${d.year}年度${d.listName}的${kind}`,
    recipients: d.recipients ?? [],
    body,
    date: d.date,
  });
}
