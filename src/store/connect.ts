// Opening the database: SQLite (a file under the data directory) or PostgreSQL (a postgres:// URL).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type Driver } from 'kysely';
import type { Dialect } from './schema.js';
import type { FieldCodec } from './field-codec.js';
import { CommittedWrites } from './pg-commits.js';
import { preparingPool } from './pg-prepared.js';
import { SplitSqliteDriver } from './sqlite-driver.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

export interface Connection {
  dialect: Dialect;
  db: AnyDb;
  /** The SQLite connection Kysely writes on: bulk inserts inside a transaction and fact loading use it directly. */
  sqlite?: Database.Database;
  /** Where the data lives, for people: a file path or the URL without its password. */
  location: string;
  /** encrypts/decrypts the columns in field-codec.ts; absent = stored as given */
  codec?: FieldCodec;
  /** PostgreSQL: the URL (with its password: for this process's own further connections, never shown) */
  url?: string;
  /** PostgreSQL: the tables each write committed through this connection's pool touched (pg-commits.ts) */
  commits?: CommittedWrites;
}

export const SQLITE_FILE = 'sanxiang.db';

export function openSqlite(dataDir: string): Connection {
  const file = path.resolve(dataDir, SQLITE_FILE);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    throw new Error(
      `无法创建数据目录 (cannot create data directory ${path.resolve(dataDir)}): ${(e as Error).message}`,
      {
        cause: e,
      },
    );
  }
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
  } catch (e) {
    throw new Error(`无法打开数据库 (cannot open database ${file}): ${(e as Error).message}`, { cause: e });
  }
  // WAL + synchronous=FULL: a commit is on disk when it returns, and a crash (kill -9, power loss) never leaves
  // half a transaction. busy_timeout lets a second process wait for the writer instead of failing at once.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma('cache_size = -65536'); // 64 MiB page cache: the bulk loads touch large indexes
  // The second connection, for reads outside transactions (sqlite-driver.ts); query_only makes a write sent
  // there by mistake fail instead of bypassing the write lock.
  const reader = new Database(file);
  reader.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  reader.pragma('cache_size = -65536');
  reader.pragma('query_only = 1');
  const db: AnyDb = new Kysely({ dialect: new SplitSqliteDialect(sqlite, reader) });
  return { dialect: 'sqlite', db, sqlite, location: file };
}

/** How long a write waits for another process holding SQLite's write lock. */
const BUSY_TIMEOUT_MS = 10_000;

class SplitSqliteDialect extends SqliteDialect {
  constructor(
    private readonly write: Database.Database,
    private readonly read: Database.Database,
  ) {
    super({ database: write });
  }
  override createDriver(): Driver {
    return new SplitSqliteDriver(this.write, this.read, BUSY_TIMEOUT_MS);
  }
}

export function openPostgres(url: string): Connection {
  // Counts come back as bigint strings; a count of rows always fits a JS number.
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Idle clients can fail (server restart); without a listener the error would crash the process.
  pool.on('error', () => {});
  const commits = new CommittedWrites();
  const db: AnyDb = new Kysely({ dialect: new PostgresDialect({ pool: preparingPool(pool, commits) }) });
  return { dialect: 'postgres', db, location: redact(url), url, commits };
}

export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
