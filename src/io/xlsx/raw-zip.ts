// A minimal zip writer for tests: workbooks no spreadsheet program writes (a DTD, cells without references, a
// shared-string part that inflates to a gigabyte while its directory claims a few bytes). Entries are deflated;
// a repeated entry is written by streaming one compressed block many times, so a test builds a bomb of any
// inflated size in a few megabytes of file and memory. Not used by the product code.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  name: string;
  /** the content, or one chunk repeated `times` times */
  data: string | Buffer | { chunk: string; times: number; before?: string; after?: string };
  /** the inflated size the zip's directories claim (default: the true size) */
  claimedSize?: number;
}

interface Written {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  claimed: number;
  offset: number;
}

function header(sig: number, fields: [number, 2 | 4][]): Buffer {
  const b = Buffer.alloc(4 + fields.reduce((n, [, w]) => n + w, 0));
  b.writeUInt32LE(sig, 0);
  let at = 4;
  for (const [v, w] of fields) {
    if (w === 2) b.writeUInt16LE(v, at);
    else b.writeUInt32LE(v >>> 0, at);
    at += w;
  }
  return b;
}

/** Writes the entries as a zip file, streaming; returns the file's size. */
export async function writeRawZip(file: string, entries: readonly RawEntry[]): Promise<number> {
  const out = createWriteStream(file);
  let offset = 0;
  const write = async (b: Buffer) => {
    offset += b.length;
    if (!out.write(b)) await once(out, 'drain');
  };
  const done: Written[] = [];
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    // the parts: [bytes, compressed bytes, times]
    const parts: [Buffer, Buffer, number][] = [];
    if (typeof e.data === 'string' || Buffer.isBuffer(e.data)) {
      const raw = Buffer.from(e.data);
      parts.push([raw, deflateRawSync(raw), 1]);
    } else {
      // after a full flush the compressor starts afresh, so one flushed block can be repeated verbatim
      const flushed = (s: string) => {
        const raw = Buffer.from(s, 'utf8');
        return [raw, deflateRawSync(raw, { finishFlush: constants.Z_FULL_FLUSH }), 1] as [Buffer, Buffer, number];
      };
      if (e.data.before) parts.push(flushed(e.data.before));
      const [raw, z] = flushed(e.data.chunk);
      parts.push([raw, z, e.data.times]);
      if (e.data.after) parts.push(flushed(e.data.after));
      parts.push([Buffer.alloc(0), deflateRawSync(Buffer.alloc(0)), 1]); // the final (empty) block
    }
    let crc = 0;
    let size = 0;
    let compressed = 0;
    for (const [raw, z, times] of parts) {
      for (let i = 0; i < times; i++) crc = crc32(raw, crc);
      size += raw.length * times;
      compressed += z.length * times;
    }
    const claimed = e.claimedSize ?? size;
    const local = offset;
    await write(
      header(0x04034b50, [
        [20, 2],
        [0, 2],
        [8, 2],
        [0, 2],
        [0x21, 2],
        [crc, 4],
        [compressed, 4],
        [claimed, 4],
        [name.length, 2],
        [0, 2],
      ]),
    );
    await write(name);
    for (const [, z, times] of parts) for (let i = 0; i < times; i++) await write(z);
    done.push({ name, crc, compressed, size, claimed, offset: local });
  }
  const cdStart = offset;
  for (const w of done) {
    await write(
      header(0x02014b50, [
        [20, 2],
        [20, 2],
        [0, 2],
        [8, 2],
        [0, 2],
        [0x21, 2],
        [w.crc, 4],
        [w.compressed, 4],
        [w.claimed, 4],
        [w.name.length, 2],
        [0, 2],
        [0, 2],
        [0, 2],
        [0, 2],
        [0, 4],
        [w.offset, 4],
      ]),
    );
    await write(w.name);
  }
  const cdSize = offset - cdStart;
  await write(
    header(0x06054b50, [
      [0, 2],
      [0, 2],
      [done.length, 2],
      [done.length, 2],
      [cdSize, 4],
      [cdStart, 4],
      [0, 2],
    ]),
  );
  out.end();
  await once(out, 'finish');
  return offset;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a one-sheet workbook around the given sheet XML (and shared strings, when given). */
export function workbookEntries(sheetXml: string, extra: RawEntry[] = [], workbookPrefix = ''): RawEntry[] {
  return [
    {
      name: 'xl/workbook.xml',
      data: `${workbookPrefix}<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="干部" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml },
    ...extra,
  ];
}

/** A worksheet's XML from rows of inline strings; `r` attributes as given (null leaves a cell's out). */
export function sheetXml(rows: { r: number | null; cells: { r: string | null; text: string }[] }[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = rows
    .map(
      (row) =>
        `<row${row.r === null ? '' : ` r="${row.r}"`}>${row.cells
          .map((c) => `<c${c.r === null ? '' : ` r="${c.r}"`} t="inlineStr"><is><t>${esc(c.text)}</t></is></c>`)
          .join('')}</row>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${body}</sheetData></worksheet>`;
}
