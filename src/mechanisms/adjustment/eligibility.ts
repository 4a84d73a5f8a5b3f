// 任职资格审查: for each candidate on a date, whether the record lets them be promoted. The verdict is read off the
// values `evaluate` gives (promotionAllowedFrom, aboveOriginalLevelAllowedFrom: the later end of every period
// governs, DESIGN §3), and each reason is one of the periods behind them (ledger.ts), so the check and `evaluate`
// cannot disagree. A priority for promotion (优先提拔使用) and a tolerance decision are reasons too, but never
// change the verdict: the first is a positive note, the second says how the decision is to be weighed.
import { addDays, chineseDate } from '../../domain/dates.js';
import type { Facts } from '../../domain/facts.js';
import type { PackRegistry } from '../../policy/engine.js';
import type { LocalParamsInForce } from '../params/in-force.js';
import { blockWords, standings, type InfluencePeriod, type Note, type Standing } from './ledger.js';

export type VerdictKind = 'eligible' | 'blocked' | 'blockedAbove';

export interface Verdict {
  kind: VerdictKind;
  /** the last day of the block (blocked, blockedAbove) */
  until?: string;
  /** the first day the block no longer holds */
  allowedFrom?: string;
  /** blockedAbove: the level above which the cadre may not be promoted (their level on record, if any) */
  level?: string;
  /**
   * blocked, when a longer period still bars a post above the original level after the promotion block ends:
   * its last day
   */
  aboveUntil?: string;
  /** the verdict in words: 可以提拔 / 不得提拔，至… / 不得提拔至高于…的职级，至… */
  words: string;
}

export interface Reason {
  kind: 'block' | 'priority' | 'tolerance';
  /** 《document》article */
  article: string;
  rule: string;
  title: string;
  /** what the reason says, in words (ids still to be named by the caller) */
  text: string;
  /** the record it rests on, as the rule states it (ids still to be named by the caller) */
  record: string[];
  /** block: the last day */
  until?: string;
}

export interface EligibilityResult {
  cadreId: string;
  name: string;
  verdict: Verdict;
  reasons: Reason[];
  priorityPromotion: boolean;
}

export const VERDICT_LABELS: Record<VerdictKind, string> = {
  eligible: '可以提拔',
  blocked: '不得提拔',
  blockedAbove: '不得提拔至高于原职级',
};

const articleOf = (c: { document: string; article: string }) => `《${c.document}》${c.article}`;

/** The verdict from the two dates `evaluate` gives, on `date`. */
export function verdictOf(
  s: Pick<Standing, 'date' | 'promotionAllowedFrom' | 'aboveOriginalLevelAllowedFrom'>,
  level?: string,
): Verdict {
  const { date } = s;
  const p = s.promotionAllowedFrom;
  const a = s.aboveOriginalLevelAllowedFrom;
  if (p !== null && p > date) {
    const until = addDays(p, -1);
    const v: Verdict = { kind: 'blocked', until, allowedFrom: p, words: `不得提拔，至${chineseDate(until)}` };
    if (a !== null && a > p) {
      v.aboveUntil = addDays(a, -1);
      v.words += `；此后至${chineseDate(v.aboveUntil)}不得提拔至高于${level ?? '原职务层次'}的职级`;
    }
    return v;
  }
  if (a !== null && a > date) {
    const until = addDays(a, -1);
    const L = level ?? '原职务层次';
    return {
      kind: 'blockedAbove',
      until,
      allowedFrom: a,
      ...(level ? { level } : {}),
      words: `不得提拔至高于${L}的职级，至${chineseDate(until)}`,
    };
  }
  return { kind: 'eligible', words: '可以提拔' };
}

function blockReason(p: InfluencePeriod, level?: string): Reason {
  return {
    kind: 'block',
    article: articleOf(p.citation),
    rule: p.rule,
    title: p.title,
    text: `${chineseDate(p.until)}前${blockWords(p, level)}（至${chineseDate(p.lastDay)}）`,
    record: p.because,
    until: p.lastDay,
  };
}

function noteReason(kind: 'priority' | 'tolerance', n: Note): Reason {
  return {
    kind,
    article: articleOf(n.citation),
    rule: n.rule,
    title: n.title,
    text: n.conclusion || n.title,
    record: n.because,
  };
}

/** The result for one cadre's standing. */
export function eligibilityOf(s: Standing): EligibilityResult {
  const level = s.cadre.level;
  return {
    cadreId: s.cadre.id,
    name: s.cadre.name,
    verdict: verdictOf(s, level),
    reasons: [
      ...s.periods.map((p) => blockReason(p, level)),
      ...s.tolerance.map((n) => noteReason('tolerance', n)),
      ...s.priorities.map((n) => noteReason('priority', n)),
    ],
    priorityPromotion: s.priorityPromotion,
  };
}

/**
 * Each candidate's result on `date`, in the order given, from one evaluation of `facts` (which must hold the
 * candidates: store/facts-loader.ts loadCadresFacts). A candidate missing from the facts is left out. `params`: the
 * local settings in force, each candidate read under their own jurisdiction's (or one set of parameters for all).
 */
export function checkEligibility(
  registry: PackRegistry,
  facts: Facts,
  date: string,
  candidates: readonly string[],
  params?: Record<string, unknown> | LocalParamsInForce,
): EligibilityResult[] {
  const st = standings(registry, facts, date, candidates, params);
  const out: EligibilityResult[] = [];
  for (const id of candidates) {
    const s = st.get(id);
    if (s) out.push(eligibilityOf(s));
  }
  return out;
}
