// `sanxiang serve`: the demo accounts on an empty database (printed once), graceful shutdown on SIGTERM, and
// the built web app served at / with a fallback to index.html for the app's own routes.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Client, startServer } from './harness.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Running {
  base: Promise<string>;
  out: () => string;
  exit: Promise<number | null>;
  kill: (signal: NodeJS.Signals) => void;
}

function serve(dataDir: string): Running {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/run.ts', '--data', dataDir, 'serve', '--demo', '--demo-cadres', '40', '--port', '0'],
    {
      cwd: ROOT,
      env: { ...process.env, SANXIANG_DEMO_PASSWORD: 'Serve-Test-123', SANXIANG_LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const base = new Promise<string>((resolve, reject) => {
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /listening on (http:\/\/[\d.:]+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('exit', () => reject(new Error(`server exited before listening:\n${out}`)));
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { base, out: () => out, exit, kill: (s) => child.kill(s) };
}

describe('serve --demo', () => {
  it('creates the demo accounts once, serves them, and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sx-serve-'));
    dirs.push(dataDir);
    const first = serve(dataDir);
    const base = await first.base;
    expect(first.out()).toContain('city_org');
    expect(first.out()).toContain('Serve-Test-123');
    const c = new Client(base);
    expect((await c.login('city_org', 'Serve-Test-123')).status).toBe(200);
    const roster = await c.get('/api/cadres?limit=500');
    expect(roster.status).toBe(200);
    expect(roster.body.total).toBeGreaterThan(0);
    first.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    expect(first.out()).toContain('shutting down');

    // a second start on the same data keeps the record and the accounts, and prints no passwords
    const second = serve(dataDir);
    const base2 = await second.base;
    expect(second.out()).not.toContain('Serve-Test-123');
    expect((await new Client(base2).login('city_org', 'Serve-Test-123')).status).toBe(200);
    second.kill('SIGINT');
    expect(await second.exit).toBe(0);
    // two starts, each a supervisor and the serving process it forks
  }, 120_000);
});

describe('the web app', () => {
  it('is served at / with index.html for client-side routes, and /api stays JSON', async () => {
    const web = mkdtempSync(path.join(tmpdir(), 'sx-web-'));
    dirs.push(web);
    mkdirSync(path.join(web, 'assets'));
    writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>三项机制</title><div id="root"></div>');
    writeFileSync(path.join(web, 'assets', 'app.js'), 'console.log(1)');
    const srv = await startServer({ record: false, webDist: web });
    try {
      const root = await fetch(`${srv.base}/`);
      expect(root.status).toBe(200);
      expect(await root.text()).toContain('三项机制');
      const deep = await fetch(`${srv.base}/data/cadres/c1`);
      expect(deep.status).toBe(200);
      expect(deep.headers.get('content-type')).toContain('text/html');
      const js = await fetch(`${srv.base}/assets/app.js`);
      expect(await js.text()).toBe('console.log(1)');
      const api = await fetch(`${srv.base}/api/no-such-route`);
      expect(api.status).toBe(404);
      expect(api.headers.get('content-type')).toContain('application/json');
    } finally {
      await srv.close();
    }
  });
});
