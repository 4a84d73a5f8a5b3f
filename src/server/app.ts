// The HTTP server: Fastify with the API under /api (JSON-schema validated, documented as OpenAPI 3 at
// /api/docs/json with a browsable UI at /api/docs), the built web app (web/dist) at / with an SPA fallback, one
// error handler for every route, structured pino logs, and the store closed only after the server has stopped.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { sql } from 'kysely';
import { openStore, storeOptionsFromEnv } from '../store/index.js';
import type { RecordStore } from '../store/types.js';
import type { FieldCipher } from '../crypto/fields.js';
import { purgeSessions } from './accounts/users.js';
import { authenticate, authRoutes } from './auth.js';
import { dbOf, type ServerContext } from './context.js';
import { sessionCacheFor } from './session-cache.js';
import { errorHandler, frameworkErrorHandler } from './errors.js';
import { audit } from './audit-log.js';
import { auditRead } from './audit/audited-reads.js';
import { refuseCrossSite } from './origin-check.js';
import { adminRoutes } from './routes/admin.js';
import { alertRoutes, alertScanAtStart, alertScanHours, alertScanThreads } from './routes/alerts.js';
import { careRoutes } from './routes/care.js';
import { caseRoutes } from './routes/cases.js';
import { caseAttachmentRoutes } from './routes/case-attachments.js';
import { caseApplicationRoutes } from './routes/case-applications.js';
import { toleranceSideRoutes } from './routes/tolerance-side.js';
import { procedureRoutes } from './routes/procedures.js';
import { eligibilityRoutes } from './routes/eligibility.js';
import { incentiveRoutes } from './routes/incentive.js';
import { ioRoutes } from './routes/io.js';
import { paramRoutes } from './routes/params.js';
import { recordRoutes } from './routes/records.js';
import { DEFAULT_EXPLAIN_RATE_LIMIT, ruleRoutes } from './routes/rules.js';
import { viewRoutes } from './routes/views.js';
import { AJV_OPTIONS, partAwareValidator } from './validation.js';

/** per-address login attempts a minute before 429 (login flooding) */
export const DEFAULT_LOGIN_RATE_LIMIT = { max: 20, timeWindowMs: 60_000 } as const;

export interface ServerOptions {
  /** data directory (SQLite file, key file) */
  dataDir: string;
  /** an already open store (tests, tools); otherwise one is opened from dataDir and SANXIANG_DATABASE_URL */
  store?: RecordStore;
  /** the field cipher (TOTP secrets); defaults to the one the store was opened with */
  cipher?: FieldCipher;
  env?: NodeJS.ProcessEnv;
  /** Fastify/pino logger options; default JSON logs at SANXIANG_LOG_LEVEL (info) */
  logger?: FastifyServerOptions['logger'];
  /** largest JSON body in bytes (413 above); default 1 MiB */
  bodyLimit?: number;
  /** largest uploaded .xlsx in bytes (413 above); default 50 MiB */
  maxUploadBytes?: number;
  /** idle session timeout; default SANXIANG_SESSION_IDLE_MINUTES or 30 */
  sessionIdleMinutes?: number;
  /** the clock (tests move it to expire sessions, lockouts and TOTP steps) */
  now?: () => Date;
  /** per-IP login attempts per window before 429; default 20 a minute */
  loginRateLimit?: { max: number; timeWindowMs: number };
  /** explanations per user per window before 429; default 20 a minute */
  explainRateLimit?: { max: number; timeWindowMs: number };
  /** failed logins before lockout, and for how long; default 5 and 15 minutes */
  lockout?: { threshold: number; minutes: number };
  /** the built web app; default web/dist of the package when it has an index.html; false = none */
  webDist?: string | false;
  /** Secure cookies (HTTPS deployments); default SANXIANG_SECURE_COOKIES=1 */
  secureCookies?: boolean;
  /**
   * the alert list's full scan: hours between scans (default SANXIANG_ALERT_SCAN_HOURS or 24; 0 = none), and whether
   * once at start (default SANXIANG_ALERT_SCAN_AT_START or yes)
   */
  alertScan?: { hours?: number; atStart?: boolean; threads?: number };
}

