// `serve --workers N`: N server processes on one port and one SQLite database. What an operator relies on:
// the workers really serve (concurrent reads and edits through both, every edit and audited read in one intact
// audit chain), a stop signal stops them all, and killing the primary outright (SIGKILL, which it cannot pass
// on) leaves no worker behind holding the port or the database.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import { cli, removeTempDirs, tempDir } from './helpers.js';
import { login, startServer, type ServerProcess } from './server-process.js';

const PASSWORD = 'Workers#Test2026';

/**
 * The server processes the primary forked. Not every child: tsx, which runs the server from source here, starts
 * esbuild as a child process of each process that compiles a file its cache does not hold yet (a fresh checkout,
 * a changed file) — the primary then has three or four children, two of them esbuild.
 */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes('src/cli/run.ts'))
      .map((line) => Number(line.trim().split(/\s+/)[0]))
      .filter((n) => n > 0);
  } catch {
    return []; // ps exits 1 when there is none
  }
}

const alive = (pid: number) => existsSync(`/proc/${pid}`);

async function waitFor(cond: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return cond();
}

function portOpen(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect(Number(port), hostname);
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

describe('serve --workers 2', () => {
  const servers: ServerProcess[] = [];
  afterAll(() => {
    for (const s of servers) s.child.kill('SIGKILL');
    removeTempDirs();
  });

  it('serves reads and edits from both workers into one intact audit chain, and stops them all on SIGTERM', async () => {
    const dataDir = tempDir('sanxiang-workers-');
    const server = await startServer(dataDir, ['--demo', '--demo-cadres', '100', '--workers', '2'], {
      SANXIANG_DEMO_PASSWORD: PASSWORD,
    });
    servers.push(server);
    expect(server.output()).toMatch(/2 个服务进程 workers/);
    const workers = childrenOf(server.child.pid!);
    // the server's output in the message: a worker that died and was restarted says why there
    expect(workers, server.output()).toHaveLength(2);

    const cookie = await login(server.url, 'org_officer', PASSWORD);
    const get = (p: string) => fetch(server.url + p, { headers: { cookie } });
    const roster = (await (await get('/api/cadres?limit=40')).json()) as { items: { id: string }[] };
    const ids = roster.items.map((c) => c.id);
    // keep-alive connections are handed to the workers in turn: many at once reach both
    const edits = ids.slice(0, 20).map(async (id, i) => {
      const { version } = (await (await get(`/api/records/cadres/${id}`)).json()) as { version: number };
      const res = await fetch(`${server.url}/api/records/cadres/${id}`, {
        method: 'PUT',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ version, name: `并发${i}` }),
      });
      return res.status === 200 ? 'ok' : `PUT ${id}: ${res.status} ${await res.text()}`;
    });
    const reads = ids.map(async (id) => {
      const res = await get(`/api/cadres/${id}/profile`);
      return res.status === 200 ? 'ok' : `GET ${id}/profile: ${res.status} ${await res.text()}`;
    });
    const outcomes = await Promise.all([...edits, ...reads]);
    expect(outcomes.filter((o) => o !== 'ok')).toEqual([]);
    for (const [i, id] of ids.slice(0, 20).entries()) {
      const c = (await (await get(`/api/records/cadres/${id}`)).json()) as { name: string };
      expect(c.name).toBe(`并发${i}`);
    }

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(workers.filter(alive)).toEqual([]);

    const db = new Database(path.join(dataDir, 'sanxiang.db'), { readonly: true });
    const n = (action: string) =>
      (db.prepare('select count(*) as n from audit_log where action = ?').get(action) as { n: number }).n;
    expect(n('record.update')).toBe(20);
    expect(n('record.read')).toBeGreaterThanOrEqual(ids.length);
    db.close();
    const verify = cli(['audit', 'verify', '--data', dataDir]);
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
  });

  it('leaves no worker behind when the primary is killed with SIGKILL', async () => {
    const dataDir = tempDir('sanxiang-workers-');
    const server = await startServer(dataDir, ['--demo', '--demo-cadres', '50', '--workers', '2'], {
      SANXIANG_DEMO_PASSWORD: PASSWORD,
    });
    servers.push(server);
    const workers = childrenOf(server.child.pid!);
    expect(workers).toHaveLength(2);
    expect(await portOpen(server.url)).toBe(true);
    server.child.kill('SIGKILL');
    await server.exited;
    expect(await waitFor(() => workers.every((p) => !alive(p)), 15_000)).toBe(true);
    expect(await portOpen(server.url)).toBe(false);
  });
});
