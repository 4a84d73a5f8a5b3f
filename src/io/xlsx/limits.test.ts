// What a workbook may hold before the reader refuses it, each limit at its boundary, and every kind of unreadable
// file refused as such (XlsxFormatError: the API answers 400/413 with it, the CLI prints it), never as a crash.
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, XlsxFormatError, type XlsxLimits } from './limits.js';
import { sheetXml, workbookEntries, writeRawZip, type RawEntry } from './raw-zip.js';
import { readSheets } from './sheets.js';
import { writeBook } from './testing.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'sanxiang-limits-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;

async function zip(entries: RawEntry[]): Promise<string> {
  const file = path.join(tmp, `f${++n}.xlsx`);
  await writeRawZip(file, entries);
  return file;
}

/** Every row's cells, or the refusal. */
async function read(file: string, limits: Partial<XlsxLimits> = {}): Promise<string[][] | XlsxFormatError> {
  const out: string[][] = [];
  try {
    for await (const sheet of readSheets(file, { ...DEFAULT_LIMITS, ...limits }))
      for await (const row of sheet.rows) out.push(row.cells.map((c) => String(c)));
    return out;
  } catch (e) {
    if (e instanceof XlsxFormatError) return e;
    throw e;
  }
}

const rows = (k: number, text = 'x') =>
  Array.from({ length: k }, (_, i) => ({ r: i + 1, cells: [{ r: `A${i + 1}`, text }] }));

