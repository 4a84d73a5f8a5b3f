// What the add/edit forms ask for, per record kind (the same fields as src/domain/entities.ts and the import
// template). The client checks what it can for quick feedback; the server's 400 reason is still shown as given.
import {
  ACCOUNTABILITY_KINDS,
  ADJUSTMENT_METHODS,
  CADRE_CATEGORIES,
  DETERMINATION_KINDS,
  HONOR_CONFERRER_LABELS,
  HONOR_CONFERRERS,
  INDIVIDUAL_GRADES,
  LEVELS,
  POST_ROLE_LABELS,
  POST_ROLES,
  REGULAR_GRADES,
  SANCTION_KINDS,
  type RecordKind,
} from '../../vocab';

export interface Option {
  value: string;
  label: string;
}

export type FieldType =
  | { t: 'text'; max?: number; pattern?: RegExp; patternMsg?: string }
  | { t: 'textarea' }
  | { t: 'date' }
  | { t: 'enum'; options: Option[] }
  | { t: 'int'; min?: number; max?: number }
  | { t: 'bool' }
  | { t: 'unit' }
  /** several units of the tree (a post's 分管单位); unset until entered, an empty list for none */
  | { t: 'units' }
  | { t: 'areas' };

export interface FieldSpec {
  field: string;
  label: string;
  type: FieldType;
  required?: boolean;
  /** shown only when creating (ids) */
  createOnly?: boolean;
  extra?: string;
}

const opts = (xs: readonly string[], labels?: Record<string, string>): Option[] =>
  xs.map((x) => ({ value: x, label: labels?.[x] ?? x }));

export const DETERMINATION_KIND_LABELS: Record<string, string> = {
  political: '政治表现',
  inaction: '不作为不担当',
  party_governance: '管党治党',
  team_review: '班子分析研判',
  poverty: '脱贫攻坚',
  environment: '生态环保',
  stability: '维稳信访',
  other: '其他',
};

export const AREA_LABELS: Record<string, string> = {
  production_safety: '安全生产',
  food_drug: '食品药品安全',
  stability: '维稳信访',
  environment: '生态环保',
  poverty: '脱贫攻坚',
  party_building: '党的建设',
  ideology: '意识形态',
};

const reason: FieldSpec = { field: 'reason', label: '事由', type: { t: 'textarea' } };

