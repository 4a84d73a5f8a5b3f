// The unit grading workbench under load, through the real HTTP server: unit liaisons of many units at once read
// their workbench (cadres, proposals, the quota meter) and propose grades (mostly 称职, some 优秀: refused over the
// share with a 400, which is the workbench working), on a province's annual incentive run.
//   npx tsx bench/workbench.ts --data bench/out/big [--province 江苏省] [--year 2025] [--connections 100]
//     [--duration 15] [--units 100]
//   (SANXIANG_DATABASE_URL selects PostgreSQL, as for the CLI)
// The first run on a record starts the province's run (when none exists) and adds one liaison account per unit
// (units of the province whose workbench lists 5–200 cadres); later runs reuse them. Every connection is its own liaison's session.
// Results: a table on stdout and bench/out/workbench-<engine>-c<connections>.json.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { IncentiveRunService } from '../src/mechanisms/incentive/run.js';
import { packRegistry } from '../src/packs/index.js';
import { hashPassword } from '../src/server/accounts/password.js';
import { createSession, findUserByName, insertUser } from '../src/server/accounts/users.js';
import { subtreeUnits } from '../src/store/derived.js';
import { incentiveRunsOf } from '../src/store/incentive-runs.js';
import { openStore, storeOptionsFromEnv } from '../src/store/index.js';
import type { KyselyStore } from '../src/store/kysely-store.js';
import { buildServer } from '../src/server/app.js';
import type { FieldCipher } from '../src/crypto/fields.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'bench/out/big' },
    province: { type: 'string', default: '江苏省' },
    year: { type: 'string', default: '2025' },
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '100' },
    units: { type: 'string', default: '100' },
    serve: { type: 'boolean', default: false },
  },
});
if (values.serve) {
  const so = storeOptionsFromEnv(values.data as string);
  const served = await openStore(so);
  const app = await buildServer({
    dataDir: values.data as string,
    store: served,
    cipher: so.cipher as FieldCipher | undefined,
    logger: false,
    webDist: false,
    alertScan: { hours: 0, atStart: false },
  });
  app.addHook('onClose', async () => served.close());
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
  console.log(`listening on ${await app.listen({ port: 0, host: '127.0.0.1' })}`);
} else await measure();

