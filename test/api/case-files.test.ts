// Case files are visible only to the roles taking part in the case (DESIGN §1; src/server/case-files.ts). For
// tolerance requests (容错申请): 纪检监察 and 组织部门 see every request within their data scope, the cadre their own,
// an accountability department or unit liaison only the requests it filed, a committee member none — through the
// list, one record, writes, the profile, the export and the dashboard alike. The filer is recorded by the server.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ToleranceRequest } from '../../src/domain/entities.js';
import { hashPassword } from '../../src/server/accounts/password.js';
import { insertUser } from '../../src/server/accounts/users.js';
import { dbOf } from '../../src/server/context.js';
import {
  DEMO_PASSWORD,
  loggedIn,
  startServer,
  subtreeIds,
  unitIdByName,
  type Client,
  type Res,
  type TestServer,
} from './harness.js';

const ROLES = [
  'org_officer',
  'discipline_officer',
  'accountability_officer',
  'committee_member',
  'unit_liaison',
  'cadre',
  'city_org',
  'acc_nantong', // a second accountability officer, bound to 南通市, created here
] as const;
type Who = (typeof ROLES)[number];

let srv: TestServer;
const client = {} as Record<Who, Client>;
const userId = {} as Record<Who, string>;
let cadreId = ''; // the demo cadre: managed within 如东县人民检察院, so the liaison and 南通市 reach them too
let nantong: Set<string>;
let rudongProcuratorate: Set<string>;
let managingUnit: Map<string, string>;
/** requests filed in this test: by the accountability officer (A), by the liaison (B), by the 南通 one (C) */
let A: ToleranceRequest;
let B: ToleranceRequest;
let C: ToleranceRequest;

const request = (subjectId: string, date: string, extra: Record<string, unknown> = {}) => ({
  subjectType: 'cadre',
  subjectId,
  date,
  situation: '3.2.1',
  findings: { remedied: true },
  statement: '推进项目中出现失误',
  ...extra,
});

const ids = (rows: { id: string }[]): string[] => rows.map((r) => r.id).sort();

async function everyRequest(): Promise<ToleranceRequest[]> {
  return srv.store.repo('toleranceRequests').list({ limit: 100_000 });
}

/** Where a request lies: the unit it concerns, or the managing unit of the cadre it concerns. */
function unitOf(t: ToleranceRequest): string {
  return t.subjectType === 'unit' ? t.subjectId : managingUnit.get(t.subjectId)!;
}

/** What each role must see, worked out from the stored rows (not through the server's SQL). */
async function expectedFor(who: Who): Promise<string[]> {
  const all = await everyRequest();
  const pick = (f: (t: ToleranceRequest) => boolean) => ids(all.filter(f));
  switch (who) {
    case 'org_officer':
    case 'discipline_officer':
      return pick(() => true);
    case 'city_org':
      return pick((t) => nantong.has(unitOf(t)));
    case 'cadre':
      return pick((t) => t.subjectType === 'cadre' && t.subjectId === cadreId);
    case 'accountability_officer':
      return pick((t) => t.filedBy === userId.accountability_officer);
    case 'unit_liaison':
      return pick((t) => t.filedBy === userId.unit_liaison && rudongProcuratorate.has(unitOf(t)));
    case 'acc_nantong':
      return pick((t) => t.filedBy === userId.acc_nantong && nantong.has(unitOf(t)));
    case 'committee_member':
      return [];
  }
}

async function exportedIds(c: Client): Promise<string[]> {
  const r = await c.get('/api/io/export/toleranceRequests');
  expect(r.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.body as never);
  const out: string[] = [];
  wb.worksheets[0]!.eachRow((row, n) => {
    if (n > 1) out.push(String(row.getCell(1).value));
  });
  return out.sort();
}

function created(r: Res): ToleranceRequest {
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as ToleranceRequest;
}

