// The data-access layer that enforces 干部管理权限 (PLATFORM.md "Roles"): every list, read, write, export and
// search of the record goes through a function here (the roster: roster.ts, on the same conditions) that takes the
// user and builds a query limited to the user's scope. A user bound to unit U reaches units in U's subtree and cadres whose managing unit is in it;
// the cadre role reaches only their own record; the three administrators reach none of it. Case files (tolerance
// requests) are narrower still: only the roles taking part in the case reach them (case-files.ts). Routes never query
// record tables themselves, so a route cannot forget the scope.
import { randomUUID } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import type { NewRecord, RecordKind, RecordKinds } from '../domain/entities.js';
import { RECORD_REFERENCES, referencedKind, type Reference } from '../domain/references.js';
import { subtreeUnits } from '../store/derived.js';
import { compiledOnce, slot } from '../store/query-template.js';
import { decodeFields, type FieldCodec } from '../store/field-codec.js';
import { KyselyStore } from '../store/kysely-store.js';
import { TABLES, rowToEntity, toDb } from '../store/schema.js';
import type { RecordStore } from '../store/types.js';
import type { User } from './accounts/users.js';
import { dbOf, type AnyDb } from './context.js';
import { badRequest, forbidden, notFound, type HttpError } from './errors.js';
import { canRestructureUnits, canWrite, isRecordRole } from './roles.js';
import {
  CASE_FILE_KINDS,
  caseFileCond,
  caseFileReach,
  stampFiler,
  withoutServerFields,
  type CaseFileReach,
} from './case-files.js';
import { matterCond, seesMatters } from './matter-reach.js';

export type Scope = (
  { kind: 'all' } | { kind: 'subtree'; root: string } | { kind: 'self'; cadreId: string } | { kind: 'none' }
) & {
  /** which case files (case-files.ts) within the scope the user reaches; absent = none */
  caseFiles?: CaseFileReach;
  /** whether the user reaches the accountability matters within the scope (matter-reach.ts); absent = no */
  matters?: boolean;
};

/** `id` (the account) decides which case files an accountability officer or unit liaison filed. */
type Who = Pick<User, 'role' | 'unitId' | 'cadreId'> & Partial<Pick<User, 'id'>>;

/** The part of the record a user reaches, with the case files among it (DESIGN §1). */
export function scopeOf(user: Who): Scope {
  return { ...dataScopeOf(user), caseFiles: caseFileReach(user), matters: seesMatters(user.role) };
}

/** 干部管理权限. A record role with no unit reaches the whole record (省级). */
function dataScopeOf(user: Who): Scope {
  if (!isRecordRole(user.role)) return { kind: 'none' };
  if (user.role === 'cadre') return user.cadreId ? { kind: 'self', cadreId: user.cadreId } : { kind: 'none' };
  return user.unitId ? { kind: 'subtree', root: user.unitId } : { kind: 'all' };
}

/**
 * The scope with its values as query-template slots (query-template.ts), the key of its shape (what changes the
 * SQL of a condition built from it) and its values: a query built from `scope` runs for every user whose scope has
 * the same shape.
 */
export function scopeShape(scope: Scope): { key: string; scope: Scope; values: Record<string, unknown> } {
  const values: Record<string, unknown> = {};
  let shaped: Scope;
  if (scope.kind === 'subtree') {
    shaped = { kind: 'subtree', root: slot('scopeRoot') };
    values.scopeRoot = scope.root;
  } else if (scope.kind === 'self') {
    shaped = { kind: 'self', cadreId: slot('scopeCadre') };
    values.scopeCadre = scope.cadreId;
  } else shaped = { kind: scope.kind };
  const files = scope.caseFiles;
  if (files?.kind === 'filedBy') {
    shaped.caseFiles = { kind: 'filedBy', userId: slot('scopeFiler') };
    values.scopeFiler = files.userId;
  } else if (files) shaped.caseFiles = files;
  if (scope.matters) shaped.matters = true;
  return { key: `${scope.kind}.${files?.kind ?? '-'}${scope.matters ? '.m' : ''}`, scope: shaped, values };
}

