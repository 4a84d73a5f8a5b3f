// The 陕西 pack's parameters, declared once with their types. The numbers the 2018 texts print (the 35% shares, the
// prize amounts, the 10% bonus) are dated from the day the texts took effect and cite the article that prints them, so
// the rule code holds no number of its own; the numbers the texts leave open have no value; the readings the project
// chose are shared with every pack (src/packs/reading-params.ts).
import { param } from '../../policy/define.js';
import { incidentWindowParam, lookbackMonthsParam, quotaRoundingParam } from '../reading-params.js';
import { INCENTIVE_DOC } from './common.js';

/** 陕办发 2018-10-26: the three documents take effect on issue (第十二条、第十五条、第十九条 “自印发之日起施行”). */
export const SHAANXI_FROM = '2018-10-26';

const printed = (value: number, article: string) => [
  { from: SHAANXI_FROM, value, citation: `${INCENTIVE_DOC} ${article}` },
];

export const SELECTION_SHARE = param({
  key: 'shaanxi.incentive.selectionShare',
  type: 'number',
  description: '年度目标责任考核、脱贫攻坚工作成效考核优秀单位的比例（百分数）：“按照35%的比例”',
  values: printed(35, '第五条（一）（三）'),
});

export const EXCELLENT_BONUS_PERCENT = param({
  key: 'shaanxi.incentive.excellentBonusPercent',
  type: 'number',
  description: '年度考核获得优秀等次的党政干部，年度目标责任考核奖金提高的百分数',
  values: printed(10, '第六条（一）'),
});

export const TOP_COUNTY_AWARD = param({
  key: 'shaanxi.incentive.topCountyAward',
  type: 'number',
  description: '县域经济社会发展监测考评第一名和首次进入“十强县”“五强区”的县(市、区)的奖励（元）',
  values: printed(1_000_000, '第六条（二）'),
});

export const STRONG_COUNTY_BASE = param({
  key: 'shaanxi.incentive.strongCountyBase',
  type: 'number',
  description: '其他“十强县”“五强区”奖励的基数（元）',
  values: printed(500_000, '第六条（二）'),
});

export const STRONG_COUNTY_STEP = param({
  key: 'shaanxi.incentive.strongCountyStep',
  type: 'number',
  description: '其他“十强县”“五强区”较上年每进步或后退1位增加或减少的奖励（元）',
  values: printed(100_000, '第六条（二）'),
});

export const PROGRESS_PRIZE_AMOUNTS = param({
  key: 'shaanxi.incentive.progressPrizeAmounts',
  type: 'tierAmounts',
  description: '“争先进位”前10名的县(市)一、二、三等奖的奖励（元）',
  values: [{ from: SHAANXI_FROM, value: [800_000, 500_000, 300_000], citation: `${INCENTIVE_DOC} 第六条（二）` }],
});

export const PROGRESS_PRIZE_TIERS = param({
  key: 'shaanxi.incentive.progressPrizeTiers',
  type: 'tierCounts',
  description:
    '县域经济社会发展“争先进位”前10名县(市)中一、二、三等奖的个数 [一等奖数, 二等奖数, 三等奖数]（第六条（二）只定金额80/50/30万元，未定各等次名额）',
  values: [],
  citation: '陕西省党政干部鼓励激励办法(试行) 第六条（二）',
});

export const DISTRICT_PROGRESS_AWARD = param({
  key: 'shaanxi.incentive.districtProgressAward',
  type: 'number',
  description: '“争先进位”前5名的城区的奖励（元）',
  values: printed(500_000, '第六条（二）'),
});

export const SPECIAL_COUNTY_AWARD = param({
  key: 'shaanxi.incentive.specialCountyAward',
  type: 'number',
  description: '“现代农业强县”“新型工业强县”“生态建设强县”的奖励（元）',
  values: printed(200_000, '第六条（二）'),
});

export const POVERTY_EXCELLENT_AWARD = param({
  key: 'shaanxi.incentive.povertyExcellentAward',
  type: 'number',
  description: '“脱贫攻坚工作成效考核优秀单位”的奖励（元）',
  values: printed(1_000_000, '第六条（三）'),
});

export const QUOTA_ROUNDING = quotaRoundingParam('shaanxi.incentive.quotaRounding');
export const INCIDENT_WINDOW = incidentWindowParam('shaanxi.adjustment.incidentWindow');
export const LOOKBACK_MONTHS = lookbackMonthsParam('shaanxi.adjustment.lookbackMonths');

export const shaanxiParams = [
  PROGRESS_PRIZE_TIERS,
  QUOTA_ROUNDING,
  INCIDENT_WINDOW,
  LOOKBACK_MONTHS,
  SELECTION_SHARE,
  EXCELLENT_BONUS_PERCENT,
  TOP_COUNTY_AWARD,
  STRONG_COUNTY_BASE,
  STRONG_COUNTY_STEP,
  PROGRESS_PRIZE_AMOUNTS,
  DISTRICT_PROGRESS_AWARD,
  SPECIAL_COUNTY_AWARD,
  POVERTY_EXCELLENT_AWARD,
];
