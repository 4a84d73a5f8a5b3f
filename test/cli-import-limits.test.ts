// The command-line import takes the same caps as the API: a decompression bomb, a DTD and an empty file are
// refused with a message naming the reason, a failing exit status, and nothing imported.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { sheetXml, workbookEntries, writeRawZip } from '../src/io/xlsx/raw-zip.js';
import { writeTemplate } from '../src/io/xlsx/template.js';
import { sanxiang } from './cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'sanxiang-cli-limits-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('refuses a bomb, a DTD, a non-workbook and a file without data rows, naming why', async () => {
  const data = path.join(tmp, 'data');
  const header = { r: 1, cells: [{ r: 'A1', text: '干部编号' }] };
  const bomb = path.join(tmp, 'bomb.xlsx');
  await writeRawZip(
    bomb,
    workbookEntries(sheetXml([header]), [
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
  const dtd = path.join(tmp, 'dtd.xlsx');
  await writeRawZip(dtd, workbookEntries(sheetXml([header]).replace('?>', '?><!DOCTYPE x>')));
  const text = path.join(tmp, 'text.xlsx');
  writeFileSync(text, '干部编号\nC1\n');
  const empty = path.join(tmp, 'empty.xlsx');
  await writeTemplate(['cadres'], empty);
  for (const [file, words] of [
    [bomb, '64 MB'],
    [dtd, 'DTD'],
    [text, '.xlsx'],
    [empty, '文件中没有数据行'],
  ] as const) {
    const r = sanxiang(['--data', data, 'import', file], { SANXIANG_DATABASE_URL: '' });
    expect(r.status, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toContain(words);
    expect(r.stderr).toContain('未导入任何内容');
  }
}, 120_000);
