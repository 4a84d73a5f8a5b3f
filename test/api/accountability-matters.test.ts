// 问责事项 through the API: who creates them, who reads them (纪检监察, 问责部门 and 组织部门 within their data scope,
// the cadre their own; not 党委成员, unit liaisons or the 三员), the 400s that name the field and change nothing,
// 404 for a matter that does not exist, the version check, the audit trail, and the export limited like the list.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountabilityMatter } from '../../src/domain/entities.js';
import { loggedIn, startServer, subtreeIds, unitIdByName, type Client, type TestServer } from './harness.js';

const ROLES = [
  'org_officer',
  'discipline_officer',
  'accountability_officer',
  'committee_member',
  'unit_liaison',
  'cadre',
  'city_org',
] as const;
type Who = (typeof ROLES)[number];

let srv: TestServer;
const client = {} as Record<Who, Client>;
let nantongId = '';
let nantong: Set<string>;
let managingUnit: Map<string, string>;
let inNantong = ''; // a cadre managed within 南通市
let outside = ''; // a cadre managed outside it
let created: AccountabilityMatter;

const matter = (extra: Record<string, unknown> = {}) => ({
  subjectCadreId: inNantong,
  description: '安全生产检查流于形式，造成较大事故',
  accountableUnitId: nantongId,
  openedOn: '2026-01-05',
  ...extra,
});

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

async function listed(c: Client): Promise<string[]> {
  const r = await c.get('/api/records/accountabilityMatters?limit=1000');
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(r.body.total).toBe(r.body.items.length);
  return ids(r.body.items as AccountabilityMatter[]);
}

/** What each role must see, worked out from the stored rows (not through the server's SQL). */
async function expectedFor(who: Who, cadreId: string): Promise<string[]> {
  const all = await srv.store.repo('accountabilityMatters').list({ limit: 100_000 });
  const unitOf = (m: AccountabilityMatter) => m.subjectUnitId ?? managingUnit.get(m.subjectCadreId!)!;
  switch (who) {
    case 'org_officer':
    case 'discipline_officer':
    case 'accountability_officer':
      return ids(all);
    case 'city_org':
      return ids(all.filter((m) => nantong.has(unitOf(m))));
    case 'cadre':
      return ids(all.filter((m) => m.subjectCadreId === cadreId));
    case 'committee_member':
    case 'unit_liaison':
      return [];
  }
}

beforeAll(async () => {
  srv = await startServer({ cadres: 200 });
  nantongId = await unitIdByName(srv.store, '南通市');
  nantong = await subtreeIds(srv.store, nantongId);
  const cadres = await srv.store.repo('cadres').list({ limit: 100_000 });
  managingUnit = new Map(cadres.map((c) => [c.id, c.managingUnitId]));
  inNantong = cadres.find((c) => nantong.has(c.managingUnitId))!.id;
  outside = cadres.find((c) => !nantong.has(c.managingUnitId))!.id;
  for (const who of ROLES) client[who] = await loggedIn(srv.base, who);
}, 120_000);
afterAll(async () => srv?.close());

