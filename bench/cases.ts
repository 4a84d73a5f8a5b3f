// Case list and 待办 under load: 100,000 tolerance cases with their histories on a generated record (bench/generate.ts),
// through the real HTTP server.
//   npx tsx bench/cases.ts --data bench/out/big [--cases 100000] [--duration 15] [--connections 100] [--workers W]
//   (SANXIANG_DATABASE_URL selects PostgreSQL, as for the CLI and bench/generate.ts)
// The first run on a record adds the cases (each walked through its pack's procedure by the engine: history, who took
// part, who may act now), then the accounts the load runs as; later runs reuse them. Scenarios, each with C
// concurrent connections, every connection its own session, half a province-wide 纪检监察 officer and half one of a
// city (南通市):
//   list  GET /api/cases: first pages, later pages by offset, pages by state, pack, year and unit, pages of 20 and 50
//   todo  GET /api/cases/todo: 待办 pages, the same way
// Results: a table on stdout and bench/out/cases-<engine>-c<connections>-w<workers>.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { NEW_STATE, type ProcedureDef } from '../src/domain/procedure.js';
import { openActorRows } from '../src/mechanisms/tolerance/actors.js';
import { hashPassword } from '../src/server/accounts/password.js';
import { createSession, findUserByName, insertUser } from '../src/server/accounts/users.js';
import { rebuildCaseCounts } from '../src/store/case-counts.js';
import { rebuildCaseTodo } from '../src/store/case-todo.js';
import { openStore, storeOptionsFromEnv } from '../src/store/index.js';
import type { KyselyStore } from '../src/store/kysely-store.js';
import { definitionRegistry } from '../src/workflow/definitions.js';
import { openActions, step, START, type CasePosition } from '../src/workflow/engine.js';
import { servingPids, startServer } from '../test/ops/server-process.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'bench/out/big' },
    cases: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '100' },
    workers: { type: 'string', default: '1' },
    only: { type: 'string' },
  },
});
const N = Number(values.cases);
const connections = Number(values.connections);
const duration = Number(values.duration);
const dataDir = values.data as string;
const engine = process.env.SANXIANG_DATABASE_URL ? 'postgres' : 'sqlite';
const PASSWORD = 'Bench#Cases2026x';
const WARM_UP_S = 3;

/** A deterministic pseudo-random sequence (the same cases on every record of the same size). */
let seed = 4242;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return Math.floor(seed / 65536) % n;
};

interface Walk {
  /** each step: the action and the position after it */
  steps: { action: string; from: string; to: string; pos: CasePosition; outcome?: string }[];
}

/** Walks through a procedure at random from its ex officio start, mostly moving on, up to `max` steps. */
function walkOf(def: ProcedureDef, max: number): Walk {
  const first = def.actions.find((a) => a.from.includes(NEW_STATE) && a.start === 'ex_officio') ?? def.actions[0]!;
  let pos = step(def, START, first.id)!;
  const steps: Walk['steps'] = [{ action: first.id, from: NEW_STATE, to: pos.state, pos }];
  for (let n = 0; n < max && !def.states[pos.state]?.final; n++) {
    const open = openActions(def, pos);
    if (!open.length) break;
    const moving = open.filter((a) => a.to !== pos.state);
    const pool = moving.length && rand(5) > 0 ? moving : open;
    const a = pool[rand(pool.length)]!;
    const outcome = a.concludes ? a.concludes[rand(a.concludes.length)] : undefined;
    const next = step(def, pos, a.id, outcome as never);
    if (!next) continue;
    steps.push({ action: a.id, from: pos.state, to: next.state, pos: next, outcome });
    pos = next;
  }
  return { steps };
}

