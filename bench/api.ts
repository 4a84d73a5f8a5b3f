// API benchmark (issue 4): autocannon on loopback against `sanxiang serve --demo`.
//   npx tsx bench/api.ts [--data DIR] [--cadres N] [--duration S] [--connections C] [--workers W] [--pg [--socket]]
// Scenarios, each with C concurrent connections, every connection its own logged-in session:
//   roster   GET /api/cadres with filters (unit subtree, category, name search, paging), as the 数据管理 page
//   profile  GET /api/cadres/:id/profile (the whole record of one cadre; each read is audited)
//   writes   PUT /api/records/cadres/:id (a record edit with its version; each is a transaction + audit entry)
// Half the sessions are the province-wide 组织部门 account, half the 南通市 one (scope-limited queries).
// --only roster,profile,writes picks scenarios. --pg runs the same against PostgreSQL (SANXIANG_BENCH_DATABASE_URL, else a throwaway server from
// test/pg-harness.ts; --socket connects to that one through its Unix socket instead of loopback TCP). Results: a table on stdout and bench/out/api-<engine>-c<connections>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openStore, storeOptionsFromEnv } from '../src/store/index.js';
import type { KyselyStore } from '../src/store/kysely-store.js';
import { createSession, findUserByName } from '../src/server/accounts/users.js';
import { startServer } from '../test/ops/server-process.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    cadres: { type: 'string', default: '5000' },
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '100' },
    pg: { type: 'boolean', default: false },
    socket: { type: 'boolean', default: false },
    only: { type: 'string' },
    workers: { type: 'string', default: '1' },
  },
});
const connections = Number(values.connections);
const duration = Number(values.duration);
const engine = values.pg ? 'postgres' : 'sqlite';
const link = values.pg ? (values.socket ? 'unix socket' : 'tcp') : 'in process';
const PASSWORD = 'Bench#Api2026x';
const WARM_UP_S = 3;

let dbUrl: string | undefined;
let stopPg: (() => Promise<void>) | undefined;
if (values.pg) {
  dbUrl = process.env.SANXIANG_BENCH_DATABASE_URL;
  if (!dbUrl) {
    const { startPostgres, createTestDatabase } = await import('../test/pg-harness.js');
    const srv = await startPostgres({ durable: true }); // writes are measured: fsync on, as deployed
    const db = await createTestDatabase(srv.url);
    dbUrl = db.url;
    // --socket: as a server on the database's host would connect (OPERATIONS.md), through the Unix socket
    if (values.socket) {
      const u = new URL(db.url);
      u.searchParams.set('host', srv.socketDir);
      dbUrl = u.toString();
    }
    stopPg = async () => {
      await db.drop();
      await srv.stop();
    };
  }
}
const dataDir = values.data ?? path.join('bench/out', `api-${engine}-${values.cadres}`);
const env = { SANXIANG_DEMO_PASSWORD: PASSWORD, SANXIANG_DATABASE_URL: dbUrl ?? '' };

console.error(`starting the server on ${engine} (${dataDir}; demo record of ${values.cadres} cadres if empty)…`);
const server = await startServer(
  dataDir,
  ['--demo', '--demo-cadres', String(values.cadres), '--workers', String(values.workers)],
  env,
  30 * 60_000,
);
const base = server.url;
// a failure anywhere below must not leave the server running
process.on('exit', () => server.child.kill('SIGKILL'));

// Sessions straight into the sessions table: 100 logins would trip the login rate limit (20/min per address),
// which is there on purpose.
const store = (await openStore(storeOptionsFromEnv(dataDir, { ...process.env, ...env }))) as unknown as KyselyStore;
const cookies: string[] = [];
try {
  const users = await Promise.all(['org_officer', 'city_org'].map((u) => findUserByName(store.db, u)));
  for (let i = 0; i < connections; i++) {
    const u = users[i % 2]!;
    const token = await createSession(store.db, u.id, new Date(), 12 * 3600_000, true);
    cookies.push(`sx_session=${token}`);
  }
} finally {
  await store.close();
}

