// The alert list (预警清单) as an .xlsx: one row per alert, in words (names, the article, the evidence), with a
// note on top that every row is a proposal of the rules awaiting the organisation's determination, not a decision.
// Values are written as values, never formulas (a name typed as 「=…」 stays text).
import ExcelJS from 'exceljs';

export interface AlertListRow {
  subject: string;
  unit: string;
  year: number | null;
  rule: string;
  article: string;
  evidence: string;
  conclusion: string;
  state: string;
  /** still supported by the record ('' when it is), or when the finding disappeared */
  standing: string;
  determined: string;
}

const COLUMNS: readonly { header: string; field: keyof AlertListRow | 'seq'; width: number }[] = [
  { header: '序号', field: 'seq', width: 6 },
  { header: '干部（单位）', field: 'subject', width: 14 },
  { header: '所在单位', field: 'unit', width: 22 },
  { header: '年度', field: 'year', width: 8 },
  { header: '提示情形', field: 'rule', width: 28 },
  { header: '依据条款', field: 'article', width: 36 },
  { header: '事实依据', field: 'evidence', width: 48 },
  { header: '规则提示', field: 'conclusion', width: 30 },
  { header: '处理状态', field: 'state', width: 14 },
  { header: '记录变化', field: 'standing', width: 18 },
  { header: '组织认定 / 不予认定理由', field: 'determined', width: 30 },
];

export const ALERT_LIST_NOTE = '说明：本清单为依据规则对记录作出的提示，须经组织认定，不是调整决定。';

export async function alertListBuffer(rows: readonly AlertListRow[], title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('预警清单', {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = COLUMNS.map((c) => ({ key: c.field, width: c.width }));
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  ws.getCell(2, 1).value = ALERT_LIST_NOTE;
  ws.mergeCells(2, 1, 2, COLUMNS.length);
  COLUMNS.forEach((c, i) => {
    const cell = ws.getCell(3, i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.border = { bottom: { style: 'thin' } };
  });
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: COLUMNS.length } };
  rows.forEach((r, n) => {
    COLUMNS.forEach((c, i) => {
      const cell = ws.getCell(n + 4, i + 1);
      const v = c.field === 'seq' ? n + 1 : r[c.field];
      cell.value = v === null || v === '' ? null : typeof v === 'number' ? v : String(v);
      if (c.field === 'evidence' || c.field === 'article') cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
