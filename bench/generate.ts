// Generates a record of any size straight into the database and reports how long it took.
//   npx tsx bench/generate.ts --cadres 1000000 --data bench/out/big [--seed S] [--units N] [--force]
// (SANXIANG_DATABASE_URL selects PostgreSQL, as for the CLI.) Peak memory is measured from outside with
// /usr/bin/time -v; the script prints its own heap high-water mark and the row counts.
import { parseArgs } from 'node:util';
import { openStore, storeOptionsFromEnv } from '../src/store/index.js';
import { DEFAULT_SEED, writeRecord } from './generator/index.js';
import { recordIsEmpty, wipeRecord } from './generator/store-utils.js';

const { values } = parseArgs({
  options: {
    cadres: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    units: { type: 'string' },
    'batch-rows': { type: 'string', default: '50000' },
    data: { type: 'string', default: 'bench/out/big' },
    force: { type: 'boolean', default: false },
  },
});

const cadres = Number(values.cadres);
const store = await openStore(storeOptionsFromEnv(values.data as string));
try {
  if (!(await recordIsEmpty(store))) {
    if (!values.force)
      throw new Error(`数据库已有记录 (the database at ${store.location} already holds a record; pass --force)`);
    await wipeRecord(store);
  }
  const t0 = performance.now();
  let lastLog = 0;
  let heapPeak = 0;
  const summary = await writeRecord(
    store,
    {
      cadres,
      seed: Number(values.seed),
      batchRows: Number(values['batch-rows']),
      ...(values.units ? { units: Number(values.units) } : {}),
    },
    (p) => {
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      const now = performance.now();
      if (now - lastLog > 10_000 || p.cadresDone === p.cadresTotal) {
        lastLog = now;
        const rss = (process.memoryUsage().rss / 2 ** 20).toFixed(0);
        process.stderr.write(
          `[${((now - t0) / 1000).toFixed(1)}s] ${p.phase} ${p.cadresDone}/${p.cadresTotal} cadres, rss ${rss} MiB\n`,
        );
      }
    },
  );
  await store.analyze();
  const seconds = (performance.now() - t0) / 1000;
  const rows = Object.values(summary.rows).reduce((a, b) => a + b, 0);
  process.stdout.write(
    JSON.stringify(
      {
        database: store.location,
        seconds: Number(seconds.toFixed(1)),
        rows,
        rowsPerSecond: Math.round(rows / seconds),
        heapPeakMiB: Math.round(heapPeak / 2 ** 20),
        units: summary.units,
        cadres: summary.cadres,
        byKind: summary.rows,
        packs: summary.packs,
      },
      null,
      2,
    ) + '\n',
  );
} finally {
  await store.close();
}
