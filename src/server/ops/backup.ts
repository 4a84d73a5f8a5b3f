// `sanxiang backup FILE` / `sanxiang restore FILE`.
// SQLite: SQLite's online backup API (better-sqlite3 `backup`) on a separate read-only connection, copying every
// page in one step, which reads one consistent snapshot while a running server keeps writing (WAL readers never
// block the writer). PostgreSQL: `pg_dump --format=custom`, itself a consistent snapshot (one repeatable-read
// transaction). Beside FILE goes FILE.sha256 in `sha256sum` format (so `sha256sum -c FILE.sha256` checks it too);
// restore refuses a file whose checksum is missing or wrong.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  createReadStream,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fsyncDir } from '../../crypto/fields.js';

export const SQLITE_FILE = 'sanxiang.db';

export class BackupError extends Error {}

export async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

export function checksumFile(file: string): string {
  return `${file}.sha256`;
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

async function writeChecksum(file: string): Promise<string> {
  const sum = await sha256File(file);
  const sumFile = checksumFile(file);
  writeFileSync(sumFile, `${sum}  ${path.basename(file)}\n`);
  fsyncFile(sumFile);
  return sum;
}

/** Checks FILE against FILE.sha256; throws a BackupError saying what is wrong. */
export async function verifyChecksum(file: string): Promise<string> {
  if (!existsSync(file)) throw new BackupError(`备份文件不存在 (backup file not found: ${file})`);
  const sumFile = checksumFile(file);
  if (!existsSync(sumFile))
    throw new BackupError(`缺少校验文件 ${sumFile}，拒绝恢复 (checksum file missing: refusing to restore)`);
  const expected = /^([0-9a-f]{64})\b/.exec(readFileSync(sumFile, 'utf8').trim())?.[1];
  if (!expected) throw new BackupError(`校验文件格式错误 (malformed checksum file ${sumFile})`);
  const actual = await sha256File(file);
  if (actual !== expected)
    throw new BackupError(
      `备份文件校验失败，文件已损坏或被修改，拒绝恢复 (checksum mismatch: expected ${expected}, got ${actual}; refusing to restore)`,
    );
  return actual;
}

export interface BackupResult {
  file: string;
  sha256: string;
  bytes: number;
  engine: 'sqlite' | 'postgres';
}

export async function backupSqlite(dataDir: string, file: string): Promise<BackupResult> {
  const src = path.resolve(dataDir, SQLITE_FILE);
  if (!existsSync(src)) throw new BackupError(`数据库不存在 (no database at ${src})`);
  const out = path.resolve(file);
  const partial = `${out}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(src, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    // all pages in one step: one read transaction, hence one consistent snapshot, however busy the writer is
    await db.backup(partial, { progress: () => 1 << 30 });
  } finally {
    db.close();
  }
  const copy = new Database(partial);
  try {
    // the copy is a standalone file: leave it in rollback-journal mode so it is one file, nothing beside it
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`备份副本校验失败 (backup copy failed quick_check: ${String(check)})`);
  } finally {
    copy.close();
  }
  fsyncFile(partial);
  renameSync(partial, out);
  fsyncDir(path.dirname(out));
  const sha256 = await writeChecksum(out);
  return { file: out, sha256, bytes: statSync(out).size, engine: 'sqlite' };
}

export interface RestoreResult {
  file: string;
  sha256: string;
  /** where the replaced database was kept */
  previous?: string;
}

/**
 * Replaces `<data>/sanxiang.db` by the backup. The server must be stopped: a connection still open would keep
 * writing into the replaced file. The swap is one rename (atomic): at every moment the path holds either the old
 * database or the whole restored one. The old one is kept beside it (hard link) until removed by hand.
 */
export async function restoreSqlite(dataDir: string, file: string): Promise<RestoreResult> {
  const sha256 = await verifyChecksum(file);
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = probe.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`备份文件不是完好的数据库 (backup failed quick_check: ${String(check)})`);
    const t = probe
      .prepare(`select name from sqlite_master where type = 'table' and name = 'sanxiang_migration'`)
      .get();
    if (!t) throw new BackupError('这不是 Sanxiang 的数据库备份 (not a Sanxiang database backup)');
  } finally {
    probe.close();
  }

  const target = path.resolve(dataDir, SQLITE_FILE);
  let previous: string | undefined;
  if (existsSync(target)) {
    if (sqliteInUse(dataDir))
      throw new BackupError(
        '数据库正在被使用（服务是否仍在运行？），请先停止服务再恢复 (the database is in use — stop the server before restoring)',
      );
    previous = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    linkSync(target, previous);
  }
  const staging = `${target}.restoring`;
  rmSync(staging, { force: true });
  copyFileSync(file, staging);
  fsyncFile(staging);
  renameSync(staging, target);
  fsyncDir(path.dirname(target));
  return { file: target, sha256, previous };
}

/**
 * Whether another process has the SQLite database open. Fold the WAL into the file and close: the last
 * connection to close removes the -wal and -shm files, so if they are still there another process (a running
 * server) holds the database. Call it before opening the store yourself.
 */
export function sqliteInUse(dataDir: string): boolean {
  const target = path.resolve(dataDir, SQLITE_FILE);
  if (!existsSync(target)) return false;
  const cur = new Database(target, { fileMustExist: true });
  try {
    cur.pragma('busy_timeout = 2000');
    cur.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    cur.close();
  }
  return existsSync(`${target}-wal`) || existsSync(`${target}-shm`);
}

function pgTool(name: string): string | undefined {
  const r = spawnSync(
    'sh',
    ['-c', `command -v ${name} || ls /usr/lib/postgresql/*/bin/${name} 2>/dev/null | tail -1`],
    {
      encoding: 'utf8',
    },
  );
  const p = r.stdout.trim().split('\n').pop();
  return p ? p : undefined;
}

export async function backupPostgres(url: string, file: string): Promise<BackupResult> {
  const tool = pgTool('pg_dump');
  if (!tool)
    throw new BackupError('未找到 pg_dump，请安装 postgresql-client (pg_dump not found: install postgresql-client)');
  const out = path.resolve(file);
  const partial = `${out}.partial`;
  const r = spawnSync(tool, ['--format=custom', '--no-owner', '--file', partial, '--dbname', url], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new BackupError(`pg_dump 失败 (pg_dump failed): ${r.stderr.trim()}`);
  fsyncFile(partial);
  renameSync(partial, out);
  fsyncDir(path.dirname(out));
  const sha256 = await writeChecksum(out);
  return { file: out, sha256, bytes: statSync(out).size, engine: 'postgres' };
}

/**
 * PostgreSQL: pg_restore --clean in a single transaction, so the database is either entirely the old one or
 * entirely the restored one.
 */
export async function restorePostgres(url: string, file: string): Promise<RestoreResult> {
  const sha256 = await verifyChecksum(file);
  const tool = pgTool('pg_restore');
  if (!tool) throw new BackupError('未找到 pg_restore (pg_restore not found: install postgresql-client)');
  const r = spawnSync(
    tool,
    ['--clean', '--if-exists', '--single-transaction', '--no-owner', '--exit-on-error', '--dbname', url, file],
    { encoding: 'utf8' },
  );
  if (r.status !== 0)
    throw new BackupError(`pg_restore 失败，数据库未改变 (pg_restore failed, nothing changed): ${r.stderr.trim()}`);
  return { file: url, sha256 };
}
