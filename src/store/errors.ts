// Turning the two drivers' integrity errors into the store's ConstraintError (one shape for both engines).
import type { RecordKind } from '../domain/entities.js';
import { ConstraintError } from './types.js';

const SQLITE_CODES: Record<string, ConstraintError['constraint']> = {
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign_key',
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_NOTNULL: 'not_null',
  SQLITE_CONSTRAINT_CHECK: 'check',
};
const PG_CODES: Record<string, ConstraintError['constraint']> = {
  '23503': 'foreign_key',
  '23505': 'unique',
  '23502': 'not_null',
  '23514': 'check',
};

export function mapDbError(kind: RecordKind, e: unknown): unknown {
  if (!(e instanceof Error)) return e;
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string') return e;
  const constraint = SQLITE_CODES[code] ?? PG_CODES[code];
  if (!constraint) return e;
  const detail = (e as { detail?: string }).detail ?? e.message;
  return new ConstraintError(kind, constraint, detail);
}

/** Runs `fn`, rethrowing integrity errors as ConstraintError. */
export async function mapped<T>(kind: RecordKind, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw mapDbError(kind, e);
  }
}
