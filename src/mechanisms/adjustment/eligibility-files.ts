// The ledger and the eligibility check as the offices file them: .xlsx registers (values written as values, never
// formulas, dates as date cells) and the 审查意见 as a .docx in the GB/T 9704 layout (io/docx/layout.ts). Rows
// come in already named (names, not ids): the caller names them within the reader's scope.
import ExcelJS from 'exceljs';
import { chineseDate, isDate } from '../../domain/dates.js';
import { renderOfficialDocument, type Block } from '../../io/docx/layout.js';

export interface NamedReason {
  kind: 'block' | 'priority' | 'tolerance';
  article: string;
  text: string;
  record: string[];
}

export interface NamedPeriod {
  words: string;
  /** last blocked day */
  until: string;
  article: string;
  record: string[];
}

export interface LedgerRow {
  name: string;
  unitName: string;
  periods: NamedPeriod[];
}

export interface EligibilityRow {
  name: string;
  unitName: string;
  verdict: string;
  reasons: NamedReason[];
}

const REASON_LABEL: Record<NamedReason['kind'], string> = {
  block: '限制',
  priority: '优先提拔',
  tolerance: '容错纠错',
};

function dateCell(v: string): Date | string {
  return isDate(v) ? new Date(`${v}T00:00:00Z`) : v;
}

function sheet(wb: ExcelJS.Workbook, name: string, title: string, columns: { header: string; width: number }[]) {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = columns.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, columns.length);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { bold: true, size: 14 };
  t.alignment = { horizontal: 'center' };
  const head = ws.getRow(2);
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
  });
  return ws;
}

export const LEDGER_HEADERS = ['序号', '姓名', '单位', '限制事项', '限制至（含当日）', '依据', '所依据的记录'];

/** 影响期台账: one row per period (a cadre with two periods has two rows). */
export async function ledgerWorkbook(rows: readonly LedgerRow[], date: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const widths = [6, 10, 28, 30, 16, 44, 50];
  const ws = sheet(
    wb,
    '影响期台账',
    `影响期台账（${chineseDate(date)}）`,
    LEDGER_HEADERS.map((header, i) => ({ header, width: widths[i]! })),
  );
  let seq = 0;
  for (const r of rows)
    for (const p of r.periods) {
      const row = ws.addRow([++seq, r.name, r.unitName, p.words, dateCell(p.until), p.article, p.record.join('；')]);
      row.getCell(5).numFmt = 'yyyy"年"m"月"d"日"';
      row.alignment = { wrapText: true, vertical: 'top' };
    }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const ELIGIBILITY_HEADERS = ['序号', '姓名', '单位', '审查结论', '理由及依据'];

const reasonLine = (r: NamedReason) =>
  `【${REASON_LABEL[r.kind]}】${r.text}；依据${r.article}${r.record.length ? `；记录：${r.record.join('，')}` : ''}`;

/** 任职资格审查结果: one row per candidate, the reasons in one cell, one per line. */
export async function eligibilityWorkbook(rows: readonly EligibilityRow[], date: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const widths = [6, 10, 28, 36, 90];
  const ws = sheet(
    wb,
    '任职资格审查',
    `任职资格审查结果（审查日期：${chineseDate(date)}）`,
    ELIGIBILITY_HEADERS.map((header, i) => ({ header, width: widths[i]! })),
  );
  rows.forEach((r, i) => {
    const row = ws.addRow([i + 1, r.name, r.unitName, r.verdict, r.reasons.map(reasonLine).join('\n') || '无']);
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const ORDINALS = '一二三四五六七八九十';
const ordinal = (n: number): string =>
  n <= 10
    ? ORDINALS[n - 1]!
    : n < 20
      ? `十${ORDINALS[n - 11] ?? ''}`
      : `${ORDINALS[Math.floor(n / 10) - 1]}十${n % 10 ? ORDINALS[(n % 10) - 1] : ''}`;

/** 审查意见: the issuer's opinion on each candidate, the reasons under each, in the official layout. */
export async function eligibilityOpinion(
  rows: readonly EligibilityRow[],
  opts: { issuer: string; date: string; checkedOn: string },
): Promise<Buffer> {
  const body: Block[] = [
    `根据干部调整影响期、处分影响期、容错纠错认定和激励措施的有关规定，对${rows.length}名拟提拔人选截至${chineseDate(opts.checkedOn)}的任职资格进行了审查。审查意见如下：`,
  ];
  rows.forEach((r, i) => {
    body.push({ heading: 1, text: `${ordinal(i + 1)}、${r.name}（${r.unitName}）：${r.verdict}` });
    const blocks = r.reasons.filter((x) => x.kind === 'block');
    if (blocks.length === 0) body.push('经审查，记录中无影响提拔的影响期。');
    for (const x of r.reasons) body.push(reasonLine(x).replace(/^【(.+?)】/, '$1：') + '。');
  });
  body.push('以上意见，供研究干部任用时参考。提拔任用仍须按照干部选拔任用有关规定履行程序。');
  return renderOfficialDocument({
    issuer: opts.issuer,
    letterhead: false,
    title: '关于拟提拔人选任职资格的审查意见',
    body,
    date: opts.date,
  });
}
