// kill -9 in the middle of a large import: the transaction never commits, so the record is as it was before.
// The killed process must be the importer itself: the built command is started directly with node (no wrapper
// process in between), and the test checks that the pid it kills runs the import and has the database open.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { openStore } from '../../store/index.js';
import { GOOD_SHEETS } from './fixtures.js';
import { importXlsx } from './import.js';
import { dumpStore, writeBook, writeCadreSheet } from './testing.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const tmp = mkdtempSync(path.join(tmpdir(), 'sanxiang-crash-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ROWS = 100_000;

/** The processes a pid started ('' when none). */
function psChildren(pid: number): string {
  try {
    return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(pid)], { encoding: 'utf8' }).trim();
  } catch {
    return ''; // ps exits 1 when there is none
  }
}

it('SIGKILL while rows are being written leaves the database as it was before the import', async () => {
  const dataDir = path.join(tmp, 'data');
  const units = path.join(tmp, 'units.xlsx');
  await writeBook(units, [GOOD_SHEETS[0]!]);
  let store = await openStore({ dataDir });
  expect((await importXlsx(store, units)).ok).toBe(true);
  const before = await dumpStore(store);
  await store.close();

  const big = path.join(tmp, 'cadres.xlsx');
  await writeCadreSheet(big, ROWS, ['U01', 'U02', 'U03', 'U04', 'U05']);

  // the built command (tests build dist/ first), run by node itself: the pid spawned is the importer's
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/sanxiang.js'), '--data', dataDir, 'import', big], {
    cwd: ROOT,
    env: { ...process.env, SANXIANG_DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid!;
  let stderr = '';
  let killedAt: string | undefined;
  let writer: { cmdline: string; openFiles: string[]; children: string } | undefined;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
    // progress lines look like "导入 import 写入 writing: 3000/100000 行": the transaction is open and filling
    const m = /写入 writing: (\d+)\/(\d+)/.exec(stderr);
    if (m && !killedAt) {
      killedAt = m[0];
      // what the process about to be killed is: its command line, the files it holds open, its children
      writer = {
        cmdline: readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' '),
        openFiles: readdirSync(`/proc/${pid}/fd`).map((fd) => {
          try {
            return readlinkSync(`/proc/${pid}/fd/${fd}`);
          } catch {
            return '';
          }
        }),
        children: psChildren(pid),
      };
      process.kill(pid, 'SIGKILL');
    }
  });
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  expect(exit.signal, `the import finished before it could be killed:\n${stderr}`).toBe('SIGKILL');
  expect(killedAt).toMatch(/\/100000$/);
  // the killed pid was the importer writing to this database, with no process of its own doing the work
  expect(writer!.cmdline).toContain('bin/sanxiang.js');
  expect(writer!.cmdline).toContain(` import ${big}`);
  expect(writer!.openFiles).toContain(path.join(dataDir, 'sanxiang.db'));
  expect(writer!.children).toBe('');

  // SQLite recovers on open: the uncommitted frames in the WAL are ignored
  const raw = new Database(path.join(dataDir, 'sanxiang.db'));
  expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
  raw.close();
  store = await openStore({ dataDir });
  try {
    expect(await store.repo('cadres').count()).toBe(0);
    expect(await dumpStore(store)).toEqual(before);
    // and the database takes the next import as usual
    const small = path.join(tmp, 'one.xlsx');
    await writeBook(small, [{ name: '干部', rows: [GOOD_SHEETS[1]!.rows[0]!, GOOD_SHEETS[1]!.rows[1]!] }]);
    expect((await importXlsx(store, small)).inserted).toBe(1);
  } finally {
    await store.close();
  }
  // and so does the command, straight after: no lock left behind
  const again = path.join(tmp, 'two.xlsx');
  await writeBook(again, [{ name: '干部', rows: [GOOD_SHEETS[1]!.rows[0]!, GOOD_SHEETS[1]!.rows[2]!] }]);
  const out = execFileSync(process.execPath, [path.join(ROOT, 'bin/sanxiang.js'), '--data', dataDir, 'import', again], {
    cwd: ROOT,
    env: { ...process.env, SANXIANG_DATABASE_URL: '' },
    encoding: 'utf8',
  });
  expect(out).toContain('已导入 1 条记录');
}, 300_000);
