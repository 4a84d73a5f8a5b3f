// The rulebooks through the API: POST /evaluate (a DESIGN §4 scenario in, the evaluation out) and
// GET /explain/cadre/:id (every finding about one cadre in scope, with the article text: explanation.ts).
import { chinaDate } from '../../domain/dates.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {} from '@fastify/rate-limit';
import { dateProblem } from '../../domain/values.js';
import { packRegistry } from '../../packs/index.js';
import { READINGS_GUIDE } from '../../packs/readings-guide.js';
import { evaluate } from '../../policy/engine.js';
import { humanize } from '../../policy/explain.js';
import { parseScenario, ScenarioError } from '../../policy/scenario.js';
import type { KyselyStore } from '../../store/kysely-store.js';
import { badRequest } from '../errors.js';
import { explainCadre } from '../explanation.js';
import { namer } from '../plain-names.js';
import { RECORD_ROLES, ROLES } from '../roles.js';
import { getRecord } from '../scope.js';
import { errorSchemas } from '../schemas.js';

export interface RuleRouteOptions {
  /** explanations per user per window before 429 */
  explainRateLimit: { max: number; timeWindowMs: number };
}

export const DEFAULT_EXPLAIN_RATE_LIMIT = { max: 20, timeWindowMs: 60_000 };

export function ruleRoutes(
  app: FastifyInstance,
  opts: RuleRouteOptions = { explainRateLimit: DEFAULT_EXPLAIN_RATE_LIMIT },
): void {
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
    // 施行日期: the first day in force and the first day no longer in force (null: the text prints no date)
    from: r.from ?? registry.packs.get(r.pack)?.from ?? null,
    until: r.until ?? registry.packs.get(r.pack)?.until ?? null,
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

  // 读法说明: how the rulebooks read recurring wordings, for every signed-in role (the administrators included: it is
  // public policy reading, not record data). The same module writes docs/READINGS.md.
  app.get(
    '/readings',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['rules'],
        summary: '读法说明 how the rulebooks read recurring wordings',
        response: errorSchemas(401, 403),
      },
    },
    async () => READINGS_GUIDE,
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

  // Each explanation evaluates a region of the record (hundreds of milliseconds of work): a user gets a few a
  // minute (429 beyond), and one user's explanations run one after another, so no single reader can crowd out
  // everyone else's requests.
  const oneAtATime = perUserQueue();
  app.get<{ Params: { id: string }; Querystring: { asOf?: string } }>(
    '/explain/cadre/:id',
    {
      config: {
        roles: RECORD_ROLES,
        rateLimit: {
          max: opts.explainRateLimit.max,
          timeWindow: opts.explainRateLimit.timeWindowMs,
          // after authentication, so the limit is per account, not per address
          hook: 'preHandler',
          keyGenerator: (req: FastifyRequest) => `explain:${req.user?.id ?? req.ip}`,
          errorResponseBuilder: () => ({
            statusCode: 429,
            reason_zh: '说明请求过于频繁，请稍后再试',
            reason: 'too many explanation requests',
          }),
        },
      },
      schema: {
        tags: ['rules'],
        summary: '说明某干部的全部结论及条文依据 explain a cadre',
        params: { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } },
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { asOf: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } },
        },
        response: errorSchemas(400, 401, 403, 404, 429),
      },
    },
    async (req) => {
      const asOf = req.query.asOf ?? chinaDate(ctx.now());
      const wrong = dateProblem(asOf); // a real date inside the record's span (0001-01-01 is neither a fact nor a day to ask about)
      if (wrong) throw badRequest('asOf', `asOf：${wrong.zh}`, `asOf ${wrong.en}`);
      await getRecord(ctx.store, req.user!, 'cadres', req.params.id); // 404 / 403 before any work
      const user = req.user!;
      return oneAtATime(user.id, () => explainCadre(ctx.store as KyselyStore, registry, user, req.params.id, asOf));
    },
  );
}

/** Runs each key's tasks one after another (tasks of different keys run side by side). */
function perUserQueue(): <T>(key: string, task: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return (key, task) => {
    const before = tails.get(key) ?? Promise.resolve();
    const run = before.then(task, task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}
