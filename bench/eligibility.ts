// The eligibility check (任职资格审查) of 1,000 candidates, in-process as the API runs it: load the candidates' facts
// (store/facts-loader.ts loadCadresFacts: every unit, the candidates and their own records) and the local parameters
// in force (mechanisms/params/in-force.ts), and evaluate them (mechanisms/adjustment/eligibility.ts). The candidates are every cadre with a sanction or an adjustment on record
// (up to half the list) and cadres spread over the record for the rest, so every kind of period is in the list.
//   npx tsx bench/eligibility.ts [--data DIR] [--cadres N] [--units N] [--candidates 1000] [--runs 5] [--date D]
// A record holding cadres at --data is used as it is; otherwise a record of --cadres (default 100,000) and --units
// (default 20,000: the unit tree of the 1,000,000-cadre record, which every check reads in full) is generated
// there first (into a temporary directory, removed afterwards, when --data is not given).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeRecord } from './generator/index.js';
import { checkEligibility } from '../src/mechanisms/adjustment/eligibility.js';
import { LocalParamsInForce } from '../src/mechanisms/params/in-force.js';
import { packRegistry } from '../src/packs/index.js';
import { loadCadresFacts } from '../src/store/facts-loader.js';
import { openStore, storeOptionsFromEnv } from '../src/store/index.js';
import type { KyselyStore } from '../src/store/kysely-store.js';
import { dbOf } from '../src/server/context.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    cadres: { type: 'string', default: '100000' },
    units: { type: 'string', default: '20000' },
    candidates: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '5' },
    date: { type: 'string', default: '2026-11-01' },
  },
});
const n = Number(values.candidates);
const runs = Number(values.runs);
const date = values.date!;
const dir = values.data ?? mkdtempSync(path.join(tmpdir(), 'sx-bench-elig-'));
const store = await openStore(storeOptionsFromEnv(dir));
try {
  const empty = !(await dbOf(store).selectFrom('cadres').select('id').limit(1).executeTakeFirst());
  if (empty) {
    const t = performance.now();
    const s = await writeRecord(store, { cadres: Number(values.cadres), units: Number(values.units) });
    console.log(`generated ${s.cadres} cadres, ${s.units} units in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const db = dbOf(store);
  const marked = (
    (await db
      .selectFrom('cadres')
      .select('id')
      .where((eb) =>
        eb.or([
          eb('id', 'in', eb.selectFrom('sanctions').select('cadre_id')),
          eb('id', 'in', eb.selectFrom('adjustments').select('cadre_id')),
        ]),
      )
      .limit(Math.floor(n / 2))
      .execute()) as { id: string }[]
  ).map((r) => r.id);
  const total = Number(
    (
      (await db
        .selectFrom('cadres')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()) as { n: unknown }
    ).n,
  );
  const step = Math.max(1, Math.floor(total / (n - marked.length)));
  const spread = ((await db.selectFrom('cadres').select('id').orderBy('id').execute()) as { id: string }[])
    .filter((_, i) => i % step === 0)
    .map((r) => r.id)
    .filter((id) => !marked.includes(id));
  const candidates = [...marked, ...spread].slice(0, n);
  console.log(
    `record: ${total} cadres; candidates: ${candidates.length} (${marked.length} with a sanction or adjustment)`,
  );
  const registry = packRegistry();
  const times: { load: number; evaluate: number; total: number; cpu: number }[] = [];
  let blocked = 0;
  const tables: Record<string, number> = {};
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const facts = await loadCadresFacts(store as unknown as KyselyStore, date, candidates, tables);
    const local = await LocalParamsInForce.load(store, registry, date);
    const t1 = performance.now();
    const results = checkEligibility(registry, facts, date, candidates, local);
    const t2 = performance.now();
    blocked = results.filter((r) => r.verdict.kind !== 'eligible').length;
    const cpu = process.cpuUsage(cpu0);
    // CPU time of this process (user + system): what the check costs when it has a core to itself
    if (i > 0) times.push({ load: t1 - t0, evaluate: t2 - t1, total: t2 - t0, cpu: (cpu.user + cpu.system) / 1000 });
    else console.log(`first run (cold): ${(t2 - t0).toFixed(0)} ms`);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const fmt = (k: 'load' | 'evaluate' | 'total' | 'cpu') =>
    `${k} median ${median(times.map((t) => t[k])).toFixed(0)} ms, max ${Math.max(...times.map((t) => t[k])).toFixed(0)} ms`;
  console.log(`${runs} runs of ${candidates.length} candidates (${blocked} blocked on ${date}):`);
  for (const k of ['load', 'evaluate', 'total', 'cpu'] as const) console.log(`  ${fmt(k)}`);
  console.log(`  last load by table (ms): ${JSON.stringify(tables)}`);
  console.log(
    `  load average while running: ${(await import('node:os'))
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await store.close();
  if (!values.data) rmSync(dir, { recursive: true, force: true });
}
