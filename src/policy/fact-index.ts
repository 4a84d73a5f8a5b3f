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

const byYear = (a: { year: number }, b: { year: number }) => a.year - b.year;
const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** Everything on record about one id (a cadre, a unit, or both when ids coincide), looked up once. */
interface Bundle {
  unitAssessments: UnitAssessmentFact[];
  cadreAssessments: CadreAssessmentFact[];
  regular: RegularAssessmentFact[];
  honors: HonorFact[];
  incidents: IncidentFact[];
  determinations: DeterminationFact[];
  sanctions: SanctionFact[];
  adjustments: AdjustmentFact[];
  requests: ToleranceRequestFact[];
  cadres: CadreFact[];
  children: UnitFact[];
}

function emptyBundle(): Bundle {
  const none = NONE as never[];
  return {
    unitAssessments: none,
    cadreAssessments: none,
    regular: none,
    honors: none,
    incidents: none,
    determinations: none,
    sanctions: none,
    adjustments: none,
    requests: none,
    cadres: none,
    children: none,
  };
}
const EMPTY: Bundle = Object.freeze(emptyBundle()) as Bundle;

export class FactIndex {
  readonly unitById = new Map<string, UnitFact>();
  readonly cadreById = new Map<string, CadreFact>();
  // One map from id to all its lists: rules ask for several lists of the same subject in a row, so one lookup
  // (and the one-entry cache below) serves them all. This is the hot path of a whole-record scan.
  private readonly bundles = new Map<string, Bundle>();
  private focusId: string | undefined;
  private focusBundle: Bundle = EMPTY;
  private readonly unitAssessmentsBySchemeYear: Map<string, UnitAssessmentFact[]>;
  readonly schemeYears: Map<string, number[]>;

  private bundleFor(id: string): Bundle {
    let b = this.bundles.get(id);
    if (!b) this.bundles.set(id, (b = emptyBundle()));
    return b;
  }

  private fill<T, K extends keyof Bundle>(
    rows: readonly T[],
    key: (r: T) => string,
    field: K,
    cmp?: (a: T, b: T) => number,
  ) {
    for (const r of rows) {
      const b = this.bundleFor(key(r));
      const list = b[field] as unknown as T[];
      if ((list as unknown) === NONE) (b[field] as unknown as T[]) = [r];
      else list.push(r);
    }
    if (cmp)
      for (const b of this.bundles.values()) {
        const list = b[field] as unknown as T[];
        if (list.length > 1) list.sort(cmp);
      }
  }

  /**
   * The evaluation runs every rule for one cadre in a row and says which: lookups of that cadre's id (the same
   * string instance, so === is a pointer comparison) then skip the map.
   */
  focus(id: string | undefined): void {
    this.focusId = id;
    this.focusBundle = id === undefined ? EMPTY : (this.bundles.get(id) ?? EMPTY);
  }

  private get(id: string): Bundle {
    if (id === this.focusId) return this.focusBundle;
    return this.bundles.get(id) ?? EMPTY;
  }

  constructor(readonly facts: Facts) {
    for (const u of facts.units) this.unitById.set(u.id, u);
    for (const c of facts.cadres) this.cadreById.set(c.id, c);
    this.fill(
      facts.units.filter((u) => u.parent !== undefined),
      (u) => u.parent!,
      'children',
    );
    this.fill(facts.cadres, (c) => c.unit, 'cadres');
    this.fill(facts.unitAssessments, (a) => a.unit, 'unitAssessments', byYear);
    this.fill(facts.cadreAssessments, (a) => a.cadre, 'cadreAssessments', byYear);
    this.fill(
      facts.regularAssessments,
      (a) => a.cadre,
      'regular',
      (a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0),
    );
    this.fill(facts.honors, (h) => h.subject, 'honors', byDate);
    this.fill(facts.incidents, (i) => i.unit, 'incidents', byDate);
    this.fill(facts.determinations, (d) => d.subject, 'determinations', byDate);
    this.fill(facts.sanctions, (s) => s.cadre, 'sanctions', byDate);
    this.fill(facts.adjustments, (a) => a.cadre, 'adjustments', byDate);
    this.fill(facts.toleranceRequests, (r) => r.subject, 'requests');
    this.unitAssessmentsBySchemeYear = group(facts.unitAssessments, (a) => `${a.scheme}:${a.year}`);
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
    return this.get(unit).children;
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
    return this.get(unit).cadres;
  }
  /** A unit's assessments, oldest year first (optionally one scheme). */
  unitAssessments(unit: string, scheme?: string): readonly UnitAssessmentFact[] {
    const all = this.get(unit).unitAssessments;
    return scheme === undefined ? all : all.filter((a) => a.scheme === scheme);
  }
  unitAssessment(unit: string, scheme: string, year: number): UnitAssessmentFact | undefined {
    const all = this.get(unit).unitAssessments;
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
    return this.get(cadre).cadreAssessments;
  }
  regularAssessments(cadre: string): readonly RegularAssessmentFact[] {
    return this.get(cadre).regular;
  }
  honors(subject: string): readonly HonorFact[] {
    return this.get(subject).honors;
  }
  incidents(unit: string): readonly IncidentFact[] {
    return this.get(unit).incidents;
  }
  determinations(subject: string): readonly DeterminationFact[] {
    return this.get(subject).determinations;
  }
  sanctions(cadre: string): readonly SanctionFact[] {
    return this.get(cadre).sanctions;
  }
  adjustments(cadre: string): readonly AdjustmentFact[] {
    return this.get(cadre).adjustments;
  }
  requests(subject: string): readonly ToleranceRequestFact[] {
    return this.get(subject).requests;
  }
}
