// The catalogue of open numbers: every number a pack leaves open has words and a type here (a new open parameter
// without them could not be set by anyone), and each type refuses what it cannot read.
import { describe, expect, it } from 'vitest';
import { packRegistry } from '../../packs/index.js';
import { checkValue, openParam, openParams, undescribedOpenParams, valueInWords } from './catalogue.js';

it('every open parameter of the packs is described, and only open ones are offered', () => {
  const registry = packRegistry();
  expect(undescribedOpenParams(registry)).toEqual([]);
  for (const { def } of openParams(registry)) expect(def.values).toEqual([]);
});

describe('values by type', () => {
  const tiers = openParam('shaanxi.incentive.progressPrizeTiers')!;
  const grades = openParam('jiangsu.incentive.bonusByGrade')!;
  const ratio = openParam('rudong.incentive.excellentRatio')!;

  it('tiers: three whole numbers adding up to at most the ten places; exactly ten accepted, eleven refused', () => {
    expect(checkValue(tiers, [3, 3, 4])).toEqual({ value: [3, 3, 4] });
    expect('problem' in checkValue(tiers, [3, 4, 4])).toBe(true);
    expect('problem' in checkValue(tiers, [3, 3])).toBe(true);
    expect('problem' in checkValue(tiers, [-1, 3, 3])).toBe(true);
    expect(valueInWords(tiers, [3, 3, 4])).toBe('一等奖3个，二等奖3个，三等奖4个');
  });

  it('a ratio: 100% accepted, above refused; written as given', () => {
    expect(checkValue(ratio, ' 100% ')).toEqual({ value: '100%' });
    expect(checkValue(ratio, '3/20')).toEqual({ value: '3/20' });
    expect('problem' in checkValue(ratio, '101%')).toBe(true);
  });

  it('grade amounts: kept in grade order, in words with the unit', () => {
    const v = checkValue(grades, { 四: 1, 三: 2, 二: 3, 一: 4.5 });
    expect(v).toEqual({ value: { 一: 4.5, 二: 3, 三: 2, 四: 1 } });
    expect(valueInWords(grades, { 一: 4.5, 二: 3, 三: 2, 四: 1 })).toBe(
      '第一等次 4.5元，第二等次 3元，第三等次 2元，第四等次 1元',
    );
  });
});
