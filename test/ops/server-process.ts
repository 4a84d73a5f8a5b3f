// Starting and stopping the real server (`sanxiang serve`, from source through tsx) for the crash test and the
// API benchmark: one node process (no tsx wrapper), which supervises the serving process it forks (workers.ts).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** everything it printed (stdout and stderr), for a failure message */
  output(): string;
  /** resolves when the process has exited */
  exited: Promise<number | null>;
}

export async function startServer(
  dataDir: string,
  extraArgs: string[] = [],
  env: Record<string, string | undefined> = {},
  timeoutMs = 180_000,
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      // e.g. SANXIANG_SERVER_NODE_ARGS=--cpu-prof to profile the server under a benchmark
      ...(process.env.SANXIANG_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      'tsx',
      path.join(ROOT, 'src/cli/run.ts'),
      'serve',
      '--port',
      '0',
      '--data',
      dataDir,
      ...extraArgs,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, SANXIANG_LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${out}`)), timeoutMs);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/[^\s（]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${out}`));
    });
  });
  return { url, child, output: () => out, exited };
}

/** Logs in and returns the session cookie header. */
export async function login(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('sx_session='));
  if (!cookie) throw new Error('login set no session cookie');
  return cookie.split(';')[0]!;
}

/**
 * The serving processes a supervisor forked: its children running the CLI (tsx may also start esbuild as a child,
 * which serves nothing).
 */
export function servingPids(supervisor: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(supervisor)], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes('src/cli/run.ts'))
      .map((line) => Number(line.trim().split(/\s+/)[0]))
      .filter((n) => n > 0);
  } catch {
    return []; // ps exits 1 when there is none
  }
}

/** A power cut: the serving processes and their supervisor killed outright, none of them able to clean up. */
export function killHard(server: ServerProcess): void {
  for (const pid of servingPids(server.child.pid!)) process.kill(pid, 'SIGKILL');
  server.child.kill('SIGKILL');
}
