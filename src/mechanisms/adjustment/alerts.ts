// The alert list (预警清单) of the adjustment mechanism: what turns the rulebooks' findings into alerts, which
// subjects a write concerns, and how an alert may move. An alert is a proposal of the rules (提示), not a decision:
// only the organisation department determines it (经组织认定) or dismisses it with a written reason.
import { createHash } from 'node:crypto';
import { evaluateIndexed, type PackRegistry } from '../../policy/engine.js';
import { FactIndex } from '../../policy/fact-index.js';
import type { Facts } from '../../domain/facts.js';
import type { Evaluation } from '../../policy/types.js';
import type { AlertFinding, AlertState } from '../../store/alerts.js';
import type { Written } from '../../store/write-listeners.js';
import type { LocalParamsInForce } from '../params/in-force.js';

/** The rules whose findings are alerts: every computable adjustment rule of every pack, the national one included. */
export function alertRules(registry: PackRegistry): Set<string> {
  return new Set(
    registry
      .allRules()
      .filter((r) => r.mechanism === 'adjustment' && r.kind === 'computable')
      .map((r) => r.id),
  );
}

/**
 * The alert rules whose findings about a unit or its cadres rest on other units than the unit and those above it:
 * incidents anywhere in the unit's territory (the units below it), rankings among every unit of the pack. Every other
 * alert rule concludes about a cadre from the cadre, the cadre's unit, the units above and the unit's cadres, and
 * about a unit from the same — the neighbourhood the refresh after a cadre's own record changes evaluates. Kept by
 * reading every alert rule of every pack; test/alerts-narrow.test.ts checks it edit by edit on the demo record.
 */
export const REACHING_RULES: ReadonlySet<string> = new Set([
  'jiangsu/adjustment/9.5', // 安全生产 incidents in the unit's territory (本地区)
  'jiangsu/adjustment/9.6', // 群体性事件 etc. in the unit's territory
  'shaanxi/adjustment/8.4', // national rankings: the field of every provincial department
  'shaanxi/adjustment/9.1', // county monitoring: ranks among every county / district of the pack
  'shaanxi/adjustment/12.1', // production safety incidents in the territory
  'shaanxi/adjustment/12.2', // food and drug safety incidents in the territory
  'shaanxi/adjustment/13.1', // 群体性事件 etc. in the territory
]);

/**
 * The record kinds a cadre's own write may touch and still be refreshed in the cadre's neighbourhood: none of the
 * reaching rules reads them (they read units, unit assessments, incidents, who holds which post, and determinations),
 * and none of them moves a cadre to another unit. Writes of any other kind are refreshed over the whole region.
 */
export const NARROW_KINDS: ReadonlySet<string> = new Set([
  'cadreAssessments',
  'regularAssessments',
  'sanctions',
  'adjustments',
  'honors',
  'toleranceRequests',
  'accountability',
]);

/** The alert rules a neighbourhood refresh evaluates: all but the reaching ones. */
export function localAlertRules(registry: PackRegistry): Set<string> {
  const out = alertRules(registry);
  for (const r of REACHING_RULES) out.delete(r);
  return out;
}

/** An alert's id: the same finding (rule, subject, year) keeps its alert from one evaluation to the next. */
export function alertId(rule: string, subject: string, year: number): string {
  return createHash('sha256').update(`${rule}\u0000${subject}\u0000${year}`).digest('hex').slice(0, 32);
}

/** The alerts an evaluation gives: its findings of alert rules about subjects on record. */
export function alertsOfEvaluation(
  registry: PackRegistry,
  ev: Evaluation,
  idx: FactIndex,
  rules: ReadonlySet<string> = alertRules(registry),
): AlertFinding[] {
  const out: AlertFinding[] = [];
  for (const f of ev.findings) {
    if (!rules.has(f.rule)) continue;
    const cadre = idx.cadre(f.subject);
    const unit = cadre ? undefined : idx.unit(f.subject);
    if (!cadre && !unit) continue;
    const year = f.year ?? 0;
    out.push({
      id: alertId(f.rule, f.subject, year),
      ruleId: f.rule,
      pack: registry.rules.get(f.rule)?.pack ?? f.rule.split('/')[0]!,
      subjectType: cadre ? 'cadre' : 'unit',
      subjectId: f.subject,
      unitId: cadre ? cadre.unit : unit!.id,
      year,
      document: f.citation.document,
      article: f.citation.article,
      because: f.because,
      conclusion: f.conclusion ?? null,
    });
  }
  return out;
}

