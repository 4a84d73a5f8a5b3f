// CRUD for every record kind, through the scoped data layer; every write is audited in its own transaction
// with before/after, and a stale version is 409 with nothing changed.
import type { FastifyInstance } from 'fastify';
import { RECORD_KINDS, type RecordKind } from '../../domain/entities.js';
import { KIND_SPECS } from '../../io/xlsx/columns.js';
import { RECORD_REFERENCES } from '../../domain/references.js';
import {
  NUMBER_RANGES,
  dateProblem,
  idNumberProblem,
  idProblem,
  numberProblem,
  quarterProblem,
  textProblem,
  type ValueProblem,
} from '../../domain/values.js';
import { audit } from '../audit-log.js';
import { dbOf } from '../context.js';
import { badRequest } from '../errors.js';
import { RECORD_ROLES } from '../roles.js';
import { createRecord, deleteRecord, getRecord, listRecords, updateRecord } from '../scope.js';
import { OFFSET_SCHEMA, createSchema, entitySchema, errorSchemas, updateSchema } from '../schemas.js';
import { TABLES } from '../../store/schema.js';

const DATE_FIELDS = new Set(['birthDate', 'startDate', 'endDate', 'date', 'partyJoinDate', 'workStartDate']);

/** Kinds whose rows are sensitive (身份证号, sanctions, case material): listing them is audited too. */
const SENSITIVE = new Set<RecordKind>([
  'cadres',
  'sanctions',
  'accountability',
  'determinations',
  'toleranceRequests',
  'accountabilityMatters',
]);

/** What is wrong with one field's value (src/domain/values.ts: the same rules as the import's). */
function valueProblem(kind: RecordKind, field: string, v: unknown): ValueProblem | undefined {
  if (typeof v === 'string') {
    if (field === 'id' || RECORD_REFERENCES[kind].some((r) => r.field === field)) return idProblem(v);
    if (DATE_FIELDS.has(field)) return dateProblem(v);
    if (field === 'idNumber') return idNumberProblem(v);
    if (field === 'period') return quarterProblem(v);
    return textProblem(v);
  }
  if (typeof v === 'number') {
    const range = NUMBER_RANGES[field];
    return range ? numberProblem(v, range, TABLES[kind].byField.get(field)?.type === 'int') : undefined;
  }
  // a post's 分管领域 (a list of words), a tolerance request's findings (flag → true/false)
  // a list of references (a post's 分管单位): each an id
  if (Array.isArray(v) && RECORD_REFERENCES[kind].some((r) => r.field === field))
    for (const item of v) if (typeof item === 'string' && idProblem(item)) return idProblem(item);
  if (Array.isArray(v))
    for (const item of v) if (typeof item === 'string' && textProblem(item)) return textProblem(item);
  if (v && typeof v === 'object') for (const key of Object.keys(v)) if (textProblem(key)) return textProblem(key);
  return undefined;
}

/** 400 naming the first field among `fields` whose value is not one the record may hold. */
function checkValues(kind: RecordKind, row: Record<string, unknown>, fields: Iterable<string>): void {
  for (const f of fields) {
    const p = valueProblem(kind, f, row[f]);
    if (!p) continue;
    const label = KIND_SPECS[kind].columns.find((c) => c.field === f)?.header;
    throw badRequest(f, `${label ? `${label}（${f}）` : f}：${p.zh}`, `${f}: ${p.en}`);
  }
}

/** The cross-field rules of the xlsx spec (an end date before the start date, a grade the scheme does not give). */
function checkDomain(kind: RecordKind, row: Record<string, unknown>): void {
  const problems = KIND_SPECS[kind].check?.(row) ?? [];
  const p = problems[0];
  if (p) {
    const m = /^(.*?)\s*\((.*)\)$/s.exec(p.reason); // '中文 (English)'
    throw badRequest(p.field, m ? m[1]! : p.reason, m ? m[2]! : p.reason);
  }
}

/** A 身份证号 as kept: the check character X in upper case, however it was typed. */
function normalised(row: Record<string, unknown>): Record<string, unknown> {
  return typeof row.idNumber === 'string' ? { ...row, idNumber: row.idNumber.toUpperCase() } : row;
}

/** A new row as it will be stored: optional fields left out are empty (null), as the cross-field rules expect. */
function withNulls(kind: RecordKind, row: Record<string, unknown>): Record<string, unknown> {
  const out = { ...row };
  for (const c of TABLES[kind].columns) if (c.nullable && !(c.field in out)) out[c.field] = null;
  return out;
}

const idParams = { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } };

export function recordRoutes(app: FastifyInstance): void {
  const ctx = app.ctx;
  for (const kind of RECORD_KINDS) {
    const entity = entitySchema(kind);
    const tags = ['records'];
    const label = KIND_SPECS[kind].sheetName;
    const filterProps: Record<string, unknown> = {
      offset: OFFSET_SCHEMA,
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
        const body = withNulls(kind, normalised(req.body));
        checkValues(kind, body, Object.keys(body));
        checkDomain(kind, body);
        const created = await ctx.store.transaction(async (tx) => {
          const row = await createRecord(tx, req.user!, kind, body);
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
        const { version, ...sent } = req.body;
        const patch = normalised(sent);
        return ctx.store.transaction(async (tx) => {
          const current = await getRecord(tx, req.user!, kind, req.params.id);
          // the values it changes (a row read and sent back whole is not refused for what it already held)
          const was = current as unknown as Record<string, unknown>;
          checkValues(
            kind,
            patch,
            Object.keys(patch).filter((f) => JSON.stringify(patch[f]) !== JSON.stringify(was[f] ?? null)),
          );
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
