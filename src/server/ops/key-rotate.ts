// `sanxiang key rotate`: every encrypted column re-encrypted under a new key in ONE transaction, then the new
// key put in place. The order makes a crash at any moment safe:
//   1. the new key is written (fsync'd, 0600) to sanxiang.key.new — or, with keys from the environment, taken
//      from SANXIANG_NEW_KEY;
//   2. one transaction re-encrypts every field under it (decrypting each by the key id it carries) and appends
//      an audit entry;
//   3. after the commit, sanxiang.key.new is renamed over sanxiang.key (atomic) and the directory fsync'd.
// A crash before 2 commits leaves every field under the old key; after it, under the new one. Either way, while
// sanxiang.key.new exists loadKey() decrypts with both keys, so nothing is unreadable, and running
// `key rotate` again resumes with the same .new key and finishes (fields already under it are simply rewritten).
import { existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { ENCRYPTED_COLUMNS } from '../../store/field-codec.js';
import { appendAudit } from '../audit/trail.js';
import {
  FieldCipher,
  KEY_FILE,
  KeyError,
  NEW_KEY_ENV,
  NEW_KEY_FILE,
  fsyncDir,
  generateKey,
  isEncrypted,
  loadKeyDetails,
  parseKey,
  writeKeyFile,
  formatKey,
} from '../../crypto/fields.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export interface RotateOptions {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  db: AnyDb;
  dialect: 'sqlite' | 'postgres';
  /** SQLite only: the raw handle, for fast prepared updates inside the transaction */
  sqlite?: Database.Database;
  /** who ran it, for the audit entry */
  actor?: string;
  /** test hook: called after the commit, before the key file is replaced (a crash is simulated by throwing) */
  afterCommit?: () => void;
}

export interface RotateResult {
  fromKeys: string[];
  toKey: string;
  fields: number;
  /** the new key's text when it came from the environment and must now be set as SANXIANG_KEY */
  envKeyToSet?: string;
  resumed: boolean;
}

const PAGE = 2000;

export async function rotateKey(o: RotateOptions): Promise<RotateResult> {
  const current = loadKeyDetails({ dataDir: o.dataDir, env: o.env, create: false });
  let newKey: Buffer;
  let resumed = false;
  const newFile = path.resolve(o.dataDir, NEW_KEY_FILE);
  if (current.source === 'env') {
    const text = o.env[NEW_KEY_ENV]?.trim();
    if (!text)
      throw new KeyError(
        `密钥来自环境变量 SANXIANG_KEY：请把新密钥放在 ${NEW_KEY_ENV} 中再轮换（可用 sanxiang key generate 生成）` +
          ` (the key comes from SANXIANG_KEY: put the new key in ${NEW_KEY_ENV}; \`sanxiang key generate\` makes one)`,
      );
    newKey = parseKey(text, NEW_KEY_ENV);
  } else if (existsSync(newFile)) {
    newKey = parseKey(readFileSync(newFile, 'utf8'), newFile);
    resumed = true; // an earlier rotation stopped before renaming: finish it with the same key
  } else {
    newKey = generateKey();
    writeKeyFile(newFile, newKey);
  }
  // encrypts under the new key; fields are decrypted with the new key (an interrupted run already did them) or
  // with the ones loadKey knows
  const cipher = new FieldCipher(newKey);
  const reader = current.cipher;
  const fromKeys = reader.keyIds;
  const decryptAny = (v: string): string => {
    if (!isEncrypted(v)) return v; // plaintext from before encryption was on: encrypt it now
    try {
      return cipher.decrypt(v);
    } catch {
      return reader.decrypt(v);
    }
  };

  let fields = 0;
  await o.db.transaction().execute(async (trx) => {
    const existing = new Set((await trx.introspection.getTables()).map((t) => t.name));
    for (const { table, column } of ENCRYPTED_COLUMNS) {
      if (!existing.has(table)) continue;
      let after = '';
      for (;;) {
        const rows = (await trx
          .selectFrom(table)
          .select(['id', `${column} as v`])
          .where(column, 'is not', null)
          .where('id', '>', after)
          .orderBy('id')
          .limit(PAGE)
          .execute()) as { id: string; v: string }[];
        if (rows.length === 0) break;
        const ids = rows.map((r) => r.id);
        const values = rows.map((r) => cipher.encrypt(decryptAny(r.v)));
        if (o.sqlite) {
          // the transaction holds SQLite's only connection, so these statements are part of it
          const stmt = o.sqlite.prepare(`update "${table}" set "${column}" = ? where id = ?`);
          for (let i = 0; i < ids.length; i++) stmt.run(values[i], ids[i]);
        } else {
          await sql`update ${sql.table(table)} as t set ${sql.ref(column)} = v.c
            from (select unnest(${ids}::text[]) as id, unnest(${values}::text[]) as c) as v
            where t.id = v.id`.execute(trx);
        }
        fields += rows.length;
        after = ids[ids.length - 1]!;
      }
    }
    await appendAudit(trx, {
      userId: null,
      username: o.actor ?? null,
      role: null,
      unitId: null,
      action: 'key.rotate',
      targetKind: 'key',
      targetId: cipher.keyId,
      before: { keys: fromKeys },
      after: { key: cipher.keyId, fields },
      ip: null,
    });
  });
  o.afterCommit?.();

  if (current.source === 'env') {
    return { fromKeys, toKey: cipher.keyId, fields, envKeyToSet: formatKey(newKey), resumed };
  }
  const keyFile = path.resolve(o.dataDir, KEY_FILE);
  renameSync(newFile, keyFile);
  fsyncDir(o.dataDir);
  return { fromKeys, toKey: cipher.keyId, fields, resumed };
}
