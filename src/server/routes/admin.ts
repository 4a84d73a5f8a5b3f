// 三员分立: the system administrator creates, disables and resets accounts (and cannot give them a role); the
// security administrator gives a role and a unit (the data scope) and nothing else; the audit administrator
// searches and verifies the audit trail and nothing else. None of them reaches the record, and none of them
// manages an administrator's account, their own included: administrator accounts are created and reset only at
// the server's console (src/server/accounts/console.ts). No temporary password is ever in a response here: a
// new or reset account gets its password from the console (docs/OPERATIONS.md, "Accounts").
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { isAdminRole, unusablePasswordHash } from '../accounts/console.js';
import { clearLoginFailures } from '../accounts/login.js';
import {
  deleteUserSessions,
  findUser,
  findUserByName,
  insertUser,
  listUsers,
  publicUser,
  updateUser,
} from '../accounts/users.js';
import { audit } from '../audit-log.js';
import { verifyAudit } from '../audit/trail.js';
import { isCaseContent, isReduced, reduceContents } from '../audit/case-contents.js';
import { dbOf } from '../context.js';
import { badRequest, forbidden, HttpError, notFound } from '../errors.js';
import { isRecordRole, type Role } from '../roles.js';
import { errorSchemas, OFFSET_SCHEMA, roleEnum, userSchema } from '../schemas.js';

/** Refused whoever asks: an administrator's account is managed at the console only. */
const adminAccount = () =>
  forbidden(
    '管理员账号只能在服务器控制台管理（三员分立）',
    'administrator accounts are managed only at the server console (separation of the three administrators)',
  );

const stale = () =>
  new HttpError(409, {
    reason_zh: '账号已被他人修改，请刷新后重试',
    reason: 'stale version: user was changed by someone else',
  });

