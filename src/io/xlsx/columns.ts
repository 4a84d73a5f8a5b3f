// Per record kind: the spreadsheet columns (Chinese header, record field, type, vocabulary, whether required,
// what it refers to), how a cell becomes a field value and back, and what makes two rows "the same record".
// The template, the import and the export all read this one table, so they cannot drift apart.
import { isDate } from '../../domain/dates.js';
import {
  RANK_RANGE,
  SCORE_RANGE,
  VOTES_RANGE,
  YEAR_RANGE,
  dateProblem,
  idNumberProblem,
  idProblem,
  numberProblem,
  quarterProblem,
  textProblem,
  type ValueProblem,
} from '../../domain/values.js';
import { RECORD_KINDS, RECORD_KIND_LABELS, type NewRecord, type RecordKind } from '../../domain/entities.js';
import {
  FOOD_DRUG_SEVERITIES,
  SCHEME_GRADES,
  SCHEME_LABELS,
  SEVERITIES,
  TOLERANCE_FLAGS,
  type AssessmentScheme,
} from '../../domain/vocabulary.js';
import { matterProblems } from '../../domain/accountability-matters.js';
import { HONOR_AWARDS, HONOR_AWARD_SPECS } from '../../domain/vocabulary.js';
import { checkDeterminationClause } from '../../packs/determination-clauses.js';
import { isErrorValue, type Cell } from './cells.js';
import { TOLERANCE_FLAG_COLUMNS, V, allowedText, codeOf, labelOf, type Vocab } from './vocab.js';

export type FieldType =
  | { t: 'id' }
  | { t: 'text' }
  | { t: 'date' }
  | { t: 'int'; min: number; max?: number }
  | { t: 'number'; min?: number; max?: number }
  /** 是/否; a blank cell is 否, or with `blankUnset` it stays unset (a finding not established) */
  | { t: 'bool'; blankUnset?: true }
  | { t: 'enum'; vocab: Vocab }
  | { t: 'areas' }
  /** ids separated by 、 (a post's 分管单位); 无 for none, a blank cell leaves it unset */
  | { t: 'ids' }
  | { t: 'quarter' }
  | { t: 'idNumber' };

/** A reference that must resolve to a unit or cadre in the database or earlier in the file. */
export type RefTarget = 'units' | 'cadres' | 'subject';

export interface ColumnSpec {
  header: string;
  /** the record field; `object.key` for a key of an object field (a tolerance request's findings flags) */
  field: string;
  type: FieldType;
  required: boolean;
  ref?: RefTarget;
  /** what the notes sheet says beyond type and allowed values */
  note?: string;
  width?: number;
}

export interface FieldProblem {
  field: string;
  reason: string;
}

export interface KindSpec {
  kind: RecordKind;
  /** the data sheet's name in templates and exports */
  sheetName: string;
  columns: ColumnSpec[];
  /** units and cadres are referred to by id, so their id is required; other kinds get a generated id when blank */
  idRequired: boolean;
  /** the fields that make "the same record" beyond the id (duplicates within the file and against the database) */
  keyFields?: readonly string[];
  keyText?: string;
  /** the leading key fields the store indexes: stored rows are looked up by them (see import's duplicate check) */
  lookupFields?: readonly string[];
  /** checks across the fields of one row */
  check?: (r: Record<string, unknown>) => FieldProblem[];
}

const TEXT_MAX = 2000;
// the ranges of src/domain/values.ts, which the API applies too
const YEAR = { t: 'int', ...YEAR_RANGE } as const;
const VOTES = { t: 'int', ...VOTES_RANGE } as const;

