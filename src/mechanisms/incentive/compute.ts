// Computing a run's lists from one evaluation of the rulebooks (pure: no store). Every entry is a finding of a rule
// named in the pack's list definitions (lists.ts), with the finding's reasons; a tie at a quota's cut-off is never
// broken here: the tied subjects become entries marked `tie`, which a person must include or exclude before the
// lists are proposed. Values the texts leave to local rules and nobody has set stay 未配置 (the gaps).
import type { Facts } from '../../domain/facts.js';
import type { Evaluation, Finding, Rule } from '../../policy/types.js';
import { QUOTA_LIST, RUN_LISTS, type ListDef } from './lists.js';

export const UNSET = '未配置';

export interface ComputedEntry {
  subjectType: 'unit' | 'cadre';
  subjectId: string;
  /** the rule whose finding this is ('' for a tie reported without one) */
  rule: string;
  /** the article as printed, e.g. 第七条（一） */
  article: string;
  conclusion: string;
  because: string[];
  /** the amount, commendation or share the entry carries; 未配置 where a parameter is unset */
  value: string | null;
  tie: boolean;
}

export interface ComputedList {
  key: string;
  name: string;
  kind: ListDef['kind'];
  approver: string | null;
  approverBasis: string;
  publish: string;
  entries: ComputedEntry[];
}

export interface Completeness {
  /** units that have results in other years but none for the run's year */
  unitsMissing: string[];
  /** cadres on record with no annual assessment for the run's year */
  cadresMissing: string[];
  unitsWithResults: number;
  cadresWithResults: number;
}

export interface ComputedRun {
  lists: ComputedList[];
  /** ties at a cut-off (as the rules report them) */
  ties: string[];
  /** what the rules could not determine: unset parameters (未配置) and other open points */
  gaps: string[];
  completeness: Completeness;
  /** unit → the 优秀 share its cadres are graded within for the year, as the rules set it */
  quotas: Record<string, string>;
}

export interface RunScope {
  pack: string;
  year: number;
  /** the organiser's unit and everything below it */
  units: ReadonlySet<string>;
}

const show = (v: unknown): string | null =>
  v === undefined || v === null ? null : Array.isArray(v) ? v.join('、') : String(v);

/** Cadres and units of the run's scope, by id. */
function subjectsOf(facts: Facts, scope: RunScope): Map<string, 'unit' | 'cadre'> {
  const m = new Map<string, 'unit' | 'cadre'>();
  for (const u of facts.units) if (scope.units.has(u.id)) m.set(u.id, 'unit');
  for (const c of facts.cadres) if (scope.units.has(c.unit)) m.set(c.id, 'cadre');
  return m;
}

function entryOf(f: Finding, type: 'unit' | 'cadre', def: ListDef, ev: Evaluation, year: number): ComputedEntry {
  const vals = ev.values[f.subject] ?? {};
  let value = def.value ? show(vals[`${def.value}:${year}`]) : null;
  if (def.kind === 'award' && value === null) value = UNSET;
  return {
    subjectType: type,
    subjectId: f.subject,
    rule: f.rule,
    article: f.citation.article,
    conclusion: f.conclusion ?? '',
    because: f.because,
    value,
    tie: false,
  };
}

