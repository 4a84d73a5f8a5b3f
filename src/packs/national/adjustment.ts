// The national periods the seeds rely on: how long a 政务处分 or a 党纪处分 keeps a cadre from promotion. Each
// sanction fact opens an influence period on promotion; the engine's promotionAllowedFrom takes the latest end,
// so when an adjustment (a jurisdiction pack's rule) and a sanction overlap, the longer period governs
// (如东 第十一条; DESIGN §3).
//
// These texts are not in the seeds. They were looked up in published copies (see each rule's note) and are quoted
// only as far as a copy of the current version could be seen; what could not be seen is said in the note.
import { addMonths, addYears, yearOf } from '../../domain/dates.js';
import type { SanctionKind } from '../../domain/vocabulary.js';
import type { CadreFact } from '../../domain/facts.js';
import { rule } from '../../policy/define.js';
import type { Citation, Rule, RuleContext } from '../../policy/types.js';

export const ZWCF_LAW = '中华人民共和国公职人员政务处分法';
export const DISCIPLINE_REGULATION = '中国共产党纪律处分条例';

/**
 * One influence period per sanction of the given kinds, dated from the decision (or approval) date on record.
 * Sanctions dated after the evaluation date are not yet on record for it.
 */
function sanctionPeriods(
  kinds: Partial<Record<SanctionKind, { months: number; label: string }>>,
  family: string,
  explain: (kind: SanctionKind, date: string, until: string) => string,
) {
  return (c: CadreFact, ctx: RuleContext) => {
    const sanctions = ctx.facts.sanctions(c.id);
    if (sanctions.length === 0) return; // most cadres: nothing to do, and nothing allocated (whole-record scans)
    const rows = new Map<number, { because: string[]; conclusions: string[] }>();
    for (const s of sanctions) {
      const k = kinds[s.kind];
      if (!k || s.date > ctx.asOf) continue;
      const until = addMonths(s.date, k.months);
      const because = [`${c.id} ${s.date} ${family} ${s.kind}`, explain(s.kind, s.date, until)];
      ctx.influence({ subject: c.id, blocks: 'promotion', until, because });
      const y = yearOf(s.date);
      let row = rows.get(y);
      if (!row) rows.set(y, (row = { because: [], conclusions: [] }));
      row.because.push(...because);
      row.conclusions.push(
        `${s.kind}：影响期${k.label}，${until} 起方可提拔` +
          (until <= ctx.asOf ? '（已届满）' : `（评价日 ${ctx.asOf} 仍在影响期内）`),
      );
    }
    for (const [year, row] of [...rows].sort((a, b) => a[0] - b[0]))
      ctx.fire({ subject: c.id, year, because: row.because, conclusion: row.conclusions.join('；') });
  };
}

const zwcf8Citation: Citation = {
  document: ZWCF_LAW,
  article: '第八条',
  text:
    '政务处分的期间为：\n（一）警告，六个月；\n（二）记过，十二个月；\n（三）记大过，十八个月；\n（四）降级、撤职，二十四个月。\n' +
    '政务处分决定自作出之日起生效，政务处分期自政务处分决定生效之日起计算。',
};

export const zwcf8 = rule({
  id: 'national/adjustment/zwcf-8',
  kind: 'computable',
  title: '政务处分的期间（警告6、记过12、记大过18、降级撤职24个月）',
  citation: zwcf8Citation,
  note:
    '版本：《中华人民共和国公职人员政务处分法》（2020年6月20日第十三届全国人大常委会第十九次会议通过，2020年7月1日起施行），第八条全文。' +
    '文本来源：两份公开转载一致——ralz.gov.cn “纪法问答：政务处分期间有多长？”（2023年10月31日，附第八条释义）所引第八条，' +
    '与 uianet.net 法律释义所引第八条；转载的标点为半角，此处按法律文本通行的全角标点录入，文字未改。' +
    '此为二手公开来源，不是正式文本：请据全国人大常委会公报刊载的正式文本核对。' +
    '读法：处分期自决定之日起计，首个不在处分期内的日期 = 决定日 + N 个月（同日；无同日的取当月末日，2月29日 + 12个月 = 次年2月28日）。' +
    '处分期内不得晋升的规定在该法关于政务处分后果的条文中（未核对原文，未引用）；本规则按读法说明把处分期作为提拔的影响期。' +
    '开除无期间，不在本条。',
  forCadre: sanctionPeriods(
    {
      警告: { months: 6, label: '六个月' },
      记过: { months: 12, label: '十二个月' },
      记大过: { months: 18, label: '十八个月' },
      降级: { months: 24, label: '二十四个月' },
      撤职: { months: 24, label: '二十四个月' },
    },
    '政务处分',
    (kind, date, until) => `${kind}的处分期自 ${date} 决定生效之日起计算，${until} 起不在处分期内`,
  ),
});

