// How dates and roles are shown to people (DESIGN §8: dates as 2019年3月1日).
import dayjs from 'dayjs';
import type { Role } from './api';

export function fmtDate(d: string | null | undefined): string {
  if (!d) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
  if (m) return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
  const p = dayjs(d);
  return p.isValid() ? p.format('YYYY年M月D日') : d;
}

export function fmtDateTime(d: string | null | undefined): string {
  if (!d) return '—';
  const p = dayjs(d);
  return p.isValid() ? p.format('YYYY年M月D日 HH:mm:ss') : d;
}

export const ROLE_LABELS: Record<Role, string> = {
  org_officer: '组织部门干部',
  discipline_officer: '纪检监察干部',
  accountability_officer: '问责/职能部门',
  committee_member: '党委（党组）成员',
  unit_liaison: '单位联络员',
  cadre: '干部本人',
  sys_admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '审计管理员',
  unassigned: '未分配角色',
};

export const ADMIN_ROLES: readonly Role[] = ['sys_admin', 'security_admin', 'audit_admin'];

export function roleLabel(r: string | null | undefined): string {
  return r ? (ROLE_LABELS[r as Role] ?? r) : '—';
}
