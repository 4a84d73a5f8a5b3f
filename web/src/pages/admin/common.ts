import { api, type Page, type User } from '../../api';

/** GET /admin/users may answer a list or a page. */
export async function loadUsers(): Promise<User[]> {
  const r = await api.get<User[] | Page<User> | { users: User[] }>('/admin/users');
  return Array.isArray(r) ? r : 'items' in r ? r.items : r.users;
}