const dj10Citation: Citation = {
  document: DISCIPLINE_REGULATION,
  article: '第十条',
  text: '党员受到警告处分一年内、受到严重警告处分一年半内，不得在党内提拔职务或者进一步使用，也不得向党外组织推荐担任高于其原任职务的党外职务或者进一步使用。',
};

export const dj10 = rule({
  id: 'national/adjustment/dj-10',
  kind: 'computable',
  title: '党内警告一年内、党内严重警告一年半内不得提拔',
  citation: dj10Citation,
  note:
    '版本：《中国共产党纪律处分条例》2023年12月8日中共中央政治局会议第三次修订、2023年12月19日中共中央发布、2024年1月1日起施行，第十条全文。' +
    '文本来源：xclz.gov.cn 发布的条例电子书（2023 年版）第5页，与标明“2023年12月19日中共中央发布”的繁体转载及' +
    '建瓯新闻网转中央纪委国家监委网站“对党员的纪律处分有哪些，影响期各多长”（2024年5月14日）一致。' +
    '此为二手公开来源，不是正式文本：请据中共中央印发的正式文本核对。' +
    '读法：自处分批准之日（记录中的处分日期）起计，警告 12 个月、严重警告 18 个月（“一年半”），首个可提拔日 = 处分日 + 月数。' +
    '2015年修订前（2003年条例）严重警告为“一年内”；记录不载违纪行为发生时间，故一律按现行条例计算。' +
    '依第十一条“对于应当受到撤销党内职务处分，但是本人没有担任党内职务的，应当给予其严重警告处分”而受的严重警告，影响期按第十一条为二年，' +
    '记录无法区分，按一年半计。',
  forCadre: sanctionPeriods(
    {
      党内警告: { months: 12, label: '一年' },
      党内严重警告: { months: 18, label: '一年半' },
    },
    '党纪处分',
    (kind, date, until) =>
      `${kind}处分自 ${date} 批准之日起${kind === '党内警告' ? '一年' : '一年半'}内不得在党内提拔职务或者进一步使用，${until} 起不在影响期内`,
  ),
});

const dj11Citation: Citation = {
  document: DISCIPLINE_REGULATION,
  article: '第十一条',
  text:
    '撤销党内职务处分，是指撤销受处分党员由党内选举或者组织任命的党内职务。对于在党内担任两个以上职务的，党组织在作处分决定时，' +
    '应当明确是撤销其一切职务还是一个或者几个职务。如果决定撤销其一个职务，必须撤销其担任的最高职务。如果决定撤销其两个以上职务，' +
    '则必须从其担任的最高职务开始依次撤销。对于在党外组织担任职务的，应当建议党外组织撤销其党外职务。\n' +
    '对于在立案审查中因涉嫌违犯党纪被免职的党员，审查后依照本条例规定应当给予撤销党内职务处分的，应当按照其原任职务给予撤销党内职务处分。',
};

export const dj11 = rule({
  id: 'national/adjustment/dj-11',
  kind: 'computable',
  title: '撤销党内职务处分二年内不得担任相当或者更高职务',
  citation: dj11Citation,
  note:
    '版本：《中国共产党纪律处分条例》（2023年修订，2024年1月1日起施行）第十一条。引文只录入能见到 2023 年版原文的部分。' +
    '文本来源：xclz.gov.cn 发布的 2023 年版条例电子书第5页（第一款全文及第二款第一句）；' +
    '此为二手公开来源，不是正式文本：请据中共中央印发的正式文本核对。第二款其余部分（含“二年内不得在党内担任和向党外组织' +
    '推荐担任与其原任职务相当或者高于其原任职务的职务”一句）在检索到的资料中未见 2023 年版的逐字原文，故未引用。' +
    '二年的影响期依据：中央纪委法规室答复“党员受到撤销党内职务处分，二年内不得在党内担任和向党外组织推荐担任与其原任职务相当或者高于其原任职务的职务”' +
    '（中央纪委监察部网站 2016 年“5种党纪处分对党员各有什么影响？”，就当时施行的条例作答），各版本条例均为二年。' +
    '读法：自处分批准之日起 24 个月，作为提拔的影响期（条文限制的是担任相当或者更高职务，比“提拔”更宽；记录只表示提拔的影响期）。',
  forCadre: sanctionPeriods(
    { 撤销党内职务: { months: 24, label: '二年' } },
    '党纪处分',
    (_kind, date, until) =>
      `撤销党内职务处分自 ${date} 起二年内不得在党内担任和向党外组织推荐担任与其原任职务相当或者高于其原任职务的职务，${until} 起不在影响期内`,
  ),
});

