// Evaluation: every rule of every pack in each subject's chain, applied once per subject, in one pass over facts
// indexed once. No I/O, no jurisdiction knowledge: packs are handed in by the caller.
import type { CadreFact, Facts, ToleranceRequestFact, UnitFact } from '../domain/facts.js';
import { clauseBookFor } from './clauses.js';
import { FactIndex } from './fact-index.js';
import { inForce } from './in-force.js';
import { ParamResolver } from './params.js';
import type { Evaluation, Finding, InfluenceInput, PackDef, ParamDef, Rule, RuleContext, Value } from './types.js';

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

export interface EvaluationTrace {
  influence?(period: InfluenceInput, rule: Rule): void;
  value?(subject: string, name: string, value: Value, rule: Rule): void;
}

/** Value names whose several contributions combine instead of the last one winning. */
const COMMENDATION_ORDER = ['嘉奖', '三等功', '二等功', '一等功'];
function combine(name: string, old: Value | undefined, next: Value): Value {
  if (old === undefined || old === null) return next;
  // fast path: only names starting with p, t or c combine (checked by first letter: this runs for every value set)
  const c0 = name.charCodeAt(0);
  if (c0 !== 112 && c0 !== 116 && c0 !== 99) return next;
  if (name === 'priorityPromotion') return old === true || next === true;
  if (name.startsWith('tolerance:')) return old === 'ineligible' || next === 'ineligible' ? 'ineligible' : next;
  if (name.startsWith('titles:') && Array.isArray(old) && Array.isArray(next))
    return [...old, ...next.filter((t) => !old.includes(t))];
  // 就高不就低: when commendations overlap, the higher one is given.
  if (name.startsWith('commendation:') && typeof old === 'string' && typeof next === 'string')
    return COMMENDATION_ORDER.indexOf(next) > COMMENDATION_ORDER.indexOf(old) ? next : old;
  return next;
}

export class PackRegistry {
  readonly packs = new Map<string, PackDef>();
  readonly rules = new Map<string, Rule>();
  private readonly supersededBy = new Map<string, Rule[]>();

  constructor(packs: readonly PackDef[]) {
    for (const p of packs) this.packs.set(p.id, p);
    for (const p of packs) {
      if (p.parent && !this.packs.has(p.parent)) throw new Error(`pack ${p.id}: unknown parent ${p.parent}`);
      for (const r of p.rules) {
        this.rules.set(r.id, r);
        for (const s of r.supersedes ?? []) {
          const list = this.supersededBy.get(s) ?? [];
          list.push(r);
          this.supersededBy.set(s, list);
        }
      }
    }
    // Supersession targets are checked by a test over all packs (packs are written independently).
  }

  /** The pack and those above it, nearest first. */
  chain(pack: string): string[] {
    const out: string[] = [];
    let p = this.packs.get(pack);
    if (!p) throw new Error(`未知规则包 unknown pack: ${pack}`);
    while (p && !out.includes(p.id)) {
      out.push(p.id);
      p = p.parent ? this.packs.get(p.parent) : undefined;
    }
    return out;
  }

  superseders(ruleId: string): readonly Rule[] | undefined {
    return this.supersededBy.get(ruleId);
  }

  allRules(): Rule[] {
    return [...this.rules.values()];
  }
}

export function evaluate(registry: PackRegistry, facts: Facts, opts: EvaluateOptions): Evaluation {
  const idx = facts instanceof FactIndex ? facts : new FactIndex(facts);
  return evaluateIndexed(registry, idx, opts);
}