const id = (header: string, required: boolean, note?: string): ColumnSpec => ({
  header,
  field: 'id',
  type: { t: 'id' },
  required,
  note:
    note ?? (required ? '本表内唯一，其他表以此编号引用' : '可留空（系统自动生成）；填写时须唯一，导出文件中已填好'),
  width: 16,
});
/** 评选项目: the honours rules rely on (HONOR_AWARDS), named with their article. */
const HONOR_AWARD_VOCAB: Vocab = {
  name: '评选项目',
  codes: HONOR_AWARDS,
  labels: Object.fromEntries(HONOR_AWARDS.map((a) => [a, HONOR_AWARD_SPECS[a].label])),
};
const enumCol = (header: string, field: string, vocab: Vocab, required: boolean, note?: string): ColumnSpec => ({
  header,
  field,
  type: { t: 'enum', vocab },
  required,
  ...(note ? { note } : {}),
  width: Math.max(12, Math.min(28, Math.max(...vocab.codes.map((c) => labelOf(vocab, c).length)) * 2 + 2)),
});
const unitRef = (header: string, field: string, required: boolean, note?: string): ColumnSpec => ({
  header,
  field,
  type: { t: 'id' },
  required,
  ref: 'units',
  note: note ?? '须为数据库中已有的单位，或本文件中位于此行之前的单位',
  width: 16,
});
const cadreRef = (header = '干部编号'): ColumnSpec => ({
  header,
  field: 'cadreId',
  type: { t: 'id' },
  required: true,
  ref: 'cadres',
  note: '须为数据库中已有的干部，或本文件中位于此行之前的干部',
  width: 16,
});
const date = (header: string, field: string, required: boolean, note?: string): ColumnSpec => ({
  header,
  field,
  type: { t: 'date' },
  required,
  ...(note ? { note } : {}),
  width: 14,
});
const text = (header: string, field: string, required: boolean, width = 24, note?: string): ColumnSpec => ({
  header,
  field,
  type: { t: 'text' },
  required,
  ...(note ? { note } : {}),
  width,
});
const subjectCols: ColumnSpec[] = [
  enumCol('对象类型', 'subjectType', V.subjectType, true),
  {
    header: '对象编号',
    field: 'subjectId',
    type: { t: 'id' },
    required: true,
    ref: 'subject',
    note: '对象类型为单位时填单位编号，为干部时填干部编号；须已存在（数据库中或本文件此行之前）',
    width: 16,
  },
];

/** The duplicate key of a record (a JSON array of its key fields); undefined for kinds without one. */
export function recordKey(spec: KindSpec, r: Record<string, unknown>): string | undefined {
  return spec.keyFields ? JSON.stringify(spec.keyFields.map((f) => r[f] ?? null)) : undefined;
}

function schemeGradeCheck(r: Record<string, unknown>): FieldProblem[] {
  const scheme = r.scheme as AssessmentScheme;
  const grade = r.grade as string | null;
  if (grade === null || !(scheme in SCHEME_GRADES)) return [];
  const allowed = SCHEME_GRADES[scheme];
  if (allowed.includes(grade)) return [];
  return [
    {
      field: 'grade',
      reason:
        allowed.length === 0
          ? `「${SCHEME_LABELS[scheme]}」不评等次，此列应留空 (no grade for scheme ${scheme})`
          : `「${SCHEME_LABELS[scheme]}」的等次只能是 ${allowed.join('、')} (grade not allowed for scheme ${scheme})`,
    },
  ];
}

function severityCheck(r: Record<string, unknown>): FieldProblem[] {
  const sev = r.severity as string;
  const foodDrug = r.category === 'food_drug';
  const allowed: readonly string[] = foodDrug ? FOOD_DRUG_SEVERITIES : SEVERITIES;
  if (allowed.includes(sev)) return [];
  return [
    {
      field: 'severity',
      reason: foodDrug
        ? `食品药品安全事故的等级只能是 ${FOOD_DRUG_SEVERITIES.join('、')} (food/drug severity)`
        : `该类事件的等级只能是 ${SEVERITIES.join('、')} (severity)`,
    },
  ];
}

