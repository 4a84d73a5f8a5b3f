// What an uploaded workbook may hold before it is refused, and the guard that enforces it while the zip entries
// inflate. An .xlsx is a zip of XML parts; a few kilobytes can inflate to gigabytes (a "decompression bomb"), and
// the shared-string table and the workbook's own parts are held in memory while the sheets stream past. So every
// entry is counted as it inflates, and refused the moment it passes its cap — never inflated whole and measured
// afterwards — and nothing in the XML may declare a DTD (entity expansion is the other way to blow up a parser).
//
// The caps sit far above any real office file and far below what would hurt the server. Measured on a 50,000-row
// 干部 sheet (7 columns, unique ids, names and ID numbers; it imports under these caps): in the shared-string
// layout spreadsheet programs write, a 1.9 MB file whose sheet part inflates to 14.7 MB and whose shared-string
// part to 2.9 MB; with inline strings (as export writes), a 2.5 MB file whose sheet part inflates to 17.1 MB. The
// caps leave some thirty times that for a sheet and twenty times for the parts held in memory.
import { Transform, type TransformCallback } from 'node:stream';

export interface XlsxLimits {
  /** entries in the zip (a workbook with a hundred sheets has a few hundred) */
  maxEntries: number;
  /** inflated bytes of one worksheet part (streamed, never held) */
  maxSheetBytes: number;
  /** inflated bytes of any other part (workbook, relationships, shared strings, styles: held in memory) */
  maxPartBytes: number;
  /** inflated bytes of all the parts read, together */
  maxTotalBytes: number;
  /** entries in the shared-string table */
  maxSharedStrings: number;
  /** characters in one cell: Excel's own limit, so no file Excel wrote exceeds it */
  maxCellChars: number;
  /** rows of one sheet, and the highest row number: Excel's own limit */
  maxRows: number;
  /** columns of one row: Excel's own limit (XFD) */
  maxColumns: number;
}

export const DEFAULT_LIMITS: Readonly<XlsxLimits> = {
  maxEntries: 10_000,
  maxSheetBytes: 512 * 1024 * 1024,
  maxPartBytes: 64 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxSharedStrings: 2_000_000,
  maxCellChars: 32_767,
  maxRows: 1_048_576,
  maxColumns: 16_384,
};

/**
 * A workbook that cannot be read or is refused before import: status 400 (not an .xlsx, broken, a DTD, a
 * structure the limits forbid) or 413 (it inflates past a size cap). Both texts are shown to people.
 */
export class XlsxFormatError extends Error {
  constructor(
    readonly reason_zh: string,
    readonly reason: string,
    readonly status: 400 | 413 = 400,
  ) {
    super(`${reason_zh} (${reason})`);
  }
}

const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

export function tooLarge(part: string, limit: number): XlsxFormatError {
  return new XlsxFormatError(
    `文件解压后过大：${part}超过 ${MB(limit)} 的上限，不予处理`,
    `the workbook inflates past the limit: ${part} exceeds ${MB(limit)}`,
    413,
  );
}

/** Bytes inflated so far across all the parts of one file (shared by the guards of its entries). */
export interface InflateBudget {
  total: number;
}

/** The longest run of text between two tags, in bytes: a cell at the character cap written as numeric references. */
const maxTextRun = (l: XlsxLimits) => l.maxCellChars * 10 + 1024;
/** The longest tag, in bytes: element names and attributes of a real file are short. */
const MAX_TAG_BYTES = 64 * 1024;

/**
 * Passes an inflating entry's bytes through unchanged while counting them against the entry's cap and the file's,
 * and refuses a DTD (`<!DOCTYPE`, `<!ENTITY`), a text run longer than any cell may be and an overlong tag. Scans
 * with indexOf, so the cost is a fraction of the XML parser's.
 */
export class XmlGuard extends Transform {
  private bytes = 0;
  private inTag = false;
  private run = 0;
  private head = '';

  constructor(
    private readonly part: string,
    private readonly cap: number,
    private readonly budget: InflateBudget,
    private readonly limits: XlsxLimits,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    this.budget.total += chunk.length;
    if (this.bytes > this.cap) return done(tooLarge(`「${this.part}」`, this.cap));
    if (this.budget.total > this.limits.maxTotalBytes) return done(tooLarge('全部内容合计', this.limits.maxTotalBytes));
    let i = 0;
    while (i < chunk.length) {
      if (!this.inTag) {
        const lt = chunk.indexOf(0x3c, i);
        this.run += (lt === -1 ? chunk.length : lt) - i;
        if (this.run > maxTextRun(this.limits)) return done(cellTooLong(this.limits));
        if (lt === -1) break;
        this.inTag = true;
        this.run = 0;
        this.head = '';
        i = lt + 1;
      } else {
        if (this.head.length < 8) {
          this.head += chunk.subarray(i, i + 8 - this.head.length).toString('latin1');
          if (/^!(doctype|entity)/i.test(this.head))
            return done(
              new XlsxFormatError(
                '文件中含有文档类型定义（DTD），不予处理',
                'the workbook declares a DTD (<!DOCTYPE or <!ENTITY), which is not accepted',
              ),
            );
        }
        const gt = chunk.indexOf(0x3e, i);
        this.run += (gt === -1 ? chunk.length : gt) - i;
        if (this.run > MAX_TAG_BYTES)
          return done(
            new XlsxFormatError('文件结构异常：标记过长', `malformed XML in ${this.part}: a tag is too long`),
          );
        if (gt === -1) break;
        this.inTag = false;
        this.run = 0;
        i = gt + 1;
      }
    }
    done(null, chunk);
  }
}

export function cellTooLong(l: XlsxLimits): XlsxFormatError {
  return new XlsxFormatError(
    `单元格内容超过 ${l.maxCellChars} 个字符的上限`,
    `a cell holds more than ${l.maxCellChars} characters`,
  );
}

export function tooManySharedStrings(l: XlsxLimits): XlsxFormatError {
  return new XlsxFormatError(
    `共享字符串超过 ${l.maxSharedStrings} 个的上限`,
    `the shared-string table holds more than ${l.maxSharedStrings} entries`,
  );
}

export function tooManyRows(sheet: string, l: XlsxLimits): XlsxFormatError {
  return new XlsxFormatError(
    `工作表「${sheet}」超过 ${l.maxRows} 行的上限`,
    `sheet ${sheet} has more than ${l.maxRows} rows`,
  );
}

export function tooManyColumns(sheet: string, l: XlsxLimits): XlsxFormatError {
  return new XlsxFormatError(
    `工作表「${sheet}」超过 ${l.maxColumns} 列的上限`,
    `sheet ${sheet} has more than ${l.maxColumns} columns`,
  );
}
