import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  chinaDate,
  chineseDate,
  densestWindow,
  hasConsecutiveYears,
  isDate,
  laterOf,
  parseQuarter,
  runLengthEndingAt,
} from './dates.js';

describe('calendar dates', () => {
  it('accepts real calendar days only', () => {
    expect(isDate('2020-02-29')).toBe(true);
    expect(isDate('2019-02-29')).toBe(false);
    expect(isDate('2019-13-01')).toBe(false);
    expect(isDate('2019-4-01')).toBe(false);
    expect(isDate('2000-02-29')).toBe(true);
    expect(isDate('1900-02-29')).toBe(false);
  });

  it('adds years keeping month and day; 29 Feb becomes 28 Feb in a common year', () => {
    expect(addYears('2019-05-10', 1)).toBe('2020-05-10');
    expect(addYears('2020-02-29', 1)).toBe('2021-02-28');
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
    expect(addYears('2020-02-29', 2)).toBe('2022-02-28');
  });

  it('adds months clamping to the end of the month', () => {
    expect(addMonths('2019-01-31', 1)).toBe('2019-02-28');
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2019-08-31', 18)).toBe('2021-02-28');
    expect(addMonths('2019-12-15', 1)).toBe('2020-01-15');
    expect(addMonths('2019-03-15', -3)).toBe('2018-12-15');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2019-12-31', 1)).toBe('2020-01-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
  });

  it('takes the later of several period ends, ignoring missing ones', () => {
    expect(laterOf('2020-01-01', undefined, '2021-06-30', null, '2020-12-31')).toBe('2021-06-30');
    expect(laterOf()).toBeUndefined();
  });

  it('judges consecutive assessment years with no gap', () => {
    expect(hasConsecutiveYears([2016, 2017, 2018], 2018, 3)).toBe(true);
    expect(hasConsecutiveYears([2015, 2017, 2018], 2018, 3)).toBe(false);
    expect(hasConsecutiveYears([2017, 2018], 2018, 2)).toBe(true);
    expect(hasConsecutiveYears([2016, 2017], 2018, 2)).toBe(false);
    expect(runLengthEndingAt([2014, 2016, 2017, 2018], 2018)).toBe(3);
    expect(runLengthEndingAt([2016, 2017], 2018)).toBe(0);
  });

  it('finds the densest rolling 12-month window (the period end day included)', () => {
    expect(densestWindow([], 12)).toBeUndefined();
    // 11 months apart: one window holds both
    expect(densestWindow(['2018-01-10', '2018-12-10'], 12)?.count).toBe(2);
    // 13 months apart: no window holds both
    expect(densestWindow(['2018-01-10', '2019-02-10'], 12)?.count).toBe(1);
    // exactly one year: the period opened on 2018-01-10 ends on 2019-01-10 (民法典 第二百零一条)
    expect(densestWindow(['2018-01-10', '2019-01-10'], 12)?.count).toBe(2);
    expect(densestWindow(['2018-01-10', '2019-01-11'], 12)?.count).toBe(1);
    const w = densestWindow(['2019-06-01', '2017-01-01', '2019-01-01', '2019-03-01'], 12)!;
    expect(w).toEqual({ count: 3, from: '2019-01-01', to: '2019-06-01' });
  });

  it('reads quarters and formats dates for people', () => {
    expect(parseQuarter('2019Q2')).toEqual({ year: 2019, quarter: 2 });
    expect(parseQuarter('2019Q5')).toBeUndefined();
    expect(chineseDate('2019-03-01')).toBe('2019年3月1日');
  });
});

describe('chinaDate', () => {
  it('is Beijing’s calendar date: the next day from 16:00 UTC, the same day before', () => {
    expect(chinaDate(new Date('2026-12-03T15:59:59.999Z'))).toBe('2026-12-03');
    expect(chinaDate(new Date('2026-12-03T16:00:00.000Z'))).toBe('2026-12-04');
    expect(chinaDate(new Date('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
    expect(chinaDate(new Date('2028-02-28T16:30:00.000Z'))).toBe('2028-02-29');
  });
});