async function api<T>(p: string, cookie = cookies[0]!): Promise<T> {
  const res = await fetch(base + p, { headers: { cookie } });
  if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

// Targets: units for the subtree filter, cadres to read and to edit, from what each session may see.
interface TreeNode {
  id: string;
  children: TreeNode[];
}
const tree = await api<TreeNode[]>('/api/units/tree');
const unitIds: string[] = [];
const walk = (n: TreeNode, depth: number) => {
  if (depth <= 2) unitIds.push(n.id);
  for (const c of n.children ?? []) walk(c, depth + 1);
};
for (const r of tree) walk(r, 0);
const roster = await api<{ total: number; items: { id: string }[] }>('/api/cadres?limit=500');
const cityRoster = await api<{ total: number; items: { id: string }[] }>('/api/cadres?limit=500', cookies[1]);
const readIds = roster.items.map((c) => c.id);
const cityIds = cityRoster.items.map((c) => c.id);
console.error(
  `${roster.total} cadres in scope (province), ${cityRoster.total} (南通市); ${unitIds.length} units near the top`,
);

const SEARCH = ['王', '张', '李', '刘', '陈'];
// the categories of the record (the first holds nine cadres in ten)
const CATEGORY = ['公务员', '参公', '事业'];

// autocannon gives each connection a context but clears it after every request, so per-connection state cannot
// live there: sessions are handed out round-robin (all `connections` sessions are in use at once), and each
// write checks a cadre out of a pool and back in on its answer, so no two requests ever race on one version.
interface Ctx {
  cadre?: string;
}
let counter = 0;
let firstFailure: string | undefined;
function next(): { i: number; n: number } {
  const n = counter++;
  return { i: n % connections, n: Math.floor(n / connections) + n };
}

type Scenario = { name: string; opts: Partial<autocannon.Options> };

function rosterPath(i: number, n: number): string {
  const city = i % 2 === 1;
  switch (n % 4) {
    case 0:
      return city
        ? `/api/cadres?limit=20&offset=${(n * 20) % 200}`
        : `/api/cadres?unitId=${unitIds[n % unitIds.length]}&limit=20`;
    case 1:
      return `/api/cadres?category=${encodeURIComponent(CATEGORY[n % CATEGORY.length]!)}&limit=20&offset=${(n % 5) * 20}`;
    case 2:
      return `/api/cadres?search=${encodeURIComponent(SEARCH[n % SEARCH.length]!)}&limit=20`;
    default:
      return `/api/cadres?limit=50&offset=${(n * 50) % 500}`;
  }
}

const scenarios: Scenario[] = [
  {
    name: 'roster',
    opts: {
      requests: [
        {
          setupRequest: (req) => {
            const { i, n } = next();
            return { ...req, method: 'GET', path: rosterPath(i, n), headers: { cookie: cookies[i]! } };
          },
        },
      ],
    },
  },
  {
    name: 'profile',
    opts: {
      requests: [
        {
          setupRequest: (req) => {
            const { i, n } = next();
            const ids = i % 2 ? cityIds : readIds;
            const id = ids[(n * 7919 + i * 31) % ids.length]!;
            return { ...req, method: 'GET', path: `/api/cadres/${id}/profile`, headers: { cookie: cookies[i]! } };
          },
        },
      ],
    },
  },
];

// Writes: record edits by the province-wide sessions, each on a cadre checked out of a pool (see Ctx above).
const free = readIds.slice(0, connections * 2);
const versions = new Map<string, number>();
for (const id of free) versions.set(id, (await api<{ version: number }>(`/api/records/cadres/${id}`)).version);
scenarios.push({
  name: 'writes',
  opts: {
    requests: [
      {
        setupRequest: (req, context) => {
          const c = context as Ctx;
          const { i, n } = next();
          c.cadre = free.shift()!;
          return {
            ...req,
            method: 'PUT',
            path: `/api/records/cadres/${c.cadre}`,
            headers: { cookie: cookies[i - (i % 2)]!, 'content-type': 'application/json' },
            body: JSON.stringify({ version: versions.get(c.cadre), name: `压测${n}` }),
          };
        },
        onResponse: (status, body, context) => {
          const c = context as Ctx;
          if (status === 200) versions.set(c.cadre!, (JSON.parse(body) as { version: number }).version);
          else if (!firstFailure) firstFailure = `${status} ${body.slice(0, 300)}`;
          free.push(c.cadre!);
        },
      },
    ],
  },
});

interface Row {
  scenario: string;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}
// The floor: the same connections on GET /api/health (no session, no query): what HTTP and the framework cost.
scenarios.unshift({ name: 'health', opts: { requests: [{ method: 'GET', path: '/api/health' }] } });

const rows: Row[] = [];
for (const s of scenarios.filter((x) => !values.only || values.only.split(',').includes(x.name))) {
  // A short unrecorded run first, so the figures are of a warm server (JIT-compiled code, prepared statements).
  // Not for writes: a write cut off at the end of it would leave its cadre's version unknown to the next run.
  console.error(`${s.name}: ${connections} connections × ${duration} s…`);
  if (s.name !== 'writes')
    await autocannon({ url: base, connections, duration: WARM_UP_S, ...s.opts } as autocannon.Options);
  const r = await autocannon({ url: base, connections, duration, ...s.opts } as autocannon.Options);
  rows.push({
    scenario: s.name,
    requests: r.requests.total,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  });
}

if (firstFailure) console.error(`first failed write: ${firstFailure}`);
server.child.kill('SIGTERM');
await server.exited;
await stopPg?.();

const meta = {
  engine,
  link,
  cadres: roster.total,
  connections,
  workers: Number(values.workers),
  duration,
  date: new Date().toISOString(),
  node: process.version,
  cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
  memGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
};
mkdirSync('bench/out', { recursive: true });
writeFileSync(
  `bench/out/api-${engine}${values.socket ? '-socket' : ''}-c${connections}-w${values.workers}.json`,
  JSON.stringify({ meta, rows }, null, 2) + '\n',
);
console.log(
  `| scenario (${engine}${values.pg ? ` over ${link}` : ''}, ${connections} conn., ${values.workers} workers) | req/s | p50 ms | p90 ms | p99 ms | max ms | requests | non-2xx | errors |`,
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.scenario} | ${r.rps} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.requests} | ${r.non2xx} | ${r.errors + r.timeouts} |`,
  );
