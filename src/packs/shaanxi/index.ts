// The 陕西 rulebook: the three 2018 documents (陕办发 2018-10-26, replacing 陕办发〔2016〕24号), chained under
// `national`. Rules live by mechanism in incentive.ts, tolerance.ts and adjustment.ts.
import { definePack, param } from '../../policy/define.js';
import { adjustmentRules } from './adjustment.js';
import { incentiveRules } from './incentive.js';
import { toleranceRules } from './tolerance.js';
import { valuesNamed } from '../value-names.js';

const READING = '读法说明（docs/READINGS.md）默认读法（可由具体办法覆盖）';

export const shaanxi = definePack({
  id: 'shaanxi',
  parent: 'national',
  title: '陕西省“三项机制”文件（2018年）',
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
  params: [
    param({
      key: 'shaanxi.incentive.progressPrizeTiers',
      description:
        '县域经济社会发展“争先进位”前10名县(市)中一、二、三等奖的个数 [一等奖数, 二等奖数, 三等奖数]（第六条（二）只定金额80/50/30万元，未定各等次名额）',
      values: [],
      citation: '陕西省党政干部鼓励激励办法(试行) 第六条（二）',
    }),
    param({
      key: 'shaanxi.incentive.quotaRounding',
      description: '“按照35%的比例”的名额取整方式：floor（向下取整，不超过35%）| round | ceil',
      values: [{ from: '2000-01-01', value: 'floor', citation: READING }],
    }),
    param({
      key: 'shaanxi.adjustment.incidentWindow',
      description: '“一年内”的计算：rolling12m（任意连续12个月）| calendarYear（自然年）',
      values: [{ from: '2000-01-01', value: 'rolling12m', citation: READING }],
    }),
    param({
      key: 'shaanxi.adjustment.lookbackMonths',
      description: '事故、事件类情形回看的月数：“一年内”的期间须止于评估日前这么多个月内',
      values: [{ from: '2000-01-01', value: 24, citation: READING }],
    }),
  ],
});