const TRUE = sql<boolean>`1 = 1`;
const FALSE = sql<boolean>`1 = 0`;

function col(alias: string | undefined, name: string): RawBuilder<unknown> {
  return sql.ref(alias ? `${alias}.${name}` : name);
}

/** `unitCol` names a unit the scope reaches. */
export function unitCond(scope: Scope, unitCol: RawBuilder<unknown>): RawBuilder<boolean> {
  if (scope.kind === 'all') return TRUE;
  if (scope.kind === 'subtree') return sql<boolean>`${unitCol} in ${subtreeUnits(scope.root)}`;
  return FALSE;
}

/** `cadreCol` names a cadre the scope reaches. */
export function cadreCond(scope: Scope, cadreCol: RawBuilder<unknown>): RawBuilder<boolean> {
  if (scope.kind === 'all') return TRUE;
  if (scope.kind === 'subtree')
    return sql<boolean>`${cadreCol} in (select id from cadres where managing_unit_id in ${subtreeUnits(scope.root)})`;
  if (scope.kind === 'self') return sql<boolean>`${cadreCol} = ${scope.cadreId}`;
  return FALSE;
}

const CADRE_ANCHORED = new Set<RecordKind>([
  'posts',
  'cadreAssessments',
  'regularAssessments',
  'sanctions',
  'accountability',
  'adjustments',
]);
const UNIT_ANCHORED = new Set<RecordKind>(['unitAssessments', 'incidents']);

/** The condition that a row of `kind` (table aliased `alias`) lies in the scope; a case file, also in its reach. */
export function kindCond(kind: RecordKind, scope: Scope, alias?: string): RawBuilder<boolean> {
  const cond = dataCond(kind, scope, alias);
  if (!CASE_FILE_KINDS.has(kind)) return cond;
  return sql<boolean>`(${cond} and ${caseFileCond(scope.caseFiles, col(alias, 'filed_by'))})`;
}

function dataCond(kind: RecordKind, scope: Scope, alias?: string): RawBuilder<boolean> {
  if (kind === 'accountabilityMatters')
    return matterCond(
      scope.matters,
      (c) => cadreCond(scope, c),
      (c) => unitCond(scope, c),
      (name) => col(alias, name),
    );
  if (scope.kind === 'all') return TRUE;
  if (kind === 'units') return unitCond(scope, col(alias, 'id'));
  if (kind === 'cadres') {
    if (scope.kind === 'subtree') return unitCond(scope, col(alias, 'managing_unit_id'));
    return cadreCond(scope, col(alias, 'id'));
  }
  if (CADRE_ANCHORED.has(kind)) return cadreCond(scope, col(alias, 'cadre_id'));
  if (UNIT_ANCHORED.has(kind)) return unitCond(scope, col(alias, 'unit_id'));
  // honors, determinations: about a unit or a cadre
  const st = col(alias, 'subject_type');
  const sid = col(alias, 'subject_id');
  return sql<boolean>`((${st} = 'unit' and ${unitCond(scope, sid)}) or (${st} = 'cadre' and ${cadreCond(scope, sid)}))`;
}

function codecOf(store: RecordStore): FieldCodec | undefined {
  return store instanceof KyselyStore ? store.conn.codec : undefined;
}

/** A stored row of `kind` as the entity, its sensitive fields decrypted. */
export function toEntity<K extends RecordKind>(
  store: RecordStore,
  kind: K,
  row: Record<string, unknown>,
): RecordKinds[K] {
  return decodeFields(kind, rowToEntity<RecordKinds[K]>(TABLES[kind], row), codecOf(store));
}

// Reads -----------------------------------------------------------------------------------------------------

export interface ListParams {
  /** equality filters on entity fields */
  where?: Record<string, string | number | boolean | null>;
  offset?: number;
  limit?: number;
}

