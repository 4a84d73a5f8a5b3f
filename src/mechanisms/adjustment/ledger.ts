// Influence periods (影响期) as the rulebooks record them, per cadre on a date: which rule (article) opened each,
// on which record (the adjustment decision or the sanction), what it blocks and until when. Read from the same
// evaluation `evaluate` runs (its trace), so the ledger and the eligibility check never re-encode a rule: the
// periods are exactly those behind `promotionAllowedFrom` and `aboveOriginalLevelAllowedFrom`.
//
// Dates: a period's `until` is the first date on which it no longer blocks (DESIGN §3: “N年内不得提拔” ends on the
// decision date plus N years, and 届满 includes that day); the last blocked day is the day before. A cadre is
// inside a period on D when the record it rests on is dated on or before D and D is before `until`.
import { addDays } from '../../domain/dates.js';
import type { CadreFact, Facts } from '../../domain/facts.js';
import { evaluateIndexed, type PackRegistry } from '../../policy/engine.js';
import { FactIndex } from '../../policy/fact-index.js';
import type { Citation, Finding, InfluenceBlock, Value } from '../../policy/types.js';
import { LocalParamsInForce } from '../params/in-force.js';

export interface InfluencePeriod {
  blocks: InfluenceBlock;
  /** first date on which the period no longer blocks */
  until: string;
  /** the last day it blocks (the day before `until`) */
  lastDay: string;
  rule: string;
  citation: Citation;
  /** the rule's heading */
  title: string;
  /** the record the period rests on and how it is counted, as the rule states it (ids, not yet names) */
  because: string[];
}

/** A reason that speaks for or about a cadre without blocking: a priority for promotion, a tolerance decision. */
export interface Note {
  rule: string;
  citation: Citation;
  title: string;
  because: string[];
  conclusion: string;
}

export interface Standing {
  cadre: CadreFact;
  date: string;
  /** the periods running on `date` (those already over are left out) */
  periods: InfluencePeriod[];
  promotionAllowedFrom: string | null;
  aboveOriginalLevelAllowedFrom: string | null;
  priorityPromotion: boolean;
  /** why priorityPromotion is true: the findings of the rules that gave it */
  priorities: Note[];
  /** tolerance decisions on record and what the pack says they mean for the cadre's use */
  tolerance: Note[];
}

const isToleranceDecision = (rule: string) => rule.endsWith('/tolerance/decision');

/**
 * Every listed cadre's standing on `date` (all cadres of the facts when `ids` is absent), from one evaluation of
 * `facts` as of that date — one per set of local parameters when `params` is the settings in force, each cadre
 * evaluated under its own jurisdiction's. Cadres not in the facts are left out.
 */
export function standings(
  registry: PackRegistry,
  facts: Facts,
  date: string,
  ids?: readonly string[],
  params?: Record<string, unknown> | LocalParamsInForce,
): Map<string, Standing> {
  const idx = new FactIndex(facts);
  const list = ids ?? facts.cadres.map((c) => c.id);
  if (!(params instanceof LocalParamsInForce)) return standingsUnder(registry, idx, date, list, params);
  const groups = params.groups(idx, list);
  if (groups.length === 1) return standingsUnder(registry, idx, date, list, groups[0]!.params);
  const each = new Map<string, Standing>();
  for (const g of groups) {
    const members = list.filter((id) => g.subjects === 'all' || g.subjects.has(id));
    for (const [id, st] of standingsUnder(registry, idx, date, members, g.params)) each.set(id, st);
  }
  // in the order asked
  const out = new Map<string, Standing>();
  for (const id of list) {
    const st = each.get(id);
    if (st && !out.has(id)) out.set(id, st);
  }
  return out;
}

function standingsUnder(
  registry: PackRegistry,
  idx: FactIndex,
  date: string,
  ids: readonly string[],
  params: Record<string, unknown> | undefined,
): Map<string, Standing> {
  const periods = new Map<string, InfluencePeriod[]>();
  const priorityRules = new Map<string, Set<string>>();
  const ev = evaluateIndexed(registry, idx, {
    asOf: date,
    ...(params ? { params } : {}),
    trace: {
      influence(p, rule) {
        if (p.until <= date) return; // over by the date: nothing blocked any more
        const list = periods.get(p.subject) ?? [];
        list.push({
          blocks: p.blocks,
          until: p.until,
          lastDay: addDays(p.until, -1),
          rule: rule.id,
          citation: rule.citation,
          title: rule.title ?? '',
          because: [...p.because],
        });
        periods.set(p.subject, list);
      },
      value(subject, name, value, rule) {
        if (name !== 'priorityPromotion' || value !== true) return;
        const s = priorityRules.get(subject) ?? new Set<string>();
        s.add(rule.id);
        priorityRules.set(subject, s);
      },
    },
  });
  const findingsOf = new Map<string, Finding[]>();
  for (const f of ev.findings) {
    const l = findingsOf.get(f.subject);
    if (l) l.push(f);
    else findingsOf.set(f.subject, [f]);
  }
  const note = (f: Finding): Note => ({
    rule: f.rule,
    citation: f.citation,
    title: registry.rules.get(f.rule)?.title ?? '',
    because: f.because,
    conclusion: f.conclusion ?? '',
  });
  const dateOf = (v: Value | undefined) => (typeof v === 'string' ? v : null);
  const out = new Map<string, Standing>();
  for (const id of ids) {
    const cadre = idx.cadre(id);
    if (!cadre || out.has(id)) continue;
    const values = ev.values[id] ?? {};
    const fs = findingsOf.get(id) ?? [];
    const given = priorityRules.get(id);
    out.set(id, {
      cadre,
      date,
      periods: (periods.get(id) ?? []).sort((a, b) => (a.until < b.until ? 1 : a.until > b.until ? -1 : 0)),
      promotionAllowedFrom: dateOf(values.promotionAllowedFrom),
      aboveOriginalLevelAllowedFrom: dateOf(values.aboveOriginalLevelAllowedFrom),
      priorityPromotion: values.priorityPromotion === true,
      priorities: given ? fs.filter((f) => given.has(f.rule)).map(note) : [],
      tolerance: fs.filter((f) => isToleranceDecision(f.rule)).map(note),
    });
  }
  return out;
}

/** What a period blocks, in words. */
export function blockWords(p: Pick<InfluencePeriod, 'blocks'>, level?: string): string {
  return p.blocks === 'promotion' ? '不得提拔' : `不得担任高于${level ? `${level}（原职务层次）` : '原职务层次'}的职务`;
}
