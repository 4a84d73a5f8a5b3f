// Read-only views for the 容错纠错 page: each jurisdiction's procedure as its definition declares it (states, actions,
// who acts, the article of each step — drawn as a diagram, so an official can compare jurisdictions), the situations
// and findings an investigation records against the pack's evaluation. The names behind the cases (the subject, the
// unit, the accountability matter) come with the cases themselves (routes/cases.ts), so pages never show an id.
import type { FastifyInstance } from 'fastify';
import { CASE_OUTCOME_LABELS, type ProcedureDef, type ProcedureRole } from '../../domain/procedure.js';
import { TOLERANCE_FLAGS, TOLERANCE_FLAG_LABELS } from '../../domain/vocabulary.js';
import { packRegistry } from '../../packs/index.js';
import { definitionRegistry } from '../../workflow/definitions.js';
import { RECORD_ROLES } from '../roles.js';

/** The jurisdiction each pack speaks for, as people name it. */
export const JURISDICTIONS: Readonly<Record<string, string>> = {
  jiangsu: '江苏省',
  shaanxi: '陕西省',
  rudong: '如东县人民检察院',
  anhui: '安徽省',
  jiaozuo: '焦作市',
};

const ROLE_NAMES: Record<ProcedureRole, string> = {
  org_officer: '组织部门',
  discipline_officer: '纪检监察机关',
  accountability_officer: '问责部门',
  committee_member: '党委（党组）成员',
  unit_liaison: '单位联络员',
  cadre: '干部本人',
};

/**
 * The situations a request may rely on, as each pack's rules number them: the rule id is `<pack>/<part>/<locator>`
 * and the evaluation matches the request's situation against the locator. 江苏 and 安徽 list no situations of their
 * own: the request names the article it relies on (江苏 一、（三） key areas; 安徽 10–11 policy limits and procedure).
 */
const SITUATION_RULES: Readonly<Record<string, RegExp>> = {
  jiangsu: /^jiangsu\/tolerance\/(1\.\d+)$/,
  shaanxi: /^shaanxi\/tolerance\/(6\.\d+)$/,
  rudong: /^rudong\/tolerance\/(3\.2\.\d+)$/,
  anhui: /^anhui\/opinion\/(1[01])$/,
  jiaozuo: /^jiaozuo\/tolerance\/(situation\.\d+)$/,
};

function situationsOf(pack: string): { value: string; label: string }[] {
  const re = SITUATION_RULES[pack];
  const p = packRegistry().packs.get(pack);
  if (!re || !p) return [];
  const out: { value: string; label: string }[] = [];
  for (const r of p.rules) {
    const m = re.exec(r.id);
    if (m?.[1]) out.push({ value: m[1], label: `${r.citation.article} ${r.title ?? ''}`.trim() });
  }
  return out;
}

/**
 * An article as people cite it: the definitions locate a section's opening paragraph as `四 lead`; people say
 * 四（导语）.
 */
export const plainArticle = (s: string): string => s.replace(/(\S+) lead\b/g, '$1（导语）');

function procedureView(def: ProcedureDef) {
  const label = (s: string) => (s === 'new' ? '案件启动前' : (def.states[s]?.label ?? s));
  return {
    pack: def.pack,
    procedure: def.procedure,
    jurisdiction: JURISDICTIONS[def.pack] ?? def.title,
    title: def.title,
    version: def.version,
    documents: def.documents,
    subjects: def.subjects.map((s) => (s === 'cadre' ? '干部' : '单位')),
    states: Object.entries(def.states).map(([key, s]) => ({ key, label: s.label, final: s.final === true })),
    actions: def.actions.map((a) => ({
      action: a.id,
      label: a.label,
      from: a.from.map((s) => ({ key: s, label: label(s) })),
      to: { key: a.to, label: label(a.to) },
      body: a.actor.body,
      roles: a.actor.roles.map((r) => ROLE_NAMES[r]),
      article: plainArticle(`${a.citation.document} ${a.citation.article}`),
      reading: a.citation.reading ? plainArticle(a.citation.reading) : null,
      start: a.start ?? null,
      outcomes: a.concludes?.map((o) => CASE_OUTCOME_LABELS[o]) ?? [],
      reasonRequired: a.reasonRequired === true,
      inputs: (a.inputs ?? []).map((i) => ({ name: i.name, label: i.label })),
      produces: [...(a.produces ?? []), ...Object.values(a.producesFor ?? {}).flat()],
    })),
    situations: situationsOf(def.pack),
  };
}

export function procedureRoutes(app: FastifyInstance): void {
  const views = definitionRegistry().all().map(procedureView);
  const flags = TOLERANCE_FLAGS.map((f) => ({ value: f, label: TOLERANCE_FLAG_LABELS[f] }));

  app.get<{ Querystring: { procedure?: string } }>(
    '/procedures',
    {
      config: { roles: RECORD_ROLES },
      schema: {
        tags: ['cases'],
        summary: '各地办理程序（状态、步骤、办理主体、条文；默认容错纠错） the procedures of one kind as declared',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { procedure: { type: 'string', enum: ['tolerance', 'adjustment', 'clarification'] } },
        },
      },
    },
    async (req) => ({ items: views.filter((v) => v.procedure === (req.query.procedure ?? 'tolerance')), flags }),
  );
}
