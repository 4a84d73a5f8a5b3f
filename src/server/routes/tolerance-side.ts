// Beside a tolerance case, over HTTP: starting a 澄清正名 case (after a tolerance case or in a matter; its steps then go
// through POST /cases/:id/steps like any case), what lies beside a case (the provisions of its pack's text, the cases
// it follows or that follow it, false-accusation referrals, 失信黑名单 entries, the pre-event filings it relies on),
// recording each of those, and 焦作's pre-event filings (风险评估备案, 特事特办 approval). A case is seen as on the case
// routes (404 outside); a filing like an accountability matter (404 outside the scope). Each write and its audit entry
// commit in one transaction.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FILING_KINDS } from '../../domain/side-procedures.js';
import type { Actor } from '../../mechanisms/tolerance/actors.js';
import {
  CaseForbiddenError,
  CaseInputError,
  CaseNotFoundError,
  CaseStepClosedError,
} from '../../mechanisms/tolerance/errors.js';
import { sideProvisions } from '../../mechanisms/tolerance/side-provisions.js';
import { filingView, FilingNotFoundError, ToleranceSide } from '../../mechanisms/tolerance/side.js';
import { audit } from '../audit-log.js';
import { dbOf } from '../context.js';
import { badRequest, forbidden, HttpError, notFound } from '../errors.js';
import { errorSchemas } from '../schemas.js';
import { visibleIds } from '../scope.js';

function actorOf(req: FastifyRequest): Actor {
  const u = req.user!;
  return { userId: u.id, role: u.role, unitId: u.unitId ?? null, cadreId: u.cadreId ?? null };
}

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof CaseInputError) throw badRequest(e.field, e.reason_zh, e.reason);
    if (e instanceof CaseForbiddenError) throw forbidden(e.reason_zh, e.reason);
    if (e instanceof CaseNotFoundError) throw notFound('案件不存在', `not found: case ${e.caseId}`);
    if (e instanceof FilingNotFoundError) throw notFound('备案记录不存在', `not found: filing ${e.filingId}`);
    if (e instanceof CaseStepClosedError) throw new HttpError(409, { reason_zh: e.reason_zh, reason: e.reason });
    throw e;
  }
}

const idParams = { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } } as const;
const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;
const words = (max: number) => ({ type: 'string', minLength: 1, maxLength: max }) as const;