export const KIND_SPECS: Record<RecordKind, KindSpec> = {
  units: {
    kind: 'units',
    sheetName: RECORD_KIND_LABELS.units,
    idRequired: true,
    columns: [
      id('单位编号', true),
      text('单位名称', 'name', true, 30),
      enumCol('单位类别', 'kind', V.unitKind, true),
      unitRef(
        '上级单位编号',
        'parentId',
        false,
        '顶层单位留空；否则须为数据库中已有的单位，或本文件中位于此行之前的单位',
      ),
      enumCol('规则包', 'pack', V.pack, false, '留空表示沿用上级单位的规则包'),
    ],
  },
  cadres: {
    kind: 'cadres',
    sheetName: RECORD_KIND_LABELS.cadres,
    idRequired: true,
    columns: [
      id('干部编号', true),
      text('姓名', 'name', true, 12),
      enumCol('性别', 'gender', V.gender, false),
      date('出生日期', 'birthDate', false),
      {
        header: '身份证号',
        field: 'idNumber',
        type: { t: 'idNumber' },
        required: false,
        note: '18位（末位可为X），请以文本格式填写；15位旧号码已停止使用，请填写18位号码；同一身份证号只能出现一次',
        width: 22,
      },
      enumCol('人员类别', 'category', V.cadreCategory, true),
      unitRef(
        '管理单位编号',
        'managingUnitId',
        true,
        '具有干部管理权限的单位；须为已有单位或本文件中位于此行之前的单位',
      ),
      // 干部任免审批表 entries, optional
      text('民族', 'ethnicity', false, 10),
      text('籍贯', 'nativePlace', false, 14),
      text('出生地', 'birthPlace', false, 14),
      text('学历学位', 'education', false, 20),
      date('入党时间', 'partyJoinDate', false),
      date('参加工作时间', 'workStartDate', false),
      text('专业技术职务', 'professionalTitle', false, 16),
    ],
  },
  posts: {
    kind: 'posts',
    sheetName: RECORD_KIND_LABELS.posts,
    idRequired: false,
    keyFields: ['cadreId', 'unitId', 'title', 'startDate'],
    lookupFields: ['cadreId'],
    keyText: '同一干部、同一单位、同一职务名称、同一任职日期',
    columns: [
      id('任职编号', false),
      cadreRef(),
      unitRef('任职单位编号', 'unitId', true),
      enumCol('职务类别', 'role', V.postRole, true),
      text('职务名称', 'title', true, 20, '如 县委书记、副县长、办公室主任'),
      {
        header: '是否党委（党组）书记',
        field: 'partySecretary',
        type: { t: 'bool' },
        required: false,
        note: '填 是 或 否；留空视为否',
        width: 12,
      },
      {
        header: '分管领域',
        field: 'inCharge',
        type: { t: 'areas' },
        required: false,
        note: `多个领域用顿号“、”分隔；规则关注的领域：${allowedText(V.area)}；其他领域照实填写`,
        width: 24,
      },
      enumCol('职级', 'level', V.level, true),
      date('任职日期', 'startDate', true),
      date('免职日期', 'endDate', false, '仍在任留空；填写时不得早于任职日期'),
      text('任免原因', 'reason', false),
      {
        header: '分管单位编号',
        field: 'chargedUnitIds',
        type: { t: 'ids' },
        required: false,
        ref: 'units',
        note: '班子成员分管的部门单位，多个编号用顿号“、”分隔，须为已有单位或本文件中位于此行之前的单位；不分管单位填 无；留空为尚未录入',
        width: 20,
      },
    ],
    check: (r) =>
      r.endDate !== null && typeof r.endDate === 'string' && typeof r.startDate === 'string' && r.endDate < r.startDate
        ? [{ field: 'endDate', reason: '免职日期早于任职日期 (end date before start date)' }]
        : [],
  },
  unitAssessments: {
    kind: 'unitAssessments',
    sheetName: RECORD_KIND_LABELS.unitAssessments,
    idRequired: false,
    keyFields: ['unitId', 'year', 'scheme'],
    lookupFields: ['unitId'],
    keyText: '同一单位、同一年度、同一考核类别',
    columns: [
      id('考核编号', false),
      unitRef('单位编号', 'unitId', true),
      { header: '考核年度', field: 'year', type: YEAR, required: true, note: '四位年份，如 2019', width: 10 },
      enumCol('考核类别', 'scheme', V.scheme, true),
      enumCol(
        '考核等次',
        'grade',
        V.unitGrade,
        false,
        '按考核类别填写：' +
          Object.entries(SCHEME_GRADES)
            .map(([s, g]) => `${SCHEME_LABELS[s as AssessmentScheme]} ${g.length ? g.join('/') : '（不评等次，留空）'}`)
            .join('；'),
      ),
      { header: '得分', field: 'score', type: { t: 'number', ...SCORE_RANGE }, required: false, width: 10 },
      { header: '排名', field: 'rank', type: { t: 'int', ...RANK_RANGE }, required: false, note: '正整数', width: 8 },
    ],
    check: schemeGradeCheck,
  },
  cadreAssessments: {
    kind: 'cadreAssessments',
    sheetName: RECORD_KIND_LABELS.cadreAssessments,
    idRequired: false,
    keyFields: ['cadreId', 'year'],
    lookupFields: ['cadreId'],
    keyText: '同一干部、同一年度',
    columns: [
      id('考核编号', false),
      cadreRef(),
      { header: '考核年度', field: 'year', type: YEAR, required: true, note: '四位年份，如 2019', width: 10 },
      enumCol('考核等次', 'grade', V.individualGrade, false, '未确定等次的留空'),
      {
        header: '优秀票数',
        field: 'votesExcellent',
        type: VOTES,
        required: false,
        note: '民主测评票数，非负整数',
        width: 10,
      },
      {
        header: '称职票数',
        field: 'votesCompetent',
        type: VOTES,
        required: false,
        note: '民主测评票数，非负整数',
        width: 10,
      },
      {
        header: '基本称职票数',
        field: 'votesBasic',
        type: VOTES,
        required: false,
        note: '民主测评票数，非负整数',
        width: 12,
      },
      {
        header: '不称职票数',
        field: 'votesIncompetent',
        type: VOTES,
        required: false,
        note: '民主测评票数，非负整数',
        width: 10,
      },
    ],
  },
  regularAssessments: {
    kind: 'regularAssessments',
    sheetName: RECORD_KIND_LABELS.regularAssessments,
    idRequired: false,
    keyFields: ['cadreId', 'period'],
    lookupFields: ['cadreId'],
    keyText: '同一干部、同一季度',
    columns: [
      id('考核编号', false),
      cadreRef(),
      {
        header: '考核季度',
        field: 'period',
        type: { t: 'quarter' },
        required: true,
        note: '如 2019Q2（2019年第二季度）',
        width: 10,
      },
      enumCol('考核等次', 'grade', V.regularGrade, true),
    ],
  },
  honors: {
    kind: 'honors',
    sheetName: RECORD_KIND_LABELS.honors,
    idRequired: false,
    keyFields: ['subjectType', 'subjectId', 'date', 'title'],
    lookupFields: ['subjectType', 'subjectId'],
    keyText: '同一对象、同一日期、同一荣誉名称',
    columns: [
      id('表彰编号', false),
      ...subjectCols,
      date('表彰日期', 'date', true),
      enumCol('授予机关', 'conferredBy', V.conferrer, true),
      text('荣誉名称', 'title', true, 30),
      enumCol(
        '评选项目',
        'award',
        HONOR_AWARD_VOCAB,
        false,
        '规则所依据的评选项目（如江苏“推进高质量发展先进县”）才填；其他表彰留空。规则只认此列，不按荣誉名称中的字词判断',
      ),
    ],
  },
  incidents: {
    kind: 'incidents',
    sheetName: RECORD_KIND_LABELS.incidents,
    idRequired: false,
    keyFields: ['unitId', 'date', 'category', 'severity', 'description'],
    lookupFields: ['unitId'],
    keyText: '各列完全相同',
    columns: [
      id('事件编号', false),
      unitRef('单位编号', 'unitId', true, '事件发生地（责任区域）的单位；须为已有单位或本文件中位于此行之前的单位'),
      date('发生日期', 'date', true),
      enumCol('事件类别', 'category', V.incidentCategory, true),
      enumCol(
        '事件等级',
        'severity',
        V.severity,
        true,
        `食品药品安全事故填 ${FOOD_DRUG_SEVERITIES.join('/')}，其他事件填 ${SEVERITIES.join('/')}`,
      ),
      text('事件描述', 'description', false, 40),
    ],
    check: severityCheck,
  },
  determinations: {
    kind: 'determinations',
    sheetName: RECORD_KIND_LABELS.determinations,
    idRequired: false,
    keyFields: ['subjectType', 'subjectId', 'date', 'kind', 'clause', 'note'],
    lookupFields: ['subjectType', 'subjectId'],
    keyText: '各列完全相同',
    columns: [
      id('认定编号', false),
      ...subjectCols,
      date('认定日期', 'date', true),
      enumCol('认定类别', 'kind', V.determinationKind, true),
      text(
        '依据条款',
        'clause',
        true,
        24,
        '写明文件和条款，如 《陕西省推进省管党政领导干部能上能下办法(试行)》第八条（三）',
      ),
      text('备注', 'note', false, 30),
    ],
    check: (r) => checkDeterminationClause(r.clause, r.kind),
  },
  sanctions: {
    kind: 'sanctions',
    sheetName: RECORD_KIND_LABELS.sanctions,
    idRequired: false,
    keyFields: ['cadreId', 'date', 'kind', 'reason'],
    lookupFields: ['cadreId'],
    keyText: '各列完全相同',
    columns: [
      id('处分编号', false),
      cadreRef(),
      date('处分日期', 'date', true),
      enumCol(
        '处分种类',
        'kind',
        V.sanctionKind,
        true,
        '政务处分：警告/记过/记大过/降级/撤职；党纪处分：党内警告/党内严重警告/撤销党内职务/留党察看',
      ),
      text('处分原因', 'reason', false, 30),
    ],
  },
  accountability: {
    kind: 'accountability',
    sheetName: RECORD_KIND_LABELS.accountability,
    idRequired: false,
    keyFields: ['cadreId', 'date', 'kind', 'reason'],
    lookupFields: ['cadreId'],
    keyText: '各列完全相同',
    columns: [
      id('问责编号', false),
      cadreRef(),
      date('问责日期', 'date', true),
      enumCol('问责方式', 'kind', V.accountabilityKind, true),
      text('问责原因', 'reason', false, 30),
    ],
  },
  adjustments: {
    kind: 'adjustments',
    sheetName: RECORD_KIND_LABELS.adjustments,
    idRequired: false,
    keyFields: ['cadreId', 'date', 'method', 'ruleId', 'reason'],
    lookupFields: ['cadreId'],
    keyText: '各列完全相同',
    columns: [
      id('调整编号', false),
      cadreRef(),
      date('调整日期', 'date', true),
      enumCol('调整方式', 'method', V.adjustmentMethod, true),
      text('触发规则', 'ruleId', false, 24, '提示此次调整的规则编号，如 shaanxi/adjustment/8.1；没有则留空'),
      text('调整原因', 'reason', false, 30),
    ],
  },
  toleranceRequests: {
    kind: 'toleranceRequests',
    sheetName: RECORD_KIND_LABELS.toleranceRequests,
    idRequired: false,
    keyFields: ['subjectType', 'subjectId', 'date', 'situation'],
    lookupFields: ['subjectType', 'subjectId'],
    keyText: '同一对象、同一申请日期、同一适用情形条款',
    columns: [
      id('申请编号', false),
      ...subjectCols,
      date('申请日期', 'date', true),
      text(
        '适用情形条款',
        'situation',
        true,
        16,
        '申请所依据的容错情形在规则包中的条款：江苏 如 1.3；陕西 第六条某项，如 6.4；如东县人民检察院 三、（二）某项，如 3.2.4；安徽 实施意见条目 11；焦作 situation.N，如 situation.2',
      ),
      // one column per findings flag: 是/否 as the investigation established it, blank when not established
      ...TOLERANCE_FLAGS.map((flag): ColumnSpec => ({
        header: TOLERANCE_FLAG_COLUMNS[flag].header,
        field: `findings.${flag}`,
        type: { t: 'bool', blankUnset: true },
        required: false,
        note: `调查核实认定：${TOLERANCE_FLAG_COLUMNS[flag].gloss}。是＝认定成立，否＝认定不成立，留空＝未认定`,
        width: 10,
      })),
      text('情况说明', 'statement', false, 40),
    ],
  },
  accountabilityMatters: {
    kind: 'accountabilityMatters',
    sheetName: RECORD_KIND_LABELS.accountabilityMatters,
    idRequired: false,
    keyFields: ['subjectCadreId', 'subjectUnitId', 'openedOn', 'description'],
    lookupFields: ['subjectCadreId', 'subjectUnitId'],
    keyText: '同一被问责对象、同一启动日期、同一问责事项',
    columns: [
      id('事项编号', false),
      {
        ...cadreRef('被问责干部编号'),
        field: 'subjectCadreId',
        required: false,
        note: '被问责的是干部时填写，与被问责单位编号只填其一；须为已有干部或本文件中位于此行之前的干部',
      },
      unitRef(
        '被问责单位编号',
        'subjectUnitId',
        false,
        '被问责的是单位（党组织）时填写，与被问责干部编号只填其一；须为已有单位或本文件中位于此行之前的单位',
      ),
      text('问责事项', 'description', true, 40, '问责或责任调查所针对的事件、失职失责情形'),
      unitRef(
        '问责机关编号',
        'accountableUnitId',
        true,
        '启动问责的机关（单位）；须为已有单位或本文件中位于此行之前的单位',
      ),
      date('启动日期', 'openedOn', true),
      date('决定日期', 'decidedOn', false, '尚未作出问责决定的留空；填写时不得早于启动日期'),
      enumCol(
        '问责方式',
        'outcome',
        V.accountabilityOutcome,
        false,
        '依《中国共产党问责条例》第八条：对单位（党组织）检查/通报/改组；对干部通报/诫勉/组织调整/组织处理/纪律处分；或 不予问责/免予问责。尚未决定的留空',
      ),
      text('问责决定', 'decision', false, 40, '问责决定的内容'),
    ],
    check: matterProblems,
  },
};

