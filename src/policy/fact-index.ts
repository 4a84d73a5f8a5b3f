// Facts indexed once (by cadre, unit, year) so every rule reads what it needs without scanning the whole fact set.
import type {
  AdjustmentFact,
  CadreAssessmentFact,
  CadreFact,
  DeterminationFact,
  Facts,
  HonorFact,
  IncidentFact,
  RegularAssessmentFact,
  SanctionFact,
  ToleranceRequestFact,
  UnitAssessmentFact,
  UnitFact,
} from '../domain/facts.js';

const NONE: readonly never[] = Object.freeze([]);

function group<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

function sortEach<T>(m: Map<string, T[]>, cmp: (a: T, b: T) => number): Map<string, T[]> {
  for (const list of m.values()) if (list.length > 1) list.sort(cmp);
  return m;
}

const byYear = (a: { year: number }, b: { year: number }) => a.year - b.year;
const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

export class FactIndex {
  readonly unitById = new Map<string, UnitFact>();
  readonly cadreById = new Map<string, CadreFact>();
  private readonly children: Map<string, UnitFact[]>;
  private readonly cadresOfUnit: Map<string, CadreFact[]>;
  private readonly unitAssessmentsOfUnit: Map<string, UnitAssessmentFact[]>;
  private readonly unitAssessmentsBySchemeYear: Map<string, UnitAssessmentFact[]>;
  private readonly cadreAssessmentsOf: Map<string, CadreAssessmentFact[]>;
  private readonly regularOf: Map<string, RegularAssessmentFact[]>;
  private readonly honorsOf: Map<string, HonorFact[]>;
  private readonly incidentsOf: Map<string, IncidentFact[]>;
  private readonly determinationsOf: Map<string, DeterminationFact[]>;
  private readonly sanctionsOf: Map<string, SanctionFact[]>;
  private readonly adjustmentsOf: Map<string, AdjustmentFact[]>;
  private readonly requestsOf: Map<string, ToleranceRequestFact[]>;
  readonly schemeYears: Map<string, number[]>;

  constructor(readonly facts: Facts) {
    for (const u of facts.units) this.unitById.set(u.id, u);
    for (const c of facts.cadres) this.cadreById.set(c.id, c);
    this.children = group(
      facts.units.filter((u) => u.parent !== undefined),
      (u) => u.parent!,
    );
    this.cadresOfUnit = group(facts.cadres, (c) => c.unit);
    this.unitAssessmentsOfUnit = sortEach(
      group(facts.unitAssessments, (a) => a.unit),
      byYear,
    );
    this.unitAssessmentsBySchemeYear = group(facts.unitAssessments, (a) => `${a.scheme}:${a.year}`);
    this.cadreAssessmentsOf = sortEach(
      group(facts.cadreAssessments, (a) => a.cadre),
      byYear,
    );
    this.regularOf = sortEach(
      group(facts.regularAssessments, (a) => a.cadre),
      (a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0),
    );
    this.honorsOf = sortEach(
      group(facts.honors, (h) => h.subject),
      byDate,
    );
    this.incidentsOf = sortEach(
      group(facts.incidents, (i) => i.unit),
      byDate,
    );
    this.determinationsOf = sortEach(
      group(facts.determinations, (d) => d.subject),
      byDate,
    );
    this.sanctionsOf = sortEach(
      group(facts.sanctions, (s) => s.cadre),
      byDate,
    );
    this.adjustmentsOf = sortEach(
      group(facts.adjustments, (a) => a.cadre),
      byDate,
    );
    this.requestsOf = group(facts.toleranceRequests, (r) => r.subject);
    const years = new Map<string, Set<number>>();
    for (const a of facts.unitAssessments) {
      let s = years.get(a.scheme);
      if (!s) years.set(a.scheme, (s = new Set()));
      s.add(a.year);
    }
    this.schemeYears = new Map([...years].map(([k, s]) => [k, [...s].sort((a, b) => a - b)]));
  }

  unit(id: string): UnitFact | undefined {
    return this.unitById.get(id);
  }
  cadre(id: string): CadreFact | undefined {
    return this.cadreById.get(id);
  }
  childUnits(unit: string): readonly UnitFact[] {
    return this.children.get(unit) ?? NONE;
  }
  /** The unit and its ancestors, nearest first. */
  ancestry(unit: string): UnitFact[] {
    const out: UnitFact[] = [];
    const seen = new Set<string>();
    let u = this.unitById.get(unit);
    while (u && !seen.has(u.id)) {
      out.push(u);
      seen.add(u.id);
      u = u.parent !== undefined ? this.unitById.get(u.parent) : undefined;
    }
    return out;
  }
  cadresOf(unit: string): readonly CadreFact[] {
    return this.cadresOfUnit.get(unit) ?? NONE;
  }
  /** A unit's assessments, oldest year first (optionally one scheme). */
  unitAssessments(unit: string, scheme?: string): readonly UnitAssessmentFact[] {
    const all = this.unitAssessmentsOfUnit.get(unit) ?? NONE;
    return scheme === undefined ? all : all.filter((a) => a.scheme === scheme);
  }
  unitAssessment(unit: string, scheme: string, year: number): UnitAssessmentFact | undefined {
    const all = this.unitAssessmentsOfUnit.get(unit);
    if (!all) return undefined;
    for (const a of all) if (a.scheme === scheme && a.year === year) return a;
    return undefined;
  }
  /** Every unit's assessment under one scheme in one year (for quotas and rankings). */
  assessmentsFor(scheme: string, year: number): readonly UnitAssessmentFact[] {
    return this.unitAssessmentsBySchemeYear.get(`${scheme}:${year}`) ?? NONE;
  }
  /** Years on record for a scheme, ascending. */
  yearsOf(scheme: string): readonly number[] {
    return this.schemeYears.get(scheme) ?? NONE;
  }
  cadreAssessments(cadre: string): readonly CadreAssessmentFact[] {
    return this.cadreAssessmentsOf.get(cadre) ?? NONE;
  }
  regularAssessments(cadre: string): readonly RegularAssessmentFact[] {
    return this.regularOf.get(cadre) ?? NONE;
  }
  honors(subject: string): readonly HonorFact[] {
    return this.honorsOf.get(subject) ?? NONE;
  }
  incidents(unit: string): readonly IncidentFact[] {
    return this.incidentsOf.get(unit) ?? NONE;
  }
  determinations(subject: string): readonly DeterminationFact[] {
    return this.determinationsOf.get(subject) ?? NONE;
  }
  sanctions(cadre: string): readonly SanctionFact[] {
    return this.sanctionsOf.get(cadre) ?? NONE;
  }
  adjustments(cadre: string): readonly AdjustmentFact[] {
    return this.adjustmentsOf.get(cadre) ?? NONE;
  }
  requests(subject: string): readonly ToleranceRequestFact[] {
    return this.requestsOf.get(subject) ?? NONE;
  }
}
