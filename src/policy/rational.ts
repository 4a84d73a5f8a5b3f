// Exact shares for thresholds (DESIGN §3 legal reading): a share is compared as integers, never as a float, so
// "30%以上" fires at exactly 30% and "超过三分之一" does not fire at exactly one third.

export interface Ratio {
  num: number;
  den: number;
}

export function ratio(num: number, den: number): Ratio {
  if (!Number.isInteger(num) || !Number.isInteger(den) || den <= 0) throw new RangeError(`bad ratio ${num}/${den}`);
  return { num, den };
}

/** Percentage as a ratio: pct(30) = 30/100. */
export function pct(p: number): Ratio {
  return ratio(p, 100);
}

function cmp(a: Ratio, b: Ratio): number {
  // Values here are vote counts and small percentages: products stay far below 2^53.
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** 以上 / 以内 / 届满: the threshold itself is included. */
export const atLeast = (share: Ratio, threshold: Ratio) => cmp(share, threshold) >= 0;
/** 以下: the threshold itself is included. */
export const atMost = (share: Ratio, threshold: Ratio) => cmp(share, threshold) <= 0;
/** 超过: the threshold itself is excluded. */
export const exceeds = (share: Ratio, threshold: Ratio) => cmp(share, threshold) > 0;
/** 不满 / 低于: the threshold itself is excluded. */
export const below = (share: Ratio, threshold: Ratio) => cmp(share, threshold) < 0;

export function formatRatio(r: Ratio): string {
  const pctText = ((r.num * 100) / r.den).toFixed(2).replace(/\.?0+$/, '');
  return `${r.num}/${r.den}（${pctText}%）`;
}