export async function listRecords<K extends RecordKind>(
  store: RecordStore,
  user: Who,
  kind: K,
  p: ListParams = {},
): Promise<{ total: number; items: RecordKinds[K][] }> {
  const db = dbOf(store);
  const def = TABLES[kind];
  const scope = scopeOf(user);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let q: any = db.selectFrom(def.table).where(kindCond(kind, scope));
  for (const [field, value] of Object.entries(p.where ?? {})) {
    const c = def.byField.get(field);
    if (!c) continue;
    q = value === null ? q.where(c.column, 'is', null) : q.where(c.column, '=', toDb(c, value, store.dialect));
  }
  const { n } = await q.select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  const rows = (await q
    .selectAll()
    .orderBy('id')
    .limit(p.limit ?? 50)
    .offset(p.offset ?? 0)
    .execute()) as Record<string, unknown>[];
  return { total: Number(n), items: rows.map((r) => toEntity(store, kind, r)) };
}

/**
 * One record: 404 when it does not exist or lies outside the user's scope, the same answer for both, so an id
 * outside the remit tells nothing about whether such a record exists.
 */
export async function getRecord<K extends RecordKind>(
  store: RecordStore,
  user: Who,
  kind: K,
  id: string,
): Promise<RecordKinds[K]> {
  const db = dbOf(store);
  const def = TABLES[kind];
  const shape = scopeShape(scopeOf(user));
  const query = compiledOnce(
    db,
    `get.${kind}/${shape.key}`,
    () =>
      db
        .selectFrom(def.table)
        .selectAll()
        .select(sql<number>`case when ${kindCond(kind, shape.scope)} then 1 else 0 end`.as('__in_scope'))
        .where('id', '=', slot('id')),
    { ...shape.values, id },
  );
  const row = (await db.executeQuery(query)).rows[0] as Record<string, unknown> | undefined;
  if (!row || Number(row.__in_scope) !== 1) throw hiddenOrMissing(kind, id);
  return toEntity(store, kind, row);
}

/** The answer for an id that does not exist and for one outside the user's scope alike. */
export function hiddenOrMissing(kind: RecordKind, id: string): HttpError {
  return notFound(`记录不存在：${id}`, `not found: ${kind} ${id}`);
}

export function outOfScope() {
  return forbidden('该记录不在您的管理权限范围内', 'outside your data scope');
}

export async function unitReachable(db: AnyDb, scope: Scope, unitId: string | null | undefined): Promise<boolean> {
  if (scope.kind === 'all') return true;
  if (!unitId) return false;
  const shape = scopeShape(scope);
  const query = compiledOnce(
    db,
    `unitReachable/${shape.key}`,
    () =>
      db
        .selectFrom('units')
        .select('id')
        .where('id', '=', slot('id'))
        .where(unitCond(shape.scope, sql.ref('id'))),
    { ...shape.values, id: unitId },
  );
  return (await db.executeQuery(query)).rows.length > 0;
}

const CHUNK = 500;

/** How each id stands in the scope: absent = no such record; false = it exists outside the scope. */
async function resolveIds(
  db: AnyDb,
  scope: Scope,
  kind: 'units' | 'cadres',
  ids: readonly string[],
): Promise<Map<string, boolean>> {
  const out = new Map<string, boolean>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = (await db
      .selectFrom(TABLES[kind].table)
      .select(['id', sql<number>`case when ${kindCond(kind, scope)} then 1 else 0 end`.as('in_scope')])
      .where('id', 'in', ids.slice(i, i + CHUNK))
      .execute()) as { id: string; in_scope: number | string | boolean }[];
    for (const r of rows) out.set(String(r.id), Number(r.in_scope) === 1);
  }
  return out;
}

export interface ReferenceCheck {
  /** check only the references in these fields (an update checks what it changes) */
  fields?: ReadonlySet<string>;
  /** ids written in the same batch as the rows (an import's row may refer to a row before it in the file) */
  pending?: ReadonlySet<string>;
  /** the refusal for a reference outside the scope (default: outOfScope()) */
  outside?: (row: Record<string, unknown>) => HttpError;
}

