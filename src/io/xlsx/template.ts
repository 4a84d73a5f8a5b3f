// The blank import template: one data sheet per record kind (Chinese headers, drop-down lists for the
// vocabularies, text format on id and date columns so Excel does not turn 001 into 1 or a date into a serial
// number), a 填写说明 sheet describing every column, and a hidden 代码表 sheet the drop-down lists read from.
import ExcelJS from 'exceljs';
import type { RecordKind } from '../../domain/entities.js';
import { KIND_SPECS, allowedValuesText, formatText, type ColumnSpec } from './columns.js';
import { labelOf, type Vocab } from './vocab.js';

export const NOTES_SHEET = '填写说明';
export const LISTS_SHEET = '代码表';
/** Rows the drop-down lists and formats cover (Excel's own limit is 1,048,576). */
const TEMPLATE_ROWS = 100_000;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Whether the column wants Excel's text format ('@'): ids, dates written as text, ID numbers. */
function isTextual(col: ColumnSpec): boolean {
  return ['id', 'text', 'date', 'idNumber', 'quarter', 'areas', 'ids'].includes(col.type.t);
}

export function buildTemplate(kinds: readonly RecordKind[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sanxiang';
  const lists = new Map<Vocab, string>(); // vocabulary → range on the lists sheet
  const listValues: string[][] = [];
  const listRange = (v: Vocab): string => {
    let r = lists.get(v);
    if (!r) {
      const values = v.codes.map((c) => labelOf(v, c));
      listValues.push([v.name, ...values]);
      const letter = colLetter(listValues.length);
      r = `'${LISTS_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}`;
      lists.set(v, r);
    }
    return r;
  };

  for (const kind of kinds) {
    const spec = KIND_SPECS[kind];
    const ws = wb.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = spec.columns.map((c) => ({
      header: c.header,
      key: c.field,
      width: Math.max(c.width ?? 14, c.header.length * 2 + 4),
      ...(isTextual(c) ? { style: { numFmt: '@' } } : {}),
    }));
    // exceljs supports range validations but its typings omit the collection
    const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
      .dataValidations;
    const header = ws.getRow(1);
    spec.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.font = { bold: true, ...(c.required ? { color: { argb: 'FFC00000' } } : {}) };
      cell.fill = c.required ? REQUIRED_FILL : HEADER_FILL;
      cell.alignment = { vertical: 'middle', horizontal: 'center' };
      cell.note = `${c.required ? '必填' : '选填'}；${formatText(c)}${c.note ? `；${c.note}` : ''}`;
      const range = `${colLetter(i + 1)}2:${colLetter(i + 1)}${TEMPLATE_ROWS + 1}`;
      if (c.type.t === 'enum') {
        validations.add(range, {
          type: 'list',
          allowBlank: !c.required,
          formulae: [listRange(c.type.vocab)],
          showErrorMessage: true,
          errorStyle: 'warning',
          errorTitle: c.header,
          error: `请从下拉列表中选择${c.type.vocab.name}`,
        });
      } else if (c.type.t === 'bool') {
        validations.add(range, {
          type: 'list',
          allowBlank: true,
          formulae: ['"是,否"'],
          showErrorMessage: true,
          errorTitle: c.header,
          error: '请填写 是 或 否',
        });
      } else if (c.type.t === 'int') {
        validations.add(range, {
          type: 'whole',
          operator: c.type.max !== undefined ? 'between' : 'greaterThanOrEqual',
          allowBlank: !c.required,
          formulae: c.type.max !== undefined ? [c.type.min, c.type.max] : [c.type.min],
          showErrorMessage: true,
          errorTitle: c.header,
          error: formatText(c),
        });
      }
    });
  }

  const notes = wb.addWorksheet(NOTES_SHEET);
  notes.columns = [
    { header: '工作表', key: 'sheet', width: 14 },
    { header: '列名', key: 'header', width: 20 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '格式', key: 'format', width: 34 },
    { header: '可填写的值', key: 'allowed', width: 60 },
    { header: '说明', key: 'note', width: 60 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const kind of kinds) {
    for (const c of KIND_SPECS[kind].columns) {
      notes.addRow({
        sheet: KIND_SPECS[kind].sheetName,
        header: c.header,
        required: c.required ? '必填' : '选填',
        format: formatText(c),
        allowed: allowedValuesText(c),
        note: c.note ?? '',
      });
    }
  }
  notes.addRow([]);
  for (const line of GENERAL_NOTES) notes.addRow(['', line]);
  notes.getColumn('allowed').alignment = { wrapText: true, vertical: 'top' };
  notes.getColumn('note').alignment = { wrapText: true, vertical: 'top' };

  const listSheet = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  listValues.forEach((values, i) => {
    values.forEach((v, j) => {
      listSheet.getCell(j + 1, i + 1).value = v;
    });
  });
  return wb;
}

const GENERAL_NOTES = [
  '填写说明：',
  '1. 第一行为列名，请勿修改；从第二行起每行一条记录。标红的列为必填。',
  '2. 带下拉列表的列可填中文名称，也可填括号中的代码。',
  '3. 日期一律写作 YYYY-MM-DD（如 2019-03-01），须为真实存在的日期。',
  '4. 引用的单位、干部须已在系统中，或在本文件中位于引用它的行之前（可把“单位”“干部”工作表放在前面一并导入）。',
  '5. 导入时先检查整个文件：只要有一处错误，整个文件都不导入，并逐行列出错误；全部正确才一次性导入。',
];

export async function writeTemplate(kinds: readonly RecordKind[], file: string): Promise<void> {
  await buildTemplate(kinds).xlsx.writeFile(file);
}
