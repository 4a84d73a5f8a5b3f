// The jiangsu pack: 江苏省鼓励激励、容错纠错、能上能下“三项机制”文件 (seed 000). Rules by mechanism in sibling
// modules; parameters below (amounts the texts leave open have no value until a local rule sets them).
import { definePack } from '../../policy/define.js';
import { adjustmentRules } from './adjustment.js';
import { incentiveRules } from './incentive.js';
import { jiangsuParams } from './params.js';
import { toleranceRules } from './tolerance.js';
import { valuesNamed } from '../value-names.js';

export const jiangsu = definePack({
  id: 'jiangsu',
  parent: 'national',
  title: '江苏省“三项机制”文件',
  documents: ['江苏省党政干部鼓励激励办法', '江苏省进一步健全容错纠错机制的办法', '江苏省推进党政领导干部能上能下办法'],
  errata: [
    '原文无已知编号错误。容错纠错办法按“一、（一）”分节，编号 1.1 即 一、（一）；各节导语编为该节编号（如 4 = 四、导语）。',
  ],
  rules: [...incentiveRules, ...toleranceRules, ...adjustmentRules],
  values: valuesNamed('grade', 'titles', 'award', 'tolerance', 'priorityPromotion'),
  // Clauses a determination (组织认定) may be made under, and the kinds of determination each reads; a general
  // 组织认定 (kind other) is accepted under every one of them (src/policy/clauses.ts, docs/READINGS.md).
  determinationClauses: {
    // 政治表现认定（能上能下办法 第六条）
    'jiangsu/adjustment/6.1': ['political'],
    'jiangsu/adjustment/6.2': ['political'],
    'jiangsu/adjustment/6.3': ['political'],
    'jiangsu/adjustment/6.4': ['political'],
    'jiangsu/adjustment/6.5': ['political'],
    // 不担当不作为认定（第九条）；分领域的认定也可按该领域记录
    'jiangsu/adjustment/9.1': ['inaction'],
    'jiangsu/adjustment/9.2': ['inaction'],
    'jiangsu/adjustment/9.3': ['inaction', 'poverty'],
    'jiangsu/adjustment/9.4': ['inaction', 'environment'],
    'jiangsu/adjustment/9.5': ['inaction'],
    'jiangsu/adjustment/9.6': ['inaction', 'stability'],
    'jiangsu/adjustment/9.7': ['inaction'],
    // 履行全面从严治党责任和意识形态责任不力认定（第十条）
    'jiangsu/adjustment/10.1': ['party_governance'],
    'jiangsu/adjustment/10.2': ['party_governance'],
    'jiangsu/adjustment/10.3': ['party_governance'],
    'jiangsu/adjustment/10.4': ['party_governance'],
    'jiangsu/adjustment/10.5': ['party_governance'],
    // 鼓励激励办法中由组织认定的事项（一般认定）
    'jiangsu/incentive/7.2': [],
    'jiangsu/incentive/7.3': [],
    'jiangsu/incentive/8.4': [],
    'jiangsu/incentive/8.5': [],
    'jiangsu/incentive/9.2': [],
    'jiangsu/incentive/10.2': [],
  },
  params: jiangsuParams,
});
