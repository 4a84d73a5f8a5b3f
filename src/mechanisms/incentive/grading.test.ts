// The quota of 优秀 as exact fractions: exactly at the share accepted, one over refused, whatever the rounding of
// a float would say; an unset share refuses 优秀 with the reason instead of guessing one.
import { describe, expect, it } from 'vitest';
import { excellentRefusal, ineligibleForExcellent, meter } from './grading.js';

describe('优秀 within the share', () => {
  it('20% of 10: the second is at the share and accepted, the third is over and refused', () => {
    expect(excellentRefusal({ share: 0.2, pool: 10, excellent: 1 })).toBeUndefined();
    const r = excellentRefusal({ share: 0.2, pool: 10, excellent: 2 });
    expect(r?.field).toBe('grade');
    expect(r?.reason_zh).toContain('名额 2 名');
  });

  it('30% of 7 gives 2 places (2.1 rounded down): a third would be 3/7 > 3/10', () => {
    expect(meter({ share: 0.3, pool: 7, excellent: 0 }).places).toBe(2);
    expect(excellentRefusal({ share: 0.3, pool: 7, excellent: 1 })).toBeUndefined();
    expect(excellentRefusal({ share: 0.3, pool: 7, excellent: 2 })).toBeDefined();
  });

  it('a share where floats misjudge: 3/10 of 10 is exactly 3, accepted (0.1 + 0.2 ≠ 0.3 does not matter)', () => {
    expect(excellentRefusal({ share: '3/10', pool: 10, excellent: 2 })).toBeUndefined();
    expect(excellentRefusal({ share: '3/10', pool: 10, excellent: 3 })).toBeDefined();
    expect(excellentRefusal({ share: '15%', pool: 20, excellent: 2 })).toBeUndefined();
    expect(excellentRefusal({ share: '15%', pool: 20, excellent: 3 })).toBeDefined();
  });

  it('no share set: refused as 未配置, never a default', () => {
    expect(excellentRefusal({ share: undefined, pool: 10, excellent: 0 })?.reason_zh).toContain('未配置');
    expect(meter({ share: undefined, pool: 10, excellent: 0 }).places).toBeNull();
  });

  it('a 处分 or 诫勉 in the year bars 优秀', () => {
    expect(ineligibleForExcellent({ sanctions: [], accountability: [], adjustments: [] })).toBeUndefined();
    expect(
      ineligibleForExcellent({ sanctions: [{ date: '2025-05-01', kind: '警告' }], accountability: [], adjustments: [] })
        ?.reason_zh,
    ).toContain('处分');
    expect(
      ineligibleForExcellent({ sanctions: [], accountability: [{ date: '2025-05-01', kind: '诫勉' }], adjustments: [] })
        ?.reason_zh,
    ).toContain('诫勉');
  });

  it("a sanction's refusal names the national provision quoted for its kind", () => {
    const refuse = (kind: string) =>
      ineligibleForExcellent({ sanctions: [{ date: '2025-05-01', kind }], accountability: [], adjustments: [] })
        ?.reason_zh;
    expect(refuse('警告')).toContain('依照《公务员考核规定》第二十九条（一）');
    expect(refuse('党内警告')).toContain('依照《关于受党纪处分的党政机关工作人员年度考核有关问题的意见》一至四');
    expect(refuse('留党察看')).toContain('《关于受党纪处分的党政机关工作人员年度考核有关问题的意见》');
    // 记过 and heavier: the quoted copy of 第二十九条（二） is incomplete, so no document is named
    expect(refuse('记过')).toContain('按照国家有关考核规定');
  });
});
