// Reads of one consistent state of the record that keep no writer waiting. On SQLite a read-only connection of
// its own (opened on first use, kept) runs each read in a read transaction: one WAL snapshot for the whole read,
// while the store's write connection carries on committing. Reads take turns on it (one snapshot at a time). On
// PostgreSQL a repeatable-read transaction from the pool does the same.
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { AnyDb } from './connect.js';
import type { KyselyStore } from './kysely-store.js';

export class SnapshotReader {
  private sqlite: Database.Database | undefined;
  private db: AnyDb | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly store: KyselyStore) {}

  /** Runs `fn` on one state of the record; `sqlite` says which dialect `db` speaks. */
  read<T>(fn: (db: AnyDb, sqlite: boolean) => Promise<T>): Promise<T> {
    if (!this.store.conn.sqlite)
      return this.store.db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute((tx) => fn(tx, false));
    const run = this.tail.then(async () => {
      if (this.closed) throw new Error('the snapshot reader is closed');
      if (!this.db) {
        this.sqlite = new Database(this.store.conn.location, { readonly: true, fileMustExist: true });
        this.sqlite.pragma('busy_timeout = 10000');
        this.sqlite.pragma('cache_size = -65536');
        this.db = new Kysely({ dialect: new SqliteDialect({ database: this.sqlite }) });
      }
      this.sqlite!.exec('begin');
      try {
        return await fn(this.db, true);
      } finally {
        this.sqlite!.exec('commit');
      }
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Closes the connection once the reads under way are done. */
  async close(): Promise<void> {
    this.closed = true;
    await this.tail;
    await this.db?.destroy();
    this.db = undefined;
  }
}
