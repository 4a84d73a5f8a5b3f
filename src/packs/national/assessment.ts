// The national limits on the annual assessment grade (年度考核) after a sanction: a cadre sanctioned in the year (and,
// after 留党察看, in the years that follow) is not graded 优秀. The jurisdiction texts do not say this; the national
// assessment rules do. The grading workbench asks `excellentBar` which of these provisions bars 优秀 for a record and
// names it in its refusal (src/mechanisms/incentive/grading.ts); the rules fire the same bars in an evaluation.
//
// The official texts are not in the seeds. Each citation quotes the provision word for word as a named public copy
// prints it; the note names that copy and says it is a secondary source to be checked against the official text.
// What could not be seen word for word in a public copy is not encoded; the note says what.
import { yearOf } from '../../domain/dates.js';
import type { SanctionKind } from '../../domain/vocabulary.js';
import { rule } from '../../policy/define.js';
import type { Citation, Rule, RuleContext } from '../../policy/types.js';
import type { CadreFact } from '../../domain/facts.js';

export const ASSESSMENT_REGULATION = '公务员考核规定';
export const PARTY_SANCTION_ASSESSMENT_OPINION = '关于受党纪处分的党政机关工作人员年度考核有关问题的意见';

/** One provision's effect on the assessment of one year after a sanction. */
export interface ExcellentBar {
  rule: string;
  citation: Citation;
  /** The provision's item, as a person names it (第二十九条第一项, 第四项). */
  item: string;
  /** The assessment year barred. */
  year: number;
  /** What the provision says of that year's grade, in the provision's words. */
  effect: string;
  /** A reading the record forced (e.g. the probation's length is not on record); empty when none. */
  reading: string;
}

interface YearEffect {
  /** years after the sanction's year: 0 = the year of the sanction */
  offset: number;
  effect: string;
  reading?: string;
}

interface Provision {
  item: string;
  effects: readonly YearEffect[];
}

const kh29Citation: Citation = {
  document: ASSESSMENT_REGULATION,
  article: '第二十九条（一）',
  text: '受处分公务员的年度考核，按照下列规定办理：\n（一）受警告处分的当年，参加年度考核，不得确定为优秀等次；',
};

const KH29: Partial<Record<SanctionKind, Provision>> = {
  警告: { item: '第二十九条第一项', effects: [{ offset: 0, effect: '参加年度考核，不得确定为优秀等次' }] },
};

const partyCitation: Citation = {
  document: PARTY_SANCTION_ASSESSMENT_OPINION,
  article: '一至四',
  text:
    '一、受党内警告处分的当年，参加年度考核，不得确定为优秀等次。\n' +
    '二、受党内严重警告处分的当年，参加年度考核，因与职务行为有关的错误而受严重警告处分的，确定为不称职；' +
    '因其他错误而受严重警告处分的，只写评语不确定等次。\n' +
    '三、受撤销党内职务处分的当年，参加年度考核，确定为不称职；第二年按其新任职务参加年度考核，按规定条件确定等次。\n' +
    '四、受留党察看处分的当年，参加年度考核，确定为不称职；受留党察看一年处分的第二年，参加年度考核，只写评语不确定等次；' +
    '受留党察看二年处分的，第二年和第三年参加年度考核，只写评语不确定等次。',
};

/** 留党察看: the record does not say whether the probation is one year or two; the longest (two) is taken, as for dj-12. */
const PARTY: Partial<Record<SanctionKind, Provision>> = {
  党内警告: { item: '第一项', effects: [{ offset: 0, effect: '参加年度考核，不得确定为优秀等次' }] },
  党内严重警告: {
    item: '第二项',
    effects: [{ offset: 0, effect: '参加年度考核，确定为不称职或者只写评语不确定等次' }],
  },
  撤销党内职务: { item: '第三项', effects: [{ offset: 0, effect: '参加年度考核，确定为不称职' }] },
  留党察看: {
    item: '第四项',
    effects: [
      { offset: 0, effect: '参加年度考核，确定为不称职' },
      { offset: 1, effect: '参加年度考核，只写评语不确定等次' },
      {
        offset: 2,
        effect: '参加年度考核，只写评语不确定等次',
        reading: '受留党察看二年处分的第三年；记录未载察看期长短，按二年计',
      },
    ],
  },
};

/** The bars a sanction of `kind` dated `date` sets under one provision table, in year order. */
function barsOf(
  table: Partial<Record<SanctionKind, Provision>>,
  id: string,
  citation: Citation,
  kind: string,
  date: string,
): ExcellentBar[] {
  const p = table[kind as SanctionKind];
  if (!p) return [];
  const y = yearOf(date);
  return p.effects.map((e) => ({
    rule: id,
    citation,
    item: p.item,
    year: y + e.offset,
    effect: e.effect,
    reading: e.reading ?? '',
  }));
}