function packageRoot(): string {
  // src/server/app.ts (tsx) or dist/src/server/app.js (built): walk up to the folder holding package.json
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

export function defaultLogger(env: NodeJS.ProcessEnv): FastifyServerOptions['logger'] {
  return {
    level: env.SANXIANG_LOG_LEVEL || 'info',
    // session tokens and passwords never reach the log
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', 'body.password'],
  };
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const env = opts.env ?? process.env;
  let store = opts.store;
  let cipher = opts.cipher;
  const owned = !store;
  if (!store) {
    const so = storeOptionsFromEnv(opts.dataDir, env);
    store = await openStore(so);
    cipher ??= so.cipher as FieldCipher | undefined;
  }
  const idleMinutes = opts.sessionIdleMinutes ?? (Number(env.SANXIANG_SESSION_IDLE_MINUTES) || 30);

  const app = Fastify({
    logger: opts.logger ?? defaultLogger(env),
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    trustProxy: env.SANXIANG_TRUST_PROXY === '1',
    // bodies validated strictly, querystrings and params coerced from text (src/server/validation.ts)
    ajv: AJV_OPTIONS,
    schemaController: { compilersFactory: { buildValidator: partAwareValidator() } },
    frameworkErrors: frameworkErrorHandler,
  });

  const ctx: ServerContext = {
    store,
    db: dbOf(store),
    cipher,
    now: opts.now ?? (() => new Date()),
    idleMs: idleMinutes * 60_000,
    maxSessionMs: 12 * 3600_000,
    lockoutThreshold: opts.lockout?.threshold ?? 5,
    lockoutMs: (opts.lockout?.minutes ?? 15) * 60_000,
    dataDir: opts.dataDir,
  };
  app.decorate('ctx', ctx);
  app.setErrorHandler(errorHandler);

  const sessionCache = sessionCacheFor(store, env, (live) =>
    live
      ? app.log.info('session cache on: listening for session changes')
      : app.log.warn('session cache off until the database connection for session changes is back'),
  );
  if (sessionCache) {
    ctx.sessions = sessionCache.cache;
    app.addHook('onClose', async () => sessionCache.close());
  }

  // Expired and idle sessions are refused on use anyway; this only keeps the table small.
  const purge = setInterval(() => {
    purgeSessions(ctx.db, ctx.now(), ctx.idleMs).catch((err: unknown) => app.log.warn({ err }, 'session purge failed'));
  }, 10 * 60_000);
  purge.unref();
  app.addHook('onClose', async () => clearInterval(purge));
  if (owned) app.addHook('onClose', async () => store.close());

  app.addHook('onSend', async (req, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('x-frame-options', 'DENY');
    void reply.header('referrer-policy', 'no-referrer');
    // record data must not linger in shared caches or the browser's disk cache
    if (req.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
    return payload;
  });

  // A state-changing request from another site is refused before anything else runs (origin-check.ts).
  app.addHook('onRequest', async (req) => refuseCrossSite(req));
  // Every refusal for want of a right is audited, whichever route refused it: probing leaves a trace.
  app.addHook('onResponse', async (req, reply) => {
    if (reply.statusCode !== 403) return;
    await audit(ctx.db, req, {
      action: 'access.refused',
      targetKind: 'request',
      targetId: null,
      after: { method: req.method, path: req.url.split('?')[0] },
    }).catch((err: unknown) => req.log.error({ err }, 'audit of a refusal failed'));
  });

  // Reads named in audit/audited-reads.ts are audited before their answer leaves.
  app.addHook('onSend', async (req, reply, payload) => {
    await auditRead(ctx.db, req, reply);
    return payload;
  });

  await app.register(helmet, {
    // The web app loads only its own scripts; antd puts its styles inline (CSS-in-JS), hence 'unsafe-inline'
    // for styles only. upgrade-insecure-requests is left out: a plain-HTTP intranet deployment must still work.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => ({
      statusCode: 429,
      reason_zh: '登录尝试过于频繁，请稍后再试',
      reason: 'too many login attempts',
    }),
  });
  await app.register(multipart, { limits: { fileSize: opts.maxUploadBytes ?? 50 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Sanxiang 三项机制 API',
        description: '鼓励激励、容错纠错、能上能下。会话使用 httpOnly Cookie sx_session（POST /api/auth/login 获取）。',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sx_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // The documentation maps every route and field of the API: it is for people with an account, like the API.
    uiHooks: { onRequest: async (req) => authenticate(app, req) },
    // the UI's own policy, with the hashes of its inline code; no outside validator, and plain HTTP still works
    staticCSP: true,
    transformStaticCSP: (header) =>
      header
        .replace(' validator.swagger.io', '')
        .replace(/\s*upgrade-insecure-requests;/, '')
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'"),
  });

  await app.register(
    async (api) => {
      api.addHook('onRequest', async (req) => authenticate(app, req));
      api.get(
        '/health',
        { config: { auth: false }, schema: { tags: ['system'], summary: '健康检查 health' } },
        async () => {
          await sql`select 1`.execute(ctx.db);
          return { status: 'ok', database: store.dialect };
        },
      );
      authRoutes(api, {
        loginRateLimit: opts.loginRateLimit ?? DEFAULT_LOGIN_RATE_LIMIT,
        secureCookies: opts.secureCookies ?? env.SANXIANG_SECURE_COOKIES === '1',
      });
      viewRoutes(api);
      recordRoutes(api);
      ioRoutes(api, { maxUploadBytes: opts.maxUploadBytes ?? 50 * 1024 * 1024 });
      ruleRoutes(api, { explainRateLimit: opts.explainRateLimit ?? DEFAULT_EXPLAIN_RATE_LIMIT });
      adminRoutes(api);
      caseRoutes(api);
      caseAttachmentRoutes(api);
      caseApplicationRoutes(api);
      alertRoutes(api, {
        scanHours: opts.alertScan?.hours ?? alertScanHours(env),
        scanAtStart: opts.alertScan?.atStart ?? alertScanAtStart(env),
        scanThreads: opts.alertScan?.threads ?? alertScanThreads(env),
      });
      toleranceSideRoutes(api);
      procedureRoutes(api);
      eligibilityRoutes(api);
      paramRoutes(api);
      careRoutes(api);
      incentiveRoutes(api);
    },
    { prefix: '/api' },
  );

  const webDist = opts.webDist === undefined ? path.join(packageRoot(), 'web', 'dist') : opts.webDist;
  const hasWeb = webDist !== false && existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false });

  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0]!;
    // the web app routes on the client: any other GET for a page gets index.html
    if (hasWeb && req.method === 'GET' && !url.startsWith('/api/') && url !== '/api')
      return reply.type('text/html').sendFile('index.html');
    req.log.info({ method: req.method, url: req.url }, 'not found');
    return reply.code(404).send({ reason_zh: '未找到', reason: `not found: ${req.method} ${url}` });
  });

  return app;
}
