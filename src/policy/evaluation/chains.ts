// Which packs govern each subject. A unit is governed by its own binding, else its nearest bound ancestor's, else the
// evaluation's pack; a cadre by the unit of their post; a request by its subject. Resolved once per evaluation for
// every unit (a whole-record scan asks for a cadre's chain millions of times), and the subjects are grouped by pack
// so that each pack's rules run over the subjects it governs only.
import type { CadreFact, ToleranceRequestFact, UnitFact } from '../../domain/facts.js';
import type { FactIndex } from '../fact-index.js';
import type { PackRegistry } from '../registry.js';

export interface SubjectsOfPack {
  cadres: readonly CadreFact[];
  units: readonly UnitFact[];
  requests: readonly ToleranceRequestFact[];
}

export class SubjectChains {
  private readonly ofUnit = new Map<string, readonly string[]>();
  private readonly ofPack = new Map<string, readonly string[]>();
  /** The chain of subjects no binding reaches: the evaluation's pack, or none. */
  readonly fallback: readonly string[];

  constructor(
    private readonly registry: PackRegistry,
    private readonly idx: FactIndex,
    pack: string | undefined,
  ) {
    this.fallback = pack ? this.chainOfPack(pack) : [];
    for (const u of idx.facts.units) this.resolveUnit(u, pack);
  }

  private chainOfPack(pack: string): readonly string[] {
    let c = this.ofPack.get(pack);
    if (!c) this.ofPack.set(pack, (c = this.registry.chain(pack)));
    return c;
  }

  private resolveUnit(u: UnitFact, pack: string | undefined): readonly string[] {
    const known = this.ofUnit.get(u.id);
    if (known) return known;
    let result: readonly string[];
    if (u.pack) result = this.chainOfPack(u.pack);
    else {
      const parent = u.parent !== undefined ? this.idx.unit(u.parent) : undefined;
      if (parent && parent.id !== u.id) {
        this.ofUnit.set(u.id, []); // guard against cycles in bad data
        result = this.resolveUnit(parent, pack);
      } else result = pack ? this.chainOfPack(pack) : [];
    }
    this.ofUnit.set(u.id, result);
    return result;
  }

  /** A unit's chain ([] only for a unit caught in a cycle). */
  unit(id: string): readonly string[] {
    return this.ofUnit.get(id) ?? this.fallback;
  }

  cadre(c: CadreFact): readonly string[] {
    return this.ofUnit.get(c.unit) ?? this.fallback;
  }

  /** A cadre's, a unit's, or (for an id on record as neither) the evaluation pack's chain. */
  subject(id: string): readonly string[] {
    const c = this.idx.cadre(id);
    if (c) return this.cadre(c);
    return this.ofUnit.get(id) ?? this.fallback;
  }

  /**
   * The subjects each pack governs, every pack of a subject's chain counting. A request made after the evaluation
   * date is not yet on record at that date: no pack evaluates it.
   */
  subjectsByPack(asOf: string): Map<string, SubjectsOfPack> {
    const out = new Map<string, { cadres: CadreFact[]; units: UnitFact[]; requests: ToleranceRequestFact[] }>();
    const of = (p: string) => {
      let s = out.get(p);
      if (!s) out.set(p, (s = { cadres: [], units: [], requests: [] }));
      return s;
    };
    const facts = this.idx.facts;
    for (const u of facts.units) for (const p of this.ofUnit.get(u.id) ?? []) of(p).units.push(u);
    for (const c of facts.cadres) for (const p of this.cadre(c)) of(p).cadres.push(c);
    for (const r of facts.toleranceRequests)
      if (r.date <= asOf) for (const p of this.subject(r.subject)) of(p).requests.push(r);
    return out;
  }
}
