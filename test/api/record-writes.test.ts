// Every write of the record checks what it refers to and what it holds, the same way for every record kind: a
// reference to nothing is 400 naming the field, a reference outside the writer's remit 403 (nothing written, nothing
// about the target shown); values the record cannot hold (control characters, dates and numbers out of range, a
// 身份证号 that is not one) are 400 naming the field. Moving a unit keeps the tree a tree inside the mover's remit. An
// id outside the remit is answered exactly as a missing one.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordKind } from '../../src/domain/entities.js';
import { RECORD_KINDS } from '../../src/domain/entities.js';
import { RECORD_REFERENCES, referencedKind } from '../../src/domain/references.js';
import { idNumberProblem } from '../../src/domain/values.js';
import { KIND_SPECS } from '../../src/io/xlsx/columns.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { Client, loggedIn, startServer, subtreeIds, unitIdByName, type TestServer } from './harness.js';

let srv: TestServer;
let city: Client;
/** 纪检监察 bound to 南通市 (the demo's is province-wide): the scoped writer of sanctions and case files */
let cityDiscipline: Client;
let nantong: Set<string>;
let rudong: string;
let rudongProcuratorate: string;
let inUnit: string;
let outUnit: { id: string; name: string };
let inCadre: string;
let outCadre: { id: string; name: string };

beforeAll(async () => {
  srv = await startServer({ cadres: 200 });
  const nt = await unitIdByName(srv.store, '南通市');
  await (srv.store as unknown as KyselyStore).db
    .updateTable('users')
    .set({ unit_id: nt })
    .where('username', '=', 'discipline_officer')
    .execute();
  city = await loggedIn(srv.base, 'city_org');
  cityDiscipline = await loggedIn(srv.base, 'discipline_officer');
  nantong = await subtreeIds(srv.store, nt);
  rudong = await unitIdByName(srv.store, '如东县');
  rudongProcuratorate = await unitIdByName(srv.store, '如东县人民检察院');
  inUnit = rudong;
  const units = await srv.store.repo('units').list({ limit: 100_000 });
  outUnit = units.find((u) => !nantong.has(u.id))!;
  const cadres = await srv.store.repo('cadres').list({ limit: 100_000 });
  inCadre = cadres.find((c) => nantong.has(c.managingUnitId))!.id;
  outCadre = cadres.find((c) => !nantong.has(c.managingUnitId))!;
});
afterAll(async () => srv?.close());

/** A valid new row of each kind, referring to the unit and cadre given. */
function sample(kind: RecordKind, unitId: string, cadreId: string): Record<string, unknown> {
  const date = '2024-03-01';
  const rows: Record<RecordKind, Record<string, unknown>> = {
    units: { name: '测试单位', kind: 'county', parentId: unitId },
    cadres: { name: '测试干部', category: '公务员', managingUnitId: unitId },
    posts: { cadreId, unitId, role: 'deputy', title: '副县长', level: '副处', startDate: date },
    unitAssessments: { unitId, year: 2099, scheme: 'target' },
    cadreAssessments: { cadreId, year: 2099 },
    regularAssessments: { cadreId, period: '2099Q1', grade: '好' },
    honors: { subjectType: 'cadre', subjectId: cadreId, date, conferredBy: 'county', title: '测试表彰' },
    incidents: { unitId, date, category: 'production_safety', severity: '一般' },
    determinations: { subjectType: 'unit', subjectId: unitId, date, kind: 'inaction', clause: '第八条（三）' },
    sanctions: { cadreId, date, kind: SANCTION },
    accountability: { cadreId, date, kind: '诫勉' },
    adjustments: { cadreId, date, method: '调离岗位' },
    toleranceRequests: { subjectType: 'cadre', subjectId: cadreId, date, situation: '1.3', findings: {} },
    accountabilityMatters: {
      subjectCadreId: cadreId,
      description: '测试问责事项',
      accountableUnitId: unitId,
      openedOn: date,
    },
  };
  return rows[kind];
}
const SANCTION = '警告';

