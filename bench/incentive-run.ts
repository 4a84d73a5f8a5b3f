// The annual incentive run over a province (issue: ≤ 10 s on the 1,000,000-cadre record): open the record, start a
// run for the province's root unit (collect the region's results, evaluate its rulebooks, compute and store every
// list), then a recomputation. A record is generated first when the data directory holds none.
//
//   npx tsx bench/incentive-run.ts --data bench/out/big [--province 江苏省] [--year 2025] [--cadres 1000000]
//
// Prints a JSON summary.
import { parseArgs } from 'node:util';
import { writeRecord } from './generator/index.js';
import { recordIsEmpty } from './generator/store-utils.js';
import { IncentiveRunService } from '../src/mechanisms/incentive/run.js';
import { packRegistry } from '../src/packs/index.js';
import { incentiveRunsOf } from '../src/store/incentive-runs.js';
import { openStore } from '../src/store/index.js';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: 'bench/out/big' },
    province: { type: 'string', default: '江苏省' },
    year: { type: 'string', default: '2025' },
    cadres: { type: 'string', default: '1000000' },
  },
});

const store = await openStore({ dataDir: args.data! });
if (await recordIsEmpty(store)) await writeRecord(store, { cadres: Number(args.cadres), seed: 7 });
const root = (await store.repo('units').list({ where: { name: args.province! }, limit: 1 }))[0];
if (!root) throw new Error(`no unit named ${args.province}`);
const cadres = await store.repo('cadres').count();
const service = new IncentiveRunService(store, packRegistry());
const year = Number(args.year);
const existing = await incentiveRunsOf(store).find(root.id, year, root.pack ?? '');
// wall time is inflated on a shared machine: the process's own CPU time (all threads) is reported beside it
const cpuS = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return +((u.user + u.system) / 1e6).toFixed(2);
};
service.timings = {};
let t = performance.now();
let cpu = process.cpuUsage();
const run = existing
  ? await service.recompute(existing.id, existing.version, { userId: null })
  : await service.create({ organiserUnitId: root.id, year }, { userId: null });
const first = (performance.now() - t) / 1000;
const firstCpu = cpuS(cpu);
const firstPhases = { ...service.timings };
t = performance.now();
cpu = process.cpuUsage();
await service.recompute(run.id, run.version, { userId: null });
const again = (performance.now() - t) / 1000;
const againCpu = cpuS(cpu);
const entries = (await incentiveRunsOf(store).entries(run.id)).length;
console.log(
  JSON.stringify(
    {
      cadres,
      province: args.province,
      year,
      entries,
      firstRunS: +first.toFixed(2),
      firstRunCpuS: firstCpu,
      firstRunPhasesMs: firstPhases,
      recomputeS: +again.toFixed(2),
      recomputeCpuS: againCpu,
      recomputePhasesMs: service.timings,
      loadAverage: (await import('node:os')).loadavg().map((x) => +x.toFixed(2)),
      target: '≤ 10 s',
    },
    null,
    2,
  ),
);
await store.close();
