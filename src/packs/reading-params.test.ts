// One reading, one parameter: every pack that reads “一年内”, the look-back or quota rounding declares the same type,
// value and citation, and no parameter value of any pack carries a made-up sentinel date.
import { describe, expect, it } from 'vitest';
import { packRegistry } from './index.js';

const registry = packRegistry();
const all = [...registry.packs.values()].flatMap((p) => p.params.map((d) => ({ pack: p.id, def: d })));

describe('reading parameters', () => {
  for (const name of ['incidentWindow', 'lookbackMonths', 'quotaRounding']) {
    it(`${name} is declared the same way in every pack that reads it`, () => {
      const defs = all.filter((x) => x.def.key.endsWith(`.${name}`));
      expect(defs.length, name).toBeGreaterThanOrEqual(name === 'quotaRounding' ? 4 : 3);
      const shape = (d: (typeof defs)[number]['def']) => JSON.stringify([d.type, d.description, d.values]);
      for (const d of defs) expect(shape(d.def), d.def.key).toBe(shape(defs[0]!.def));
    });
  }

  it('every parameter declares a type, and no value is dated before its pack’s texts exist', () => {
    for (const { pack, def } of all) {
      expect(def.type, def.key).toBeTruthy();
      const from = registry.packs.get(pack)!.from;
      for (const v of def.values) if (v.from !== undefined) expect(v.from >= (from ?? v.from), def.key).toBe(true);
      for (const v of def.values) expect(v.from ?? '', def.key).not.toMatch(/^(1900|2000)-01-01$/);
    }
  });
});
