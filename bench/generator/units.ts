// The unit tree: the real provinces, cities and counties of the four jurisdictions (the core), then as many
// departments and townships as the requested size needs (the filler), in pre-order so that a parent is always
// written before its children. Then the allocation: which posts are filled and how many staff each unit has, so
// that the cadre total is exactly the number asked for.
import type { UnitKind } from '../../src/domain/vocabulary.js';
import {
  CITY_DEPTS,
  COUNTY_DEPTS,
  JIAOZUO,
  MORE_PROVINCIAL_DEPTS,
  PLACE_SYLLABLES,
  PROVINCES,
  RUDONG_DEPTS,
} from './geography.js';
import type { GenUnit, Ids, JurisdictionPack, Slot } from './model.js';
import { rngFor, type Rng } from './prng.js';
import {
  cityDeptTeam,
  cityTeam,
  countyDeptTeam,
  countyTeam,
  devZoneTeam,
  internalDeptTeam,
  procuratorateTeam,
  provinceTeam,
  provincialDeptTeam,
} from './teams.js';

export const RUDONG_COUNTY = '如东县';
export const RUDONG_PROCURATORATE = '如东县人民检察院';

function countyKind(name: string): UnitKind {
  if (/(开发区|园区|示范区)$/.test(name)) return 'dev_zone';
  if (name.endsWith('区')) return 'district';
  return 'county';
}

/** The core tree's size, counted without building it (the filler is what the target leaves over). */
export function coreUnitCount(): number {
  let n = 0;
  for (const p of PROVINCES) {
    n += 1 + p.depts.length;
    for (const counties of Object.values(p.cities)) n += 1 + counties.length;
  }
  n += 1 + RUDONG_DEPTS.length; // 如东县人民检察院 and its 内设机构
  n += 1 + JIAOZUO.counties.length + 25; // 焦作市, its counties and 25 市级机关单位
  return n;
}

interface Filler {
  perCounty: Map<string, number>;
  perCity: Map<string, number>;
  perProvince: Map<string, number>;
}

/** Spreads the filler: most of it as county departments and townships, some as city and provincial departments. */
function planFiller(extra: number, countyKeys: string[], cityKeys: string[], provinceKeys: string[]): Filler {
  const f: Filler = { perCounty: new Map(), perCity: new Map(), perProvince: new Map() };
  let left = extra;
  const provCap = MORE_PROVINCIAL_DEPTS.length;
  const toProv = Math.min(Math.floor(extra * 0.01), provCap * provinceKeys.length);
  spread(f.perProvince, provinceKeys, toProv, provCap);
  left -= toProv;
  const cityCap = CITY_DEPTS.length;
  const toCity = Math.min(Math.floor(extra * 0.09), cityCap * cityKeys.length);
  spread(f.perCity, cityKeys, toCity, cityCap);
  left -= toCity;
  spread(f.perCounty, countyKeys, left, Infinity);
  return f;
}

function spread(into: Map<string, number>, keys: string[], total: number, cap: number): void {
  if (keys.length === 0) return;
  const each = Math.min(cap, Math.floor(total / keys.length));
  let rest = total - each * keys.length;
  for (const k of keys) {
    const add = rest > 0 && each < cap ? 1 : 0;
    rest -= add;
    into.set(k, each + add);
  }
}

