// Users and sessions in the database (tables of migration 0002_accounts). Sessions are rows, not process memory,
// so any server process on the same PostgreSQL database can serve any session; the cookie carries a random
// token and the table keeps only its SHA-256, so a copy of the database lets no one log in.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { PostgresAdapter, type Kysely } from 'kysely';
import type { Role } from '../roles.js';
import { compiledOnce, slot } from '../../store/query-template.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  cadreId: string | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  disabled: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  createdAt: string;
  version: number;
}

/** The stored row, for the login path (hash and secret never leave the server). */
export interface UserWithSecrets extends User {
  passwordHash: string;
  totpSecret: string | null;
}

const bool = (v: unknown) => v === true || v === 1 || v === '1';

export function rowToUser(r: Record<string, unknown>): UserWithSecrets {
  return {
    id: String(r.id),
    username: String(r.username),
    displayName: String(r.display_name),
    role: String(r.role) as Role,
    unitId: (r.unit_id as string | null) ?? null,
    cadreId: (r.cadre_id as string | null) ?? null,
    mustChangePassword: bool(r.must_change_password),
    totpEnabled: bool(r.totp_enabled),
    disabled: bool(r.disabled),
    failedLogins: Number(r.failed_logins ?? 0),
    lockedUntil: (r.locked_until as string | null) ?? null,
    createdAt: String(r.created_at),
    version: Number(r.version),
    passwordHash: String(r.password_hash),
    totpSecret: (r.totp_secret as string | null) ?? null,
  };
}

/** What the API shows of a user. */
export function publicUser(u: User): User {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    unitId: u.unitId,
    cadreId: u.cadreId,
    mustChangePassword: u.mustChangePassword,
    totpEnabled: u.totpEnabled,
    disabled: u.disabled,
    failedLogins: u.failedLogins,
    lockedUntil: u.lockedUntil,
    createdAt: u.createdAt,
    version: u.version,
  };
}

export async function findUserByName(db: AnyDb, username: string): Promise<UserWithSecrets | undefined> {
  const r = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  return r ? rowToUser(r) : undefined;
}

export async function findUser(db: AnyDb, id: string): Promise<UserWithSecrets | undefined> {
  const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? rowToUser(r) : undefined;
}

/** A user as the account lists show it: the bound unit by name, since people pick accounts by their unit. */
export interface ListedUser extends User {
  unitName: string | null;
}

export async function listUsers(db: AnyDb): Promise<ListedUser[]> {
  const rows = await db
    .selectFrom('users')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .selectAll('users')
    .select('units.name as unit_name')
    .orderBy('users.username')
    .execute();
  return rows.map((r) => ({ ...publicUser(rowToUser(r)), unitName: (r.unit_name as string | null) ?? null }));
}

export async function countUsers(db: AnyDb): Promise<number> {
  const r = (await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst()) as { n: number | string };
  return Number(r.n);
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  unitId?: string | null;
  cadreId?: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
}

export async function insertUser(db: AnyDb, u: NewUser, now: Date): Promise<UserWithSecrets> {
  const row = {
    id: randomUUID(),
    username: u.username,
    display_name: u.displayName,
    role: u.role,
    unit_id: u.unitId ?? null,
    cadre_id: u.cadreId ?? null,
    password_hash: u.passwordHash,
    must_change_password: u.mustChangePassword ? 1 : 0,
    totp_secret: null,
    totp_enabled: 0,
    disabled: 0,
    failed_logins: 0,
    locked_until: null,
    created_at: now.toISOString(),
    version: 1,
  };
  await db.insertInto('users').values(boolsFor(db, row)).execute();
  return rowToUser(row);
}

/** SQLite keeps booleans as 0/1; PostgreSQL wants true/false. */
export function boolsFor(db: AnyDb, row: Record<string, unknown>): Record<string, unknown> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return row;
  const out: Record<string, unknown> = { ...row };
  for (const k of ['must_change_password', 'totp_enabled', 'disabled', 'second_factor_ok'])
    if (k in out && typeof out[k] === 'number') out[k] = out[k] === 1;
  return out;
}

/**
 * Sets columns on a user if `version` (when given) is current, bumping it. Returns false on a stale version
 * (the caller answers 409). Login bookkeeping passes no version: it must not collide with an administrator's edit.
 */
export async function updateUser(
  db: AnyDb,
  id: string,
  set: Record<string, unknown>,
  version?: number,
): Promise<boolean> {
  let q = db.updateTable('users').set(boolsFor(db, set)).where('id', '=', id);
  if (version !== undefined) q = q.where('version', '=', version).set((eb) => ({ version: eb('version', '+', 1) }));
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

// Sessions -------------------------------------------------------------------------------------------------

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface Session {
  id: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  secondFactorOk: boolean;
}

/** Creates a session; returns the token for the cookie (only its hash is stored). */
export async function createSession(
  db: AnyDb,
  userId: string,
  now: Date,
  maxAgeMs: number,
  secondFactorOk: boolean,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values(
      boolsFor(db, {
        id: tokenHash(token),
        user_id: userId,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: new Date(now.getTime() + maxAgeMs).toISOString(),
        second_factor_ok: secondFactorOk ? 1 : 0,
      }),
    )
    .execute();
  return token;
}

export async function findSession(
  db: AnyDb,
  token: string,
): Promise<{ session: Session; user: UserWithSecrets } | undefined> {
  const id = tokenHash(token);
  // one query per request: the session and its user together
  const query = compiledOnce(
    db,
    'session',
    () =>
      db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .selectAll('u')
        .select([
          's.created_at as s_created_at',
          's.last_seen_at as s_last_seen_at',
          's.expires_at as s_expires_at',
          's.second_factor_ok as s_second_factor_ok',
        ])
        .where('s.id', '=', slot('id')),
    { id },
  );
  const r = (await db.executeQuery(query)).rows[0] as Record<string, unknown> | undefined;
  if (!r) return undefined;
  const user = rowToUser(r);
  return {
    session: {
      id,
      userId: user.id,
      createdAt: String(r.s_created_at),
      lastSeenAt: String(r.s_last_seen_at),
      expiresAt: String(r.s_expires_at),
      secondFactorOk: bool(r.s_second_factor_ok),
    },
    user,
  };
}

export async function touchSession(db: AnyDb, id: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
}

export async function deleteSession(db: AnyDb, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user (disabled, password reset), except `keep` (the one that changed its password). */
export async function deleteUserSessions(db: AnyDb, userId: string, keep?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keep) q = q.where('id', '!=', keep);
  await q.execute();
}

/** Housekeeping: sessions past their absolute expiry or idle too long. */
export async function purgeSessions(db: AnyDb, now: Date, idleMs: number): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<', now.toISOString()),
        eb('last_seen_at', '<', new Date(now.getTime() - idleMs).toISOString()),
      ]),
    )
    .execute();
}
