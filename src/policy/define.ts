// Helpers packs use to declare rules and parameters with their ids checked.
import type { Mechanism, PackDef, ParamDef, ParamType, Rule, RuleSpec } from './types.js';

const ID = /^([a-z]+)\/(incentive|tolerance|adjustment|opinion)\/([A-Za-z0-9.-]+)$/;

export function parseRuleId(id: string): { pack: string; mechanism: Mechanism; locator: string } {
  const m = ID.exec(id);
  if (!m) throw new Error(`规则编号格式错误 bad rule id: ${id}`);
  return { pack: m[1]!, mechanism: m[2] as Mechanism, locator: m[3]! };
}

/**
 * The id of the i-th rule built from a list of provisions. The ids are written out at the call, one literal per rule,
 * so that searching the source for a rule id finds its definition; a list shorter than the provisions is a bug.
 */
export function ruleIdAt(ids: readonly string[], i: number): string {
  const id = ids[i];
  if (id === undefined) throw new Error(`规则编号缺失 no rule id for item ${i + 1} of ${ids.join(', ')}`);
  return id;
}

export function rule(spec: RuleSpec): Rule {
  const { pack, mechanism, locator } = parseRuleId(spec.id);
  const computes = spec.forCadre || spec.forUnit || spec.forRequest || spec.forAll;
  if (spec.kind === 'computable' && !computes) throw new Error(`${spec.id}: computable rule without a function`);
  if (spec.kind !== 'computable' && computes) throw new Error(`${spec.id}: only computable rules compute`);
  if (!spec.citation.text.trim()) throw new Error(`${spec.id}: citation text is empty`);
  return { ...spec, pack, mechanism, locator };
}

export function definePack(def: PackDef): PackDef {
  const seen = new Set<string>();
  for (const r of def.rules) {
    if (r.pack !== def.id) throw new Error(`${r.id} is not in pack ${def.id}`);
    if (seen.has(r.id)) throw new Error(`duplicate rule id ${r.id}`);
    seen.add(r.id);
  }
  const keys = new Set<string>();
  for (const p of def.params) {
    if (!p.key.startsWith(`${def.id}.`)) throw new Error(`parameter ${p.key} is not in pack ${def.id}`);
    if (keys.has(p.key)) throw new Error(`duplicate parameter ${p.key}`);
    keys.add(p.key);
  }
  return def;
}

/** A parameter declared with its type: `ctx.param(def)` then reads a value of that type. */
export function param<K extends ParamType>(def: ParamDef<K>): ParamDef<K> {
  return def;
}