const sst = (strings: string[]): RawEntry => ({
  name: 'xl/sharedStrings.xml',
  data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`,
});
const sharedSheet = (k: number) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${Array.from(
    { length: k },
    (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`,
  ).join('')}</sheetData></worksheet>`;

describe('a well-formed workbook', () => {
  it('reads, inline and shared strings alike', async () => {
    expect(await read(await zip(workbookEntries(sheetXml(rows(2, '张三')))))).toEqual([['张三'], ['张三']]);
    expect(await read(await zip(workbookEntries(sharedSheet(2), [sst(['甲', '乙'])])))).toEqual([['甲'], ['乙']]);
  });
});

describe('unreadable files are refused as such', () => {
  it('not a zip, an empty file, a truncated workbook', async () => {
    const text = path.join(tmp, 'text.xlsx');
    writeFileSync(text, '姓名,身份证号\n张三,1\n');
    const empty = path.join(tmp, 'empty.xlsx');
    writeFileSync(empty, '');
    const good = path.join(tmp, 'good.xlsx');
    await writeBook(good, [
      { name: '干部', rows: [['干部编号', '姓名'], ...rows(500).map((_, i) => [`C${i}`, '张三'])] },
    ]);
    const cut = path.join(tmp, 'cut.xlsx');
    const bytes = readFileSync(good);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    for (const f of [text, empty, cut]) {
      const r = await read(f);
      expect(r, f).toBeInstanceOf(XlsxFormatError);
      expect((r as XlsxFormatError).status).toBe(400);
    }
    // a zip whose entries are cut short inside (directory intact)
    const inner = await zip(workbookEntries(sheetXml(rows(3))));
    const b = readFileSync(inner);
    const broken = Buffer.from(b);
    broken.fill(0xff, 200, 260); // inside the sheet's deflated bytes
    writeFileSync(inner, broken);
    expect(await read(inner)).toBeInstanceOf(XlsxFormatError);
  });

  it('a DTD in any part: the sheet, the workbook, the shared strings', async () => {
    const dtd = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>';
    const inSheet = sheetXml(rows(1)).replace('?>', `?>${dtd}`);
    const files = [
      await zip(workbookEntries(inSheet)),
      await zip(
        workbookEntries(sheetXml(rows(1)), [], '').map((e) =>
          e.name === 'xl/workbook.xml' ? { ...e, data: String(e.data).replace('?>', `?>${dtd}`) } : e,
        ),
      ),
      await zip(
        workbookEntries(sharedSheet(1), [
          { ...sst(['x']), data: String(sst(['x']).data).replace('?>', `?><!doctype sst>`) },
        ]),
      ),
    ];
    for (const f of files) {
      const r = await read(f);
      expect(r).toBeInstanceOf(XlsxFormatError);
      expect((r as XlsxFormatError).reason_zh).toContain('DTD');
    }
  });

  it('cells and rows without their reference', async () => {
    const noCellRef = await read(await zip(workbookEntries(sheetXml([{ r: 1, cells: [{ r: null, text: 'x' }] }]))));
    expect(noCellRef).toBeInstanceOf(XlsxFormatError);
    const noRowRef = await read(await zip(workbookEntries(sheetXml([{ r: null, cells: [{ r: 'A1', text: 'x' }] }]))));
    expect(noRowRef).toBeInstanceOf(XlsxFormatError);
  });
});

/** a shared-string part larger than the workbook's other parts, so its cap is the one reached */
const PADDED = Array.from({ length: 50 }, (_, i) => `第${i}个字符串`.repeat(4));

describe('limits, each at its boundary', () => {
  it(`a cell of ${DEFAULT_LIMITS.maxCellChars} characters reads; one more is refused (inline and shared)`, async () => {
    const max = 'a'.repeat(DEFAULT_LIMITS.maxCellChars);
    expect(await read(await zip(workbookEntries(sheetXml(rows(1, max)))))).toEqual([[max]]);
    const inline = await read(await zip(workbookEntries(sheetXml(rows(1, max + 'a')))));
    expect(inline).toBeInstanceOf(XlsxFormatError);
    expect((inline as XlsxFormatError).reason_zh).toContain(String(DEFAULT_LIMITS.maxCellChars));
    expect(await read(await zip(workbookEntries(sharedSheet(1), [sst([max])])))).toEqual([[max]]);
    expect(await read(await zip(workbookEntries(sharedSheet(1), [sst([max + 'a'])])))).toBeInstanceOf(XlsxFormatError);
  });

  it('rows: as many as the limit, not one more, and no row numbered past it', async () => {
    const file = await zip(workbookEntries(sheetXml(rows(4))));
    expect(await read(file, { maxRows: 4 })).toHaveLength(4);
    const over = await read(file, { maxRows: 3 });
    expect(over).toBeInstanceOf(XlsxFormatError);
    expect((over as XlsxFormatError).reason_zh).toContain('3 行');
    const far = await read(
      await zip(
        workbookEntries(
          sheetXml([{ r: DEFAULT_LIMITS.maxRows + 1, cells: [{ r: `A${DEFAULT_LIMITS.maxRows + 1}`, text: 'x' }] }]),
        ),
      ),
    );
    expect(far).toBeInstanceOf(XlsxFormatError);
    expect(
      await read(
        await zip(
          workbookEntries(
            sheetXml([{ r: DEFAULT_LIMITS.maxRows, cells: [{ r: `A${DEFAULT_LIMITS.maxRows}`, text: 'x' }] }]),
          ),
        ),
      ),
    ).toHaveLength(1);
  });

  it('columns: XFD is the last one', async () => {
    expect(
      await read(await zip(workbookEntries(sheetXml([{ r: 1, cells: [{ r: 'XFD1', text: 'x' }] }])))),
    ).toHaveLength(1);
    expect(
      await read(await zip(workbookEntries(sheetXml([{ r: 1, cells: [{ r: 'XFE1', text: 'x' }] }])))),
    ).toBeInstanceOf(XlsxFormatError);
  });

  it('shared strings: as many as the limit, not one more', async () => {
    const file = await zip(workbookEntries(sharedSheet(1), [sst(['a', 'b', 'c'])]));
    expect(await read(file, { maxSharedStrings: 3 })).toHaveLength(1);
    const over = await read(file, { maxSharedStrings: 2 });
    expect(over).toBeInstanceOf(XlsxFormatError);
    expect((over as XlsxFormatError).reason_zh).toContain('共享字符串');
  });

  it('inflated size: a part at its cap reads, one byte more is refused with 413, even when the zip lies about it', async () => {
    const xml = String(sst(PADDED).data);
    const entries = (claimedSize?: number) =>
      workbookEntries(sharedSheet(1), [{ ...sst(PADDED), ...(claimedSize ? { claimedSize } : {}) }]);
    const honest = await zip(entries());
    expect(await read(honest, { maxPartBytes: Buffer.byteLength(xml) })).toHaveLength(1);
    const over = await read(honest, { maxPartBytes: Buffer.byteLength(xml) - 1 });
    expect(over).toBeInstanceOf(XlsxFormatError);
    expect((over as XlsxFormatError).status).toBe(413);
    const lying = await zip(entries(10));
    const caught = await read(lying, { maxPartBytes: Buffer.byteLength(xml) - 1 });
    expect(caught).toBeInstanceOf(XlsxFormatError);
    expect((caught as XlsxFormatError).status).toBe(413);
    // and all parts together
    const total = await read(honest, { maxTotalBytes: 100 });
    expect((total as XlsxFormatError).status).toBe(413);
  });

  it('a shared-string part that inflates to a gigabyte is refused while it inflates, with its size cap named', async () => {
    const before = process.memoryUsage().rss;
    const file = await zip(
      workbookEntries(sharedSheet(1), [
        {
          name: 'xl/sharedStrings.xml',
          data: {
            before:
              '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
            chunk: `<si><t>${'A'.repeat(1000)}</t></si>`.repeat(1000),
            times: 1100,
            after: '</sst>',
          },
          claimedSize: 1000,
        },
      ]),
    );
    const r = await read(file);
    expect(r).toBeInstanceOf(XlsxFormatError);
    expect((r as XlsxFormatError).status).toBe(413);
    expect((r as XlsxFormatError).reason_zh).toContain('64 MB');
    // the part was never held whole: far less than a gigabyte was ever resident
    expect(process.memoryUsage().rss - before).toBeLessThan(512 * 1024 * 1024);
  });
});