describe('creating a matter', () => {
  it('the discipline officer records a matter about a cadre; it reads back as sent, version 1, audited', async () => {
    const r = await client.discipline_officer.post('/api/records/accountabilityMatters', matter());
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    created = r.body as AccountabilityMatter;
    expect(created).toMatchObject({ ...matter(), subjectUnitId: null, outcome: null, decidedOn: null, version: 1 });
    expect(await srv.store.repo('accountabilityMatters').get(created.id)).toEqual(created);
    const audit = await loggedIn(srv.base, 'auditadmin');
    const trail = await audit.get('/api/audit?action=record.create&user=discipline_officer');
    const entry = trail.body.items.find((i: { targetId: string }) => i.targetId === created.id);
    expect(entry).toMatchObject({ targetKind: 'accountabilityMatters', after: { description: created.description } });
  });

  it('the accountability department records one about a unit, with its 问责方式', async () => {
    const r = await client.accountability_officer.post(
      '/api/records/accountabilityMatters',
      matter({
        subjectCadreId: null,
        subjectUnitId: nantongId,
        openedOn: '2026-01-02',
        decidedOn: '2026-02-01',
        outcome: '通报',
        decision: '责令整改，并在一定范围内通报',
      }),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ subjectUnitId: nantongId, subjectCadreId: null, outcome: '通报' });
  });

  // the changes are functions: the unit ids are known only once the server has started
  it.each([
    ['no subject', () => ({ subjectCadreId: null }), 'subjectCadreId'],
    ['both subjects', () => ({ subjectUnitId: nantongId }), 'subjectUnitId'],
    ['a decision dated before the opening', () => ({ decidedOn: '2026-01-04', outcome: '诫勉' }), 'decidedOn'],
    ['an outcome without its date', () => ({ outcome: '诫勉' }), 'decidedOn'],
    ['a unit-only 问责方式 for a cadre', () => ({ decidedOn: '2026-02-01', outcome: '改组' }), 'outcome'],
    ['a day that does not exist', () => ({ openedOn: '2026-02-30' }), 'openedOn'],
    ['an outcome outside the vocabulary', () => ({ decidedOn: '2026-02-01', outcome: '罚款' }), 'outcome'],
  ])('refuses %s with a 400 naming the field, and writes nothing', async (_what, change, field) => {
    const before = await srv.store.repo('accountabilityMatters').count();
    const body = matter(change());
    const r = await client.discipline_officer.post('/api/records/accountabilityMatters', body);
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.field ?? '').toContain(field);
    expect(r.body.reason_zh).toMatch(/[\u4e00-\u9fff]/);
    expect(await srv.store.repo('accountabilityMatters').count()).toBe(before);
  });

  it('is refused to roles that take no part in accountability and to the 三员', async () => {
    for (const who of ['committee_member', 'unit_liaison', 'cadre'] as const) {
      const r = await client[who].post('/api/records/accountabilityMatters', matter());
      expect(r.status, who).toBe(403);
    }
    const admin = await loggedIn(srv.base, 'sysadmin');
    expect((await admin.post('/api/records/accountabilityMatters', matter())).status).toBe(403);
  });
});

describe('who reads a matter', () => {
  it('each role lists exactly the matters it takes part in within its data scope', async () => {
    const me = (await client.cadre.get('/api/auth/me')).body.cadreId as string;
    // the demo record opens a matter about the demo cadre, so the cadre has one to see
    expect((await expectedFor('cadre', me)).length).toBeGreaterThan(0);
    for (const who of ROLES) expect(await listed(client[who]), who).toEqual(await expectedFor(who, me));
    expect(await listed(client.city_org)).toContain(created.id);
  });

  it('one matter: read in scope; out of scope like an out-of-scope cadre; 404 when it does not exist', async () => {
    expect((await client.accountability_officer.get(`/api/records/accountabilityMatters/${created.id}`)).body).toEqual(
      created,
    );
    const far = await client.discipline_officer.post(
      '/api/records/accountabilityMatters',
      matter({ subjectCadreId: outside }),
    );
    expect(far.status).toBe(201);
    // however the server answers for a cadre outside the scope, a matter outside it gets the same answer
    const cadreOutside = (await client.city_org.get(`/api/records/cadres/${outside}`)).status;
    expect([403, 404]).toContain(cadreOutside);
    expect((await client.city_org.get(`/api/records/accountabilityMatters/${far.body.id}`)).status).toBe(cadreOutside);
    for (const who of ['committee_member', 'unit_liaison'] as const)
      expect((await client[who].get(`/api/records/accountabilityMatters/${created.id}`)).status, who).toBe(
        cadreOutside,
      );
    expect((await client.discipline_officer.get('/api/records/accountabilityMatters/no-such-matter')).status).toBe(404);
    const admin = await loggedIn(srv.base, 'auditadmin');
    expect((await admin.get(`/api/records/accountabilityMatters/${created.id}`)).status).toBe(403);
  });

  it('the export holds what the list holds', async () => {
    const r = await client.city_org.get('/api/io/export/accountabilityMatters');
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as never);
    const sheet = wb.getWorksheet('问责事项')!;
    const got: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) got.push(String(row.getCell(1).value));
    });
    expect(got.sort()).toEqual(await listed(client.city_org));
  });
});

describe('deciding a matter', () => {
  it('records the decision with the version read; a stale write is 409 and changes nothing', async () => {
    const url = `/api/records/accountabilityMatters/${created.id}`;
    const ok = await client.discipline_officer.put(url, {
      version: created.version,
      decidedOn: '2026-03-01',
      outcome: '诫勉',
      decision: '经研究，对其予以诫勉',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ version: created.version + 1, outcome: '诫勉' });
    const stale = await client.accountability_officer.put(url, { version: created.version, outcome: '通报' });
    expect(stale.status).toBe(409);
    expect(await srv.store.repo('accountabilityMatters').get(created.id)).toMatchObject({ outcome: '诫勉' });
    // a decision that the merged record makes inconsistent is refused too
    const bad = await client.discipline_officer.put(url, { version: ok.body.version, decidedOn: '2025-12-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('decidedOn');
  });
});
