// The value names the packs set (DESIGN §4) and how two contributions to one value combine, as the texts read. Each
// pack's definition lists the names its rules set (`values: valuesNamed(...)`); the engine applies the table and
// refuses a name no pack declared.
import type { Combining, ValueTable } from '../policy/value-combining.js';

const VALUE_NAMES = {
  /** 优先提拔使用: any rule that gives it gives it. */
  priorityPromotion: { kind: 'any' },
  /** `tolerance:<request>`: one exclusion makes a request ineligible whatever another rule found. */
  tolerance: { kind: 'overriding', value: 'ineligible' },
  /** `toleranceDecision:<matter>`: the decision recorded for a matter (one per matter). */
  toleranceDecision: { kind: 'replace' },
  /** `titles:<year>`: every title conferred in the year. */
  titles: { kind: 'union' },
  /** `commendation:<year>`: 就高不就低 — when commendations overlap, the higher one is given. */
  commendation: { kind: 'highest', order: ['嘉奖', '三等功', '二等功', '一等功'] },
  /** `grade:<kind>:<year>`: a unit's grade, computed once. */
  grade: { kind: 'replace' },
  /** `excellentQuota:<year>`: a unit's share of 优秀, computed once. */
  excellentQuota: { kind: 'replace' },
  /** `award:<year>`: a unit's award amount, computed once. */
  award: { kind: 'replace' },
  /** `bonusFactor:<year>`: a cadre's bonus factor, computed once. */
  bonusFactor: { kind: 'replace' },
} as const satisfies Record<string, Combining>;

export type ValueName = keyof typeof VALUE_NAMES;

/** The table entries for the value names a pack's rules set. */
export function valuesNamed(...names: ValueName[]): ValueTable {
  return Object.fromEntries(names.map((n) => [n, VALUE_NAMES[n]]));
}