function townshipName(rng: Rng, county: string, taken: Set<string>): string {
  for (;;) {
    const suffix = rng.chance(0.7) ? '镇' : rng.chance(0.5) ? '乡' : '街道';
    const name = county + rng.pick(PLACE_SYLLABLES) + rng.pick(PLACE_SYLLABLES) + suffix;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

export interface TreeOptions {
  seed: number;
  /** total units wanted; below the core size the core alone is built */
  units: number;
}

export function buildUnits(opts: TreeOptions, ids: Ids): GenUnit[] {
  const out: GenUnit[] = [];
  const extra = Math.max(0, opts.units - coreUnitCount());
  const countyKeys: string[] = [];
  const cityKeys: string[] = [];
  for (const p of PROVINCES)
    for (const [city, counties] of Object.entries(p.cities)) {
      cityKeys.push(p.name + city);
      for (const c of counties) if (countyKind(c) !== 'dev_zone') countyKeys.push(p.name + c);
    }
  for (const c of JIAOZUO.counties) if (countyKind(c) !== 'dev_zone') countyKeys.push(JIAOZUO.name + c);
  const filler = planFiller(
    extra,
    countyKeys,
    cityKeys,
    PROVINCES.map((p) => p.name),
  );

  const add = (
    name: string,
    kind: UnitKind,
    parent: GenUnit | null,
    slots: Slot[],
    extraFields: { boundPack?: JurisdictionPack; idPrefix?: string; managedBy?: 'self' | 'parent' | string } = {},
  ): GenUnit => {
    const id = ids.take('u');
    const rng = rngFor(opts.seed, 'unit', id);
    const boundPack = extraFields.boundPack ?? null;
    const u: GenUnit = {
      id,
      name,
      kind,
      parentId: parent?.id ?? null,
      boundPack,
      pack: boundPack ?? (parent as GenUnit).pack,
      idPrefix: extraFields.idPrefix ?? (parent as GenUnit).idPrefix,
      leadersManagedBy:
        extraFields.managedBy === 'self' || !parent
          ? id
          : extraFields.managedBy && extraFields.managedBy !== 'parent'
            ? extraFields.managedBy
            : parent.id,
      slots,
      staff: 0,
      strength: rng.normal(),
      trend: rng.normal() * 0.15,
    };
    out.push(u);
    return u;
  };

  const addCountyFiller = (county: GenUnit, key: string, prefix: string): void => {
    const n = filler.perCounty.get(key) ?? 0;
    const rng = rngFor(opts.seed, 'townships', key);
    const taken = new Set<string>();
    for (let i = 0; i < n; i++) {
      const dept = COUNTY_DEPTS[i];
      const name = dept ? prefix + dept : townshipName(rng, county.name, taken);
      add(name, 'county_dept', county, countyDeptTeam(name));
    }
  };

  for (const p of PROVINCES) {
    const prov = add(p.name, 'province', null, provinceTeam(), { boundPack: p.pack, idPrefix: p.idPrefix });
    for (const [cityName, counties] of Object.entries(p.cities)) {
      const city = add(cityName, 'city', prov, cityTeam());
      for (const cn of counties) {
        const kind = countyKind(cn);
        const county = add(cn, kind, city, kind === 'dev_zone' ? devZoneTeam() : countyTeam(cn));
        if (cn === RUDONG_COUNTY && p.pack === 'jiangsu') {
          // The procuratorate's leaders are managed by the county (and the upper procuratorate); its 中层干部 and
          // 干警 by the procuratorate itself, under its own rulebook.
          const proc = add(RUDONG_PROCURATORATE, 'procuratorate', county, procuratorateTeam(), { boundPack: 'rudong' });
          RUDONG_DEPTS.forEach((d, i) =>
            add(RUDONG_PROCURATORATE + d, 'internal_dept', proc, internalDeptTeam(d, i), { managedBy: proc.id }),
          );
        }
        addCountyFiller(county, p.name + cn, cn);
      }
      const nCity = filler.perCity.get(p.name + cityName) ?? 0;
      for (let i = 0; i < nCity; i++) {
        const name = cityName + (CITY_DEPTS[i] as string).slice(1);
        add(name, 'city_dept', city, cityDeptTeam(name));
      }
    }
    const depts = [...p.depts, ...MORE_PROVINCIAL_DEPTS.slice(0, filler.perProvince.get(p.name) ?? 0)];
    for (const d of depts) {
      const name = p.name + d.slice(1);
      add(name, 'provincial_dept', prov, provincialDeptTeam(name));
    }
  }

  const jz = add(JIAOZUO.name, 'city', null, cityTeam(), { boundPack: 'jiaozuo', idPrefix: JIAOZUO.idPrefix });
  for (const cn of JIAOZUO.counties) {
    const kind = countyKind(cn);
    const county = add(cn, kind, jz, kind === 'dev_zone' ? devZoneTeam() : countyTeam(cn));
    addCountyFiller(county, JIAOZUO.name + cn, cn);
  }
  for (const d of CITY_DEPTS.slice(0, 25)) {
    const name = JIAOZUO.name + d.slice(1);
    add(name, 'city_dept', jz, cityDeptTeam(name));
  }
  return out;
}

/** Staff weight per unit kind: where the general staff of a large record sit. */
const STAFF_WEIGHT: Record<UnitKind, number> = {
  province: 2,
  city: 1,
  county: 1,
  district: 1,
  dev_zone: 2,
  provincial_dept: 8,
  city_dept: 5,
  county_dept: 3,
  procuratorate: 0,
  internal_dept: 0,
};

const ROLE_ORDER = ['principal', 'deputy', 'member', 'midlevel', 'staff'] as const;

/**
 * Fills posts and apportions staff so that exactly `cadres` people are generated. When there are fewer people than
 * posts, the procuratorate keeps its people and the other posts are filled by role (principals first), so even a
 * tiny record has its leaders and every jurisdiction.
 */
export function allocate(units: GenUnit[], cadres: number): void {
  const totalSlots = units.reduce((s, u) => s + u.slots.length, 0);
  if (cadres < totalSlots) {
    let budget = cadres;
    const keep = new Map<GenUnit, Slot[]>(units.map((u) => [u, []]));
    // the procuratorate is one small unit with its own rulebook: it keeps its whole establishment
    for (const u of units)
      if (u.pack === 'rudong')
        for (const s of u.slots)
          if (budget > 0) {
            keep.get(u)!.push(s);
            budget--;
          }
    for (const role of ROLE_ORDER)
      for (const u of units)
        for (const s of u.slots)
          if (u.pack !== 'rudong' && s.role === role && budget > 0) {
            keep.get(u)!.push(s);
            budget--;
          }
    for (const u of units) {
      const kept = new Set(keep.get(u));
      u.slots = u.slots.filter((s) => kept.has(s));
      u.staff = 0;
    }
    return;
  }
  const rest = cadres - totalSlots;
  const weights = units.map((u) => STAFF_WEIGHT[u.kind]);
  const total = weights.reduce((a, b) => a + b, 0);
  let given = 0;
  const remainders: { i: number; r: number }[] = [];
  units.forEach((u, i) => {
    const exact = (rest * (weights[i] as number)) / total;
    u.staff = Math.floor(exact);
    given += u.staff;
    remainders.push({ i, r: exact - u.staff });
  });
  // largest remainder, ties by tree order: deterministic and exact
  remainders.sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; k < rest - given; k++) (units[(remainders[k] as { i: number }).i] as GenUnit).staff++;
}