/** The alerts the rules give on `facts` on `asOf`: every alert rule evaluated, its findings about subjects on record. */
export function findAlerts(
  registry: PackRegistry,
  facts: Facts,
  asOf: string,
  rules: ReadonlySet<string> = alertRules(registry),
): AlertFinding[] {
  const idx = new FactIndex(facts);
  const ev = evaluateIndexed(registry, idx, { asOf, only: rules });
  return alertsOfEvaluation(registry, ev, idx, rules);
}

/**
 * The alerts of `subjects` ('all': every subject of the facts), each subject under the local parameters of its own
 * jurisdiction: one evaluation per set of parameters in force (one when none is).
 */
export function findAlertsUnder(
  registry: PackRegistry,
  facts: Facts,
  asOf: string,
  local: LocalParamsInForce,
  subjects: ReadonlySet<string> | 'all',
  rules: ReadonlySet<string> = alertRules(registry),
): AlertFinding[] {
  const idx = new FactIndex(facts);
  const findings: AlertFinding[] = [];
  for (const g of local.groups(idx, subjects === 'all' ? undefined : subjects)) {
    const ev = evaluateIndexed(registry, idx, { asOf, only: rules, params: g.params });
    for (const f of alertsOfEvaluation(registry, ev, idx, rules))
      if (g.subjects === 'all' || g.subjects.has(f.subjectId)) findings.push(f);
  }
  return findings;
}

/** The cadres and units a write concerns: those its rows (before and after) name. */
export function subjectsOfWrites(written: readonly Written[]): {
  cadres: Set<string>;
  units: Set<string>;
  /** the cadres named by a write of a kind outside NARROW_KINDS (their refresh takes the whole region) */
  wide: Set<string>;
} {
  const cadres = new Set<string>();
  const units = new Set<string>();
  const wide = new Set<string>();
  for (const w of written) {
    const named = new Set<string>();
    collectSubjects(w, named, units);
    for (const c of named) {
      cadres.add(c);
      if (!NARROW_KINDS.has(w.kind)) wide.add(c);
    }
  }
  return { cadres, units, wide };
}

function collectSubjects(w: Written, cadres: Set<string>, units: Set<string>): void {
  for (const r of [...w.removed, ...w.added]) {
    if (w.kind === 'units') {
      units.add(String(r.id));
      continue;
    }
    if (w.kind === 'cadres') {
      cadres.add(String(r.id));
      continue;
    }
    if (typeof r.subjectId === 'string') (r.subjectType === 'unit' ? units : cadres).add(r.subjectId);
    if (typeof r.cadreId === 'string') cadres.add(r.cadreId);
    // a post concerns its unit too: rules name a unit's leaders (党政正职, 分管领导) by the posts held there
    if (typeof r.unitId === 'string') units.add(r.unitId);
  }
}

export type AlertAction = 'verify' | 'confirm' | 'open_case' | 'dismiss';

/** Each action, the states it starts from and the state it leads to. */
export const ALERT_ACTIONS: Record<AlertAction, { from: readonly AlertState[]; to: AlertState; label: string }> = {
  verify: { from: ['new'], to: 'verifying', label: '开始核实' },
  confirm: { from: ['new', 'verifying'], to: 'confirmed', label: '组织认定' },
  open_case: { from: ['confirmed'], to: 'case_opened', label: '启动调整程序' },
  dismiss: { from: ['new', 'verifying', 'confirmed'], to: 'dismissed', label: '不予认定' },
};

export const ALERT_STATE_LABELS: Record<AlertState, string> = {
  new: '新提示',
  verifying: '核实中',
  confirmed: '已经组织认定',
  case_opened: '已启动调整程序',
  dismissed: '不予认定',
};

/** States a cadre may see alerts about themselves in: only once the organisation has determined them. */
export const SEEN_BY_SUBJECT: readonly AlertState[] = ['confirmed', 'case_opened'];

/** Whether `action` may be taken on an alert in `state`. */
export function allowedFrom(action: AlertAction, state: AlertState): boolean {
  return ALERT_ACTIONS[action].from.includes(state);
}
