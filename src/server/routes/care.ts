// 关心关爱 over HTTP (PROCEDURES §7.4):
//   GET/POST /care/talks            谈心谈话 records (who, with whom, when, kind, optional linked case)
//   GET      /care/talks/:id/record.docx   one talk's record as a document
//   GET/POST /care/visits           回访 (a visit to a cadre, linked to a case or an adjustment)
//   GET      /care/coverage?year=Y  the yearly talks each jurisdiction's text requires, met or missing
//   GET      /care/follow-up        adjusted cadres: follow-up during the influence period, re-use candidates after it
//   GET      /care/todo             待办: this year's missing talks and the open follow-up and re-use tasks
// Scope like other records: a talk is reached when either party is in the reader's scope (the cadre: their own
// talks), a visit when the visited cadre is; recording one needs everyone it names in the writer's scope. Each
// write and its audit entry commit in one transaction.
import { chinaDate } from '../../domain/dates.js';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql, type RawBuilder } from 'kysely';
import { dateProblem } from '../../domain/values.js';
import { talkRecordDocument } from '../../io/docx/talk-record.js';
import { coverageRuleFor, COVERAGE_RULES, pairSummary } from '../../mechanisms/care/coverage-rules.js';
import {
  chargedUnitGaps,
  computeCoverage,
  yearSpan,
  type CoverageGap,
  type CoveragePair,
  type TeamUnit,
} from '../../mechanisms/care/coverage.js';
import {
  followUpItems,
  followUpProvisionFor,
  type AdjustedCadre,
  type FollowUpItem,
} from '../../mechanisms/care/follow-up.js';
import { standings } from '../../mechanisms/adjustment/ledger.js';
import { loadCadresFacts } from '../../store/facts-loader.js';
import { KyselyStore } from '../../store/kysely-store.js';
import { isTalkKind, TALK_KIND_LABELS, TALK_KINDS } from '../../mechanisms/care/vocabulary.js';
import { packRegistry } from '../../packs/index.js';
import {
  getTalk,
  insertTalk,
  insertVisit,
  listTalks,
  type Page,
  listVisits,
  talksAmong,
  teamPostsOn,
  type ReturnVisit,
  type TalkRecord,
} from '../../store/care.js';
import { audit } from '../audit-log.js';
import { dbOf, type AnyDb } from '../context.js';
import { badRequest, forbidden, notFound } from '../errors.js';
import { RECORD_ROLES, type Role } from '../roles.js';
import { errorSchemas, OFFSET_SCHEMA } from '../schemas.js';
import { cadreCond, scopeOf, unitCond, type Scope } from '../scope.js';

/** Who records talks and visits: the organisation department, and a unit's liaison for its own unit. */
const CARE_WRITERS: readonly Role[] = ['org_officer', 'unit_liaison'];
const DATE = { type: 'string', maxLength: 10 } as const;
const YEAR = { type: 'integer', minimum: 1900, maximum: 2200 } as const;

const talkVisible = (scope: Scope): RawBuilder<boolean> =>
  sql<boolean>`(${cadreCond(scope, sql.ref('t.talker_id'))} or ${cadreCond(scope, sql.ref('t.talkee_id'))})`;
const visitVisible = (scope: Scope): RawBuilder<boolean> => cadreCond(scope, sql.ref('v.cadre_id'));

interface NewTalk {
  talkerId: string;
  talkeeId: string;
  heldOn: string;
  kind: string;
  caseId?: string | null;
  summary?: string | null;
}

interface NewVisit {
  cadreId: string;
  visitorId?: string | null;
  visitedOn: string;
  caseId?: string | null;
  adjustmentId?: string | null;
  notes?: string | null;
}

interface ListQuery {
  year?: number;
  cadre?: string;
  limit?: number;
  offset?: number;
}

interface CadreName {
  name: string;
  unit: string;
}