function writerOf(kind: RecordKind): Client {
  return ['sanctions', 'accountability', 'toleranceRequests', 'accountabilityMatters'].includes(kind)
    ? cityDiscipline
    : city;
}

describe('every reference a write carries', () => {
  it.each(RECORD_KINDS.filter((k) => RECORD_REFERENCES[k].length > 0))(
    '%s: missing → 400 naming the field, outside the remit → 403, nothing written either way',
    async (kind) => {
      const w = writerOf(kind);
      const good = sample(kind, inUnit, inCadre);
      // a reference that may be empty or may lie anywhere has its own test below
      for (const ref of RECORD_REFERENCES[kind].filter((r) => !r.optional && !r.anywhere)) {
        const before = await srv.store.repo(kind).count();
        const missing = await w.post(`/api/records/${kind}`, { ...good, [ref.field]: 'NO-SUCH-ID' });
        expect(missing.status, `${kind}.${ref.field} missing: ${JSON.stringify(missing.body)}`).toBe(400);
        expect(missing.body.field).toBe(ref.field);
        expect(missing.body.reason_zh).toContain(ref.field);

        const out = referencedKind(ref, good) === 'units' ? outUnit : outCadre;
        const outside = await w.post(`/api/records/${kind}`, { ...good, [ref.field]: out.id });
        expect(outside.status, `${kind}.${ref.field} outside: ${JSON.stringify(outside.body)}`).toBe(403);
        expect(JSON.stringify(outside.body)).not.toContain(out.name);
        expect(await srv.store.repo(kind).count()).toBe(before);
      }
      // the same row referring inside the remit is written: the refusals were the references'
      const ok = await w.post(`/api/records/${kind}`, good);
      expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    },
  );

  it('a matter: its subject must exist and lie in the remit, its accountable organ need only exist', async () => {
    const good = sample('accountabilityMatters', inUnit, inCadre);
    const before = await srv.store.repo('accountabilityMatters').count();
    const subjectOut = await cityDiscipline.post('/api/records/accountabilityMatters', {
      ...good,
      subjectCadreId: outCadre.id,
    });
    expect(subjectOut.status).toBe(403);
    const unitOut = await cityDiscipline.post('/api/records/accountabilityMatters', {
      ...good,
      subjectCadreId: null,
      subjectUnitId: outUnit.id,
    });
    expect(unitOut.status).toBe(403);
    const organMissing = await cityDiscipline.post('/api/records/accountabilityMatters', {
      ...good,
      accountableUnitId: 'NO-SUCH-ID',
    });
    expect(organMissing.status).toBe(400);
    expect(organMissing.body.field).toBe('accountableUnitId');
    expect(await srv.store.repo('accountabilityMatters').count()).toBe(before);
    // a provincial organ holding a county cadre to account: the organ lies above the writer's remit
    const organAbove = await cityDiscipline.post('/api/records/accountabilityMatters', {
      ...good,
      accountableUnitId: outUnit.id,
    });
    expect(organAbove.status, JSON.stringify(organAbove.body)).toBe(201);
  });

  it('a subject reference follows its type: a unit subject is checked as a unit', async () => {
    const good = sample('honors', inUnit, inCadre);
    const asUnit = await city.post('/api/records/honors', { ...good, subjectType: 'unit', subjectId: outUnit.id });
    expect(asUnit.status).toBe(403);
    // a cadre's id given as a unit is no unit at all
    const wrongType = await city.post('/api/records/honors', { ...good, subjectType: 'unit', subjectId: inCadre });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.field).toBe('subjectId');
  });

  it('an update is checked for the references it changes: a post moved to a unit outside, or to none', async () => {
    const created = await city.post('/api/records/posts', sample('posts', inUnit, inCadre));
    expect(created.status).toBe(201);
    const post = created.body as { id: string; version: number };
    const out = await city.put(`/api/records/posts/${post.id}`, { version: post.version, unitId: outUnit.id });
    expect(out.status).toBe(403);
    const none = await city.put(`/api/records/posts/${post.id}`, { version: post.version, unitId: 'NO-SUCH-ID' });
    expect(none.status).toBe(400);
    expect(none.body.field).toBe('unitId');
    expect((await srv.store.repo('posts').get(post.id))!.unitId).toBe(inUnit);
    // sending the row back whole, references unchanged, is fine
    const same = await city.put(`/api/records/posts/${post.id}`, { ...created.body, id: undefined, title: '副书记' });
    expect(same.status, JSON.stringify(same.body)).toBe(200);
  });
});

