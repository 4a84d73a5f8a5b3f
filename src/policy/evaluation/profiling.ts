// The per-rule profile the rule benchmark reads (bench/rule-profile.ts): milliseconds each rule took over the whole
// evaluation. Kept out of the rule loop's way: without a profile map the function is called directly.
import type { Rule } from '../types.js';

export type Timed = (rule: Rule, f: () => void) => void;

export function timer(profile: Map<string, number> | undefined): Timed {
  if (!profile) return (_rule, f) => f();
  return (rule, f) => {
    const started = performance.now();
    f();
    profile.set(rule.id, (profile.get(rule.id) ?? 0) + performance.now() - started);
  };
}
