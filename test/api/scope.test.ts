// Data scope by 干部管理权限, enforced by the server for every list, read, write, export and search: the 南通市
// organisation officer reaches the cadres managed within 南通市 and nothing else; the cadre reaches only
// themself; a write outside the scope is refused and changes nothing.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, loggedIn, startServer, subtreeIds, unitIdByName, type TestServer } from './harness.js';

let srv: TestServer;
let city: Client;
let nantong: Set<string>;
let inside: { id: string; name: string; version: number; managingUnitId: string };
let outside: { id: string; name: string; version: number; managingUnitId: string };

beforeAll(async () => {
  srv = await startServer({ cadres: 200 });
  city = await loggedIn(srv.base, 'city_org');
  nantong = await subtreeIds(srv.store, await unitIdByName(srv.store, '南通市'));
  const all = await srv.store.repo('cadres').list({ limit: 100_000 });
  inside = all.find((c) => nantong.has(c.managingUnitId))!;
  outside = all.find((c) => !nantong.has(c.managingUnitId))!;
});
afterAll(async () => srv?.close());

describe('the 南通市 organisation officer', () => {
  it('sees exactly the cadres managed within 南通市 in the roster', async () => {
    const all = await srv.store.repo('cadres').list({ limit: 100_000 });
    const mine = all.filter((c) => nantong.has(c.managingUnitId));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(all.length);
    const r = await city.get('/api/cadres?limit=500');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(mine.length);
    expect(new Set(r.body.items.map((i: { id: string }) => i.id))).toEqual(new Set(mine.map((c) => c.id)));
  });

  it('finds nobody outside by search, and the unit tree starts at 南通市', async () => {
    const r = await city.get(`/api/cadres?search=${encodeURIComponent(outside.name)}`);
    expect(r.body.items.every((i: { managingUnitId: string }) => nantong.has(i.managingUnitId))).toBe(true);
    expect(r.body.items.some((i: { id: string }) => i.id === outside.id)).toBe(false);
    const byId = await city.get(`/api/cadres?search=${outside.id}`);
    expect(byId.body.total).toBe(0);
    const tree = await city.get('/api/units/tree');
    expect(tree.body.map((u: { name: string }) => u.name)).toEqual(['南通市']);
  });

  it('finds no cadre outside the scope (404, as if missing): profile, record, explanation; the unit filter is 403', async () => {
    expect((await city.get(`/api/cadres/${outside.id}/profile`)).status).toBe(404);
    expect((await city.get(`/api/records/cadres/${outside.id}`)).status).toBe(404);
    expect((await city.get(`/api/explain/cadre/${outside.id}?asOf=2026-03-01`)).status).toBe(404);
    expect((await city.get(`/api/cadres?unitId=${outside.managingUnitId}`)).status).toBe(403);
    const inOwn = await city.get(`/api/cadres/${inside.id}/profile`);
    expect(inOwn.status).toBe(200);
    expect(inOwn.body.cadre.id).toBe(inside.id);
    expect(Array.isArray(inOwn.body.timeline)).toBe(true);
  });

  it('cannot write outside the scope, and nothing changes', async () => {
    const honorsBefore = await srv.store.repo('honors').count();
    const create = await city.post('/api/records/honors', {
      subjectType: 'cadre',
      subjectId: outside.id,
      date: '2025-01-01',
      conferredBy: 'unit',
      title: '越权表彰',
    });
    expect(create.status).toBe(403);
    expect(await srv.store.repo('honors').count()).toBe(honorsBefore);

    const put = await city.put(`/api/records/cadres/${outside.id}`, { version: outside.version, name: '越权改名' });
    expect(put.status).toBe(404);
    expect((await srv.store.repo('cadres').get(outside.id))!.name).toBe(outside.name);

    // moving an own cadre to a unit outside is a write outside too
    const move = await city.put(`/api/records/cadres/${inside.id}`, {
      version: inside.version,
      managingUnitId: outside.managingUnitId,
    });
    expect(move.status).toBe(403);
    expect((await srv.store.repo('cadres').get(inside.id))!.managingUnitId).toBe(inside.managingUnitId);

    const del = await city.del(`/api/records/cadres/${outside.id}?version=${outside.version}`);
    expect(del.status).toBe(404);
    expect(await srv.store.repo('cadres').get(outside.id)).toBeDefined();
  });

  it('exports only the cadres in scope, and its dashboard counts only them', async () => {
    const r = await city.get('/api/io/export/cadres');
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as never);
    const ws = wb.worksheets[0]!;
    const ids: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) ids.push(String(row.getCell(1).value));
    });
    const all = await srv.store.repo('cadres').list({ limit: 100_000 });
    expect(new Set(ids)).toEqual(new Set(all.filter((c) => nantong.has(c.managingUnitId)).map((c) => c.id)));
    const d = await city.get('/api/dashboard');
    expect(d.body.counts.cadres).toBe(ids.length);
  });

  it('cannot import rows outside the scope: the whole file is refused', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表彰奖励');
    const tpl = new ExcelJS.Workbook();
    await tpl.xlsx.load((await city.get('/api/io/template/honors')).body as never);
    const headers = (tpl.getWorksheet('表彰奖励')!.getRow(1).values as unknown[]).slice(1).map(String);
    ws.addRow(headers);
    const row = (subject: string) =>
      headers.map((h) =>
        h.includes('对象类型')
          ? 'cadre'
          : h.includes('对象编号')
            ? subject
            : h.includes('日期')
              ? '2025-02-01'
              : h.includes('授予')
                ? 'unit'
                : h.includes('名称')
                  ? '导入表彰'
                  : null,
      );
    ws.addRow(row(inside.id));
    ws.addRow(row(outside.id));
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await srv.store.repo('honors').count();
    const form = new FormData();
    form.append('file', new Blob([file]), 'honors.xlsx');
    const r = await city.req('POST', '/api/io/import', form);
    // refused on its row, read as a subject the importer has not got (not confirming it exists elsewhere)
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.errors).toEqual([
      expect.objectContaining({ row: 3, reason: expect.stringContaining('不在您的管理范围内') }),
    ]);
    expect(await srv.store.repo('honors').count()).toBe(before);

    // the same file without the outside row imports
    ws.spliceRows(3, 1);
    const ok = new FormData();
    ok.append('file', new Blob([Buffer.from(await wb.xlsx.writeBuffer())]), 'honors.xlsx');
    const r2 = await city.req('POST', '/api/io/import', ok);
    expect(r2.status, JSON.stringify(r2.body)).toBe(200);
    expect(r2.body).toEqual({ imported: 1 });
    expect(await srv.store.repo('honors').count()).toBe(before + 1);
  });
});

describe('the cadre role', () => {
  it('reaches only their own record', async () => {
    const c = await loggedIn(srv.base, 'cadre');
    const me = (await c.get('/api/auth/me')).body;
    const roster = await c.get('/api/cadres');
    expect(roster.body.total).toBe(1);
    expect(roster.body.items[0].id).toBe(me.cadreId);
    expect((await c.get(`/api/cadres/${me.cadreId}/profile`)).status).toBe(200);
    expect((await c.get(`/api/cadres/${inside.id === me.cadreId ? outside.id : inside.id}/profile`)).status).toBe(404);
    expect((await c.get('/api/units/tree')).body).toEqual([]);
  });
});

describe('a province-wide officer', () => {
  it('reaches every cadre', async () => {
    const c = await loggedIn(srv.base, 'org_officer');
    const r = await c.get('/api/cadres?limit=1');
    expect(r.body.total).toBe(await srv.store.repo('cadres').count());
    expect((await c.get(`/api/cadres/${outside.id}/profile`)).status).toBe(200);
  });
});
