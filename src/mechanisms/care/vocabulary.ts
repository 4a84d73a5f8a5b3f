// The kinds of 谈心谈话 a record may be, in the words of the texts (PROCEDURES §7.4): the yearly talks the coverage
// rules measure, the talks at 节点, those that follow a case (容错纠错, 调整), and 约谈.
export const TALK_KINDS = ['scheduled', 'occasion', 'followUp', 'admonition'] as const;
export type TalkKind = (typeof TALK_KINDS)[number];

export const TALK_KIND_LABELS: Readonly<Record<TalkKind, string>> = {
  scheduled: '例行谈心谈话',
  occasion: '节点谈心谈话（执行重要任务、发生重大变故、思想负担重等）',
  followUp: '案件后续谈心谈话（容错纠错、调整后）',
  admonition: '约谈（考核排名靠后等）',
};

export function isTalkKind(s: string): s is TalkKind {
  return (TALK_KINDS as readonly string[]).includes(s);
}
