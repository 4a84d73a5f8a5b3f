// Authentication: the session check every /api route passes through (unless its config says auth: false), the
// forced password change, the role check, and the /auth routes (login with lockout and TOTP, logout, me,
// password change, TOTP set-up).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import type {} from '@fastify/swagger';
import type {} from '@fastify/rate-limit';
import { audit } from './audit-log.js';
import { consumeTotpStep, logIn, passwordGuessFailed, revealSecret } from './accounts/login.js';
import { hashPassword, passwordProblem, verifyPassword } from './accounts/password.js';
import { newTotpSecret, otpauthUrl, totpStep } from './accounts/totp.js';
import {
  deleteSession,
  deleteUserSessions,
  findSession,
  findUser,
  publicUser,
  tokenHash,
  touchSession,
  updateUser,
  boolsFor,
} from './accounts/users.js';
import { dbOf, type ServerContext } from './context.js';
import type { FoundSession } from './session-cache.js';
import { badRequest, forbidden, unauthorized } from './errors.js';
import { userSchema, errorSchemas } from './schemas.js';

export const SESSION_COOKIE = 'sx_session';

/** The session check, as an onRequest hook of the /api plugin. */
export async function authenticate(app: FastifyInstance, req: FastifyRequest): Promise<void> {
  const config = req.routeOptions.config;
  if (!req.routeOptions.url || config?.auth === false) return;
  const ctx = app.ctx;
  const token = req.cookies[SESSION_COOKIE];
  if (!token) throw unauthorized();
  const found = await sessionOf(ctx, token);
  if (!found) throw unauthorized();
  const { session, user } = found;
  const now = ctx.now().getTime();
  const idle = now - Date.parse(session.lastSeenAt) > ctx.idleMs;
  if (idle || now > Date.parse(session.expiresAt) || user.disabled || (user.totpEnabled && !session.secondFactorOk)) {
    await deleteSession(ctx.db, session.id);
    throw unauthorized('会话已超时或失效，请重新登录', 'session expired');
  }
  // Touch at most once a minute (or a tenth of the idle timeout): a write per read would serialise readers.
  if (now - Date.parse(session.lastSeenAt) > Math.min(60_000, ctx.idleMs / 10))
    await touchSession(ctx.db, session.id, ctx.now());
  req.user = publicUser(user);
  req.sessionId = session.id;
  if (user.mustChangePassword && !req.routeOptions.url.startsWith('/api/auth/'))
    throw forbidden('首次登录或密码已重置，请先修改密码', 'password change required');
  if (config?.roles && !config.roles.includes(user.role)) throw forbidden('您的角色无权执行此操作', 'role not allowed');
}

/** The session of a token and its user: kept in memory on PostgreSQL (session-cache.ts), else read. */
async function sessionOf(ctx: ServerContext, token: string): Promise<FoundSession | undefined> {
  const cache = ctx.sessions;
  if (!cache) return findSession(ctx.db, token);
  const id = tokenHash(token);
  const kept = cache.get(id);
  if (kept) return kept;
  const generation = cache.generation();
  const found = await findSession(ctx.db, token);
  if (found) cache.put(id, found, generation);
  return found;
}

/**
 * The session cookie's attributes, the same when it is set and when it is cleared (a clearing header without
 * them would be a different cookie to the browser). Secure follows the deployment: on whenever the request
 * reached the server over HTTPS (directly, or as the proxy says when SANXIANG_TRUST_PROXY=1), and always with
 * SANXIANG_SECURE_COOKIES=1.
 */
function cookieOptions(req: FastifyRequest, alwaysSecure: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: alwaysSecure || req.protocol === 'https' };
}

export interface AuthRouteOptions {
  /** per-IP login attempts per window (429 beyond) */
  loginRateLimit: { max: number; timeWindowMs: number };
  /** Secure cookies whatever the protocol (SANXIANG_SECURE_COOKIES=1); otherwise only over HTTPS */
  secureCookies: boolean;
}