export const FORM_FIELDS: Partial<Record<RecordKind, FieldSpec[]>> = {
  cadres: [
    {
      field: 'id',
      label: '干部编号',
      type: { t: 'text', max: 64, pattern: /^[A-Za-z0-9_-]+$/, patternMsg: '编号只能包含字母、数字、下划线和连字符' },
      required: true,
      createOnly: true,
    },
    { field: 'name', label: '姓名', type: { t: 'text', max: 50 }, required: true },
    { field: 'gender', label: '性别', type: { t: 'enum', options: opts(['男', '女']) } },
    { field: 'birthDate', label: '出生日期', type: { t: 'date' } },
    {
      field: 'idNumber',
      label: '身份证号',
      type: { t: 'text', pattern: /^(\d{17}[\dXx]|\d{15})$/, patternMsg: '身份证号应为18位（末位可为X）或15位' },
    },
    { field: 'category', label: '人员类别', type: { t: 'enum', options: opts(CADRE_CATEGORIES) }, required: true },
    {
      field: 'managingUnitId',
      label: '管理单位',
      type: { t: 'unit' },
      required: true,
      extra: '具有干部管理权限的单位',
    },
    // 干部任免审批表 entries
    { field: 'ethnicity', label: '民族', type: { t: 'text', max: 20 }, extra: '如 汉族' },
    { field: 'nativePlace', label: '籍贯', type: { t: 'text', max: 50 }, extra: '如 江苏南通' },
    { field: 'birthPlace', label: '出生地', type: { t: 'text', max: 50 } },
    { field: 'education', label: '学历学位', type: { t: 'text', max: 100 }, extra: '如 大学 法学学士' },
    { field: 'partyJoinDate', label: '入党时间', type: { t: 'date' } },
    { field: 'workStartDate', label: '参加工作时间', type: { t: 'date' } },
    { field: 'professionalTitle', label: '专业技术职务', type: { t: 'text', max: 50 } },
  ],
  posts: [
    { field: 'unitId', label: '任职单位', type: { t: 'unit' }, required: true },
    {
      field: 'title',
      label: '职务名称',
      type: { t: 'text', max: 100 },
      required: true,
      extra: '如 县委书记、副县长、办公室主任',
    },
    {
      field: 'role',
      label: '职务类别',
      type: { t: 'enum', options: opts(POST_ROLES, POST_ROLE_LABELS) },
      required: true,
    },
    { field: 'level', label: '职级', type: { t: 'enum', options: opts(LEVELS) }, required: true },
    { field: 'partySecretary', label: '党委（党组）书记', type: { t: 'bool' } },
    { field: 'inCharge', label: '分管领域', type: { t: 'areas' } },
    {
      field: 'chargedUnitIds',
      label: '分管单位',
      type: { t: 'units' },
      extra: '班子成员分管的部门单位；不分管单位的选“不分管单位”',
    },
    { field: 'startDate', label: '任职日期', type: { t: 'date' }, required: true },
    { field: 'endDate', label: '免职日期', type: { t: 'date' }, extra: '仍在任留空' },
    { field: 'reason', label: '任免原因', type: { t: 'textarea' } },
  ],
  cadreAssessments: [
    { field: 'year', label: '考核年度', type: { t: 'int', min: 1900, max: 2100 }, required: true },
    { field: 'grade', label: '考核等次', type: { t: 'enum', options: opts(INDIVIDUAL_GRADES) } },
    { field: 'votesExcellent', label: '优秀票数', type: { t: 'int', min: 0 } },
    { field: 'votesCompetent', label: '称职票数', type: { t: 'int', min: 0 } },
    { field: 'votesBasic', label: '基本称职票数', type: { t: 'int', min: 0 } },
    { field: 'votesIncompetent', label: '不称职票数', type: { t: 'int', min: 0 } },
  ],
  regularAssessments: [
    {
      field: 'period',
      label: '考核季度',
      type: { t: 'text', pattern: /^\d{4}Q[1-4]$/, patternMsg: '格式如 2019Q2' },
      required: true,
    },
    { field: 'grade', label: '等次', type: { t: 'enum', options: opts(REGULAR_GRADES) }, required: true },
  ],
  honors: [
    { field: 'date', label: '表彰日期', type: { t: 'date' }, required: true },
    {
      field: 'conferredBy',
      label: '授予机关',
      type: { t: 'enum', options: opts(HONOR_CONFERRERS, HONOR_CONFERRER_LABELS) },
      required: true,
    },
    { field: 'title', label: '表彰名称', type: { t: 'text', max: 200 }, required: true },
  ],
  sanctions: [
    { field: 'date', label: '处分日期', type: { t: 'date' }, required: true },
    { field: 'kind', label: '处分种类', type: { t: 'enum', options: opts(SANCTION_KINDS) }, required: true },
    reason,
  ],
  accountability: [
    { field: 'date', label: '问责日期', type: { t: 'date' }, required: true },
    { field: 'kind', label: '问责方式', type: { t: 'enum', options: opts(ACCOUNTABILITY_KINDS) }, required: true },
    reason,
  ],
  adjustments: [
    { field: 'date', label: '调整日期', type: { t: 'date' }, required: true },
    { field: 'method', label: '调整方式', type: { t: 'enum', options: opts(ADJUSTMENT_METHODS) }, required: true },
    { field: 'ruleId', label: '依据规则', type: { t: 'text', max: 200 } },
    reason,
  ],
  determinations: [
    { field: 'date', label: '认定日期', type: { t: 'date' }, required: true },
    {
      field: 'kind',
      label: '认定类别',
      type: { t: 'enum', options: opts(DETERMINATION_KINDS, DETERMINATION_KIND_LABELS) },
      required: true,
    },
    { field: 'clause', label: '依据条款', type: { t: 'text', max: 200 }, required: true, extra: '如 第八条（三）' },
    { field: 'note', label: '备注', type: { t: 'textarea' } },
  ],
};

/** Kinds whose rows belong to a cadre through `cadreId`; honors and determinations use subjectType/subjectId. */
export const SUBJECT_KINDS: readonly RecordKind[] = ['honors', 'determinations'];

/** A random id that works outside secure contexts too (crypto.randomUUID needs https or localhost). */
export function newId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