/**
 * Checks every reference the rows carry (RECORD_REFERENCES), for every record kind alike: each must name a unit or
 * cadre that exists (otherwise 400 naming the field) and lies inside the user's data scope (otherwise 403, the same
 * refusal whatever the record is, so nothing about it shows). A row hangs on what it refers to, so this is also what
 * puts a new or changed row inside the scope; an empty reference (a top-level unit) lies inside a province-wide
 * scope only.
 */
export async function checkReferences(
  db: AnyDb,
  scope: Scope,
  kind: RecordKind,
  rows: readonly Record<string, unknown>[],
  opts: ReferenceCheck = {},
): Promise<void> {
  const outside = opts.outside ?? (() => outOfScope());
  // accountability matters are reached only by the roles that handle them, whatever the references say
  if (kind === 'accountabilityMatters' && !scope.matters && rows.length) throw outside(rows[0]!);
  const wanted: { row: Record<string, unknown>; ref: Reference; target: 'units' | 'cadres'; id: string }[] = [];
  for (const row of rows)
    for (const ref of RECORD_REFERENCES[kind]) {
      if (opts.fields && !opts.fields.has(ref.field)) continue;
      const value = row[ref.field];
      if (value === null || value === undefined) {
        if (!ref.optional && scope.kind !== 'all') throw outside(row);
        continue;
      }
      const target = referencedKind(ref, row);
      for (const one of ref.list && Array.isArray(value) ? (value as unknown[]) : [value]) {
        if (target === kind && opts.pending?.has(String(one))) continue;
        wanted.push({ row, ref, target, id: String(one) });
      }
    }
  const found = new Map<string, Map<string, boolean>>();
  for (const target of ['units', 'cadres'] as const) {
    const ids = [...new Set(wanted.filter((w) => w.target === target).map((w) => w.id))];
    if (ids.length) found.set(target, await resolveIds(db, scope, target, ids));
  }
  // a reference to nothing is told before any reference outside the scope
  const missing = wanted.find((w) => !found.get(w.target)!.has(w.id));
  if (missing) {
    const noun = missing.target === 'units' ? '单位' : '干部';
    throw badRequest(
      missing.ref.field,
      `${missing.ref.label}（${missing.ref.field}）：所引用的${noun}不存在`,
      `${missing.ref.field} refers to no existing ${missing.target === 'units' ? 'unit' : 'cadre'}`,
    );
  }
  const out = wanted.find((w) => !w.ref.anywhere && found.get(w.target)!.get(w.id) !== true);
  if (out) throw outside(out.row);
}

/** The fields of `patch` whose value differs from the row as it is (a subject's type and id go together). */
function changedFields(before: Record<string, unknown>, patch: Record<string, unknown>): Set<string> {
  const changed = new Set<string>();
  for (const [f, v] of Object.entries(patch))
    if (v !== undefined && JSON.stringify(v) !== JSON.stringify(before[f] ?? null)) changed.add(f);
  if (changed.has('subjectType')) changed.add('subjectId');
  return changed;
}

// Writes (call inside the transaction that also writes the audit entry) -----------------------------------------

function assertCanWrite(user: Who, kind: RecordKind): void {
  if (!canWrite(user.role, kind))
    throw forbidden('您的角色无权维护此类记录', `role ${user.role} may not write ${kind}`);
}

export async function createRecord<K extends RecordKind>(
  tx: RecordStore,
  user: Who,
  kind: K,
  data: Record<string, unknown>,
): Promise<RecordKinds[K]> {
  assertCanWrite(user, kind);
  // the filer of a case file is the sender, whatever the body says (case-files.ts)
  const row = stampFiler(kind, user, [{ ...data, id: (data.id as string | undefined) ?? randomUUID() }])[0]!;
  for (const c of TABLES[kind].columns)
    if (c.nullable && !(c.field in row)) (row as Record<string, unknown>)[c.field] = null;
  await checkReferences(dbOf(tx), scopeOf(user), kind, [row as Record<string, unknown>]);
  return tx.repo(kind).insert(row as unknown as NewRecord<K>);
}

