// The controlled vocabularies of the record (DESIGN §4). Values are the exact strings the contract uses;
// labels are what people see. Every list is `as const` so the types follow the data.

export const PACK_IDS = ['national', 'jiangsu', 'shaanxi', 'rudong', 'anhui', 'jiaozuo'] as const;
export type PackId = (typeof PACK_IDS)[number];

/** The packs a person binds a unit to (the national pack is always in the chain, never bound on its own). */
export const JURISDICTION_PACKS = ['jiangsu', 'shaanxi', 'rudong', 'anhui', 'jiaozuo'] as const;

export const UNIT_KINDS = [
  'province',
  'city',
  'county',
  'district',
  'dev_zone',
  'provincial_dept',
  'city_dept',
  'county_dept',
  'procuratorate',
  'internal_dept',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  province: '省',
  city: '设区市',
  county: '县（县级市）',
  district: '市辖区',
  dev_zone: '开发区',
  provincial_dept: '省级机关单位',
  city_dept: '市级机关单位',
  county_dept: '县级机关单位',
  procuratorate: '检察院',
  internal_dept: '内设机构',
};

export const POST_ROLES = ['principal', 'deputy', 'member', 'midlevel', 'staff'] as const;
export type PostRole = (typeof POST_ROLES)[number];
export const POST_ROLE_LABELS: Record<PostRole, string> = {
  principal: '党政正职（主要负责人）',
  deputy: '副职（分管领导）',
  member: '其他班子成员',
  midlevel: '中层干部',
  staff: '一般干部',
};
/** Which role leads when a cadre holds several posts at once (the first one listed wins). */
export const POST_ROLE_PRECEDENCE: readonly PostRole[] = ['principal', 'deputy', 'member', 'midlevel', 'staff'];

/** 分管 areas that carry meaning for the rules; other areas are free words. */
export const MEANINGFUL_AREAS = [
  'production_safety',
  'food_drug',
  'stability',
  'environment',
  'poverty',
  'party_building',
  'ideology',
] as const;

export const LEVELS = ['正部', '副部', '正厅', '副厅', '正处', '副处', '正科', '副科', '科员'] as const;
export type Level = (typeof LEVELS)[number];

export const CADRE_CATEGORIES = ['公务员', '参公', '事业', '国企', '聘用制书记员', '劳务派遣'] as const;
export type CadreCategory = (typeof CADRE_CATEGORIES)[number];

export const ASSESSMENT_SCHEMES = [
  'comprehensive',
  'target',
  'county_monitoring',
  'agriculture',
  'industry',
  'ecology',
  'poverty',
  'performance',
  'national_ranking',
] as const;
export type AssessmentScheme = (typeof ASSESSMENT_SCHEMES)[number];
export const SCHEME_LABELS: Record<AssessmentScheme, string> = {
  comprehensive: '年度综合考核',
  target: '年度目标责任考核',
  county_monitoring: '县域经济社会发展监测考评',
  agriculture: '农业专项监测',
  industry: '工业专项监测',
  ecology: '生态专项监测',
  poverty: '脱贫攻坚成效考核',
  performance: '业绩考核',
  national_ranking: '全国排名',
};
/** The grade words each scheme may use, as written in the packs' texts. */
export const SCHEME_GRADES: Record<AssessmentScheme, readonly string[]> = {
  comprehensive: ['一', '二', '三', '四'],
  target: ['优秀', '良好', '一般', '较差'],
  county_monitoring: ['优秀', '良好', '一般', '较差'],
  agriculture: ['优秀', '良好', '一般', '较差'],
  industry: ['优秀', '良好', '一般', '较差'],
  ecology: ['优秀', '良好', '一般', '较差'],
  poverty: ['好', '较好', '一般', '差'],
  performance: ['好', '较好', '一般', '差'],
  national_ranking: [],
};

export const INDIVIDUAL_GRADES = ['优秀', '称职', '基本称职', '不称职'] as const;
export type IndividualGrade = (typeof INDIVIDUAL_GRADES)[number];

export const REGULAR_GRADES = ['好', '较好', '一般', '较差'] as const;
export type RegularGrade = (typeof REGULAR_GRADES)[number];

export const HONOR_CONFERRERS = ['central', 'provincial', 'city', 'county', 'upper_procuratorate', 'unit'] as const;
export type HonorConferrer = (typeof HONOR_CONFERRERS)[number];
export const HONOR_CONFERRER_LABELS: Record<HonorConferrer, string> = {
  central: '党中央、国务院',
  provincial: '省委、省政府',
  city: '市委、市政府',
  county: '县委、县政府',
  upper_procuratorate: '上级检察院',
  unit: '本单位',
};

/**
 * Honours that rules rely on, each a named title of one article conferred by one body. A rule reads these, never the
 * free-text title: an unrelated 平安建设先进县 is not the 推进高质量发展先进县 because both titles contain 先进县.
 */
