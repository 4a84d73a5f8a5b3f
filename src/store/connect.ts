// Opening the database: SQLite (a file under the data directory) or PostgreSQL (a postgres:// URL).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';
import type { Dialect } from './schema.js';
import type { FieldCodec } from './field-codec.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

export interface Connection {
  dialect: Dialect;
  db: AnyDb;
  /** The SQLite handle Kysely runs on (same single connection): bulk inserts and fact loading use it directly. */
  sqlite?: Database.Database;
  /** Where the data lives, for people: a file path or the URL without its password. */
  location: string;
  /** encrypts/decrypts the columns in field-codec.ts; absent = stored as given */
  codec?: FieldCodec;
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
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('cache_size = -65536'); // 64 MiB page cache: the bulk loads touch large indexes
  const db: AnyDb = new Kysely({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  return { dialect: 'sqlite', db, sqlite, location: file };
}

// Write transactions take SQLite's write lock when they begin (BEGIN IMMEDIATE), not at their first write: a
// transaction that read first and must upgrade later fails at once with SQLITE_BUSY when another process wrote
// meanwhile, whereas an immediate one simply waits its turn (busy_timeout).
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly cfg: SqliteDialectConfig) {
    super(cfg);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.cfg);
  }
}

export function openPostgres(url: string): Connection {
  // Counts come back as bigint strings; a count of rows always fits a JS number.
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Idle clients can fail (server restart); without a listener the error would crash the process.
  pool.on('error', () => {});
  const db: AnyDb = new Kysely({ dialect: new PostgresDialect({ pool }) });
  return { dialect: 'postgres', db, location: redact(url) };
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