const dj12Citation: Citation = {
  document: DISCIPLINE_REGULATION,
  article: '第十二条',
  text:
    '留党察看处分，分为留党察看一年、留党察看二年。对于受到留党察看处分一年的党员，期满后仍不符合恢复党员权利条件的，应当延长一年留党察看期限。' +
    '留党察看期限最长不得超过二年。\n' +
    '党员受留党察看处分期间，没有表决权、选举权和被选举权。留党察看期间，确有悔改表现的，期满后恢复其党员权利；坚持不改或者又发现其他应当受到党纪处分的违纪行为的，应当开除党籍。\n' +
    '党员受到留党察看处分，其党内职务自然撤销。对于担任党外职务的，应当建议党外组织撤销其党外职务。受到留党察看处分的党员，恢复党员权利后二年内，' +
    '不得在党内担任和向党外组织推荐担任与其原任职务相当或者高于其原任职务的职务。',
};

/** 留党察看: the record does not say whether the probation is one year or two, so the longest (two) is taken. */
const PROBATION_YEARS_MAX = 2;
const AFTER_RESTORATION_YEARS = 2;

export const dj12 = rule({
  id: 'national/adjustment/dj-12',
  kind: 'computable',
  title: '留党察看：察看期及恢复党员权利后二年内不得担任相当或者更高职务',
  citation: dj12Citation,
  note:
    '版本：《中国共产党纪律处分条例》（2023年修订，2024年1月1日起施行）。文本来源：共产党员网“《中国共产党纪律处分条例》学习问答 6.' +
    '《条例》对留党察看期限是如何规定的？”（注明“内容来源：《中国共产党纪律处分条例》【2023年修订，自2024年1月1日起施行】”，' +
    '经甘肃档案信息网 cngsda.net（2024年4月19日）及 payinchain.com（2024年5月24日）转载，两份一致）。' +
    '此为二手公开来源，不是正式文本：请据中共中央印发的正式文本核对。' +
    '该问答未标条号；条号“第十二条”是依' +
    '2023 年版条例电子书中第十条（警告、严重警告）、第十一条（撤销党内职务）之后的顺序判定的。' +
    '读法：影响期 = 察看期（一年或二年）+ 恢复党员权利后二年。记录只载“留党察看”和处分日期，不载察看期长短，' +
    '故按最长的察看期二年计，首个可提拔日 = 处分日 + 4 年（若察看期为一年且未延长，实际早一年届满，由组织部门据决定书核定）。',
  forCadre(c, ctx) {
    const rows = new Map<number, { because: string[]; conclusions: string[] }>();
    for (const s of ctx.facts.sanctions(c.id)) {
      if (s.kind !== '留党察看' || s.date > ctx.asOf) continue;
      const restored = addYears(s.date, PROBATION_YEARS_MAX);
      const until = addYears(restored, AFTER_RESTORATION_YEARS);
      const because = [
        `${c.id} ${s.date} 党纪处分 留党察看`,
        `察看期一年或二年（记录未载明，按最长二年计），${restored} 起恢复党员权利`,
        `恢复党员权利后二年内不得在党内担任和向党外组织推荐担任与其原任职务相当或者高于其原任职务的职务，${until} 起不在影响期内`,
      ];
      ctx.influence({ subject: c.id, blocks: 'promotion', until, because });
      const y = yearOf(s.date);
      let row = rows.get(y);
      if (!row) rows.set(y, (row = { because: [], conclusions: [] }));
      row.because.push(...because);
      row.conclusions.push(
        `留党察看：按察看期二年计，${until} 起方可提拔` +
          (until <= ctx.asOf ? '（已届满）' : `（评价日 ${ctx.asOf} 仍在影响期内）`),
      );
    }
    for (const [year, row] of [...rows].sort((a, b) => a[0] - b[0]))
      ctx.fire({ subject: c.id, year, because: row.because, conclusion: row.conclusions.join('；') });
  },
});

export const adjustmentRules: Rule[] = [zwcf8, dj10, dj11, dj12];
