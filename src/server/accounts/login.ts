// The login decision and its bookkeeping: password and second factor, the lockout against guessing, and the
// audit entries. The route (auth.ts) only turns the outcome into a response.
//
// What a client learns: a refused login always gets the same answer, whatever the reason (unknown name,
// disabled account, lockout, wrong password, wrong or replayed code), and costs the same one argon2 check, so
// neither the answer nor its timing tells whether a name exists or is locked. The reason goes to the audit
// trail only.
//
// The lockout counts failures per account and source address (table login_failures): after `threshold`
// failures from one address, that address cannot log in to that account for `lockoutMs`, even with the right
// password. Someone guessing from elsewhere therefore locks out only themselves, never the account's holder;
// the per-address rate limit on the login route bounds how fast one address can try names.
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { isEncrypted } from '../../crypto/fields.js';
import { audit } from '../audit-log.js';
import { dbOf, type AnyDb, type ServerContext } from '../context.js';
import { dummyHash, verifyPassword } from './password.js';
import { totpStep } from './totp.js';
import {
  createSession,
  deleteUserSessions,
  findUserByName,
  publicUser,
  updateUser,
  type User,
  type UserWithSecrets,
} from './users.js';

export interface LoginAttempt {
  username: string;
  password: string;
  totp?: string;
}

export type LoginOutcome =
  | { kind: 'session'; user: User; token: string; mustChangePassword: boolean }
  /** the password was right and the account has a second factor: ask for the code */
  | { kind: 'needs-totp' }
  /** refused; deliberately without a reason (see the top of this file) */
  | { kind: 'refused' };

type FailReason =
  | 'unknown user'
  | 'account disabled'
  | 'account locked'
  | 'bad password'
  | 'bad second factor'
  | 'second factor replayed';

/** Reasons that are a guess at a secret, and so count towards the lockout. */
const COUNTED: ReadonlySet<FailReason> = new Set(['bad password', 'bad second factor', 'second factor replayed']);

export async function logIn(ctx: ServerContext, req: FastifyRequest, attempt: LoginAttempt): Promise<LoginOutcome> {
  const { username, password } = attempt;
  const now = ctx.now();
  const ip = req.ip ?? '';
  const user = await findUserByName(ctx.db, username);
  // Always exactly one argon2 check, against a dummy hash when there is no account, so the time taken says
  // nothing about which refusal it was.
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
  const refuse = async (reason: FailReason): Promise<LoginOutcome> => {
    await recordFailure(ctx, req, user, username, reason, now);
    return { kind: 'refused' };
  };
  if (!user) return refuse('unknown user');
  if (user.disabled) return refuse('account disabled');
  if (await isLocked(ctx.db, user, ip, now)) return refuse('account locked');
  if (!passwordOk) return refuse('bad password');
  if (user.totpEnabled) {
    if (!attempt.totp) return { kind: 'needs-totp' };
    const secret = user.totpSecret ? revealSecret(ctx, user.totpSecret) : undefined;
    const step = secret ? totpStep(secret, attempt.totp, now.getTime()) : undefined;
    if (step === undefined) return refuse('bad second factor');
    if (!(await consumeTotpStep(ctx.db, user.id, step))) return refuse('second factor replayed');
  }
  const token = await ctx.store.transaction(async (tx) => {
    const db = dbOf(tx);
    await updateUser(db, user.id, { failed_logins: 0, locked_until: null });
    await db.deleteFrom('login_failures').where('user_id', '=', user.id).where('ip', '=', ip).execute();
    const t = await createSession(db, user.id, now, ctx.maxSessionMs, user.totpEnabled);
    await audit(db, req, { action: 'login', targetKind: 'user', targetId: user.id }, user);
    return t;
  });
  return {
    kind: 'session',
    user: publicUser({ ...user, failedLogins: 0, lockedUntil: null }),
    token,
    mustChangePassword: user.mustChangePassword,
  };
}

/**
 * Marks a TOTP step as used by this account, if it is later than the last one used. The check and the write
 * are one conditional UPDATE, so two logins racing with the same code cannot both win.
 */
