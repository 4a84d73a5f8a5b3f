// Influence periods → the dates DESIGN §4 names for every cadre: promotionAllowedFrom (the first date on which no
// period blocks promotion; the later end governs) and aboveOriginalLevelAllowedFrom (the same over every period). A
// cadre with only above-level periods may be promoted from the evaluation date. Every cadre also gets
// priorityPromotion, false unless a rule gave it, in this one pass over the cadres.
import type { CadreFact } from '../../domain/facts.js';
import type { InfluenceInput, Value } from '../types.js';

export function foldInfluence(
  cadres: readonly CadreFact[],
  periods: ReadonlyMap<string, readonly InfluenceInput[]>,
  values: Record<string, Record<string, Value>>,
  asOf: string,
): void {
  for (const c of cadres) {
    const list = periods.get(c.id);
    let promotion: string | null = null;
    let above: string | null = null;
    if (list)
      for (const p of list) {
        if (p.blocks === 'promotion' && (promotion === null || p.until > promotion)) promotion = p.until;
        if (above === null || p.until > above) above = p.until;
      }
    const row = (values[c.id] ??= {});
    if (row.priorityPromotion === undefined) row.priorityPromotion = false;
    row.promotionAllowedFrom = promotion ?? (above !== null ? asOf : null);
    row.aboveOriginalLevelAllowedFrom = above;
  }
}