export async function updateRecord<K extends RecordKind>(
  tx: RecordStore,
  user: Who,
  kind: K,
  id: string,
  version: number,
  sent: Record<string, unknown>,
): Promise<{ before: RecordKinds[K]; after: RecordKinds[K] }> {
  assertCanWrite(user, kind);
  const patch = withoutServerFields(kind, sent); // who filed a case file is never edited
  const before = await getRecord(tx, user, kind, id);
  const was = before as unknown as Record<string, unknown>;
  const scope = scopeOf(user);
  const changed = changedFields(was, patch);
  if (kind === 'units' && changed.has('parentId')) await assertMayMoveUnit(tx, user, scope, was);
  // what the row refers to after the change must exist and lie in the scope (the store refuses a loop in the tree)
  await checkReferences(dbOf(tx), scope, kind, [{ ...was, ...patch }], { fields: changed });
  const after = await tx.repo(kind).update(id, version, patch as Partial<NewRecord<K>>);
  return { before, after };
}

/**
 * Moving a unit changes whose 干部管理权限 covers which cadres, so it takes a role that keeps the unit tree
 * (roles.ts), and the unit's place before the move must lie in the mover's scope as well as the new one (checked with
 * the other references): nobody moves the unit their own remit hangs on, nor takes a unit away from a parent they do
 * not hold.
 */
async function assertMayMoveUnit(tx: RecordStore, user: Who, scope: Scope, unit: Record<string, unknown>) {
  if (!canRestructureUnits(user.role))
    throw forbidden('您的角色无权调整单位隶属关系', `role ${user.role} may not move units`);
  if (scope.kind === 'subtree' && unit.id === scope.root) throw outOfScope();
  await checkReferences(dbOf(tx), scope, 'units', [unit], { fields: new Set(['parentId']) });
}

export async function deleteRecord<K extends RecordKind>(
  tx: RecordStore,
  user: Who,
  kind: K,
  id: string,
  version: number,
): Promise<RecordKinds[K]> {
  assertCanWrite(user, kind);
  const before = await getRecord(tx, user, kind, id);
  if (kind === 'units' && scopeOf(user).kind === 'subtree' && id === (scopeOf(user) as { root: string }).root)
    throw outOfScope(); // nobody deletes the unit their own remit hangs on
  await tx.repo(kind).delete(id, version);
  return before;
}

/** A write check for rows arriving in bulk (import): every row's kind writable, every reference it carries in scope. */
export async function assertRowsWritable(
  tx: RecordStore,
  user: Who,
  kind: RecordKind,
  rows: readonly object[],
): Promise<void> {
  assertCanWrite(user, kind);
  const batch = rows as readonly Record<string, unknown>[];
  await checkReferences(dbOf(tx), scopeOf(user), kind, batch, {
    pending: new Set(batch.map((r) => String(r.id))),
    outside: (r) =>
      forbidden(
        `导入的记录 ${(r as { id?: string }).id ?? ''} 不在您的管理权限范围内`,
        `imported ${kind} row ${(r as { id?: string }).id ?? ''} lies outside your data scope`,
      ),
  });
}

/** Of these stored ids of `kind`, those the user reaches (import names only records its importer may see). */
export async function visibleIds(
  store: RecordStore,
  user: Who,
  kind: RecordKind,
  ids: readonly string[],
): Promise<Set<string>> {
  const scope = scopeOf(user);
  if (ids.length === 0) return new Set();
  const rows = await dbOf(store)
    .selectFrom(TABLES[kind].table)
    .select('id')
    .where('id', 'in', [...ids])
    .where(kindCond(kind, scope))
    .execute();
  return new Set(rows.map((r) => String((r as { id: unknown }).id)));
}

// Export: every row of a kind in scope, a page at a time -----------------------------------------------------

