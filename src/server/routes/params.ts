// Local parameters (具体办法) over HTTP, for the 参数设置 page:
//   GET  /params?unit=U&asOf=D     the open numbers that apply in U's jurisdiction, each with the setting in force on D
//                                  (U's own or inherited from a unit above) and U's history of settings
//   POST /params                   a new setting for U (组织部门 only, U in its scope), in force from a date, citing the
//                                  local document; 400 naming the field for anything wrong, and nothing is written
//   POST /params/:id/revoke        a mistaken setting withdrawn (kept in the history, with who and why)
// Each write and its audit entry commit in one transaction. The rulebooks read the settings through
// mechanisms/params/in-force.ts on the evaluation date.
import { chinaDate } from '../../domain/dates.js';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { dateProblem } from '../../domain/values.js';
import { checkValue, openParam, openParams, valueInWords } from '../../mechanisms/params/catalogue.js';
import { packRegistry } from '../../packs/index.js';
import {
  getLocalParam,
  insertLocalParam,
  jurisdictionChain,
  liveSettingOn,
  revokeLocalParam,
  settingsInForce,
  settingsOf,
  StaleLocalParamError,
  type LocalParamRow,
} from '../../store/local-params.js';
import { audit } from '../audit-log.js';
import { dbOf, type AnyDb } from '../context.js';
import { badRequest, forbidden, HttpError } from '../errors.js';
import { OFFICE_ROLES } from '../roles.js';
import { errorSchemas } from '../schemas.js';
import { hiddenOrMissing, scopeOf, unitReachable } from '../scope.js';

const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

interface NewSetting {
  unitId: string;
  key: string;
  value: unknown;
  inForceFrom: string;
  document: { title: string; number: string; date: string };
}

function conflict(): HttpError {
  return new HttpError(409, { reason_zh: '该设定已被他人更改，请刷新后重试', reason: 'the setting was changed' });
}