describe('an import', () => {
  /** A 任职 workbook of one row per unit given, for the inside cadre. */
  async function postsBook(unitIds: string[]): Promise<FormData> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(KIND_SPECS.posts.sheetName);
    const headers = KIND_SPECS.posts.columns.map((c) => c.header);
    ws.addRow(headers);
    const value: Record<string, string> = {
      cadreId: inCadre,
      role: '副职（分管领导）',
      title: '导入副县长',
      level: '副处',
      startDate: '2024-05-01',
    };
    for (const unitId of unitIds)
      ws.addRow(KIND_SPECS.posts.columns.map((c) => (c.field === 'unitId' ? unitId : (value[c.field] ?? null))));
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(await wb.xlsx.writeBuffer())]), 'posts.xlsx');
    return form;
  }

  it('checks every reference of every row too: a post in a unit outside the remit refuses the whole file', async () => {
    const before = await srv.store.repo('posts').count();
    const r = await city.req('POST', '/api/io/import', await postsBook([inUnit, outUnit.id]));
    // the row report says the unit is unknown or out of reach — the same words as for a unit that does not exist
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    const errors = (r.body as { errors: { row: number; column: string }[] }).errors;
    expect(errors.map((e) => [e.row, e.column])).toEqual([[3, '任职单位编号']]);
    expect(JSON.stringify(r.body)).not.toContain(outUnit.name);
    expect(await srv.store.repo('posts').count()).toBe(before);
    const ok = await city.req('POST', '/api/io/import', await postsBook([inUnit]));
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(await srv.store.repo('posts').count()).toBe(before + 1);
  });
});

