// The 陕西 rulebook: the three 2018 documents (陕办发 2018-10-26, replacing 陕办发〔2016〕24号), chained under
// `national`. Rules live by mechanism in incentive.ts, tolerance.ts and adjustment.ts.
import { definePack } from '../../policy/define.js';
import { adjustmentRules } from './adjustment.js';
import { incentiveRules } from './incentive.js';
import { SHAANXI_FROM, shaanxiParams } from './params.js';
import { toleranceRules } from './tolerance.js';
import { valuesNamed } from '../value-names.js';

export const shaanxi = definePack({
  id: 'shaanxi',
  parent: 'national',
  title: '陕西省“三项机制”文件（2018年）',
  // 自印发之日起施行 (2018-10-26); the 2016 documents it replaced (陕办发〔2016〕24号) are not encoded, so before that
  // day no 陕西 rule applies.
  from: SHAANXI_FROM,
  documents: [
    '陕西省党政干部鼓励激励办法(试行)',
    '陕西省党政干部容错纠错办法(试行)',
    '陕西省推进省管党政领导干部能上能下办法(试行)',
  ],
  errata: [
    '文本无已知编号错误。容错纠错办法第八条末段（依职权主动容错）未编号，规则编号为 shaanxi/tolerance/8（第八条第二款）。',
    '能上能下办法第十二条（一）写作“县(区)”，其余各条写作“县(市、区)”；县级市按县(county)处理，两处适用范围相同。',
  ],
  rules: [...incentiveRules, ...toleranceRules, ...adjustmentRules],
  values: valuesNamed('grade', 'titles', 'excellentQuota', 'award', 'bonusFactor', 'tolerance', 'priorityPromotion'),
  // Clauses a determination (组织认定) may be made under, and the kinds of determination each reads; a general
  // 组织认定 (kind other) is accepted under every one of them (src/policy/clauses.ts, docs/READINGS.md).
  determinationClauses: {
    // 履行管党治党责任不力（能上能下办法 第六条）
    'shaanxi/adjustment/6.1': ['party_governance'],
    'shaanxi/adjustment/6.2': ['party_governance'],
    'shaanxi/adjustment/6.3': ['party_governance'],
    'shaanxi/adjustment/6.4': ['party_governance'],
    // 领导班子分析研判（第七条）
    'shaanxi/adjustment/7': ['team_review'],
    // 考核结果（第八条、第九条）
    'shaanxi/adjustment/8.1': ['inaction'],
    'shaanxi/adjustment/8.2': ['inaction'],
    'shaanxi/adjustment/8.3': ['inaction'],
    'shaanxi/adjustment/8.4': ['inaction'],
    'shaanxi/adjustment/9.1': ['inaction'],
    'shaanxi/adjustment/9.2': ['inaction'],
    // 脱贫攻坚（第十条）
    'shaanxi/adjustment/10.1': ['poverty'],
    'shaanxi/adjustment/10.2': ['poverty'],
    'shaanxi/adjustment/10.3': ['poverty'],
    'shaanxi/adjustment/10.4': ['poverty'],
    // 生态环境（第十一条）
    'shaanxi/adjustment/11.1': ['environment'],
    'shaanxi/adjustment/11.2': ['environment'],
    // 安全生产、食品药品安全（第十二条）
    'shaanxi/adjustment/12.1': ['inaction'],
    'shaanxi/adjustment/12.2': ['inaction'],
    // 社会稳定（第十三条）
    'shaanxi/adjustment/13.1': ['stability'],
    'shaanxi/adjustment/13.2': ['stability'],
  },
  params: shaanxiParams,
});