export function toleranceSideRoutes(app: FastifyInstance): void {
  const ctx = app.ctx;
  const side = () => new ToleranceSide(ctx.store, ctx.now);
  // who sees a case or a filing is decided per record (404 outside), as on the case routes
  const config = {};

  app.post<{
    Body: {
      action: string;
      on: string;
      inputs?: Record<string, unknown>;
      reason?: string;
      follows?: string;
      subjectType?: 'cadre' | 'unit';
      subjectId?: string;
    };
  }>(
    '/clarifications',
    {
      config,
      schema: {
        tags: ['cases'],
        summary: '启动澄清正名（跟随容错案件或在问责事项中） start a clarification case',
        body: {
          type: 'object',
          required: ['action', 'on'],
          additionalProperties: false,
          properties: {
            action: { type: 'string', minLength: 1, maxLength: 40 },
            on: day,
            inputs: { type: 'object' },
            reason: { type: 'string', maxLength: 4000 },
            follows: { type: 'string', minLength: 1, maxLength: 64 },
            subjectType: { type: 'string', enum: ['cadre', 'unit'] },
            subjectId: { type: 'string', minLength: 1, maxLength: 64 },
          },
        },
        response: { ...errorSchemas(400, 401, 403, 409) },
      },
    },
    async (req, reply) =>
      guarded(async () => {
        const b = req.body;
        if (b.follows === undefined && (b.subjectType === undefined || b.subjectId === undefined))
          throw badRequest('follows', '请指明所依据的容错案件，或所涉干部或单位', 'follows or subjectType+subjectId');
        const c = await side().startClarification(
          actorOf(req),
          {
            action: b.action,
            on: b.on,
            inputs: b.inputs,
            reason: b.reason,
            ...(b.follows !== undefined ? { follows: b.follows } : {}),
            ...(b.subjectType && b.subjectId ? { subject: { type: b.subjectType, id: b.subjectId } } : {}),
            matterVisible: async (id) =>
              (await visibleIds(ctx.store, req.user!, 'accountabilityMatters', [id])).has(id),
          },
          async (tx, row, s) =>
            audit(dbOf(tx), req, {
              action: 'case.start',
              targetKind: 'cases',
              targetId: row.id,
              after: { step: s.seq, action: s.action, state: row.state, procedure: row.procedure },
            }),
        );
        void reply.code(201);
        return { id: c.id, version: c.version, procedure: c.procedure, pack: c.pack, state: c.state };
      }),
  );

  app.get<{ Params: { id: string } }>(
    '/cases/:id/side',
    {
      config,
      schema: {
        tags: ['cases'],
        summary: '案件的关联事项：澄清正名、诬告陷害查处、失信黑名单、事前备案 what lies beside a case',
        params: idParams,
        response: { ...errorSchemas(401, 403, 404) },
      },
    },
    async (req) =>
      guarded(async () => {
        const out = await side().beside(actorOf(req), req.params.id);
        await audit(ctx.db, req, { action: 'case.side', targetKind: 'cases', targetId: req.params.id });
        return out;
      }),
  );

  app.post<{ Params: { id: string }; Body: { on: string; accuser: string; conduct: string; referredTo: string } }>(
    '/cases/:id/referrals',
    {
      config,
      schema: {
        tags: ['cases'],
        summary: '诬告陷害移送查处 a false accusation referred for investigation',
        params: idParams,
        body: {
          type: 'object',
          required: ['on', 'accuser', 'conduct', 'referredTo'],
          additionalProperties: false,
          properties: { on: day, accuser: words(200), conduct: words(2000), referredTo: words(200) },
        },
        response: { ...errorSchemas(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      guarded(async () => {
        const r = await side().refer(actorOf(req), req.params.id, req.body, (tx, id) =>
          audit(dbOf(tx), req, {
            action: 'case.referral',
            targetKind: 'cases',
            targetId: req.params.id,
            after: { referral: id },
            caseContent: true,
          }),
        );
        void reply.code(201);
        return r;
      }),
  );

  app.post<{
    Params: { id: string };
    Body: { on: string; referral: string; person: string; conduct: string; decidedBy: string };
  }>(
    '/cases/:id/blacklist',
    {
      config,
      schema: {
        tags: ['cases'],
        summary: '纳入失信“黑名单”（安徽） enter a person in the credit blacklist',
        params: idParams,
        body: {
          type: 'object',
          required: ['on', 'referral', 'person', 'conduct', 'decidedBy'],
          additionalProperties: false,
          properties: {
            on: day,
            referral: words(64),
            person: words(200),
            conduct: words(2000),
            decidedBy: words(200),
          },
        },
        response: { ...errorSchemas(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      guarded(async () => {
        const r = await side().blacklist(actorOf(req), req.params.id, req.body, (tx, id) =>
          audit(dbOf(tx), req, {
            action: 'case.blacklist',
            targetKind: 'cases',
            targetId: req.params.id,
            after: { entry: id },
            caseContent: true,
          }),
        );
        void reply.code(201);
        return r;
      }),
  );

  app.post<{ Params: { id: string }; Body: { filing: string } }>(
    '/cases/:id/filings',
    {
      config,
      schema: {
        tags: ['cases'],
        summary: '案件所依据的事前备案（焦作） a pre-event filing the case relies on',
        params: idParams,
        body: {
          type: 'object',
          required: ['filing'],
          additionalProperties: false,
          properties: { filing: words(64) },
        },
        response: { ...errorSchemas(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      guarded(async () => {
        const added = await side().relyOn(actorOf(req), req.params.id, req.body.filing, (tx, id) =>
          audit(dbOf(tx), req, {
            action: 'case.filing',
            targetKind: 'cases',
            targetId: req.params.id,
            after: { filing: id },
          }),
        );
        void reply.code(added ? 201 : 200);
        return { added };
      }),
  );

  const filingBody = {
    type: 'object',
    required: ['kind', 'unit', 'title', 'startedOn'],
    additionalProperties: false,
    properties: {
      kind: { type: 'string', enum: [...FILING_KINDS] },
      unit: words(64),
      cadre: words(64),
      title: words(200),
      startedOn: day,
      assessedOn: day,
      filedOn: day,
      governmentApprovedOn: day,
      reportedTo: words(200),
      upperApprovedOn: day,
    },
  } as const;

  app.post<{ Body: Record<string, unknown> }>(
    '/filings',
    {
      config,
      schema: {
        tags: ['records'],
        summary: '登记事前备案（焦作：风险评估备案、特事特办审批） record a pre-event filing',
        body: filingBody,
        response: { ...errorSchemas(400, 401, 403) },
      },
    },
    async (req, reply) =>
      guarded(async () => {
        const b = req.body;
        const f = await side().addFiling(
          actorOf(req),
          {
            kind: b.kind,
            unit: b.unit,
            cadre: b.cadre,
            title: b.title,
            startedOn: b.startedOn,
            ...Object.fromEntries(
              ['assessedOn', 'filedOn', 'governmentApprovedOn', 'reportedTo', 'upperApprovedOn']
                .filter((k) => b[k] !== undefined)
                .map((k) => [k, b[k]]),
            ),
          },
          (tx, id) =>
            audit(dbOf(tx), req, {
              action: 'filing.create',
              targetKind: 'preEventFilings',
              targetId: id,
              after: { kind: b.kind, unit: b.unit, startedOn: b.startedOn },
            }),
        );
        void reply.code(201);
        return filingView(f, sideProvisions(f.pack));
      }),
  );

  app.get(
    '/filings',
    { config, schema: { tags: ['records'], summary: '事前备案列表 pre-event filings in scope' } },
    async (req) => {
      const items = (await side().filings(actorOf(req))).map((f) => filingView(f, sideProvisions(f.pack)));
      return { total: items.length, items };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/filings/:id',
    {
      config,
      schema: {
        tags: ['records'],
        summary: '事前备案 a pre-event filing',
        params: idParams,
        response: { ...errorSchemas(401, 403, 404) },
      },
    },
    async (req) =>
      guarded(async () => {
        const f = await side().filing(actorOf(req), req.params.id);
        return filingView(f, sideProvisions(f.pack));
      }),
  );
}
