// The national limits on the annual assessment grade (年度考核) after a sanction: a cadre sanctioned in the year is
// not graded 优秀 that year. The jurisdiction texts do not say this; the national assessment rules do. The grading
// workbench refuses 优秀 citing the rule that covers the sanction (src/mechanisms/incentive/grading.ts).
//
// Quoted from published copies, not from the official gazette: each note names the copy and asks a person to check it
// against the official text. Only what could be seen is quoted; what is not quoted is said in the note.
import type { SanctionKind } from '../../domain/vocabulary.js';
import { rule } from '../../policy/define.js';
import type { Citation, Rule } from '../../policy/types.js';

export const ASSESSMENT_REGULATION = '公务员考核规定';
export const PARTY_SANCTION_ASSESSMENT_OPINION = '关于受党纪处分的党政机关工作人员年度考核有关问题的意见';

const kh29Citation: Citation = {
  document: ASSESSMENT_REGULATION,
  article: '第二十九条（一）',
  text: '受处分公务员的年度考核，按照下列规定办理：\n（一）受警告处分的当年，参加年度考核，不得确定为优秀等次；',
};

export const kh29 = rule({
  id: 'national/incentive/kh-29.1',
  kind: 'principle',
  title: '受警告处分的当年不得确定为优秀等次',
  citation: kh29Citation,
  note:
    '文本来源：华图教育“公务员考核规定相关事宜”（huatu.com，2021年6月7日，注明“本文摘自国家公务员考核规定全文第五章”）所载第二十九条；' +
    '转载的标点为半角，此处按全角录入，文字未改。此为公开转载，不是正式文本，使用前请与正式文本核对。' +
    '该转载的第二十九条（二）（受记过、记大过、降级、撤职处分的当年）文字不全，未引用。' +
    '诫勉、组织调整或者组织处理对当年考核等次的规定，未见公开转载的原文，未引用。',
});

const partyCitation: Citation = {
  document: PARTY_SANCTION_ASSESSMENT_OPINION,
  article: '一至四',
  text:
    '一、受党内警告处分的当年，参加年度考核，不得确定为优秀等次。\n' +
    '二、受党内严重警告处分的当年，参加年度考核，因与职务行为有关的错误而受严重警告处分的，确定为不称职；因其他错误而受严重警告处分的，只写评语不确定等次。\n' +
    '三、受撤销党内职务处分的当年，参加年度考核，确定为不称职；第二年按其新任职务参加年度考核，按规定条件确定等次。\n' +
    '四、受留党察看处分的当年，参加年度考核，确定为不称职；受留党察看一年处分的第二年，参加年度考核，只写评语不确定等次；' +
    '受留党察看二年处分的，第二年和第三年参加年度考核，只写评语不确定等次。',
};

export const partyAssessment = rule({
  id: 'national/incentive/zt-1998-19',
  kind: 'principle',
  title: '受党纪处分的当年不得确定为优秀等次（党内警告）或确定为不称职、不确定等次',
  citation: partyCitation,
  note:
    '版本：中央纪委、中组部、人事部 组通字〔1998〕19号。文本来源：nbxgmh.com 转载“中央纪委、中组部、人事部 关于受党纪处分的党政机关工作人员' +
    '年度考核有关问题的意见”（2015年8月3日），与 pc012.com “受处理处分公务员的年度考核”（2022年10月20日，所附原文注“1998年4月8日印发”）一致；' +
    '转载的标点为半角，此处按全角录入，文字未改。此为公开转载，使用前请与正式文本核对。' +
    '后一转载注明第二项其后已改为受严重警告处分当年“只写评语不确定等次”，未见改文原文。两种写法都不是优秀等次，' +
    '故系统只据此拒绝确定为优秀等次，不代定其他等次。',
});

/** Which rule bars 优秀 in the year of each sanction kind; kinds the quoted texts do not cover are absent. */
const BARRED_BY: Partial<Record<SanctionKind, Rule>> = {
  警告: kh29,
  党内警告: partyAssessment,
  党内严重警告: partyAssessment,
  撤销党内职务: partyAssessment,
  留党察看: partyAssessment,
};

/** The quoted provision that bars 优秀 in the year of a sanction of this kind, if one was quoted. */
export function excellentBarredBy(kind: string): Citation | undefined {
  return BARRED_BY[kind as SanctionKind]?.citation;
}

export const assessmentRules: Rule[] = [kh29, partyAssessment];
