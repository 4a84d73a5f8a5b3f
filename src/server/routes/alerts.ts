// The alert list (预警清单) over HTTP: the findings of the adjustment rules about the cadres (and units) in the
// reader's scope, filterable by unit, rule, year and state, page by page; the same list as .xlsx; one alert with
// its history; and the organisation department's steps on it (verify, confirm — 经组织认定 —, dismiss with a written
// reason), each at the version read (stale: 409) and audited in its own transaction. An alert becomes 已启动调整程序
// only by opening an adjustment case on it (POST /cases, mechanisms/adjustment/cases.ts), which links the two.
// An alert is a proposal of the rules (提示), not a decision: the cadre role sees alerts about themselves only
// once the organisation has confirmed them. The list is kept in step with the record by the refresher
// (mechanisms/adjustment/alerts-refresh.ts): after every write, and by a scheduled full scan.
import { availableParallelism } from 'node:os';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql, type RawBuilder } from 'kysely';
import {
  ALERT_ACTIONS,
  ALERT_STATE_LABELS,
  SEEN_BY_SUBJECT,
  alertRules,
  allowedFrom,
  type AlertAction,
} from '../../mechanisms/adjustment/alerts.js';
import { AlertRefresher } from '../../mechanisms/adjustment/alerts-refresh.js';
import { packRegistry } from '../../packs/index.js';
import { alertsOf, ALERT_STATES, StaleAlertError, type AlertRow, type AlertState } from '../../store/alerts.js';
import { subtreeUnits } from '../../store/derived.js';
import { KyselyStore } from '../../store/kysely-store.js';
import { alertListBuffer, type AlertListRow } from '../../io/register/alert-list.js';
import { chinaDate, chineseDate } from '../../domain/dates.js';
import {
  DETERMINATION_KIND_LABELS,
  INCIDENT_CATEGORY_LABELS,
  POST_ROLE_LABELS,
  SCHEME_LABELS,
} from '../../domain/vocabulary.js';
import { audit } from '../audit-log.js';
import { dbOf, type AnyDb } from '../context.js';
import { badRequest, HttpError, notFound } from '../errors.js';
import { namer } from '../plain-names.js';
import { RECORD_ROLES } from '../roles.js';
import { errorSchemas } from '../schemas.js';
import { cadreCond, scopeOf, unitCond } from '../scope.js';
import type { User } from '../accounts/users.js';
import type { RecordStore } from '../../store/types.js';

export interface AlertRouteOptions {
  /** hours between full scans; 0 = none. Default SANXIANG_ALERT_SCAN_HOURS or 24 (daily). */
  scanHours?: number;
  /** scan once when the server is ready (default true): a record loaded while no server ran gets its alerts */
  scanAtStart?: boolean;
  /** SQLite: threads for the full scan (default 1; the server passes alertScanThreads of its environment) */
  scanThreads?: number;
}

/**
 * Threads for the full scan on SQLite: SANXIANG_ALERT_SCAN_THREADS (1 = on the serving thread; 2 or more = the
 * record's regions over worker threads, each reading its own), default the machine's cores, at most 2. The threads
 * read and evaluate off the serving thread, so requests are answered during the scan.
 */
export function alertScanThreads(env: NodeJS.ProcessEnv): number {
  const v = env.SANXIANG_ALERT_SCAN_THREADS?.trim();
  if (v === undefined || v === '') return Math.min(2, availableParallelism());
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 16)
    throw new Error(`SANXIANG_ALERT_SCAN_THREADS 应为 1 至 16 的整数 (must be an integer from 1 to 16): ${v}`);
  return n;
}

/** The scan interval from the environment: SANXIANG_ALERT_SCAN_HOURS (0 = no scheduled scan), default 24. */
export function alertScanHours(env: NodeJS.ProcessEnv): number {
  const v = env.SANXIANG_ALERT_SCAN_HOURS;
  if (v === undefined || v.trim() === '') return 24;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0)
    throw new Error(`SANXIANG_ALERT_SCAN_HOURS 应为不小于 0 的小时数 (must be a number of hours >= 0): ${v}`);
  return n;
}

