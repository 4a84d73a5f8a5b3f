// The alert list (预警清单) end to end over HTTP: a write that gives a finding makes its alert appear, one that
// takes the finding away marks the alert (kept, with its state); the cadre never sees an alert about themselves
// before the organisation confirms it; each role sees exactly the alerts of its scope on every route; only the
// organisation department moves an alert, a dismissal needs a reason, and a stale version changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { alertRefresherOf } from '../../src/mechanisms/adjustment/alerts-refresh.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { loggedIn, startServer, subtreeIds, unitIdByName, type Client, type TestServer } from './harness.js';
import { chinaDate } from '../../src/domain/dates.js';

const ROLES = [
  'org_officer',
  'discipline_officer',
  'accountability_officer',
  'committee_member',
  'unit_liaison',
  'cadre',
  'city_org',
  'sysadmin',
  'secadmin',
  'auditadmin',
] as const;
type Who = (typeof ROLES)[number];
const ADMINS: readonly Who[] = ['sysadmin', 'secadmin', 'auditadmin'];

let srv: TestServer;
const client = {} as Record<Who, Client>;
let cadreId = '';
let sanctionId = '';

const settled = () => alertRefresherOf(srv.store as unknown as KyselyStore)!.settled();
const today = () => chinaDate(srv.now());

interface AlertView {
  id: string;
  version: number;
  rule: string;
  subjectType: 'cadre' | 'unit';
  subjectId: string;
  state: string;
  present: boolean;
  goneOn: string | null;
  because: string[];
  confirmedBy: string | null;
  dismissedReason: string | null;
}

async function list(who: Who, qs = ''): Promise<{ total: number; items: AlertView[] }> {
  const r = await client[who].get(`/api/alerts?pageSize=200${qs}`);
  expect(r.status, `${who}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body as { total: number; items: AlertView[] };
}

/** Every alert the reader sees, page by page. */
async function all(who: Who, qs = ''): Promise<AlertView[]> {
  const out: AlertView[] = [];
  for (let page = 1; ; page++) {
    const r = await client[who].get(`/api/alerts?pageSize=200&page=${page}${qs}`);
    expect(r.status).toBe(200);
    out.push(...(r.body.items as AlertView[]));
    if (out.length >= r.body.total || r.body.items.length === 0) return out;
  }
}

const sanctionAlert = async (who: Who = 'org_officer') =>
  (await list(who, `&cadre=${cadreId}&rule=national/adjustment/zwcf-8`)).items[0];

beforeAll(async () => {
  srv = await startServer({ cadres: 200 });
  for (const who of ROLES) client[who] = await loggedIn(srv.base, who);
  cadreId = (await client.cadre.get('/api/auth/me')).body.cadreId as string;
  await settled(); // the scan at start
}, 120_000);

afterAll(async () => {
  await srv?.close();
});

describe('the list follows the record', () => {
  it('a sanction recorded makes its alert appear, with the article and the evidence in names', async () => {
    expect(await sanctionAlert()).toBeUndefined();
    const month = new Date(srv.now().getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
    const r = await client.discipline_officer.post('/api/records/sanctions', {
      cadreId,
      date: month,
      kind: '警告',
      reason: '违反工作纪律',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    sanctionId = r.body.id as string;
    await settled();
    const a = (await client.org_officer.get(`/api/alerts/${(await sanctionAlert())!.id}`)).body;
    expect(a).toMatchObject({ subjectId: cadreId, state: 'new', present: true, stateLabel: '新提示' });
    expect(a.citation.document).toBe('中华人民共和国公职人员政务处分法');
    expect(a.citation.article).toBe('第八条');
    expect(a.because.join(' ')).toContain('警告');
    // names, not ids
    expect(a.because.join(' ')).not.toContain(cadreId);
    expect(a.subjectName).not.toBe('');
  });

  it('the cadre does not see the alert about themselves before the organisation confirms it', async () => {
    expect(await sanctionAlert('cadre')).toBeUndefined();
    const id = (await sanctionAlert())!.id;
    expect((await client.cadre.get(`/api/alerts/${id}`)).status).toBe(404);
    // verification is not a determination either
    const v = await client.org_officer.post(`/api/alerts/${id}/verify`, { version: (await sanctionAlert())!.version });
    expect(v.status, JSON.stringify(v.body)).toBe(200);
    expect(v.body.state).toBe('verifying');
    expect(await sanctionAlert('cadre')).toBeUndefined();
  });

  it('only the organisation department confirms; a stale version changes nothing', async () => {
    const a = (await sanctionAlert())!;
    const refused = await client.discipline_officer.post(`/api/alerts/${a.id}/confirm`, { version: a.version });
    expect(refused.status).toBe(403);
    const stale = await client.org_officer.post(`/api/alerts/${a.id}/confirm`, { version: a.version - 1 });
    expect(stale.status).toBe(409);
    expect((await sanctionAlert())!.state).toBe('verifying');
    const ok = await client.org_officer.post(`/api/alerts/${a.id}/confirm`, { version: a.version });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ state: 'confirmed', confirmedBy: '组织部门干部（演示）' });
    expect(ok.body.confirmedAt).toBeTruthy();
    // now the cadre sees it
    expect((await sanctionAlert('cadre'))?.id).toBe(a.id);
    const detail = (await client.org_officer.get(`/api/alerts/${a.id}`)).body;
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['verify', 'confirm']);
    const trail = await srv.store
      .transaction(async (tx) => (tx as unknown as KyselyStore).db.selectFrom('audit_log').selectAll().execute())
      .catch(() => []);
    if (trail.length) expect(trail.some((e) => (e as { action: string }).action === 'alert.confirm')).toBe(true);
  });

  it('deleting the sanction marks the alert: kept, with its state, no longer present', async () => {
    const s = await srv.store.repo('sanctions').get(sanctionId);
    const r = await client.discipline_officer.del(`/api/records/sanctions/${sanctionId}?version=${s!.version}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    await settled();
    const a = (await sanctionAlert())!;
    expect(a).toMatchObject({ state: 'confirmed', present: false, goneOn: today() });
    const detail = (await client.org_officer.get(`/api/alerts/${a.id}`)).body;
    expect(detail.history.at(-1).action).toBe('gone');
    expect((await list('org_officer', `&cadre=${cadreId}&present=true&rule=national/adjustment/zwcf-8`)).total).toBe(0);
  });
});

