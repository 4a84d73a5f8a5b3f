// The rudong pack: 如东县人民检察院's three 实施细则, chained under jiangsu (rudong → jiangsu → national).
// Mechanism modules hold the rules; this file names the documents, the errata and the parameters.
import { definePack } from '../../policy/define.js';
import { adjustmentParams, adjustmentRules } from './adjustment.js';
import { DOC_ADJUSTMENT, DOC_INCENTIVE, DOC_TOLERANCE } from './common.js';
import { incentiveParams, incentiveRules } from './incentive.js';
import { toleranceRules } from './tolerance.js';

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
  params: [...incentiveParams, ...adjustmentParams],
});
