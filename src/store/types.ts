// The store's contract. Mechanisms, the server, the CLI and io use these interfaces; the Kysely implementation
// (SQLite or PostgreSQL) lives beside them. Every write runs in a transaction.
import type { Facts } from '../domain/facts.js';
import type { NewRecord, RecordKind, RecordKinds } from '../domain/entities.js';

/** A stale `version` on update/delete: nothing was changed. */
export class ConflictError extends Error {
  constructor(
    readonly kind: RecordKind,
    readonly id: string,
  ) {
    super(`记录已被他人修改，请刷新后重试 (conflict: ${kind} ${id} was changed by someone else)`);
  }
}

export class NotFoundError extends Error {
  constructor(
    readonly kind: RecordKind,
    readonly id: string,
  ) {
    super(`记录不存在 (not found: ${kind} ${id})`);
  }
}

/**
 * The database refused a write that breaks the record's integrity: a reference to a missing unit/cadre (or a
 * delete of one still referenced), a duplicate (one assessment per cadre and year, …), a missing required value.
 * Nothing was changed.
 */
export class ConstraintError extends Error {
  constructor(
    readonly kind: RecordKind,
    readonly constraint: 'foreign_key' | 'unique' | 'not_null' | 'check',
    readonly detail: string,
  ) {
    super(`${CONSTRAINT_LABELS[constraint]} (${constraint}: ${kind}: ${detail})`);
  }
}

/** A unit placed under itself or under one of its own descendants: the tree would become a loop. Nothing changed. */
export class UnitCycleError extends ConstraintError {
  /** the field people change to move a unit */
  readonly field = 'parentId';
  constructor(readonly unitId: string) {
    super('units', 'check', 'a unit cannot be placed under itself or one of its own descendants');
    this.message = `不能把单位移到其自身或其下级单位之下 (a unit cannot be placed under itself or one of its own descendants: ${unitId})`;
  }
}

const CONSTRAINT_LABELS = {
  foreign_key: '引用的单位或干部不存在，或记录仍被引用',
  unique: '记录重复',
  not_null: '缺少必填项',
  check: '数据不符合约束',
} as const;

export interface ListQuery {
  /** equality filters on entity fields, e.g. { unitId: 'u1' } */
  where?: Record<string, string | number | boolean | null>;
  /** substring search on the name (units, cadres) */
  search?: string;
  offset?: number;
  limit?: number;
  orderBy?: string;
}

export interface Repository<K extends RecordKind> {
  get(id: string): Promise<RecordKinds[K] | undefined>;
  list(q?: ListQuery): Promise<RecordKinds[K][]>;
  count(q?: ListQuery): Promise<number>;
  /** Inserts with version 1. */
  insert(row: NewRecord<K>): Promise<RecordKinds[K]>;
  /** Applies `patch` if the stored version equals `version`, bumping it; otherwise ConflictError and no change. */
  update(id: string, version: number, patch: Partial<NewRecord<K>>): Promise<RecordKinds[K]>;
  delete(id: string, version: number): Promise<void>;
  /** Streams every row in id order in pages (exports, fact loading) without holding them all. */
  iterate(pageSize?: number): AsyncIterable<RecordKinds[K][]>;
}

export type PackStats = Record<string, { units: number; cadres: number }>;

export interface RecordStore {
  readonly dialect: 'sqlite' | 'postgres';
  repo<K extends RecordKind>(kind: K): Repository<K>;
  /** Runs `fn` in one transaction: all of its writes land or none do. */
  transaction<T>(fn: (tx: RecordStore) => Promise<T>): Promise<T>;
  /** Fast bulk insert for imports and the generator (inside the caller's transaction when called on one). */
  insertMany<K extends RecordKind>(kind: K, rows: NewRecord<K>[]): Promise<void>;
  /** Which of `ids` exist (import validation of references). */
  existingIds(kind: RecordKind, ids: readonly string[]): Promise<Set<string>>;
  /** Units and cadres per pack (a unit's pack is its own binding or the nearest ancestor's). */
  stats(): Promise<PackStats>;
  /** The record as the rulebooks' fact set on a date (posts held on that date; see DESIGN §4). */
  loadFacts(asOf: string): Promise<Facts>;
  /**
   * Refreshes the database's statistics on the data after a bulk load (demo record, import, generator), so that
   * queries are planned on the record as it now is (which index to start from for a city's cadres of a category).
   */
  analyze(): Promise<void>;
  close(): Promise<void>;
}
