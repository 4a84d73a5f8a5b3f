// An import's refusal names only what the importer may see: the 南通市 organisation officer importing a 干部 sheet
// that collides with a cadre managed elsewhere (same 身份证号, same 编号) or points at a unit outside 南通市 learns
// that the row cannot be imported, never who or what it collides with. A refused import leaves an audit entry:
// who, which file (name and hash), how many rows and problems, but none of the file's contents.
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbOf } from '../../src/server/context.js';
import { Client, loggedIn, startServer, subtreeIds, unitIdByName, type TestServer } from './harness.js';

let srv: TestServer;
let city: Client;
let nantongId: string;
let outside: { id: string; name: string; idNumber: string | null; managingUnitId: string };
let inside: { id: string; name: string; idNumber: string | null; managingUnitId: string };

const HEADER = ['干部编号', '姓名', '性别', '出生日期', '身份证号', '人员类别', '管理单位编号'];

async function book(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('干部');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(c: Client, file: Buffer, name = 'cadres.xlsx') {
  const form = new FormData();
  form.append('file', new Blob([file]), name);
  return c.req('POST', '/api/io/import', form);
}

beforeAll(async () => {
  srv = await startServer({ cadres: 200 });
  city = await loggedIn(srv.base, 'city_org');
  nantongId = await unitIdByName(srv.store, '南通市');
  const nantong = await subtreeIds(srv.store, nantongId);
  const all = await srv.store.repo('cadres').list({ limit: 100_000 });
  outside = all.find((c) => !nantong.has(c.managingUnitId) && c.idNumber)!;
  inside = all.find((c) => nantong.has(c.managingUnitId) && c.idNumber)!;
  expect(outside).toBeDefined();
  expect(inside).toBeDefined();
});
afterAll(async () => srv?.close());

describe('import refusals name only what the importer may see', () => {
  it('a 身份证号 or 编号 of a cadre outside the scope is refused without naming that cadre', async () => {
    const before = await srv.store.repo('cadres').count();
    const file = await book([
      ['X-NEW-1', '张三', '男', '1980-01-01', outside.idNumber, '公务员', nantongId],
      [outside.id, '李四', '男', '1981-02-02', null, '公务员', nantongId],
    ]);
    const r = await upload(city, file);
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    const text = JSON.stringify(r.body);
    expect(text).not.toContain(outside.name);
    expect(text).not.toContain(outside.managingUnitId);
    // the id is the value of the row's own cell (the importer typed it); it must not appear as a stored record's
    expect(
      r.body.errors
        .filter((e: { value: string }) => e.value !== outside.id)
        .map((e: { reason: string }) => e.reason)
        .join(),
    ).not.toContain(outside.id);
    expect(r.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, column: '身份证号', reason: expect.stringContaining('不在您的管理范围内') }),
        expect.objectContaining({ row: 3, column: '干部编号', reason: expect.stringContaining('不在您的管理范围内') }),
      ]),
    );
    expect(await srv.store.repo('cadres').count()).toBe(before);
  });

  it('a cadre inside the scope is named, since the importer may see them', async () => {
    const r = await upload(
      city,
      await book([['X-NEW-2', '王五', '男', '1980-01-01', inside.idNumber, '公务员', nantongId]]),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(JSON.stringify(r.body)).toContain(inside.name);
  });

  it('a reference to a unit outside the scope reads the same as one to no unit at all', async () => {
    const out = await upload(
      city,
      await book([['X-NEW-3', '赵六', '男', '1980-01-01', null, '公务员', outside.managingUnitId]]),
    );
    const none = await upload(
      city,
      await book([['X-NEW-3', '赵六', '男', '1980-01-01', null, '公务员', 'NO-SUCH-UNIT']]),
    );
    expect(out.status, JSON.stringify(out.body)).toBe(400);
    expect(none.status, JSON.stringify(none.body)).toBe(400);
    expect(out.body.errors).toHaveLength(1);
    expect(out.body.errors[0].reason).toBe(none.body.errors[0].reason.replace('NO-SUCH-UNIT', outside.managingUnitId));
  });

  it('a refused import is audited: who, the file name and hash, rows and problems, not the contents', async () => {
    const file = await book([['X-NEW-4', '孙七', '男', '1980-01-01', outside.idNumber, '公务员', nantongId]]);
    const r = await upload(city, file, '南通干部.xlsx');
    expect(r.status).toBe(400);
    const entry = (await dbOf(srv.store)
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'record.import.failed')
      .orderBy('seq', 'desc')
      .executeTakeFirst()) as { username: string; target_id: string; after_json: string } | undefined;
    expect(entry).toBeDefined();
    expect(entry!.username).toBe('city_org');
    expect(entry!.target_id).toBe('南通干部.xlsx');
    const after = JSON.parse(entry!.after_json) as Record<string, unknown>;
    expect(after).toMatchObject({
      sha256: createHash('sha256').update(file).digest('hex'),
      bytes: file.length,
      rows: 1,
      errorCount: r.body.errorCount,
    });
    expect(entry!.after_json).not.toContain(outside.idNumber!);
    expect(entry!.after_json).not.toContain('孙七');
  });
});