export const HONOR_AWARDS = ['jiangsu_advanced_county', 'jiangsu_excellent_county_principal'] as const;
export type HonorAward = (typeof HONOR_AWARDS)[number];
export const HONOR_AWARD_SPECS: Record<HonorAward, { label: string; conferredBy: HonorConferrer; article: string }> = {
  jiangsu_advanced_county: {
    label: '推进高质量发展“先进县（市、区）”',
    conferredBy: 'provincial',
    article: '江苏省党政干部鼓励激励办法 第七条（二）',
  },
  jiangsu_excellent_county_principal: {
    label: '优秀县（市、区）党政正职',
    conferredBy: 'provincial',
    article: '江苏省党政干部鼓励激励办法 第七条（三）',
  },
};

export const INCIDENT_CATEGORIES = [
  'production_safety',
  'food_drug',
  'mass_incident',
  'public_security',
  'environment',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];
export const INCIDENT_CATEGORY_LABELS: Record<IncidentCategory, string> = {
  production_safety: '安全生产事故',
  food_drug: '食品药品安全事故',
  mass_incident: '群体性事件',
  public_security: '公共安全事件',
  environment: '环境污染事件',
};
export const SEVERITIES = ['特别重大', '重大', '较大', '一般'] as const;
export const FOOD_DRUG_SEVERITIES = ['一级', '二级', '三级', '四级'] as const;
export type Severity = (typeof SEVERITIES)[number] | (typeof FOOD_DRUG_SEVERITIES)[number];
/** 食品药品 grades map onto the general scale: 一级=特别重大, 二级=重大, 三级=较大, 四级=一般. */
export function normalSeverity(s: Severity): (typeof SEVERITIES)[number] {
  switch (s) {
    case '一级':
      return '特别重大';
    case '二级':
      return '重大';
    case '三级':
      return '较大';
    case '四级':
      return '一般';
    default:
      return s;
  }
}

export const DETERMINATION_KINDS = [
  'political',
  'inaction',
  'party_governance',
  'team_review',
  'poverty',
  'environment',
  'stability',
  'other',
] as const;
export type DeterminationKind = (typeof DETERMINATION_KINDS)[number];

export const GOVERNMENT_SANCTIONS = ['警告', '记过', '记大过', '降级', '撤职'] as const;
export const PARTY_SANCTIONS = ['党内警告', '党内严重警告', '撤销党内职务', '留党察看'] as const;
export const SANCTION_KINDS = [...GOVERNMENT_SANCTIONS, ...PARTY_SANCTIONS] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];

export const ACCOUNTABILITY_KINDS = ['诫勉', '通报', '责令检查', '组织调整', '组织处理'] as const;
export type AccountabilityKind = (typeof ACCOUNTABILITY_KINDS)[number];

export const ADJUSTMENT_METHODS = ['调离岗位', '改任非领导职务', '免职', '引咎辞职', '责令辞职', '降职'] as const;
export type AdjustmentMethod = (typeof ADJUSTMENT_METHODS)[number];

export const TOLERANCE_FLAGS = [
  'soughtPrivateGain',
  'collusion',
  'prohibited',
  'knowingly',
  'collectiveDecision',
  'emergencyReported',
  'remedied',
  'seriousConsequence',
  'criminal',
  'politicalIssue',
  'integrityIssue',
  'ignoredReminder',
  'repeatedSameError',
  'majorReform',
  'riskAssessmentFiled',
  'specialMeasure',
  'specialMeasureApproved',
] as const;
export type ToleranceFlag = (typeof TOLERANCE_FLAGS)[number];

/** What each tolerance finding flag means (DESIGN §4), as people read it in reasons and forms. */
export const TOLERANCE_FLAG_LABELS: Record<ToleranceFlag, string> = {
  soughtPrivateGain: '为个人、他人或单位谋取不正当利益',
  collusion: '恶意串通',
  prohibited: '违反明令禁止或强制性规定',
  knowingly: '明知故犯/主观故意',
  collectiveDecision: '经集体研究/民主决策',
  emergencyReported: '紧急情况临机处置且事后及时报告',
  remedied: '主动挽回损失、消除影响',
  seriousConsequence: '重大损失/严重后果',
  criminal: '应承担刑事责任',
  politicalIssue: '政治立场问题',
  integrityIssue: '廉洁问题',
  ignoredReminder: '经提醒仍不纠偏',
  repeatedSameError: '同类问题连续失误',
  majorReform: '重大改革创新项目',
  riskAssessmentFiled: '事先风险评估并备案',
  specialMeasure: '特事特办措施',
  specialMeasureApproved: '经同级政府同意并事先报告',
};

export const DETERMINATION_KIND_LABELS: Record<(typeof DETERMINATION_KINDS)[number], string> = {
  political: '政治表现',
  inaction: '不担当不作为',
  party_governance: '管党治党',
  team_review: '领导班子考核评价',
  poverty: '脱贫攻坚',
  environment: '生态环境保护',
  stability: '维护稳定',
  other: '其他',
};

export const AREA_LABELS: Record<(typeof MEANINGFUL_AREAS)[number], string> = {
  production_safety: '安全生产',
  food_drug: '食品药品安全',
  stability: '维护稳定',
  environment: '生态环境保护',
  poverty: '脱贫攻坚',
  party_building: '党的建设',
  ideology: '意识形态',
};
