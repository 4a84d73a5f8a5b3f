// Streaming access to an .xlsx file's sheets and rows: rows arrive one at a time and are dropped after use, so a
// 200,000-row sheet never sits in memory (the shared-string table, which rows index into, is the one thing held).
//
// Why not exceljs's WorkbookReader as it is: it walks the zip front to back, and files whose workbook.xml comes
// last (exceljs's own Workbook writer puts it there, after the sheets) lose entries when more than a handful of
// sheets must be spooled first — it then fails with "Cannot read properties of undefined (reading 'sheets')".
// So we open the zip by its central directory (random access, nothing decompressed up front), read the workbook,
// relationships, shared strings and styles first, and then hand each sheet's entry stream to exceljs's own
// worksheet parser in workbook order.
//
// Every part is read through a counting guard (limits.ts), so a decompression bomb is refused while it inflates,
// and any failure of the zip or XML layers (a truncated file, a cell without its reference, bad XML) is reported
// as an unreadable workbook, never as a server error.
import { createRequire } from 'node:module';
import { pipeline, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { plainCell, type Cell } from './cells.js';
import {
  DEFAULT_LIMITS,
  XlsxFormatError,
  XmlGuard,
  cellTooLong,
  tooLarge,
  tooManyColumns,
  tooManyRows,
  tooManySharedStrings,
  type InflateBudget,
  type XlsxLimits,
} from './limits.js';

export { XlsxFormatError } from './limits.js';

const require = createRequire(import.meta.url);

interface ZipEntry {
  path: string;
  type: 'File' | 'Directory';
  /** as the zip's directory declares it: checked first, but never trusted (the guard counts what inflates) */
  uncompressedSize: number;
  stream(): Readable;
}

/**
 * An entry's XML as text, inflated through the guard. exceljs's parser decodes each raw chunk on its own, which
 * garbles any Chinese character whose UTF-8 bytes straddle two chunks (事业 read as 事��); a stream with an
 * encoding decodes across chunk edges.
 */
function text(entry: ZipEntry, cap: number, budget: InflateBudget, limits: XlsxLimits): Readable {
  const part = entry.path.replace(/^\//, '');
  if (entry.uncompressedSize > cap) throw tooLarge(`「${part}」`, cap);
  const guard = new XmlGuard(part, cap, budget, limits);
  // the guard's error (or the inflater's) ends both streams; the reader sees it on the guard
  return pipeline(entry.stream(), guard, () => {}).setEncoding('utf8');
}
const unzipper = require('unzipper') as { Open: { file(path: string): Promise<{ files: ZipEntry[] }> } };
const iterateStream = require('exceljs/lib/utils/iterate-stream.js') as (s: Readable) => AsyncIterable<unknown>;

/** The exceljs internals the reader below drives (present in exceljs 4.x, not in its typings). */
interface ReaderInternals {
  input: string;
  model?: { sheets?: { id: number; name: string; rId: string; state?: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(
    iterator: AsyncIterable<unknown>,
    sheetNo: string,
  ): Iterable<{ eventType: string; value: { name: string } }>;
}

const notXlsx = () => new XlsxFormatError('不是有效的 .xlsx 文件', 'not an .xlsx workbook');

/**
 * Holds the shared strings exceljs collects, refusing the one past the count cap or longer than a cell may be, as
 * it arrives (exceljs assigns a fresh array and pushes each string onto it).
 */
function guardSharedStrings(reader: object, limits: XlsxLimits): void {
  let held: unknown[] | undefined;
  Object.defineProperty(reader, 'sharedStrings', {
    configurable: true,
    get: () => held,
    set(v: unknown) {
      held = v as unknown[] | undefined;
      if (!Array.isArray(v)) return;
      v.push = function push(this: unknown[], ...items: unknown[]): number {
        if (this.length + items.length > limits.maxSharedStrings) throw tooManySharedStrings(limits);
        for (const it of items) if (textLength(it) > limits.maxCellChars) throw cellTooLong(limits);
        return Array.prototype.push.apply(this, items);
      };
    },
  });
}

/** Characters of a plain or rich-text string as exceljs holds it. */
function textLength(v: unknown): number {
  if (typeof v === 'string') return v.length;
  const runs = (v as { richText?: { text?: unknown }[] } | null)?.richText;
  return Array.isArray(runs) ? runs.reduce((n, r) => n + (typeof r.text === 'string' ? r.text.length : 0), 0) : 0;
}

class RandomAccessWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  limits: XlsxLimits = DEFAULT_LIMITS;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override async *parse(): AsyncGenerator<any> {
    const self = this as unknown as ReaderInternals;
    const limits = this.limits;
    const budget: InflateBudget = { total: 0 };
    guardSharedStrings(this, limits);
    let dir: { files: ZipEntry[] };
    try {
      dir = await unzipper.Open.file(self.input);
    } catch {
      throw notXlsx();
    }
    if (dir.files.length > limits.maxEntries)
      throw new XlsxFormatError(
        `压缩包内文件超过 ${limits.maxEntries} 个的上限`,
        `the workbook holds more than ${limits.maxEntries} entries`,
      );
    const files = new Map(dir.files.filter((f) => f.type === 'File').map((f) => [f.path.replace(/^\//, ''), f]));
    const part = (e: ZipEntry) => text(e, limits.maxPartBytes, budget, limits);
    const workbook = files.get('xl/workbook.xml');
    if (!workbook) throw notXlsx();
    const rels = files.get('xl/_rels/workbook.xml.rels');
    if (rels) await self._parseRels(part(rels));
    await self._parseWorkbook(part(workbook));
    const shared = files.get('xl/sharedStrings.xml');
    if (shared) for await (const _ of self._parseSharedStrings(part(shared))) void _;
    const styles = files.get('xl/styles.xml');
    if (styles) await self._parseStyles(part(styles));

    for (const sheet of self.model?.sheets ?? []) {
      const rel = self.workbookRels?.find((r) => r.Id === sheet.rId);
      if (!rel) continue;
      // targets are relative to xl/ ('worksheets/sheet1.xml') or absolute ('/xl/worksheets/sheet1.xml')
      const target = rel.Target.startsWith('/') ? rel.Target.slice(1) : `xl/${rel.Target}`;
      const entry = files.get(target);
      const sheetNo = /sheet(\d+)\.xml$/.exec(target)?.[1];
      if (!entry || !sheetNo) continue; // a chart sheet or a dangling reference: no rows to read
      // opened only when someone reads the rows, so a sheet that is skipped holds no file handle
      const lazy: AsyncIterable<unknown> = {
        [Symbol.asyncIterator]: () =>
          iterateStream(text(entry, limits.maxSheetBytes, budget, limits))[Symbol.asyncIterator](),
      };
      for (const ev of self._parseWorksheet(lazy, sheetNo)) {
        ev.value.name = sheet.name;
        yield ev;
      }
    }
  }
}

export interface SheetRow {
  /** the Excel row number (1-based), as people see it */
  number: number;
  /** cells by column, index 0 = column A */
  cells: Cell[];
}

export interface StreamedSheet {
  name: string;
  rows: AsyncIterable<SheetRow>;
}

/** Any failure below the reader (zip, inflate, XML, exceljs on a malformed part) as an unreadable workbook. */
function unreadable(e: unknown): XlsxFormatError {
  if (e instanceof XlsxFormatError) return e;
  return new XlsxFormatError(
    '文件已损坏或不是 Excel 工作簿，无法读取',
    `the workbook cannot be read: ${(e as Error | undefined)?.message ?? String(e)}`,
  );
}

/** Steps an async iterator, turning whatever the reader throws into an XlsxFormatError. */
async function* readable<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  for (;;) {
    let step: IteratorResult<T>;
    try {
      step = await it.next();
    } catch (e) {
      throw unreadable(e);
    }
    if (step.done) return;
    yield step.value;
  }
}

/**
 * Yields each worksheet in workbook order; a sheet's rows must be consumed (or abandoned) before the next. Throws
 * XlsxFormatError for a file that is not a readable workbook or passes a limit (limits.ts).
 */
export async function* readSheets(file: string, limits: XlsxLimits = DEFAULT_LIMITS): AsyncGenerator<StreamedSheet> {
  const reader = new RandomAccessWorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // styles tell exceljs which numeric cells are dates
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  reader.limits = limits;
  for await (const ws of readable(reader)) {
    const name = (ws as unknown as { name: string }).name;
    async function* rows(): AsyncGenerator<SheetRow> {
      let count = 0;
      for await (const row of readable(ws)) {
        if (!Number.isInteger(row.number) || row.number < 1)
          throw new XlsxFormatError(
            `工作表「${name}」中有缺少行号的行`,
            `sheet ${name} holds a row without a valid row number`,
          );
        if (++count > limits.maxRows || row.number > limits.maxRows) throw tooManyRows(name, limits);
        // a cell far to the right makes a sparse array this long: refuse before walking it
        const values = row.values as unknown[];
        if (values.length > limits.maxColumns + 1) throw tooManyColumns(name, limits);
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) {
          const cell = plainCell(values[i]);
          if (typeof cell === 'string' && cell.length > limits.maxCellChars) throw cellTooLong(limits);
          cells.push(cell);
        }
        yield { number: row.number, cells };
      }
    }
    yield { name, rows: rows() };
  }
}

export function isBlankRow(cells: readonly Cell[]): boolean {
  return cells.every((c) => c === null);
}
