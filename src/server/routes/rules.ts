// The rulebooks through the API: POST /evaluate (a DESIGN §4 scenario in, the evaluation out) and
// GET /explain/cadre/:id (every finding about one cadre in scope, with the article text).
import type { FastifyInstance } from 'fastify';
import { chineseDate, isDate } from '../../domain/dates.js';
import { packRegistry } from '../../packs/index.js';
import { evaluate, evaluateIndexed } from '../../policy/engine.js';
import { explainSubject, humanize } from '../../policy/explain.js';
import { FactIndex } from '../../policy/fact-index.js';
import type { Evaluation } from '../../policy/types.js';
import { parseScenario, ScenarioError } from '../../policy/scenario.js';
import { badRequest } from '../errors.js';
import { namer } from '../plain-names.js';
import { RECORD_ROLES } from '../roles.js';
import { getRecord, seesCaseFilesOf } from '../scope.js';
import { errorSchemas } from '../schemas.js';

export function ruleRoutes(app: FastifyInstance): void {
  const ctx = app.ctx;
  const registry = packRegistry();
  const plainNotes = namer(registry);

  // The rulebooks themselves (public policy texts): every rule with its id, kind and verbatim article, for the
  // 政策规则 page. Built once: the packs do not change while the server runs.
  const ruleList = registry.allRules().map((r) => ({
    id: r.id,
    pack: r.pack,
    packTitle: registry.packs.get(r.pack)?.title ?? r.pack,
    mechanism: r.mechanism,
    kind: r.kind,
    title: r.title ?? null,
    document: r.citation.document,
    article: r.citation.article,
    text: r.citation.text,
    // notes are for people: vocabulary codes, rule ids and parameter keys in them become words (the article text
    // stays verbatim)
    note: r.note ? plainNotes.plain(humanize(r.note)) : null,
    supersedes: r.supersedes ?? [],
  }));
  app.get(
    '/rules',
    {
      config: { roles: RECORD_ROLES },
      schema: {
        tags: ['rules'],
        summary: '全部规则及条文原文 every rule with its article text',
        response: errorSchemas(401, 403),
      },
    },
    async () => ruleList,
  );

  app.post<{ Body: Record<string, unknown> }>(
    '/evaluate',
    {
      config: { roles: RECORD_ROLES },
      schema: {
        tags: ['rules'],
        summary: '按情景评估规则（DESIGN §4） evaluate a scenario',
        body: {
          type: 'object',
          required: ['pack', 'asOf', 'facts'],
          properties: { pack: { type: 'string' }, asOf: { type: 'string' }, facts: { type: 'object' } },
        },
        response: errorSchemas(400, 401, 403, 413),
      },
    },
    async (req) => {
      let s;
      try {
        s = parseScenario(req.body);
      } catch (e) {
        if (e instanceof ScenarioError) throw badRequest(e.field, `${e.field}：${e.reason}`, e.reason);
        throw e;
      }
      return evaluate(registry, s.facts, { asOf: s.asOf, pack: s.pack, params: s.params });
    },
  );

  app.get<{ Params: { id: string }; Querystring: { asOf?: string } }>(
    '/explain/cadre/:id',
    {
      config: { roles: RECORD_ROLES },
      schema: {
        tags: ['rules'],
        summary: '说明某干部的全部结论及条文依据 explain a cadre',
        params: { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { asOf: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
        },
        response: errorSchemas(400, 401, 403, 404),
      },
    },
    async (req) => {
      const asOf = req.query.asOf ?? ctx.now().toISOString().slice(0, 10);
      if (!isDate(asOf)) throw badRequest('asOf', 'asOf：不是有效日期', 'asOf is not a valid date');
      await getRecord(ctx.store, req.user!, 'cadres', req.params.id); // 404 / 403 before any work
      const idx = new FactIndex(await ctx.store.loadFacts(asOf));
      const subject = req.params.id;
      const cadre = idx.cadre(subject);
      // Rules compare subjects (quotas, rankings), so the whole record is evaluated and the subject's part shown.
      const all = evaluateIndexed(registry, idx, { asOf });
      // Tolerance conclusions rest on the cadre's case files: only those taking part in the case see them.
      const ev = (await seesCaseFilesOf(ctx.store, req.user!, subject)) ? all : withoutTolerance(all, subject);
      const bound = cadre ? idx.ancestry(cadre.unit).find((u) => u.pack) : undefined;
      const chain = bound?.pack ? registry.chain(bound.pack) : [];
      const findings = ev.findings.filter((f) => f.subject === subject);
      // the page shows names, not the ids and keys the rules write into their reasons and gaps
      // the subject's tolerance requests are named by their date (值 tolerance:<request id>, reasons)
      const requests = new Map(idx.requests(subject).map((r) => [r.id, `${chineseDate(r.date)}的容错申请`] as const));
      const names = namer(registry, (id) => idx.unit(id)?.name ?? idx.cadre(id)?.name ?? requests.get(id)).namesIn([
        ...Object.keys(ev.values[subject] ?? {}).flatMap((k) => k.split(':')),
        ...chain,
        ...findings.flatMap((f) => [f.rule, ...f.because, f.conclusion ?? '']),
        ...ev.gaps,
      ]);
      const titles = Object.fromEntries(findings.map((f) => [f.rule, registry.rules.get(f.rule)?.title ?? '']));
      return {
        subject,
        asOf,
        chain,
        findings,
        values: ev.values[subject] ?? {},
        gaps: ev.gaps,
        names,
        titles,
        text: cadre ? explainSubject(ev, idx, subject, chain) : `${subject} 在 ${asOf} 无任职记录`,
      };
    },
  );
}

/** The evaluation without the tolerance mechanism's findings and values about `subject`. */
function withoutTolerance(ev: Evaluation, subject: string): Evaluation {
  const isTolerance = (ruleOrValue: string) => /^[^/.]+[/.]tolerance[/.]/.test(ruleOrValue);
  const values = Object.fromEntries(Object.entries(ev.values[subject] ?? {}).filter(([k]) => !isTolerance(k)));
  return {
    ...ev,
    findings: ev.findings.filter((f) => f.subject !== subject || !isTolerance(f.rule)),
    values: { ...ev.values, [subject]: values },
  };
}
