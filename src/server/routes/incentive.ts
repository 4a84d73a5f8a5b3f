// 鼓励激励 through the API: the annual run per organiser unit and year (mechanisms/incentive/run.ts) — create and
// compute, recompute, decide ties, propose, 公示 (when configured), approve each list by the body the text names,
// confer, close — and the unit grading workbench (a liaison proposes grades within the quota; the organiser accepts
// or returns). Every reason, gap and name is given in words: ids, rule codes and parameter keys become names here.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { listDecision } from '../../io/docx/incentive-documents.js';
import { listWorkbook } from '../../io/xlsx/incentive-lists.js';
import {
  IncentiveRunService,
  listStatusLabel,
  RUN_STATE_LABELS,
  RunInputError,
  RunStepError,
  type Actor,
} from '../../mechanisms/incentive/run.js';
import { packRegistry } from '../../packs/index.js';
import { humanize } from '../../policy/explain.js';
import { subtreeUnits } from '../../store/derived.js';
import { ClosedRunError, incentiveRunsOf, StaleRunError, type RunRow } from '../../store/incentive-runs.js';
import { audit } from '../audit-log.js';
import { HttpError, badRequest, notFound } from '../errors.js';
import { namer } from '../plain-names.js';
import { errorSchemas } from '../schemas.js';
import { scopeOf, unitReachable } from '../scope.js';
import type { User } from '../accounts/users.js';

const READERS = ['org_officer', 'committee_member', 'unit_liaison', 'discipline_officer'] as const;
const ORGANISERS = ['org_officer'] as const;
const GRADERS = ['unit_liaison', 'org_officer'] as const;

const conflict = (reason_zh: string, reason: string) => new HttpError(409, { reason_zh, reason });

/** The mechanism's refusals as API errors (400 names the field; a step out of turn or a closed run is 409). */
async function answer<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof RunInputError) throw badRequest(err.field, err.reason_zh, err.reason);
    if (err instanceof RunStepError) throw conflict(err.reason_zh, err.reason);
    if (err instanceof ClosedRunError) throw conflict('年度工作已办结，不能再修改', 'the run is closed');
    if (err instanceof StaleRunError) throw conflict('年度工作已被他人办理，请刷新后重试', 'stale version');
    throw err;
  }
}

const versionBody = { type: 'object', required: ['version'], properties: { version: { type: 'integer' } } } as const;

