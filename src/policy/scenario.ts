// The scenario contract (DESIGN §4): a fact set as of a date and what the pack must conclude. This module validates a
// parsed scenario object and compares expectations with an evaluation; reading files is the caller's business.
import { z } from 'zod';
import { isDate } from '../domain/dates.js';
import type { Facts } from '../domain/facts.js';
import {
  ADJUSTMENT_METHODS,
  ASSESSMENT_SCHEMES,
  CADRE_CATEGORIES,
  DETERMINATION_KINDS,
  FOOD_DRUG_SEVERITIES,
  HONOR_AWARDS,
  HONOR_CONFERRERS,
  INCIDENT_CATEGORIES,
  LEVELS,
  PACK_IDS,
  POST_ROLES,
  SANCTION_KINDS,
  SEVERITIES,
  TOLERANCE_FLAGS,
  UNIT_KINDS,
} from '../domain/vocabulary.js';
import type { Evaluation, Value } from './types.js';

const date = z.string().refine(isDate, { message: '应为有效日期 YYYY-MM-DD (must be a valid date YYYY-MM-DD)' });
const id = z.union([z.string().min(1), z.number()]).transform(String);
const year = z.number().int().min(1900).max(2200);
const count = z.number().int().min(0);

const unit = z.strictObject({
  id,
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  parent: id.optional(),
  pack: z.enum(PACK_IDS).optional(),
});
const cadre = z.strictObject({
  id,
  name: z.string(),
  unit: id,
  post: z.enum(POST_ROLES),
  level: z.enum(LEVELS).optional(),
  partySecretary: z.boolean().optional(),
  inCharge: z.array(z.string()).optional(),
  category: z.enum(CADRE_CATEGORIES).optional(),
});
const unitAssessment = z.strictObject({
  unit: id,
  year,
  scheme: z.enum(ASSESSMENT_SCHEMES),
  grade: z.string().optional(),
  score: z.number().optional(),
  rank: z.number().int().min(1).optional(),
});
const cadreAssessment = z.strictObject({
  cadre: id,
  year,
  grade: z.enum(['优秀', '称职', '基本称职', '不称职']).optional(),
  votes: z.strictObject({ excellent: count, competent: count, basic: count, incompetent: count }).optional(),
});
const regularAssessment = z.strictObject({
  cadre: id,
  period: z.string().regex(/^\d{4}Q[1-4]$/, '应为季度，如 2019Q2 (must be a quarter like 2019Q2)'),
  grade: z.enum(['好', '较好', '一般', '较差']),
});
const honor = z.strictObject({
  subject: id,
  date,
  conferredBy: z.enum(HONOR_CONFERRERS),
  title: z.string(),
  award: z.enum(HONOR_AWARDS).optional(),
});
const incident = z.strictObject({
  unit: id,
  date,
  category: z.enum(INCIDENT_CATEGORIES),
  severity: z.enum([...SEVERITIES, ...FOOD_DRUG_SEVERITIES]),
});
const determination = z.strictObject({
  subject: id,
  date,
  kind: z.enum(DETERMINATION_KINDS),
  clause: z.union([z.string(), z.number()]).transform(String),
});
const sanction = z.strictObject({ cadre: id, date, kind: z.enum(SANCTION_KINDS) });
const adjustment = z.strictObject({ cadre: id, date, method: z.enum(ADJUSTMENT_METHODS) });
const toleranceRequest = z.strictObject({
  id,
  subject: id,
  date,
  situation: z.union([z.string(), z.number()]).transform(String),
  findings: z.partialRecord(z.enum(TOLERANCE_FLAGS), z.boolean()).default({}),
});

const list = <T extends z.ZodType>(t: T) => z.array(t).default([]);
const facts = z.strictObject({
  units: list(unit),
  cadres: list(cadre),
  unitAssessments: list(unitAssessment),
  cadreAssessments: list(cadreAssessment),
  regularAssessments: list(regularAssessment),
  honors: list(honor),
  incidents: list(incident),
  determinations: list(determination),
  sanctions: list(sanction),
  adjustments: list(adjustment),
  toleranceRequests: list(toleranceRequest),
});

const ruleRef = z.strictObject({ rule: z.string().min(1), subject: id, year: year.optional() });
const valueExpect = z.strictObject({ subject: id, name: z.string().min(1), value: z.unknown() });

export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  pack: z.enum(PACK_IDS),
  asOf: date,
  params: z.record(z.string(), z.unknown()).default({}),
  facts: facts.default(() => facts.parse({})),
  expect: z
    .strictObject({
      fired: list(ruleRef),
      notFired: list(ruleRef),
      values: list(valueExpect),
      gaps: list(z.string()),
    })
    .default({ fired: [], notFired: [], values: [], gaps: [] }),
});

