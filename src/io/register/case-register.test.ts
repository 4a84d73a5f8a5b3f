// The case register read back as the office opens it: the title, the Chinese headers, one row per case with its
// dates as dates, outcomes in words, blanks where a case has not concluded, and text that looks like a formula
// kept as text.
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CASE_REGISTER_HEADERS, CASE_REGISTER_SHEET, caseRegisterBuffer, type CaseSummary } from './case-register.js';

const require = createRequire(import.meta.url);
const unzipper = require('unzipper') as {
  Open: { buffer(b: Buffer): Promise<{ files: { path: string; buffer(): Promise<Buffer> }[] }> };
};

const concluded: CaseSummary = {
  number: '焦纪容〔2026〕3号',
  cadre: '李明',
  unit: '焦作市自然资源和规划局',
  matter: '土地收储改革试点出现偏差',
  appliedOn: '2026-01-10',
  state: '已办结',
  outcome: 'exempt',
  concludedOn: '2026-03-01',
  decidingBody: '中共焦作市委',
};
const open: CaseSummary = {
  number: '陕纪容〔2026〕1号',
  cadre: null,
  unit: '西安市某区城市管理局',
  matter: '背街小巷改造项目',
  appliedOn: '2026-02-01',
  state: '调查核实',
  outcome: null,
  concludedOn: null,
  decidingBody: null,
};
const hostile: CaseSummary = {
  ...open,
  number: '=HYPERLINK("http://example.invalid","点击")',
  cadre: '+1+1',
  unit: '-2+3',
  matter: '@SUM(A1:A2)',
  state: '=1+1',
  outcome: '减轻',
};

async function readBack(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  return wb.getWorksheet(CASE_REGISTER_SHEET)!;
}

describe('the case register', () => {
  it('has a title, the Chinese headers and one row per case in order', async () => {
    const ws = await readBack(await caseRegisterBuffer([concluded, open], { title: '2026年容错纠错案件登记台账' }));
    expect(ws.getCell('A1').value).toBe('2026年容错纠错案件登记台账');
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([...CASE_REGISTER_HEADERS]);
    expect(CASE_REGISTER_HEADERS).toEqual([
      '序号',
      '案件编号',
      '干部姓名',
      '单位',
      '问责事项',
      '申请（启动）日期',
      '办理状态',
      '认定结果',
      '办结日期',
      '认定（决定）机关',
    ]);
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([
      1,
      '焦纪容〔2026〕3号',
      '李明',
      '焦作市自然资源和规划局',
      '土地收储改革试点出现偏差',
      new Date('2026-01-10T00:00:00Z'),
      '已办结',
      '免责',
      new Date('2026-03-01T00:00:00Z'),
      '中共焦作市委',
    ]);
    expect(ws.getCell('F3').numFmt).toBe('yyyy-mm-dd');
    // a case about a unit, still open: no cadre, no outcome, no conclusion date, no deciding body
    const row4 = ws.getRow(4);
    expect([row4.getCell(1).value, row4.getCell(2).value, row4.getCell(4).value]).toEqual([
      2,
      '陕纪容〔2026〕1号',
      '西安市某区城市管理局',
    ]);
    for (const c of [3, 8, 9, 10]) expect(row4.getCell(c).value, `column ${c}`).toBeNull();
    expect(ws.rowCount).toBe(4);
  });

  it('keeps values beginning with = + - @ as text, never as formulas', async () => {
    const buf = await caseRegisterBuffer([hostile]);
    const ws = await readBack(buf);
    const row = ws.getRow(3);
    expect([2, 3, 4, 5, 7, 8].map((c) => row.getCell(c).value)).toEqual([
      hostile.number,
      '+1+1',
      '-2+3',
      '@SUM(A1:A2)',
      '=1+1',
      '减轻',
    ]);
    for (const c of [2, 3, 4, 5, 7]) expect(row.getCell(c).type, `column ${c}`).toBe(ExcelJS.ValueType.String);
    const sheet = (await unzipper.Open.buffer(buf)).files.find((f) => f.path === 'xl/worksheets/sheet1.xml')!;
    expect((await sheet.buffer()).toString('utf8')).not.toMatch(/<f[ >]/);
  });

  it('an empty register still has its headers', async () => {
    const ws = await readBack(await caseRegisterBuffer([]));
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([...CASE_REGISTER_HEADERS]);
    expect(ws.rowCount).toBe(2);
  });
});
