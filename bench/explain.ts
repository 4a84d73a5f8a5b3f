// Explanation benchmark: what one user's explanations cost the server and everyone else on it.
//   npx tsx bench/explain.ts [--data DIR] [--root DIR] [--label TEXT]
// Starts `sanxiang serve --demo` (the demo record, 5,000 cadres; built in DIR on first use) from the source tree at
// --root (default: this one; point it at another checkout to measure that version on the same record), logs in as
// the province's 组织部门 account, and measures:
//   single    three explanations one after another (each a different cadre): latency of each
//   parallel  ten explanations sent at once by the same user (ten cadres across the provinces): the latency of
//             each and the time until the last answer, and meanwhile /api/health polled back to back: its latency
// Prints a Markdown table row per measure; the figures go into bench/RESULTS.md.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: path.join(HERE, 'bench/out/explain-demo') },
    root: { type: 'string', default: HERE },
    label: { type: 'string', default: 'this tree' },
  },
});
const PASSWORD = 'Bench#Explain2026';
const AS_OF = '2026-11-01';

async function start(root: string, dataDir: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'src/cli/run.ts'), 'serve', '--demo', '--port', '0', '--data', dataDir],
    {
      cwd: root,
      env: { ...process.env, SANXIANG_LOG_LEVEL: 'warn', SANXIANG_DEMO_PASSWORD: PASSWORD },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 600_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/[^\s（]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await f();
  return { ms: performance.now() - t, value };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const ms = (x: number) => Math.round(x).toLocaleString('en');

const server = await start(values.root, values.data);
try {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'org_officer', password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('sx_session='))!
    .split(';')[0]!;
  const get = async (url: string) => {
    const r = await fetch(server.url + url, { headers: { cookie } });
    await r.arrayBuffer();
    return r.status;
  };
  // ten cadres spread over the record (roster order follows the ids, which follow the provinces)
  const cadres: string[] = [];
  for (let i = 0; i < 13; i++) {
    const r = await fetch(`${server.url}/api/cadres?limit=1&offset=${i * 380}`, { headers: { cookie } });
    const body = (await r.json()) as { items: { id: string }[] };
    if (body.items[0]) cadres.push(body.items[0].id);
  }
  const explain = (id: string) => get(`/api/explain/cadre/${id}?asOf=${AS_OF}`);
  await explain(cadres[12]!); // warm-up: code paths compiled, caches filled

  const single: number[] = [];
  for (const id of cadres.slice(10, 12).concat(cadres[0]!)) {
    const r = await timed(() => explain(id));
    if (r.value !== 200) throw new Error(`explain answered ${r.value}`);
    single.push(r.ms);
  }

  const health: number[] = [];
  let running = true;
  const poll = (async () => {
    while (running) health.push((await timed(() => get('/api/health'))).ms);
  })();
  const started = performance.now();
  const parallel = await Promise.all(cadres.slice(0, 10).map((id) => timed(() => explain(id))));
  const wall = performance.now() - started;
  running = false;
  await poll;
  const statuses = parallel.map((p) => p.value);
  const lat = parallel.map((p) => p.ms);

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
  console.log(`${values.label} — ${new Date().toISOString()} — ${machine}`);
  console.log('| version | measure | p50 ms | max ms | other |');
  console.log('|---|---|---|---|---|');
  console.log(
    `| ${values.label} | one explanation at a time (3) | ${ms(pct(single, 50))} | ${ms(Math.max(...single))} | |`,
  );
  console.log(
    `| ${values.label} | ten at once by one user | ${ms(pct(lat, 50))} | ${ms(Math.max(...lat))} | last answer after ${ms(wall)} ms; statuses ${[...new Set(statuses)].join(', ')} |`,
  );
  console.log(
    `| ${values.label} | /api/health meanwhile (${health.length} calls) | ${ms(pct(health, 50))} | ${ms(Math.max(...health))} | p95 ${ms(pct(health, 95))} ms |`,
  );
} finally {
  server.stop();
}