beforeAll(async () => {
  srv = await startServer({ cadres: 200 });
  const nantongId = await unitIdByName(srv.store, '南通市');
  nantong = await subtreeIds(srv.store, nantongId);
  rudongProcuratorate = await subtreeIds(srv.store, await unitIdByName(srv.store, '如东县人民检察院'));
  managingUnit = new Map(
    (await srv.store.repo('cadres').list({ limit: 100_000 })).map((c) => [c.id, c.managingUnitId]),
  );
  await insertUser(
    dbOf(srv.store),
    {
      username: 'acc_nantong',
      displayName: '南通市审计局（测试）',
      role: 'accountability_officer',
      unitId: nantongId,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      mustChangePassword: false,
    },
    new Date(),
  );
  for (const who of ROLES) {
    client[who] = await loggedIn(srv.base, who);
    userId[who] = (await client[who].get('/api/auth/me')).body.id as string;
  }
  cadreId = (await client.cadre.get('/api/auth/me')).body.cadreId as string;
  expect(rudongProcuratorate.has(managingUnit.get(cadreId)!)).toBe(true);

  // A client-sent filer is ignored: the server records the account that sends the request.
  A = created(
    await client.accountability_officer.post(
      '/api/records/toleranceRequests',
      request(cadreId, '2026-01-05', { filedBy: userId.unit_liaison }),
    ),
  );
  B = created(await client.unit_liaison.post('/api/records/toleranceRequests', request(cadreId, '2026-01-06')));
  C = created(await client.acc_nantong.post('/api/records/toleranceRequests', request(cadreId, '2026-01-07')));
});
afterAll(async () => srv?.close());

describe('who filed a tolerance request', () => {
  it('is the account that sent it, never what the body says, and an update does not change it', async () => {
    expect(A.filedBy).toBe(userId.accountability_officer);
    expect((await srv.store.repo('toleranceRequests').get(A.id))!.filedBy).toBe(userId.accountability_officer);
    expect(B.filedBy).toBe(userId.unit_liaison);

    const own = await client.accountability_officer.put(`/api/records/toleranceRequests/${A.id}`, {
      version: A.version,
      statement: '补充情况说明',
      filedBy: userId.acc_nantong,
    });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body.filedBy).toBe(userId.accountability_officer);
    // the handling 纪检监察 officer edits it without becoming its filer
    const handled = await client.discipline_officer.put(`/api/records/toleranceRequests/${A.id}`, {
      version: own.body.version,
      findings: { remedied: true, knowingly: false },
    });
    expect(handled.status, JSON.stringify(handled.body)).toBe(200);
    expect(handled.body.filedBy).toBe(userId.accountability_officer);
    A = handled.body as ToleranceRequest;
    expect((await srv.store.repo('toleranceRequests').get(A.id))!.filedBy).toBe(userId.accountability_officer);
  });

  it('is recorded for requests imported through the API, whatever the sheet holds', async () => {
    const tpl = new ExcelJS.Workbook();
    await tpl.xlsx.load((await client.unit_liaison.get('/api/io/template/toleranceRequests')).body as never);
    const sheet = tpl.worksheets.find((w) => w.name === '容错申请')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('容错申请');
    ws.addRow(headers);
    const cell: Record<string, string> = {
      申请编号: 'TR-IMPORT-1',
      对象类型: 'cadre',
      对象编号: cadreId,
      申请日期: '2026-02-01',
      适用情形条款: '3.2.2',
    };
    ws.addRow(headers.map((h) => cell[h] ?? null));
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(await wb.xlsx.writeBuffer())]), 'tolerance.xlsx');
    const r = await client.unit_liaison.req('POST', '/api/io/import', form);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toEqual({ imported: 1 });
    expect((await srv.store.repo('toleranceRequests').get('TR-IMPORT-1'))!.filedBy).toBe(userId.unit_liaison);
    expect((await client.unit_liaison.get('/api/records/toleranceRequests/TR-IMPORT-1')).status).toBe(200);
    expect((await client.accountability_officer.get('/api/records/toleranceRequests/TR-IMPORT-1')).status).toBe(404);
  });

  it('a duplicate of a request the importer may not see is refused without naming that request', async () => {
    const importDuplicateOfA = async (who: Who) => {
      const tpl = new ExcelJS.Workbook();
      await tpl.xlsx.load((await client[who].get('/api/io/template/toleranceRequests')).body as never);
      const headers = (tpl.worksheets.find((w) => w.name === '容错申请')!.getRow(1).values as unknown[])
        .slice(1)
        .map(String);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('容错申请');
      ws.addRow(headers);
      // the same subject, date and clause as A, which the accountability officer filed
      const cell: Record<string, string> = {
        申请编号: `TR-DUP-${who}`,
        对象类型: 'cadre',
        对象编号: A.subjectId,
        申请日期: A.date,
        适用情形条款: A.situation,
      };
      ws.addRow(headers.map((h) => cell[h] ?? null));
      const form = new FormData();
      form.append('file', new Blob([Buffer.from(await wb.xlsx.writeBuffer())]), 'dup.xlsx');
      return client[who].req('POST', '/api/io/import', form);
    };
    const liaison = await importDuplicateOfA('unit_liaison');
    expect(liaison.status).toBe(400);
    const reasons = (liaison.body.errors as { reason: string }[]).map((e) => e.reason);
    expect(reasons.some((r) => r.startsWith('数据库中已有相同记录'))).toBe(true);
    expect(JSON.stringify(liaison.body)).not.toContain(A.id);
    // who sees every request is told which one it is
    const discipline = await importDuplicateOfA('discipline_officer');
    expect(discipline.status).toBe(400);
    expect(JSON.stringify(discipline.body)).toContain(A.id);
  });
});

