// The data-access layer that enforces 干部管理权限 (PLATFORM.md "Roles"): every list, read, write, export and
// search of the record goes through a function here (the roster: roster.ts, on the same conditions) that takes the
// user and builds a query limited to the user's scope. A user bound to unit U reaches units in U's subtree and cadres whose managing unit is in it;
// the cadre role reaches only their own record; the three administrators reach none of it. Case files (tolerance
// requests) are narrower still: only the roles taking part in the case reach them (case-files.ts). Routes never query
// record tables themselves, so a route cannot forget the scope.
import { randomUUID } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import type { NewRecord, RecordKind, RecordKinds } from '../domain/entities.js';
import { subtreeUnits } from '../store/derived.js';
import { compiledOnce, slot } from '../store/query-template.js';
import { decodeFields, type FieldCodec } from '../store/field-codec.js';
import { KyselyStore } from '../store/kysely-store.js';
import { TABLES, rowToEntity, toDb } from '../store/schema.js';
import type { RecordStore } from '../store/types.js';
import type { User } from './accounts/users.js';
import { dbOf, type AnyDb } from './context.js';
import { forbidden, notFound } from './errors.js';
import { canWrite, isRecordRole } from './roles.js';
import {
  CASE_FILE_KINDS,
  caseFileCond,
  caseFileReach,
  stampFiler,
  withoutServerFields,
  type CaseFileReach,
} from './case-files.js';

export type Scope = (
  { kind: 'all' } | { kind: 'subtree'; root: string } | { kind: 'self'; cadreId: string } | { kind: 'none' }
) & {
  /** which case files (case-files.ts) within the scope the user reaches; absent = none */
  caseFiles?: CaseFileReach;
};

/** `id` (the account) decides which case files an accountability officer or unit liaison filed. */
type Who = Pick<User, 'role' | 'unitId' | 'cadreId'> & Partial<Pick<User, 'id'>>;

/** The part of the record a user reaches, with the case files among it (DESIGN §1). */
export function scopeOf(user: Who): Scope {
  return { ...dataScopeOf(user), caseFiles: caseFileReach(user) };
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
  return { key: `${scope.kind}.${files?.kind ?? '-'}`, scope: shaped, values };
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

/** One record: 404 when it does not exist, 403 when it lies outside the user's scope. */
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
  if (!row) throw notFound(`记录不存在：${id}`, `not found: ${kind} ${id}`);
  if (Number(row.__in_scope) !== 1) throw outOfScope();
  return toEntity(store, kind, row);
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

async function cadreReachable(db: AnyDb, scope: Scope, cadreId: string | null | undefined): Promise<boolean> {
  if (scope.kind === 'all') return true;
  if (!cadreId) return false;
  const r = await db
    .selectFrom('cadres')
    .select('id')
    .where('id', '=', cadreId)
    .where(kindCond('cadres', scope))
    .executeTakeFirst();
  return r !== undefined;
}

/** Whether a row with these values (new or changed) would lie in the scope: what it hangs on must be reachable. */
async function valuesReachable(
  db: AnyDb,
  scope: Scope,
  kind: RecordKind,
  v: Record<string, unknown>,
): Promise<boolean> {
  if (scope.kind === 'all') return true;
  if (kind === 'units') return unitReachable(db, scope, v.parentId as string | null);
  if (kind === 'cadres') return scope.kind === 'subtree' && unitReachable(db, scope, v.managingUnitId as string);
  if (CADRE_ANCHORED.has(kind)) return cadreReachable(db, scope, v.cadreId as string);
  if (UNIT_ANCHORED.has(kind)) return unitReachable(db, scope, v.unitId as string);
  return v.subjectType === 'unit'
    ? unitReachable(db, scope, v.subjectId as string)
    : cadreReachable(db, scope, v.subjectId as string);
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
  if (!(await valuesReachable(dbOf(tx), scopeOf(user), kind, row))) throw outOfScope();
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
  // units: the unit itself must stay reachable, and so must its (possibly new) parent
  const merged = { ...before, ...patch } as Record<string, unknown>;
  if (kind === 'units' && scopeOf(user).kind === 'subtree' && id === (scopeOf(user) as { root: string }).root) {
    if ('parentId' in patch && patch.parentId !== (before as unknown as Record<string, unknown>).parentId)
      throw outOfScope();
  } else if (!(await valuesReachable(dbOf(tx), scopeOf(user), kind, merged))) throw outOfScope();
  const after = await tx.repo(kind).update(id, version, patch as Partial<NewRecord<K>>);
  return { before, after };
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

/** A write check for rows arriving in bulk (import): every row's kind writable and every row in scope. */
export async function assertRowsWritable(
  tx: RecordStore,
  user: Who,
  kind: RecordKind,
  rows: readonly object[],
): Promise<void> {
  assertCanWrite(user, kind);
  const scope = scopeOf(user);
  if (scope.kind === 'all') return;
  const db = dbOf(tx);
  for (const r of rows)
    if (!(await valuesReachable(db, scope, kind, r as Record<string, unknown>)))
      throw forbidden(
        `导入的记录 ${(r as { id?: string }).id ?? ''} 不在您的管理权限范围内`,
        `imported ${kind} row ${(r as { id?: string }).id ?? ''} lies outside your data scope`,
      );
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
