// Which tables each committed PostgreSQL write touched, reported in this process as the commit completes. The
// server keeps sessions in memory between requests (session-cache.ts) and must forget them the moment this
// process commits a change to them — before the response to a logout or a password change goes out. Other
// processes learn of the same change from the database (LISTEN/NOTIFY, pg-listen.ts); this is the same process's
// own, immediate path.
//
// It watches the statements the store's pool runs (pg-prepared.ts passes each one here): a write outside a
// transaction is reported when it completes, writes inside one when its COMMIT completes, and a ROLLBACK forgets
// them.

const WRITE = /^\s*(?:insert\s+into|update|delete\s+from)\s+"?([A-Za-z_][A-Za-z0-9_]*)"?/i;
const BEGIN = /^\s*(?:begin|start\s+transaction)\b/i;
const COMMIT = /^\s*(?:commit|end)\s*;?\s*$/i;
const ROLLBACK = /^\s*(?:rollback|abort)\s*;?\s*$/i;

export type CommitListener = (tables: ReadonlySet<string>) => void;

export class CommittedWrites {
  private readonly listeners = new Set<CommitListener>();
  // per pooled client: inside a transaction?, and the tables written in it so far
  private readonly state = new WeakMap<object, { inTx: boolean; tables: Set<string> }>();

  /** Subscribes; returns the unsubscribe function. */
  on(listener: CommitListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called by the pool wrapper with each statement a client runs and the promise of its result. */
  seen<T>(client: object, text: string, result: Promise<T>): Promise<T> {
    if (this.listeners.size === 0) return result;
    let s = this.state.get(client);
    if (!s) this.state.set(client, (s = { inTx: false, tables: new Set() }));
    if (BEGIN.test(text)) {
      s.inTx = true;
      s.tables = new Set();
      return result;
    }
    const commit = COMMIT.test(text);
    if (commit || ROLLBACK.test(text)) {
      const committed = commit ? s.tables : undefined;
      s.inTx = false;
      s.tables = new Set();
      // a failed COMMIT rolled back: nothing to report
      return committed && committed.size ? result.then((r) => (this.emit(committed), r)) : result;
    }
    const table = WRITE.exec(text)?.[1]?.toLowerCase();
    if (!table) return result;
    if (s.inTx) {
      s.tables.add(table);
      return result;
    }
    return result.then((r) => (this.emit(new Set([table])), r));
  }

  private emit(tables: ReadonlySet<string>): void {
    for (const l of this.listeners) {
      try {
        l(tables);
      } catch {
        // a listener's failure must not fail the write that has committed
      }
    }
  }
}
