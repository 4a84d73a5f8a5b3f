// 问责事项 in spreadsheets: the cross-field rules (one subject, dates in order, a 问责方式 the 条例 allows for that
// subject) are checked at import like every other rule: one bad row and nothing is written, each problem reported
// by row and column. (The round trip of a good file is in import.test.ts with every other kind.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openStore } from '../../store/index.js';
import { KIND_SPECS } from './columns.js';
import { exportKind } from './export.js';
import { GOOD_SHEETS } from './fixtures.js';
import { formatIssues, importXlsx } from './import.js';
import { readBook, writeBook } from './testing.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'sanxiang-matters-xlsx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const header = KIND_SPECS.accountabilityMatters.columns.map((c) => c.header);
const base = GOOD_SHEETS.slice(0, 2); // units and cadres

it('refuses a file with an inconsistent matter, naming row and column, and writes none of it', async () => {
  const file = path.join(tmp, 'bad.xlsx');
  await writeBook(file, [
    ...base,
    {
      name: '问责事项',
      rows: [
        header,
        ['M1', 'C01', null, '违规审批', 'U02', '2019-07-01', '2019-10-08', '诫勉', '予以诫勉'], // good
        ['M2', 'C01', 'U03', '两个对象', 'U02', '2019-07-01'],
        ['M3', null, null, '没有对象', 'U02', '2019-07-01'],
        ['M4', null, 'U03', '对单位诫勉', 'U02', '2019-07-01', '2019-08-01', '诫勉'],
        ['M5', 'C02', null, '先决定后启动', 'U02', '2019-07-01', '2019-06-30'],
        ['M6', 'C02', null, '机关不存在', 'U99', '2019-07-01'],
      ],
    },
  ]);
  const store = await openStore({ dataDir: path.join(tmp, 'bad') });
  try {
    const report = await importXlsx(store, file);
    expect(report.ok).toBe(false);
    expect(report.inserted).toBe(0);
    const where = report.errors.filter((e) => e.sheet === '问责事项').map((e) => [e.row, e.column]);
    expect(where).toEqual([
      [3, '被问责单位编号'],
      [4, '被问责干部编号'],
      [5, '问责方式'],
      [6, '决定日期'],
      [7, '问责机关编号'],
    ]);
    expect(formatIssues(report).join('\n')).toMatch(/第5行.*对单位的问责方式只能是 检查、通报、改组/);
    expect(await store.repo('accountabilityMatters').count()).toBe(0);
    expect(await store.repo('units').count()).toBe(0);
  } finally {
    await store.close();
  }
});

it('exports the Chinese 问责方式 and blank cells for an open matter, and the export imports again', async () => {
  const file = path.join(tmp, 'good.xlsx');
  const sheet = GOOD_SHEETS.find((s) => s.name === '问责事项')!;
  await writeBook(file, [...base, sheet]);
  const first = await openStore({ dataDir: path.join(tmp, 'first') });
  const out = path.join(tmp, 'export.xlsx');
  try {
    expect((await importXlsx(first, file)).ok).toBe(true);
    await exportKind(first, 'accountabilityMatters', { filename: out });
  } finally {
    await first.close();
  }
  expect((await readBook(out)).get('问责事项')).toEqual((await readBook(file)).get('问责事项'));
  const second = await openStore({ dataDir: path.join(tmp, 'second') });
  try {
    await writeBook(path.join(tmp, 'base.xlsx'), base);
    expect((await importXlsx(second, path.join(tmp, 'base.xlsx'))).ok).toBe(true);
    expect((await importXlsx(second, out)).ok).toBe(true);
    expect(await second.repo('accountabilityMatters').get('M01')).toMatchObject({
      subjectCadreId: 'C01',
      subjectUnitId: null,
      outcome: '免予问责',
      decidedOn: '2019-10-08',
    });
    expect(await second.repo('accountabilityMatters').get('M02')).toMatchObject({
      subjectUnitId: 'U03',
      outcome: null,
      decidedOn: null,
    });
  } finally {
    await second.close();
  }
});