export async function* scopedPages<K extends RecordKind>(
  store: RecordStore,
  user: Who,
  kind: K,
  pageSize = 2000,
): AsyncGenerator<RecordKinds[K][]> {
  const db = dbOf(store);
  const def = TABLES[kind];
  const cond = kindCond(kind, scopeOf(user));
  let after: string | undefined;
  for (;;) {
    let q = db.selectFrom(def.table).selectAll().where(cond).orderBy('id').limit(pageSize);
    if (after !== undefined) q = q.where('id', '>', after);
    const rows = (await q.execute()) as Record<string, unknown>[];
    if (rows.length === 0) return;
    after = String(rows[rows.length - 1]!.id);
    yield rows.map((r) => toEntity(store, kind, r));
  }
}

// The unit tree --------------------------------------------------------------------------------------------

export interface UnitNode {
  id: string;
  name: string;
  kind: string;
  pack: string | null;
  children: UnitNode[];
}

/** The units the user reaches as a forest (roots: units whose parent is outside the scope). */
export async function unitTree(store: RecordStore, scope: Scope): Promise<UnitNode[]> {
  const db = dbOf(store);
  const rows = (await db
    .selectFrom('units')
    .select(['id', 'name', 'kind', 'pack', 'parent_id'])
    .where(unitCond(scope, sql.ref('id')))
    .orderBy('id')
    .execute()) as { id: string; name: string; kind: string; pack: string | null; parent_id: string | null }[];
  const nodes = new Map<string, UnitNode>();
  for (const r of rows) nodes.set(r.id, { id: r.id, name: r.name, kind: r.kind, pack: r.pack, children: [] });
  const roots: UnitNode[] = [];
  for (const r of rows) {
    const parent = r.parent_id ? nodes.get(r.parent_id) : undefined;
    (parent ? parent.children : roots).push(nodes.get(r.id)!);
  }
  return roots;
}

/**
 * Whether the user takes part in the tolerance cases of this cadre (already known to be in their data scope): the
 * rulebooks' tolerance conclusions about the cadre come from those case files, so they are shown to the same
 * people (DESIGN §1; the explain route).
 */
export async function seesCaseFilesOf(store: RecordStore, user: Who, cadreId: string): Promise<boolean> {
  const reach = scopeOf(user).caseFiles;
  if (reach?.kind === 'inScope') return true;
  if (reach?.kind !== 'filedBy') return false;
  const { total } = await listRecords(store, user, 'toleranceRequests', {
    where: { subjectType: 'cadre', subjectId: cadreId },
    limit: 1,
  });
  return total > 0;
}

// The dashboard ----------------------------------------------------------------------------------------------

export async function dashboard(store: RecordStore, user: Who) {
  const db = dbOf(store);
  const scope = scopeOf(user);
  const counts: Record<string, number> = {};
  for (const kind of Object.keys(TABLES) as RecordKind[]) {
    const r = (await db
      .selectFrom(TABLES[kind].table)
      .select(sql<number>`count(*)`.as('n'))
      .where(kindCond(kind, scope))
      .executeTakeFirst()) as { n: number | string };
    counts[kind] = Number(r.n);
  }
  const grades = (await db
    .selectFrom('cadre_assessments')
    .select(['year', 'grade', sql<number>`count(*)`.as('count')])
    .where(kindCond('cadreAssessments', scope))
    .groupBy(['year', 'grade'])
    .orderBy('year')
    .orderBy('grade')
    .execute()) as { year: number; grade: string | null; count: number | string }[];
  const incidents = (await db
    .selectFrom('incidents')
    .select(['category', 'severity', sql<number>`count(*)`.as('count')])
    .where(kindCond('incidents', scope))
    .groupBy(['category', 'severity'])
    .orderBy('category')
    .execute()) as { category: string; severity: string; count: number | string }[];
  const byCategory = new Map<string, { category: string; count: number; bySeverity: Record<string, number> }>();
  for (const r of incidents) {
    const e = byCategory.get(r.category) ?? { category: r.category, count: 0, bySeverity: {} };
    e.count += Number(r.count);
    e.bySeverity[r.severity] = Number(r.count);
    byCategory.set(r.category, e);
  }
  return {
    counts,
    gradesByYear: grades.map((g) => ({ year: Number(g.year), grade: g.grade, count: Number(g.count) })),
    incidentsByCategory: [...byCategory.values()],
  };
}