export async function consumeTotpStep(db: AnyDb, userId: string, step: number): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

async function isLocked(db: AnyDb, user: UserWithSecrets, ip: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  // an account-wide lock set before locks were kept per address still holds until it runs out
  if (user.lockedUntil && user.lockedUntil > at) return true;
  const row = (await db
    .selectFrom('login_failures')
    .select('locked_until')
    .where('user_id', '=', user.id)
    .where('ip', '=', ip)
    .executeTakeFirst()) as { locked_until: string | null } | undefined;
  return !!row?.locked_until && row.locked_until > at;
}

/**
 * One failed guess at this account from this address: counts it and, at the threshold, locks the pair.
 * Returns the end of the lock when this failure caused one. Runs inside the caller's transaction.
 */
async function countFailure(
  ctx: ServerContext,
  db: AnyDb,
  user: UserWithSecrets,
  ip: string,
  now: Date,
): Promise<string | null> {
  await db
    .insertInto('login_failures')
    .values({ user_id: user.id, ip, failures: 1, locked_until: null })
    .onConflict((oc) =>
      oc.columns(['user_id', 'ip']).doUpdateSet({ failures: sql`login_failures.failures + 1` as never }),
    )
    .execute();
  // for the administrators' list: failures since the last successful login, from anywhere
  await db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', user.id)
    .execute();
  const row = (await db
    .selectFrom('login_failures')
    .select('failures')
    .where('user_id', '=', user.id)
    .where('ip', '=', ip)
    .executeTakeFirstOrThrow()) as { failures: number | string };
  if (Number(row.failures) < ctx.lockoutThreshold) return null;
  const until = new Date(now.getTime() + ctx.lockoutMs).toISOString();
  await db
    .updateTable('login_failures')
    .set({ failures: 0, locked_until: until })
    .where('user_id', '=', user.id)
    .where('ip', '=', ip)
    .execute();
  return until;
}

async function recordFailure(
  ctx: ServerContext,
  req: FastifyRequest,
  user: UserWithSecrets | undefined,
  username: string,
  reason: FailReason,
  now: Date,
): Promise<void> {
  const ip = req.ip ?? '';
  await ctx.store.transaction(async (tx) => {
    const db = dbOf(tx);
    const locked = user && COUNTED.has(reason) ? await countFailure(ctx, db, user, ip, now) : null;
    await audit(
      db,
      req,
      { action: 'login.failed', targetKind: 'user', targetId: user?.id ?? null, after: { username, reason } },
      user ?? { id: '', username, role: 'unassigned', unitId: null },
    );
    if (locked)
      await audit(
        db,
        req,
        { action: 'account.locked', targetKind: 'user', targetId: user!.id, after: { lockedUntil: locked, ip } },
        user,
      );
  });
}

/**
 * A wrong old password in a password change: someone holding a session is guessing the password. It counts
 * like a failed login from the same address; at the threshold that address is locked out of the account and
 * every session of the account ends. Returns true when the account got locked.
 */
export async function passwordGuessFailed(
  ctx: ServerContext,
  req: FastifyRequest,
  user: UserWithSecrets,
): Promise<boolean> {
  return ctx.store.transaction(async (tx) => {
    const db = dbOf(tx);
    await audit(db, req, { action: 'password.change.failed', targetKind: 'user', targetId: user.id });
    const locked = await countFailure(ctx, db, user, req.ip ?? '', ctx.now());
    if (!locked) return false;
    await deleteUserSessions(db, user.id);
    await audit(db, req, {
      action: 'account.locked',
      targetKind: 'user',
      targetId: user.id,
      after: { lockedUntil: locked, ip: req.ip ?? '' },
    });
    return true;
  });
}

/** Lifts every lockout of an account (a password reset by an administrator or at the console). */
export async function clearLoginFailures(db: AnyDb, userId: string): Promise<void> {
  await db.deleteFrom('login_failures').where('user_id', '=', userId).execute();
}

export function revealSecret(ctx: ServerContext, stored: string): string {
  return isEncrypted(stored) && ctx.cipher ? ctx.cipher.decrypt(stored) : stored;
}
