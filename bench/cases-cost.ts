// What one case-list or 待办 request costs in CPU, by kind of request, in one process (no HTTP, no queue): the
// server is built in this process and each request is sent through it (`inject`) many times; the roster's first
// page is measured alongside as a yardstick (bench/api.ts measures it under load). On a shared machine the CPU
// times grow with the load average (printed): compare kinds with each other and with the roster, not across runs.
//   npx tsx bench/cases-cost.ts --data DIR [--reps 20] [--only cadres|cases|cases/todo] [--sql]
// on a record prepared by bench/cases.ts (its cases and its two accounts). --sql (SQLite) adds the statements that
// took the most CPU, with their counts.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { buildServer } from '../src/server/app.js';
import { createSession, findUserByName } from '../src/server/accounts/users.js';
import { openStore, storeOptionsFromEnv } from '../src/store/index.js';
import type { KyselyStore } from '../src/store/kysely-store.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'bench/out/big' },
    reps: { type: 'string', default: '20' },
    only: { type: 'string' },
    sql: { type: 'boolean', default: false },
  },
});
const reps = Number(values.reps);
const dir = values.data as string;

// CPU per SQL text: better-sqlite3's statements timed where they run
const sqlTime = new Map<string, { n: number; ms: number }>();
if (values.sql) {
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<
    'all' | 'get',
    (this: { source: string }, ...a: unknown[]) => unknown
  >;
  for (const m of ['all', 'get'] as const) {
    const orig = proto[m];
    proto[m] = function (this: { source: string }, ...a: unknown[]) {
      const t = process.cpuUsage();
      try {
        return orig.apply(this, a);
      } finally {
        const d = process.cpuUsage(t);
        const e = sqlTime.get(this.source) ?? { n: 0, ms: 0 };
        e.n++;
        e.ms += (d.user + d.system) / 1000;
        sqlTime.set(this.source, e);
      }
    };
  }
  probe.close();
}

const store = (await openStore(storeOptionsFromEnv(dir))) as unknown as KyselyStore;
const app = await buildServer({
  dataDir: dir,
  store,
  logger: false,
  alertScan: { hours: 0, atStart: false },
  webDist: false,
});
await app.ready();
const users = await Promise.all(['bench_discipline', 'bench_city_discipline'].map((u) => findUserByName(store.db, u)));
if (!users[0] || !users[1]) throw new Error('run bench/cases.ts on this record first (its accounts are missing)');
const cityUnit = users[1].unitId;
const cookies: string[] = [];
for (const u of users) cookies.push(`sx_session=${await createSession(store.db, u!.id, new Date(), 3600_000, true)}`);

const STATES = ['investigating', 'deciding', 'closed', 'concluded'];
/** The kinds of request bench/cases.ts sends, as the province's officer (0) and the city's (1). */
function variants(kind: string): [string, string][] {
  const p = `/api/${kind}`;
  if (kind === 'cadres') return [0, 1].map((who) => [`${who}:roster20`, `${p}?limit=20`]);
  const out: [string, string][] = [];
  for (const who of [0, 1]) {
    out.push([`${who}:first20`, `${p}?limit=20`]);
    out.push([`${who}:first50`, `${p}?limit=50`]);
    out.push([`${who}:offset100`, `${p}?limit=20&offset=100`]);
    out.push([`${who}:offset180`, `${p}?limit=20&offset=180`]);
    for (const s of STATES) out.push([`${who}:state=${s}`, `${p}?limit=20&state=${s}`]);
    out.push([`${who}:pack+year`, `${p}?limit=20&pack=shaanxi&year=2021`]);
    if (who === 1) out.push([`${who}:unit+year`, `${p}?limit=20&unit=${cityUnit}&year=2022`]);
  }
  return out;
}

try {
  for (const kind of ['cadres', 'cases', 'cases/todo']) {
    if (values.only && kind !== values.only) continue;
    let sum = 0;
    const list = variants(kind);
    for (const [name, url] of list) {
      const cookie = cookies[Number(name[0])]!;
      const first = await app.inject({ method: 'GET', url, headers: { cookie } });
      if (first.statusCode !== 200) throw new Error(`${url}: ${first.statusCode} ${first.body}`);
      const body = JSON.parse(first.body) as { total: number; totalCapped?: boolean; items: unknown[] };
      const c0 = process.cpuUsage();
      for (let i = 0; i < reps; i++) await app.inject({ method: 'GET', url, headers: { cookie } });
      const c = process.cpuUsage(c0);
      const ms = (c.user + c.system) / 1000 / reps;
      sum += ms;
      console.log(
        `${kind.padEnd(10)} ${name.padEnd(22)} ${ms.toFixed(2).padStart(7)} ms CPU  total ${body.total}${body.totalCapped ? '+' : ''}, ${body.items.length} rows`,
      );
    }
    console.log(`${kind}: ${(sum / list.length).toFixed(2)} ms CPU a request on average over ${list.length} kinds`);
  }
  console.log(`load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  if (values.sql)
    for (const [q, e] of [...sqlTime.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 20))
      console.log(
        `${e.ms.toFixed(0).padStart(6)} ms ${String(e.n).padStart(6)}× ${(e.ms / e.n).toFixed(3)} ms  ${q.replace(/\s+/g, ' ').slice(0, 200)}`,
      );
} finally {
  await app.close();
  await store.close();
}
