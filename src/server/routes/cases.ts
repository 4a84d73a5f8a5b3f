// Cases over HTTP — 容错纠错 and 能上能下 alike: the list (filters: procedure, state, pack, unit, year), 待办 and 已办, a case with its history,
// the actions open to the person and the pack's evaluation beside it, starting a case, taking a step at a version
// (a stale version is 409, nothing changed), comments. A case is seen only by its participants and the officers of
// the handling organ within scope; anyone else — 三员 included — gets 404, as for an out-of-scope cadre. Each write
// and its audit entry commit in one transaction.
import { chinaDate } from '../../domain/dates.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { CASE_OUTCOME_LABELS, type ActionSpec, type CaseOutcome } from '../../domain/procedure.js';
import type { Actor } from '../../mechanisms/tolerance/actors.js';
import { ToleranceCases } from '../../mechanisms/tolerance/cases.js';
import {
  CaseForbiddenError,
  CaseInputError,
  CaseNotFoundError,
  CaseStepClosedError,
} from '../../mechanisms/tolerance/errors.js';
import {
  casesOf,
  StaleCaseError,
  type CaseListFilter,
  type CasePage,
  type CasePageRequest,
  type CaseRow,
} from '../../store/cases.js';
import { armDeadlines, type ArmedDeadlines } from '../../mechanisms/tolerance/deadlines.js';
import { audit } from '../audit-log.js';
import { dbOf } from '../context.js';
import { badRequest, forbidden, HttpError, notFound } from '../errors.js';
import { errorSchemas } from '../schemas.js';
import { visibleIds } from '../scope.js';
import { caseDocumentList, renderCaseDocument } from '../case-documents.js';
import { caseRegisterBuffer, type CaseSummary } from '../../io/register/case-register.js';
import { alertsOf, StaleAlertError } from '../../store/alerts.js';
import { alertVisibility } from './alerts.js';

/** Rows a page holds unless the request says otherwise, and at most. */
const DEFAULT_PAGE = 50;
const MAX_PAGE = 200;

interface ListQuery {
  procedure?: string;
  cadre?: string;
  state?: string;
  pack?: string;
  unit?: string;
  year?: number;
  limit?: number;
  offset?: number;
  after?: string;
}

function actorOf(req: FastifyRequest): Actor {
  const u = req.user!;
  return { userId: u.id, role: u.role, unitId: u.unitId ?? null, cadreId: u.cadreId ?? null };
}

/** The mechanism's refusals as the API's answers. */
function mapped(e: unknown): unknown {
  if (e instanceof CaseInputError) return badRequest(e.field, e.reason_zh, e.reason);
  if (e instanceof CaseForbiddenError) return forbidden(e.reason_zh, e.reason);
  if (e instanceof CaseNotFoundError) return notFound('案件不存在', `not found: case ${e.caseId}`);
  if (e instanceof CaseStepClosedError) return new HttpError(409, { reason_zh: e.reason_zh, reason: e.reason });
  if (e instanceof StaleAlertError)
    return new HttpError(409, {
      reason_zh: '所依据的预警已被他人处理，请刷新后重试',
      reason: `stale version: alert ${e.alertId}`,
    });
  if (e instanceof StaleCaseError)
    return new HttpError(409, {
      reason_zh: '案件已被他人办理，请刷新后重试',
      reason: `stale version: case ${e.caseId}`,
    });
  return e;
}

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw mapped(e);
  }
}

const actionView = (a: ActionSpec) => ({
  action: a.id,
  label: a.label,
  body: a.actor.body,
  article: `${a.citation.document} ${a.citation.article}`,
  inputs: (a.inputs ?? []).map((i) => ({ name: i.name, label: i.label, kind: i.kind, required: i.required })),
  outcomes: a.concludes?.map((o) => ({ value: o, label: CASE_OUTCOME_LABELS[o] })) ?? [],
  reasonRequired: a.reasonRequired === true,
});

const stepBody = {
  type: 'object',
  required: ['action', 'on'],
  additionalProperties: false,
  properties: {
    action: { type: 'string', minLength: 1, maxLength: 40 },
    on: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    inputs: { type: 'object' },
    reason: { type: 'string', maxLength: 4000 },
  },
} as const;

