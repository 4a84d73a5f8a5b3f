// Who is told about the record's writes, after they commit. Mechanisms that keep something in step with the record
// without being part of its transaction (the alert list) listen here: every write through the store (a single
// insert, update or delete, a bulk insert, a transaction of several) is announced once its transaction commits,
// with the rows as they were before and after. A rolled-back write is never announced. Listeners run on the
// committing call's turn and must not throw or block: they queue work and return.
import type { RecordKind } from '../domain/entities.js';
import type { Connection } from './connect.js';

export interface Written {
  kind: RecordKind;
  /** rows as written (inserts, updates) */
  added: readonly Record<string, unknown>[];
  /** rows as they were (updates, deletes) */
  removed: readonly Record<string, unknown>[];
}

export type WriteListener = (written: readonly Written[]) => void;

const listeners = new WeakMap<Connection, Set<WriteListener>>();

/** Calls `listener` after every committed write on the connection; returns the function that stops it. */
export function onWritten(conn: Connection, listener: WriteListener): () => void {
  let set = listeners.get(conn);
  if (!set) listeners.set(conn, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

export function announce(conn: Connection, written: readonly Written[]): void {
  if (written.length === 0) return;
  const set = listeners.get(conn);
  if (!set) return;
  for (const l of set) l(written);
}