export function evaluateIndexed(registry: PackRegistry, idx: FactIndex, opts: EvaluateOptions): Evaluation {
  const { asOf } = opts;
  const facts = idx.facts;
  const params = new ParamResolver(registry, asOf, opts.params ?? {});
  const clauses = clauseBookFor(registry.packs);

  // Each unit's chain: its own binding, else the nearest ancestor's, else the evaluation's pack.
  const chainOfUnit = new Map<string, readonly string[]>();
  const chainCache = new Map<string, readonly string[]>();
  const chainOf = (pack: string) => {
    let c = chainCache.get(pack);
    if (!c) chainCache.set(pack, (c = registry.chain(pack)));
    return c;
  };
  const resolveUnit = (u: UnitFact): readonly string[] => {
    const known = chainOfUnit.get(u.id);
    if (known) return known;
    let result: readonly string[];
    if (u.pack) result = chainOf(u.pack);
    else {
      const parent = u.parent !== undefined ? idx.unit(u.parent) : undefined;
      if (parent && parent.id !== u.id) {
        chainOfUnit.set(u.id, []); // guard against cycles in bad data
        result = resolveUnit(parent);
      } else result = opts.pack ? chainOf(opts.pack) : [];
    }
    chainOfUnit.set(u.id, result);
    return result;
  };
  for (const u of facts.units) resolveUnit(u);
  const defaultChain = opts.pack ? chainOf(opts.pack) : [];
  const chainOfCadre = (c: CadreFact) => chainOfUnit.get(c.unit) ?? defaultChain;
  const chainOfSubject = (id: string): readonly string[] => {
    const c = idx.cadre(id);
    if (c) return chainOfCadre(c);
    return chainOfUnit.get(id) ?? defaultChain;
  };

  // Subjects each pack governs.
  const cadresOfPack = new Map<string, CadreFact[]>();
  const unitsOfPack = new Map<string, UnitFact[]>();
  const requestsOfPack = new Map<string, ToleranceRequestFact[]>();
  const push = <T>(m: Map<string, T[]>, k: string, v: T) => {
    const l = m.get(k);
    if (l) l.push(v);
    else m.set(k, [v]);
  };
  for (const u of facts.units) for (const p of chainOfUnit.get(u.id) ?? []) push(unitsOfPack, p, u);
  for (const c of facts.cadres) for (const p of chainOfCadre(c)) push(cadresOfPack, p, c);
  // A request made after the evaluation date is not yet on record at that date: no pack evaluates it.
  for (const r of facts.toleranceRequests)
    if (r.date <= asOf) for (const p of chainOfSubject(r.subject)) push(requestsOfPack, p, r);

  const findings = new Map<string, Finding>();
  const values: Record<string, Record<string, Value>> = {};
  const gaps = new Set<string>();
  const periods = new Map<string, InfluenceInput[]>();

  const setValue = (subject: string, name: string, value: Value) => {
    const row = (values[subject] ??= {});
    row[name] = combine(name, row[name], value);
  };

  // A superseded rule stays silent for the subjects a lower rule in their chain covers. Memoised per rule and
  // subject: the check runs for every subject of every superseded rule.
  const coveredBy = (by: readonly Rule[], subject: string): boolean => {
    const subj: CadreFact | UnitFact | undefined = idx.cadre(subject) ?? idx.unit(subject);
    const chain = subj && 'post' in subj ? chainOfCadre(subj) : chainOfSubject(subject);
    return by.some((l) => chain.includes(l.pack) && (!l.covers || (subj !== undefined && l.covers(subj, idx))));
  };
  const memo = new Map<string, Map<string, boolean>>();
  const suppressed = (rule: Rule, subject: string): boolean => {
    const by = registry.superseders(rule.id);
    if (!by) return false;
    let m = memo.get(rule.id);
    if (!m) memo.set(rule.id, (m = new Map()));
    let v = m.get(subject);
    if (v === undefined) m.set(subject, (v = coveredBy(by, subject)));
    return v;
  };

  interface Prepared {
    rule: Rule;
    ctx: RuleContext;
    /** rules that supersede this one (undefined: none) */
    by: readonly Rule[] | undefined;
  }
  // Per-subject calls check supersession on the subject itself (no lookups by id on this hot path).
  const skip = (by: readonly Rule[] | undefined, subj: CadreFact | UnitFact, chain: readonly string[]) =>
    by !== undefined && by.some((l) => chain.includes(l.pack) && (!l.covers || l.covers(subj, idx)));
  const timed = (rule: Rule, f: () => void) => {
    if (!opts.profile) return f();
    const started = performance.now();
    f();
    opts.profile.set(rule.id, (opts.profile.get(rule.id) ?? 0) + performance.now() - started);
  };

  for (const packId of registry.packs.keys()) {
    const pack = registry.packs.get(packId)!;
    const cadres = cadresOfPack.get(packId) ?? [];
    const units = unitsOfPack.get(packId) ?? [];
    const requests = requestsOfPack.get(packId) ?? [];
    if (cadres.length === 0 && units.length === 0 && requests.length === 0) continue;
    const prepared: Prepared[] = [];
    for (const rule of pack.rules) {
      if (rule.kind !== 'computable') continue;
      if (opts.only && !opts.only.has(rule.id)) continue;
      if (!inForce(rule, pack, asOf)) continue;
      const hasSuperseders = registry.superseders(rule.id) !== undefined;
      const ctx: RuleContext = {
        asOf,
        facts: idx,
        rule,
        param: ((p: string | ParamDef) => params.get(typeof p === 'string' ? p : p.key, gaps)) as RuleContext['param'],
        fire: (f) => {
          if (hasSuperseders && suppressed(rule, f.subject)) return;
          const key = `${rule.id}\u0000${f.subject}\u0000${f.year ?? ''}`;
          const prev = findings.get(key);
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
          findings.set(key, finding);
        },
        set: (subject, name, value) => {
          if (hasSuperseders && suppressed(rule, subject)) return;
          setValue(subject, name, value);
          opts.trace?.value?.(subject, name, value, rule);
        },
        influence: (p) => {
          if (hasSuperseders && suppressed(rule, p.subject)) return;
          const list = periods.get(p.subject);
          if (list) list.push(p);
          else periods.set(p.subject, [p]);
          opts.trace?.influence?.(p, rule);
        },
        gap: (m) => gaps.add(m),
        cadres: () => cadres,
        units: () => units,
        requests: () => requests,
        chainOf: chainOfSubject,
        determinations: (subject, ruleId = rule.id) => {
          const ds = idx.determinations(subject);
          if (ds.length === 0) return [];
          const own = chainOfSubject(subject)[0] ?? rule.pack;
          return ds.filter((d) => d.date <= asOf && clauses.names(d.clause, d.kind, ruleId, own));
        },
      };
      prepared.push({ rule, ctx, by: registry.superseders(rule.id) });
    }
    // Order: every rule's forAll (quotas, rankings) first, then units rule by rule, then cadres subject by subject
    // (all rules for one cadre in a row: its facts stay hot), then tolerance requests.
    for (const { rule, ctx, by } of prepared) {
      if (rule.forAll) timed(rule, () => rule.forAll!(ctx));
      if (rule.forUnit)
        timed(rule, () => {
          for (const u of units) if (!skip(by, u, chainOfUnit.get(u.id) ?? defaultChain)) rule.forUnit!(u, ctx);
        });
    }
    const cadreRules = prepared.filter((p) => p.rule.forCadre);
    if (opts.profile)
      for (const { rule, ctx, by } of cadreRules)
        timed(rule, () => {
          for (const c of cadres) if (!skip(by, c, chainOfCadre(c))) rule.forCadre!(c, ctx);
        });
    else
      for (const c of cadres) {
        const chain = chainOfCadre(c);
        idx.focus(c.id);
        for (const { rule, ctx, by } of cadreRules) if (!skip(by, c, chain)) rule.forCadre!(c, ctx);
      }
    idx.focus(undefined);
    for (const { rule, ctx } of prepared)
      if (rule.forRequest)
        timed(rule, () => {
          for (const r of requests) if (!suppressed(rule, r.subject)) rule.forRequest!(r, ctx);
        });
  }

  // Influence periods → the first dates on which nothing on record blocks promotion (the later end governs).
  for (const c of facts.cadres) {
    const list = periods.get(c.id);
    let promotion: string | null = null;
    let above: string | null = null;
    if (list)
      for (const p of list) {
        if (p.blocks === 'promotion' && (promotion === null || p.until > promotion)) promotion = p.until;
        if (above === null || p.until > above) above = p.until;
      }
    const row = (values[c.id] ??= {});
    // every cadre gets priorityPromotion (false unless a rule gave it), in this one pass over the cadres
    if (row.priorityPromotion === undefined) row.priorityPromotion = false;
    row.promotionAllowedFrom = promotion ?? (above !== null ? asOf : null);
    row.aboveOriginalLevelAllowedFrom = above;
  }

  return {
    pack: opts.pack ?? opts.label ?? 'all',
    asOf,
    findings: [...findings.values()],
    values,
    gaps: [...gaps].sort(),
  };
}