interface StepBody {
  action: string;
  on: string;
  inputs?: Record<string, unknown>;
  reason?: string;
}

export function caseRoutes(app: FastifyInstance): void {
  const ctx = app.ctx;
  // deadlines on record are re-armed whenever the server starts (they are data, not timers)
  let armed: ArmedDeadlines | undefined;
  app.addHook('onReady', async () => {
    // open cases recorded before the store kept who may act on them get their rows (a no-op afterwards)
    await new ToleranceCases(ctx.store, { now: ctx.now }).fillOpenActors();
    armed = await armDeadlines(ctx.store, {
      today: () => chinaDate(ctx.now()),
      onOverdue: (d) => app.log.info({ deadlines: d.map((x) => x.id) }, 'case deadlines overdue'),
    });
  });
  app.addHook('onClose', async () => armed?.stop());
  const cases = () => new ToleranceCases(ctx.store, { now: ctx.now });

  /** The list's filters and page from the query string (the schema has checked each value's form). */
  function listArgs(q: ListQuery): { filter: CaseListFilter; page: CasePageRequest } {
    let after: CasePageRequest['after'];
    if (q.after !== undefined) {
      const m = /^(\d{4}-\d{2}-\d{2})\.(.+)$/.exec(q.after);
      if (!m)
        throw badRequest(
          'after',
          '翻页位置无效，请从第一页重新浏览',
          'after must be the `next` of a previous page (YYYY-MM-DD.<case>)',
        );
      after = { openedOn: m[1]!, id: m[2]! };
    }
    return {
      filter: { procedure: q.procedure, cadreId: q.cadre, state: q.state, pack: q.pack, unitId: q.unit, year: q.year },
      page: { limit: q.limit ?? DEFAULT_PAGE, offset: q.offset, after },
    };
  }

  const pageView = <T>(p: CasePage, items: T[]) => ({
    total: p.total,
    totalCapped: p.totalCapped,
    items,
    next: p.next ? `${p.next.openedOn}.${p.next.id}` : null,
  });

  const summary = (c: CaseRow) => ({
    id: c.id,
    version: c.version,
    pack: c.pack,
    procedure: c.procedure,
    state: c.state,
    stateLabel: cases().definitionOf(c).states[c.state]?.label ?? c.state,
    subjectType: c.subjectType,
    subjectId: c.subjectId,
    handlingUnitId: c.handlingUnitId,
    matterId: c.matterId,
    outcome: c.outcome,
    outcomeLabel: c.outcome ? CASE_OUTCOME_LABELS[c.outcome as CaseOutcome] : null,
    openedOn: c.openedOn,
    year: c.year,
    closed: c.closed,
  });

  /**
   * Summaries with the names people read beside them: the cadre or unit concerned, the unit it belongs to, the
   * handling unit and the matter (the web asks for no names apart from the cases).
   */
  async function namedPage(rows: readonly CaseRow[]) {
    const names = await casesOf(ctx.store).caseNames(rows);
    return rows.map((c) => ({ ...summary(c), ...names.get(c.id)! }));
  }
  const named = async (c: CaseRow) => (await namedPage([c]))[0]!;

  // No role list on the case routes: who sees a case is decided per case (participants and the handling organ), so
  // 三员 and everyone else get the same 404 as for a case that does not exist, and empty lists.
  const config = {};
  const idParams = { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } } as const;

  const listQuery = {
    type: 'object',
    additionalProperties: false,
    properties: {
      procedure: { type: 'string', enum: ['tolerance', 'adjustment', 'clarification'] },
      cadre: { type: 'string', maxLength: 64 },
      state: { type: 'string', maxLength: 40 },
      pack: { type: 'string', enum: ['jiangsu', 'shaanxi', 'rudong', 'anhui', 'jiaozuo'] },
      unit: { type: 'string', maxLength: 64 },
      year: { type: 'integer', minimum: 1949, maximum: 2200 },
    },
  } as const;
  const pageQuery = {
    ...listQuery,
    properties: {
      ...listQuery.properties,
      limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE },
      offset: { type: 'integer', minimum: 0, maximum: 1_000_000 },
      after: { type: 'string', maxLength: 80 },
    },
  } as const;

  app.get<{ Querystring: ListQuery }>(
    '/cases',
    {
      config,
      schema: {
        tags: ['cases'],
        summary: '案件列表（分页；容错纠错、能上能下） cases the person sees, a page at a time',
        querystring: pageQuery,
        response: { ...errorSchemas(400, 401, 403) },
      },
    },
    async (req) => {
      const { filter, page } = listArgs(req.query);
      const p = await cases().list(actorOf(req), 'all', filter, page);
      return pageView(p, await namedPage(p.items));
    },
  );

  /** A case as a row of the register: names, not ids. */
  async function registerRow(c: CaseRow, n: number): Promise<CaseSummary> {
    const def = cases().definitionOf(c);
    const cadre = c.subjectType === 'cadre' ? await ctx.store.repo('cadres').get(c.subjectId) : undefined;
    const unit = await ctx.store.repo('units').get(cadre ? cadre.managingUnitId : c.subjectId);
    const matter = await ctx.store.repo('accountabilityMatters').get(c.matterId);
    const concluding = (await casesOf(ctx.store).steps(c.id)).filter((s) => typeof s.inputs.outcome === 'string').pop();
    return {
      number: `${c.year}年第${n}号`,
      cadre: cadre?.name ?? null,
      unit: unit?.name ?? '',
      matter: matter?.description ?? '',
      appliedOn: c.openedOn,
      state: def.states[c.state]?.label ?? c.state,
      outcome: c.outcome,
      concludedOn: concluding?.onDate ?? null,
      decidingBody: concluding ? (def.actions.find((a) => a.id === concluding.action)?.actor.body ?? null) : null,
    };
  }

  app.get<{ Querystring: { state?: string; pack?: string; unit?: string; year?: number } }>(
    '/cases/register.xlsx',
    {
      config,
      schema: {
        tags: ['cases'],
        summary: '容错纠错案件登记台账（.xlsx），筛选同案件列表 the case register of the cases the person sees',
        querystring: listQuery,
        response: { ...errorSchemas(400, 401, 403) },
      },
    },
    async (req, reply) => {
      // the register is the 容错纠错 register: adjustment and side cases are not 容错纠错 cases
      const items = await cases().listAll(actorOf(req), 'all', {
        ...listArgs(req.query).filter,
        procedure: 'tolerance',
      });
      const rows: CaseSummary[] = [];
      for (const [i, c] of items.entries()) rows.push(await registerRow(c, i + 1));
      const title = req.query.year ? `${req.query.year}年容错纠错案件登记台账` : '容错纠错案件登记台账';
      const xlsx = await caseRegisterBuffer(rows, { title });
      await audit(ctx.db, req, {
        action: 'case.register',
        targetKind: 'cases',
        after: { rows: rows.length },
        caseContent: true,
      });
      const file = encodeURIComponent(`${title}.xlsx`);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${file}"; filename*=UTF-8''${file}`)
        .send(xlsx);
    },
  );

  app.get<{ Querystring: ListQuery }>(
    '/cases/todo',
    {
      config,
      schema: {
        tags: ['cases'],
        summary: '待办 cases with a step open to the person, a page at a time',
        querystring: pageQuery,
        response: { ...errorSchemas(400, 401, 403) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const tc = cases();
      const { filter, page } = listArgs(req.query);
      const p = await tc.list(actor, 'todo', filter, page);
      // the actions of the whole page from the cases' open-actor rows, in one query
      const allowed = await tc.allowedOnPage(actor, p.items);
      const rows = await namedPage(p.items);
      return pageView(
        p,
        rows.map((c) => ({ ...c, actions: (allowed.get(c.id) ?? []).map((a) => a.label) })),
      );
    },
  );

  app.get<{ Querystring: ListQuery }>(
    '/cases/done',
    {
      config,
      schema: {
        tags: ['cases'],
        summary: '已办 cases the person acted on, a page at a time',
        querystring: pageQuery,
        response: { ...errorSchemas(400, 401, 403) },
      },
    },
    async (req) => {
      const { filter, page } = listArgs(req.query);
      const p = await cases().list(actorOf(req), 'done', filter, page);
      return pageView(p, await namedPage(p.items));
    },
  );

  app.get(
    '/cases/versions',
    {
      config: { roles: ['org_officer', 'discipline_officer'] },
      schema: { tags: ['cases'], summary: '各程序版本上运行的案件数 cases by procedure version' },
    },
    async () => ({ items: await casesOf(ctx.store).versionReport() }),
  );

  app.get<{ Params: { id: string } }>(
    '/cases/:id',
    {
      config,
      schema: {
        tags: ['cases'],
        summary: '案件详情 a case',
        params: idParams,
        response: { ...errorSchemas(401, 403, 404) },
      },
    },
    async (req) =>
      guarded(async () => {
        const actor = actorOf(req);
        const tc = cases();
        const c = await tc.visible(actor, req.params.id);
        const def = tc.definitionOf(c);
        const repo = casesOf(ctx.store);
        const asOf = chinaDate(ctx.now());
        const detail = {
          ...(await named(c)),
          procedure: { title: def.title, version: def.version, states: def.states },
          history: (await repo.steps(c.id)).map((s) => ({
            seq: s.seq,
            on: s.onDate,
            action: s.action,
            label: def.actions.find((a) => a.id === s.action)?.label ?? s.action,
            from: s.fromState,
            to: s.toState,
            role: s.actorRole,
            inputs: s.inputs,
            reason: s.reason,
            documents: s.documents,
            evaluation: s.evaluation,
          })),
          allowed: (await tc.allowed(actor, c)).map(actionView),
          evaluation: await tc.evaluation(c, asOf),
          comments: await repo.comments(c.id),
          deadlines: await repo.deadlines(c.id),
        };
        await audit(ctx.db, req, { action: 'case.read', targetKind: 'cases', targetId: c.id });
        return detail;
      }),
  );

  app.get<{ Params: { id: string } }>(
    '/cases/:id/documents',
    {
      config,
      schema: {
        tags: ['cases'],
        summary: '案件已形成的文书 the documents the case has produced',
        params: idParams,
        response: { ...errorSchemas(401, 403, 404) },
      },
    },
    async (req) =>
      guarded(async () => {
        const tc = cases();
        const c = await tc.visible(actorOf(req), req.params.id);
        const items = caseDocumentList(tc.definitionOf(c), await casesOf(ctx.store).steps(c.id));
        return { total: items.length, items };
      }),
  );

  app.get<{ Params: { id: string; n: number } }>(
    '/cases/:id/documents/:n',
    {
      config,
      schema: {
        tags: ['cases'],
        summary: '下载文书（.docx） download one document of the case',
        params: {
          type: 'object',
          properties: { id: { type: 'string', maxLength: 64 }, n: { type: 'integer', minimum: 1 } },
        },
        response: { ...errorSchemas(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      guarded(async () => {
        const tc = cases();
        const c = await tc.visible(actorOf(req), req.params.id);
        const def = tc.definitionOf(c);
        const steps = await casesOf(ctx.store).steps(c.id);
        const entry = caseDocumentList(def, steps).find((d) => d.n === req.params.n);
        if (!entry) throw notFound('该文书不存在', `not found: document ${req.params.n} of case ${c.id}`);
        const docx = await renderCaseDocument(ctx.store, def, c, steps, entry);
        await audit(ctx.db, req, {
          action: 'case.document',
          targetKind: 'cases',
          targetId: c.id,
          after: { document: entry.n, name: entry.name },
          caseContent: true,
        });
        const file = encodeURIComponent(`${entry.name}.docx`);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header('content-disposition', `attachment; filename="${file}"; filename*=UTF-8''${file}`)
          .send(docx);
      }),
  );

  app.post<{ Body: StepBody & { subjectType: 'cadre' | 'unit'; subjectId: string; procedure?: string } }>(
    '/cases',
    {
      config,
      schema: {
        tags: ['cases'],
        summary: '启动案件（依申请、书面报告或依职权） start a case (容错纠错 by default, or 能上能下)',
        body: {
          ...stepBody,
          required: ['action', 'on', 'subjectType', 'subjectId'],
          properties: {
            ...stepBody.properties,
            subjectType: { type: 'string', enum: ['cadre', 'unit'] },
            subjectId: { type: 'string', minLength: 1, maxLength: 64 },
            procedure: { type: 'string', enum: ['tolerance', 'adjustment'] },
          },
        },
        response: { ...errorSchemas(400, 401, 403, 409) },
      },
    },
    async (req, reply) =>
      guarded(async () => {
        const b = req.body;
        const c = await cases().start(
          actorOf(req),
          {
            action: b.action,
            on: b.on,
            inputs: b.inputs,
            reason: b.reason,
            subject: { type: b.subjectType, id: b.subjectId },
            ...(b.procedure ? { procedure: b.procedure } : {}),
            matterVisible: async (id) =>
              (await visibleIds(ctx.store, req.user!, 'accountabilityMatters', [id])).has(id),
            // an adjustment case named after an alert: the alert as the opener sees it in the alert list
            alertOpening: {
              find: async (tx, id) =>
                (await alertsOf(tx).list({ visible: alertVisibility(req.user!), id, limit: 1 })).rows[0],
              userId: req.user!.id,
              userName: req.user!.displayName,
              role: req.user!.role,
              at: ctx.now().toISOString(),
            },
          },
          async (tx, row, s) =>
            audit(dbOf(tx), req, {
              action: 'case.start',
              targetKind: 'cases',
              targetId: row.id,
              after: { step: s.seq, action: s.action, state: row.state },
            }),
        );
        void reply.code(201);
        return summary(c);
      }),
  );

  app.post<{ Params: { id: string }; Body: StepBody & { version: number } }>(
    '/cases/:id/steps',
    {
      config,
      schema: {
        tags: ['cases'],
        summary: '办理一个步骤（须带案件版本，版本过期返回 409） take a step at a version',
        params: idParams,
        body: {
          ...stepBody,
          required: ['action', 'on', 'version'],
          properties: { ...stepBody.properties, version: { type: 'integer', minimum: 1 } },
        },
        response: { ...errorSchemas(400, 401, 403, 404, 409) },
      },
    },
    async (req) =>
      guarded(async () => {
        const b = req.body;
        const c = await cases().act(
          actorOf(req),
          req.params.id,
          b.version,
          { action: b.action, on: b.on, inputs: b.inputs, reason: b.reason },
          async (tx, row, s) =>
            audit(dbOf(tx), req, {
              action: 'case.step',
              targetKind: 'cases',
              targetId: row.id,
              after: { step: s.seq, action: s.action, from: s.fromState, to: s.toState },
            }),
        );
        return summary(c);
      }),
  );

  app.post<{
    Params: { id: string };
    Body: { text: string; attachment?: { name: string; type: string; size: number; sha256: string } };
  }>(
    '/cases/:id/comments',
    {
      config,
      schema: {
        tags: ['cases'],
        summary: '案件意见与附件登记 a comment (attachment metadata) on a case',
        params: idParams,
        body: {
          type: 'object',
          required: ['text'],
          additionalProperties: false,
          properties: {
            text: { type: 'string', minLength: 1, maxLength: 4000 },
            attachment: {
              type: 'object',
              required: ['name', 'type', 'size', 'sha256'],
              additionalProperties: false,
              properties: {
                name: { type: 'string', minLength: 1, maxLength: 200 },
                type: { type: 'string', minLength: 1, maxLength: 100 },
                size: { type: 'integer', minimum: 0 },
                sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
              },
            },
          },
        },
        response: { ...errorSchemas(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      guarded(async () => {
        const c = await cases().visible(actorOf(req), req.params.id);
        const id = randomUUID();
        await ctx.store.transaction(async (tx) => {
          await casesOf(tx).addComment({
            id,
            caseId: c.id,
            at: ctx.now().toISOString(),
            authorUserId: req.user!.id,
            authorRole: req.user!.role,
            text: req.body.text,
            attachment: req.body.attachment ?? null,
          });
          await audit(dbOf(tx), req, { action: 'case.comment', targetKind: 'cases', targetId: c.id });
        });
        void reply.code(201);
        return { id };
      }),
  );
}
