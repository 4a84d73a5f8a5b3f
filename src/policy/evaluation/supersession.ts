// A superseded rule stays silent for the subjects a lower pack's rule covers in their chain (陕西 replaces a national
// period for the cadres it governs). Rules report a finding, value or period about any subject, so every report of a
// superseded rule is checked: memoised per rule and subject, as the check runs for each report of a whole-record scan.
import type { CadreFact, UnitFact } from '../../domain/facts.js';
import type { FactIndex } from '../fact-index.js';
import type { PackRegistry } from '../registry.js';
import type { Rule } from '../types.js';
import type { SubjectChains } from './chains.js';

/** Whether one of the superseding rules covers a subject whose chain is given. */
export function covered(
  by: readonly Rule[] | undefined,
  subject: CadreFact | UnitFact,
  chain: readonly string[],
  idx: FactIndex,
): boolean {
  return by !== undefined && by.some((l) => chain.includes(l.pack) && (!l.covers || l.covers(subject, idx)));
}

export class Supersession {
  private readonly memo = new Map<string, Map<string, boolean>>();

  constructor(
    private readonly registry: PackRegistry,
    private readonly idx: FactIndex,
    private readonly chains: SubjectChains,
  ) {}

  /** Whether a rule is silenced for a subject given by id (a cadre, a unit, or neither on record). */
  suppressed(rule: Rule, subject: string): boolean {
    const by = this.registry.superseders(rule.id);
    if (!by) return false;
    let m = this.memo.get(rule.id);
    if (!m) this.memo.set(rule.id, (m = new Map()));
    let v = m.get(subject);
    if (v === undefined) m.set(subject, (v = this.coveredById(by, subject)));
    return v;
  }

  private coveredById(by: readonly Rule[], subject: string): boolean {
    const subj: CadreFact | UnitFact | undefined = this.idx.cadre(subject) ?? this.idx.unit(subject);
    const chain = subj && 'post' in subj ? this.chains.cadre(subj) : this.chains.subject(subject);
    return by.some((l) => chain.includes(l.pack) && (!l.covers || (subj !== undefined && l.covers(subj, this.idx))));
  }
}
