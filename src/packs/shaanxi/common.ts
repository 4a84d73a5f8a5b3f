// Shared reading aids for the 陕西 rules: document titles, the years a rule judges, rankings from the published
// ranks (or scores), who "主要负责人 / 分管领导 / 有关领导干部" are among a unit's cadres, and determinations by clause.
import { yearOf } from '../../domain/dates.js';
import type { CadreFact, DeterminationFact, UnitAssessmentFact } from '../../domain/facts.js';
import type { PostRole } from '../../domain/vocabulary.js';
import type { FactIndex } from '../../policy/fact-index.js';
import type { RuleContext } from '../../policy/types.js';

export const INCENTIVE_DOC = '陕西省党政干部鼓励激励办法(试行)';
export const TOLERANCE_DOC = '陕西省党政干部容错纠错办法(试行)';
export const ADJUSTMENT_DOC = '陕西省推进省管党政领导干部能上能下办法(试行)';

/** 市(区): the 设区市 and the province-level zones (杨凌示范区 etc.) the texts list beside them. */
export const CITY_KINDS: ReadonlySet<string> = new Set(['city', 'dev_zone']);
/** 县(市、区): counties, county-level cities and 城区. */
export const COUNTY_KINDS: ReadonlySet<string> = new Set(['county', 'district']);
/** 党政领导干部: the members of a leading team. */
export const LEADER_POSTS: ReadonlySet<PostRole> = new Set<PostRole>(['principal', 'deputy', 'member']);

export const asOfYear = (ctx: RuleContext): number => yearOf(ctx.asOf);

export { latestYearBefore } from '../../policy/readings.js';

/** Length of the run of consecutive years ending at `end` in which `ok` holds (a missing year breaks the run). */
export function runEndingAt(end: number, ok: (year: number) => boolean): number {
  let n = 0;
  while (ok(end - n)) n++;
  return n;
}

/** The set of unit ids the rule's pack governs in this evaluation (for rules comparing units). */
export function governedUnits(ctx: RuleContext): Set<string> {
  const s = new Set<string>();
  for (const u of ctx.units()) s.add(u.id);
  return s;
}

/**
 * Positions in a published ranking: the rank as published where given; otherwise competition ranks by score
 * (higher is better). Rows with neither are left out.
 */
export function ranking(rows: readonly UnitAssessmentFact[]): Map<string, number> {
  const out = new Map<string, number>();
  if (rows.some((r) => r.rank !== undefined)) {
    for (const r of rows) if (r.rank !== undefined) out.set(r.unit, r.rank);
    return out;
  }
  const scored = rows.filter((r) => r.score !== undefined).sort((a, b) => b.score! - a.score!);
  scored.forEach((r, i) => {
    const prev = scored[i - 1];
    out.set(r.unit, prev && prev.score === r.score ? out.get(prev.unit)! : i + 1);
  });
  return out;
}

/** A unit's published rank (or score-derived rank) among the governed units of `kind` under a scheme in a year. */
export function rankingOf(
  facts: FactIndex,
  governed: ReadonlySet<string>,
  scheme: string,
  year: number,
  kinds: ReadonlySet<string>,
): Map<string, number> {
  const rows = facts
    .assessmentsFor(scheme, year)
    .filter((a) => governed.has(a.unit) && kinds.has(facts.unit(a.unit)?.kind ?? ''));
  return ranking(rows);
}

export const yuan = (n: number): string => `${n / 10000}万元`;

/** Cadres of a unit in the given posts. */
export function cadresIn(facts: FactIndex, unit: string, posts: ReadonlySet<PostRole>): CadreFact[] {
  return facts.cadresOf(unit).filter((c) => posts.has(c.post));
}

/**
 * 党委(党组)书记: cadres marked partySecretary. When no cadre of the unit says either way, the principals stand in
 * (a record that does not mark secretaries still names who leads).
 */
export function partySecretaries(facts: FactIndex, unit: string): CadreFact[] {
  const all = facts.cadresOf(unit);
  if (all.some((c) => c.partySecretary !== undefined)) return all.filter((c) => c.partySecretary === true);
  return all.filter((c) => c.post === 'principal');
}

/** Who a rule names among a unit's cadres. */
export interface Targets {
  /** 主要负责人 / 党政主要领导干部 */
  principal?: boolean;
  /** 党委(党组)书记 */
  secretary?: boolean;
  /** 分管领导干部: deputies or other team members whose 分管 areas include this one */
  inCharge?: string;
  /** 有关(党员/党政)领导干部: any team member in charge of this area */
  related?: string;
  /** every deputy: the facts do not say which of them is in charge of the work concerned (陕西 8.4) */
  allDeputies?: boolean;
}

export function targetsOf(facts: FactIndex, unit: string, t: Targets): CadreFact[] {
  const out: CadreFact[] = [];
  const add = (c: CadreFact) => {
    if (!out.includes(c)) out.push(c);
  };
  if (t.secretary) partySecretaries(facts, unit).forEach(add);
  for (const c of facts.cadresOf(unit)) {
    if (t.principal && c.post === 'principal') add(c);
    if (t.allDeputies && c.post === 'deputy') add(c);
    if (t.inCharge && (c.post === 'deputy' || c.post === 'member') && c.inCharge?.includes(t.inCharge)) add(c);
    if (t.related && LEADER_POSTS.has(c.post) && c.inCharge?.includes(t.related)) add(c);
  }
  return out;
}

export function describeCadre(c: CadreFact): string {
  const role =
    c.post === 'principal' ? '主要负责人' : c.post === 'deputy' ? '副职' : c.post === 'member' ? '班子成员' : c.post;
  const areas = c.inCharge?.length ? `，分管 ${c.inCharge.join('、')}` : '';
  return `${c.id} ${c.name}（${c.unit} ${role}${c.partySecretary ? '，党委(党组)书记' : ''}${areas}）`;
}

/** Determinations on a subject, made on or before asOf, under this rule's clause (read as in every pack, src/policy/clauses.ts). */
export function determinationsFor(ctx: RuleContext, subject: string): DeterminationFact[] {
  return ctx.determinations(subject);
}

export const determinationLine = (d: DeterminationFact): string =>
  `${d.subject} ${d.date} 认定（${d.kind}）依据 ${d.clause}`;

const MEMO = new WeakMap<object, Map<string, unknown>>();
/**
 * Caches a pure computation for one evaluation of this pack (keyed on the evaluation's list of governed units, which
 * every rule of the pack shares), so rankings and quota selections are computed once, not once per subject.
 */
export function memo<T>(ctx: RuleContext, key: string, compute: () => T): T {
  const anchor = ctx.units();
  let m = MEMO.get(anchor);
  if (!m) MEMO.set(anchor, (m = new Map()));
  if (m.has(key)) return m.get(key) as T;
  const v = compute();
  m.set(key, v);
  return v;
}
