import { describe, expect, it } from 'vitest';
import { quotaPlaces, selectByQuota } from './quota.js';
import { atLeast, atMost, below, exceeds, pct, ratio } from './rational.js';

describe('exact shares at thresholds (DESIGN §3 legal reading)', () => {
  it('以上 includes the number: 30 of 100 votes is 30%以上', () => {
    expect(atLeast(ratio(30, 100), pct(30))).toBe(true);
    expect(atLeast(ratio(29, 100), pct(30))).toBe(false);
    expect(atLeast(ratio(3, 10), pct(30))).toBe(true);
  });
  it('超过 excludes the number: exactly one third is not 超过三分之一', () => {
    expect(exceeds(ratio(10, 30), ratio(1, 3))).toBe(false);
    expect(exceeds(ratio(11, 30), ratio(1, 3))).toBe(true);
    // floating point would misjudge 1/3 of 3·10^n votes; integers do not
    expect(exceeds(ratio(333333, 999999), ratio(1, 3))).toBe(false);
  });
  it('以下 includes and 不满 excludes the number', () => {
    expect(atMost(ratio(1, 2), ratio(50, 100))).toBe(true);
    expect(below(ratio(1, 2), ratio(50, 100))).toBe(false);
    expect(below(ratio(49, 100), ratio(1, 2))).toBe(true);
  });
  it('rejects a share with no votes', () => {
    expect(() => ratio(1, 0)).toThrow();
  });
});

describe('quota places and selection', () => {
  it('floor never exceeds the share; other roundings are explicit', () => {
    expect(quotaPlaces(13, pct(35))).toBe(4); // 4.55
    expect(quotaPlaces(13, pct(35), 'round')).toBe(5);
    expect(quotaPlaces(13, pct(35), 'ceil')).toBe(5);
    expect(quotaPlaces(20, pct(35))).toBe(7); // exactly 7
    expect(quotaPlaces(20, pct(35), 'ceil')).toBe(7);
    expect(quotaPlaces(10, pct(30), 'round')).toBe(3);
  });
  it('flags a tie at the cut-off instead of breaking it', () => {
    const items = [
      { id: 'a', s: 90 },
      { id: 'b', s: 85 },
      { id: 'c', s: 80 },
      { id: 'd', s: 80 },
      { id: 'e', s: 70 },
    ];
    const r = selectByQuota(items, (x) => x.s, 3);
    expect(r.selected.map((x) => x.id)).toEqual(['a', 'b']);
    expect(r.tiedAtCutoff.map((x) => x.id).sort()).toEqual(['c', 'd']);
    expect(r.rest.map((x) => x.id)).toEqual(['e']);
    const clean = selectByQuota(items, (x) => x.s, 4);
    expect(clean.selected).toHaveLength(4);
    expect(clean.tiedAtCutoff).toEqual([]);
  });
  it('ranks ascending when a smaller key is better (rank 1 first)', () => {
    const r = selectByQuota([{ r: 3 }, { r: 1 }, { r: 2 }], (x) => x.r, 2, true);
    expect(r.selected.map((x) => x.r)).toEqual([1, 2]);
  });
});
