// Evaluation: every rule of every pack in each subject's chain, applied once per subject, in one pass over facts
// indexed once. No I/O, no jurisdiction knowledge: packs are handed in by the caller (a PackRegistry), and what the
// texts decide — which pack governs whom, which rule replaces which, how values combine — is read from them. The
// parts live in ./evaluation/: chains (who is governed by which packs), supersession, the rule context, the rule
// order, the results, influence folding and profiling.
import type { Facts } from '../domain/facts.js';
import { clauseBookFor } from './clauses.js';
import { SubjectChains } from './evaluation/chains.js';
import { ruleContext, type EvaluationScope } from './evaluation/context.js';
import { foldInfluence } from './evaluation/influence.js';
import { timer } from './evaluation/profiling.js';
import { EvaluationResults } from './evaluation/results.js';
import { runPackRules, type PreparedRule } from './evaluation/rule-order.js';
import { Supersession } from './evaluation/supersession.js';
import type { EvaluationTrace } from './evaluation/trace.js';
import { FactIndex } from './fact-index.js';
import { inForce } from './in-force.js';
import { ParamResolver } from './params.js';
import type { PackRegistry } from './registry.js';
import type { Evaluation } from './types.js';

export { PackRegistry } from './registry.js';
export type { EvaluationTrace } from './evaluation/trace.js';

export interface EvaluateOptions {
  asOf: string;
  /** The pack that governs units with no binding of their own (a scenario's `pack`). */
  pack?: string;
  /** Parameter overrides, key → value (a deployment's or a scenario's). */
  params?: Record<string, unknown>;
  /** Name to report as `pack` in the result when no single pack is given. */
  label?: string;
  /** When given, receives the milliseconds each rule took (for the benchmark's per-rule profile). */
  profile?: Map<string, number>;
  /** Only evaluate these rules (benchmark subsets); default every computable rule. */
  only?: ReadonlySet<string>;
  /**
   * When given, told of every influence period and every value a rule records, with the rule (after supersession):
   * the influence-period ledger and the eligibility check read the same evaluation and need to say which rule,
   * which record and until when, which the values alone (the latest end) do not keep.
   */
  trace?: EvaluationTrace;
}

export function evaluate(registry: PackRegistry, facts: Facts, opts: EvaluateOptions): Evaluation {
  const idx = facts instanceof FactIndex ? facts : new FactIndex(facts);
  return evaluateIndexed(registry, idx, opts);
}

export function evaluateIndexed(registry: PackRegistry, idx: FactIndex, opts: EvaluateOptions): Evaluation {
  const { asOf } = opts;
  // An unknown parameter override is refused before anything is evaluated.
  const params = new ParamResolver(registry, asOf, opts.params ?? {});
  const chains = new SubjectChains(registry, idx, opts.pack);
  const subjects = chains.subjectsByPack(asOf);
  const supersession = new Supersession(registry, idx, chains);
  const results = new EvaluationResults(registry.values);
  const scope: EvaluationScope = {
    asOf,
    idx,
    params,
    clauses: clauseBookFor(registry.packs),
    chains,
    supersession,
    results,
    trace: opts.trace,
  };
  const run = { idx, chains, supersession, timed: timer(opts.profile), profiling: opts.profile !== undefined };

  for (const [packId, pack] of registry.packs) {
    const of = subjects.get(packId);
    if (!of) continue;
    const prepared: PreparedRule[] = [];
    for (const rule of pack.rules) {
      if (rule.kind !== 'computable') continue;
      if (opts.only && !opts.only.has(rule.id)) continue;
      if (!inForce(rule, pack, asOf)) continue;
      const by = registry.superseders(rule.id);
      prepared.push({ rule, ctx: ruleContext(scope, rule, by !== undefined, of), by });
    }
    runPackRules(run, prepared, of);
  }

  foldInfluence(idx.facts.cadres, results.periods, results.values, asOf);
  return {
    pack: opts.pack ?? opts.label ?? 'all',
    asOf,
    findings: [...results.findings.values()],
    values: results.values,
    gaps: [...results.gaps].sort(),
  };
}