describe("a unit fact reaches the cadres the unit's rules name", () => {
  it('a 特别重大 production-safety accident at a unit alerts its principal; deleting it marks the alert', async () => {
    const jiangsu = await subtreeIds(srv.store, await unitIdByName(srv.store, '江苏省'));
    const rudong = await subtreeIds(srv.store, await unitIdByName(srv.store, '如东县人民检察院'));
    const posts = await srv.store.repo('posts').list({ where: { role: 'principal', endDate: null }, limit: 100_000 });
    const post = posts.find((p) => jiangsu.has(p.unitId) && !rudong.has(p.unitId) && p.startDate < '2020-01-01')!;
    expect(post).toBeDefined();
    const rule = 'jiangsu/adjustment/9.5';
    const principal = () => list('org_officer', `&cadre=${post.cadreId}&rule=${rule}`);
    const before = (await principal()).items.filter((a) => a.present).length;
    const date = new Date(srv.now().getTime() - 60 * 86_400_000).toISOString().slice(0, 10);
    const incident = await srv.store.repo('incidents').insert({
      id: 'alert-test-accident',
      unitId: post.unitId,
      date,
      category: 'production_safety',
      severity: '特别重大',
      description: null,
    });
    await settled();
    const found = (await principal()).items.filter((a) => a.present);
    expect(found.length).toBe(before + 1);
    const alert = found.find((a) => a.because.some((b) => b.includes('特别重大')))!;
    expect(alert).toBeDefined();
    // in words: the accident's kind, not the record's key for it
    expect(alert.because.join(' ')).toContain('安全生产事故');
    expect(alert.because.join(' ')).not.toContain('production_safety');
    await srv.store.repo('incidents').delete(incident.id, incident.version);
    await settled();
    const after = (await principal()).items.find((a) => a.id === alert.id)!;
    expect(after.present).toBe(false);
  });
});

describe('refreshes run beside the requests', () => {
  it('record writes and alert steps taken while the list is being refreshed all succeed', async () => {
    const cadres = await srv.store.repo('cadres').list({ limit: 8 });
    const open = (await list('org_officer', '&state=new')).items.slice(0, cadres.length);
    const results = await Promise.all(
      cadres.flatMap((c, i) => [
        client.discipline_officer.post('/api/records/sanctions', {
          cadreId: c.id,
          date: '2026-01-15',
          kind: '记过',
          reason: null,
        }),
        ...(open[i]
          ? [client.org_officer.post(`/api/alerts/${open[i]!.id}/verify`, { version: open[i]!.version })]
          : []),
      ]),
    );
    expect(results.map((r) => r.status).filter((s) => s >= 500)).toEqual([]);
    await settled();
    for (const c of cadres) {
      const got = await list('org_officer', `&cadre=${c.id}&rule=national/adjustment/zwcf-8&year=2026`);
      expect(got.total, c.id).toBe(1);
    }
  });
});

describe('state changes', () => {
  it('a dismissal needs a written reason; with one it is recorded', async () => {
    const a = (await list('org_officer', '&state=new')).items[0]!;
    expect(a).toBeDefined();
    for (const body of [{ version: a.version }, { version: a.version, reason: '   ' }]) {
      const r = await client.org_officer.post(`/api/alerts/${a.id}/dismiss`, body);
      expect(r.status).toBe(400);
      expect(r.body.field).toBe('reason');
    }
    expect((await client.org_officer.get(`/api/alerts/${a.id}`)).body.state).toBe('new');
    const ok = await client.org_officer.post(`/api/alerts/${a.id}/dismiss`, {
      version: a.version,
      reason: '经核实，该单位已整改到位',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ state: 'dismissed', dismissedReason: '经核实，该单位已整改到位' });
    // a dismissed alert cannot be confirmed
    const again = await client.org_officer.post(`/api/alerts/${a.id}/confirm`, { version: ok.body.version });
    expect(again.status).toBe(409);
  });

  it('an unknown rule in the filter is a 400 naming the field', async () => {
    const r = await client.org_officer.get('/api/alerts?rule=no/such/rule');
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('rule');
  });
});

