// Benchmark: a 200,000-row cadre sheet through `sanxiang import` and `sanxiang export` on SQLite, measuring wall
// time and peak RSS with /usr/bin/time -v (the import must stream: its memory must not grow with the sheet).
// For contrast it also loads the same file with exceljs's non-streaming Workbook reader.
//
//   npx tsx bench/xlsx-import.ts [--rows 200000] [--keep]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/index.js';
import { GOOD_SHEETS } from '../src/io/xlsx/fixtures.js';
import { importXlsx } from '../src/io/xlsx/import.js';
import { writeBook, writeCadreSheet } from '../src/io/xlsx/testing.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const rows = Number(args[args.indexOf('--rows') + 1] ?? 200_000) || 200_000;
const keep = args.includes('--keep');
/** A heap the import must fit in: the ids and duplicate keys it keeps, not the workbook (which needs ~900 MiB). */
const HEAP_CAP_MIB = 128;

interface Measured {
  wallSeconds: number;
  peakRssMiB: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs node with tsx under GNU time and reads its peak RSS and wall time. */
function measure(nodeArgs: string[]): Measured {
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, '--import', 'tsx', ...nodeArgs], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SANXIANG_DATABASE_URL: '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  if (!rss || !wall) throw new Error(`cannot read /usr/bin/time output:\n${r.stderr.slice(-2000)}`);
  return {
    wallSeconds: Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]),
    peakRssMiB: Number(rss[1]) / 1024,
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
  };
}

const dir = mkdtempSync(path.join(tmpdir(), 'sanxiang-bench-xlsx-'));
try {
  const dataDir = path.join(dir, 'data');
  const unitsFile = path.join(dir, 'units.xlsx');
  const cadresFile = path.join(dir, 'cadres.xlsx');
  await writeBook(unitsFile, [GOOD_SHEETS[0]!]);
  const t = Date.now();
  await writeCadreSheet(cadresFile, rows, ['U01', 'U02', 'U03', 'U04', 'U05']);
  const genSeconds = (Date.now() - t) / 1000;
  const store = await openStore({ dataDir });
  if (!(await importXlsx(store, unitsFile)).ok) throw new Error('units did not import');
  await store.close();

  const cli = path.join(ROOT, 'src/cli/run.ts');
  const imp = measure([cli, '--data', dataDir, 'import', cadresFile]);
  if (imp.status !== 0) throw new Error(`import failed:\n${imp.stdout}\n${imp.stderr.slice(-3000)}`);
  // the same import into a fresh database with the JavaScript heap capped: it only fits if rows are streamed
  const capped = path.join(dir, 'capped');
  const store2 = await openStore({ dataDir: capped });
  if (!(await importXlsx(store2, unitsFile)).ok) throw new Error('units did not import');
  await store2.close();
  const impCapped = measure([`--max-old-space-size=${HEAP_CAP_MIB}`, cli, '--data', capped, 'import', cadresFile]);
  if (impCapped.status !== 0)
    throw new Error(`import with a ${HEAP_CAP_MIB} MiB heap failed:\n${impCapped.stderr.slice(-3000)}`);
  const exportFile = path.join(dir, 'export.xlsx');
  const exp = measure([`--max-old-space-size=${HEAP_CAP_MIB}`, cli, '--data', dataDir, 'export', 'cadres', exportFile]);
  if (exp.status !== 0) throw new Error(`export failed:\n${exp.stderr.slice(-3000)}`);
  // the same file through exceljs's in-memory Workbook, for contrast
  const whole = measure([
    '-e',
    `const E=require('exceljs');const w=new E.Workbook();w.xlsx.readFile(${JSON.stringify(cadresFile)}).then(()=>console.log(w.worksheets[0].rowCount))`,
  ]);

  const mib = (n: number) => `${n.toFixed(0)} MiB`;
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const lines = [
    `## xlsx import/export, ${rows.toLocaleString('en')} cadre rows (SQLite)`,
    '',
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}; ` +
      `date ${new Date().toISOString().slice(0, 10)}; commit ${commit || '?'}`,
    `file: ${(statSync(cadresFile).size / 2 ** 20).toFixed(1)} MiB .xlsx (generated in ${genSeconds.toFixed(1)} s)`,
    '',
    '| step | wall time | peak RSS |',
    '|---|---|---|',
    `| \`sanxiang import\` (validate pass + write pass, one transaction) | ${imp.wallSeconds.toFixed(1)} s | ${mib(imp.peakRssMiB)} |`,
    `| the same import with the JS heap capped at ${HEAP_CAP_MIB} MiB (\`--max-old-space-size\`) | ${impCapped.wallSeconds.toFixed(1)} s | ${mib(impCapped.peakRssMiB)} |`,
    `| \`sanxiang export cadres\` (streaming writer; heap capped at ${HEAP_CAP_MIB} MiB too) | ${exp.wallSeconds.toFixed(1)} s | ${mib(exp.peakRssMiB)} |`,
    `| for contrast: exceljs \`Workbook.xlsx.readFile\` (whole workbook in memory) | ${whole.wallSeconds.toFixed(1)} s | ${mib(whole.peakRssMiB)} |`,
    '',
    `import said: ${imp.stdout.trim()}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
} finally {
  if (keep) process.stdout.write(`kept ${dir}\n`);
  else rmSync(dir, { recursive: true, force: true });
}
