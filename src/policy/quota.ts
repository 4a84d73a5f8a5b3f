// Selection by quota ("按照35%的比例… 排序靠前的"): how many places a share gives, and who takes them, with ties at
// the cut-off flagged for a decision instead of broken silently (DESIGN §5).
import type { Ratio } from './rational.js';

export type Rounding = 'floor' | 'round' | 'ceil';

/** Places a share of `count` gives. `floor` (the default reading) never exceeds the share. */
export function quotaPlaces(count: number, share: Ratio, rounding: Rounding = 'floor'): number {
  const exact = count * share.num;
  const q = Math.floor(exact / share.den);
  const r = exact % share.den;
  if (r === 0) return q;
  if (rounding === 'ceil') return q + 1;
  if (rounding === 'round') return 2 * r >= share.den ? q + 1 : q;
  return q;
}

export interface Ranked<T> {
  item: T;
  /** 1-based position (competition ranking: equal keys share a position) */
  position: number;
}

export interface QuotaSelection<T> {
  selected: T[];
  /** Items tied at the cut-off: the quota falls inside their group, so a person must decide. */
  tiedAtCutoff: T[];
  rest: T[];
  places: number;
}

/**
 * Orders items best first by `key` (higher is better unless `ascending`) and takes `places` of them. If the places run
 * out inside a group of equal keys, that whole group goes to `tiedAtCutoff` and is neither selected nor rejected.
 */
export function selectByQuota<T>(
  items: readonly T[],
  key: (t: T) => number,
  places: number,
  ascending = false,
): QuotaSelection<T> {
  const sorted = [...items].sort((a, b) => (ascending ? key(a) - key(b) : key(b) - key(a)));
  const selected: T[] = [];
  const tiedAtCutoff: T[] = [];
  const rest: T[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && key(sorted[j + 1]!) === key(sorted[i]!)) j++;
    const group = sorted.slice(i, j + 1);
    if (j < places) selected.push(...group);
    else if (i >= places) rest.push(...group);
    else tiedAtCutoff.push(...group);
    i = j + 1;
  }
  return { selected, tiedAtCutoff, rest, places };
}