const store = (await openStore(storeOptionsFromEnv(dataDir))) as unknown as KyselyStore;
const db = store.db;
const sqliteBool = (v: boolean) => (store.dialect === 'sqlite' ? (v ? 1 : 0) : v);
try {
  const have = Number(
    (
      await db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n ?? 0,
  );
  if (have < N) {
    const t0 = performance.now();
    const units = await db.selectFrom('units').select(['id', 'parent_id', 'pack']).execute();
    const parent = new Map(units.map((u) => [u.id as string, (u.parent_id as string | null) ?? null]));
    const own = new Map(units.map((u) => [u.id as string, (u.pack as string | null) ?? null]));
    const packOf = (id: string): string | null => {
      for (let u: string | null = id, i = 0; u && i < 50; u = parent.get(u) ?? null, i++)
        if (own.get(u)) return own.get(u)!;
      return null;
    };
    const reg = definitionRegistry();
    const defs = new Map(
      ['jiangsu', 'shaanxi', 'rudong', 'anhui', 'jiaozuo'].map((p) => [p, reg.current(p, 'tolerance')!]),
    );
    // a few hundred walks per pack, stopped at every length: the states cases stand in, as they would in a year's work
    const walks = new Map([...defs].map(([p, d]) => [p, Array.from({ length: 300 }, () => walkOf(d, 2 + rand(16)))]));
    const cadres = await db.selectFrom('cadres').select(['id', 'managing_unit_id']).execute();
    console.error(`${cadres.length} cadres, ${units.length} units; adding ${N - have} cases…`);
    let made = have;
    let i = have;
    while (made < N) {
      await store.transaction(async (tx) => {
        const t = (tx as unknown as KyselyStore).db;
        const cases: Record<string, unknown>[] = [];
        const steps: Record<string, unknown>[] = [];
        const parts: Record<string, unknown>[] = [];
        const actors: Record<string, unknown>[] = [];
        const matters: Record<string, unknown>[] = [];
        while (cases.length < 2000 && made < N) {
          const c = cadres[(i++ * 7919) % cadres.length]!;
          const unit = c.managing_unit_id as string;
          const pack = packOf(unit);
          const def = pack ? defs.get(pack) : undefined;
          if (!def) continue;
          const w = walks.get(pack!)![rand(300)]!;
          const upto = 1 + rand(w.steps.length);
          const last = w.steps[upto - 1]!;
          const id = `bench-case-${made}`;
          const year = 2019 + rand(8);
          const opened = `${year}-${String(1 + rand(12)).padStart(2, '0')}-${String(1 + rand(28)).padStart(2, '0')}`;
          const closed = def.states[last.pos.state]?.final === true;
          matters.push({
            id: `bench-matter-${made}`,
            subjectCadreId: c.id,
            subjectUnitId: null,
            description: '项目审批失误（压测）',
            accountableUnitId: unit,
            openedOn: opened,
            decidedOn: null,
            outcome: null,
            decision: null,
          });
          cases.push({
            id,
            version: upto,
            pack,
            procedure: def.procedure,
            definition_version: def.version,
            state: last.pos.state,
            context: JSON.stringify(last.pos.context),
            subject_type: 'cadre',
            subject_id: c.id,
            handling_unit_id: unit,
            matter_id: `bench-matter-${made}`,
            outcome: last.pos.context.outcome ?? null,
            opened_on: opened,
            year,
            closed: sqliteBool(closed),
            started_by: `bench-actor-${unit}`,
          });
          for (const [k, s] of w.steps.slice(0, upto).entries())
            steps.push({
              case_id: id,
              seq: k + 1,
              on_date: opened,
              recorded_at: `${opened}T09:00:00.000Z`,
              action: s.action,
              from_state: s.from,
              to_state: s.to,
              actor_user_id: `bench-actor-${unit}`,
              actor_role: 'discipline_officer',
              actor_unit_id: unit,
              actor_cadre_id: null,
              inputs: JSON.stringify(s.outcome ? { outcome: s.outcome } : {}),
              reason: null,
              documents: '[]',
              evaluation: null,
            });
          parts.push({ case_id: id, user_id: `bench-actor-${unit}`, part: 'starter' });
          if (!closed) {
            const where = {
              subjectType: 'cadre' as const,
              subjectId: c.id as string,
              handlingUnitId: unit,
              subjectUnitId: unit,
            };
            for (const r of openActorRows(openActions(def, last.pos), where, parent.get(unit) ?? null))
              actors.push({ case_id: id, role: r.role, reach: r.reach, unit_id: r.unitId, cadre_id: r.cadreId });
          }
          made++;
        }
        await tx.insertMany('accountabilityMatters', matters as never);
        const put = async (table: string, rows: Record<string, unknown>[]) => {
          for (let k = 0; k < rows.length; k += 400)
            await t
              .insertInto(table)
              .values(rows.slice(k, k + 400))
              .execute();
        };
        await put('cases', cases);
        await put('case_steps', steps);
        await put('case_participants', parts);
        await put('case_open_actors', actors);
      });
      if (made % 20000 === 0) console.error(`  ${made} cases (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
    // the cases went in around the store: their counts and 待办 rows (migrations 0024 and 0031 built them for the
    // record as it stood)
    const tc = performance.now();
    await rebuildCaseCounts(db);
    await rebuildCaseTodo(db);
    console.error(`case counts and 待办 rows rebuilt in ${((performance.now() - tc) / 1000).toFixed(1)} s`);
    await store.analyze();
    console.error(`cases added in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  // the accounts the load runs as: a province-wide 纪检监察 officer and one of 南通市
  const nantong = await db.selectFrom('units').select('id').where('name', '=', '南通市').executeTakeFirst();
  for (const [username, unitId] of [
    ['bench_discipline', null],
    ['bench_city_discipline', (nantong?.id as string | undefined) ?? null],
  ] as const)
    if (!(await findUserByName(db, username)))
      await insertUser(
        db,
        {
          username,
          displayName: '压测纪检监察干部',
          role: 'discipline_officer',
          unitId,
          passwordHash: await hashPassword(PASSWORD),
          mustChangePassword: false,
        },
        new Date(),
      );
} finally {
  await store.close();
}

// no alert scan in the server measured, neither periodic nor at its start (at a million cadres it holds the server
// for minutes; bench/alerts.ts measures it); the load below still waits until the server is idle (see waitIdle)
const server = await startServer(
  dataDir,
  ['--workers', String(values.workers)],
  { SANXIANG_ALERT_SCAN_HOURS: '0', SANXIANG_ALERT_SCAN_AT_START: '0' },
  30 * 60_000,
);
process.on('exit', () => server.child.kill('SIGKILL'));
const base = server.url;
const store2 = (await openStore(storeOptionsFromEnv(dataDir))) as unknown as KyselyStore;
const cookies: string[] = [];
let cityUnit: string | null = null;
try {
  const users = await Promise.all(
    ['bench_discipline', 'bench_city_discipline'].map((u) => findUserByName(store2.db, u)),
  );
  cityUnit = users[1]!.unitId ?? null;
  for (let i = 0; i < connections; i++)
    cookies.push(`sx_session=${await createSession(store2.db, users[i % 2]!.id, new Date(), 12 * 3600_000, true)}`);
} finally {
  await store2.close();
}

async function api<T>(p: string, cookie = cookies[0]!): Promise<T> {
  const res = await fetch(base + p, { headers: { cookie } });
  if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
const all = await api<{ total: number; totalCapped: boolean }>('/api/cases?limit=1');
const city = await api<{ total: number; totalCapped: boolean }>('/api/cases?limit=1', cookies[1]);
const todo = await api<{ total: number; totalCapped: boolean }>('/api/cases/todo?limit=1');
const cityTodo = await api<{ total: number; totalCapped: boolean }>('/api/cases/todo?limit=1', cookies[1]);
const shown = (x: { total: number; totalCapped: boolean }) => `${x.total}${x.totalCapped ? '+' : ''}`;
console.error(
  `cases seen: province ${shown(all)} (待办 ${shown(todo)}), 南通市 ${shown(city)} (待办 ${shown(cityTodo)})`,
);

const STATES = ['investigating', 'deciding', 'closed', 'concluded'];
const PACKS = ['jiangsu', 'shaanxi', 'anhui', 'jiaozuo', 'rudong'];
let counter = 0;
function pathOf(kind: 'cases' | 'cases/todo', n: number, i: number): string {
  const p = `/api/${kind}`;
  switch (n % 5) {
    case 0:
      return `${p}?limit=20`;
    case 1:
      return `${p}?limit=20&offset=${((n >> 3) % 10) * 20}`;
    case 2:
      return `${p}?limit=20&state=${STATES[n % STATES.length]}`;
    case 3:
      return i % 2 && cityUnit
        ? `${p}?limit=20&unit=${cityUnit}&year=${2019 + (n % 8)}`
        : `${p}?limit=20&pack=${PACKS[n % PACKS.length]}&year=${2019 + (n % 8)}`;
    default:
      return `${p}?limit=50`;
  }
}
// each kind of request once, one at a time, as each user: what one request costs with no queue in front of it
for (const kind of ['cases', 'cases/todo'] as const)
  for (let n = 0; n < 10; n++) {
    const path = pathOf(kind, n, n % 2);
    const t = performance.now();
    const res = await fetch(base + path, { headers: { cookie: cookies[n % 2]! } });
    await res.arrayBuffer();
    console.error(
      `  ${res.status} ${(performance.now() - t).toFixed(0).padStart(6)} ms  ${n % 2 ? 'city' : 'province'} ${path}`,
    );
  }
const scenario = (kind: 'cases' | 'cases/todo'): Partial<autocannon.Options> => ({
  requests: [
    {
      setupRequest: (req) => {
        const n = counter++;
        const i = n % connections;
        return {
          ...req,
          method: 'GET',
          path: pathOf(kind, Math.floor(n / connections) + n, i),
          headers: { cookie: cookies[i]! },
        };
      },
    },
  ],
});
const scenarios = [
  { name: 'list', opts: scenario('cases') },
  { name: 'todo', opts: scenario('cases/todo') },
];
/**
 * CPU seconds the server's processes have used (supervisor and workers, user + system, from /proc): on a shared
 * machine the wall times measure the queue for a core as well, the CPU time per request the code's own cost.
 */
function serverCpu(): number {
  let ticks = 0;
  for (const pid of [server.child.pid!, ...servingPids(server.child.pid!)]) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(f[11]) + Number(f[12]); // utime, stime (fields 14 and 15)
    } catch {
      // a process that has gone: its time is lost with it
    }
  }
  return ticks / 100;
}
/** Waits (up to 10 min) until the server used under 0.3 s of CPU in 3 s: the work it does after its start is over. */
async function waitIdle(): Promise<number> {
  const t0 = performance.now();
  for (let last = serverCpu(); performance.now() - t0 < 600_000;) {
    await new Promise((r) => setTimeout(r, 3000));
    const now = serverCpu();
    if (now - last < 0.3) break;
    last = now;
  }
  return (performance.now() - t0) / 1000;
}
console.error(`server idle after ${(await waitIdle()).toFixed(0)} s`);
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const rows = [];
for (const s of scenarios.filter((x) => !values.only || values.only.split(',').includes(x.name))) {
  console.error(`${s.name}: ${connections} connections × ${duration} s…`);
  await autocannon({ url: base, connections, duration: WARM_UP_S, ...s.opts } as autocannon.Options);
  const cpu0 = serverCpu();
  const r = await autocannon({ url: base, connections, duration, ...s.opts } as autocannon.Options);
  const cpu = serverCpu() - cpu0;
  rows.push({
    scenario: s.name,
    load: load(),
    cpuMsPerRequest: r.requests.total ? Math.round((cpu * 1000 * 10) / r.requests.total) / 10 : null,
    requests: r.requests.total,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  });
}
server.child.kill('SIGTERM');
await server.exited;

const meta = {
  engine,
  cases: { province: shown(all), city: shown(city), todoProvince: shown(todo), todoCity: shown(cityTodo) },
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
  `bench/out/cases-${engine}-c${connections}-w${values.workers}.json`,
  JSON.stringify({ meta, rows }, null, 2) + '\n',
);
console.log(
  `| scenario (${engine}, ${connections} conn., ${values.workers} workers) | req/s | p50 ms | p90 ms | p99 ms | max ms | requests | non-2xx | errors | server CPU ms/request | load average |`,
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.scenario} | ${r.rps} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.requests} | ${r.non2xx} | ${r.errors} | ${r.cpuMsPerRequest ?? '–'} | ${r.load} |`,
  );