export function adminRoutes(app: FastifyInstance): void {
  const ctx = app.ctx;
  const idParams = { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } };

  app.get(
    '/admin/users',
    {
      config: { roles: ['sys_admin', 'security_admin'] },
      schema: {
        tags: ['admin'],
        summary: '账号列表 users',
        response: { 200: { type: 'array', items: userSchema }, ...errorSchemas(401, 403) },
      },
    },
    async (req) => {
      const users = await listUsers(ctx.db);
      await audit(ctx.db, req, { action: 'user.list', after: { count: users.length } });
      return users;
    },
  );

  app.post<{ Body: { username: string; displayName: string } }>(
    '/admin/users',
    {
      config: { roles: ['sys_admin'] },
      schema: {
        tags: ['admin'],
        summary: '新建账号（系统管理员；角色由安全管理员分配，初始密码在服务器控制台发放） create an account',
        body: {
          type: 'object',
          required: ['username', 'displayName'],
          additionalProperties: false,
          properties: {
            username: { type: 'string', pattern: '^[A-Za-z0-9_.-]{3,40}$' },
            displayName: { type: 'string', minLength: 1, maxLength: 100 },
          },
        },
        response: {
          201: { type: 'object', properties: { user: userSchema } },
          ...errorSchemas(400, 401, 403, 409),
        },
      },
    },
    async (req, reply) => {
      const { username, displayName } = req.body;
      if (await findUserByName(ctx.db, username))
        throw badRequest('username', '用户名已存在', 'username already taken');
      // No one here learns a password: the console issues the first one (`sanxiang account reset`).
      const hash = await unusablePasswordHash();
      const user = await ctx.store.transaction(async (tx) => {
        const db = dbOf(tx);
        const u = await insertUser(
          db,
          { username, displayName, role: 'unassigned', passwordHash: hash, mustChangePassword: true },
          ctx.now(),
        );
        await audit(db, req, { action: 'user.create', targetKind: 'user', targetId: u.id, after: publicUser(u) });
        return u;
      });
      return reply.code(201).send({ user: publicUser(user) });
    },
  );

  app.put<{
    Params: { id: string };
    Body: {
      version: number;
      displayName?: string;
      disabled?: boolean;
      resetPassword?: boolean;
      resetTotp?: boolean;
      unlock?: boolean;
    };
  }>(
    '/admin/users/:id',
    {
      config: { roles: ['sys_admin'] },
      schema: {
        tags: ['admin'],
        summary:
          '修改账号：停用/启用、作废密码（新密码在控制台发放）、解锁、停用动态验证码（系统管理员） disable, revoke password, unlock',
        params: idParams,
        body: {
          type: 'object',
          required: ['version'],
          additionalProperties: false,
          properties: {
            version: { type: 'integer', minimum: 1 },
            displayName: { type: 'string', minLength: 1, maxLength: 100 },
            disabled: { type: 'boolean' },
            resetPassword: { type: 'boolean' },
            resetTotp: { type: 'boolean' },
            unlock: { type: 'boolean' },
          },
        },
        response: {
          200: { type: 'object', properties: { user: userSchema } },
          ...errorSchemas(400, 401, 403, 404, 409),
        },
      },
    },
    async (req) => {
      const target = await findUser(ctx.db, req.params.id);
      if (!target) throw notFound('账号不存在', 'no such user');
      if (isAdminRole(target.role)) throw adminAccount();
      const set: Record<string, unknown> = {};
      if (req.body.displayName !== undefined) set.display_name = req.body.displayName;
      if (req.body.disabled !== undefined) set.disabled = req.body.disabled ? 1 : 0;
      if (req.body.resetPassword) {
        // The old password stops working at once; the holder gets a new one from the console, never from here.
        set.password_hash = await unusablePasswordHash();
        set.must_change_password = 1;
        set.failed_logins = 0;
        set.locked_until = null;
      }
      if (req.body.resetTotp) Object.assign(set, { totp_secret: null, totp_enabled: 0 });
      if (req.body.unlock) Object.assign(set, { failed_logins: 0, locked_until: null });
      const after = await ctx.store.transaction(async (tx) => {
        const db = dbOf(tx);
        if (!(await updateUser(db, target.id, set, req.body.version))) throw stale();
        if (req.body.disabled || req.body.resetPassword || req.body.resetTotp) await deleteUserSessions(db, target.id);
        if (req.body.resetPassword || req.body.unlock) await clearLoginFailures(db, target.id);
        const u = (await findUser(db, target.id))!;
        await audit(db, req, {
          action: req.body.resetPassword ? 'user.reset' : 'user.update',
          targetKind: 'user',
          targetId: target.id,
          before: publicUser(target),
          after: publicUser(u),
        });
        return u;
      });
      return { user: publicUser(after) };
    },
  );

  app.put<{
    Params: { id: string };
    Body: { version: number; role: Role; unitId: string | null; cadreId?: string | null };
  }>(
    '/admin/users/:id/role',
    {
      config: { roles: ['security_admin'] },
      schema: {
        tags: ['admin'],
        summary: '分配角色与数据范围（安全管理员） assign role and unit',
        params: idParams,
        body: {
          type: 'object',
          required: ['version', 'role', 'unitId'],
          additionalProperties: false,
          properties: {
            version: { type: 'integer', minimum: 1 },
            role: roleEnum,
            unitId: { type: ['string', 'null'], maxLength: 64 },
            cadreId: { type: ['string', 'null'], maxLength: 64 },
          },
        },
        response: { 200: userSchema, ...errorSchemas(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const target = await findUser(ctx.db, req.params.id);
      if (!target) throw notFound('账号不存在', 'no such user');
      if (target.id === req.user!.id) throw forbidden('不能修改自己的角色', 'cannot change your own role');
      if (isAdminRole(target.role)) throw adminAccount();
      const { role, unitId } = req.body;
      // an administrator's role is given at the console only: one given here would let the administrators
      // make each other (the system administrator creates the account, the security administrator empowers it)
      if (isAdminRole(role))
        throw forbidden(
          '管理员角色只能在服务器控制台授予（三员分立）',
          'administrator roles are given only at the server console',
        );
      const cadreId = req.body.cadreId ?? null;
      if (role === 'cadre' && !cadreId)
        throw badRequest('cadreId', '干部本人角色须指定干部', 'the cadre role needs cadreId');
      if (unitId && !(await ctx.db.selectFrom('units').select('id').where('id', '=', unitId).executeTakeFirst()))
        throw badRequest('unitId', '单位不存在', 'no such unit');
      if (cadreId && !(await ctx.db.selectFrom('cadres').select('id').where('id', '=', cadreId).executeTakeFirst()))
        throw badRequest('cadreId', '干部不存在', 'no such cadre');
      const after = await ctx.store.transaction(async (tx) => {
        const db = dbOf(tx);
        const set = { role, unit_id: isRecordRole(role) ? unitId : null, cadre_id: role === 'cadre' ? cadreId : null };
        if (!(await updateUser(db, target.id, set, req.body.version))) throw stale();
        await deleteUserSessions(db, target.id); // new powers take effect at the next login
        const u = (await findUser(db, target.id))!;
        await audit(db, req, {
          action: 'user.role',
          targetKind: 'user',
          targetId: target.id,
          before: { role: target.role, unitId: target.unitId, cadreId: target.cadreId },
          after: { role: u.role, unitId: u.unitId, cadreId: u.cadreId },
        });
        return u;
      });
      return publicUser(after);
    },
  );

  app.get<{
    Querystring: { from?: string; to?: string; user?: string; action?: string; offset?: number; limit?: number };
  }>(
    '/audit',
    {
      config: { roles: ['audit_admin'] },
      schema: {
        tags: ['audit'],
        summary: '检索审计日志（审计管理员） search the audit trail',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            from: { type: 'string', maxLength: 30 },
            to: { type: 'string', maxLength: 30 },
            user: { type: 'string', maxLength: 100 },
            action: { type: 'string', maxLength: 60 },
            offset: OFFSET_SCHEMA,
            limit: { type: 'integer', minimum: 1, maximum: 500 },
          },
        },
        response: errorSchemas(400, 401, 403),
      },
    },
    async (req) => {
      const { from, to, user, action, offset = 0, limit = 50 } = req.query;
      let q = ctx.db.selectFrom('audit_log');
      if (from) q = q.where('at', '>=', from);
      // a bare date as `to` includes that whole day
      if (to) q = q.where('at', '<', /^\d{4}-\d{2}-\d{2}$/.test(to) ? `${to}T99` : to);
      if (user) q = q.where('username', '=', user);
      if (action) q = q.where('action', '=', action);
      const { n } = (await q.select(sql<number>`count(*)`.as('n')).executeTakeFirst()) as { n: number | string };
      const rows = await q.selectAll().orderBy('seq', 'desc').limit(limit).offset(offset).execute();
      // the audit administrator's own searches are audited too (before the answer leaves)
      await audit(ctx.db, req, { action: 'audit.read', after: { query: req.query, total: Number(n) } });
      // Entries about case files show field names and a hash, also those written before the trail stopped
      // keeping the values (the stored row, and so the chain, stays as it was).
      const shown = (kind: unknown, json: unknown) => {
        if (!json) return null;
        const v: unknown = JSON.parse(String(json));
        return isCaseContent(kind as string | null) && !isReduced(v) ? reduceContents(v) : v;
      };
      return {
        total: Number(n),
        items: rows.map((r) => ({
          seq: Number(r.seq),
          at: r.at,
          userId: r.user_id,
          username: r.username,
          role: r.role,
          unitId: r.unit_id,
          action: r.action,
          targetKind: r.target_kind,
          targetId: r.target_id,
          before: shown(r.target_kind, r.before_json),
          after: shown(r.target_kind, r.after_json),
          ip: r.ip,
          hash: r.hash,
        })),
      };
    },
  );

  app.post(
    '/audit/verify',
    {
      config: { roles: ['audit_admin'] },
      schema: {
        tags: ['audit'],
        summary: '校验审计日志哈希链（审计管理员） verify the SM3 chain',
        response: errorSchemas(401, 403),
      },
    },
    async (req) => {
      const verdict = await verifyAudit(ctx.db);
      await audit(ctx.db, req, {
        action: 'audit.verify',
        after: { ok: verdict.ok, ...(verdict.ok ? {} : { seq: verdict.seq }) },
      });
      return verdict;
    },
  );
}
