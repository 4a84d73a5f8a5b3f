// Roles (DESIGN §1) and what each may do. The route table names the roles allowed on each route; which record
// kinds a role may write is decided here; which rows it may reach is decided by scope.ts.
import type { RecordKind } from '../domain/entities.js';

export const RECORD_ROLES = [
  'org_officer',
  'discipline_officer',
  'accountability_officer',
  'committee_member',
  'unit_liaison',
  'cadre',
] as const;
/** 三员: their powers do not overlap and none of them reads the record. */
export const ADMIN_ROLES = ['sys_admin', 'security_admin', 'audit_admin'] as const;
export const ROLES = [...RECORD_ROLES, ...ADMIN_ROLES] as const;

export type RecordRole = (typeof RECORD_ROLES)[number];
export type AdminRole = (typeof ADMIN_ROLES)[number];
/** 'unassigned': an account the system administrator created and the security administrator has not yet given a role */
export type Role = RecordRole | AdminRole | 'unassigned';

export const ROLE_LABELS: Record<Role, string> = {
  org_officer: '组织部门干部',
  discipline_officer: '纪检监察干部',
  accountability_officer: '问责/职能部门',
  committee_member: '党委(党组)成员',
  unit_liaison: '单位联络员',
  cadre: '干部本人',
  sys_admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '审计管理员',
  unassigned: '未分配角色',
};

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s) || s === 'unassigned';
}

export function isRecordRole(role: string): role is RecordRole {
  return (RECORD_ROLES as readonly string[]).includes(role);
}

/** Record roles other than the cadre, who sees only their own record and keeps none. */
export const OFFICE_ROLES: readonly Role[] = RECORD_ROLES.filter((r) => r !== 'cadre');

/** Which kinds each role keeps (DESIGN §1): writes of other kinds are 403 whatever the scope. */
const WRITABLE: Record<RecordRole, readonly RecordKind[]> = {
  // 组织部门: units, cadres, posts, assessments, honors, adjustments (and the findings it makes)
  org_officer: [
    'units',
    'cadres',
    'posts',
    'unitAssessments',
    'cadreAssessments',
    'regularAssessments',
    'honors',
    'incidents',
    'determinations',
    'adjustments',
  ],
  // 纪检监察: accountability and sanctions, and the findings they make
  discipline_officer: [
    'sanctions',
    'accountability',
    'determinations',
    'incidents',
    'toleranceRequests',
    'accountabilityMatters',
  ],
  // 问责/职能部门 (审计、环保、安监、信访…): the incidents in their field and accountability measures
  // …and start tolerance review during accountability
  accountability_officer: ['incidents', 'accountability', 'toleranceRequests', 'accountabilityMatters'],
  // 党委成员 decide through the procedures (later issues), not by editing the record
  committee_member: [],
  // 单位联络员 enters its own unit's data
  // (and files its unit's tolerance applications)
  unit_liaison: ['cadres', 'posts', 'cadreAssessments', 'regularAssessments', 'honors', 'toleranceRequests'],
  cadre: [],
};

export function canWrite(role: Role, kind: RecordKind): boolean {
  return isRecordRole(role) && WRITABLE[role].includes(kind);
}

/**
 * Who may restructure the unit tree (move a unit under another parent): 组织部门 alone. It keeps the units (DESIGN §1),
 * and a unit's place in the tree decides which unit holds 干部管理权限 over its cadres, a matter for the organisation
 * department; the others record facts about units and cadres (纪检监察, 问责部门), decide through the procedures
 * (党委成员), enter their own unit's data (单位联络员) or read their own record (干部本人), and none of that moves a unit.
 */
export function canRestructureUnits(role: Role): boolean {
  return role === 'org_officer' && canWrite(role, 'units');
}

/** Roles that may write at least one kind (template, import). */
export const WRITER_ROLES: readonly Role[] = RECORD_ROLES.filter((r) => WRITABLE[r].length > 0);