export function computeRun(
  ev: Evaluation,
  facts: Facts,
  scope: RunScope,
  rules: ReadonlyMap<string, Rule>,
): ComputedRun {
  const { year } = scope;
  const subjects = subjectsOf(facts, scope);
  const defs = RUN_LISTS[scope.pack] ?? [];
  const byRule = new Map<string, Finding[]>();
  for (const f of ev.findings) {
    if (!subjects.has(f.subject)) continue;
    const l = byRule.get(f.rule);
    if (l) l.push(f);
    else byRule.set(f.rule, [f]);
  }

  const lists: ComputedList[] = defs.map((def) => {
    const entries: ComputedEntry[] = [];
    for (const rule of def.rules)
      for (const f of byRule.get(rule) ?? []) {
        if (def.standing ? f.year !== undefined && f.year > year + 1 : f.year !== year) continue;
        if (def.when && !(f.conclusion ?? '').includes(def.when)) continue;
        entries.push(entryOf(f, subjects.get(f.subject)!, def, ev, year));
      }
    return {
      key: def.key,
      name: def.name,
      kind: def.kind,
      approver: def.approver,
      approverBasis: def.approverBasis,
      publish: def.publish,
      entries,
    };
  });

  // A tie message names its rule or (shaanxi) only its title's words; either places it on one of this pack's lists.
  const tieOwn = (g: string) =>
    defs.some((d) => d.rules.some((r) => g.includes(r)) || (d.tieLabels ?? []).some((l) => g.includes(l)));
  // Ties of the run's year, placed on the list of the rule (or label) that reported them.
  const ties = ev.gaps.filter((g) => g.includes('并列') && g.includes(String(year)) && tieOwn(g));
  for (const t of ties) {
    const idx = defs.findIndex(
      (d) => d.rules.some((r) => t.includes(r)) || (d.tieLabels ?? []).some((label) => t.includes(label)),
    );
    if (idx < 0) continue;
    const list = lists[idx]!;
    const words = t.match(/[A-Za-z0-9_-]+/g) ?? [];
    for (const w of words) {
      const type = subjects.get(w);
      if (!type || list.entries.some((e) => e.subjectId === w && e.tie)) continue;
      const rule = defs[idx]!.rules.find((r) => t.includes(r)) ?? defs[idx]!.rules[0] ?? '';
      list.entries.push({
        subjectType: type,
        subjectId: w,
        rule,
        article: rules.get(rule)?.citation.article ?? '',
        conclusion: '并列于名额分界，待决定',
        because: [t],
        value: null,
        tie: true,
      });
    }
  }

  // The 优秀 shares the rules give units of the scope for the year.
  const quotas: Record<string, string> = {};
  const quotaEntries: ComputedEntry[] = [];
  for (const [id, type] of subjects) {
    if (type !== 'unit') continue;
    const v = ev.values[id]?.[`excellentQuota:${year}`];
    if (v === undefined || v === null) continue;
    quotas[id] = String(v);
    quotaEntries.push({
      subjectType: 'unit',
      subjectId: id,
      rule: '',
      article: '',
      conclusion: '年度考核优秀等次比例',
      because: [],
      value: String(v),
      tie: false,
    });
  }
  if (quotaEntries.length)
    lists.push({
      key: QUOTA_LIST.key,
      name: QUOTA_LIST.name,
      kind: 'quota',
      approver: QUOTA_LIST.approver,
      approverBasis: QUOTA_LIST.approverBasis,
      publish: QUOTA_LIST.publish,
      entries: quotaEntries,
    });

  // what the run's own rulebook leaves open (gaps name their pack: `rudong.incentive.…`, `rudong/…`)
  const own = (g: string) => g.includes(`${scope.pack}.`) || g.includes(`${scope.pack}/`);
  const gaps = ev.gaps.filter(
    (g) => own(g) && !g.includes('并列') && (g.startsWith('未配置') || g.includes(String(year))),
  );
  return {
    lists: lists.filter((l) => l.entries.length > 0),
    ties,
    gaps: [...new Set(gaps)],
    completeness: completeness(facts, scope),
    quotas,
  };
}

export function completeness(facts: Facts, scope: RunScope): Completeness {
  const assessedUnits = new Set<string>();
  const everAssessed = new Set<string>();
  for (const a of facts.unitAssessments) {
    if (!scope.units.has(a.unit)) continue;
    everAssessed.add(a.unit);
    if (a.year === scope.year && (a.grade !== undefined || a.score !== undefined || a.rank !== undefined))
      assessedUnits.add(a.unit);
  }
  const assessedCadres = new Set<string>();
  for (const a of facts.cadreAssessments) if (a.year === scope.year && a.grade) assessedCadres.add(a.cadre);
  const cadres = facts.cadres.filter((c) => scope.units.has(c.unit));
  return {
    unitsMissing: [...everAssessed].filter((u) => !assessedUnits.has(u)).sort(),
    cadresMissing: cadres.filter((c) => !assessedCadres.has(c.id)).map((c) => c.id),
    unitsWithResults: assessedUnits.size,
    cadresWithResults: cadres.filter((c) => assessedCadres.has(c.id)).length,
  };
}
