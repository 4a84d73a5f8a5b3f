// Calendar arithmetic on ISO dates ('YYYY-MM-DD' strings), pure and exact. Strings compare correctly with < and >,
// so no Date objects (and no time zones) are involved anywhere in rule evaluation.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** Parses a strict ISO date; returns undefined for anything that is not a real calendar day (2019-02-29, 2019-13-01). */
export function parseDate(s: string): Ymd | undefined {
  const m = ISO.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return { y, m: mo, d };
}

export function isDate(s: unknown): s is string {
  return typeof s === 'string' && parseDate(s) !== undefined;
}

function mustParse(s: string): Ymd {
  const p = parseDate(s);
  if (!p) throw new RangeError(`不是有效日期 invalid date: ${s}`);
  return p;
}

export function formatDate({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Adds whole months, keeping the day of month and clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = mustParse(date);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return formatDate({ y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) });
}

/** Adds whole years: same month and day; 29 Feb in a year without one becomes 28 Feb. */
export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

export function addDays(date: string, days: number): string {
  const { y, m, d } = mustParse(date);
  const t = Date.UTC(y, m - 1, d) + days * 86_400_000;
  const dt = new Date(t);
  return formatDate({ y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() });
}

export function yearOf(date: string): number {
  // Fast path for the well-formed dates facts carry (validated on entry); anything else is parsed strictly.
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y = +date.slice(0, 4);
    if (y >= 1000) return y;
  }
  return mustParse(date).y;
}

/** The later of several dates (undefined entries ignored); undefined when none is given. */
export function laterOf(...dates: (string | undefined | null)[]): string | undefined {
  let best: string | undefined;
  for (const d of dates) if (d && (best === undefined || d > best)) best = d;
  return best;
}

export function earlierOf(...dates: (string | undefined | null)[]): string | undefined {
  let best: string | undefined;
  for (const d of dates) if (d && (best === undefined || d < best)) best = d;
  return best;
}

/**
 * Whether each of the n years ending at `endYear` is present (连续N年: consecutive assessment years, no gap).
 */
export function hasConsecutiveYears(years: Iterable<number>, endYear: number, n: number): boolean {
  const set = years instanceof Set ? (years as Set<number>) : new Set(years);
  for (let y = endYear - n + 1; y <= endYear; y++) if (!set.has(y)) return false;
  return true;
}

/** Length of the run of consecutive years that ends at `endYear` (0 when endYear itself is absent). */
export function runLengthEndingAt(years: Iterable<number>, endYear: number): number {
  const set = years instanceof Set ? (years as Set<number>) : new Set(years);
  let n = 0;
  while (set.has(endYear - n)) n++;
  return n;
}

/**
 * The last day of a period of `months` that starts with an event on `date`. Following 民法典 第二百零一条/第二百零三条
 * (the starting day is not counted; a period in months ends on the corresponding day of the last month), an
 * event on 2019-01-15 opens a one-year period that ends on 2020-01-15, inclusive.
 */
export function periodEnd(date: string, months: number): string {
  return addMonths(date, months);
}

export interface WindowHit {
  count: number;
  /** first and last dates inside the densest window */
  from: string;
  to: string;
}

/**
 * The largest number of dates falling in one window of `months` (a rolling window: from any date d to the end of the
 * period that d opens, inclusive, see periodEnd). `dates` need not be sorted. Returns undefined for no dates.
 */
export function densestWindow(dates: readonly string[], months: number): WindowHit | undefined {
  if (dates.length === 0) return undefined;
  const sorted = [...dates].sort();
  let best: WindowHit | undefined;
  let j = 0;
  for (let i = 0; i < sorted.length; i++) {
    const end = periodEnd(sorted[i]!, months);
    if (j < i) j = i;
    while (j + 1 < sorted.length && sorted[j + 1]! <= end) j++;
    const count = j - i + 1;
    if (!best || count > best.count) best = { count, from: sorted[i]!, to: sorted[j]! };
  }
  return best;
}

/** Quarter periods like 2019Q2 (平时考核). */
export function parseQuarter(p: string): { year: number; quarter: number } | undefined {
  const m = /^(\d{4})Q([1-4])$/.exec(p);
  return m ? { year: Number(m[1]), quarter: Number(m[2]) } : undefined;
}

/** A person-facing date: 2019年3月1日 (DESIGN §8). */
export function chineseDate(date: string): string {
  const { y, m, d } = mustParse(date);
  return `${y}年${m}月${d}日`;
}

/**
 * The calendar date in China at an instant: the day officials write on their documents and the day the texts count
 * from. Every jurisdiction of the system is in China (UTC+8 all year, no daylight saving), so "today" is Beijing's
 * date whatever the server's clock zone — from 00:00 to 08:00 in China the UTC date is still the day before.
 */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