describe('scope, role by route', () => {
  it('each role lists exactly the alerts of its scope', async () => {
    const db = (srv.store as unknown as KyselyStore).db;
    const rows = (await db.selectFrom('alerts').select(['id', 'subject_type', 'subject_id', 'state']).execute()) as {
      id: string;
      subject_type: string;
      subject_id: string;
      state: string;
    }[];
    expect(rows.length).toBeGreaterThan(1);
    const cadres = await srv.store.repo('cadres').list({ limit: 100_000 });
    const managing = new Map(cadres.map((c) => [c.id, c.managingUnitId]));
    for (const who of ROLES) {
      if (ADMINS.includes(who)) continue;
      const me = (await client[who].get('/api/auth/me')).body as { unitId: string | null; cadreId: string | null };
      const units = me.unitId ? await subtreeIds(srv.store, me.unitId) : undefined;
      const expected = rows
        .filter((r) => {
          if (who === 'cadre') return r.subject_id === me.cadreId && ['confirmed', 'case_opened'].includes(r.state);
          if (!units) return true;
          return r.subject_type === 'unit' ? units.has(r.subject_id) : units.has(managing.get(r.subject_id) ?? '');
        })
        .map((r) => r.id)
        .sort();
      const seen = (await all(who)).map((a) => a.id).sort();
      expect(seen, who).toEqual(expected);
    }
  });

  it('every route answers each role as its scope and right say', async () => {
    const db = (srv.store as unknown as KyselyStore).db;
    const outside = (await list('org_officer')).items.find(
      (a) => a.subjectType === 'cadre' && a.subjectId !== cadreId,
    )!;
    const mine = (await sanctionAlert())!;
    const routes: { name: string; call: (c: Client) => Promise<{ status: number }>; expect: Record<Who, number> }[] =
      [];
    const byRole = (office: number, cadre: number, admin = 403) =>
      Object.fromEntries(ROLES.map((w) => [w, ADMINS.includes(w) ? admin : w === 'cadre' ? cadre : office])) as Record<
        Who,
        number
      >;
    routes.push({ name: 'list', call: (c) => c.get('/api/alerts'), expect: byRole(200, 200) });
    routes.push({ name: 'rules', call: (c) => c.get('/api/alerts/rules'), expect: byRole(200, 200) });
    routes.push({ name: 'export', call: (c) => c.get('/api/alerts/export.xlsx'), expect: byRole(200, 200) });
    routes.push({
      name: 'own confirmed alert',
      call: (c) => c.get(`/api/alerts/${mine.id}`),
      expect: byRole(200, 200),
    });
    // an alert about another cadre: 404 for whoever does not reach it (the same answer as for no such alert)
    const reach = Object.fromEntries(
      await Promise.all(
        ROLES.map(async (w) => [
          w,
          ADMINS.includes(w) ? 403 : (await all(w)).some((a) => a.id === outside.id) ? 200 : 404,
        ]),
      ),
    ) as Record<Who, number>;
    expect(reach.org_officer).toBe(200);
    expect(reach.cadre).toBe(404);
    routes.push({ name: 'other cadre alert', call: (c) => c.get(`/api/alerts/${outside.id}`), expect: reach });
    const verifyExpect = Object.fromEntries(
      ROLES.map((w) => [w, w === 'org_officer' || w === 'city_org' ? (reach[w] === 200 ? 409 : 404) : 403]),
    ) as Record<Who, number>;
    // a stale version: whoever may act gets 409 (nothing changes), everyone else 403
    routes.push({
      name: 'verify (stale)',
      call: (c) => c.post(`/api/alerts/${outside.id}/verify`, { version: outside.version + 100 }),
      expect: verifyExpect,
    });
    routes.push({
      name: 'scan',
      call: (c) => c.post('/api/alerts/scan'),
      expect: Object.fromEntries(ROLES.map((w) => [w, w === 'org_officer' ? 200 : 403])) as Record<Who, number>,
    });
    for (const r of routes)
      for (const who of ROLES) expect((await r.call(client[who])).status, `${r.name} as ${who}`).toBe(r.expect[who]);
    const after = (await db.selectFrom('alerts').select('state').where('id', '=', outside.id).executeTakeFirst()) as {
      state: string;
    };
    expect(after.state).toBe(outside.state);
  });

  it('the export holds the rows the reader sees, with the note that an alert is a proposal', async () => {
    const r = await client.cadre.get('/api/alerts/export.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as never);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell(2, 1).value)).toContain('须经组织认定');
    expect(ws.rowCount - 3).toBe((await list('cadre')).total);
  });
});