/**
 * Whether the server scans once when it starts: SANXIANG_ALERT_SCAN_AT_START (1, the default, or 0). On a large record
 * the scan occupies the serving process for a while (minutes at a million cadres on two cores), so a server restarted
 * on a record no one changed meanwhile may skip it and rely on the scheduled scan or a scan started by hand.
 */
export function alertScanAtStart(env: NodeJS.ProcessEnv): boolean {
  const v = env.SANXIANG_ALERT_SCAN_AT_START?.trim();
  if (v === undefined || v === '' || v === '1') return true;
  if (v === '0') return false;
  throw new Error(`SANXIANG_ALERT_SCAN_AT_START 应为 1 或 0 (must be 1 or 0): ${v}`);
}

type Reader = Pick<User, 'role' | 'unitId' | 'cadreId'>;

/** The alerts a reader sees: about cadres and units in their scope; the cadre role, their own confirmed ones. */
export function alertVisibility(reader: Reader): RawBuilder<boolean> {
  const scope = scopeOf(reader);
  if (scope.kind === 'self') {
    const states = sql.join(SEEN_BY_SUBJECT.map((s) => sql`${s}`));
    return sql<boolean>`(subject_type = 'cadre' and subject_id = ${scope.cadreId} and state in (${states}))`;
  }
  // the whole record: no condition at all, so a count or a page is read through the list's indexes alone (every
  // alert is about a cadre or a unit)
  if (scope.kind === 'all') return sql<boolean>`1 = 1`;
  return sql<boolean>`((subject_type = 'cadre' and ${cadreCond(scope, sql.ref('subject_id'))})
    or (subject_type = 'unit' and ${unitCond(scope, sql.ref('subject_id'))}))`;
}

/** The steps taken on the alert itself; 已启动调整程序 follows from opening the case, never on its own. */
const ACTION_PATHS: Record<string, AlertAction> = {
  verify: 'verify',
  confirm: 'confirm',
  dismiss: 'dismiss',
};
const OWN_ACTIONS = new Set<AlertAction>(Object.values(ACTION_PATHS));

interface ListQueryString {
  unit?: string;
  rule?: string;
  year?: number;
  state?: AlertState;
  cadre?: string;
  present?: boolean;
  page?: number;
  pageSize?: number;
}

const filterProps = {
  unit: { type: 'string', maxLength: 64 },
  rule: { type: 'string', maxLength: 80 },
  year: { type: 'integer', minimum: 1949, maximum: 2200 },
  state: { type: 'string', enum: [...ALERT_STATES] },
  cadre: { type: 'string', maxLength: 64 },
  present: { type: 'boolean' },
} as const;

