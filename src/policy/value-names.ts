// Value names like `bonusFactor:2021` are set for every cadre and year of a whole-record scan. A freshly built
// string used as a property key costs V8 a lookup in its string table every time; handing out one string per
// (prefix, year) keeps that off the hot path.
const cache = new Map<string, Map<number, string>>();

/** `${prefix}:${year}`, the same string instance every time. */
export function yearValueName(prefix: string, year: number): string {
  let byYear = cache.get(prefix);
  if (!byYear) cache.set(prefix, (byYear = new Map()));
  let name = byYear.get(year);
  if (name === undefined) byYear.set(year, (name = `${prefix}:${year}`));
  return name;
}
