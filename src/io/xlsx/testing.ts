// Helpers for the xlsx tests and the import benchmark: writing small workbooks, reading sheets back as plain
// cells, dumping a store, hashing files. Not used by the product code.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { RECORD_KINDS, type RecordKind } from '../../domain/entities.js';
import type { RecordStore } from '../../store/types.js';
import { plainCell, type Cell } from './cells.js';
import { readSheets } from './sheets.js';
import { idNumberCheck } from '../../domain/values.js';

export interface SheetData {
  name: string;
  rows: unknown[][];
}

/** A workbook from literal rows (the first row of each sheet is its header). */
export async function writeBook(file: string, sheets: readonly SheetData[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r);
  }
  await wb.xlsx.writeFile(file);
}

/** Every sheet's rows as plain cells, trailing blanks trimmed, without loading styles. */
export async function readBook(file: string): Promise<Map<string, Cell[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, Cell[][]>();
  wb.eachSheet((ws) => {
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const values = row.values as unknown[];
      const cells: Cell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
      while (cells.length && cells[cells.length - 1] === null) cells.pop();
      rows.push(cells);
    });
    out.set(ws.name, rows);
  });
  return out;
}

/** Every stored row of every kind, without versions (what an import must reproduce). */
export async function dumpStore(store: RecordStore): Promise<Record<RecordKind, unknown[]>> {
  const out = {} as Record<RecordKind, unknown[]>;
  for (const kind of RECORD_KINDS) {
    const rows: unknown[] = [];
    for await (const page of store.repo(kind).iterate(1000))
      for (const r of page) {
        const { version: _v, ...rest } = r as unknown as Record<string, unknown>;
        rows.push(rest);
      }
    out[kind] = rows;
  }
  return out;
}

export function sha256(file: string): string | null {
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : null;
}

/**
 * A large cadre sheet written the way export writes (streaming, inline strings): `n` cadres C0000001… spread over
 * the given units, with names, genders, birth dates and ID numbers that pass validation.
 */
export async function writeCadreSheet(file: string, n: number, unitIds: readonly string[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('干部');
  ws.addRow(['干部编号', '姓名', '性别', '出生日期', '身份证号', '人员类别', '管理单位编号']).commit();
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
  const given = '建国秀英伟芳娜敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英';
  const categories = ['公务员', '参公', '事业', '国企'];
  for (let i = 1; i <= n; i++) {
    const y = 1960 + (i % 35);
    const m = 1 + (i % 12);
    const d = 1 + (i % 28);
    const birth = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    // the birth dates repeat every 420 rows: the sequence number tells those rows apart (unique up to 420,000 rows)
    const body = `320623${birth.replace(/-/g, '')}${String(Math.floor(i / 420) % 1000).padStart(3, '0')}`;
    const idNumber = body + idNumberCheck(body); // a valid GB 11643 number (src/domain/values.ts)
    ws.addRow([
      `C${String(i).padStart(7, '0')}`,
      surnames[i % surnames.length]! + given[(i * 7) % given.length]! + given[(i * 13) % given.length]!,
      i % 3 === 0 ? '女' : '男',
      birth,
      idNumber,
      categories[i % categories.length]!,
      unitIds[i % unitIds.length]!,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

/** Like readBook, through the import's own streaming reader (fast on templates: no data validations expanded). */
export async function readBookStreaming(file: string): Promise<Map<string, Cell[][]>> {
  const out = new Map<string, Cell[][]>();
  for await (const sheet of readSheets(file)) {
    const rows: Cell[][] = [];
    for await (const row of sheet.rows) {
      const cells = [...row.cells];
      while (cells.length && cells[cells.length - 1] === null) cells.pop();
      if (cells.length) rows.push(cells);
    }
    out.set(sheet.name, rows);
  }
  return out;
}