export function alertRoutes(app: FastifyInstance, opts: AlertRouteOptions = {}): void {
  const ctx = app.ctx;
  const registry = packRegistry();
  const rules = alertRules(registry);
  const store = ctx.store;
  if (!(store instanceof KyselyStore)) throw new Error('the alert list needs a Kysely-backed store');
  const today = () => chinaDate(ctx.now());
  const refresher = new AlertRefresher(store, registry, {
    today,
    now: ctx.now,
    scanThreads: opts.scanThreads ?? 1,
    onError: (err) => app.log.error({ err }, 'alert refresh failed'),
  });
  const hours = opts.scanHours ?? 24;
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    const scan = () =>
      refresher
        .scan()
        .then((r) => app.log.info({ alerts: r }, 'alert scan done'))
        .catch((err: unknown) => app.log.error({ err }, 'alert scan failed'));
    if (opts.scanAtStart !== false) void scan();
    if (hours > 0) {
      timer = setInterval(() => void scan(), hours * 3600_000);
      timer.unref();
    }
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    refresher.close();
    await refresher.settled();
  });

  const config = { roles: RECORD_ROLES };
  const ruleTitle = (id: string) => registry.rules.get(id)?.title ?? '';

  /** ids in the alerts' reasons → names, from the units and cadres tables */
  async function recordNames(db: AnyDb, rows: readonly AlertRow[]): Promise<Map<string, string>> {
    const ids = new Set<string>();
    for (const r of rows) {
      ids.add(r.subjectId);
      ids.add(r.unitId);
      for (const line of [...r.because, r.conclusion ?? ''])
        for (const t of line.match(/[A-Za-z0-9_-]+/g) ?? []) ids.add(t);
    }
    const list = [...ids];
    const names = new Map<string, string>();
    for (let i = 0; i < list.length; i += 500) {
      const part = list.slice(i, i + 500);
      for (const t of ['units', 'cadres'] as const) {
        const got = (await db.selectFrom(t).select(['id', 'name']).where('id', 'in', part).execute()) as {
          id: string;
          name: string;
        }[];
        for (const g of got) names.set(g.id, g.name);
      }
    }
    return names;
  }

  function view(r: AlertRow, names: Map<string, string>) {
    const plain = namer(registry, (id) => names.get(id) ?? VOCABULARY[id]).plain;
    const rule = registry.rules.get(r.ruleId);
    return {
      id: r.id,
      version: r.version,
      rule: r.ruleId,
      ruleTitle: ruleTitle(r.ruleId),
      pack: registry.packs.get(r.pack)?.title ?? r.pack,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      subjectName: names.get(r.subjectId) ?? '',
      unitId: r.unitId,
      unitName: names.get(r.unitId) ?? '',
      year: r.year === 0 ? null : r.year,
      citation: { document: r.document, article: r.article, text: rule?.citation.text ?? '' },
      because: r.because.map(plain),
      conclusion: r.conclusion ? plain(r.conclusion) : null,
      state: r.state,
      stateLabel: ALERT_STATE_LABELS[r.state],
      present: r.present,
      firstSeen: r.firstSeen,
      goneOn: r.goneOn,
      confirmedBy: r.confirmedBy,
      confirmedAt: r.confirmedAt,
      dismissedReason: r.dismissedReason,
      caseId: r.caseId,
    };
  }

  function query(req: FastifyRequest<{ Querystring: ListQueryString }>) {
    const q = req.query;
    if (q.rule !== undefined && !rules.has(q.rule))
      throw badRequest('rule', '不是预警规则', `not an alert rule: ${q.rule}`);
    return {
      visible: alertVisibility(req.user!),
      ...(q.unit ? { units: subtreeUnits(q.unit) } : {}),
      ...(q.rule ? { rule: q.rule } : {}),
      ...(q.year !== undefined ? { year: q.year } : {}),
      ...(q.state ? { state: q.state } : {}),
      ...(q.cadre ? { subject: q.cadre } : {}),
      ...(q.present !== undefined ? { present: q.present } : {}),
    };
  }

  app.get(
    '/alerts/rules',
    {
      config,
      schema: { tags: ['alerts'], summary: '预警规则（筛选用）the rules whose findings are alerts' },
    },
    async () => ({
      items: [...rules].map((id) => {
        const r = registry.rules.get(id)!;
        return {
          rule: id,
          title: r.title ?? '',
          pack: registry.packs.get(r.pack)?.title ?? r.pack,
          article: `《${r.citation.document}》${r.citation.article}`,
        };
      }),
    }),
  );

  app.get<{ Querystring: ListQueryString }>(
    '/alerts',
    {
      config,
      schema: {
        tags: ['alerts'],
        summary:
          '预警清单 the alerts in the reader’s scope (a proposal of the rules, to be determined by the organisation)',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ...filterProps,
            page: { type: 'integer', minimum: 1, maximum: 100_000 },
            pageSize: { type: 'integer', minimum: 1, maximum: 200 },
          },
        },
        response: { ...errorSchemas(400, 401, 403) },
      },
    },
    async (req) => {
      const page = req.query.page ?? 1;
      const pageSize = req.query.pageSize ?? 20;
      const { total, rows } = await alertsOf(store).list({
        ...query(req),
        offset: (page - 1) * pageSize,
        limit: pageSize,
      });
      const names = await recordNames(ctx.db, rows);
      return { total, page, pageSize, items: rows.map((r) => view(r, names)) };
    },
  );

  app.get<{ Querystring: ListQueryString }>(
    '/alerts/export.xlsx',
    {
      config,
      schema: {
        tags: ['alerts'],
        summary: '预警清单导出（.xlsx），筛选同列表 the alert list as a spreadsheet',
        querystring: { type: 'object', additionalProperties: false, properties: filterProps },
        response: { ...errorSchemas(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const { rows } = await alertsOf(store).list({ ...query(req), limit: 100_000 });
      const names = await recordNames(ctx.db, rows);
      const items: AlertListRow[] = rows.map((r) => {
        const v = view(r, names);
        return {
          subject: v.subjectName,
          unit: v.unitName,
          year: v.year,
          rule: v.ruleTitle,
          article: `《${v.citation.document}》${v.citation.article}`,
          evidence: v.because.join('\n'),
          conclusion: v.conclusion ?? '',
          state: v.stateLabel,
          standing: v.present ? '' : `记录已变化，${v.goneOn ? chineseDate(v.goneOn) : ''}起不再提示`,
          determined:
            r.state === 'dismissed'
              ? (r.dismissedReason ?? '')
              : r.confirmedAt
                ? `${r.confirmedBy ?? ''} ${chineseDate(chinaDate(new Date(r.confirmedAt)))}认定`
                : '',
        };
      });
      const title = req.query.year ? `${req.query.year}年能上能下预警清单` : '能上能下预警清单';
      const xlsx = await alertListBuffer(items, title);
      await audit(ctx.db, req, { action: 'alert.export', targetKind: 'alerts', after: { rows: items.length } });
      const file = encodeURIComponent(`${title}.xlsx`);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${file}"; filename*=UTF-8''${file}`)
        .send(xlsx);
    },
  );

  app.post(
    '/alerts/scan',
    {
      config: { roles: ['org_officer'] },
      schema: {
        tags: ['alerts'],
        summary: '立即全面扫描 run the full scan now (province-wide organisation department)',
      },
    },
    async (req) => {
      if (req.user!.unitId)
        throw new HttpError(403, {
          reason_zh: '全面扫描须由省级组织部门执行',
          reason: 'the full scan is for the province-wide organisation department',
        });
      const r = await refresher.scan();
      await audit(ctx.db, req, { action: 'alert.scan', targetKind: 'alerts', after: r });
      return r;
    },
  );

  const idParams = {
    type: 'object',
    properties: { id: { type: 'string', maxLength: 64 } },
  } as const;

  /** The alert if the reader sees it; 404 alike for a missing one and one outside the reader's view. */
  async function visibleAlert(from: RecordStore, req: FastifyRequest, id: string): Promise<AlertRow> {
    const { rows } = await alertsOf(from).list({ visible: alertVisibility(req.user!), id, limit: 1 });
    const row = rows[0];
    if (!row) throw notFound('预警不存在', `not found: alert ${id}`);
    return row;
  }

  app.get<{ Params: { id: string } }>(
    '/alerts/:id',
    {
      config,
      schema: {
        tags: ['alerts'],
        summary: '预警详情及处理记录 an alert with its history',
        params: idParams,
        response: { ...errorSchemas(401, 403, 404) },
      },
    },
    async (req) => {
      const row = await visibleAlert(store, req, req.params.id);
      const names = await recordNames(ctx.db, [row]);
      const events = await alertsOf(store).events(row.id);
      return {
        ...view(row, names),
        history: events.map((e) => ({
          at: e.at,
          action: e.action,
          label: e.action in ALERT_ACTIONS ? ALERT_ACTIONS[e.action as AlertAction].label : EVENT_LABELS[e.action],
          by: e.userName,
          reason: e.reason,
          state: e.toState ? ALERT_STATE_LABELS[e.toState as AlertState] : null,
        })),
        actions:
          req.user!.role === 'org_officer'
            ? (Object.keys(ALERT_ACTIONS) as AlertAction[])
                .filter((a) => OWN_ACTIONS.has(a) && allowedFrom(a, row.state))
                .map((a) => ({ action: a, label: ALERT_ACTIONS[a].label, reasonRequired: a === 'dismiss' }))
            : [],
      };
    },
  );

  app.post<{ Params: { id: string; action: string }; Body: { version: number; reason?: string } }>(
    '/alerts/:id/:action',
    {
      config: { roles: ['org_officer'] },
      schema: {
        tags: ['alerts'],
        summary: '处理预警：开始核实、组织认定、不予认定（须写明理由） act on an alert',
        params: {
          type: 'object',
          properties: {
            id: { type: 'string', maxLength: 64 },
            action: { type: 'string', enum: Object.keys(ACTION_PATHS) },
          },
        },
        body: {
          type: 'object',
          required: ['version'],
          additionalProperties: false,
          properties: {
            version: { type: 'integer', minimum: 1 },
            reason: { type: 'string', maxLength: 4000 },
          },
        },
        response: { ...errorSchemas(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const action = ACTION_PATHS[req.params.action]!;
      const reason = req.body.reason?.trim() ?? '';
      if (action === 'dismiss' && reason === '')
        throw badRequest('reason', '不予认定须写明理由', 'a dismissal needs a written reason');
      const user = req.user!;
      const at = ctx.now().toISOString();
      try {
        const updated = await store.transaction(async (tx) => {
          const row = await visibleAlert(tx, req, req.params.id);
          if (!allowedFrom(action, row.state))
            throw new HttpError(409, {
              reason_zh: `预警当前为“${ALERT_STATE_LABELS[row.state]}”，不能${ALERT_ACTIONS[action].label}`,
              reason: `an alert in state ${row.state} cannot be moved by ${action}`,
            });
          const fields: Record<string, unknown> = {};
          if (action === 'confirm') {
            fields.confirmed_by = user.displayName;
            fields.confirmed_at = at;
          }
          if (action === 'dismiss') fields.dismissed_reason = reason;
          const next = await alertsOf(tx).transition(row.id, req.body.version, ALERT_ACTIONS[action].to, fields, at, {
            action,
            fromState: row.state,
            userId: user.id,
            userName: user.displayName,
            role: user.role,
            reason: reason || null,
          });
          await audit(dbOf(tx), req, {
            action: `alert.${action}`,
            targetKind: 'alerts',
            targetId: row.id,
            before: { state: row.state, version: row.version },
            after: { state: next.state, version: next.version, ...(reason ? { reason } : {}) },
          });
          return next;
        });
        const names = await recordNames(ctx.db, [updated]);
        return view(updated, names);
      } catch (e) {
        if (e instanceof StaleAlertError)
          throw new HttpError(409, {
            reason_zh: '预警已被他人处理，请刷新后重试',
            reason: `stale version: alert ${e.alertId}`,
          });
        throw e;
      }
    },
  );
}

/** The record's vocabulary keys the rules write into their reasons (accident kinds, assessment schemes, …) in words. */
const VOCABULARY: Record<string, string> = {
  ...SCHEME_LABELS,
  ...POST_ROLE_LABELS,
  ...DETERMINATION_KIND_LABELS,
  ...INCIDENT_CATEGORY_LABELS,
};

const EVENT_LABELS: Record<string, string> = {
  gone: '记录变化，规则不再提示',
  reappeared: '记录变化，规则再次提示',
};
