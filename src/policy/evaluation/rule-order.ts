// The order a pack's rules run in. Every rule's forAll (quotas, rankings) first, then units rule by rule, then
// cadres subject by subject — all rules for one cadre in a row, so that its facts stay hot in the index's focus —
// then tolerance requests. With a profile the cadres run rule by rule instead, so each rule's time can be measured.
import type { FactIndex } from '../fact-index.js';
import type { Rule, RuleContext } from '../types.js';
import type { SubjectChains, SubjectsOfPack } from './chains.js';
import type { Timed } from './profiling.js';
import { covered, type Supersession } from './supersession.js';

export interface PreparedRule {
  rule: Rule;
  ctx: RuleContext;
  /** rules that supersede this one (undefined: none) */
  by: readonly Rule[] | undefined;
}

export interface RuleRun {
  idx: FactIndex;
  chains: SubjectChains;
  supersession: Supersession;
  timed: Timed;
  /** rule by rule over the cadres, for the per-rule profile */
  profiling: boolean;
}

export function runPackRules(run: RuleRun, prepared: readonly PreparedRule[], of: SubjectsOfPack): void {
  const { idx, chains, supersession, timed } = run;
  for (const { rule, ctx, by } of prepared) {
    if (rule.forAll) timed(rule, () => rule.forAll!(ctx));
    if (rule.forUnit)
      timed(rule, () => {
        for (const u of of.units) if (!covered(by, u, chains.unit(u.id), idx)) rule.forUnit!(u, ctx);
      });
  }
  const cadreRules = prepared.filter((p) => p.rule.forCadre);
  if (run.profiling)
    for (const { rule, ctx, by } of cadreRules)
      timed(rule, () => {
        for (const c of of.cadres) if (!covered(by, c, chains.cadre(c), idx)) rule.forCadre!(c, ctx);
      });
  else
    for (const c of of.cadres) {
      const chain = chains.cadre(c);
      idx.focus(c.id);
      for (const { rule, ctx, by } of cadreRules) if (!covered(by, c, chain, idx)) rule.forCadre!(c, ctx);
    }
  idx.focus(undefined);
  for (const { rule, ctx } of prepared)
    if (rule.forRequest)
      timed(rule, () => {
        for (const r of of.requests) if (!supersession.suppressed(rule, r.subject)) rule.forRequest!(r, ctx);
      });
}
