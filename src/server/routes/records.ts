// CRUD for every record kind, through the scoped data layer; every write is audited in its own transaction
// with before/after, and a stale version is 409 with nothing changed.
import type { FastifyInstance } from 'fastify';
import { RECORD_KINDS, type RecordKind } from '../../domain/entities.js';
import { KIND_SPECS } from '../../io/xlsx/columns.js';
import { isDate } from '../../domain/dates.js';
import { audit } from '../audit-log.js';
import { dbOf } from '../context.js';
import { badRequest } from '../errors.js';
import { RECORD_ROLES } from '../roles.js';
import { createRecord, deleteRecord, getRecord, listRecords, updateRecord } from '../scope.js';
import { createSchema, entitySchema, errorSchemas, updateSchema } from '../schemas.js';
import { TABLES } from '../../store/schema.js';

const DATE_FIELDS = ['birthDate', 'startDate', 'endDate', 'date', 'partyJoinDate', 'workStartDate'];

/** Kinds whose rows are sensitive (身份证号, sanctions, case material): listing them is audited too. */
const SENSITIVE = new Set<RecordKind>(['cadres', 'sanctions', 'accountability', 'determinations', 'toleranceRequests']);

/** Domain checks JSON schema cannot express: real calendar dates, the xlsx spec's cross-field rules. */
function checkDomain(kind: RecordKind, row: Record<string, unknown>): void {
  for (const f of DATE_FIELDS) {
    const v = row[f];
    if (typeof v === 'string' && !isDate(v)) throw badRequest(f, `${f}：不是有效日期`, `${f} is not a valid date`);
  }
  const problems = KIND_SPECS[kind].check?.(row) ?? [];
  const p = problems[0];
  if (p) {
    const m = /^(.*?)\s*\((.*)\)$/s.exec(p.reason); // '中文 (English)'
    throw badRequest(p.field, m ? m[1]! : p.reason, m ? m[2]! : p.reason);
  }
}

const idParams = { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } };

export function recordRoutes(app: FastifyInstance): void {
  const ctx = app.ctx;
  for (const kind of RECORD_KINDS) {
    const entity = entitySchema(kind);
    const tags = ['records'];
    const label = KIND_SPECS[kind].sheetName;
    const filterProps: Record<string, unknown> = {
      offset: { type: 'integer', minimum: 0 },
      limit: { type: 'integer', minimum: 1, maximum: 1000 },
    };
    for (const c of TABLES[kind].columns)
      if (c.field !== 'version' && c.type !== 'json' && c.type !== 'real')
        filterProps[c.field] = { type: c.type === 'int' ? 'integer' : c.type === 'bool' ? 'boolean' : 'string' };

    app.get<{ Querystring: Record<string, string | number | boolean> }>(
      `/records/${kind}`,
      {
        config: { roles: RECORD_ROLES },
        schema: {
          tags,
          summary: `${label}列表 list ${kind} in scope`,
          querystring: { type: 'object', additionalProperties: false, properties: filterProps },
          response: {
            200: {
              type: 'object',
              properties: { total: { type: 'integer' }, items: { type: 'array', items: entity } },
            },
            ...errorSchemas(400, 401, 403),
          },
        },
      },
      async (req) => {
        const { offset, limit, ...where } = req.query;
        const page = await listRecords(ctx.store, req.user!, kind, {
          where,
          offset: offset as number | undefined,
          limit: limit as number | undefined,
        });
        if (SENSITIVE.has(kind))
          await audit(ctx.db, req, {
            action: 'record.list',
            targetKind: kind,
            targetId: null,
            after: { query: req.query, ids: page.items.map((r) => r.id) },
          });
        return page;
      },
    );

    app.get<{ Params: { id: string } }>(
      `/records/${kind}/:id`,
      {
        config: { roles: RECORD_ROLES },
        schema: {
          tags,
          summary: `${label} get one`,
          params: idParams,
          response: { 200: entity, ...errorSchemas(401, 403, 404) },
        },
      },
      async (req) => {
        const row = await getRecord(ctx.store, req.user!, kind, req.params.id);
        // audited before it leaves (see views.ts on profile reads)
        await audit(ctx.db, req, { action: 'record.read', targetKind: kind, targetId: row.id });
        return row;
      },
    );

    app.post<{ Body: Record<string, unknown> }>(
      `/records/${kind}`,
      {
        config: { roles: RECORD_ROLES },
        schema: {
          tags,
          summary: `新增${label} create`,
          body: createSchema(kind),
          response: { 201: entity, ...errorSchemas(400, 401, 403, 413) },
        },
      },
      async (req, reply) => {
        checkDomain(kind, req.body);
        const created = await ctx.store.transaction(async (tx) => {
          const row = await createRecord(tx, req.user!, kind, req.body);
          await audit(dbOf(tx), req, { action: 'record.create', targetKind: kind, targetId: row.id, after: row });
          return row;
        });
        return reply.code(201).send(created);
      },
    );

    app.put<{ Params: { id: string }; Body: Record<string, unknown> & { version: number } }>(
      `/records/${kind}/:id`,
      {
        config: { roles: RECORD_ROLES },
        schema: {
          tags,
          summary: `修改${label}（须带 version） update with the version read`,
          params: idParams,
          body: updateSchema(kind),
          response: { 200: entity, ...errorSchemas(400, 401, 403, 404, 409, 413) },
        },
      },
      async (req) => {
        const { version, ...patch } = req.body;
        return ctx.store.transaction(async (tx) => {
          const current = await getRecord(tx, req.user!, kind, req.params.id);
          checkDomain(kind, { ...current, ...patch });
          const { before, after } = await updateRecord(tx, req.user!, kind, req.params.id, version, patch);
          await audit(dbOf(tx), req, { action: 'record.update', targetKind: kind, targetId: after.id, before, after });
          return after;
        });
      },
    );

    app.delete<{ Params: { id: string }; Querystring: { version: number } }>(
      `/records/${kind}/:id`,
      {
        config: { roles: RECORD_ROLES },
        schema: {
          tags,
          summary: `删除${label}（须带 version） delete with the version read`,
          params: idParams,
          querystring: {
            type: 'object',
            required: ['version'],
            properties: { version: { type: 'integer', minimum: 1 } },
          },
          response: { ...errorSchemas(400, 401, 403, 404, 409) },
        },
      },
      async (req) =>
        ctx.store.transaction(async (tx) => {
          const before = await deleteRecord(tx, req.user!, kind, req.params.id, req.query.version);
          await audit(dbOf(tx), req, { action: 'record.delete', targetKind: kind, targetId: req.params.id, before });
          return { ok: true };
        }),
    );
  }
}
