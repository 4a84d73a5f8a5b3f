// The evaluation's observer: the influence-period ledger and the eligibility check read the same evaluation and need
// to say which rule, which record and until when, which the values alone (the latest end) do not keep.
import type { InfluenceInput, Rule, Value } from '../types.js';

export interface EvaluationTrace {
  influence?(period: InfluenceInput, rule: Rule): void;
  value?(subject: string, name: string, value: Value, rule: Rule): void;
}
