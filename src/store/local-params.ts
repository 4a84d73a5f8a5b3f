// Local parameters (具体办法, migration 0022): the settings an organisation department makes for its jurisdiction, each
// in force from a date and citing its local document. Settings are appended, never edited: a later one supersedes by
// date, a mistaken one is revoked and kept. Writes take the transaction they belong to (`db` of `store.transaction`).
import type { AnyDb } from './connect.js';

export interface LocalDocument {
  title: string;
  number: string;
  date: string;
}

export interface LocalParamRow {
  id: string;
  version: number;
  unitId: string;
  key: string;
  value: unknown;
  inForceFrom: string;
  document: LocalDocument;
  setBy: string | null;
  setAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  revokeReason: string | null;
}

interface Row {
  id: string;
  version: number | string;
  unit_id: string;
  param_key: string;
  value: string;
  in_force_from: string;
  doc_title: string;
  doc_number: string;
  doc_date: string;
  set_by: string | null;
  set_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

const fromRow = (r: Row): LocalParamRow => ({
  id: r.id,
  version: Number(r.version),
  unitId: r.unit_id,
  key: r.param_key,
  value: JSON.parse(r.value) as unknown,
  inForceFrom: r.in_force_from,
  document: { title: r.doc_title, number: r.doc_number, date: r.doc_date },
  setBy: r.set_by,
  setAt: r.set_at,
  revokedAt: r.revoked_at,
  revokedBy: r.revoked_by,
  revokeReason: r.revoke_reason,
});

export class StaleLocalParamError extends Error {
  constructor(readonly id: string) {
    super(`该设定已被他人更改，请刷新后重试 (conflict: setting ${id} was changed by someone else)`);
  }
}

export async function insertLocalParam(
  db: AnyDb,
  p: Omit<LocalParamRow, 'version' | 'revokedAt' | 'revokedBy' | 'revokeReason'>,
): Promise<LocalParamRow> {
  await db
    .insertInto('local_params')
    .values({
      id: p.id,
      version: 1,
      unit_id: p.unitId,
      param_key: p.key,
      value: JSON.stringify(p.value),
      in_force_from: p.inForceFrom,
      doc_title: p.document.title,
      doc_number: p.document.number,
      doc_date: p.document.date,
      set_by: p.setBy,
      set_at: p.setAt,
    })
    .execute();
  return { ...p, version: 1, revokedAt: null, revokedBy: null, revokeReason: null };
}

export async function getLocalParam(db: AnyDb, id: string): Promise<LocalParamRow | undefined> {
  const r = (await db.selectFrom('local_params').selectAll().where('id', '=', id).executeTakeFirst()) as
    Row | undefined;
  return r ? fromRow(r) : undefined;
}

/** Every setting made for these units (revoked ones included: they are history), oldest first. */
export async function settingsOf(db: AnyDb, unitIds: readonly string[]): Promise<LocalParamRow[]> {
  if (unitIds.length === 0) return [];
  const rows = (await db
    .selectFrom('local_params')
    .selectAll()
    .where('unit_id', 'in', [...unitIds])
    .orderBy('in_force_from')
    .orderBy('set_at')
    .execute()) as Row[];
  return rows.map(fromRow);
}

/** Whether a live setting of `key` for `unitId` already takes effect on `from`. */
export async function liveSettingOn(
  db: AnyDb,
  unitId: string,
  key: string,
  from: string,
): Promise<LocalParamRow | undefined> {
  const r = (await db
    .selectFrom('local_params')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('param_key', '=', key)
    .where('in_force_from', '=', from)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()) as Row | undefined;
  return r ? fromRow(r) : undefined;
}

export async function revokeLocalParam(
  db: AnyDb,
  id: string,
  version: number,
  by: string | null,
  at: string,
  reason: string,
): Promise<LocalParamRow> {
  const res = await db
    .updateTable('local_params')
    .set({ revoked_at: at, revoked_by: by, revoke_reason: reason, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new StaleLocalParamError(id);
  return (await getLocalParam(db, id))!;
}

/** The unit and its ancestors, nearest first (the unit itself at depth 0). */
export async function jurisdictionChain(db: AnyDb, unitId: string): Promise<string[]> {
  const rows = (await db
    .selectFrom('unit_ancestors as a')
    .select([
      'a.ancestor_id as id',
      (eb) =>
        eb
          .selectFrom('unit_ancestors as d')
          .select((e) => e.fn.countAll().as('n'))
          .whereRef('d.unit_id', '=', 'a.ancestor_id')
          .as('depth'),
    ])
    .where('a.unit_id', '=', unitId)
    .execute()) as { id: string; depth: number | string }[];
  return rows.sort((x, y) => Number(y.depth) - Number(x.depth)).map((r) => r.id);
}

/**
 * The settings in force on `asOf` for a subject in `unitId`: per parameter, the nearest jurisdiction's (a county's
 * 具体办法 over its province's), and within it the one in force latest. Revoked settings are not read.
 */
export async function settingsInForce(db: AnyDb, unitId: string, asOf: string): Promise<Map<string, LocalParamRow>> {
  const chain = await jurisdictionChain(db, unitId);
  return pickInForce(await settingsOf(db, chain), chain, asOf);
}

/**
 * Of `rows` (settings of the units of `chain`, nearest first), the one in force on `asOf` per parameter: the nearest
 * jurisdiction's, and within it the one in force latest (then the one set latest). Revoked settings are not read.
 */
export function pickInForce(
  rows: readonly LocalParamRow[],
  chain: readonly string[],
  asOf: string,
): Map<string, LocalParamRow> {
  const depth = new Map(chain.map((id, i) => [id, i]));
  const best = new Map<string, LocalParamRow>();
  for (const r of rows) {
    if (r.revokedAt !== null || r.inForceFrom > asOf || !depth.has(r.unitId)) continue;
    const cur = best.get(r.key);
    const nearer = cur === undefined || depth.get(r.unitId)! < depth.get(cur.unitId)!;
    const sameLater =
      cur !== undefined &&
      depth.get(r.unitId) === depth.get(cur.unitId) &&
      (r.inForceFrom > cur.inForceFrom || (r.inForceFrom === cur.inForceFrom && r.setAt > cur.setAt));
    if (nearer || sameLater) best.set(r.key, r);
  }
  return best;
}

/** Every live setting in force on `asOf`, whatever its unit (a scan over the whole record reads them once). */
export async function settingsLiveOn(db: AnyDb, asOf: string): Promise<LocalParamRow[]> {
  const rows = (await db
    .selectFrom('local_params')
    .selectAll()
    .where('revoked_at', 'is', null)
    .where('in_force_from', '<=', asOf)
    .execute()) as Row[];
  return rows.map(fromRow);
}

/** The same as overrides for the rulebooks (key → value). */
export async function paramOverrides(db: AnyDb, unitId: string, asOf: string): Promise<Record<string, unknown>> {
  return Object.fromEntries([...(await settingsInForce(db, unitId, asOf))].map(([k, r]) => [k, r.value]));
}