export function incentiveRoutes(app: FastifyInstance): void {
  const ctx = app.ctx;
  const registry = packRegistry();
  const service = new IncentiveRunService(ctx.store, registry, ctx.now);
  const actor = (req: FastifyRequest): Actor => ({ userId: req.user!.id });

  /** Names of units and cadres, by id. */
  async function recordNames(ids: Iterable<string>): Promise<Map<string, string>> {
    const all = [...new Set(ids)];
    const out = new Map<string, string>();
    for (let i = 0; i < all.length; i += 500) {
      const part = all.slice(i, i + 500);
      const units = (await ctx.db.selectFrom('units').select(['id', 'name']).where('id', 'in', part).execute()) as {
        id: string;
        name: string;
      }[];
      for (const u of units) out.set(u.id, u.name);
      const cadres = (await ctx.db.selectFrom('cadres').select(['id', 'name']).where('id', 'in', part).execute()) as {
        id: string;
        name: string;
      }[];
      for (const c of cadres) out.set(c.id, c.name);
    }
    return out;
  }
  const TOKEN = /[A-Za-z0-9_][A-Za-z0-9_./-]*/g;
  async function plainer(texts: readonly string[]): Promise<(s: string) => string> {
    const ids = texts.flatMap((t) => t.match(TOKEN) ?? []);
    const names = await recordNames(ids);
    const n = namer(registry, (id) => names.get(id));
    return (s: string) => n.plain(humanize(s));
  }

  /**
   * How far the reader reaches a run: `read` when the organiser unit is in the reader's scope (the lists name units
   * and cadres of the organiser's whole jurisdiction); `grade` when only the reader's own unit lies under it (a unit
   * liaison grading its cadres sees its workbench, not the lists).
   */
  async function reach(user: User, run: RunRow): Promise<'read' | 'grade' | null> {
    if (await unitReachable(ctx.db, scopeOf(user), run.organiserUnitId)) return 'read';
    if (!user.unitId) return null;
    const row = await ctx.db
      .selectFrom('units')
      .select('id')
      .where('id', '=', user.unitId)
      .where(sql<boolean>`id in ${subtreeUnits(run.organiserUnitId)}`)
      .executeTakeFirst();
    return row !== undefined ? 'grade' : null;
  }

  async function runFor(
    req: FastifyRequest,
    id: string,
    need: 'read' | 'grade' | 'organise' = 'read',
  ): Promise<RunRow> {
    const run = await incentiveRunsOf(ctx.store).get(id);
    const has = run ? await reach(req.user!, run) : null;
    if (!run || !has || (need !== 'grade' && has !== 'read')) throw notFound('年度工作不存在', 'no such run');
    return run;
  }

  async function view(run: RunRow) {
    const repo = incentiveRunsOf(ctx.store);
    const [lists, entries, approvals, steps] = await Promise.all([
      repo.lists(run.id),
      repo.entries(run.id),
      repo.approvals(run.id),
      repo.steps(run.id),
    ]);
    const texts = [
      run.organiserUnitId,
      ...run.gaps,
      ...run.ties,
      ...run.completeness.unitsMissing.slice(0, 50),
      ...run.completeness.cadresMissing.slice(0, 50),
      ...Object.keys(run.quotas),
      ...entries.flatMap((e) => [e.subjectId, e.rule, ...e.because, e.conclusion]),
    ];
    const plain = await plainer(texts);
    const pack = registry.packs.get(run.pack);
    return {
      id: run.id,
      version: run.version,
      year: run.year,
      asOf: run.asOf,
      jurisdiction: pack?.title ?? '',
      organiser: plain(run.organiserUnitId),
      organiserUnitId: run.organiserUnitId,
      state: run.state,
      stateLabel: RUN_STATE_LABELS[run.state] ?? run.state,
      publicNoticeDays: run.publicNoticeDays,
      conferredOn: run.conferredOn,
      conferredDocumentNo: run.conferredDocumentNo,
      computedAt: run.computedAt,
      gaps: run.gaps.map(plain),
      ties: run.ties.map(plain),
      completeness: {
        unitsWithResults: run.completeness.unitsWithResults,
        cadresWithResults: run.completeness.cadresWithResults,
        unitsMissing: run.completeness.unitsMissing.length,
        cadresMissing: run.completeness.cadresMissing.length,
        unitsMissingNames: run.completeness.unitsMissing.slice(0, 50).map(plain),
        cadresMissingNames: run.completeness.cadresMissing.slice(0, 50).map(plain),
      },
      quotas: Object.entries(run.quotas).map(([unit, share]) => ({ unitId: unit, unit: plain(unit), share })),
      lists: lists.map((l) => ({
        key: l.key,
        name: l.name,
        publish: l.publish,
        status: l.status,
        statusLabel: listStatusLabel(l),
        approver: l.approver,
        approverBasis: l.approverBasis,
        notice: l.noticeFrom ? { from: l.noticeFrom, to: l.noticeTo } : null,
        approval: approvals.find((a) => a.listKey === l.key) ?? null,
        entries: entries
          .filter((e) => e.listKey === l.key)
          .map((e) => ({
            seq: e.seq,
            subjectType: e.subjectType,
            subjectId: e.subjectId,
            name: plain(e.subjectId),
            rule: e.rule ? plain(e.rule) : '',
            article: e.article,
            conclusion: plain(e.conclusion),
            because: e.because.map(plain),
            value: e.value,
            tie: e.tie,
            decision: e.decision,
            decisionReason: e.decisionReason,
          })),
      })),
      steps: steps.map((s) => ({ seq: s.seq, action: s.action, at: s.at })),
    };
  }

  app.get(
    '/incentive/runs',
    {
      config: { roles: READERS },
      schema: { tags: ['incentive'], summary: '鼓励激励年度工作列表 incentive runs', response: errorSchemas(401, 403) },
    },
    async (req) => {
      const runs = await incentiveRunsOf(ctx.store).list();
      const out = [];
      for (const r of runs) {
        const has = await reach(req.user!, r);
        if (!has) continue;
        const names = await recordNames([r.organiserUnitId]);
        out.push({
          id: r.id,
          year: r.year,
          jurisdiction: registry.packs.get(r.pack)?.title ?? '',
          organiser: names.get(r.organiserUnitId) ?? '',
          organiserUnitId: r.organiserUnitId,
          state: r.state,
          stateLabel: RUN_STATE_LABELS[r.state] ?? r.state,
          /** false: the reader only grades its own unit's cadres in this run */
          listsVisible: has === 'read',
        });
      }
      return out;
    },
  );

  app.post<{
    Body: {
      organiserUnitId: string;
      year: number;
      asOf?: string;
      params?: Record<string, unknown>;
      publicNoticeDays?: number | null;
    };
  }>(
    '/incentive/runs',
    {
      config: { roles: ORGANISERS },
      schema: {
        tags: ['incentive'],
        summary: '开始年度鼓励激励工作（汇总结果并计算名单） start a run',
        body: {
          type: 'object',
          required: ['organiserUnitId', 'year'],
          additionalProperties: false,
          properties: {
            organiserUnitId: { type: 'string', minLength: 1 },
            year: { type: 'integer' },
            asOf: { type: 'string' },
            params: { type: 'object' },
            publicNoticeDays: { type: ['integer', 'null'] },
          },
        },
        response: errorSchemas(400, 401, 403, 409),
      },
    },
    async (req, reply) => {
      if (!(await unitReachable(ctx.db, scopeOf(req.user!), req.body.organiserUnitId)))
        throw badRequest('organiserUnitId', '组织实施单位不在您的管理范围内', 'the unit is outside your scope');
      const run = await answer(() => service.create(req.body, actor(req)));
      await audit(ctx.db, req, { action: 'incentive.run.create', targetKind: 'incentive_runs', targetId: run.id });
      return reply.code(201).send(await view(run));
    },
  );

  app.get<{ Params: { id: string } }>(
    '/incentive/runs/:id',
    {
      config: { roles: READERS },
      schema: {
        tags: ['incentive'],
        summary: '年度工作及名单 a run with its lists',
        response: errorSchemas(401, 403, 404),
      },
    },
    async (req) => view(await runFor(req, req.params.id)),
  );

  const step = <B>(
    path: string,
    summary: string,
    body: Record<string, unknown>,
    act: (req: FastifyRequest<{ Params: { id: string; key: string }; Body: B }>, run: RunRow) => Promise<RunRow>,
  ) =>
    app.post<{ Params: { id: string; key: string }; Body: B }>(
      path,
      {
        config: { roles: ORGANISERS },
        schema: { tags: ['incentive'], summary, body, response: errorSchemas(400, 401, 403, 404, 409) },
      },
      async (req) => {
        const run = await runFor(req, req.params.id, 'organise');
        const after = await answer(() => act(req, run));
        await audit(ctx.db, req, {
          action: `incentive.run.${path.split('/').pop()}`,
          targetKind: 'incentive_runs',
          targetId: run.id,
        });
        return view(after);
      },
    );

  step<{ version: number }>('/incentive/runs/:id/recompute', '重新计算 recompute', versionBody, (req) =>
    service.recompute(req.params.id, req.body.version, actor(req)),
  );
  step<{ version: number; list: string; seq: number; decision: 'include' | 'exclude'; reason: string }>(
    '/incentive/runs/:id/ties',
    '决定并列于名额分界的条目 decide a tie',
    {
      type: 'object',
      required: ['version', 'list', 'seq', 'decision', 'reason'],
      additionalProperties: false,
      properties: {
        version: { type: 'integer' },
        list: { type: 'string' },
        seq: { type: 'integer' },
        decision: { enum: ['include', 'exclude'] },
        reason: { type: 'string', maxLength: 2000 },
      },
    },
    (req) =>
      service.decideTie(
        req.params.id,
        req.body.version,
        req.body.list,
        req.body.seq,
        req.body.decision,
        req.body.reason,
        actor(req),
      ),
  );
  step<{ version: number }>('/incentive/runs/:id/propose', '提出名单 propose the lists', versionBody, (req) =>
    service.propose(req.params.id, req.body.version, actor(req)),
  );
  step<{ from: string; to: string }>(
    '/incentive/runs/:id/lists/:key/notice',
    '名单公示 public notice of a list',
    {
      type: 'object',
      required: ['from', 'to'],
      additionalProperties: false,
      properties: { from: { type: 'string' }, to: { type: 'string' } },
    },
    (req) => service.notice(req.params.id, req.params.key, req.body.from, req.body.to, actor(req)),
  );
  step<{ body: string; meeting: string; date: string; documentNo: string }>(
    '/incentive/runs/:id/lists/:key/approve',
    '名单审批（审批机关、会议、日期、文号） approve a list',
    {
      type: 'object',
      required: ['body', 'meeting', 'date', 'documentNo'],
      additionalProperties: false,
      properties: {
        body: { type: 'string', maxLength: 200 },
        meeting: { type: 'string', maxLength: 200 },
        date: { type: 'string' },
        documentNo: { type: 'string', maxLength: 100 },
      },
    },
    (req) => service.approve(req.params.id, req.params.key, req.body, actor(req)),
  );
  step<{ version: number; date: string; documentNo: string }>(
    '/incentive/runs/:id/confer',
    '授予、公布 confer',
    {
      type: 'object',
      required: ['version', 'date', 'documentNo'],
      additionalProperties: false,
      properties: {
        version: { type: 'integer' },
        date: { type: 'string' },
        documentNo: { type: 'string', maxLength: 100 },
      },
    },
    (req) => service.confer(req.params.id, req.body.version, req.body.date, req.body.documentNo, actor(req)),
  );
  step<{ version: number }>('/incentive/runs/:id/close', '办结（表彰和等次写入记录） close', versionBody, (req) =>
    service.close(req.params.id, req.body.version, actor(req)),
  );

  // ---- unit grading workbench ----

  async function workbenchView(req: FastifyRequest, run: RunRow, unitId: string) {
    if (!(await unitReachable(ctx.db, scopeOf(req.user!), unitId)))
      throw badRequest('unitId', '该单位不在您的管理范围内', 'the unit is outside your scope');
    const wb = await service.workbench(run.id, unitId);
    const names = await recordNames([unitId, ...(wb.quotaUnit ? [wb.quotaUnit] : []), ...wb.cadres]);
    const byCadre = new Map(wb.proposals.map((p) => [p.cadreId, p]));
    return {
      runId: run.id,
      year: run.year,
      state: run.state,
      unitId,
      unit: names.get(unitId) ?? '',
      quotaUnit: wb.quotaUnit ? (names.get(wb.quotaUnit) ?? '') : null,
      meter: wb.meter,
      cadres: wb.cadres.map((id) => {
        const p = byCadre.get(id);
        return {
          cadreId: id,
          name: names.get(id) ?? '',
          grade: p?.grade ?? null,
          // 优秀 already in the record for the year (imported): counted in the meter like a proposal
          recordedExcellent: wb.recordedExcellent.has(id),
          status: p?.status ?? null,
          statusLabel: p ? { proposed: '待审核', accepted: '已确认', returned: '已退回' }[p.status] : null,
          reviewNote: p?.reviewNote ?? null,
        };
      }),
    };
  }

  app.get<{ Params: { id: string }; Querystring: { unitId?: string } }>(
    '/incentive/runs/:id/workbench',
    {
      config: { roles: GRADERS },
      schema: {
        tags: ['incentive'],
        summary: '单位等次评定工作台（名额仪表） the unit grading workbench',
        querystring: { type: 'object', properties: { unitId: { type: 'string' } } },
        response: errorSchemas(400, 401, 403, 404),
      },
    },
    async (req) => {
      const run = await runFor(req, req.params.id, 'grade');
      const unitId = req.query.unitId ?? req.user!.unitId ?? run.organiserUnitId;
      return workbenchView(req, run, unitId);
    },
  );

  app.put<{ Params: { id: string; cadreId: string }; Body: { grade: string } }>(
    '/incentive/runs/:id/grades/:cadreId',
    {
      config: { roles: GRADERS },
      schema: {
        tags: ['incentive'],
        summary: '提出干部年度考核等次 propose a grade',
        body: {
          type: 'object',
          required: ['grade'],
          additionalProperties: false,
          properties: { grade: { type: 'string' } },
        },
        response: errorSchemas(400, 401, 403, 404, 409),
      },
    },
    async (req) => {
      const run = await runFor(req, req.params.id, 'grade');
      const scope = scopeOf(req.user!);
      const cadre = await ctx.store.repo('cadres').get(req.params.cadreId);
      if (!cadre || !(await unitReachable(ctx.db, scope, cadre.managingUnitId)))
        throw badRequest('cadreId', '干部不在您的管理范围内', 'the cadre is outside your scope');
      const p = await answer(() => service.proposeGrade(run.id, cadre.id, req.body.grade, actor(req)));
      await audit(ctx.db, req, {
        action: 'incentive.grade.propose',
        targetKind: 'cadres',
        targetId: cadre.id,
        after: { grade: p.grade },
      });
      return workbenchView(
        req,
        await incentiveRunsOf(ctx.store)
          .get(run.id)
          .then((r) => r!),
        cadre.managingUnitId,
      );
    },
  );

  app.post<{ Params: { id: string; cadreId: string }; Body: { decision: 'accept' | 'return'; note?: string } }>(
    '/incentive/runs/:id/grades/:cadreId/review',
    {
      config: { roles: ORGANISERS },
      schema: {
        tags: ['incentive'],
        summary: '组织部门确认或退回等次 accept or return a grade',
        body: {
          type: 'object',
          required: ['decision'],
          additionalProperties: false,
          properties: { decision: { enum: ['accept', 'return'] }, note: { type: 'string', maxLength: 2000 } },
        },
        response: errorSchemas(400, 401, 403, 404, 409),
      },
    },
    async (req) => {
      const run = await runFor(req, req.params.id, 'organise');
      const p = await answer(() =>
        service.review(run.id, req.params.cadreId, req.body.decision, req.body.note ?? '', actor(req)),
      );
      await audit(ctx.db, req, {
        action: `incentive.grade.${req.body.decision}`,
        targetKind: 'cadres',
        targetId: p.cadreId,
      });
      return { cadreId: p.cadreId, grade: p.grade, status: p.status };
    },
  );

  // ---- documents ----

  async function listOf(req: FastifyRequest, id: string, key: string) {
    const run = await runFor(req, id);
    const v = await view(run);
    const list = v.lists.find((l) => l.key === key);
    if (!list) throw notFound('名单不存在', 'no such list');
    return { run, v, list };
  }

  const sendFile = (reply: FastifyReply, type: string, name: string, buf: Buffer) => {
    const file = encodeURIComponent(name);
    return reply
      .header('content-type', type)
      .header('content-disposition', `attachment; filename="${file}"; filename*=UTF-8''${file}`)
      .send(buf);
  };

  app.get<{ Params: { id: string; key: string } }>(
    '/incentive/runs/:id/lists/:key/xlsx',
    {
      config: { roles: READERS },
      schema: {
        tags: ['incentive'],
        summary: '名单 (.xlsx) a list as a spreadsheet',
        response: errorSchemas(401, 403, 404),
      },
    },
    async (req, reply) => {
      const { v, list } = await listOf(req, req.params.id, req.params.key);
      const title = `${v.year}年度${list.name}`;
      const buf = await listWorkbook(
        title,
        list.entries.map((e) => ({
          name: e.name,
          kind: e.subjectType === 'unit' ? '单位' : '干部',
          conclusion: e.conclusion,
          value: e.value ?? '',
          article: e.rule,
          because: e.because.join('；'),
          decision: e.tie
            ? e.decision === 'include'
              ? '并列，决定列入'
              : e.decision === 'exclude'
                ? '并列，决定不列入'
                : '并列待定'
            : '',
        })),
      );
      await audit(ctx.db, req, { action: 'incentive.list.xlsx', targetKind: 'incentive_runs', targetId: v.id });
      return sendFile(reply, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `${title}.xlsx`, buf);
    },
  );

  app.get<{ Params: { id: string; key: string } }>(
    '/incentive/runs/:id/lists/:key/docx',
    {
      config: { roles: READERS },
      schema: {
        tags: ['incentive'],
        summary: '表彰决定或通报 (.docx) the decision of an approved list',
        response: errorSchemas(401, 403, 404, 409),
      },
    },
    async (req, reply) => {
      const { v, list } = await listOf(req, req.params.id, req.params.key);
      if (!list.approval) throw conflict('名单审批后方可生成表彰决定或通报', 'the list is not approved');
      const included = list.entries.filter((e) => !e.tie || e.decision === 'include');
      const buf = await listDecision({
        issuer: list.approval.body,
        documentNo: list.approval.documentNo,
        date: list.approval.decidedOn,
        year: v.year,
        listName: list.name,
        publish: list.publish,
        basis: [...new Set(included.map((e) => e.rule).filter(Boolean))],
        meeting: list.approval.meeting,
        entries: included.map((e) => ({
          name: e.name,
          what: e.value ? `${e.conclusion}（${e.value}）` : e.conclusion,
        })),
      });
      await audit(ctx.db, req, { action: 'incentive.list.docx', targetKind: 'incentive_runs', targetId: v.id });
      const kind = list.publish.includes('通报') ? '通报' : '决定';
      return sendFile(
        reply,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        `关于${v.year}年度${list.name}的${kind}.docx`,
        buf,
      );
    },
  );
}
