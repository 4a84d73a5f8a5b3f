// 影响期台账 and 任职资格审查 over the API, within the reader's scope (干部管理权限):
//   GET  /adjustment/ledger              cadres inside an influence period on a date (filters, pages)
//   GET  /adjustment/ledger.xlsx         the same, every page, as a register
//   GET  /adjustment/periods/:id         one cadre's periods in plain words (the profile)
//   POST /adjustment/eligibility         verdicts for a list of candidates (ids) on a date
//   POST /adjustment/eligibility.xlsx    the same as a register
//   POST /adjustment/eligibility.docx    the same as a 审查意见
//   POST /adjustment/eligibility/list    an uploaded .xlsx (姓名+身份证号, or 编号) → the candidates it names
// A candidate outside the reader's remit (or not on record: the same answer) refuses the whole list, naming only
// its place in the list, never the person. Every answer is read from one evaluation of the candidates' facts
// (store/facts-loader.ts loadCadresFacts, mechanisms/adjustment/*), and every export is audited.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type {} from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { PackRegistry } from '../../policy/engine.js';
import { sql } from 'kysely';
import { chinaDate, chineseDate, isDate } from '../../domain/dates.js';
import type { Facts } from '../../domain/facts.js';
import { readSheets, XlsxFormatError } from '../../io/xlsx/sheets.js';
import { checkEligibility, type EligibilityResult } from '../../mechanisms/adjustment/eligibility.js';
import {
  eligibilityOpinion,
  eligibilityWorkbook,
  ledgerWorkbook,
  type EligibilityRow,
  type LedgerRow,
} from '../../mechanisms/adjustment/eligibility-files.js';
import { blockWords, standings, type Standing } from '../../mechanisms/adjustment/ledger.js';
import { LocalParamsInForce } from '../../mechanisms/params/in-force.js';
import { packRegistry } from '../../packs/index.js';
import { subtreeUnits } from '../../store/derived.js';
import { loadCadresFacts } from '../../store/facts-loader.js';
import { KyselyStore } from '../../store/kysely-store.js';
import { audit } from '../audit-log.js';
import type { ServerContext } from '../context.js';
import { badRequest, HttpError } from '../errors.js';
import { namer } from '../plain-names.js';
import { OFFICE_ROLES } from '../roles.js';
import { kindCond, outOfScope, scopeOf, unitReachable, visibleIds } from '../scope.js';
import { OFFSET_SCHEMA, errorSchemas } from '../schemas.js';
import type { User } from '../accounts/users.js';

const MAX_CANDIDATES = 5000;
const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

interface LedgerQuery {
  date?: string;
  unitId?: string;
  blocks?: 'promotion' | 'aboveOriginalLevel';
  search?: string;
  offset?: number;
  limit?: number;
}

export interface NamedPeriodOut {
  blocks: 'promotion' | 'aboveOriginalLevel';
  /** what is blocked, in words */
  words: string;
  /** last blocked day */
  until: string;
  /** first day no longer blocked */
  allowedFrom: string;
  article: string;
  title: string;
  /** the record the period rests on, in words */
  record: string[];
  /** the period in one sentence: 2027年4月15日前不得提拔，依据…… */
  text: string;
}

const ledgerQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    date: DATE,
    unitId: { type: 'string', maxLength: 64 },
    blocks: { type: 'string', enum: ['promotion', 'aboveOriginalLevel'] },
    search: { type: 'string', maxLength: 50 },
    offset: OFFSET_SCHEMA,
    limit: { type: 'integer', minimum: 1, maximum: 500 },
  },
};

const candidatesBody = {
  type: 'object',
  additionalProperties: false,
  required: ['cadreIds'],
  properties: {
    date: DATE,
    cadreIds: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_CANDIDATES,
      items: { type: 'string', minLength: 1, maxLength: 64 },
    },
  },
};

function kyselyStore(store: unknown): KyselyStore {
  if (store instanceof KyselyStore) return store;
  throw new Error('the eligibility check needs a Kysely-backed store');
}

/** A YYYY-MM-DD that is a real date, else a 400 naming the field. */
function checkedDate(v: string | undefined, today: string): string {
  if (v === undefined) return today;
  if (!isDate(v)) throw badRequest('date', '日期无效，应为 YYYY-MM-DD 的有效日期', 'date must be a valid YYYY-MM-DD');
  return v;
}