describe('moving a unit', () => {
  const parent = async (id: string) => (await srv.store.repo('units').get(id))!.parentId;
  const version = async (id: string) => (await srv.store.repo('units').get(id))!.version;

  it('under one of its own units is refused (400 parentId), and nothing changes', async () => {
    const was = await parent(rudong);
    const r = await city.put(`/api/records/units/${rudong}`, {
      version: await version(rudong),
      parentId: rudongProcuratorate,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.field).toBe('parentId');
    expect(await parent(rudong)).toBe(was);
    // under itself
    const self = await city.put(`/api/records/units/${rudong}`, { version: await version(rudong), parentId: rudong });
    expect(self.status).toBe(400);
    // a province-wide officer neither: the store refuses the loop whoever asks
    const province = await loggedIn(srv.base, 'org_officer');
    const js = await unitIdByName(srv.store, '江苏省');
    const top = await province.put(`/api/records/units/${js}`, { version: await version(js), parentId: rudong });
    expect(top.status).toBe(400);
    expect(top.body.field).toBe('parentId');
    expect(await parent(js)).toBeNull();
    // the city still reaches 如东县 and everything below it
    expect((await city.get(`/api/records/units/${rudongProcuratorate}`)).status).toBe(200);
  });

  it('out of the remit, or the remit itself, is refused (403)', async () => {
    const away = await city.put(`/api/records/units/${rudong}`, {
      version: await version(rudong),
      parentId: outUnit.id,
    });
    expect(away.status).toBe(403);
    expect(JSON.stringify(away.body)).not.toContain(outUnit.name);
    const nt = await unitIdByName(srv.store, '南通市');
    const root = await city.put(`/api/records/units/${nt}`, { version: await version(nt), parentId: rudong });
    expect(root.status).toBe(403);
    const top = await city.put(`/api/records/units/${rudong}`, { version: await version(rudong), parentId: null });
    expect(top.status).toBe(403);
    expect(await parent(nt)).not.toBe(rudong);
    expect(nantong.has((await parent(rudong))!)).toBe(true);
  });

  it('takes a role that keeps the unit tree', async () => {
    // the liaison's own unit, moved within its own remit would still be a move
    const liaison = await loggedIn(srv.base, 'unit_liaison');
    const r = await liaison.put(`/api/records/units/${rudongProcuratorate}`, {
      version: await version(rudongProcuratorate),
      parentId: rudong,
    });
    expect(r.status).toBe(403);
  });

  it('within the remit lands, and the scope follows the tree', async () => {
    const nt = await unitIdByName(srv.store, '南通市');
    const units = await srv.store.repo('units').list({ where: { parentId: nt }, limit: 1000 });
    const otherCounty = units.find((u) => u.id !== rudong)!;
    const was = await parent(rudongProcuratorate);
    const r = await city.put(`/api/records/units/${rudongProcuratorate}`, {
      version: await version(rudongProcuratorate),
      parentId: otherCounty.id,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await subtreeIds(srv.store, otherCounty.id)).toContain(rudongProcuratorate);
    // the liaison bound to the moved unit reaches what it did; 如东县 no longer holds it
    interface Node {
      id: string;
      children: Node[];
    }
    const find = (nodes: Node[]): Node | undefined => {
      for (const n of nodes) {
        const f = n.id === otherCounty.id ? n : find(n.children);
        if (f) return f;
      }
      return undefined;
    };
    const county = find((await city.get('/api/units/tree')).body as Node[]);
    expect(county?.children.map((c) => c.id)).toContain(rudongProcuratorate);
    // and back
    const back = await city.put(`/api/records/units/${rudongProcuratorate}`, {
      version: await version(rudongProcuratorate),
      parentId: was,
    });
    expect(back.status).toBe(200);
  });
});

describe('values the record cannot hold', () => {
  const newCadre = (extra: Record<string, unknown>) =>
    city.post('/api/records/cadres', { name: '值测试', category: '公务员', managingUnitId: inUnit, ...extra });

  it('text with NUL, half a surrogate pair or a direction override: 400 naming the field', async () => {
    const before = await srv.store.repo('cadres').count();
    for (const name of ['王\u0000明', '王\ud800明', '\u202e明王', '王\u2066明']) {
      const r = await newCadre({ name });
      expect(r.status, JSON.stringify(name)).toBe(400);
      expect(r.body.field).toBe('name');
      expect(r.body.reason_zh).toMatch(/姓名（name）：/);
    }
    const reason = await city.post('/api/records/posts', {
      ...sample('posts', inUnit, inCadre),
      inCharge: ['农业\u0000'],
    });
    expect(reason.status).toBe(400);
    expect(reason.body.field).toBe('inCharge');
    expect(await srv.store.repo('cadres').count()).toBe(before);
  });

  it('years, votes, scores and ranks outside what they measure', async () => {
    const ca = sample('cadreAssessments', inUnit, inCadre);
    for (const [field, value] of [
      ['year', -1],
      ['year', 1e21],
      ['year', 1899],
      ['year', 2101],
      ['votesExcellent', -1],
      ['votesIncompetent', 100_001],
    ] as const) {
      const r = await city.post('/api/records/cadreAssessments', { ...ca, [field]: value });
      expect(r.status, `${field}=${value}`).toBe(400);
      expect(r.body.field).toBe(field);
    }
    const ua = sample('unitAssessments', inUnit, inCadre);
    for (const [field, value] of [
      ['score', 1e308],
      ['score', -1e308],
      ['score', -0.5],
      ['rank', 0],
    ] as const) {
      const r = await city.post('/api/records/unitAssessments', { ...ua, [field]: value });
      expect(r.status, `${field}=${value}`).toBe(400);
      expect(r.body.field).toBe(field);
    }
    const edge = await city.post('/api/records/unitAssessments', { ...ua, year: 2100, score: 10_000, rank: 1 });
    expect(edge.status, JSON.stringify(edge.body)).toBe(201);
  });

  it('dates outside 1900–2100 and quarters outside those years', async () => {
    for (const birthDate of ['0001-01-01', '9999-12-31', '1899-12-31']) {
      const r = await newCadre({ birthDate });
      expect(r.status, birthDate).toBe(400);
      expect(r.body.field).toBe('birthDate');
      expect(r.body.reason_zh).toMatch(/合理范围/);
    }
    const r = await city.post('/api/records/regularAssessments', {
      ...sample('regularAssessments', inUnit, inCadre),
      period: '0001Q1',
    });
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('period');
  });

  it('身份证号: a GB 11643 number is kept (x as X); a wrong check, the 15-digit form or any text is 400', async () => {
    for (const idNumber of ['320623196803010011', '320623680301001', '990623196803010018', '身份证号', '12345']) {
      const r = await newCadre({ idNumber });
      expect(r.status, idNumber).toBe(400);
      expect(r.body.field).toBe('idNumber');
    }
    const ok = await newCadre({ idNumber: '11010519491231002x' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect((await srv.store.repo('cadres').get(ok.body.id))!.idNumber).toBe('11010519491231002X');
  });

  it('the generated record holds only valid 身份证号', async () => {
    const cadres = await srv.store.repo('cadres').list({ limit: 100_000 });
    const numbers = cadres.map((c) => c.idNumber).filter((n): n is string => typeof n === 'string');
    expect(numbers.length).toBeGreaterThan(100);
    expect(numbers.filter((n) => idNumberProblem(n) !== undefined)).toEqual([]);
  });

  it('paging beyond any list, and an explanation on a day outside the record', async () => {
    for (const url of ['/api/records/cadres?offset=1e20', '/api/records/posts?offset=-1', '/api/cadres?offset=1e20']) {
      const r = await city.get(url);
      expect(r.status, url).toBe(400);
      expect(r.body.field).toBe('offset');
    }
    expect((await city.get('/api/records/cadres?offset=1000000000')).status).toBe(200);
    for (const asOf of ['0001-01-01', '9999-12-31']) {
      const r = await city.get(`/api/explain/cadre/${inCadre}?asOf=${asOf}`);
      expect(r.status, asOf).toBe(400);
      expect(r.body.field).toBe('asOf');
    }
  });
});

describe('an id outside the remit', () => {
  it('is answered exactly as a missing one on every record and profile route', async () => {
    const posts = await srv.store.repo('posts').list({ where: { cadreId: outCadre.id }, limit: 1 });
    const targets: [string, string][] = [
      ['cadres', outCadre.id],
      ['units', outUnit.id],
      ...(posts[0] ? [['posts', posts[0].id] as [string, string]] : []),
    ];
    const same = (a: { status: number; body: unknown }, b: { status: number; body: unknown }, id: string) => {
      expect(a.status).toBe(404);
      expect(b.status).toBe(404);
      expect(JSON.stringify(a.body).replaceAll(id, 'ID')).toBe(JSON.stringify(b.body).replaceAll('NO-SUCH-ID', 'ID'));
    };
    for (const [kind, id] of targets) {
      same(await city.get(`/api/records/${kind}/${id}`), await city.get(`/api/records/${kind}/NO-SUCH-ID`), id);
      same(
        await city.put(`/api/records/${kind}/${id}`, { version: 1 }),
        await city.put(`/api/records/${kind}/NO-SUCH-ID`, { version: 1 }),
        id,
      );
      same(
        await city.del(`/api/records/${kind}/${id}?version=1`),
        await city.del(`/api/records/${kind}/NO-SUCH-ID?version=1`),
        id,
      );
    }
    same(
      await city.get(`/api/cadres/${outCadre.id}/profile`),
      await city.get('/api/cadres/NO-SUCH-ID/profile'),
      outCadre.id,
    );
    same(
      await city.get(`/api/explain/cadre/${outCadre.id}?asOf=2026-03-01`),
      await city.get('/api/explain/cadre/NO-SUCH-ID?asOf=2026-03-01'),
      outCadre.id,
    );
    expect(await srv.store.repo('cadres').get(outCadre.id)).toBeDefined();
  });
});
