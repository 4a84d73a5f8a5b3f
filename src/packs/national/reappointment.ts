// The national periods after a 组织调整 (the organisational measures of 能上能下 on record as adjustments): how long a
// cadre who resigned to take responsibility (引咎辞职), was ordered to resign (责令辞职), was removed (免职) or moved
// off the post (调离岗位) waits before promotion. They apply in every jurisdiction, beside each pack's own period for
// the same adjustment; the engine's promotionAllowedFrom takes the latest end, so the longer period governs, as the
// provision itself says of overlapping 党纪政务处分.
//
// The official text is not in the seeds: each citation holds the provision's points in our own words, marked as such,
// and its note names the published copy they were read from, so a person enters the official text and checks the
// periods. What could not be seen in a published copy is not encoded.
import { addYears, yearOf } from '../../domain/dates.js';
import type { AdjustmentMethod } from '../../domain/vocabulary.js';
import { rule } from '../../policy/define.js';
import type { Citation, InfluenceBlock } from '../../policy/types.js';

export const SELECTION_REGULATION = '党政领导干部选拔任用工作条例';

const SOURCE =
  '文本来源：共产党员网（12371.cn）“《党政领导干部选拔任用工作条例》系列问答 44.对被问责党政领导干部的重新安排使用应当如何把握？”' +
  '（2020年5月25日）所引该条例的一段；问答未标条号，条号待核。' +
  '本系统未收录该条例的正式文本，条文处只写转述的要点，不是原文：请据正式文本录入原文并核对期限。';

const reuseCitation: Citation = {
  document: SELECTION_REGULATION,
  article: '问责和调整后的重新任用（条号待核）',
  text:
    '（转述要点，非原文）引咎辞职、责令辞职以及因问责免职的，一年内不安排领导职务，两年内不担任高于原职务层次的领导职务；' +
    '同时受党纪政务处分的，以影响期较长者为准；因不适宜担任现职而调离岗位或者免职的，一年内不提拔；降职后重新提拔另依有关规定。' +
    '（原文待据正式文本录入）',
};

interface Period {
  blocks: InfluenceBlock;
  years: number;
  words: string;
}

/**
 * The periods each adjustment method opens, as the provision sets them. 降职 is left to 有关规定 and 改任非领导职务
 * is not named, so neither opens a national period here (the jurisdiction packs set their own).
 */
export const REUSE_PERIODS: Partial<Record<AdjustmentMethod, readonly Period[]>> = {
  引咎辞职: [
    { blocks: 'promotion', years: 1, words: '一年内不安排领导职务' },
    { blocks: 'aboveOriginalLevel', years: 2, words: '两年内不担任高于原职务层次的领导职务' },
  ],
  责令辞职: [
    { blocks: 'promotion', years: 1, words: '一年内不安排领导职务' },
    { blocks: 'aboveOriginalLevel', years: 2, words: '两年内不担任高于原职务层次的领导职务' },
  ],
  免职: [{ blocks: 'promotion', years: 1, words: '一年内不得提拔' }],
  调离岗位: [{ blocks: 'promotion', years: 1, words: '一年内不得提拔' }],
};

export const reuse = rule({
  id: 'national/adjustment/xr-reuse',
  kind: 'computable',
  title: '引咎辞职、责令辞职一年内不安排领导职务、两年内不得高于原职务层次；调离岗位、免职一年内不得提拔',
  citation: reuseCitation,
  note:
    SOURCE +
    '读法：自调整决定之日起计，首个不受限制的日子 = 决定日 + N 年（2月29日 + 1 年 = 次年2月28日，见读法说明第2条）。' +
    '“一年内不安排领导职务”比“不得提拔”更宽，记录只表示提拔的影响期。记录中的“免职”是能上能下的组织调整，按因不适宜担任现职而免职、一年内不提拔' +
    '计；因问责被免职的，另有两年内不担任高于原职务层次领导职务的限制，记录不载免职原因，由组织部门据决定核定。' +
    '降职“按照有关规定执行”，本段未定期限；改任非领导职务本段未列：二者均不据本规则计算，各地规则另有规定的按各地规则。',
  forCadre(c, ctx) {
    const adjustments = ctx.facts.adjustments(c.id);
    if (adjustments.length === 0) return;
    const rows = new Map<number, { because: string[]; conclusions: string[] }>();
    for (const a of adjustments) {
      const periods = REUSE_PERIODS[a.method];
      if (!periods || a.date > ctx.asOf) continue;
      const because = [`${c.id} ${a.date} 组织调整 ${a.method}`];
      const words: string[] = [];
      for (const p of periods) {
        const until = addYears(a.date, p.years);
        const line = `${a.method}自 ${a.date} 起${p.words}，${until} 起不在影响期内`;
        because.push(line);
        ctx.influence({ subject: c.id, blocks: p.blocks, until, because: [because[0]!, line] });
        words.push(
          `${until} 起方可${p.blocks === 'promotion' ? '提拔' : '提拔至原职级以上'}` +
            (until <= ctx.asOf ? '（已届满）' : `（评价日 ${ctx.asOf} 仍在影响期内）`),
        );
      }
      const y = yearOf(a.date);
      let row = rows.get(y);
      if (!row) rows.set(y, (row = { because: [], conclusions: [] }));
      row.because.push(...because);
      row.conclusions.push(`${a.method}：${words.join('，')}`);
    }
    for (const [year, row] of [...rows].sort((a, b) => a[0] - b[0]))
      ctx.fire({ subject: c.id, year, because: row.because, conclusion: row.conclusions.join('；') });
  },
});

const candidacyCitation: Citation = {
  document: SELECTION_REGULATION,
  article: '第二十四条（六）',
  text: '（转述要点，非原文）受到诫勉、组织处理或者党纪政务处分，影响期未满或者期满后仍影响使用的，不列为考察对象。（原文待据正式文本录入）',
};

export const candidacy = rule({
  id: 'national/adjustment/xr-24.6',
  kind: 'principle',
  title: '影响期未满的不得列为考察对象',
  citation: candidacyCitation,
  note:
    '文本来源：uianet.net 法律释义页“关于诫勉谈话的影响期……”所引《党政领导干部选拔任用工作条例》第二十四条（条号按该页所标），' +
    '条文处只写转述的要点，不是原文：请据正式文本录入原文并核对条号。' +
    '本条不定期限，只说明影响期对提拔的作用：系统显示的“可提拔日”即各影响期中最晚的届满日。' +
    '诫勉、组织处理的期限本身未见公开转载的规定原文，系统不据诫勉计算影响期（见读法说明“尚未编入的国家规定”）。',
});

export const reuseRules = [reuse, candidacy];
