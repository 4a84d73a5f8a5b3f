import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../../domain/entities.js';
import { KIND_SPECS } from './columns.js';
import { LISTS_SHEET, NOTES_SHEET, writeTemplate } from './template.js';
import { readBookStreaming as readBook } from './testing.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sanxiang-template-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('import templates', () => {
  it.each(RECORD_KINDS)('%s: a data sheet with the Chinese headers and a notes row for every column', async (kind) => {
    const file = path.join(dir, `${kind}.xlsx`);
    await writeTemplate([kind], file);
    const book = await readBook(file);
    const spec = KIND_SPECS[kind];
    expect([...book.keys()]).toEqual([spec.sheetName, NOTES_SHEET, LISTS_SHEET]);
    expect(book.get(spec.sheetName)).toEqual([spec.columns.map((c) => c.header)]);

    const notes = book.get(NOTES_SHEET)!;
    expect(notes[0]).toEqual(['工作表', '列名', '是否必填', '格式', '可填写的值', '说明']);
    for (const c of spec.columns) {
      const row = notes.find((r) => r[0] === spec.sheetName && r[1] === c.header);
      expect(row, c.header).toBeDefined();
      expect(row![2]).toBe(c.required ? '必填' : '选填');
      expect(String(row![3])).not.toBe('');
    }
  });

  it('offers drop-down lists of the Chinese labels for vocabulary columns', async () => {
    const file = path.join(dir, 'posts-dv.xlsx');
    await writeTemplate(['posts'], file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('任职')!;
    const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations
      .model;
    // 职务类别 is column D: its list points at the hidden sheet holding the labels
    const role = Object.entries(dv).find(([addr]) => addr.startsWith('D2'))?.[1];
    expect(role?.type).toBe('list');
    const ref = /'代码表'!\$([A-Z]+)\$2:\$[A-Z]+\$(\d+)/.exec(String(role?.formulae[0]))!;
    const lists = wb.getWorksheet(LISTS_SHEET)!;
    expect(lists.state).toBe('hidden');
    const values = [];
    for (let r = 2; r <= Number(ref[2]); r++) values.push(lists.getCell(`${ref[1]}${r}`).value);
    expect(values).toContain('党政正职（主要负责人）');
    expect(values).toHaveLength(5);
    const secretary = Object.entries(dv).find(([addr]) => addr.startsWith('F2'))?.[1];
    expect(secretary?.formulae).toEqual(['"是,否"']);
  });

  it('writes every kind into one workbook for `template all`', async () => {
    const file = path.join(dir, 'all.xlsx');
    await writeTemplate(RECORD_KINDS, file);
    const book = await readBook(file);
    for (const k of RECORD_KINDS) expect(book.has(KIND_SPECS[k].sheetName)).toBe(true);
  });
});