/**
 * A parsed row with its `object.key` fields gathered into their objects (unset keys left out), as the record
 * stores it: { 'findings.remedied': true, 'findings.knowingly': null } → { findings: { remedied: true } }.
 */
export function nestFields(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(flat)) {
    const dot = field.indexOf('.');
    if (dot < 0) {
      out[field] = value;
      continue;
    }
    const obj = field.slice(0, dot);
    const inner = (out[obj] ??= {}) as Record<string, unknown>;
    if (value !== null && value !== undefined) inner[field.slice(dot + 1)] = value;
  }
  return out;
}

/** A record's value for a column's field, reaching into an object for `object.key` fields. */
export function fieldValue(r: Record<string, unknown>, field: string): unknown {
  const dot = field.indexOf('.');
  if (dot < 0) return r[field];
  const obj = r[field.slice(0, dot)];
  return obj && typeof obj === 'object' ? (obj as Record<string, unknown>)[field.slice(dot + 1)] : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Kind names

/** A kind by its key (units, cadres, …) or its Chinese label (单位, 干部, …); undefined when neither. */
export function kindByName(name: string): RecordKind | undefined {
  const n = name.trim();
  for (const k of RECORD_KINDS)
    if (k === n || RECORD_KIND_LABELS[k] === n || k.toLowerCase() === n.toLowerCase()) return k;
  return undefined;
}

export function kindNamesText(): string {
  return RECORD_KINDS.map((k) => `${k}（${RECORD_KIND_LABELS[k]}）`).join('、');
}

/** A header as people may write it: spaces dropped, a trailing * or （必填） marker ignored. */
export function normalHeader(h: string): string {
  return h
    .replace(/\s+/g, '')
    .replace(/[（(]必填[）)]$/, '')
    .replace(/[*＊]$/, '')
    .replace(/^[*＊]/, '');
}

// ---------------------------------------------------------------------------------------------------------------
// Cells → field values

export type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };

const ok = (value: unknown): Parsed => ({ ok: true, value });
const bad = (reason: string): Parsed => ({ ok: false, reason });
/** The value if the domain's rule finds nothing wrong with it (src/domain/values.ts). */
const checked = (value: unknown, p: ValueProblem | undefined): Parsed => (p ? bad(`${p.zh} (${p.en})`) : ok(value));

/** The field value for a cell (blank cells are handled by parseCell's caller rules). */
function parseNonBlank(type: FieldType, c: Exclude<Cell, null>): Parsed {
  if (isErrorValue(c)) return bad(`单元格为错误值 ${c.error} (cell error)`);
  switch (type.t) {
    case 'id': {
      if (typeof c === 'number') {
        return Number.isSafeInteger(c) && c >= 0 ? ok(String(c)) : bad('编号应为文字或正整数 (invalid id)');
      }
      if (typeof c !== 'string') return bad('编号应为文字 (invalid id)');
      if (c.length > 64) return bad('编号过长，最多64个字符 (id too long)');
      return checked(c, idProblem(c));
    }
    case 'text': {
      const s = typeof c === 'number' ? String(c) : typeof c === 'string' ? c : undefined;
      if (s === undefined) return bad('应为文字 (text expected)');
      if (s.length > TEXT_MAX) return bad(`文字过长，最多${TEXT_MAX}个字符 (text too long)`);
      return checked(s, textProblem(s));
    }
    case 'date': {
      if (c instanceof Date) {
        if (Number.isNaN(c.getTime())) return bad('不是有效日期 (invalid date)');
        if (c.getTime() % 86_400_000 !== 0) return bad('日期不应包含时间 (date with a time of day)');
        const day = c.toISOString().slice(0, 10);
        return checked(day, dateProblem(day));
      }
      if (typeof c === 'string') {
        if (isDate(c)) return checked(c, dateProblem(c));
        return /^\d{4}-\d{2}-\d{2}$/.test(c)
          ? bad('不是真实存在的日期 (no such calendar day)')
          : bad('日期格式应为 YYYY-MM-DD，如 2019-03-01 (date format YYYY-MM-DD)');
      }
      return bad('日期格式应为 YYYY-MM-DD，如 2019-03-01 (date format YYYY-MM-DD)');
    }
    case 'int': {
      let n: number;
      if (typeof c === 'number') n = c;
      else if (typeof c === 'string' && /^[+-]?\d+$/.test(c)) n = Number(c);
      else return bad('应为整数 (integer expected)');
      if (!Number.isSafeInteger(n)) return bad('应为整数 (integer expected)');
      if (n < type.min)
        return bad(
          type.min === 0 ? '不能为负数 (must not be negative)' : `不能小于 ${type.min} (must be ≥ ${type.min})`,
        );
      if (type.max !== undefined && n > type.max) return bad(`不能大于 ${type.max} (must be ≤ ${type.max})`);
      return ok(n);
    }
    case 'number': {
      const n =
        typeof c === 'number' ? c : typeof c === 'string' && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(c) ? Number(c) : NaN;
      if (!Number.isFinite(n)) return bad('应为数字 (number expected)');
      return type.min !== undefined && type.max !== undefined
        ? checked(n, numberProblem(n, { min: type.min, max: type.max }, false))
        : ok(n);
    }
    case 'bool': {
      if (typeof c === 'boolean') return ok(c);
      if (c === '是') return ok(true);
      if (c === '否') return ok(false);
      return bad('应填 是 或 否 (yes/no expected)');
    }
    case 'enum': {
      const word = typeof c === 'string' ? c : typeof c === 'number' ? String(c) : undefined;
      const code = word === undefined ? undefined : codeOf(type.vocab, word);
      if (code === undefined)
        return bad(`不是可选的${type.vocab.name}，可填：${allowedText(type.vocab)} (not in vocabulary)`);
      return ok(code);
    }
    case 'areas': {
      if (typeof c !== 'string') return bad('应为文字，多个领域用顿号分隔 (areas text expected)');
      const words = c
        .split(/[、，,；;]+/)
        .map((w) => w.trim())
        .filter((w) => w !== '');
      return ok(words.map((w) => codeOf(V.area, w) ?? w));
    }
    case 'ids': {
      const s = typeof c === 'number' ? String(c) : typeof c === 'string' ? c.trim() : undefined;
      if (s === undefined) return bad('应为编号，多个用顿号分隔 (ids expected)');
      if (s === '无') return ok([]);
      const ids = [...new Set(s.split(/[、，,；;\s]+/).filter((w) => w !== ''))];
      for (const id of ids) {
        const p = idProblem(id);
        if (p) return bad(`编号 ${id}：${p.zh} (${p.en})`);
      }
      return ok(ids);
    }
    case 'quarter': {
      const s = typeof c === 'string' ? c.toUpperCase() : undefined;
      return s !== undefined ? checked(s, quarterProblem(s)) : bad('季度格式应为 2019Q2 (quarter like 2019Q2)');
    }
    case 'idNumber': {
      if (typeof c === 'number')
        return bad('身份证号须以文本格式填写，数字格式会丢失末几位 (enter the ID number as text)');
      if (typeof c !== 'string') return bad('身份证号格式不正确 (invalid ID number)');
      const s = c.toUpperCase();
      return checked(s, idNumberProblem(s));
    }
  }
}