async function measure(): Promise<void> {
  const connections = Number(values.connections);
  const duration = Number(values.duration);
  const dataDir = values.data as string;
  const year = Number(values.year);
  const engine = process.env.SANXIANG_DATABASE_URL ? 'postgres' : 'sqlite';
  const PASSWORD = 'Bench#Workbench2026x';
  const WARM_UP_S = 3;

  let runId: string;
  let liaisons: { username: string; unitId: string; cadres: string[] }[] = [];
  const store = (await openStore(storeOptionsFromEnv(dataDir))) as unknown as KyselyStore;
  try {
    const root = (await store.repo('units').list({ where: { name: values.province! }, limit: 1 }))[0];
    if (!root) throw new Error(`no unit named ${values.province}`);
    const existing = await incentiveRunsOf(store).find(root.id, year, root.pack ?? '');
    const run =
      existing ??
      (await new IncentiveRunService(store, packRegistry()).create(
        { organiserUnitId: root.id, year },
        { userId: null },
      ));
    if (run.state !== 'computed') throw new Error(`the run is ${run.state}: grades are proposed while it is computed`);
    runId = run.id;
    // units of the province whose workbench is of a usual size: it lists every cadre managed in the unit's subtree,
    // so a unit with few cadres of its own but a city below it (21,554 cadres in 江苏) is not one of them
    const units = (
      await sql<{ id: string; n: number }>`select a.ancestor_id as id, count(*) as n from cadres c
      join unit_ancestors a on a.unit_id = c.managing_unit_id
      where a.ancestor_id in ${subtreeUnits(root.id)}
      group by a.ancestor_id having count(*) between 5 and 200 order by a.ancestor_id`.execute(store.db)
    ).rows;
    const step = Math.max(1, Math.floor(units.length / Number(values.units)));
    const chosen = units.filter((_, i) => i % step === 0).slice(0, Number(values.units));
    for (const u of chosen) {
      // one account per unit, named for it: a later run choosing other units never reuses an account of another unit
      const username = `bench_liaison_${u.id}`;
      if (!(await findUserByName(store.db, username)))
        await insertUser(
          store.db,
          {
            username,
            displayName: '压测单位联络员',
            role: 'unit_liaison',
            unitId: u.id,
            passwordHash: await hashPassword(PASSWORD),
            mustChangePassword: false,
          },
          new Date(),
        );
      const cadres = (
        await store.db
          .selectFrom('cadres')
          .select('id')
          .where(sql<boolean>`managing_unit_id in ${subtreeUnits(u.id)}`)
          .execute()
      ).map((r) => String(r.id));
      liaisons.push({ username, unitId: u.id, cadres });
    }
  } finally {
    await store.close();
  }

  // The server runs in a process of its own, built as `sanxiang serve` builds it but without the alert list's full
  // scan at start (as `SANXIANG_ALERT_SCAN_AT_START=0` does): over a million cadres that scan holds the server's only
  // thread for minutes (bench/alerts.ts measures it).
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', '--data', dataDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  process.on('exit', () => server.kill('SIGKILL'));
  const exited = new Promise<void>((r) => server.once('exit', () => r()));
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    void exited.then(() => reject(new Error(`server exited: ${out}`)));
  });
  const store2 = (await openStore(storeOptionsFromEnv(dataDir))) as unknown as KyselyStore;
  const cookies: string[] = [];
  try {
    for (let i = 0; i < connections; i++) {
      const l = liaisons[i % liaisons.length]!;
      const user = await findUserByName(store2.db, l.username);
      cookies.push(`sx_session=${await createSession(store2.db, user!.id, new Date(), 12 * 3600_000, true)}`);
    }
  } finally {
    await store2.close();
  }
  liaisons = Array.from({ length: connections }, (_, i) => liaisons[i % liaisons.length]!);
  // one call first, so a setup mistake shows as a message rather than as a table of timeouts
  {
    const t = performance.now();
    const res = await fetch(`${base}/api/incentive/runs/${runId}/workbench?unitId=${liaisons[0]!.unitId}`, {
      headers: { cookie: cookies[0]! },
    });
    const body = await res.text();
    console.error(`first workbench: ${res.status} in ${Math.round(performance.now() - t)} ms`);
    if (!res.ok) throw new Error(body);
  }

  let counter = 0;
  /** Per connection: three reads of the workbench to one proposal (a liaison looks, then grades one cadre). */
  const scenario = (kind: 'read' | 'mix' | 'propose'): Partial<autocannon.Options> => ({
    requests: [
      {
        setupRequest: (req) => {
          const n = counter++;
          const i = n % connections;
          const l = liaisons[i]!;
          const propose = kind === 'propose' || (kind === 'mix' && n % 4 === 3);
          if (!propose)
            return {
              ...req,
              method: 'GET',
              path: `/api/incentive/runs/${runId}/workbench?unitId=${l.unitId}`,
              headers: { cookie: cookies[i]! },
            };
          const cadre = l.cadres[Math.floor(n / connections) % l.cadres.length]!;
          return {
            ...req,
            method: 'PUT',
            path: `/api/incentive/runs/${runId}/grades/${cadre}`,
            headers: { cookie: cookies[i]!, 'content-type': 'application/json' },
            body: JSON.stringify({ grade: n % 10 === 3 ? '优秀' : '称职' }),
          };
        },
      },
    ],
  });

  /** The server process's own CPU time, from /proc (0 where there is none). */
  function serverCpuS(): number {
    const ticks = 100; // USER_HZ
    let total = 0;
    for (const pid of [server.pid!]) {
      try {
        const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        total += (Number(f[11]) + Number(f[12])) / ticks;
      } catch {
        // the process is gone
      }
    }
    return +total.toFixed(2);
  }

  const rows = [];
  for (const name of ['read', 'mix', 'propose'] as const) {
    console.error(`${name}: ${connections} connections × ${duration} s…`);
    await autocannon({ url: base, connections, duration: WARM_UP_S, ...scenario(name) } as autocannon.Options);
    const cpu0 = serverCpuS();
    const r = await autocannon({ url: base, connections, duration, ...scenario(name) } as autocannon.Options);
    rows.push({
      scenario: name,
      requests: r.requests.total,
      rps: Math.round(r.requests.average),
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      max: r.latency.max,
      '2xx': r['2xx'],
      '4xx': r['4xx'],
      '5xx': r['5xx'],
      errors: r.errors + r.timeouts,
      serverCpuS: +(serverCpuS() - cpu0).toFixed(2),
      loadAverage: os.loadavg().map((x) => +x.toFixed(2)),
    });
  }
  server.kill('SIGTERM');
  await exited;

  console.table(rows);
  mkdirSync('bench/out', { recursive: true });
  const file = `bench/out/workbench-${engine}-c${connections}.json`;
  writeFileSync(
    file,
    JSON.stringify(
      { engine, connections, duration, units: new Set(liaisons.map((l) => l.unitId)).size, rows },
      null,
      2,
    ),
  );
  console.error(`written ${file}`);
}