const attachment = (name: string, ext: string) =>
  `attachment; filename="${encodeURIComponent(name)}.${ext}"; filename*=UTF-8''${encodeURIComponent(name)}.${ext}`;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The cadres in scope (and in unitId's subtree) with a sanction or an adjustment on record by `date`. */
async function withPeriodRecords(
  ctx: ServerContext,
  user: User,
  date: string,
  unitId?: string,
  search?: string,
): Promise<string[]> {
  const scope = scopeOf(user);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let q: any = ctx.db
    .selectFrom('cadres as c')
    .select('c.id')
    .where(
      sql<boolean>`c.id in (select cadre_id from sanctions where date <= ${date}
        union select cadre_id from adjustments where date <= ${date}
        union select subject_id from case_decisions where measure is not null and measure_on <= ${date})`,
    )
    .where(kindCond('cadres', scope, 'c'));
  if (unitId) q = q.where(sql<boolean>`c.managing_unit_id in ${subtreeUnits(unitId)}`);
  if (search) q = q.where('c.name', 'like', `%${search.replace(/[%_\\]/g, (m) => `\\${m}`)}%`);
  const rows = (await q.orderBy('c.id').execute()) as { id: string }[];
  return rows.map((r) => r.id);
}

/**
 * The cadres in the reader's scope (and in unitId's subtree) inside an influence period on `date`: the roster's
 * filter 在影响期内, read from the same evaluation as the ledger.
 */
export async function cadresInPeriod(ctx: ServerContext, user: User, date: string, unitId?: string): Promise<string[]> {
  const ids = await withPeriodRecords(ctx, user, date, unitId);
  const facts = await loadCadresFacts(kyselyStore(ctx.store), date, ids);
  const local = await LocalParamsInForce.load(ctx.store, registry(), date);
  return [...standings(registry(), facts, date, ids, local).values()]
    .filter((s) => s.periods.length > 0)
    .map((s) => s.cadre.id);
}

let shared: PackRegistry | undefined;
/** The rulebooks, built once per process (they are immutable). */
const registry = () => (shared ??= packRegistry());

export function eligibilityRoutes(app: FastifyInstance): void {
  const ctx = app.ctx;
  const rulebooks = registry();
  const today = () => chinaDate(ctx.now());

  /** Names for the ids the rules write into their reasons: the units and cadres of the evaluated facts. */
  const plainOf = (facts: Facts) => {
    const units = new Map(facts.units.map((u) => [u.id, u.name]));
    const cadres = new Map(facts.cadres.map((c) => [c.id, c.name]));
    const n = namer(rulebooks, (id) => units.get(id) ?? cadres.get(id));
    return { text: (s: string) => n.plain(s), unit: (id: string) => units.get(id) ?? '' };
  };

  function periodsOut(s: Standing, plain: (t: string) => string): NamedPeriodOut[] {
    return s.periods.map((p) => {
      const words = blockWords(p, s.cadre.level);
      const article = `《${p.citation.document}》${p.citation.article}`;
      return {
        blocks: p.blocks,
        words,
        until: p.lastDay,
        allowedFrom: p.until,
        article,
        title: p.title,
        record: p.because.map(plain),
        text: `${chineseDate(p.until)}前${words}，依据${article}`,
      };
    });
  }

  async function ledger(user: User, q: LedgerQuery) {
    const date = checkedDate(q.date, today());
    if (q.unitId && !(await unitReachable(ctx.db, scopeOf(user), q.unitId))) throw outOfScope();
    const ids = await withPeriodRecords(ctx, user, date, q.unitId, q.search?.trim() || undefined);
    const facts = await loadCadresFacts(kyselyStore(ctx.store), date, ids);
    // each cadre under the local parameters of their own jurisdiction, as their explanation reads them
    const st = standings(rulebooks, facts, date, ids, await LocalParamsInForce.load(ctx.store, rulebooks, date));
    const { text, unit } = plainOf(facts);
    const rows = [...st.values()]
      .map((s) => ({ s, periods: s.periods.filter((p) => !q.blocks || p.blocks === q.blocks) }))
      .filter((r) => r.periods.length > 0)
      // the soonest to end first: those about to become eligible again are the ones an office asks about
      .sort((a, b) => {
        const ea = a.periods[0]!.lastDay;
        const eb = b.periods[0]!.lastDay;
        return ea < eb ? -1 : ea > eb ? 1 : a.s.cadre.id < b.s.cadre.id ? -1 : 1;
      })
      .map(({ s, periods }) => ({
        cadreId: s.cadre.id,
        name: s.cadre.name,
        unitId: s.cadre.unit,
        unitName: unit(s.cadre.unit),
        level: s.cadre.level ?? null,
        promotionAllowedFrom: s.promotionAllowedFrom,
        aboveOriginalLevelAllowedFrom: s.aboveOriginalLevelAllowedFrom,
        periods: periodsOut({ ...s, periods }, text),
      }));
    return { date, rows };
  }

  app.get<{ Querystring: LedgerQuery }>(
    '/adjustment/ledger',
    {
      config: { roles: OFFICE_ROLES },
      schema: {
        tags: ['adjustment'],
        summary: '影响期台账（限管理权限） cadres inside an influence period on a date',
        querystring: ledgerQuerySchema,
        ...{ response: errorSchemas(400, 401, 403) },
      },
    },
    async (req) => {
      const { date, rows } = await ledger(req.user!, req.query);
      const offset = req.query.offset ?? 0;
      const limit = req.query.limit ?? 50;
      return { date, total: rows.length, items: rows.slice(offset, offset + limit) };
    },
  );

  app.get<{ Querystring: LedgerQuery }>(
    '/adjustment/ledger.xlsx',
    {
      config: { roles: OFFICE_ROLES },
      schema: {
        tags: ['adjustment'],
        summary: '导出影响期台账 .xlsx export of the ledger',
        querystring: ledgerQuerySchema,
        ...{ response: errorSchemas(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const { date, rows } = await ledger(req.user!, req.query);
      const named: LedgerRow[] = rows.map((r) => ({
        name: r.name,
        unitName: r.unitName,
        periods: r.periods.map((p) => ({ words: p.words, until: p.until, article: p.article, record: p.record })),
      }));
      const buf = await ledgerWorkbook(named, date);
      await audit(ctx.db, req, {
        action: 'adjustment.ledger.export',
        targetKind: 'cadres',
        targetId: null,
        after: { query: req.query, rows: rows.length },
      });
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`影响期台账${date}`, 'xlsx'))
        .send(buf);
    },
  );

  app.get<{ Params: { id: string }; Querystring: { date?: string } }>(
    '/adjustment/periods/:id',
    {
      config: { roles: OFFICE_ROLES },
      schema: {
        tags: ['adjustment'],
        summary: '干部的影响期（平实表述） one cadre’s influence periods in plain words',
        params: { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } },
        querystring: { type: 'object', additionalProperties: false, properties: { date: DATE } },
        ...{ response: errorSchemas(400, 401, 403) },
      },
    },
    async (req) => {
      const date = checkedDate(req.query.date, today());
      const id = req.params.id;
      if (!(await visibleIds(ctx.store, req.user!, 'cadres', [id])).has(id)) throw outOfScope();
      const facts = await loadCadresFacts(kyselyStore(ctx.store), date, [id]);
      const local = await LocalParamsInForce.load(ctx.store, rulebooks, date);
      const s = standings(rulebooks, facts, date, [id], local).get(id);
      const { text } = plainOf(facts);
      return { date, periods: s ? periodsOut(s, text) : [] };
    },
  );

  /** The candidates' results, after checking every one of them is in the reader's scope. */
  async function check(user: User, date: string, cadreIds: readonly string[]) {
    const ids = [...new Set(cadreIds)];
    const seen = await visibleIds(ctx.store, user, 'cadres', ids);
    const refused = cadreIds.map((id, i) => (seen.has(id) ? 0 : i + 1)).filter((n) => n > 0);
    if (refused.length)
      throw new HttpError(403, {
        field: 'cadreIds',
        positions: refused,
        reason_zh: `名单中第${refused.join('、')}位人员不在您的干部管理权限内（或无此人），未予审查`,
        reason: `candidates at positions ${refused.join(', ')} are outside your data scope or not on record`,
      });
    const facts = await loadCadresFacts(kyselyStore(ctx.store), date, ids);
    const local = await LocalParamsInForce.load(ctx.store, rulebooks, date);
    const results = checkEligibility(rulebooks, facts, date, ids, local);
    const { text, unit } = plainOf(facts);
    const unitOf = new Map(facts.cadres.map((c) => [c.id, c.unit]));
    return results.map((r) => named(r, text, unit(unitOf.get(r.cadreId) ?? '')));
  }

  const named = (r: EligibilityResult, plain: (t: string) => string, unitName: string) => ({
    cadreId: r.cadreId,
    name: r.name,
    unitName,
    verdict: r.verdict,
    priorityPromotion: r.priorityPromotion,
    reasons: r.reasons.map((x) => ({
      kind: x.kind,
      article: x.article,
      title: x.title,
      text: plain(x.text),
      record: x.record.map(plain),
      ...(x.until ? { until: x.until } : {}),
    })),
  });

  type Body = { date?: string; cadreIds: string[] };
  const checkRoute = {
    config: { roles: OFFICE_ROLES },
    schema: {
      tags: ['adjustment'],
      body: candidatesBody,
      ...{ response: errorSchemas(400, 401, 403) },
    },
  };

  app.post<{ Body: Body }>(
    '/adjustment/eligibility',
    { ...checkRoute, schema: { ...checkRoute.schema, summary: '任职资格审查 promotion eligibility of candidates' } },
    async (req) => {
      const date = checkedDate(req.body.date, today());
      const items = await check(req.user!, date, req.body.cadreIds);
      await audit(ctx.db, req, {
        action: 'adjustment.eligibility.check',
        targetKind: 'cadres',
        targetId: null,
        after: { date, candidates: items.length },
      });
      return { date, items };
    },
  );

  const rowsOf = (items: Awaited<ReturnType<typeof check>>): EligibilityRow[] =>
    items.map((i) => ({
      name: i.name,
      unitName: i.unitName,
      verdict: i.verdict.words,
      reasons: i.reasons.map((x) => ({ kind: x.kind, article: x.article, text: x.text, record: x.record })),
    }));

  app.post<{ Body: Body }>(
    '/adjustment/eligibility.xlsx',
    { ...checkRoute, schema: { ...checkRoute.schema, summary: '导出任职资格审查结果 .xlsx' } },
    async (req, reply) => {
      const date = checkedDate(req.body.date, today());
      const items = await check(req.user!, date, req.body.cadreIds);
      const buf = await eligibilityWorkbook(rowsOf(items), date);
      await audit(ctx.db, req, {
        action: 'adjustment.eligibility.export',
        targetKind: 'cadres',
        targetId: null,
        after: { date, candidates: items.length, format: 'xlsx' },
      });
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(`任职资格审查${date}`, 'xlsx'))
        .send(buf);
    },
  );

  app.post<{ Body: Body }>(
    '/adjustment/eligibility.docx',
    { ...checkRoute, schema: { ...checkRoute.schema, summary: '任职资格审查意见 .docx' } },
    async (req, reply) => {
      const user = req.user!;
      const date = checkedDate(req.body.date, today());
      const items = await check(user, date, req.body.cadreIds);
      const issuer = user.unitId
        ? ((await ctx.db.selectFrom('units').select('name').where('id', '=', user.unitId).executeTakeFirst()) as
            { name: string } | undefined)
        : undefined;
      const buf = await eligibilityOpinion(rowsOf(items), {
        issuer: issuer ? `${issuer.name}组织人事部门` : '组织人事部门',
        date: today(),
        checkedOn: date,
      });
      await audit(ctx.db, req, {
        action: 'adjustment.eligibility.export',
        targetKind: 'cadres',
        targetId: null,
        after: { date, candidates: items.length, format: 'docx' },
      });
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', attachment(`任职资格审查意见${date}`, 'docx'))
        .send(buf);
    },
  );

  app.post(
    '/adjustment/eligibility/list',
    {
      config: { roles: OFFICE_ROLES },
      schema: {
        tags: ['adjustment'],
        summary: '上传拟提拔人选名单 (.xlsx: 姓名+身份证号, 或 编号) → the candidates it names',
        consumes: ['multipart/form-data'],
        ...{ response: errorSchemas(400, 401, 403, 413) },
      },
    },
    async (req) => {
      if (!req.isMultipart())
        throw badRequest(
          'file',
          '请以 multipart/form-data 上传 .xlsx 文件',
          'upload the .xlsx file as multipart/form-data',
        );
      const part = await req.file();
      if (!part) throw badRequest('file', '未收到文件', 'no file uploaded');
      const dir = await mkdtemp(path.join(tmpdir(), 'sx-candidates-'));
      try {
        const file = path.join(dir, `${randomUUID()}.xlsx`);
        await writeFile(file, await part.toBuffer());
        const wanted = await readCandidateRows(file);
        const candidates = await resolveCandidates(req.user!, wanted);
        return { candidates };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  /** The uploaded rows matched to cadres in the reader's scope; any row that matches none refuses the upload. */
  async function resolveCandidates(user: User, wanted: WantedRow[]) {
    const scope = scopeOf(user);
    const byId = wanted.filter((w) => w.id).map((w) => w.id!);
    const names = [...new Set(wanted.filter((w) => !w.id).map((w) => w.name!))];
    const found: { id: string; name: string; idNumber: string | null }[] = [];
    const chunk = 500;
    for (const [col, list] of [
      ['c.id', byId],
      ['c.name', names],
    ] as const)
      for (let i = 0; i < list.length; i += chunk) {
        const rows = (await ctx.db
          .selectFrom('cadres as c')
          .select(['c.id', 'c.name', 'c.id_number'])
          .where(col, 'in', list.slice(i, i + chunk))
          .where(kindCond('cadres', scope, 'c'))
          .execute()) as { id: string; name: string; id_number: string | null }[];
        const codec = kyselyStore(ctx.store).conn.codec;
        for (const r of rows)
          found.push({
            id: r.id,
            name: r.name,
            idNumber: r.id_number && codec && r.id_number.startsWith('sm4:') ? codec.decrypt(r.id_number) : r.id_number,
          });
      }
    const ids = new Set(found.map((f) => f.id));
    const refused: number[] = [];
    const out: string[] = [];
    for (const w of wanted) {
      const hit = w.id
        ? ids.has(w.id)
          ? w.id
          : undefined
        : found.find((f) => f.name === w.name && (f.idNumber ?? '').toUpperCase() === w.idNumber!.toUpperCase())?.id;
      if (hit) out.push(hit);
      else refused.push(w.row);
    }
    if (refused.length)
      throw new HttpError(403, {
        field: 'file',
        rows: refused,
        reason_zh: `名单第${refused.join('、')}行的人员不在您的干部管理权限内（或无此人），未予审查`,
        reason: `rows ${refused.join(', ')} name no cadre within your data scope`,
      });
    const names2 = new Map(found.map((f) => [f.id, f.name]));
    return [...new Set(out)].map((id) => ({ id, name: names2.get(id) ?? '' }));
  }
}

interface WantedRow {
  row: number;
  id?: string;
  name?: string;
  idNumber?: string;
}

/** The rows of the first sheet under a header row naming 姓名 and 身份证号, or 编号. */
async function readCandidateRows(file: string): Promise<WantedRow[]> {
  const out: WantedRow[] = [];
  try {
    for await (const sheet of readSheets(file)) {
      let cols: { name: number; idNumber: number; id: number } | undefined;
      for await (const r of sheet.rows) {
        const text = r.cells.map((c) => (c === null || typeof c === 'object' ? '' : String(c).trim()));
        if (!cols) {
          if (text.every((t) => t === '')) continue;
          cols = { name: text.indexOf('姓名'), idNumber: text.indexOf('身份证号'), id: text.indexOf('编号') };
          if (cols.id < 0 && (cols.name < 0 || cols.idNumber < 0))
            throw badRequest(
              'file',
              `第${r.number}行应为表头，须含“姓名”和“身份证号”两列，或“编号”一列`,
              'the header row must name 姓名 and 身份证号, or 编号',
            );
          continue;
        }
        if (text.every((t) => t === '')) continue;
        const id = cols.id >= 0 ? text[cols.id] : '';
        if (id) out.push({ row: r.number, id });
        else {
          const name = cols.name >= 0 ? text[cols.name] : '';
          const idNumber = cols.idNumber >= 0 ? text[cols.idNumber] : '';
          if (!name || !idNumber)
            throw badRequest(
              'file',
              `第${r.number}行缺少${!name ? '姓名' : '身份证号'}`,
              `row ${r.number}: ${!name ? '姓名' : '身份证号'} is missing`,
            );
          out.push({ row: r.number, name, idNumber });
        }
      }
      break; // the first sheet only
    }
  } catch (e) {
    if (e instanceof XlsxFormatError)
      throw new HttpError(e.status, { field: 'file', reason_zh: e.reason_zh, reason: e.reason });
    throw e;
  }
  if (out.length === 0) throw badRequest('file', '名单中没有人员', 'the list names nobody');
  if (out.length > MAX_CANDIDATES)
    throw badRequest('file', `名单人数不得超过${MAX_CANDIDATES}`, `at most ${MAX_CANDIDATES} candidates`);
  return out;
}
