// The quota of 优秀 as exact fractions: exactly at the share accepted, one over refused, whatever the rounding of
// a float would say; an unset share refuses 优秀 with the reason instead of guessing one.
import { describe, expect, it } from 'vitest';
import { excellentRefusal, ineligibleForExcellent, meter, type Standing } from './grading.js';

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

  const standing = (year: number, more: Partial<Omit<Standing, 'year'>>): Standing => ({
    year,
    sanctions: [],
    accountability: [],
    adjustments: [],
    ...more,
  });

  it('a 处分 or 诫勉 in the year bars 优秀; nothing on record does not', () => {
    expect(ineligibleForExcellent(standing(2025, {}))).toBeUndefined();
    expect(
      ineligibleForExcellent(standing(2025, { sanctions: [{ date: '2025-05-01', kind: '警告' }] }))?.reason_zh,
    ).toContain('处分');
    expect(
      ineligibleForExcellent(standing(2025, { accountability: [{ date: '2025-05-01', kind: '诫勉' }] }))?.reason_zh,
    ).toContain('诫勉');
  });

  it("a sanction's refusal names the national provision encoded for its kind, item by item", () => {
    const refuse = (kind: string) =>
      ineligibleForExcellent(standing(2025, { sanctions: [{ date: '2025-05-01', kind }] }))?.reason_zh;
    expect(refuse('警告')).toBe(
      '2025年5月1日受警告处分，依照《公务员考核规定》第二十九条第一项，当年参加年度考核，不得确定为优秀等次',
    );
    const opinion = '《关于受党纪处分的党政机关工作人员年度考核有关问题的意见》';
    expect(refuse('党内警告')).toContain(`依照${opinion}第一项`);
    expect(refuse('党内严重警告')).toContain(`依照${opinion}第二项`);
    expect(refuse('撤销党内职务')).toContain(`依照${opinion}第三项，当年参加年度考核，确定为不称职`);
    expect(refuse('留党察看')).toContain(`依照${opinion}第四项`);
    // 记过 and heavier: the quoted copy of 第二十九条第二项 is incomplete, so no document is named
    expect(refuse('记过')).toBe('2025年5月1日受记过处分，按照国家有关考核规定，当年不得确定为优秀等次');
  });

  it('each kind of record in the year is refused; the same record in the previous year is accepted', () => {
    const records: [string, Partial<Omit<Standing, 'year'>>][] = [
      ...['警告', '记过', '记大过', '降级', '撤职', '党内警告', '党内严重警告', '撤销党内职务'].map(
        (kind): [string, Partial<Omit<Standing, 'year'>>] => [kind, { sanctions: [{ date: 'D', kind }] }],
      ),
      ...['诫勉', '通报', '责令检查', '组织调整', '组织处理'].map((kind): [string, Partial<Omit<Standing, 'year'>>] => [
        kind,
        { accountability: [{ date: 'D', kind }] },
      ]),
      ...['调离岗位', '改任非领导职务', '免职', '引咎辞职', '责令辞职', '降职'].map(
        (method): [string, Partial<Omit<Standing, 'year'>>] => [method, { adjustments: [{ date: 'D', method }] }],
      ),
    ];
    const dated = (r: Partial<Omit<Standing, 'year'>>, date: string) =>
      JSON.parse(JSON.stringify(r).replaceAll('"D"', JSON.stringify(date))) as Partial<Omit<Standing, 'year'>>;
    for (const [kind, r] of records) {
      // first and last day of the year are in it
      expect(ineligibleForExcellent(standing(2025, dated(r, '2025-01-01'))), kind).toBeDefined();
      expect(ineligibleForExcellent(standing(2025, dated(r, '2025-12-31')))?.reason_zh, kind).toContain(kind);
      // the day before the year is not
      expect(ineligibleForExcellent(standing(2025, dated(r, '2024-12-31'))), kind).toBeUndefined();
    }
  });

  it('留党察看 bars 优秀 in its year and the two years after (two-year probation taken), not the fourth', () => {
    const s = (year: number) =>
      ineligibleForExcellent(standing(year, { sanctions: [{ date: '2024-02-29', kind: '留党察看' }] }))?.reason_zh;
    expect(s(2024)).toContain('当年参加年度考核，确定为不称职');
    expect(s(2025)).toBe(
      '2024年2月29日受留党察看处分，依照《关于受党纪处分的党政机关工作人员年度考核有关问题的意见》第四项，' +
        '2025年参加年度考核，只写评语不确定等次，故不得确定为优秀等次',
    );
    expect(s(2026)).toContain('按二年计');
    expect(s(2027)).toBeUndefined();
    expect(s(2023)).toBeUndefined();
  });

  it('a provision that bars a later year wins over a generic refusal of the same year', () => {
    const r = ineligibleForExcellent(
      standing(2025, {
        sanctions: [
          { date: '2024-06-01', kind: '留党察看' },
          { date: '2025-03-01', kind: '记过' },
        ],
      }),
    );
    expect(r?.reason_zh).toContain('第四项');
  });
});
