import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../../domain/entities.js';
import { openStore, storeOptionsFromEnv, type OpenedStore } from '../../store/index.js';
import { KIND_SPECS } from './columns.js';
import { exportKind } from './export.js';
import { GOOD_SHEETS } from './fixtures.js';
import { formatIssues, importXlsx } from './import.js';
import { writeTemplate } from './template.js';
import { dumpStore, readBook, sha256, writeBook, writeCadreSheet, type SheetData } from './testing.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const tmp = mkdtempSync(path.join(tmpdir(), 'sanxiang-xlsx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const fresh = () => path.join(tmp, `case${++n}`);

/** Opens the store as the CLI does (SQLite here), with the data directory's 身份证号 key. */
async function withStore<T>(dataDir: string, fn: (s: OpenedStore) => Promise<T>): Promise<T> {
  const store = await openStore(storeOptionsFromEnv(dataDir, { ...process.env, SANXIANG_DATABASE_URL: '' }));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function book(name: string, sheets: SheetData[]): Promise<string> {
  const file = path.join(tmp, `${name}-${++n}.xlsx`);
  await writeBook(file, sheets);
  return file;
}

const header = (kind: keyof typeof KIND_SPECS) => KIND_SPECS[kind].columns.map((c) => c.header);
const seedSheets = GOOD_SHEETS.slice(0, 2); // units and cadres

describe('import of a good file', () => {
  it('imports every kind and exports each back cell for cell; the exports re-import to identical rows', async () => {
    const dataDir = fresh();
    const good = await book('good', GOOD_SHEETS);
    const expected = await readBook(good);
    const exports: string[] = [];
    const firstDump = await withStore(dataDir, async (store) => {
      const report = await importXlsx(store, good);
      expect(report.errors).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.inserted).toBe(GOOD_SHEETS.reduce((s, sh) => s + sh.rows.length - 1, 0));
      for (const kind of RECORD_KINDS) {
        const file = path.join(tmp, `export-${kind}.xlsx`);
        await exportKind(store, kind, { filename: file });
        exports.push(file);
        const got = await readBook(file);
        const sheetName = KIND_SPECS[kind].sheetName;
        expect([...got.keys()]).toEqual([sheetName]);
        expect(got.get(sheetName), kind).toEqual(expected.get(sheetName));
      }
      return dumpStore(store);
    });
    expect(firstDump.posts).toContainEqual(
      expect.objectContaining({
        id: 'P02',
        role: 'deputy',
        partySecretary: false,
        inCharge: ['production_safety', '教育'],
      }),
    );
    expect(firstDump.units).toContainEqual({ id: 'U02', name: '南通市', kind: 'city', parentId: 'U01', pack: null });
    // findings flags: 是/否 as established, a blank cell left out (not established)
    expect(firstDump.toleranceRequests).toEqual([
      {
        id: 'T01',
        subjectType: 'cadre',
        subjectId: 'C01',
        date: '2019-08-01',
        situation: '1.3',
        findings: { soughtPrivateGain: false, collectiveDecision: true, remedied: true },
        statement: '园区审批改革先行先试出现失误',
      },
      {
        id: 'T02',
        subjectType: 'unit',
        subjectId: 'U03',
        date: '2019-09-01',
        situation: '6.4',
        findings: { knowingly: true, seriousConsequence: false },
        statement: null,
      },
    ]);

    // the exports, imported one by one (units and cadres first) into an empty database, give the same record
    const secondDir = fresh();
    const secondDump = await withStore(secondDir, async (store) => {
      for (const file of exports) {
        const r = await importXlsx(store, file);
        expect(r.errors).toEqual([]);
      }
      return dumpStore(store);
    });
    expect(secondDump).toEqual(firstDump);
  });

  it('takes Excel date cells, generates ids left blank and ignores the template notes sheet', async () => {
    const dataDir = fresh();
    const tpl = path.join(tmp, 'sanctions-template.xlsx');
    await writeTemplate(['sanctions'], tpl);
    const file = await book('dates', [
      ...seedSheets,
      { name: '处分', rows: [header('sanctions'), [null, 'C01', new Date(Date.UTC(2019, 5, 1)), '党内警告', null]] },
      { name: '填写说明', rows: [['anything', 'here']] },
    ]);
    await withStore(dataDir, async (store) => {
      // a blank template holds no data rows: refused as such rather than reported as a successful import
      await expect(importXlsx(store, tpl)).rejects.toThrow('文件中没有数据行');
      const r = await importXlsx(store, file);
      expect(r.errors).toEqual([]);
      const [s] = await store.repo('sanctions').list();
      expect(s).toMatchObject({ cadreId: 'C01', date: '2019-06-01', kind: '党内警告', reason: null });
      expect(s!.id).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  it('reads Chinese text intact where its bytes straddle the chunks the file is streamed in', async () => {
    // exceljs decodes each chunk on its own; 3,000 rows span many 64 KiB chunks, so some character is always cut
    const dataDir = fresh();
    const file = path.join(tmp, 'long.xlsx');
    await writeCadreSheet(file, 3000, ['U01', 'U02', 'U03', 'U04', 'U05']);
    await withStore(dataDir, async (store) => {
      expect((await importXlsx(store, await book('units', [GOOD_SHEETS[0]!]))).ok).toBe(true);
      const r = await importXlsx(store, file);
      expect(r.errors).toEqual([]);
      expect(await store.repo('cadres').count()).toBe(3000);
      for await (const page of store.repo('cadres').iterate(1000))
        for (const c of page) expect(c.name).toMatch(/^[\u4e00-\u9fff]{3}$/);
    });
  });

  it('recognises a sheet by its headers when the sheet name says nothing', async () => {
    const dataDir = fresh();
    const file = await book('sheet1', [{ name: 'Sheet1', rows: GOOD_SHEETS[0]!.rows }]);
    await withStore(dataDir, async (store) => {
      const r = await importXlsx(store, file);
      expect(r.sheets).toEqual([{ sheet: 'Sheet1', kind: 'units', rows: 5 }]);
      expect(await store.repo('units').count()).toBe(5);
    });
  });
});

describe('import of a bad file', () => {
  it('leaves the database byte for byte unchanged and reports every bad row with its reason (CLI)', async () => {
    const dataDir = fresh();
    await withStore(dataDir, async (store) => {
      expect((await importXlsx(store, await book('seed', seedSheets))).ok).toBe(true);
    });
    const db = path.join(dataDir, 'sanxiang.db');
    const before = { db: sha256(db), wal: sha256(`${db}-wal`), files: readdirSync(dataDir).sort() };
    expect(before.db).not.toBeNull();

    const bad = await book('bad', [
      {
        name: '单位考核',
        rows: [
          header('unitAssessments'),
          ['X1', 'U03', 2020, '年度综合考核', '优秀', null, null], // wrong grade word for the scheme
          ['X2', 'U99', 2020, '年度综合考核', '一', null, null], // unknown unit
          ['X3', 'U03', 2021, '年度综合考核', '一', null, null], // fine on its own
          ['X4', 'U03', 2021, 'comprehensive', '二', null, null], // the same unit, year and scheme again
        ],
      },
      { name: '处分', rows: [header('sanctions'), ['S9', 'C01', '2019-02-30', '警告', null]] }, // no such day
      { name: '干部年度考核', rows: [header('cadreAssessments'), ['Y1', 'C01', 2020, '称职', -1, 3, 0, 0]] },
    ]);
    const r = spawnSync(
      path.join(ROOT, 'node_modules/.bin/tsx'),
      ['src/cli/run.ts', '--data', dataDir, 'import', bad],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, SANXIANG_DATABASE_URL: '' },
      },
    );
    expect(r.status, r.stderr).not.toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^工作表「单位考核」第2行 列「考核等次」 值「优秀」：.*一、二、三、四/);
    expect(lines[1]).toMatch(/^工作表「单位考核」第3行 列「单位编号」 值「U99」：单位不存在/);
    expect(lines[2]).toMatch(/^工作表「单位考核」第5行 列「单位编号」 值「U03」：重复记录：与第4行/);
    expect(lines[3]).toMatch(/^工作表「处分」第2行 列「处分日期」 值「2019-02-30」：不是真实存在的日期/);
    expect(lines[4]).toMatch(/^工作表「干部年度考核」第2行 列「优秀票数」 值「-1」：不能为负数/);
    expect(r.stderr).toMatch(/5 处错误.*未导入任何记录/);

    const after = { db: sha256(db), wal: sha256(`${db}-wal`), files: readdirSync(dataDir).sort() };
    expect(after).toEqual(before);
  }, 120_000);

  it('wants references to come earlier in the file and says so when they come later', async () => {
    const dataDir = fresh();
    const file = await book('order', [seedSheets[1]!, seedSheets[0]!]); // cadres before their units
    await withStore(dataDir, async (store) => {
      const r = await importXlsx(store, file);
      expect(r.ok).toBe(false);
      expect(r.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
        ['干部', 2, '管理单位编号'],
        ['干部', 3, '管理单位编号'],
        ['干部', 4, '管理单位编号'],
      ]);
      expect(r.errors[0]!.reason).toMatch(/本文件工作表「单位」第4行，须放在引用它的行之前/);
      expect(await store.repo('cadres').count()).toBe(0);
    });
    const self = await book('self', [{ name: '单位', rows: [header('units'), ['U1', '某县', '县', 'U1', null]] }]);
    await withStore(dataDir, async (store) => {
      const r = await importXlsx(store, self);
      expect(r.errors.map((e) => [e.row, e.column, e.reason])).toEqual([
        [2, '上级单位编号', '不能引用本行自己 (a record cannot refer to itself)'],
      ]);
      expect(await store.repo('cadres').count()).toBe(0);
      expect(await store.repo('units').count()).toBe(0);
    });
  });

  it('finds duplicates against the database: the same id, the same record under another id, an ID number in use', async () => {
    const dataDir = fresh();
    await withStore(dataDir, async (store) => {
      expect((await importXlsx(store, await book('good', GOOD_SHEETS))).ok).toBe(true);
      const again = await book('again', [
        { name: '单位', rows: [header('units'), ['U05', '陕西省', '省', null, null]] },
        {
          name: '干部',
          rows: [header('cadres'), ['C09', '赵六', '男', null, '320623196803010018', '公务员', 'U03']],
        },
        {
          name: '干部年度考核',
          rows: [header('cadreAssessments'), [null, 'C01', 2018, '称职', null, null, null, null]],
        },
      ]);
      const r = await importXlsx(store, again);
      const lines = formatIssues(r);
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/^工作表「单位」第2行 列「单位编号」 值「U05」：编号已存在于数据库中/);
      expect(lines[1]).toMatch(
        /^工作表「干部」第2行 列「身份证号」 值「320623196803010018」：身份证号已属于数据库中的干部 C01/,
      );
      expect(lines[2]).toMatch(
        /^工作表「干部年度考核」第2行 列「干部编号」 值「C01」：数据库中已有相同记录（同一干部、同一年度，编号 CA01）/,
      );
      expect(await store.repo('cadres').count()).toBe(3);
      // with more stored rows than the file touches, stored rows are looked up by cadre instead of scanned
      const periods = Array.from({ length: 120 }, (_, i) => `${2000 + Math.floor(i / 4)}Q${(i % 4) + 1}`);
      await store.insertMany(
        'regularAssessments',
        periods.map((period, i) => ({ id: `RX${i}`, cadreId: 'C02', period, grade: '好' as const })),
      );
      const regular = await importXlsx(
        store,
        await book('regular', [
          {
            name: '平时考核',
            rows: [
              header('regularAssessments'),
              [null, 'C01', '2019Q1', '一般'],
              [null, 'C02', '2005Q3', '好'],
              [null, 'C02', '2030Q1', '好'],
            ],
          },
        ]),
      );
      expect(regular.errors.map((e) => [e.row, e.reason.replace(/ \(.*$/, '')])).toEqual([
        [2, '数据库中已有相同记录（同一干部、同一季度，编号 R01）'],
        [3, '数据库中已有相同记录（同一干部、同一季度，编号 RX22）'],
      ]);

      // the same file twice: each row is reported once, as an id already in the database
      const twice = await importXlsx(store, await book('good', GOOD_SHEETS));
      const rows = GOOD_SHEETS.reduce((n, sh) => n + sh.rows.length - 1, 0);
      expect(twice.errorCount).toBe(rows);
      expect(new Set(twice.errors.map((e) => e.reason))).toEqual(
        new Set(['编号已存在于数据库中，不能重复导入 (id already exists in the database)']),
      );
    });
  });

  it('reports a sheet it cannot place, and missing or unknown columns, on the header row', async () => {
    const dataDir = fresh();
    const file = await book('headers', [
      {
        name: 'Sheet1',
        rows: [
          ['甲', '乙'],
          ['1', '2'],
        ],
      },
      {
        name: '单位',
        rows: [
          ['单位编号', '单位类别', '备注'],
          ['U1', '省', 'x'],
        ],
      },
    ]);
    await withStore(dataDir, async (store) => {
      const r = await importXlsx(store, file);
      expect(r.errors.map((e) => [e.sheet, e.row, e.column, e.reason.slice(0, 8)])).toEqual([
        ['Sheet1', 1, '', '无法识别工作表的'],
        ['单位', 1, '备注', '不是「单位」模板'],
        ['单位', 1, '单位名称', '缺少必填列 (m'],
      ]);
    });
  });

  it('keeps the first maxErrors problems in detail and counts the rest', async () => {
    const dataDir = fresh();
    const rows = [header('units'), ...Array.from({ length: 30 }, (_, i) => [`U${i}`, '某单位', '乡', null, null])];
    const file = await book('many', [{ name: '单位', rows }]);
    await withStore(dataDir, async (store) => {
      const r = await importXlsx(store, file, { maxErrors: 10 });
      expect(r.errorCount).toBe(30);
      expect(r.errors).toHaveLength(10);
      expect(formatIssues(r).at(-1)).toMatch(/另有 20 处错误未列出/);
    });
  });
});
