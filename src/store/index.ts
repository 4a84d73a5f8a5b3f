// Opening the store. SQLite by default (`<dataDir>/sanxiang.db`); PostgreSQL when a postgres:// URL is given
// (the CLI and server take it from SANXIANG_DATABASE_URL). The schema is migrated to the latest version on open.
import { openPostgres, openSqlite, type Connection } from './connect.js';
import { KyselyStore } from './kysely-store.js';
import { migrateToLatest } from './migrations.js';
import type { RecordStore } from './types.js';
import type { FieldCodec } from './field-codec.js';
import { loadKey } from '../crypto/fields.js';

export * from './types.js';

export interface StoreOptions {
  /** data directory; the SQLite file lives here */
  dataDir: string;
  /** postgres://… selects PostgreSQL; absent or empty = SQLite */
  databaseUrl?: string;
  /** run pending migrations on open (default true) */
  migrate?: boolean;
  /** encrypts the sensitive columns (身份证号); see field-codec.ts. Absent = values stored as given. */
  cipher?: FieldCodec;
}

export interface OpenedStore extends RecordStore {
  /** the SQLite file or the redacted PostgreSQL URL */
  readonly location: string;
  /** migrations applied by this open (empty when the schema was current) */
  readonly migrationsApplied: readonly string[];
}

export async function openStore(opts: StoreOptions): Promise<OpenedStore> {
  const url = opts.databaseUrl?.trim();
  if (url && !/^postgres(ql)?:\/\//.test(url))
    throw new Error(`数据库地址应以 postgres:// 开头 (SANXIANG_DATABASE_URL must be a postgres:// URL)`);
  const conn: Connection = url ? openPostgres(url) : openSqlite(opts.dataDir);
  conn.codec = opts.cipher;
  let applied: string[] = [];
  try {
    if (opts.migrate !== false) applied = await migrateToLatest(conn.db);
  } catch (e) {
    await conn.db.destroy().catch(() => {});
    const msg = (e as Error).message;
    throw new Error(
      url && !msg.startsWith('数据库迁移失败') ? `无法连接数据库 (cannot use database ${conn.location}): ${msg}` : msg,
      { cause: e },
    );
  }
  const store = new KyselyStore(conn, conn.db, 0);
  return Object.assign(store, { location: conn.location, migrationsApplied: applied });
}

/** The store options the CLI and server use: `--data DIR` plus SANXIANG_DATABASE_URL from the environment. */
export function storeOptionsFromEnv(dataDir: string, env: NodeJS.ProcessEnv = process.env): StoreOptions {
  // The field key lives with the data (SANXIANG_KEY or <data>/sanxiang.key, created 0600 on first use), so every
  // command and the server encrypt and decrypt 身份证号 the same way.
  return { dataDir, databaseUrl: env.SANXIANG_DATABASE_URL || undefined, cipher: loadKey({ dataDir, env }) };
}
