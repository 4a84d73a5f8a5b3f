// The value rules every write applies (API and import): each boundary on both sides.
import { describe, expect, it } from 'vitest';
import {
  RANK_RANGE,
  SCORE_RANGE,
  VOTES_RANGE,
  YEAR_RANGE,
  dateProblem,
  idNumberCheck,
  idNumberProblem,
  idProblem,
  numberProblem,
  quarterProblem,
  textProblem,
} from './values.js';

describe('text', () => {
  it('takes ordinary text, tabs, line breaks and characters outside the BMP', () => {
    for (const s of ['王小明', '第一行\n第二行\r\n\t缩进', '𠮷野家 😀', '']) expect(textProblem(s), s).toBeUndefined();
  });
  it('refuses NUL and other control characters', () => {
    for (const s of ['a\u0000b', '\u0007', 'x\u001b[31m', '\u007f']) expect(textProblem(s)?.zh).toMatch(/控制字符/);
  });
  it('refuses half a surrogate pair, at either end or alone', () => {
    for (const s of ['\ud800', 'a\ud83d', '\ude00b', '\udc00\ud800']) expect(textProblem(s)?.en).toMatch(/surrogate/);
  });
  it('refuses bidirectional overrides, embeddings and isolates', () => {
    for (const s of ['\u202eabc', '\u202a', '\u202d', '\u2066x\u2069', '\u2068'])
      expect(textProblem(s)?.en).toMatch(/bidirectional/);
  });
  it('wants ids without blanks', () => {
    expect(idProblem('U01')).toBeUndefined();
    expect(idProblem('U 01')?.zh).toMatch(/空格/);
    expect(idProblem('U\u202e01')).toBeDefined();
  });
});

describe('dates', () => {
  it('takes 1900-01-01 to 2100-12-31 and refuses the days either side', () => {
    expect(dateProblem('1900-01-01')).toBeUndefined();
    expect(dateProblem('2100-12-31')).toBeUndefined();
    for (const d of ['1899-12-31', '2101-01-01', '0001-01-01', '9999-12-31'])
      expect(dateProblem(d)?.zh, d).toMatch(/合理范围/);
  });
  it('refuses days that do not exist and other shapes', () => {
    for (const d of ['2019-02-29', '2019-13-01', '2019-1-1', '20190101'])
      expect(dateProblem(d)?.en, d).toMatch(/valid/);
    expect(dateProblem('2020-02-29')).toBeUndefined();
  });
});

describe('numbers', () => {
  it('years 1900–2100', () => {
    for (const n of [1900, 2100]) expect(numberProblem(n, YEAR_RANGE, true)).toBeUndefined();
    for (const n of [1899, 2101, -1, 1e21]) expect(numberProblem(n, YEAR_RANGE, true), String(n)).toBeDefined();
    expect(numberProblem(2019.5, YEAR_RANGE, true)?.zh).toMatch(/整数/);
  });
  it('votes: none negative, at most 100,000', () => {
    expect(numberProblem(0, VOTES_RANGE, true)).toBeUndefined();
    expect(numberProblem(100_000, VOTES_RANGE, true)).toBeUndefined();
    expect(numberProblem(-1, VOTES_RANGE, true)?.zh).toBe('不能为负数');
    expect(numberProblem(100_001, VOTES_RANGE, true)).toBeDefined();
  });
  it('scores 0–10,000, fractions allowed; ranks from 1', () => {
    for (const n of [0, 87.25, 10_000]) expect(numberProblem(n, SCORE_RANGE, false)).toBeUndefined();
    for (const n of [1e308, -1e308, -0.01, 10_000.01, Number.NaN, Infinity])
      expect(numberProblem(n, SCORE_RANGE, false), String(n)).toBeDefined();
    expect(numberProblem(1, RANK_RANGE, true)).toBeUndefined();
    expect(numberProblem(0, RANK_RANGE, true)).toBeDefined();
  });
  it('quarters like 2019Q2 inside the years of the record', () => {
    expect(quarterProblem('2019Q2')).toBeUndefined();
    for (const q of ['2019Q5', '2019q2', '0001Q1', '9999Q4', '2019-Q2']) expect(quarterProblem(q), q).toBeDefined();
  });
});

describe('身份证号 (GB 11643-1999)', () => {
  const valid = (body17: string) => body17 + idNumberCheck(body17);

  it('computes the ISO 7064 MOD 11-2 check character, X for ten', () => {
    expect(idNumberCheck('11010519491231002')).toBe('X'); // the standard's own example
    expect(idNumberCheck('32062319680301001')).toBe('8');
  });
  it('takes an 18-character number with a province, a real birth date and its check character; x as X', () => {
    expect(idNumberProblem('11010519491231002X')).toBeUndefined();
    expect(idNumberProblem('11010519491231002x')).toBeUndefined();
    expect(idNumberProblem(valid('61010219000101123'))).toBeUndefined();
  });
  it('refuses a wrong check character', () => {
    expect(idNumberProblem('320623196803010011')?.zh).toMatch(/校验码/);
  });
  it('refuses the 15-digit form, asking for the 18-digit number', () => {
    expect(idNumberProblem('320623680301001')?.zh).toMatch(/15位.*18位/);
  });
  it('refuses an address code outside the provinces, and a birth date that does not exist or lies outside the record', () => {
    expect(idNumberProblem(valid('99062319680301001'))?.zh).toMatch(/地址码/);
    expect(idNumberProblem(valid('00062319680301001'))?.zh).toMatch(/地址码/);
    for (const b of ['19750230', '18991231', '21010101', '19751301'])
      expect(idNumberProblem(valid(`320623${b}002`))?.zh, b).toMatch(/出生日期/);
  });
  it('refuses other lengths and characters', () => {
    for (const s of ['12345', '3206231968030100188', 'A20623196803010018', '32062319680301001Y', ''])
      expect(idNumberProblem(s)?.zh, s).toMatch(/18位/);
  });
});
