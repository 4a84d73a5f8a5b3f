// The rudong pack: 如东县人民检察院's three 实施细则, chained under jiangsu (rudong → jiangsu → national).
// Mechanism modules hold the rules; this file names the documents, the errata and the parameters.
import { definePack } from '../../policy/define.js';
import { adjustmentParams, adjustmentRules } from './adjustment.js';
import { DOC_ADJUSTMENT, DOC_INCENTIVE, DOC_TOLERANCE } from './common.js';
import { incentiveParams, incentiveRules } from './incentive.js';
import { toleranceRules } from './tolerance.js';
import { valuesNamed } from '../value-names.js';

export const rudong = definePack({
  id: 'rudong',
  parent: 'jiangsu',
  title: '如东县人民检察院“三项机制”实施细则',
  documents: [DOC_INCENTIVE, DOC_TOLERANCE, DOC_ADJUSTMENT],
  errata: [
    `${DOC_INCENTIVE}：“提拔重用方面”与“考核奖励方面”两条均印为第八条，且无第七条。按顺序更正：第七条 = 提拔重用（rudong/incentive/7.1–7.3），第八条 = 考核奖励（rudong/incentive/8.1–8.2）。`,
    `${DOC_ADJUSTMENT}：第八条有两项均印为（四），末项“其他不担当不作为问题造成严重后果或恶劣影响的”更正为（五）（rudong/adjustment/8.5）。`,
  ],
  rules: [...incentiveRules, ...toleranceRules, ...adjustmentRules],
  values: valuesNamed('commendation', 'excellentQuota', 'tolerance', 'priorityPromotion'),
  // Clauses a determination (组织认定) may be made under, and the kinds of determination each reads; a general
  // 组织认定 (kind other) is accepted under every one of them (src/policy/clauses.ts, docs/READINGS.md).
  determinationClauses: {
    // 政治表现认定（能上能下实施细则 第六条）
    'rudong/adjustment/6.1': ['political'],
    'rudong/adjustment/6.2': ['political'],
    'rudong/adjustment/6.3': ['political'],
    'rudong/adjustment/6.4': ['political'],
    'rudong/adjustment/6.5': ['political'],
    'rudong/adjustment/6.6': ['political'],
    // 不担当不作为认定（第八条）
    'rudong/adjustment/8.1': ['inaction'],
    'rudong/adjustment/8.2': ['inaction', 'stability'],
    'rudong/adjustment/8.3': ['inaction', 'poverty'],
    'rudong/adjustment/8.4': ['inaction'],
    'rudong/adjustment/8.5': ['inaction'],
    // 履行全面从严治党责任不力认定（第九条）
    'rudong/adjustment/9.1': ['party_governance'],
    'rudong/adjustment/9.2': ['party_governance'],
    'rudong/adjustment/9.3': ['party_governance'],
    'rudong/adjustment/9.4': ['party_governance'],
    'rudong/adjustment/9.5': ['party_governance'],
    // 鼓励激励实施细则 第七条（三）：经受住考验、作出重大贡献（一般认定）
    'rudong/incentive/7.3': [],
  },
  params: [...incentiveParams, ...adjustmentParams],
});
