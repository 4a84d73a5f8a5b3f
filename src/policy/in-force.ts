// Whether a rule is in force on an evaluation date: its own dates, else its pack's (DESIGN §3). `from` is the first
// day in force and `until` the first day no longer in force — the day a replacing text takes effect — so a rule and
// the rule replacing it never both apply on one day. A rule not in force does not fire.
import type { PackDef, RuleSpec } from './types.js';

export function inForce(
  rule: Pick<RuleSpec, 'from' | 'until'>,
  pack: Pick<PackDef, 'from' | 'until'>,
  asOf: string,
): boolean {
  const from = rule.from ?? pack.from;
  const until = rule.until ?? pack.until;
  return (from === undefined || from <= asOf) && (until === undefined || asOf < until);
}
