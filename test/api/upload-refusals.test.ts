// Uploads the import cannot take are refused in the API's error shape — 400 for a file that is not a readable
// workbook or breaks a structural limit, 413 for one that inflates past a size cap — never with a 500, and the
// record is unchanged. A file without data rows is refused too, rather than reported as a successful import.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetXml, workbookEntries, writeRawZip, type RawEntry } from '../../src/io/xlsx/raw-zip.js';
import { buildTemplate } from '../../src/io/xlsx/template.js';
import { Client, loggedIn, startServer, type TestServer } from './harness.js';

let srv: TestServer;
let officer: Client;
const tmp = mkdtempSync(path.join(tmpdir(), 'sx-upload-'));

beforeAll(async () => {
  srv = await startServer({ cadres: 50 });
  officer = await loggedIn(srv.base, 'org_officer');
});
afterAll(async () => {
  await srv?.close();
  rmSync(tmp, { recursive: true, force: true });
});

function upload(file: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([file]), 'upload.xlsx');
  return officer.req('POST', '/api/io/import', form);
}

let n = 0;
async function raw(entries: RawEntry[]): Promise<Buffer> {
  const file = path.join(tmp, `r${++n}.xlsx`);
  await writeRawZip(file, entries);
  return readFileSync(file);
}

const cadreRows = (extra: { r: number | null; cells: { r: string | null; text: string }[] }[] = []) => [
  {
    r: 1,
    cells: [
      { r: 'A1', text: '干部编号' },
      { r: 'B1', text: '姓名' },
    ],
  },
  ...extra,
];

async function expectRefused(file: Buffer, status: 400 | 413, words: string) {
  const before = await srv.store.repo('cadres').count();
  const r = await upload(file);
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.body).toMatchObject({
    field: 'file',
    reason_zh: expect.stringContaining(words),
    reason: expect.any(String),
  });
  expect(await srv.store.repo('cadres').count()).toBe(before);
  expect((await officer.get('/api/health')).status).toBe(200);
}

describe('an upload the import cannot take', () => {
  it('not a workbook, an empty file, a truncated one: 400', async () => {
    await expectRefused(Buffer.from('姓名,身份证号\n张三,1\n'), 400, '.xlsx');
    await expectRefused(Buffer.alloc(0), 400, '');
    const good = Buffer.from(await buildTemplate(['cadres']).xlsx.writeBuffer());
    await expectRefused(good.subarray(0, Math.floor(good.length / 2)), 400, '');
  });

  it('a DTD in any part: 400 naming it', async () => {
    const xml = sheetXml(cadreRows()).replace('?>', '?><!DOCTYPE worksheet [<!ENTITY e "e">]>');
    await expectRefused(await raw(workbookEntries(xml)), 400, 'DTD');
  });

  it('cells without their reference, a huge cell, a row past the last row: 400 naming the limit', async () => {
    await expectRefused(
      await raw(workbookEntries(sheetXml(cadreRows([{ r: 2, cells: [{ r: null, text: 'C1' }] }])))),
      400,
      '无法读取',
    );
    await expectRefused(
      await raw(workbookEntries(sheetXml(cadreRows([{ r: 2, cells: [{ r: 'B2', text: '张'.repeat(40_000) }] }])))),
      400,
      '32767 个字符',
    );
    await expectRefused(
      await raw(workbookEntries(sheetXml(cadreRows([{ r: 1_048_577, cells: [{ r: 'A1048577', text: 'C1' }] }])))),
      400,
      '1048576 行',
    );
  });

  it('a part that inflates past its cap: 413 naming the cap', async () => {
    const bomb = await raw(
      workbookEntries(sheetXml(cadreRows()), [
        {
          name: 'xl/sharedStrings.xml',
          data: {
            before: '<sst>',
            chunk: `<si><t>${'A'.repeat(1000)}</t></si>`.repeat(1000),
            times: 80,
            after: '</sst>',
          },
          claimedSize: 100,
        },
      ]),
    );
    await expectRefused(bomb, 413, '64 MB');
  });

  it('a file with no data rows: 400 文件中没有数据行', async () => {
    await expectRefused(Buffer.from(await buildTemplate(['cadres']).xlsx.writeBuffer()), 400, '文件中没有数据行');
  });
});