describe('the tolerance requests each role sees', () => {
  it('through the list: exactly those it takes part in, within its data scope', async () => {
    const seen: Partial<Record<Who, string[]>> = {};
    for (const who of ROLES) {
      const r = await client[who].get('/api/records/toleranceRequests?limit=1000');
      expect(r.status, who).toBe(200);
      seen[who] = ids(r.body.items);
      expect(r.body.total, who).toBe(seen[who]!.length);
      expect(seen[who], who).toEqual(await expectedFor(who));
    }
    const all = ids(await everyRequest());
    // the boundaries the rule draws, spelled out
    expect(seen.discipline_officer).toEqual(all);
    expect(seen.org_officer).toEqual(all);
    expect(seen.city_org!.length).toBeGreaterThan(0);
    expect(seen.city_org!.length).toBeLessThan(all.length);
    expect(seen.committee_member).toEqual([]);
    expect(seen.accountability_officer).toContain(A.id);
    expect(seen.accountability_officer).not.toContain(B.id);
    expect(seen.accountability_officer).not.toContain(C.id);
    expect(seen.acc_nantong).toEqual([C.id]);
    expect(seen.unit_liaison).toContain(B.id);
    expect(seen.unit_liaison).not.toContain(A.id);
    expect(seen.cadre).toEqual(expect.arrayContaining([A.id, B.id, C.id]));
    // the demo accounts see something: the demo filed the generated requests for them
    expect(seen.accountability_officer!.length).toBeGreaterThan(1);
    expect(seen.unit_liaison!.length).toBeGreaterThan(2);
  });

  it('a filter cannot widen it: the committee member and a filer asking for another’s requests get none', async () => {
    const byFiler = await client.committee_member.get(
      `/api/records/toleranceRequests?filedBy=${userId.accountability_officer}`,
    );
    expect(byFiler.body.total).toBe(0);
    const other = await client.accountability_officer.get(
      `/api/records/toleranceRequests?filedBy=${userId.unit_liaison}`,
    );
    expect(other.body.total).toBe(0);
    const mine = await client.accountability_officer.get(`/api/records/toleranceRequests?subjectId=${cadreId}`);
    expect(ids(mine.body.items)).toEqual([A.id]);
  });

  it('one record: 200 to those taking part, 404 to anyone else, as for a record outside the scope or missing', async () => {
    const get = async (who: Who, id: string) => (await client[who].get(`/api/records/toleranceRequests/${id}`)).status;
    for (const who of ['org_officer', 'discipline_officer', 'city_org', 'cadre'] as const)
      for (const t of [A, B, C]) expect(await get(who, t.id), `${who} ${t.id}`).toBe(200);
    expect(await get('accountability_officer', A.id)).toBe(200);
    expect(await get('accountability_officer', B.id)).toBe(404);
    expect(await get('accountability_officer', C.id)).toBe(404);
    expect(await get('acc_nantong', C.id)).toBe(200);
    expect(await get('acc_nantong', A.id)).toBe(404);
    expect(await get('unit_liaison', B.id)).toBe(200);
    expect(await get('unit_liaison', A.id)).toBe(404);
    for (const t of [A, B, C]) expect(await get('committee_member', t.id)).toBe(404);
    // a generated request nobody filed: only the roles that see every request in scope
    const unfiled = (await everyRequest()).find((t) => t.filedBy === undefined)!;
    expect(unfiled).toBeDefined();
    expect(await get('discipline_officer', unfiled.id)).toBe(200);
    expect(await get('accountability_officer', unfiled.id)).toBe(404);
    expect(await get('committee_member', 'no-such-request')).toBe(404);
  });

  it('writes: another filer’s request is not found (404) and stays as it was', async () => {
    const b = (await srv.store.repo('toleranceRequests').get(B.id))!;
    const put = await client.accountability_officer.put(`/api/records/toleranceRequests/${B.id}`, {
      version: b.version,
      statement: '越权修改',
    });
    expect(put.status).toBe(404);
    const del = await client.accountability_officer.del(`/api/records/toleranceRequests/${B.id}?version=${b.version}`);
    expect(del.status).toBe(404);
    const a = (await srv.store.repo('toleranceRequests').get(A.id))!;
    expect((await client.unit_liaison.del(`/api/records/toleranceRequests/${A.id}?version=${a.version}`)).status).toBe(
      404,
    );
    expect(await srv.store.repo('toleranceRequests').get(B.id)).toEqual(b);
    expect(await srv.store.repo('toleranceRequests').get(A.id)).toEqual(a);
  });

  it('through the export: the same rows as the list', async () => {
    for (const who of ROLES.filter((w) => w !== 'cadre'))
      expect(await exportedIds(client[who]), who).toEqual(await expectedFor(who));
    expect(await exportedIds(client.committee_member)).toEqual([]);
  });

  it('on the dashboard: counts only what the role sees', async () => {
    for (const who of ROLES) {
      const d = await client[who].get('/api/dashboard');
      expect(d.body.counts.toleranceRequests, who).toBe((await expectedFor(who)).length);
    }
  });

  it('in a cadre’s profile: the section and its timeline entries hold only what the role sees', async () => {
    const mine = (await everyRequest()).filter((t) => t.subjectType === 'cadre' && t.subjectId === cadreId);
    for (const who of ROLES) {
      const r = await client[who].get(`/api/cadres/${cadreId}/profile`);
      expect(r.status, who).toBe(200);
      const visible = new Set(await expectedFor(who));
      const want = ids(mine.filter((t) => visible.has(t.id)));
      const timeline = (r.body.timeline as { kind: string }[]).filter((e) => e.kind === 'tolerance_request');
      if (who === 'committee_member') {
        expect('toleranceRequests' in r.body).toBe(false);
        expect(r.body.posts.length).toBeGreaterThan(0); // the rest of the record is there
      } else expect(ids(r.body.toleranceRequests), who).toEqual(want);
      expect(timeline.length, who).toBe(want.length);
    }
    const acc = await client.accountability_officer.get(`/api/cadres/${cadreId}/profile`);
    expect(ids(acc.body.toleranceRequests)).toEqual([A.id]);
    const all = await client.discipline_officer.get(`/api/cadres/${cadreId}/profile`);
    expect(ids(all.body.toleranceRequests)).toEqual(ids(mine));
    expect(mine.length).toBeGreaterThanOrEqual(4);
  });

  it('in the explanation of a cadre: the tolerance conclusions only for those taking part in the case', async () => {
    interface Explained {
      findings: { rule: string }[];
      values: Record<string, unknown>;
      text: string;
    }
    const explain = async (who: Who) => {
      const r = await client[who].get(`/api/explain/cadre/${cadreId}?asOf=2026-03-01`);
      expect(r.status, who).toBe(200);
      return r.body as Explained;
    };
    const tolerance = (e: Explained) => e.findings.map((f) => f.rule).filter((id) => id.split('/')[1] === 'tolerance');
    const others = (e: Explained) => e.findings.map((f) => f.rule).filter((id) => id.split('/')[1] !== 'tolerance');
    const full = await explain('discipline_officer');
    expect(tolerance(full).length).toBeGreaterThan(0); // the requests filed above make the rulebooks conclude
    // the filer takes part; the committee member does not (yet) and sees every other conclusion
    // (only those resting on the case files it filed: the others are withheld, test/api/explain-scope.test.ts)
    expect(tolerance(full)).toEqual(expect.arrayContaining(tolerance(await explain('accountability_officer'))));
    const committee = await explain('committee_member');
    expect(tolerance(committee)).toEqual([]);
    expect(others(committee)).toEqual(others(full));
    expect(Object.keys(committee.values).filter((k) => k.split('.')[1] === 'tolerance')).toEqual([]);
    for (const id of tolerance(full)) expect(committee.text).not.toContain(id);
  });
});
