// The RuleContext a rule's code runs with: what it may read (facts, parameters, the subjects of its pack, the
// determinations made under it) and report (findings, values, influence periods, gaps). Every report of a superseded
// rule passes the supersession check here, so rules need not know whether a lower pack replaced them.
import type { ClauseBook } from '../clauses.js';
import type { FactIndex } from '../fact-index.js';
import type { ParamResolver } from '../params.js';
import type { ParamDef, Rule, RuleContext } from '../types.js';
import type { SubjectChains, SubjectsOfPack } from './chains.js';
import type { EvaluationResults } from './results.js';
import type { Supersession } from './supersession.js';
import type { EvaluationTrace } from './trace.js';

export interface EvaluationScope {
  asOf: string;
  idx: FactIndex;
  params: ParamResolver;
  clauses: ClauseBook;
  chains: SubjectChains;
  supersession: Supersession;
  results: EvaluationResults;
  trace: EvaluationTrace | undefined;
}

export function ruleContext(
  scope: EvaluationScope,
  rule: Rule,
  hasSuperseders: boolean,
  of: SubjectsOfPack,
): RuleContext {
  const { asOf, idx, params, clauses, chains, supersession, results, trace } = scope;
  const silent = (subject: string) => hasSuperseders && supersession.suppressed(rule, subject);
  return {
    asOf,
    facts: idx,
    rule,
    param: ((p: string | ParamDef) =>
      params.get(typeof p === 'string' ? p : p.key, results.gaps)) as RuleContext['param'],
    fire: (f) => {
      if (silent(f.subject)) return;
      results.fire(rule, f);
    },
    set: (subject, name, value) => {
      if (silent(subject)) return;
      results.set(rule, subject, name, value);
      trace?.value?.(subject, name, value, rule);
    },
    influence: (p) => {
      if (silent(p.subject)) return;
      results.influence(p);
      trace?.influence?.(p, rule);
    },
    gap: (m) => results.gaps.add(m),
    cadres: () => of.cadres,
    units: () => of.units,
    requests: () => of.requests,
    chainOf: (subject) => chains.subject(subject),
    determinations: (subject, ruleId = rule.id) => {
      const ds = idx.determinations(subject);
      if (ds.length === 0) return [];
      const own = chains.subject(subject)[0] ?? rule.pack;
      return ds.filter((d) => d.date <= asOf && clauses.names(d.clause, d.kind, ruleId, own));
    },
  };
}
