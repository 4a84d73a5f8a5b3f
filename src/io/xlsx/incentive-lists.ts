// A run's list as a spreadsheet (.xlsx): one row per entry with the name, what the rules concluded, the amount or
// commendation, the article and the reasons, in words (the caller gives names, not ids).
import ExcelJS from 'exceljs';

export interface ListSheetRow {
  name: string;
  kind: string;
  conclusion: string;
  value: string;
  article: string;
  because: string;
  decision: string;
}

export async function listWorkbook(title: string, rows: readonly ListSheetRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow([title]);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow(['序号', '名称', '类别', '结论', '金额或奖励', '依据条款', '理由', '决定']);
  ws.getRow(2).font = { bold: true };
  rows.forEach((r, i) => ws.addRow([i + 1, r.name, r.kind, r.conclusion, r.value, r.article, r.because, r.decision]));
  ws.columns.forEach((c, i) => (c.width = [6, 24, 8, 40, 14, 24, 60, 16][i] ?? 16));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
