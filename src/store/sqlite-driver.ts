// Kysely's driver for SQLite, with two connections to the one database file instead of one.
//
// Kysely's own SQLite driver has a single connection behind a mutex: a transaction holds it from BEGIN to COMMIT,
// across every await in between, so every other query of the process — a roster page, a profile — waits for
// the whole transaction, including the disk flush at its commit. SQLite in WAL mode lets readers run while a
// writer writes, so this driver keeps a second connection for reads:
//   - a transaction runs on the write connection, which it holds (a mutex) from BEGIN to its end;
//   - a statement outside a transaction that only reads (better-sqlite3's `readonly`) runs on the read
//     connection at once, seeing everything committed so far (each statement is its own snapshot);
//   - a statement outside a transaction that writes takes the write connection like a transaction would.
// Every transaction begins IMMEDIATE (it takes SQLite's write lock at BEGIN, not at its first write: a
// transaction that read first and must upgrade later would fail at once with SQLITE_BUSY when another process
// wrote meanwhile). When another process holds the lock, SQLite's own busy handler would sleep inside the call
// and freeze this whole process; instead the attempt fails at once and is retried after a short asynchronous
// pause, so the process keeps serving reads while it waits its turn.
//
// Statements are prepared once per SQL text and kept (a bounded cache per connection): under a server's load the
// same few dozen texts run thousands of times a second, and preparing them was a tenth of the CPU.
import type Database from 'better-sqlite3';
import { CompiledQuery, SelectQueryNode, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';

/** How many prepared statements each connection keeps (distinct SQL texts; `in (?, …)` lists vary in length). */
const STATEMENT_CACHE_SIZE = 500;

/** Prepared statements of one connection, by SQL text, the least recently used dropped beyond a bound. */
class StatementCache {
  private readonly map = new Map<string, Database.Statement>();
  constructor(private readonly db: Database.Database) {}
  get(sql: string): Database.Statement {
    let st = this.map.get(sql);
    if (st) {
      this.map.delete(sql); // re-inserted below: the Map's order is the recency order
    } else {
      st = this.db.prepare(sql);
      if (this.map.size >= STATEMENT_CACHE_SIZE) this.map.delete(this.map.keys().next().value!);
    }
    this.map.set(sql, st);
    return st;
  }
}

class Mutex {
  private tail: Promise<void> = Promise.resolve();
  /** Resolves with the function that releases the lock, once every earlier holder has released it. */
  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return ready;
  }
}

const caches = new WeakMap<Database.Database, StatementCache>();

/** The prepared statement for `sql` on this connection, prepared once (the driver and bulk inserts share it). */
export function cachedStatement(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new StatementCache(db)));
  return cache.get(sql);
}

function isBusy(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT';
}

/**
 * The longest pause between two attempts at the write lock. Short: a process waiting for the lock holds up the
 * requests whose answer waits on this write (an audited read's entry), and a failed attempt costs microseconds.
 */
const MAX_PAUSE_MS = 4;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function run(st: Database.Statement, parameters: readonly unknown[]): QueryResult<unknown> {
  if (st.reader) return { rows: st.all(parameters) as unknown[] };
  const { changes, lastInsertRowid } = st.run(parameters);
  return {
    numAffectedRows: changes !== undefined && changes !== null ? BigInt(changes) : undefined,
    insertId: lastInsertRowid !== undefined && lastInsertRowid !== null ? BigInt(lastInsertRowid) : undefined,
    rows: [],
  };
}

export class SplitSqliteDriver implements Driver {
  private readonly writeLock = new Mutex();

  constructor(
    readonly write: Database.Database,
    readonly read: Database.Database,
    /** how long to keep trying for the write lock another process holds */
    private readonly busyTimeoutMs: number,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new SplitConnection(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as SplitConnection).begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    this.write.exec('commit');
    (connection as SplitConnection).release();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // a failed COMMIT may already have rolled back
    if (this.write.inTransaction) this.write.exec('rollback');
    (connection as SplitConnection).release();
  }

  // The lock is let go at the end of the transaction, not only here: a connection Kysely hands out for several
  // queries (db.connection(), the migrator) may run a transaction and then more statements, which lock again.
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as SplitConnection).release();
  }

  async destroy(): Promise<void> {
    this.read.close();
    this.write.close();
  }

  /** Runs `fn` on the write connection with the lock held, retrying while another process holds SQLite's lock. */
  async withWriteLock<T>(fn: () => T): Promise<T> {
    const deadline = Date.now() + this.busyTimeoutMs;
    for (let pause = 1; ; pause = Math.min(pause * 2, MAX_PAUSE_MS)) {
      try {
        return this.withoutBusyWait(fn);
      } catch (e) {
        if (!isBusy(e) || Date.now() + pause > deadline) throw e;
      }
      await sleep(pause + Math.random() * pause);
    }
  }

  // SQLite's busy handler sleeps synchronously; with it off a locked database fails at once (and is retried above)
  private withoutBusyWait<T>(fn: () => T): T {
    this.write.pragma('busy_timeout = 0');
    try {
      return fn();
    } finally {
      this.write.pragma(`busy_timeout = ${this.busyTimeoutMs}`);
    }
  }

  lockWrite(): Promise<() => void> {
    return this.writeLock.lock();
  }

  readStatement(sql: string): Database.Statement {
    return cachedStatement(this.read, sql);
  }

  writeStatement(sql: string): Database.Statement {
    return cachedStatement(this.write, sql);
  }
}

class SplitConnection implements DatabaseConnection {
  inTransaction = false;
  private unlock: (() => void) | undefined;

  constructor(private readonly driver: SplitSqliteDriver) {}

  async begin(): Promise<void> {
    this.unlock ??= await this.driver.lockWrite();
    await this.driver.withWriteLock(() => this.driver.write.exec('begin immediate'));
    this.inTransaction = true;
  }

  release(): void {
    this.inTransaction = false;
    const unlock = this.unlock;
    this.unlock = undefined;
    unlock?.();
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters } = compiled;
    if (this.inTransaction) return run(this.driver.writeStatement(sql), parameters) as QueryResult<R>;
    const reading = this.driver.readStatement(sql);
    if (reading.readonly) return run(reading, parameters) as QueryResult<R>;
    // a write outside a transaction: its own implicit transaction, once no transaction holds the connection
    const unlock = await this.driver.lockWrite();
    try {
      return (await this.driver.withWriteLock(() =>
        run(this.driver.writeStatement(sql), parameters),
      )) as QueryResult<R>;
    } finally {
      unlock();
    }
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiled.query)) throw new Error('SQLite streams only select queries');
    // a statement of its own: a cached one could be run by another query while this iterates
    const st = (this.inTransaction ? this.driver.write : this.driver.read).prepare(compiled.sql);
    for (const row of st.iterate(compiled.parameters)) yield { rows: [row as R] };
  }
}