export function paramRoutes(app: FastifyInstance): void {
  const ctx = app.ctx;
  const registry = packRegistry();
  const today = () => chinaDate(ctx.now());

  /** The unit's name, pack binding and the pack chain in force there (its own binding or the nearest above). */
  async function jurisdiction(db: AnyDb, unitId: string) {
    const chain = await jurisdictionChain(db, unitId);
    const rows = (await db.selectFrom('units').select(['id', 'name', 'pack']).where('id', 'in', chain).execute()) as {
      id: string;
      name: string;
      pack: string | null;
    }[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const bound = chain.map((id) => byId.get(id)).find((u) => u?.pack);
    return {
      unit: byId.get(unitId)!,
      names: new Map(rows.map((r) => [r.id, r.name])),
      packs: bound?.pack ? registry.chain(bound.pack) : [],
    };
  }

  const shown = (r: LocalParamRow, names: Map<string, string>) => {
    const p = openParam(r.key);
    return {
      id: r.id,
      version: r.version,
      unit: names.get(r.unitId) ?? '',
      unitId: r.unitId,
      value: r.value,
      valueText: p ? valueInWords(p, r.value) : '',
      inForceFrom: r.inForceFrom,
      document: r.document,
      setAt: r.setAt,
      revokedAt: r.revokedAt,
      revokeReason: r.revokeReason,
    };
  };

  app.get<{ Querystring: { unit?: string; asOf?: string } }>(
    '/params',
    {
      config: { roles: OFFICE_ROLES },
      schema: {
        tags: ['params'],
        summary: '本辖区可由具体办法设定的参数及其设定 the open parameters of a jurisdiction and their settings',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { unit: { type: 'string', maxLength: 64 }, asOf: DATE },
        },
        response: errorSchemas(400, 401, 403, 404),
      },
    },
    async (req) => {
      const user = req.user!;
      const asOf = req.query.asOf ?? today();
      const wrong = dateProblem(asOf);
      if (wrong) throw badRequest('asOf', `asOf：${wrong.zh}`, `asOf ${wrong.en}`);
      const unitId = req.query.unit ?? user.unitId;
      if (!unitId) throw badRequest('unit', '请选择辖区单位（unit）', 'unit is required for a province-wide account');
      const db = ctx.db;
      // a unit that does not exist and one outside the scope get the same answer (a province-wide scope reaches
      // every unit, so existence is asked first)
      const exists = await db.selectFrom('units').select('id').where('id', '=', unitId).executeTakeFirst();
      if (!exists || !(await unitReachable(db, scopeOf(user), unitId))) throw hiddenOrMissing('units', unitId);
      const j = await jurisdiction(db, unitId);
      const inForce = await settingsInForce(db, unitId, asOf);
      const own = await settingsOf(db, [unitId]);
      const params = openParams(registry)
        .filter((o) => j.packs.includes(o.pack))
        .map(({ param, def }) => {
          const cur = inForce.get(param.key);
          return {
            key: param.key,
            label: param.label,
            kind: param.kind,
            unit: param.unit,
            parts: param.parts ?? null,
            leftOpenBy: param.leftOpenBy,
            citation: def.citation ?? null,
            current: cur ? { ...shown(cur, j.names), inherited: cur.unitId !== unitId } : null,
            history: own.filter((r) => r.key === param.key).map((r) => shown(r, j.names)),
          };
        });
      return { unit: { id: j.unit.id, name: j.unit.name }, asOf, params, canSet: user.role === 'org_officer' };
    },
  );

  app.post<{ Body: NewSetting }>(
    '/params',
    {
      config: { roles: ['org_officer'] },
      schema: {
        tags: ['params'],
        summary: '设定本辖区的一项参数（具体办法） set a local parameter',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['unitId', 'key', 'value', 'inForceFrom', 'document'],
          properties: {
            unitId: { type: 'string', minLength: 1, maxLength: 64 },
            key: { type: 'string', minLength: 1, maxLength: 100 },
            value: {},
            inForceFrom: { type: 'string', maxLength: 10 },
            document: {
              type: 'object',
              additionalProperties: false,
              required: ['title', 'number', 'date'],
              properties: {
                title: { type: 'string', maxLength: 200 },
                number: { type: 'string', maxLength: 100 },
                date: { type: 'string', maxLength: 10 },
              },
            },
          },
        },
        response: errorSchemas(400, 401, 403, 404),
      },
    },
    async (req, reply) => {
      const user = req.user!;
      const b = req.body;
      const db = ctx.db;
      const unitExists = await db.selectFrom('units').select('id').where('id', '=', b.unitId).executeTakeFirst();
      if (!unitExists)
        throw badRequest('unitId', '辖区单位（unitId）：所引用的单位不存在', 'unitId refers to no existing unit');
      if (!(await unitReachable(db, scopeOf(user), b.unitId)))
        throw forbidden('该单位不在您的管理权限范围内', 'outside your data scope');
      const param = openParam(b.key);
      const j = await jurisdiction(db, b.unitId);
      const applies = openParams(registry).find((o) => o.param.key === b.key && j.packs.includes(o.pack));
      if (!param || !applies)
        throw badRequest(
          'key',
          '参数（key）：本辖区适用的政策文件没有留待具体办法规定的这一参数',
          `key ${b.key} is not an open parameter of this jurisdiction`,
        );
      const checked = checkValue(param, b.value);
      if ('problem' in checked)
        throw badRequest('value', `${param.label}（value）：${checked.problem.zh}`, `value: ${checked.problem.en}`);
      for (const [field, d] of [
        ['inForceFrom', b.inForceFrom],
        ['document.date', b.document.date],
      ] as const) {
        const w = dateProblem(d);
        if (w)
          throw badRequest(
            field,
            `${field === 'inForceFrom' ? '施行日期' : '文件日期'}（${field}）：${w.zh}`,
            `${field} ${w.en}`,
          );
      }
      if (!b.document.title.trim())
        throw badRequest('document.title', '文件标题（document.title）：不能为空', 'document.title must not be empty');
      if (!b.document.number.trim())
        throw badRequest('document.number', '文号（document.number）：不能为空', 'document.number must not be empty');
      if (b.document.date > b.inForceFrom)
        throw badRequest(
          'inForceFrom',
          '施行日期（inForceFrom）：不能早于文件日期',
          'inForceFrom must not be before the document date',
        );
      const row = await ctx.store.transaction(async (tx) => {
        const txDb = dbOf(tx);
        if (await liveSettingOn(txDb, b.unitId, b.key, b.inForceFrom))
          throw badRequest(
            'inForceFrom',
            '施行日期（inForceFrom）：本单位该参数在此日期已有设定；如有错误，请先撤销原设定',
            'a setting of this parameter already takes effect on that date; revoke it first',
          );
        const r = await insertLocalParam(txDb, {
          id: randomUUID(),
          unitId: b.unitId,
          key: b.key,
          value: checked.value,
          inForceFrom: b.inForceFrom,
          document: { title: b.document.title.trim(), number: b.document.number.trim(), date: b.document.date },
          setBy: user.id,
          setAt: ctx.now().toISOString(),
        });
        await audit(txDb, req, {
          action: 'param.set',
          targetKind: 'localParams',
          targetId: r.id,
          after: { unitId: r.unitId, key: r.key, value: r.value, inForceFrom: r.inForceFrom, document: r.document },
        });
        return r;
      });
      void reply.code(201);
      return shown(row, j.names);
    },
  );

  app.post<{ Params: { id: string }; Body: { version: number; reason: string } }>(
    '/params/:id/revoke',
    {
      config: { roles: ['org_officer'] },
      schema: {
        tags: ['params'],
        summary: '撤销一项错误的参数设定（保留在历史中） revoke a mistaken setting',
        params: { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } },
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['version', 'reason'],
          properties: {
            version: { type: 'integer', minimum: 1 },
            reason: { type: 'string', minLength: 1, maxLength: 500 },
          },
        },
        response: errorSchemas(400, 401, 403, 404, 409),
      },
    },
    async (req) => {
      const user = req.user!;
      const found = await getLocalParam(ctx.db, req.params.id);
      if (!found || !(await unitReachable(ctx.db, scopeOf(user), found.unitId)))
        throw new HttpError(404, { reason_zh: '参数设定不存在', reason: 'no such setting' });
      if (!req.body.reason.trim())
        throw badRequest('reason', '撤销理由（reason）：不能为空', 'reason must not be empty');
      if (found.revokedAt) throw conflict();
      try {
        const row = await ctx.store.transaction(async (tx) => {
          const r = await revokeLocalParam(
            dbOf(tx),
            found.id,
            req.body.version,
            user.id,
            ctx.now().toISOString(),
            req.body.reason.trim(),
          );
          await audit(dbOf(tx), req, {
            action: 'param.revoke',
            targetKind: 'localParams',
            targetId: r.id,
            before: { revokedAt: null },
            after: { revokedAt: r.revokedAt, reason: r.revokeReason },
          });
          return r;
        });
        const j = await jurisdiction(ctx.db, row.unitId);
        return shown(row, j.names);
      } catch (e) {
        if (e instanceof StaleLocalParamError) throw conflict();
        throw e;
      }
    },
  );
}
