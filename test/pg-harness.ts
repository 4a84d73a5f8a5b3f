// A throwaway PostgreSQL server for the test suite: installed from Debian packages when missing, a fresh cluster
// in a temp directory, listening on loopback only, removed afterwards. The global set-up starts one per test run;
// each test file that needs PostgreSQL makes its own database on it (createTestDatabase), so files running in
// parallel never see each other's rows.
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** Tests find the server here (vitest `inject('pgUrl')`); the global set-up also exports it to child processes. */
export const PG_URL_ENV = 'SANXIANG_TEST_DATABASE_URL';

export interface PgServer {
  /** superuser URL of the `postgres` maintenance database */
  url: string;
  /** the directory of the server's Unix socket, for clients on this host (`?host=<dir>` in a URL) */
  socketDir: string;
  stop(): Promise<void>;
}

class PgHarnessError extends Error {
  constructor(step: string, detail: string) {
    super(
      `测试用 PostgreSQL 启动失败 (test PostgreSQL: ${step}): ${detail.trim()}\n` +
        `  （可设置 ${PG_URL_ENV}=postgres://… 改用已有的服务器 / or set ${PG_URL_ENV} to use an existing server）`,
    );
  }
}

function which(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, cmd);
    if (dir && existsSync(p)) return p;
  }
  return undefined;
}

/** The directory holding initdb, pg_ctl, postgres and pg_isready of one installed version. */
function findBinDir(): string | undefined {
  const onPath = which('initdb');
  // Debian links only a few tools onto PATH; the real directory has all of them.
  if (onPath) {
    const dir = path.dirname(realpathSync(onPath));
    if (existsSync(path.join(dir, 'pg_ctl')) && existsSync(path.join(dir, 'postgres'))) return dir;
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

async function installPostgres(): Promise<void> {
  if (process.getuid?.() !== 0)
    throw new PgHarnessError(
      'install',
      '未找到 PostgreSQL，且非 root 无法安装 (initdb not found and not root: apt-get install postgresql)',
    );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    await run('apt-get', ['update'], { env, maxBuffer: 64 << 20 });
    await run('apt-get', ['install', '-y', 'postgresql'], { env, maxBuffer: 64 << 20 });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new PgHarnessError('apt-get install postgresql', err.stderr || err.message);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** initdb and postgres refuse to run as root: run them as the `postgres` user then. */
function asServerUser(isRoot: boolean, cmd: string, args: string[]): [string, string[]] {
  if (!isRoot) return [cmd, args];
  if (which('runuser')) return ['runuser', ['-u', 'postgres', '--', cmd, ...args]];
  const quoted = [cmd, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return ['su', ['postgres', '-s', '/bin/sh', '-c', quoted]];
}

/** `durable`: keep fsync on (benchmarks that measure writes); the tests' throwaway clusters run without it. */
export async function startPostgres(settings: { durable?: boolean } = {}): Promise<PgServer> {
  let bin = findBinDir();
  if (!bin) {
    await installPostgres();
    bin = findBinDir();
    if (!bin) throw new PgHarnessError('install', 'apt-get 完成后仍找不到 initdb (initdb still missing after apt-get)');
  }
  const isRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sanxiang-pg-'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  if (isRoot) {
    let uid: number, gid: number;
    try {
      uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
      gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    } catch {
      rmSync(dir, { recursive: true, force: true });
      throw new PgHarnessError('user', '系统中没有 postgres 用户 (no `postgres` user; the Debian package creates it)');
    }
    chownSync(dir, uid, gid);
  }
  const step = async (name: string, cmd: string, args: string[]): Promise<void> => {
    const [c, a] = asServerUser(isRoot, path.join(bin, cmd), args);
    try {
      await run(c, a, { maxBuffer: 16 << 20 });
    } catch (e) {
      const err = e as { stderr?: string; stdout?: string; message: string };
      const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-15).join('\n') : '';
      throw new PgHarnessError(name, [err.stderr, err.stdout, tail].filter(Boolean).join('\n') || err.message);
    }
  };
  const cleanup = (): void => rmSync(dir, { recursive: true, force: true });

  const port = await freePort();
  let started = false;
  try {
    // -N: no fsync during initdb; C locale so text sorts the same as in SQLite (byte order)
    await step('initdb', 'initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '-N']);
    const opts = [
      `-p ${port}`,
      `-k ${dir}`, // the socket in our temp dir, not /var/run/postgresql
      `-c listen_addresses=127.0.0.1`,
      ...(settings.durable ? [] : [`-c fsync=off`]), // a throwaway cluster: durability is not under test here
      `-c max_connections=100`,
    ].join(' ');
    await step('pg_ctl start', 'pg_ctl', ['-D', data, '-l', log, '-o', opts, '-w', '-t', '60', 'start']);
    started = true;
    await waitReady(bin, port);
  } catch (e) {
    if (started) await step('pg_ctl stop', 'pg_ctl', ['-D', data, '-m', 'immediate', 'stop']).catch(() => {});
    cleanup();
    throw e;
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    socketDir: dir,
    async stop() {
      try {
        await step('pg_ctl stop', 'pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
      } finally {
        cleanup();
      }
    },
  };
}

async function waitReady(bin: string, port: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  let last = '';
  while (Date.now() < deadline) {
    try {
      await run(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-t', '2']);
      return;
    } catch (e) {
      last = (e as { stdout?: string }).stdout ?? (e as Error).message;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new PgHarnessError('pg_isready', `30 秒内未就绪 (not ready within 30 s): ${last}`);
}

/**
 * A fresh database on the server for one test file; returns its URL and a function that drops it.
 * Names are random so parallel files (and parallel runs against a shared server) never collide.
 */
export async function createTestDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `sanxiang_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}" template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`);
  } finally {
    await admin.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