/** A cell as the field value, applying the column's blank rule (required → error; bool → false; areas → []). */
export function parseCell(col: ColumnSpec, c: Cell): Parsed {
  if (c === null) {
    if (col.required) return bad('必填项为空 (required)');
    if (col.type.t === 'bool') return ok(col.type.blankUnset ? null : false);
    if (col.type.t === 'areas') return ok([]);
    return ok(null);
  }
  return parseNonBlank(col.type, c);
}

// ---------------------------------------------------------------------------------------------------------------
// Field values → cells (export)

export type OutCell = string | number | null;

export function formatField(col: ColumnSpec, v: unknown): OutCell {
  if (v === null || v === undefined) return null;
  switch (col.type.t) {
    case 'int':
    case 'number':
      return typeof v === 'number' ? v : Number(v);
    case 'bool':
      return v ? '是' : '否';
    case 'enum':
      return labelOf(col.type.vocab, String(v));
    case 'areas': {
      const list = Array.isArray(v) ? (v as string[]) : [];
      return list.length === 0 ? null : list.map((a) => labelOf(V.area, a)).join('、');
    }
    case 'ids': {
      const list = Array.isArray(v) ? (v as string[]) : [];
      return list.length === 0 ? '无' : list.join('、');
    }
    default:
      return String(v);
  }
}

