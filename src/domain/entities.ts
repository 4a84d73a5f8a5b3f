// The record: what the store keeps and the import/export templates carry. Every mutable row has a `version`
// (optimistic concurrency: a stale update fails with a conflict and changes nothing). Dates are 'YYYY-MM-DD'.
import type {
  AccountabilityKind,
  AdjustmentMethod,
  AssessmentScheme,
  CadreCategory,
  DeterminationKind,
  HonorAward,
  HonorConferrer,
  IncidentCategory,
  IndividualGrade,
  Level,
  PackId,
  PostRole,
  RegularGrade,
  SanctionKind,
  Severity,
  ToleranceFlag,
  UnitKind,
} from './vocabulary.js';
import type { AccountabilityOutcome } from './accountability-matters.js';

export interface Versioned {
  id: string;
  version: number;
}

/** 组织单位: a tree; `pack` binds the unit to a rulebook, inherited down the tree when null. */
export interface Unit extends Versioned {
  name: string;
  kind: UnitKind;
  parentId: string | null;
  pack: PackId | null;
}

/** 干部: `managingUnitId` is the unit holding 干部管理权限 over the cadre (data scope follows it). */
export interface Cadre extends Versioned {
  name: string;
  gender: '男' | '女' | null;
  birthDate: string | null;
  /** 身份证号 (sensitive: encrypted at rest by the platform layer) */
  idNumber: string | null;
  category: CadreCategory;
  managingUnitId: string;
  // The 干部任免审批表's personal entries, as officials write them (optional: older records and imports lack them).
  /** 民族, e.g. 汉族 */
  ethnicity?: string;
  /** 籍贯, e.g. 江苏南通 */
  nativePlace?: string;
  /** 出生地 */
  birthPlace?: string;
  /** 学历学位, e.g. 大学 法学学士 / 研究生 管理学硕士 */
  education?: string;
  /** 入党时间, YYYY-MM-DD */
  partyJoinDate?: string;
  /** 参加工作时间, YYYY-MM-DD */
  workStartDate?: string;
  /** 专业技术职务, e.g. 高级经济师 */
  professionalTitle?: string;
}

/** The 任免审批表 fields of a cadre, in the order the form prints them. */
export const CADRE_APPOINTMENT_FIELDS = [
  'ethnicity',
  'nativePlace',
  'birthPlace',
  'education',
  'partyJoinDate',
  'workStartDate',
  'professionalTitle',
] as const;

/** 任职: a post held over time. */
export interface Post extends Versioned {
  cadreId: string;
  unitId: string;
  role: PostRole;
  /** 职务名称 as written, e.g. 县委书记、副县长、办公室主任 */
  title: string;
  partySecretary: boolean;
  /** 分管领域 */
  inCharge: string[];
  /**
   * 分管部门单位: the units this team member is in charge of. Absent until entered (the record then cannot say whom the
   * member must talk with); an empty list says the member is in charge of none.
   */
  chargedUnitIds?: string[];
  level: Level;
  startDate: string;
  endDate: string | null;
  /** 任免原因 */
  reason: string | null;
}

/** 单位考核: one unit, one scheme, one year. */
export interface UnitAssessment extends Versioned {
  unitId: string;
  year: number;
  scheme: AssessmentScheme;
  grade: string | null;
  score: number | null;
  rank: number | null;
}

/** 年度考核 of a cadre, with the democratic assessment vote counts (民主测评). */
export interface CadreAssessment extends Versioned {
  cadreId: string;
  year: number;
  grade: IndividualGrade | null;
  votesExcellent: number | null;
  votesCompetent: number | null;
  votesBasic: number | null;
  votesIncompetent: number | null;
}

/** 平时考核 (quarterly). */
export interface RegularAssessment extends Versioned {
  cadreId: string;
  /** e.g. 2019Q2 */
  period: string;
  grade: RegularGrade;
}

export type SubjectType = 'unit' | 'cadre';

/** 表彰奖励 */
export interface Honor extends Versioned {
  subjectType: SubjectType;
  subjectId: string;
  date: string;
  conferredBy: HonorConferrer;
  title: string;
  /** which title of which article (HONOR_AWARDS), when a rule relies on it; null/absent = none of them */
  award?: HonorAward | null;
}

