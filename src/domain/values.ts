// What a value in the record may be, whichever way it comes in (the API, the spreadsheet import): text without
// characters that hide or disguise what it says, dates and years inside the span the record covers, counts and
// scores inside what they measure, and 身份证号 that are real GB 11643-1999 citizen identity numbers. Pure, so the
// server and the import apply the very same rules; each problem is told in Chinese with the English beside it.
import { parseDate } from './dates.js';

export interface ValueProblem {
  zh: string;
  en: string;
}

/**
 * The span of dates the record holds: serving and retired cadres were born after 1900, and nothing the record keeps
 * (posts, assessments, sanctions, cases) lies past 2100. A date outside it is a typing error (0001-01-01, 9999-12-31),
 * never a fact, and would upset the date arithmetic of the rules (periods, windows).
 */
export const DATE_RANGE = { min: '1900-01-01', max: '2100-12-31' } as const;

export interface Range {
  min: number;
  max: number;
}

/** Assessment years: the same span as the dates. */
export const YEAR_RANGE: Range = { min: 1900, max: 2100 };
/**
 * Votes of one democratic assessment (民主测评): a count of people who took part, never negative; no unit has a
 * hundred thousand voters.
 */
export const VOTES_RANGE: Range = { min: 0, max: 100_000 };
/**
 * A unit's assessment score: a points total (百分制 or 千分制, with bonus points on top); deductions stop at zero, and
 * no scheme in the rulebooks comes near ten thousand.
 */
export const SCORE_RANGE: Range = { min: 0, max: 10_000 };
/** A place in a ranking of units: the first is 1; no ranking has ten thousand units. */
export const RANK_RANGE: Range = { min: 1, max: 10_000 };

/** The range of each numeric field of the record, by field name (the same name means the same thing in every kind). */
export const NUMBER_RANGES: Readonly<Record<string, Range>> = {
  year: YEAR_RANGE,
  votesExcellent: VOTES_RANGE,
  votesCompetent: VOTES_RANGE,
  votesBasic: VOTES_RANGE,
  votesIncompetent: VOTES_RANGE,
  score: SCORE_RANGE,
  rank: RANK_RANGE,
};

// Text -------------------------------------------------------------------------------------------------------------

/** Control characters (C0, DEL, C1) other than tab and line breaks, NUL first among them: no person types them. */
const CONTROL = /(?![\t\n\r])\p{Cc}/u;
/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make text display in an
 * order other than the one it is stored in, so a name or a reason could read differently from what is recorded.
 */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
/** Half of a UTF-16 surrogate pair without its other half: not a character at all (the databases reject or mangle it). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a piece of text, if anything. */
export function textProblem(s: string): ValueProblem | undefined {
  if (CONTROL.test(s)) return { zh: '不能包含控制字符（如空字符）', en: 'contains a control character (such as NUL)' };
  if (LONE_SURROGATE.test(s)) return { zh: '包含无效的字符编码', en: 'contains a lone surrogate (invalid character)' };
  if (BIDI.test(s))
    return { zh: '不能包含改变文字显示方向的控制字符', en: 'contains a bidirectional override character' };
  return undefined;
}

/** An id (a record's own or a reference to one): text without blanks or control characters. */
export function idProblem(s: string): ValueProblem | undefined {
  if (/[\s\p{Cc}]/u.test(s))
    return { zh: '编号不能包含空格或控制字符', en: 'id contains whitespace or a control character' };
  return textProblem(s);
}

// Dates, years, numbers ------------------------------------------------------------------------------------------

export function dateProblem(s: string): ValueProblem | undefined {
  if (!parseDate(s)) return { zh: '不是有效日期（格式 YYYY-MM-DD）', en: 'is not a valid date (YYYY-MM-DD)' };
  if (s < DATE_RANGE.min || s > DATE_RANGE.max)
    return {
      zh: `日期超出合理范围（${DATE_RANGE.min} 至 ${DATE_RANGE.max}）`,
      en: `date out of range (${DATE_RANGE.min} to ${DATE_RANGE.max})`,
    };
  return undefined;
}

export function numberProblem(n: number, range: Range, integer: boolean): ValueProblem | undefined {
  if (!Number.isFinite(n) || (integer && !Number.isSafeInteger(n)))
    return integer ? { zh: '应为整数', en: 'integer expected' } : { zh: '应为数字', en: 'number expected' };
  if (n < range.min || n > range.max)
    return {
      zh: range.min === 0 && n < 0 ? '不能为负数' : `超出合理范围（${range.min} 至 ${range.max}）`,
      en: range.min === 0 && n < 0 ? 'must not be negative' : `out of range (${range.min} to ${range.max})`,
    };
  return undefined;
}

/** A 平时考核 quarter such as 2019Q2, its year inside the record's span. */
export function quarterProblem(s: string): ValueProblem | undefined {
  const m = /^(\d{4})Q[1-4]$/.exec(s);
  if (!m) return { zh: '季度格式应为 2019Q2', en: 'quarter like 2019Q2 expected' };
  return numberProblem(Number(m[1]), YEAR_RANGE, true);
}

// 身份证号 (GB 11643-1999) -----------------------------------------------------------------------------------------

/**
 * The first two digits of the address code (GB/T 2260): the provinces, autonomous regions and municipalities, and
 * 71/81/82/83 (台湾, 香港, 澳门, and the residence permits numbered alike).
 */
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45',
  '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
]); // prettier-ignore

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check character (ISO 7064 MOD 11-2) of the first 17 digits of a 身份证号. */
export function idNumberCheck(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/**
 * What is wrong with a 身份证号, if anything: 18 characters (17 digits and a digit or X; a lower-case x is read as X),
 * a known province in the address code, a real birth date inside the record's span, and the right check character.
 *
 * The old 15-digit form is refused with a request for the 18-digit number: first-generation cards stopped being
 * valid on 2013-01-01 (the 2011 decision amending 居民身份证法), so every cadre holds an 18-digit number; and the 15-digit
 * form has no check character, so converting it would put a valid-looking check on a number nobody could verify.
 */
export function idNumberProblem(raw: string): ValueProblem | undefined {
  const s = raw.toUpperCase();
  if (/^\d{15}$/.test(s))
    return {
      zh: '15位旧身份证号已停止使用，请填写18位身份证号',
      en: 'the 15-digit form is no longer in use: enter the 18-digit number',
    };
  if (!/^\d{17}[\dX]$/.test(s))
    return { zh: '身份证号应为18位（前17位为数字，末位为数字或X）', en: 'an ID number has 18 characters' };
  if (!PROVINCE_CODES.has(s.slice(0, 2)))
    return { zh: '身份证号的地址码不正确', en: 'the address code of the ID number is not a province' };
  const birth = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (dateProblem(birth)) return { zh: '身份证号中的出生日期不存在', en: 'invalid birth date in the ID number' };
  if (idNumberCheck(s.slice(0, 17)) !== s[17])
    return { zh: '身份证号校验码不正确', en: 'the check character of the ID number is wrong' };
  return undefined;
}