/** Names and managing units of these cadres (only ever asked for cadres the reader reaches). */
async function cadreNames(db: AnyDb, ids: readonly string[]): Promise<Map<string, CadreName>> {
  const out = new Map<string, CadreName>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = (await db
      .selectFrom('cadres as c')
      .innerJoin('units as u', 'u.id', 'c.managing_unit_id')
      .select(['c.id', 'c.name', 'u.name as unit'])
      .where('c.id', 'in', unique.slice(i, i + 500))
      .execute()) as { id: string; name: string; unit: string }[];
    for (const r of rows) out.set(r.id, { name: r.name, unit: r.unit });
  }
  return out;
}

/** The post a cadre held on a date, in words (职务名称), for the record. */
async function postOn(db: AnyDb, cadreId: string, on: string): Promise<string | null> {
  const r = (await db
    .selectFrom('posts')
    .select('title')
    .where('cadre_id', '=', cadreId)
    .where('start_date', '<=', on)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>', on)]))
    .orderBy('start_date', 'desc')
    .executeTakeFirst()) as { title: string } | undefined;
  return r?.title ?? null;
}

/**
 * Each named cadre must exist (400 naming the field) and lie in the writer's scope (403, the same refusal whatever
 * the record is).
 */
async function checkCadres(db: AnyDb, scope: Scope, fields: Record<string, string | null | undefined>) {
  for (const [field, id] of Object.entries(fields)) {
    if (id === null || id === undefined) continue;
    const r = (await db
      .selectFrom('cadres')
      .select(['id', sql<number>`case when ${cadreCond(scope, sql.ref('id'))} then 1 else 0 end`.as('in_scope')])
      .where('id', '=', id)
      .executeTakeFirst()) as { id: string; in_scope: number | string | boolean } | undefined;
    if (!r) throw badRequest(field, `干部（${field}）：所引用的干部不存在`, `${field} refers to no existing cadre`);
    if (Number(r.in_scope) !== 1) throw forbidden('该干部不在您的管理权限范围内', 'outside your data scope');
  }
}

function dateField(field: string, label: string, value: string, today: string) {
  const wrong = dateProblem(value);
  if (wrong) throw badRequest(field, `${label}（${field}）：${wrong.zh}`, `${field} ${wrong.en}`);
  // a talk or a visit is recorded after it took place
  if (value > today)
    throw badRequest(field, `${label}（${field}）：不能晚于今天`, `${field} must not be in the future`);
}

