// The national periods after a 组织调整 (the organisational measures of 能上能下 on record as adjustments): how long a
// cadre who resigned to take responsibility (引咎辞职), was ordered to resign (责令辞职), was removed (免职) or moved
// off the post (调离岗位) waits before promotion. They apply in every jurisdiction, beside each pack's own period for
// the same adjustment; the engine's promotionAllowedFrom takes the latest end, so the longer period governs, as the
// provision itself says of overlapping 党纪政务处分.
//
// The official text is not in the seeds. Each citation quotes the provision word for word as a named public copy
// prints it; the note names that copy and says it is a secondary source to be checked against the official text.
import { addYears, yearOf } from '../../domain/dates.js';
import type { AdjustmentMethod } from '../../domain/vocabulary.js';
import { rule } from '../../policy/define.js';
import type { Citation, InfluenceBlock } from '../../policy/types.js';

export const SELECTION_REGULATION = '党政领导干部选拔任用工作条例';

const SOURCE =
  '文本来源：共产党员网（12371.cn）“《党政领导干部选拔任用工作条例》系列问答 44.对被问责党政领导干部的重新安排使用应当如何' +
  '把握？”（2020年5月25日），该问答以“《干部任用条例》规定，”起首逐字引用本段；问答未标条号，条号待核。' +
  '转载的标点为半角，此处按党内法规文本通行的全角标点录入，文字未改。' +
  '此为二手公开来源，不是正式文本：请据中共中央印发的正式文本（2019年3月修订）核对文字、条号和期限。';

const reuseCitation: Citation = {
  document: SELECTION_REGULATION,
  article: '问责和调整后的重新任用（条号待核）',
  text:
    '引咎辞职、责令辞职和因问责被免职的党政领导干部，一年内不安排领导职务，两年内不得担任高于原任职务层次的领导职务。' +
    '同时受到党纪政务处分的，按照影响期长的规定执行。因不适宜担任现职调离岗位、免职的，一年内不得提拔。' +
    '降职使用的干部重新提拔，按照有关规定执行。重新任职或者提拔任职，应当根据具体情形、工作需要和个人情况综合考虑，' +
    '合理安排使用。对符合有关规定给予容错的干部，应当客观公正对待。',
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
    { blocks: 'aboveOriginalLevel', years: 2, words: '两年内不得担任高于原任职务层次的领导职务' },
  ],
  责令辞职: [
    { blocks: 'promotion', years: 1, words: '一年内不安排领导职务' },
    { blocks: 'aboveOriginalLevel', years: 2, words: '两年内不得担任高于原任职务层次的领导职务' },
  ],
  免职: [{ blocks: 'promotion', years: 1, words: '一年内不得提拔' }],
  调离岗位: [{ blocks: 'promotion', years: 1, words: '一年内不得提拔' }],
};

export const reuse = rule({
  id: 'national/adjustment/xr-reuse',
  kind: 'computable',
  title:
    '引咎辞职、责令辞职一年内不安排领导职务、两年内不得担任高于原任职务层次的领导职务；调离岗位、免职一年内不得提拔',
  citation: reuseCitation,
  note:
    SOURCE +
    '读法：自调整决定之日起计，首个不受限制的日子 = 决定日 + N 年（2月29日 + 1 年 = 次年2月28日，见读法说明 一、2）。' +
    '“一年内不安排领导职务”比“不得提拔”更宽，记录只表示提拔的影响期。记录中的“免职”是能上能下的组织调整，按因不适宜担任现职而免职、一年内不提拔' +
    '计；因问责被免职的，另有两年内不得担任高于原任职务层次的领导职务的限制，记录不载免职原因，由组织部门据决定核定。' +
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
  article: '第二十四条',
  text:
    '有下列情形之一的，不得列为考察对象：\n' +
    '（一）违反政治纪律和政治规矩的；\n' +
    '（二）群众公认度不高的；\n' +
    '（三）上一年年度考核结果为基本称职以下等次的；\n' +
    '（四）有跑官、拉票等非组织行为的；\n' +
    '（五）除特殊岗位需要外，配偶已移居国（境）外，或者没有配偶但子女均已移居国（境）外的；\n' +
    '（六）受到诫勉、组织处理或者党纪政务处分等影响期未满或者期满影响使用的；\n' +
    '（七）其他原因不宜提拔或者进一步使用的。',
};

export const candidacy = rule({
  id: 'national/adjustment/xr-24.6',
  kind: 'principle',
  title: '受到诫勉、组织处理或者党纪政务处分等影响期未满的，不得列为考察对象（第二十四条第六项）',
  citation: candidacyCitation,
  note:
    '文本来源：uianet.net 法律释义页“关于诫勉谈话的影响期……”所引《党政领导干部选拔任用工作条例》第二十三条、第二十四条' +
    '（条号按该页所标）；转载的标点为半角，此处按全角标点录入，文字未改。' +
    '此为二手公开来源，不是正式文本：请据中共中央印发的正式文本（2019年3月修订）核对文字和条号。' +
    '本系统只据第六项：本条不定期限，说明影响期对提拔的作用，系统显示的“可提拔日”即各影响期中最晚的届满日。' +
    '诫勉、组织处理的期限本身未见规定原文的公开转载，系统不据诫勉、组织处理计算影响期（见读法说明 三、国家规定“尚未编入”）。',
});

export const reuseRules = [reuse, candidacy];