/** The years a bar reaches, in the provisions' words (当年, 第二年, 第三年). */
const YEAR_WORDS = ['受处分的当年', '受处分的第二年', '受处分的第三年'];

/** A computable rule that fires, for each sanction on record, once per assessment year the provision bars 优秀. */
function assessmentRule(
  table: Partial<Record<SanctionKind, Provision>>,
  id: string,
  citation: Citation,
): (c: CadreFact, ctx: RuleContext) => void {
  return (c, ctx) => {
    const sanctions = ctx.facts.sanctions(c.id);
    if (sanctions.length === 0) return;
    const last = yearOf(ctx.asOf);
    const rows = new Map<number, { because: string[]; conclusions: string[] }>();
    for (const s of sanctions) {
      if (s.date > ctx.asOf) continue;
      for (const bar of barsOf(table, id, citation, s.kind, s.date)) {
        if (bar.year > last) continue;
        let row = rows.get(bar.year);
        if (!row) rows.set(bar.year, (row = { because: [], conclusions: [] }));
        row.because.push(
          `${c.id} ${s.date} ${s.kind}`,
          `${bar.item}：${YEAR_WORDS[bar.year - yearOf(s.date)] ?? ''}` +
            `${bar.effect}${bar.reading ? `（${bar.reading}）` : ''}`,
        );
        row.conclusions.push(`${bar.year}年度考核不得确定为优秀等次（${s.kind}）`);
      }
    }
    for (const [year, row] of [...rows].sort((a, b) => a[0] - b[0]))
      ctx.fire({ subject: c.id, year, because: row.because, conclusion: row.conclusions.join('；') });
  };
}

export const kh29 = rule({
  id: 'national/incentive/kh-29.1',
  kind: 'computable',
  title: '受警告处分的当年不得确定为优秀等次',
  citation: kh29Citation,
  note:
    '版本：现行《公务员考核规定》（取代2007年《公务员考核规定（试行）》的版本，试行规定中同一内容为第二十五条；' +
    '印发机关和日期待据正式文本核对），第二十九条引语及第一项。' +
    '文本来源：华图教育“公务员考核规定相关事宜”（huatu.com，2021年6月7日，注明“本文摘自国家公务员考核规定全文第五章”）；' +
    '转载的标点为半角，此处按全角标点录入，文字未改。此为二手公开来源，不是正式文本：请据正式文本核对。' +
    '该转载的第二十九条第二项（受记过、记大过、降级、撤职处分）文字不全，未引用，也不据此计算；' +
    '受到诫勉、组织处理对当年考核等次的规定，未见规定原文的公开转载，未编入。' +
    '读法：“当年”指处分决定日期所在的考核年度（自然年）。',
  forCadre: assessmentRule(KH29, 'national/incentive/kh-29.1', kh29Citation),
});

export const partyAssessment = rule({
  id: 'national/incentive/zt-1998-19',
  kind: 'computable',
  title: '受党纪处分的当年及其后（留党察看）不得确定为优秀等次',
  citation: partyCitation,
  note:
    '版本：中央纪委、中组部、人事部 组通字〔1998〕19号（1998年4月8日印发），第一项至第四项。' +
    '文本来源：nbxgmh.com 转载“中央纪委、中组部、人事部 关于受党纪处分的党政机关工作人员年度考核有关问题的意见”' +
    '（2015年8月3日）；与 pc012.com “受处理处分公务员的年度考核”（2022年10月20日）所附原文前两项一致。' +
    '转载的标点为半角，此处按全角标点录入，文字未改。此为二手公开来源，不是正式文本：请据正式文本核对。' +
    '第五项（开除党籍）、第六项（立案检查期间）、第七项（同时受行政处分）不据此计算：记录中没有开除党籍和立案检查。' +
    '后一转载注明第二项其后已改为公务员受严重警告处分当年“只写评语不确定等次”，未见改文原文；两种写法都不是优秀等次，' +
    '故系统只据此拒绝确定为优秀等次，不代定其他等次。' +
    '读法：“当年”“第二年”“第三年”按处分决定日期所在的自然年及其后各年计。记录不载留党察看期是一年还是二年，' +
    '按二年计（与纪律处分条例第十二条的影响期同一读法），第三年也不得确定为优秀等次；若察看期为一年，由组织部门据决定书核定。',
  forCadre: assessmentRule(PARTY, 'national/incentive/zt-1998-19', partyCitation),
});

/**
 * The bars on 优秀 in the assessment of `year` that a sanction sets, by the provisions encoded here; [] when none of
 * them covers the kind or the year.
 */
export function excellentBars(kind: string, date: string, year: number): ExcellentBar[] {
  return [
    ...barsOf(KH29, kh29.id, kh29Citation, kind, date),
    ...barsOf(PARTY, partyAssessment.id, partyCitation, kind, date),
  ].filter((b) => b.year === year);
}

export const assessmentRules: Rule[] = [kh29, partyAssessment];
