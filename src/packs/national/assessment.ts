// The national limits on the annual assessment grade (年度考核) after a sanction: a cadre sanctioned in the year is
// not graded 优秀 that year. The jurisdiction texts do not say this; the national assessment rules do. The grading
// workbench refuses 优秀 citing the rule that covers the sanction (src/mechanisms/incentive/grading.ts).
//
// The official texts are not in the seeds: each citation holds the provision's points in our own words, marked as such,
// and its note names the published copy they were read from, so a person enters the official text. What could not be
// seen in a published copy is not encoded; the note says what.
import type { SanctionKind } from '../../domain/vocabulary.js';
import { rule } from '../../policy/define.js';
import type { Citation, Rule } from '../../policy/types.js';

export const ASSESSMENT_REGULATION = '公务员考核规定';
export const PARTY_SANCTION_ASSESSMENT_OPINION = '关于受党纪处分的党政机关工作人员年度考核有关问题的意见';

const kh29Citation: Citation = {
  document: ASSESSMENT_REGULATION,
  article: '第二十九条（一）',
  text: '（转述要点，非原文）公务员受警告处分的当年，参加年度考核，但不确定为优秀等次。（原文待据正式文本录入）',
};

export const kh29 = rule({
  id: 'national/incentive/kh-29.1',
  kind: 'principle',
  title: '受警告处分的当年不得确定为优秀等次',
  citation: kh29Citation,
  note:
    '文本来源：华图教育“公务员考核规定相关事宜”（huatu.com，2021年6月7日，注明“本文摘自国家公务员考核规定全文第五章”）所载第二十九条；' +
    '条文处只写转述的要点，不是原文：请据正式文本录入原文并核对。' +
    '该转载的第二十九条（二）（受记过、记大过、降级、撤职处分的当年）文字不全，未引用。' +
    '诫勉、组织调整或者组织处理对当年考核等次的规定，未见公开转载的原文，未引用。',
});

const partyCitation: Citation = {
  document: PARTY_SANCTION_ASSESSMENT_OPINION,
  article: '一至四',
  text:
    '（转述要点，非原文）受党内警告处分的当年，年度考核不确定为优秀等次；受党内严重警告处分的当年，因与职务行为有关的错误' +
    '确定为不称职，因其他错误只写评语、不确定等次；受撤销党内职务、留党察看处分的当年，确定为不称职，其后一至两年按处分种类' +
    '只写评语或者按新任职务确定等次。（原文待据正式文本录入）',
};

export const partyAssessment = rule({
  id: 'national/incentive/zt-1998-19',
  kind: 'principle',
  title: '受党纪处分的当年不得确定为优秀等次（党内警告）或确定为不称职、不确定等次',
  citation: partyCitation,
  note:
    '版本：中央纪委、中组部、人事部 组通字〔1998〕19号。文本来源：nbxgmh.com 转载“中央纪委、中组部、人事部 关于受党纪处分的党政机关工作人员' +
    '年度考核有关问题的意见”（2015年8月3日），与 pc012.com “受处理处分公务员的年度考核”（2022年10月20日，所附原文注“1998年4月8日印发”）一致；' +
    '条文处只写转述的要点，不是原文：请据正式文本录入原文并核对。' +
    '后一转载注明第二项其后已改为受严重警告处分当年“只写评语不确定等次”，未见改文原文。两种写法都不是优秀等次，' +
    '故系统只据此拒绝确定为优秀等次，不代定其他等次。',
});

/** Which rule bars 优秀 in the year of each sanction kind; kinds the provisions seen do not cover are absent. */
const BARRED_BY: Partial<Record<SanctionKind, Rule>> = {
  警告: kh29,
  党内警告: partyAssessment,
  党内严重警告: partyAssessment,
  撤销党内职务: partyAssessment,
  留党察看: partyAssessment,
};

/** The provision that bars 优秀 in the year of a sanction of this kind, if one was seen. */
export function excellentBarredBy(kind: string): Citation | undefined {
  return BARRED_BY[kind as SanctionKind]?.citation;
}

export const assessmentRules: Rule[] = [kh29, partyAssessment];