/** 事故/事件 in a unit's area of responsibility. */
export interface Incident extends Versioned {
  unitId: string;
  date: string;
  category: IncidentCategory;
  severity: Severity;
  description: string | null;
}

/** 组织认定: a finding by the competent organ under a pack's clause. */
export interface Determination extends Versioned {
  subjectType: SubjectType;
  subjectId: string;
  date: string;
  kind: DeterminationKind;
  /** the pack's clause, e.g. shaanxi/adjustment/8.3 or 第八条（三） */
  clause: string;
  note: string | null;
}

/** 处分: 政务处分 or 党纪处分. */
export interface Sanction extends Versioned {
  cadreId: string;
  date: string;
  kind: SanctionKind;
  reason: string | null;
}

/** 问责 measures. */
export interface AccountabilityMeasure extends Versioned {
  cadreId: string;
  date: string;
  kind: AccountabilityKind;
  reason: string | null;
}

/** 组织调整 decided for a cadre; `ruleId` names the rule that prompted it, if any. */
export interface Adjustment extends Versioned {
  cadreId: string;
  date: string;
  method: AdjustmentMethod;
  ruleId: string | null;
  reason: string | null;
}

/**
 * 容错申请: a unit's or cadre's request for tolerance (容错纠错), with what the investigation found. `situation` is
 * the locator of the clause the request relies on in the governing pack's tolerance text (DESIGN §4);
 * `findings` holds the flags established true or false (absent = not established).
 */
export interface ToleranceRequest extends Versioned {
  subjectType: SubjectType;
  subjectId: string;
  date: string;
  situation: string;
  findings: Partial<Record<ToleranceFlag, boolean>>;
  /** 情况说明 */
  statement: string | null;
  /**
   * The account that filed the request through the platform (a user id), recorded by the server and never taken
   * from what a client sends; absent when the request came from elsewhere (the CLI import, older rows). The
   * platform shows a request to the accountability department or unit liaison that filed it (DESIGN §1).
   */
  filedBy?: string;
}

/**
 * 问责事项: an accountability matter (问责 / 责任调查) about a cadre or a unit (exactly one of the two subjects), run by
 * the accountable organ; a tolerance case sits inside one (PROCEDURES §7.1). `outcome` is the 问责方式 decided
 * (accountability-matters.ts), `decision` the decision as written.
 */
export interface AccountabilityMatter extends Versioned {
  subjectCadreId: string | null;
  subjectUnitId: string | null;
  /** the incident or failing the matter is about */
  description: string;
  /** the accountable organ (问责机关) that opened the matter */
  accountableUnitId: string;
  openedOn: string;
  decidedOn: string | null;
  outcome: AccountabilityOutcome | null;
  /** 问责决定, as written */
  decision: string | null;
}

export interface RecordKinds {
  units: Unit;
  cadres: Cadre;
  posts: Post;
  unitAssessments: UnitAssessment;
  cadreAssessments: CadreAssessment;
  regularAssessments: RegularAssessment;
  honors: Honor;
  incidents: Incident;
  determinations: Determination;
  sanctions: Sanction;
  accountability: AccountabilityMeasure;
  adjustments: Adjustment;
  toleranceRequests: ToleranceRequest;
  accountabilityMatters: AccountabilityMatter;
}
export type RecordKind = keyof RecordKinds;
export const RECORD_KINDS: readonly RecordKind[] = [
  'units',
  'cadres',
  'posts',
  'unitAssessments',
  'cadreAssessments',
  'regularAssessments',
  'honors',
  'incidents',
  'determinations',
  'sanctions',
  'accountability',
  'adjustments',
  'toleranceRequests',
  'accountabilityMatters',
];
export const RECORD_KIND_LABELS: Record<RecordKind, string> = {
  units: '单位',
  cadres: '干部',
  posts: '任职',
  unitAssessments: '单位考核',
  cadreAssessments: '干部年度考核',
  regularAssessments: '平时考核',
  honors: '表彰奖励',
  incidents: '事故事件',
  determinations: '组织认定',
  sanctions: '处分',
  accountability: '问责',
  adjustments: '组织调整',
  toleranceRequests: '容错申请',
  accountabilityMatters: '问责事项',
};

/** A row before the store assigns its version. */
export type NewRecord<K extends RecordKind> = Omit<RecordKinds[K], 'version'>;
