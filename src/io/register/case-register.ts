// The case register (案件登记台账) of tolerance cases as an .xlsx: one row per case, Chinese headers, the dates as
// date cells so the office can sort and filter, ready to print on A4 landscape. The rows are plain summaries the
// caller builds from the cases (names, not ids). Every value is written as a value, never as a formula: a matter
// described as 「=…」 or 「+…」 stays that text in the cell (no <f> element is ever written), so a register opened in
// a spreadsheet program cannot run what somebody typed into a case.
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { isDate } from '../../domain/dates.js';

export interface CaseSummary {
  /** the case's register number as the office writes it (e.g. 焦纪容〔2026〕3号) */
  number: string;
  /** the cadre's name; for a case about a unit, blank (the unit is the next column) */
  cadre: string | null;
  unit: string;
  /** the accountability matter the case sits in */
  matter: string;
  /** 申请（启动）日期, YYYY-MM-DD */
  appliedOn: string | null;
  /** where the case stands, as people read it (调查核实, 已办结, …) */
  state: string;
  /** the conclusion: a tolerance outcome key (exempt, lighter, mitigated, not_tolerated) or its words */
  outcome: string | null;
  concludedOn: string | null;
  /** the body that concluded or decided (认定（决定）机关) */
  decidingBody: string | null;
}

const OUTCOME_LABELS: Readonly<Record<string, string>> = {
  exempt: '免责',
  lighter: '从轻',
  mitigated: '减轻',
  not_tolerated: '不予容错',
};

type Field = keyof CaseSummary | 'seq';
const COLUMNS: readonly { header: string; field: Field; width: number; date?: true }[] = [
  { header: '序号', field: 'seq', width: 6 },
  { header: '案件编号', field: 'number', width: 20 },
  { header: '干部姓名', field: 'cadre', width: 10 },
  { header: '单位', field: 'unit', width: 24 },
  { header: '问责事项', field: 'matter', width: 36 },
  { header: '申请（启动）日期', field: 'appliedOn', width: 14, date: true },
  { header: '办理状态', field: 'state', width: 12 },
  { header: '认定结果', field: 'outcome', width: 10 },
  { header: '办结日期', field: 'concludedOn', width: 14, date: true },
  { header: '认定（决定）机关', field: 'decidingBody', width: 24 },
];

export const CASE_REGISTER_HEADERS: readonly string[] = COLUMNS.map((c) => c.header);
export const CASE_REGISTER_SHEET = '容错纠错案件登记台账';

/** A 'YYYY-MM-DD' date as a date cell (midnight UTC, which is how Excel dates are read back). */
function dateCell(v: string | null): Date | null {
  return v && isDate(v) ? new Date(`${v}T00:00:00Z`) : null;
}

function cellValue(c: (typeof COLUMNS)[number], row: CaseSummary, seq: number): ExcelJS.CellValue {
  if (c.field === 'seq') return seq;
  const v = row[c.field];
  if (c.date) return dateCell(v);
  if (c.field === 'outcome' && v) return OUTCOME_LABELS[v] ?? v;
  // a plain string: exceljs writes it as a string cell, whatever its first character
  return v === null || v === '' ? null : String(v);
}

export interface RegisterOptions {
  /** the title above the headers, e.g. 2026年容错纠错案件登记台账 */
  title?: string;
}

/** Streams the register to `out` (for a large register: rows are written as they come). Returns the row count. */
export async function writeCaseRegister(
  rows: Iterable<CaseSummary> | AsyncIterable<CaseSummary>,
  out: Writable,
  opts: RegisterOptions = {},
): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(CASE_REGISTER_SHEET, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.pageSetup.printTitlesRow = '1:2';
  ws.columns = COLUMNS.map((c) => ({ key: c.field, width: c.width }));
  const title = ws.getRow(1);
  title.getCell(1).value = opts.title ?? CASE_REGISTER_SHEET;
  title.getCell(1).font = { bold: true, size: 16 };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 28;
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  title.commit();
  const header = ws.getRow(2);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.commit();
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: COLUMNS.length } };
  let n = 0;
  for await (const r of rows) {
    n++;
    const row = ws.getRow(n + 2);
    COLUMNS.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.value = cellValue(c, r, n);
      if (c.date) cell.numFmt = 'yyyy-mm-dd';
      else if (c.field === 'matter') cell.alignment = { wrapText: true, vertical: 'top' };
    });
    row.commit();
  }
  ws.commit();
  await wb.commit();
  return n;
}

/** The register as bytes (a download of a register of ordinary size). */
export async function caseRegisterBuffer(
  rows: Iterable<CaseSummary> | AsyncIterable<CaseSummary>,
  opts: RegisterOptions = {},
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await writeCaseRegister(rows, out, opts);
  await done;
  return Buffer.concat(chunks);
}
