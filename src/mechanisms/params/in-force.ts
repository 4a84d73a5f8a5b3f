// The local parameters the rulebooks read for a subject on an evaluation date: the settings of the subject's
// jurisdiction chain in force that day (store/local-params.ts), as ParamResolver overrides. Only the open parameters
// the packs still define are handed over, so a setting of a parameter a pack no longer has never breaks an
// evaluation, and an unset parameter is simply absent: the rule reports it as a gap (未配置), never a default.
import type { PackRegistry } from '../../policy/engine.js';
import type { FactIndex } from '../../policy/fact-index.js';
import type { AnyDb } from '../../store/connect.js';
import { KyselyStore } from '../../store/kysely-store.js';
import { paramOverrides, pickInForce, settingsLiveOn, type LocalParamRow } from '../../store/local-params.js';
import type { RecordStore } from '../../store/types.js';
import { openParams } from './catalogue.js';

export async function localParamsFor(
  db: AnyDb,
  registry: PackRegistry,
  unitId: string | null | undefined,
  asOf: string,
): Promise<Record<string, unknown>> {
  if (!unitId) return {};
  const set = await paramOverrides(db, unitId, asOf);
  const open = new Set(openParams(registry).map((p) => p.param.key));
  return Object.fromEntries(Object.entries(set).filter(([k]) => open.has(k)));
}

/** The same for a record store (a store not backed by the database keeps no local parameters). */
export async function localParamsOf(
  store: RecordStore,
  registry: PackRegistry,
  unitId: string | null | undefined,
  asOf: string,
): Promise<Record<string, unknown>> {
  return store instanceof KyselyStore ? localParamsFor(store.db, registry, unitId, asOf) : {};
}

/** Subjects evaluated under one set of local parameters ('all': every cadre and unit of the facts). */
export interface ParamGroup {
  params: Record<string, unknown>;
  subjects: ReadonlySet<string> | 'all';
}

/**
 * The local settings in force on a date across the whole record, read once and resolved per unit in memory, so an
 * evaluation over many subjects (the alert list, an eligibility check of a candidate list) gives each subject the
 * numbers of its own jurisdiction — as the explanation of one cadre does — without a query per subject.
 */
export class LocalParamsInForce {
  private readonly byUnit = new Map<string, Record<string, unknown>>();

  private constructor(
    private readonly rows: readonly LocalParamRow[],
    private readonly open: ReadonlySet<string>,
    private readonly asOf: string,
  ) {}

  static async load(store: RecordStore, registry: PackRegistry, asOf: string): Promise<LocalParamsInForce> {
    const rows = store instanceof KyselyStore ? await settingsLiveOn(store.db, asOf) : [];
    return new LocalParamsInForce(rows, new Set(openParams(registry).map((p) => p.param.key)), asOf);
  }

  /** The same from settings already read (settingsLiveOn on `asOf`): a worker thread gets them from the thread that read them. */
  static fromRows(rows: readonly LocalParamRow[], registry: PackRegistry, asOf: string): LocalParamsInForce {
    return new LocalParamsInForce(rows, new Set(openParams(registry).map((p) => p.param.key)), asOf);
  }

  /** The settings this was built from (to hand to a worker thread). */
  settings(): readonly LocalParamRow[] {
    return this.rows;
  }

  /** The parameters for a subject in `unitId`, its jurisdiction chain read from the facts. */
  of(idx: FactIndex, unitId: string): Record<string, unknown> {
    let got = this.byUnit.get(unitId);
    if (got) return got;
    const chain = idx.ancestry(unitId).map((u) => u.id);
    const picked = pickInForce(this.rows, chain, this.asOf);
    got = Object.fromEntries([...picked].filter(([k]) => this.open.has(k)).map(([k, r]) => [k, r.value]));
    this.byUnit.set(unitId, got);
    return got;
  }

  /**
   * `subjects` (every cadre and unit of the facts when absent) grouped by the parameters they are under: one group
   * with none when no setting is in force anywhere, which is one evaluation as before.
   */
  groups(idx: FactIndex, subjects?: Iterable<string>): ParamGroup[] {
    if (this.rows.length === 0) return [{ params: {}, subjects: subjects ? new Set(subjects) : 'all' }];
    const out = new Map<string, { params: Record<string, unknown>; subjects: Set<string> }>();
    const add = (subject: string, unitId: string | undefined) => {
      const params = unitId ? this.of(idx, unitId) : {};
      const key = JSON.stringify(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      let g = out.get(key);
      if (!g) out.set(key, (g = { params, subjects: new Set() }));
      g.subjects.add(subject);
    };
    const unitOf = (id: string) => idx.cadre(id)?.unit ?? (idx.unit(id) ? id : undefined);
    if (subjects) for (const s of subjects) add(s, unitOf(s));
    else {
      for (const c of idx.facts.cadres) add(c.id, c.unit);
      for (const u of idx.facts.units) add(u.id, u.id);
    }
    return [...out.values()];
  }
}
