// Streaming access to an .xlsx file's sheets and rows: rows arrive one at a time and are dropped after use, so a
// 200,000-row sheet never sits in memory (the shared-string table, which rows index into, is the one thing held).
//
// Why not exceljs's WorkbookReader as it is: it walks the zip front to back, and files whose workbook.xml comes
// last (exceljs's own Workbook writer puts it there, after the sheets) lose entries when more than a handful of
// sheets must be spooled first — it then fails with "Cannot read properties of undefined (reading 'sheets')".
// So we open the zip by its central directory (random access, nothing decompressed up front), read the workbook,
// relationships, shared strings and styles first, and then hand each sheet's entry stream to exceljs's own
// worksheet parser in workbook order.
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { plainCell, type Cell } from './cells.js';

const require = createRequire(import.meta.url);

interface ZipEntry {
  path: string;
  type: 'File' | 'Directory';
  stream(): Readable;
}

/**
 * An entry's XML as text. exceljs's parser decodes each raw chunk on its own, which garbles any Chinese character
 * whose UTF-8 bytes straddle two chunks (事业 read as 事��); a stream with an encoding decodes across chunk edges.
 */
function text(entry: ZipEntry): Readable {
  return entry.stream().setEncoding('utf8');
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

export class XlsxFormatError extends Error {}

class RandomAccessWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override async *parse(): AsyncGenerator<any> {
    const self = this as unknown as ReaderInternals;
    let dir: { files: ZipEntry[] };
    try {
      dir = await unzipper.Open.file(self.input);
    } catch (e) {
      throw new XlsxFormatError(`不是有效的 .xlsx 文件 (not an .xlsx file): ${(e as Error).message}`);
    }
    const files = new Map(dir.files.filter((f) => f.type === 'File').map((f) => [f.path.replace(/^\//, ''), f]));
    const workbook = files.get('xl/workbook.xml');
    if (!workbook) throw new XlsxFormatError('不是有效的 .xlsx 文件：缺少 xl/workbook.xml (not an .xlsx workbook)');
    const rels = files.get('xl/_rels/workbook.xml.rels');
    if (rels) await self._parseRels(text(rels));
    await self._parseWorkbook(text(workbook));
    const shared = files.get('xl/sharedStrings.xml');
    if (shared) for await (const _ of self._parseSharedStrings(text(shared))) void _;
    const styles = files.get('xl/styles.xml');
    if (styles) await self._parseStyles(text(styles));

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
        [Symbol.asyncIterator]: () => iterateStream(text(entry))[Symbol.asyncIterator](),
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

/** Yields each worksheet in workbook order; a sheet's rows must be consumed (or abandoned) before the next. */
export async function* readSheets(file: string): AsyncGenerator<StreamedSheet> {
  const reader = new RandomAccessWorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // styles tell exceljs which numeric cells are dates
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const ws of reader) {
    const name = (ws as unknown as { name: string }).name;
    async function* rows(): AsyncGenerator<SheetRow> {
      for await (const row of ws) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
        yield { number: row.number, cells };
      }
    }
    yield { name, rows: rows() };
  }
}

export function isBlankRow(cells: readonly Cell[]): boolean {
  return cells.every((c) => c === null);
}