/** The cells of one record, in column order. */
export function recordToCells(spec: KindSpec, r: NewRecord<RecordKind> | Record<string, unknown>): OutCell[] {
  const rec = r as Record<string, unknown>;
  return spec.columns.map((col) => formatField(col, fieldValue(rec, col.field)));
}

// ---------------------------------------------------------------------------------------------------------------
// Notes sheet text

export function formatText(col: ColumnSpec): string {
  switch (col.type.t) {
    case 'id':
      return col.ref ? '编号（文字）' : '编号（文字，不含空格）';
    case 'text':
      return `文字（最多${TEXT_MAX}字）`;
    case 'date':
      return '日期：YYYY-MM-DD（如 2019-03-01），或 Excel 日期单元格';
    case 'int':
      return col.type.max !== undefined
        ? `整数 ${col.type.min}–${col.type.max}`
        : col.type.min === 0
          ? '非负整数'
          : `整数，不小于 ${col.type.min}`;
    case 'number':
      return '数字，可带小数';
    case 'bool':
      return col.type.blankUnset ? '是 / 否 / 留空（未认定）' : '是 / 否';
    case 'enum':
      return '从下拉列表中选择';
    case 'areas':
      return '文字，多个用顿号“、”分隔';
    case 'ids':
      return '编号（文字），多个用顿号“、”分隔';
    case 'quarter':
      return '季度：YYYYQn（如 2019Q2）';
    case 'idNumber':
      return '身份证号（文本格式）';
  }
}

export function allowedValuesText(col: ColumnSpec): string {
  if (col.type.t === 'enum') return allowedText(col.type.vocab);
  if (col.type.t === 'bool') return '是、否';
  return '';
}

// Sanity: every kind has exactly one id column named first, so exports and templates start with the id.
for (const k of RECORD_KINDS) {
  const cols = KIND_SPECS[k].columns;
  if (cols[0]?.field !== 'id' || new Set(cols.map((c) => c.header)).size !== cols.length)
    throw new Error(`column table for ${k} is malformed`);
}
