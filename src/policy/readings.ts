// Readings of wordings that recur across the rulebooks, written once so that the same words read the same way in every
// pack (docs/READINGS.md explains each to officials, with its reason). Jurisdiction-free: a pack passes its own
// parameters in.
import { addMonths, periodEnd, yearOf } from '../domain/dates.js';
import type { IncidentFact, UnitFact } from '../domain/facts.js';
import type { FactIndex } from './fact-index.js';

const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/**
 * 本地区 / 本地区本单位 / 辖区 / 管辖范围内: the unit and every unit below it (a county's accident happens in the 设区市's
 * territory too). The unit itself comes first; cycles in bad data are cut.
 */
export function territory(facts: FactIndex, unit: UnitFact | string): UnitFact[] {
  const root = typeof unit === 'string' ? facts.unit(unit) : unit;
  if (!root) return [];
  const out: UnitFact[] = [root];
  const seen = new Set([root.id]);
  for (let i = 0; i < out.length; i++)
    for (const ch of facts.childUnits(out[i]!.id))
      if (!seen.has(ch.id)) {
        seen.add(ch.id);
        out.push(ch);
      }
  return out;
}

/** Incidents recorded anywhere in a unit's territory, on or before the evaluation date, oldest first. */
export function incidentsInTerritory(
  facts: FactIndex,
  unit: UnitFact | string,
  asOf: string,
  keep: (i: IncidentFact) => boolean = () => true,
): IncidentFact[] {
  const out: IncidentFact[] = [];
  for (const u of territory(facts, unit))
    for (const i of facts.incidents(u.id)) if (i.date <= asOf && keep(i)) out.push(i);
  return out.sort(byDate);
}

export type IncidentWindow = 'rolling12m' | 'calendarYear';

/** How a pack counts 一年内 and how far back an alert scan looks (its `<pack>.adjustment.*` parameters). */
export interface WindowReading {
  asOf: string;
  /** rolling12m: any period of one year; calendarYear: one calendar year (each pack's parameter, 读法说明 一、3). */
  mode: IncidentWindow;
  /** the window must end on or after asOf minus this many months (each pack's parameter, 读法说明 一、4) */
  lookbackMonths: number;
}

export const lookbackStartOf = (r: WindowReading): string => addMonths(r.asOf, -r.lookbackMonths);

export interface WindowHit<T extends { date: string }> {
  /** the events inside the window, oldest first */
  events: T[];
  /** the last day of the window (a calendar year's 31 December; a rolling year's end, see periodEnd) */
  end: string;
  /** the year the finding is reported under: the year of the last event in the window */
  year: number;
  calendar: boolean;
}

/**
 * 一年内发生N起以上: `min` or more events within one window, where a window is one calendar year (mode calendarYear) or
 * the one-year period opened by its first event (民法典 第二百零一条: the starting day is not counted, so an event on
 * the anniversary is still inside), and the window ends (its last day) within the look-back: on or after asOf minus
 * lookbackMonths. Only events on or before asOf count. The window is judged by where it ends, not by where its last
 * event falls, so two incidents early in a calendar year whose window ends inside the look-back still count.
 * Returns the most recent qualifying window with the most events.
 */
export function withinOneYear<T extends { date: string }>(
  events: readonly T[],
  min: number,
  r: WindowReading,
): WindowHit<T> | undefined {
  const start = lookbackStartOf(r);
  const calendar = r.mode === 'calendarYear';
  const sorted = events.filter((e) => e.date <= r.asOf).sort(byDate);
  let best: WindowHit<T> | undefined;
  for (let i = 0; i < sorted.length; i++) {
    const first = sorted[i]!;
    if (calendar && i > 0 && yearOf(sorted[i - 1]!.date) === yearOf(first.date)) continue;
    const end = calendar ? `${yearOf(first.date)}-12-31` : periodEnd(first.date, 12);
    if (end < start) continue;
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]!.date <= end) j++;
    const n = j - i + 1;
    if (n < min) continue;
    const hit = { events: sorted.slice(i, j + 1), end, year: yearOf(sorted[j]!.date), calendar };
    if (!best || n >= best.events.length) best = hit;
  }
  return best;
}

/**
 * 连续两年发生: events in two consecutive calendar years, the later year ending within the look-back (31 December of
 * the later year on or after asOf minus lookbackMonths), the same test as a calendar-year window above. Returns the
 * most recent pair of years.
 */
export function twoConsecutiveYears<T extends { date: string }>(
  events: readonly T[],
  r: WindowReading,
): { years: [number, number]; events: T[] } | undefined {
  const start = lookbackStartOf(r);
  const kept = events.filter((e) => e.date <= r.asOf);
  const years = new Set(kept.map((e) => yearOf(e.date)));
  for (let y = yearOf(r.asOf); `${y}-12-31` >= start; y--)
    if (years.has(y) && years.has(y - 1))
      return { years: [y - 1, y], events: kept.filter((e) => [y - 1, y].includes(yearOf(e.date))).sort(byDate) };
  return undefined;
}

/**
 * DESIGN §3, and docs/READINGS.md: assessment-based rules judge the run of years ending at the latest assessment year
 * on record before the evaluation date's year.
 */
export function latestYearBefore(years: Iterable<number>, asOf: string | number): number | undefined {
  const limit = typeof asOf === 'number' ? asOf : yearOf(asOf);
  let best: number | undefined;
  for (const y of years) if (y < limit && (best === undefined || y > best)) best = y;
  return best;
}
