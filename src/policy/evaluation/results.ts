// What rules report during one evaluation, gathered in one place: findings (one per rule, subject and year, with
// the reasons of repeated reports merged), named values combined as the packs declared, gaps, influence periods.
import type { Finding, FireInput, InfluenceInput, Rule, Value } from '../types.js';
import type { Combiner, ValueCombining } from '../value-combining.js';

export class EvaluationResults {
  readonly findings = new Map<string, Finding>();
  readonly values: Record<string, Record<string, Value>> = {};
  readonly gaps = new Set<string>();
  readonly periods = new Map<string, InfluenceInput[]>();
  private readonly combiner: (name: string) => Combiner | undefined;

  constructor(values: ValueCombining) {
    this.combiner = values.lookup();
  }

  fire(rule: Rule, f: FireInput): void {
    const key = `${rule.id}\u0000${f.subject}\u0000${f.year ?? ''}`;
    const prev = this.findings.get(key);
    if (prev) {
      for (const b of f.because) if (!prev.because.includes(b)) prev.because.push(b);
      return;
    }
    // Key order follows the contract's example: rule, subject, year, citation, because.
    const finding: Finding =
      f.year !== undefined
        ? { rule: rule.id, subject: f.subject, year: f.year, citation: rule.citation, because: [...f.because] }
        : { rule: rule.id, subject: f.subject, citation: rule.citation, because: [...f.because] };
    if (f.conclusion) finding.conclusion = f.conclusion;
    this.findings.set(key, finding);
  }

  /** Sets a value, combined with what is there the way the packs declared; an undeclared name is refused. */
  set(rule: Rule, subject: string, name: string, value: Value): void {
    const combine = this.combiner(name);
    if (!combine)
      throw new Error(`${rule.id}: 取值名称未声明合并方式 value name without a declared way of combining: ${name}`);
    const row = (this.values[subject] ??= {});
    const old = row[name];
    row[name] = old === undefined || old === null ? value : combine(old, value);
  }

  influence(p: InfluenceInput): void {
    const list = this.periods.get(p.subject);
    if (list) list.push(p);
    else this.periods.set(p.subject, [p]);
  }
}
