// What a concluded tolerance case does to the record, per pack (PROCEDURES §7.5): each pack reads the decisions
// recorded by its own cases (facts.toleranceDecisions) and states the effect the text gives, naming the decision —
// the body, the date and the outcome — so an explanation changes the moment a decision is recorded and says which.
// A reduced sanction is loaded as a sanction of its own (store/facts-loader.ts), so its period is the one the
// national rules give it.
import type { ToleranceDecisionFact } from '../domain/facts.js';
import { CASE_OUTCOME_LABELS } from '../domain/procedure.js';
import { rule } from '../policy/define.js';
import type { PackDef, Rule } from '../policy/types.js';
import { valuesNamed } from './value-names.js';

interface EffectText {
  /** the rule's id, written out so that searching the source for it finds this rule */
  id: string;
  document: string;
  article: string;
  text: string;
  /** the conclusion per outcome; absent = the text states no effect for that outcome */
  conclusions: Partial<Record<ToleranceDecisionFact['outcome'], string>>;
}

const GUIDANCE = '已予容错：考核考察要客观评价，选拔任用要公正合理';

const EFFECTS: Record<string, EffectText> = {
  jiangsu: {
    id: 'jiangsu/tolerance/decision',
    document: '江苏省进一步健全容错纠错机制的办法',
    article: '七（二）',
    text: '对给予容错的干部，考核考察要客观评价，选拔任用要公正合理。',
    conclusions: { exempt: GUIDANCE, lighter: GUIDANCE, mitigated: GUIDANCE },
  },
  shaanxi: {
    id: 'shaanxi/tolerance/decision',
    document: '陕西省党政干部容错纠错办法(试行)',
    article: '第九条',
    text: '对容错的单位或个人,可在以下方面免责或减责:(一)单位年度目标责任考核及党风廉政建设责任制考核不受影响。(二)干部提拔任用、职级职称晋升及工资、绩效、奖金等不受影响。(三)党代表、人大代表和政协委员资格不受影响。(四)单位和个人评优评先不受影响。(五)对确需追责的单位或个人,根据有关规定可以减责,酌情从轻、减轻处分或组织处理。有一定影响期的,影响期结束后提拔任用不受影响。',
    conclusions: {
      exempt:
        '免责：单位年度目标责任考核及党风廉政建设责任制考核、干部提拔任用、职级职称晋升及工资、绩效、奖金，党代表、人大代表和政协委员资格，评优评先均不受影响',
      lighter: '减责：从轻处分或组织处理；有影响期的，影响期结束后提拔任用不受影响',
      mitigated: '减责：减轻处分或组织处理；有影响期的，影响期结束后提拔任用不受影响',
    },
  },
  rudong: {
    id: 'rudong/tolerance/decision',
    document: '如东县人民检察院进一步健全容错纠错机制实施细则',
    article: '七（三）',
    text: '对给予容错免责的干警，在予以相应处理的同时，其本人在各类考核、提拔任用、职级职称晋升和后备干部资格等方面不受影响。',
    conclusions: { exempt: '容错免责：各类考核、提拔任用、职级职称晋升和后备干部资格等方面不受影响' },
  },
  anhui: {
    id: 'anhui/tolerance/decision',
    document: '关于进一步激励广大干部新时代新担当新作为的实施意见',
    article: '第12项',
    text: '对给予容错免责的干部，考核考察要客观评价，选拔任用要公正合理。',
    conclusions: { exempt: '已予容错免责：考核考察要客观评价，选拔任用要公正合理' },
  },
  jiaozuo: {
    id: 'jiaozuo/tolerance/decision',
    document: '焦作市支持改革创新激励干部担当有为容错纠错办法(试行)',
    article: '结果运用',
    text: '经研究决定,予以容错的,根据其行为性质及造成后果,分别给予从轻、减轻或免除责任追究的处理。(一)免除责任追究的,在考核评价、评先评优、表彰奖励时不受影响;在干部选拔任用、职称资格评定及推选党代表、人大代表、政协委员等人选时不作负面评价。(二)从轻、减轻责任追究的,根据其从轻、减轻后的处理措施,确定受影响的情形。经研究决定,不予容错的,按照问责决定予以问责,并记录在案,督促相关干部、单位进行整改。',
    conclusions: {
      exempt:
        '免除责任追究：考核评价、评先评优、表彰奖励不受影响；干部选拔任用、职称资格评定及推选党代表、人大代表、政协委员等人选时不作负面评价',
      lighter: '从轻责任追究：根据从轻后的处理措施确定受影响的情形',
      mitigated: '减轻责任追究：根据减轻后的处理措施确定受影响的情形',
      not_tolerated: '不予容错：按照问责决定予以问责，记录在案，督促整改',
    },
  },
};

function decisionRule(pack: string, e: EffectText): Rule {
  return rule({
    id: e.id,
    kind: 'computable',
    title: '容错认定结论的运用',
    citation: { document: e.document, article: e.article, text: e.text },
    forAll(ctx) {
      for (const d of ctx.facts.facts.toleranceDecisions ?? []) {
        if (d.date > ctx.asOf || ctx.chainOf(d.subject)[0] !== pack) continue;
        ctx.set(d.subject, `toleranceDecision:${d.matter}`, d.outcome);
        const conclusion = e.conclusions[d.outcome];
        if (!conclusion) continue;
        ctx.fire({
          subject: d.subject,
          because: [`${d.body} ${d.date} 作出容错认定：${CASE_OUTCOME_LABELS[d.outcome]}（${d.article}）`],
          conclusion,
        });
      }
    },
  });
}

/** The pack with the rule that reads its tolerance decisions (packs without a tolerance procedure unchanged). */
export function withDecisionEffects(pack: PackDef): PackDef {
  const e = EFFECTS[pack.id];
  return e
    ? {
        ...pack,
        rules: [...pack.rules, decisionRule(pack.id, e)],
        values: { ...pack.values, ...valuesNamed('toleranceDecision') },
      }
    : pack;
}