export function authRoutes(app: FastifyInstance, opts: AuthRouteOptions): void {
  const ctx = app.ctx;

  app.post<{ Body: { username: string; password: string; totp?: string } }>(
    '/auth/login',
    {
      config: {
        auth: false,
        rateLimit: { max: opts.loginRateLimit.max, timeWindow: opts.loginRateLimit.timeWindowMs },
      },
      schema: {
        tags: ['auth'],
        summary: '登录 log in',
        body: {
          type: 'object',
          required: ['username', 'password'],
          additionalProperties: false,
          properties: {
            username: { type: 'string', minLength: 1, maxLength: 100 },
            password: { type: 'string', minLength: 1, maxLength: 200 },
            totp: { type: 'string', maxLength: 10 },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              user: { anyOf: [userSchema, { type: 'null' }] },
              mustChangePassword: { type: 'boolean' },
              needsTotp: { type: 'boolean' },
            },
          },
          ...errorSchemas(400, 401, 429),
        },
      },
    },
    async (req, reply) => {
      const outcome = await logIn(ctx, req, req.body);
      // one answer for every refusal: nothing tells an unknown name from a locked or disabled account
      if (outcome.kind === 'refused') throw unauthorized('用户名或密码错误', 'invalid username or password');
      if (outcome.kind === 'needs-totp') return { user: null, mustChangePassword: false, needsTotp: true };
      void reply.setCookie(SESSION_COOKIE, outcome.token, cookieOptions(req, opts.secureCookies));
      return { user: outcome.user, mustChangePassword: outcome.mustChangePassword, needsTotp: false };
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'], summary: '退出 log out' } }, async (req, reply) => {
    await ctx.store.transaction(async (tx) => {
      const db = dbOf(tx);
      await deleteSession(db, req.sessionId!);
      await audit(db, req, { action: 'logout', targetKind: 'user', targetId: req.user!.id });
    });
    void reply.clearCookie(SESSION_COOKIE, cookieOptions(req, opts.secureCookies));
    return { ok: true };
  });

  app.get(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: '当前用户 the logged-in user',
        response: { 200: userSchema, ...errorSchemas(401) },
      },
    },
    async (req) => req.user!,
  );

  app.post<{ Body: { oldPassword: string; newPassword: string } }>(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改密码 change password',
        body: {
          type: 'object',
          required: ['oldPassword', 'newPassword'],
          additionalProperties: false,
          properties: {
            oldPassword: { type: 'string', minLength: 1, maxLength: 200 },
            newPassword: { type: 'string', minLength: 1, maxLength: 200 },
          },
        },
        response: { ...errorSchemas(400, 401) },
      },
    },
    async (req) => {
      const { oldPassword, newPassword } = req.body;
      const user = (await findUser(ctx.db, req.user!.id))!;
      if (!(await verifyPassword(user.passwordHash, oldPassword))) {
        // Guessing the password through a stolen session counts like guessing it at the login.
        if (await passwordGuessFailed(ctx, req, user))
          throw unauthorized('原密码连续输入错误，账号已锁定', 'account locked');
        throw badRequest('oldPassword', '原密码不正确', 'old password is wrong');
      }
      const weak = passwordProblem(newPassword);
      if (weak) throw badRequest('newPassword', weak.reason_zh, weak.reason);
      if (newPassword === oldPassword)
        throw badRequest('newPassword', '新密码不能与原密码相同', 'new password must differ from the old one');
      const hash = await hashPassword(newPassword);
      await ctx.store.transaction(async (tx) => {
        const db = dbOf(tx);
        await updateUser(db, user.id, { password_hash: hash, must_change_password: 0, failed_logins: 0 }, user.version);
        await deleteUserSessions(db, user.id, req.sessionId);
        await audit(db, req, { action: 'password.change', targetKind: 'user', targetId: user.id });
      });
      return { ok: true };
    },
  );

  app.post(
    '/auth/totp/setup',
    { schema: { tags: ['auth'], summary: '设置动态验证码 start TOTP set-up' } },
    async (req) => {
      const user = (await findUser(ctx.db, req.user!.id))!;
      if (user.totpEnabled) throw badRequest('totp', '已启用动态验证码', 'TOTP is already enabled');
      const secret = newTotpSecret();
      // Encrypted with the field cipher (SM4) when the server has a key; see crypto/fields.ts.
      const stored = ctx.cipher ? ctx.cipher.encrypt(secret) : secret;
      await ctx.store.transaction(async (tx) => {
        const db = dbOf(tx);
        await updateUser(db, user.id, { totp_secret: stored, totp_enabled: 0 });
        await audit(db, req, { action: 'totp.setup', targetKind: 'user', targetId: user.id });
      });
      return { secret, otpauthUrl: otpauthUrl(secret, user.username) };
    },
  );

  app.post<{ Body: { code: string } }>(
    '/auth/totp/enable',
    {
      schema: {
        tags: ['auth'],
        summary: '启用动态验证码 enable TOTP with a first code',
        body: {
          type: 'object',
          required: ['code'],
          additionalProperties: false,
          properties: { code: { type: 'string', pattern: '^[0-9]{6}$' } },
        },
        response: { ...errorSchemas(400, 401) },
      },
    },
    async (req) => {
      const user = (await findUser(ctx.db, req.user!.id))!;
      if (!user.totpSecret) throw badRequest('code', '请先设置动态验证码', 'call /auth/totp/setup first');
      const step = totpStep(revealSecret(ctx, user.totpSecret), req.body.code, ctx.now().getTime());
      if (step === undefined) throw badRequest('code', '动态验证码错误', 'invalid code');
      await ctx.store.transaction(async (tx) => {
        const db = dbOf(tx);
        // the code that switched the factor on cannot then also open a session
        if (!(await consumeTotpStep(db, user.id, step)))
          throw badRequest('code', '该动态验证码已使用，请等待下一个', 'code already used');
        await updateUser(db, user.id, { totp_enabled: 1 });
        // this session proved the second factor just now
        await db
          .updateTable('sessions')
          .set(boolsFor(db, { second_factor_ok: 1 }))
          .where('id', '=', req.sessionId!)
          .execute();
        await audit(db, req, { action: 'totp.enable', targetKind: 'user', targetId: user.id });
      });
      return { ok: true };
    },
  );
}
