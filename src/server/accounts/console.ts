// Account changes made at the server's console (`sanxiang account …`), the one place a temporary password is
// ever shown. Under 三员分立 no administrator manages another administrator's account over HTTP, and no
// administrator sees a password that opens someone else's account: whoever runs these commands already holds
// the server (its database and its key), so showing them a temporary password gives them nothing they did not
// have. Each change is audited under the console operator's name.
import { randomBytes } from 'node:crypto';
import { appendAudit } from '../audit/trail.js';
import { dbOf, type AnyDb } from '../context.js';
import type { RecordStore } from '../../store/types.js';
import { ADMIN_ROLES, type AdminRole } from '../roles.js';
import { generatePassword, hashPassword } from './password.js';
import { clearLoginFailures } from './login.js';
import { deleteUserSessions, findUserByName, insertUser, publicUser, updateUser, type User } from './users.js';

export class AccountError extends Error {}

export function isAdminRole(role: string): role is AdminRole {
  return (ADMIN_ROLES as readonly string[]).includes(role);
}

/** A password hash nobody can match: an account waiting for the console to issue its password. */
export async function unusablePasswordHash(): Promise<string> {
  return hashPassword(`unusable-${randomBytes(32).toString('base64')}-Aa1!`);
}

async function consoleAudit(db: AnyDb, operator: string, action: string, target: User, after: unknown) {
  await appendAudit(db, {
    userId: null,
    username: `console:${operator}`,
    role: 'console',
    unitId: null,
    action,
    targetKind: 'user',
    targetId: target.id,
    before: null,
    after,
    ip: null,
  });
}

export interface IssuedPassword {
  user: User;
  temporaryPassword: string;
}

/**
 * A new temporary password for an account (any role): the holder must change it at the next login. Every
 * session of the account ends and every lockout is lifted; with `resetTotp` the second factor is switched off
 * too (a lost phone), so the holder sets it up again.
 */
export async function resetAccount(
  store: RecordStore,
  username: string,
  opts: { operator: string; resetTotp?: boolean; now?: Date },
): Promise<IssuedPassword> {
  const temporaryPassword = generatePassword();
  const hash = await hashPassword(temporaryPassword);
  const user = await store.transaction(async (tx) => {
    const db = dbOf(tx);
    const target = await findUserByName(db, username);
    if (!target) throw new AccountError(`账号不存在 (no such account: ${username})`);
    const set: Record<string, unknown> = {
      password_hash: hash,
      must_change_password: 1,
      failed_logins: 0,
      locked_until: null,
      disabled: 0,
    };
    if (opts.resetTotp) Object.assign(set, { totp_secret: null, totp_enabled: 0 });
    if (!(await updateUser(db, target.id, set, target.version)))
      throw new AccountError('账号正被他人修改，请重试 (the account changed meanwhile: run the command again)');
    await deleteUserSessions(db, target.id);
    await clearLoginFailures(db, target.id);
    const after = (await findUserByName(db, username))!;
    await consoleAudit(db, opts.operator, 'user.reset', after, {
      role: after.role,
      mustChangePassword: true,
      totpReset: !!opts.resetTotp,
    });
    return publicUser(after);
  });
  return { user, temporaryPassword };
}

/** An administrator account (三员), which only the console creates: its temporary password is printed there. */
export async function createAdmin(
  store: RecordStore,
  spec: { username: string; displayName: string; role: AdminRole },
  opts: { operator: string; now?: Date },
): Promise<IssuedPassword> {
  if (!isAdminRole(spec.role))
    throw new AccountError(`只能在此创建管理员账号 (only ${ADMIN_ROLES.join(', ')} are created here)`);
  const temporaryPassword = generatePassword();
  const hash = await hashPassword(temporaryPassword);
  const user = await store.transaction(async (tx) => {
    const db = dbOf(tx);
    if (await findUserByName(db, spec.username))
      throw new AccountError(`用户名已存在 (username already taken: ${spec.username})`);
    const u = await insertUser(db, { ...spec, passwordHash: hash, mustChangePassword: true }, opts.now ?? new Date());
    await consoleAudit(db, opts.operator, 'user.create', u, { username: u.username, role: u.role });
    return publicUser(u);
  });
  return { user, temporaryPassword };
}