export type Scenario = z.infer<typeof scenarioSchema> & { facts: Facts };

export class ScenarioError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

function pathText(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s || '(root)';
}

/** Validates a parsed scenario; the error names the first bad field and why. */
export function parseScenario(raw: unknown): Scenario {
  const r = scenarioSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new ScenarioError(pathText(issue.path), issue.message);
  }
  const s = r.data as Scenario;
  // References inside the facts must resolve, or a typo would silently make a rule "not fire".
  const units = new Set(s.facts.units.map((u) => u.id));
  const cadres = new Set(s.facts.cadres.map((c) => c.id));
  const check = (ok: boolean, field: string, value: string) => {
    if (!ok) throw new ScenarioError(field, `引用不存在 unknown reference: ${value}`);
  };
  s.facts.units.forEach(
    (u, i) => u.parent !== undefined && check(units.has(u.parent), `facts.units[${i}].parent`, u.parent),
  );
  s.facts.cadres.forEach((c, i) => check(units.has(c.unit), `facts.cadres[${i}].unit`, c.unit));
  const subj = (x: string) => units.has(x) || cadres.has(x);
  s.facts.unitAssessments.forEach((a, i) => check(units.has(a.unit), `facts.unitAssessments[${i}].unit`, a.unit));
  s.facts.cadreAssessments.forEach((a, i) => check(cadres.has(a.cadre), `facts.cadreAssessments[${i}].cadre`, a.cadre));
  s.facts.regularAssessments.forEach((a, i) =>
    check(cadres.has(a.cadre), `facts.regularAssessments[${i}].cadre`, a.cadre),
  );
  s.facts.honors.forEach((h, i) => check(subj(h.subject), `facts.honors[${i}].subject`, h.subject));
  s.facts.incidents.forEach((x, i) => check(units.has(x.unit), `facts.incidents[${i}].unit`, x.unit));
  s.facts.determinations.forEach((d, i) => check(subj(d.subject), `facts.determinations[${i}].subject`, d.subject));
  s.facts.sanctions.forEach((x, i) => check(cadres.has(x.cadre), `facts.sanctions[${i}].cadre`, x.cadre));
  s.facts.adjustments.forEach((x, i) => check(cadres.has(x.cadre), `facts.adjustments[${i}].cadre`, x.cadre));
  s.facts.toleranceRequests.forEach((t, i) =>
    check(subj(t.subject), `facts.toleranceRequests[${i}].subject`, t.subject),
  );
  return s;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (Array.isArray(a) && Array.isArray(b)) {
    // lists of titles are sets: order is not part of the contract
    if (a.length !== b.length) return false;
    const bs = b.map((x) => JSON.stringify(x));
    return a.every((x) => bs.includes(JSON.stringify(x)));
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Human-readable failures of a scenario's expectations against an evaluation (empty when it passes). */
export function checkExpectations(s: Scenario, ev: Evaluation): string[] {
  const failures: string[] = [];
  const matches = (e: { rule: string; subject: string; year?: number | undefined }) =>
    ev.findings.filter(
      (f) => f.rule === e.rule && f.subject === e.subject && (e.year === undefined || f.year === e.year),
    );
  const ref = (e: { rule: string; subject: string; year?: number | undefined }) =>
    `${e.rule} @ ${e.subject}${e.year !== undefined ? ` (${e.year})` : ''}`;
  for (const e of s.expect.fired)
    if (matches(e).length === 0) {
      const same = ev.findings
        .filter((f) => f.subject === e.subject)
        .map((f) => f.rule + (f.year ? `(${f.year})` : ''));
      failures.push(`expected fired ${ref(e)}; got for ${e.subject}: [${same.join(', ')}]`);
    }
  for (const e of s.expect.notFired)
    if (matches(e).length > 0)
      failures.push(`expected not fired ${ref(e)}; it fired: ${matches(e)[0]!.because.join('; ')}`);
  for (const e of s.expect.values) {
    const got: Value | undefined = ev.values[e.subject]?.[e.name];
    if (!sameValue(e.value, got))
      failures.push(
        `expected value ${e.subject}.${e.name} = ${JSON.stringify(e.value)}; got ${got === undefined ? '(absent)' : JSON.stringify(got)}`,
      );
  }
  for (const g of s.expect.gaps)
    if (!ev.gaps.includes(g)) failures.push(`expected gap ${g}; got gaps [${ev.gaps.join(', ')}]`);
  return failures;
}
