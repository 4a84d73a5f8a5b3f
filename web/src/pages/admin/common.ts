import { api, type Page, type User } from '../../api';

/** GET /admin/users may answer a list or a page. */
export async function loadUsers(): Promise<User[]> {
  const r = await api.get<User[] | Page<User> | { users: User[] }>('/admin/users');
  return Array.isArray(r) ? r : 'items' in r ? r.items : r.users;
}

/** The three administrator roles (三员): their accounts are managed only at the server console. */
const ADMIN_ROLES: ReadonlySet<string> = new Set(['sys_admin', 'security_admin', 'audit_admin']);
export function isAdminRole(role: string): boolean {
  return ADMIN_ROLES.has(role);
}