export function careRoutes(app: FastifyInstance): void {
  const ctx = app.ctx;
  const registry = packRegistry();
  const today = () => chinaDate(ctx.now());

  const talkOut = (t: TalkRecord, names: Map<string, CadreName>) => ({
    ...t,
    talker: names.get(t.talkerId) ?? null,
    talkee: names.get(t.talkeeId) ?? null,
    kindText: isTalkKind(t.kind) ? TALK_KIND_LABELS[t.kind] : t.kind,
  });
  const visitOut = (v: ReturnVisit, names: Map<string, CadreName>) => ({
    ...v,
    cadre: names.get(v.cadreId) ?? null,
    visitor: v.visitorId ? (names.get(v.visitorId) ?? null) : null,
  });

  /** A linked case must exist and concern one of the cadres named (a unit's case is linked to no talk). */
  async function checkCase(db: AnyDb, caseId: string | null | undefined, cadres: string[]): Promise<void> {
    if (!caseId) return;
    const c = (await db
      .selectFrom('cases')
      .select(['subject_type', 'subject_id'])
      .where('id', '=', caseId)
      .executeTakeFirst()) as { subject_type: string; subject_id: string } | undefined;
    if (!c || c.subject_type !== 'cadre' || !cadres.includes(c.subject_id))
      throw badRequest(
        'caseId',
        '关联案件（caseId）：不存在关于该干部的此案件',
        'caseId names no case about the cadre concerned',
      );
  }

  const listQuery = {
    type: 'object',
    additionalProperties: false,
    properties: {
      year: YEAR,
      cadre: { type: 'string', maxLength: 64 },
      limit: { type: 'integer', minimum: 1, maximum: 500 },
      offset: OFFSET_SCHEMA,
    },
  };

  /**
   * One paged list of care records (talks or visits): the year and cadre filters, the reader's scope and the names of
   * the cadres each row names, the same for both kinds of record.
   */
  function listRoute<R>(
    path: string,
    summary: string,
    list: (db: AnyDb, visible: RawBuilder<boolean>, q: Page) => Promise<{ total: number; items: R[] }>,
    visibleTo: (scope: Scope) => RawBuilder<boolean>,
    cadresOf: (row: R) => string[],
    out: (row: R, names: Map<string, CadreName>) => unknown,
  ): void {
    app.get<{ Querystring: ListQuery }>(
      path,
      {
        config: { roles: RECORD_ROLES },
        schema: { tags: ['care'], summary, querystring: listQuery, response: errorSchemas(400, 401, 403) },
      },
      async (req) => {
        const span = req.query.year ? yearSpan(req.query.year) : undefined;
        const page = await list(ctx.db, visibleTo(scopeOf(req.user!)), {
          ...(span ?? {}),
          ...(req.query.cadre ? { cadreId: req.query.cadre } : {}),
          limit: req.query.limit ?? 50,
          offset: req.query.offset ?? 0,
        });
        const names = await cadreNames(ctx.db, page.items.flatMap(cadresOf));
        return { total: page.total, items: page.items.map((r) => out(r, names)) };
      },
    );
  }

  listRoute(
    '/care/talks',
    '谈心谈话记录 talk records',
    listTalks,
    talkVisible,
    (t) => [t.talkerId, t.talkeeId],
    talkOut,
  );
  listRoute(
    '/care/visits',
    '回访记录 return visits',
    listVisits,
    visitVisible,
    (v) => [v.cadreId, ...(v.visitorId ? [v.visitorId] : [])],
    visitOut,
  );

  app.post<{ Body: NewTalk }>(
    '/care/talks',
    {
      config: { roles: CARE_WRITERS },
      schema: {
        tags: ['care'],
        summary: '记录一次谈心谈话 record a talk',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['talkerId', 'talkeeId', 'heldOn', 'kind'],
          properties: {
            talkerId: { type: 'string', minLength: 1, maxLength: 64 },
            talkeeId: { type: 'string', minLength: 1, maxLength: 64 },
            heldOn: DATE,
            kind: { type: 'string', enum: [...TALK_KINDS] },
            caseId: { type: ['string', 'null'], maxLength: 64 },
            summary: { type: ['string', 'null'], maxLength: 4000 },
          },
        },
        response: errorSchemas(400, 401, 403),
      },
    },
    async (req, reply) => {
      const b = req.body;
      const user = req.user!;
      dateField('heldOn', '谈话日期', b.heldOn, today());
      if (b.talkerId === b.talkeeId)
        throw badRequest(
          'talkeeId',
          '谈话对象（talkeeId）：不能与谈话人为同一人',
          'talkeeId must differ from talkerId',
        );
      const scope = scopeOf(user);
      await checkCadres(ctx.db, scope, { talkerId: b.talkerId, talkeeId: b.talkeeId });
      await checkCase(ctx.db, b.caseId, [b.talkerId, b.talkeeId]);
      const t = await ctx.store.transaction(async (tx) => {
        const row = await insertTalk(dbOf(tx), {
          id: randomUUID(),
          talkerId: b.talkerId,
          talkeeId: b.talkeeId,
          heldOn: b.heldOn,
          kind: b.kind,
          caseId: b.caseId ?? null,
          summary: b.summary?.trim() ? b.summary.trim() : null,
          recordedBy: user.id,
          recordedAt: ctx.now().toISOString(),
        });
        // what was said is for the record, not the trail: the entry keeps who, with whom, when and of what kind
        await audit(dbOf(tx), req, {
          action: 'care.talk',
          targetKind: 'talkRecords',
          targetId: row.id,
          after: {
            talkerId: row.talkerId,
            talkeeId: row.talkeeId,
            heldOn: row.heldOn,
            kind: row.kind,
            caseId: row.caseId,
          },
        });
        return row;
      });
      void reply.code(201);
      return talkOut(t, await cadreNames(ctx.db, [t.talkerId, t.talkeeId]));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/care/talks/:id/record.docx',
    {
      config: { roles: RECORD_ROLES },
      schema: {
        tags: ['care'],
        summary: '谈心谈话记录（.docx） the record of a talk',
        params: { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } },
        response: errorSchemas(401, 403, 404),
      },
    },
    async (req, reply) => {
      const t = await getTalk(ctx.db, talkVisible(scopeOf(req.user!)), req.params.id);
      if (!t) throw notFound('谈心谈话记录不存在', 'no such talk record');
      const names = await cadreNames(ctx.db, [t.talkerId, t.talkeeId]);
      const talker = names.get(t.talkerId)!;
      const talkee = names.get(t.talkeeId)!;
      let caseText: string | null = null;
      if (t.caseId) {
        const c = (await ctx.db
          .selectFrom('cases')
          .select(['opened_on', 'year'])
          .where('id', '=', t.caseId)
          .executeTakeFirst()) as { opened_on: string; year: number } | undefined;
        caseText = c ? `${talkee.name}${c.opened_on.slice(0, 4)}年的容错纠错或调整案件` : null;
      }
      const buf = await talkRecordDocument({
        keptBy: talkee.unit,
        talker: { name: talker.name, post: await postOn(ctx.db, t.talkerId, t.heldOn) },
        talkee: { name: talkee.name, post: await postOn(ctx.db, t.talkeeId, t.heldOn) },
        heldOn: t.heldOn,
        kind: isTalkKind(t.kind) ? TALK_KIND_LABELS[t.kind] : t.kind,
        caseText,
        summary: t.summary,
      });
      await audit(ctx.db, req, { action: 'care.talk.document', targetKind: 'talkRecords', targetId: t.id });
      const file = encodeURIComponent(`谈心谈话记录-${talkee.name}-${t.heldOn}.docx`);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="${file}"; filename*=UTF-8''${file}`)
        .send(buf);
    },
  );

  app.post<{ Body: NewVisit }>(
    '/care/visits',
    {
      config: { roles: CARE_WRITERS },
      schema: {
        tags: ['care'],
        summary: '记录一次回访 record a return visit',
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['cadreId', 'visitedOn'],
          properties: {
            cadreId: { type: 'string', minLength: 1, maxLength: 64 },
            visitorId: { type: ['string', 'null'], maxLength: 64 },
            visitedOn: DATE,
            caseId: { type: ['string', 'null'], maxLength: 64 },
            adjustmentId: { type: ['string', 'null'], maxLength: 64 },
            notes: { type: ['string', 'null'], maxLength: 4000 },
          },
        },
        response: errorSchemas(400, 401, 403),
      },
    },
    async (req, reply) => {
      const b = req.body;
      const user = req.user!;
      dateField('visitedOn', '回访日期', b.visitedOn, today());
      if (!b.caseId === !b.adjustmentId)
        throw badRequest(
          'caseId',
          '关联事项（caseId / adjustmentId）：回访须关联一个案件或一项调整，且只能关联其一',
          'a visit is linked to exactly one of a case or an adjustment',
        );
      await checkCadres(ctx.db, scopeOf(user), { cadreId: b.cadreId, visitorId: b.visitorId });
      if (b.visitorId === b.cadreId)
        throw badRequest(
          'visitorId',
          '回访人（visitorId）：不能是被回访干部本人',
          'visitorId must differ from cadreId',
        );
      await checkCase(ctx.db, b.caseId, [b.cadreId]);
      if (b.adjustmentId) {
        const a = (await ctx.db
          .selectFrom('adjustments')
          .select('cadre_id')
          .where('id', '=', b.adjustmentId)
          .executeTakeFirst()) as { cadre_id: string } | undefined;
        if (!a || a.cadre_id !== b.cadreId)
          throw badRequest(
            'adjustmentId',
            '关联调整（adjustmentId）：该干部没有这项调整记录',
            'adjustmentId names no adjustment of this cadre',
          );
      }
      const v = await ctx.store.transaction(async (tx) => {
        const row = await insertVisit(dbOf(tx), {
          id: randomUUID(),
          cadreId: b.cadreId,
          visitorId: b.visitorId ?? null,
          visitedOn: b.visitedOn,
          caseId: b.caseId ?? null,
          adjustmentId: b.adjustmentId ?? null,
          notes: b.notes?.trim() ? b.notes.trim() : null,
          recordedBy: user.id,
          recordedAt: ctx.now().toISOString(),
        });
        await audit(dbOf(tx), req, {
          action: 'care.visit',
          targetKind: 'returnVisits',
          targetId: row.id,
          after: { cadreId: row.cadreId, visitedOn: row.visitedOn, caseId: row.caseId, adjustmentId: row.adjustmentId },
        });
        return row;
      });
      void reply.code(201);
      return visitOut(v, await cadreNames(ctx.db, [v.cadreId, ...(v.visitorId ? [v.visitorId] : [])]));
    },
  );

  /** The rulebook governing each unit: its own binding or its nearest ancestor's (a unit in scope may be bound only
   * through units above the scope). */
  async function packResolver() {
    const db = ctx.db;
    const all = (await db.selectFrom('units').select(['id', 'name', 'parent_id', 'pack']).execute()) as {
      id: string;
      name: string;
      parent_id: string | null;
      pack: string | null;
    }[];
    const byId = new Map(all.map((u) => [u.id, u]));
    const packOf = new Map<string, string | null>();
    const effective = (id: string): string | null => {
      const seen: string[] = [];
      let cur = byId.get(id);
      let found: string | null = null;
      while (cur) {
        if (packOf.has(cur.id)) {
          found = packOf.get(cur.id)!;
          break;
        }
        seen.push(cur.id);
        if (cur.pack) {
          found = cur.pack;
          break;
        }
        cur = cur.parent_id ? byId.get(cur.parent_id) : undefined;
      }
      for (const s of seen) packOf.set(s, found);
      return found;
    };
    return { effective, byId };
  }

  /**
   * The pairs the rules require in the reader's units for a year, the teams taken as they stand on 31 December of
   * it (today, for the year under way).
   */
  async function coverageFor(
    scope: Scope,
    year: number,
  ): Promise<{ on: string; pairs: CoveragePair[]; gaps: CoverageGap[] }> {
    const db = ctx.db;
    const { to } = yearSpan(year);
    const on = to < today() ? to : today();
    const { effective, byId } = await packResolver();
    const inScope = (await db
      .selectFrom('units')
      .select('id')
      .where(unitCond(scope, sql.ref('id')))
      .execute()) as { id: string }[];
    const units: TeamUnit[] = inScope.map(({ id }) => {
      const u = byId.get(id)!;
      const pack = effective(id);
      return {
        id,
        name: u.name,
        parentId: u.parent_id,
        rule: pack ? coverageRuleFor(registry.chain(pack)) : undefined,
      };
    });
    const ruled = new Set(units.filter((u) => u.rule).map((u) => u.id));
    if (ruled.size === 0) return { on, pairs: [], gaps: [] };
    const posts = await teamPostsOn(db, unitCond(scope, sql.ref('p.unit_id')), on);
    const span = yearSpan(year);
    const talks = await talksAmong(db, [...new Set(posts.map((p) => p.cadreId))], span.from, span.to);
    return { on, pairs: computeCoverage(units, posts, talks, year), gaps: chargedUnitGaps(units, posts) };
  }

  /**
   * Adjusted cadres in the reader's scope whose jurisdiction's text asks for follow-up or re-use: the latest
   * adjustment of each cadre, its influence period read through the ledger (the same periods eligibility reads), and
   * the talks, visits, later posts and case steps that answer the tasks.
   */
  async function followUpFor(scope: Scope): Promise<{ items: FollowUpItem[]; names: Map<string, CadreName> }> {
    const db = ctx.db;
    const on = today();
    const rows = (await db
      .selectFrom('adjustments as a')
      .innerJoin('cadres as c', 'c.id', 'a.cadre_id')
      .select(['a.id', 'a.cadre_id', 'a.date', 'a.method', 'c.managing_unit_id'])
      .where(cadreCond(scope, sql.ref('a.cadre_id')))
      .where('a.date', '<=', on)
      .orderBy('a.date', 'desc')
      .orderBy('a.id')
      .execute()) as { id: string; cadre_id: string; date: string; method: string; managing_unit_id: string }[];
    const { effective } = await packResolver();
    const latest = new Map<
      string,
      (typeof rows)[number] & { provision: NonNullable<ReturnType<typeof followUpProvisionFor>> }
    >();
    for (const r of rows) {
      if (latest.has(r.cadre_id)) continue;
      const pack = effective(r.managing_unit_id);
      const provision = pack ? followUpProvisionFor(registry.chain(pack)) : undefined;
      if (provision) latest.set(r.cadre_id, { ...r, provision });
    }
    const ids = [...latest.keys()];
    if (ids.length === 0) return { items: [], names: new Map() };
    if (!(ctx.store instanceof KyselyStore)) throw new Error('the follow-up reads the record through a Kysely store');
    const st = standings(registry, await loadCadresFacts(ctx.store, on, ids), on, ids);
    const cases = new Map<string, string>();
    const caseSteps: { caseId: string; action: string; onDate: string }[] = [];
    const visits: { adjustmentId: string; visitedOn: string }[] = [];
    const posts: { cadreId: string; startDate: string }[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const part = ids.slice(i, i + 500);
      const cs = (await db
        .selectFrom('cases')
        .select(['id', 'subject_id'])
        .where('procedure', '=', 'adjustment')
        .where('subject_type', '=', 'cadre')
        .where('subject_id', 'in', part)
        .orderBy('opened_on', 'desc')
        .execute()) as { id: string; subject_id: string }[];
      for (const c of cs) if (!cases.has(c.subject_id)) cases.set(c.subject_id, c.id);
      const ps = (await db
        .selectFrom('posts')
        .select(['cadre_id', 'start_date'])
        .where('cadre_id', 'in', part)
        .execute()) as { cadre_id: string; start_date: string }[];
      posts.push(...ps.map((p) => ({ cadreId: p.cadre_id, startDate: p.start_date })));
      const adjIds = part.map((c) => latest.get(c)!.id);
      const vs = (await db
        .selectFrom('return_visits')
        .select(['adjustment_id', 'visited_on'])
        .where('adjustment_id', 'in', adjIds)
        .execute()) as { adjustment_id: string; visited_on: string }[];
      visits.push(...vs.map((v) => ({ adjustmentId: v.adjustment_id, visitedOn: v.visited_on })));
    }
    const caseIds = [...cases.values()];
    for (let i = 0; i < caseIds.length; i += 500) {
      const ss = (await db
        .selectFrom('case_steps')
        .select(['case_id', 'action', 'on_date'])
        .where('case_id', 'in', caseIds.slice(i, i + 500))
        .where('action', '=', 'upper_opinion')
        .execute()) as { case_id: string; action: string; on_date: string }[];
      caseSteps.push(...ss.map((x) => ({ caseId: x.case_id, action: x.action, onDate: x.on_date })));
    }
    const earliest = [...latest.values()].reduce((m, r) => (r.date < m ? r.date : m), on);
    const talks = (await talksAmong(db, ids, earliest, on)).flatMap((t) => [
      { cadreId: t.talkerId, heldOn: t.heldOn },
      { cadreId: t.talkeeId, heldOn: t.heldOn },
    ]);
    const adjusted: AdjustedCadre[] = [...latest.values()].map((r) => {
      const until = st.get(r.cadre_id)?.promotionAllowedFrom ?? null;
      return {
        adjustmentId: r.id,
        cadreId: r.cadre_id,
        date: r.date,
        method: r.method,
        provision: r.provision,
        // a period is counted from the decision; a value before it belongs to something older
        periodUntil: until !== null && until > r.date ? until : null,
        caseId: cases.get(r.cadre_id) ?? null,
      };
    });
    const items = followUpItems(adjusted, { talks, visits, posts, caseSteps }, on);
    return {
      items,
      names: await cadreNames(
        db,
        items.map((x) => x.adjustment.cadreId),
      ),
    };
  }

  const followUpOut = (x: FollowUpItem, names: Map<string, CadreName>) => {
    const a = x.adjustment;
    const who = names.get(a.cadreId);
    const open = x.tasks.filter((t) => t.doneOn === null).map((t) => t.label);
    const text =
      x.kind === 'followUp'
        ? `${who?.name ?? ''}于${a.date}被${a.method}，影响期至${a.periodUntil}前：${open.length ? `尚待${open.join('、')}` : '已开展谈心谈话和跟踪了解'}`
        : `${who?.name ?? ''}的调整影响期已于${a.periodUntil}期满，可经考察按程序提拔任职${
            x.upperOpinion.required && !x.upperOpinion.givenOn ? '（须先征求上一级组织人事部门意见）' : ''
          }`;
    return {
      kind: x.kind,
      kindText: x.kind === 'followUp' ? '调整后跟踪管理' : '影响期满可重新使用',
      cadreId: a.cadreId,
      cadre: who ?? null,
      adjustmentId: a.adjustmentId,
      adjustedOn: a.date,
      method: a.method,
      periodUntil: a.periodUntil,
      caseId: a.caseId,
      tasks: x.tasks,
      upperOpinion: x.upperOpinion,
      source: a.provision.source,
      text,
    };
  };

  app.get(
    '/care/follow-up',
    {
      config: { roles: RECORD_ROLES.filter((r) => r !== 'cadre') },
      schema: {
        tags: ['care'],
        summary:
          '调整干部的跟踪管理（影响期内）和重新使用（影响期满） follow-up of adjusted cadres and re-use candidates',
        response: errorSchemas(401, 403),
      },
    },
    async (req) => {
      const { items, names } = await followUpFor(scopeOf(req.user!));
      return { on: today(), items: items.map((x) => followUpOut(x, names)) };
    },
  );

  const pairOut = (p: CoveragePair) => ({
    unitId: p.unitId,
    unit: p.unitName,
    lowerUnit: p.lowerUnitName,
    leader: p.leader,
    other: p.other,
    heldOn: p.heldOn,
    rule: pairSummary(p.rule),
  });

  app.get<{ Querystring: { year?: number; unit?: string; missing?: boolean; limit?: number; offset?: number } }>(
    '/care/coverage',
    {
      config: { roles: RECORD_ROLES.filter((r) => r !== 'cadre') },
      schema: {
        tags: ['care'],
        summary: '年度谈心谈话覆盖情况（含未谈话的人员） yearly talk coverage with the missing pairs',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            year: YEAR,
            unit: { type: 'string', maxLength: 64 },
            missing: { type: 'boolean' },
            limit: { type: 'integer', minimum: 1, maximum: 1000 },
            offset: OFFSET_SCHEMA,
          },
        },
        response: errorSchemas(400, 401, 403),
      },
    },
    async (req) => {
      const year = req.query.year ?? Number(today().slice(0, 4));
      const { on, pairs, gaps } = await coverageFor(scopeOf(req.user!), year);
      const byUnit = new Map<string, { unitId: string; unit: string; rule: string; required: number; met: number }>();
      for (const p of pairs) {
        const u = byUnit.get(p.unitId) ?? {
          unitId: p.unitId,
          unit: p.unitName,
          rule: pairSummary(p.rule === 'memberWithChargedUnit' ? 'principalWithTeam' : p.rule),
          required: 0,
          met: 0,
        };
        u.required++;
        if (p.heldOn) u.met++;
        byUnit.set(p.unitId, u);
      }
      const shown = pairs
        .filter((p) => (req.query.unit ? p.unitId === req.query.unit : true))
        .filter((p) => (req.query.missing ? p.heldOn === null : true));
      const offset = req.query.offset ?? 0;
      return {
        year,
        teamsOn: on,
        rules: COVERAGE_RULES.map((r) => ({
          summary: r.chargedUnits ? `${r.summary}；${r.chargedUnits.summary}` : r.summary,
          source: r.source,
        })),
        // what the record cannot tell (a member's 分管单位 not entered), said rather than guessed
        gaps: gaps
          .filter((g) => (req.query.unit ? g.unitId === req.query.unit : true))
          .map((g) => ({ unitId: g.unitId, unit: g.unitName, member: g.member, text: g.text })),
        totals: { required: pairs.length, met: pairs.filter((p) => p.heldOn).length },
        units: [...byUnit.values()],
        total: shown.length,
        pairs: shown.slice(offset, offset + (req.query.limit ?? 200)).map(pairOut),
      };
    },
  );

  app.get(
    '/care/todo',
    {
      config: { roles: RECORD_ROLES },
      schema: {
        tags: ['care'],
        summary: '关心关爱待办：本年度尚未进行的谈心谈话 reminders',
        response: errorSchemas(401, 403),
      },
    },
    async (req) => {
      const user = req.user!;
      const year = Number(today().slice(0, 4));
      let scope = scopeOf(user);
      // a cadre's reminders are the talks they themselves must hold: their own teams and those directly below
      if (scope.kind === 'self') {
        const led = (await ctx.db
          .selectFrom('posts')
          .select('unit_id')
          .where('cadre_id', '=', scope.cadreId)
          .where('role', '=', 'principal')
          .where('start_date', '<=', today())
          .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>', today())]))
          .executeTakeFirst()) as { unit_id: string } | undefined;
        if (!led) return { year, items: [] };
        scope = { kind: 'subtree', root: led.unit_id };
      }
      const { pairs } = await coverageFor(scope, year);
      const mine = user.role === 'cadre' ? pairs.filter((p) => p.leader.id === user.cadreId) : pairs;
      // the follow-up and re-use of adjusted cadres are the organisation's work, not a cadre's own reminder
      const follow =
        user.role === 'cadre' ? { items: [], names: new Map<string, CadreName>() } : await followUpFor(scope);
      const items = mine
        .filter((p) => p.heldOn === null)
        .map((p) => ({
          ...pairOut(p),
          due: yearSpan(year).to,
          text: `${p.leader.name}（${p.leader.title}）与${p.other.name}（${p.other.title}）${year}年度尚未谈心谈话`,
        }));
      // a follow-up is open while a task the text names has no record; a re-use candidate stays until a post is taken
      const followUps = follow.items
        .filter((x) => x.kind === 'reuse' || x.tasks.some((t) => t.doneOn === null && t.task !== 'education'))
        .map((x) => followUpOut(x, follow.names));
      return { year, items, followUps };
    },
  );
}
