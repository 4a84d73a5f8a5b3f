// 谈心谈话记录 (.docx): the record of one talk, laid out as a GB/T 9704 document without 版头 (a record kept by the
// unit, not an issued 公文). PROCEDURES §8.5: the texts name the act, not the record, which coverage needs.
import { chineseDate } from '../../domain/dates.js';
import { renderOfficialDocument, type Block } from './layout.js';

export interface TalkRecordInput {
  /** the unit keeping the record (署名) */
  keptBy: string;
  talker: { name: string; post: string | null };
  talkee: { name: string; post: string | null };
  heldOn: string;
  kind: string;
  /** the linked case in words, when the talk belongs to one */
  caseText: string | null;
  summary: string | null;
}

const who = (p: { name: string; post: string | null }) => (p.post ? `${p.name}（${p.post}）` : p.name);

export function talkRecordDocument(t: TalkRecordInput): Promise<Buffer> {
  const body: Block[] = [
    `谈话时间：${chineseDate(t.heldOn)}`,
    `谈话人：${who(t.talker)}`,
    `谈话对象：${who(t.talkee)}`,
    `谈话类别：${t.kind}`,
    ...(t.caseText ? [`关联事项：${t.caseText}`] : []),
    { heading: 1, text: '一、谈话内容' },
    t.summary?.trim() ? t.summary.trim() : '（未记录谈话内容）',
    { heading: 1, text: '二、签字' },
    '谈话人（签字）：',
    '谈话对象（签字）：',
  ];
  return renderOfficialDocument({ issuer: t.keptBy, letterhead: false, title: '谈心谈话记录', body, date: t.heldOn });
}
