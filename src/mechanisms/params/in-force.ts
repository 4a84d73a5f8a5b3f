// The local parameters the rulebooks read for a subject on an evaluation date: the settings of the subject's
// jurisdiction chain in force that day (store/local-params.ts), as ParamResolver overrides. Only the open parameters
// the packs still define are handed over, so a setting of a parameter a pack no longer has never breaks an
// evaluation, and an unset parameter is simply absent: the rule reports it as a gap (未配置), never a default.
import type { PackRegistry } from '../../policy/engine.js';
import type { AnyDb } from '../../store/connect.js';
import { KyselyStore } from '../../store/kysely-store.js';
import { paramOverrides } from '../../store/local-params.js';
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
