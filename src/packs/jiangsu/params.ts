// The 江苏 pack's parameters, declared once with their types: the amounts the texts leave open (no value until a local
// rule sets one) and the readings the project chose (src/packs/reading-params.ts). Rule modules read them by these
// definitions, so a value has its declared type without a cast.
import { param } from '../../policy/define.js';
import { incidentWindowParam, lookbackMonthsParam, quotaRoundingParam } from '../reading-params.js';

export const BONUS_BY_GRADE = param({
  key: 'jiangsu.incentive.bonusByGrade',
  type: 'gradeAmounts',
  description:
    '按年度综合考核等次核发的奖金（元），形如 {一: n, 二: n, 三: n, 四: n}。第九条（一）只要求“适当拉开奖金级差”，数额由省级机关有关职能部门提出、报省委省政府审批（第九条（三）），本办法未定。',
  values: [],
  citation: '江苏省党政干部鼓励激励办法 第九条（一）（三）',
});

export const ADVANCED_COUNTY_AWARD = param({
  key: 'jiangsu.incentive.advancedCountyAward',
  type: 'number',
  description: '对推进高质量发展“先进县（市、区）”的奖励（元）。第九条（一）只说“给予奖励”，数额本办法未定。',
  values: [],
  citation: '江苏省党政干部鼓励激励办法 第九条（一）',
});

export const FIRST_GRADE_SHARE = param({
  key: 'jiangsu.incentive.firstGradeShare',
  type: 'number',
  description:
    '年度综合考核确定为第一等次的比例（百分数）：第七条（一）“按照35％的比例”，设区市和省级机关单位分别计算名额',
  // the text prints no date of issue (读法说明 一、14): in force whenever the pack is
  values: [{ value: 35, citation: '江苏省党政干部鼓励激励办法 第七条（一）' }],
});

export const QUOTA_ROUNDING = quotaRoundingParam('jiangsu.incentive.quotaRounding');
export const INCIDENT_WINDOW = incidentWindowParam('jiangsu.adjustment.incidentWindow');
export const LOOKBACK_MONTHS = lookbackMonthsParam('jiangsu.adjustment.lookbackMonths');

export const MULTIPLE_INCIDENTS = param({
  key: 'jiangsu.adjustment.multipleIncidents',
  type: 'number',
  description:
    '第九条（六）“一年内发生多起重大群体性事件和公共安全事件”中“多起”的最少起数。默认2（多于一起，最宽的读法）；地方细则可调高。',
  values: [{ value: 2, citation: '能上能下办法 第九条（六）读法：多起 = 两起以上' }],
});

export const jiangsuParams = [
  BONUS_BY_GRADE,
  ADVANCED_COUNTY_AWARD,
  FIRST_GRADE_SHARE,
  QUOTA_ROUNDING,
  INCIDENT_WINDOW,
  LOOKBACK_MONTHS,
  MULTIPLE_INCIDENTS,
];
