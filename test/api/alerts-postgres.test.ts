// The alert list (预警清单) on PostgreSQL through the API: the scan at start fills it, a write that gives a finding
// makes its alert appear and one that takes it away marks it (kept, with its state); the filters (unit, rule, year,
// state, present) select what they say; the organisation department's steps move an alert at the version read (a
// stale one is 409 and changes nothing); each role lists exactly the alerts of its scope; the cadre never sees an
// alert about themselves before the organisation confirms it.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { alertRefresherOf } from '../../src/mechanisms/adjustment/alerts-refresh.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { createTestDatabase } from '../pg-harness.js';
import { loggedIn, startServer, subtreeIds, unitIdByName, type Client, type TestServer } from './harness.js';
import { chinaDate } from '../../src/domain/dates.js';

const ROLES = [
  'org_officer',
  'city_org',
  'discipline_officer',
  'accountability_officer',
  'committee_member',
  'unit_liaison',
  'cadre',
] as const;
type Who = (typeof ROLES)[number];
const RULE = 'national/adjustment/zwcf-8';

interface AlertView {
  id: string;
  version: number;
  rule: string;
  subjectType: 'cadre' | 'unit';
  subjectId: string;
  unitId: string;
  year: number | null;
  state: string;
  present: boolean;
  goneOn: string | null;
}

let srv: TestServer;
let db: { url: string; drop(): Promise<void> };
const client = {} as Record<Who, Client>;
let cadreId = '';

const settled = () => alertRefresherOf(srv.store as unknown as KyselyStore)!.settled();
const today = () => chinaDate(srv.now());

async function all(who: Who, qs = ''): Promise<AlertView[]> {
  const out: AlertView[] = [];
  for (let page = 1; ; page++) {
    const r = await client[who].get(`/api/alerts?pageSize=200&page=${page}${qs}`);
    expect(r.status, `${who}: ${JSON.stringify(r.body)}`).toBe(200);
    out.push(...(r.body.items as AlertView[]));
    if (out.length >= r.body.total || r.body.items.length === 0) return out;
  }
}

const own = async (who: Who = 'org_officer') => (await all(who, `&cadre=${cadreId}&rule=${RULE}`))[0];

beforeAll(async () => {
  db = await createTestDatabase(inject('pgUrl'));
  srv = await startServer({ databaseUrl: db.url, cadres: 200 });
  for (const who of ROLES) client[who] = await loggedIn(srv.base, who);
  cadreId = (await client.cadre.get('/api/auth/me')).body.cadreId as string;
  await settled(); // the scan at start
}, 300_000);
afterAll(async () => {
  await srv?.close();
  await db?.drop();
});

describe('the alert list on PostgreSQL', () => {
  it('the scan at start fills the list', async () => {
    expect((await all('org_officer')).length).toBeGreaterThan(0);
  });

  it('a sanction recorded makes its alert appear; the cadre does not see it until it is confirmed', async () => {
    expect(await own()).toBeUndefined();
    const r = await client.discipline_officer.post('/api/records/sanctions', {
      cadreId,
      date: new Date(srv.now().getTime() - 30 * 86_400_000).toISOString().slice(0, 10),
      kind: '警告',
      reason: '违反工作纪律',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    await settled();
    const a = (await own())!;
    expect(a).toMatchObject({ subjectId: cadreId, state: 'new', present: true });
    expect(await own('cadre')).toBeUndefined();
    expect((await client.cadre.get(`/api/alerts/${a.id}`)).status).toBe(404);

    const v = await client.org_officer.post(`/api/alerts/${a.id}/verify`, { version: a.version });
    expect(v.status, JSON.stringify(v.body)).toBe(200);
    expect(await own('cadre')).toBeUndefined();
    const stale = await client.org_officer.post(`/api/alerts/${a.id}/confirm`, { version: a.version });
    expect(stale.status).toBe(409);
    expect((await own())!.state).toBe('verifying');
    const ok = await client.org_officer.post(`/api/alerts/${a.id}/confirm`, { version: v.body.version });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.confirmedAt).toBeTruthy();
    expect((await own('cadre'))?.id).toBe(a.id);

    // the record changes: the alert stays, confirmed, marked no longer present
    const s = (await srv.store.repo('sanctions').list({ limit: 100_000 })).find((x) => x.id === r.body.id)!;
    const d = await client.discipline_officer.del(`/api/records/sanctions/${s.id}?version=${s.version}`);
    expect(d.status, JSON.stringify(d.body)).toBe(200);
    await settled();
    expect(await own()).toMatchObject({ id: a.id, state: 'confirmed', present: false, goneOn: today() });
    const history = (await client.org_officer.get(`/api/alerts/${a.id}`)).body.history as { action: string }[];
    expect(history.map((h) => h.action)).toEqual(['verify', 'confirm', 'gone']);
  });

  it('a dismissal needs a written reason and is kept with it', async () => {
    const a = (await all('org_officer', '&state=new'))[0]!;
    const bare = await client.org_officer.post(`/api/alerts/${a.id}/dismiss`, { version: a.version });
    expect(bare.status).toBe(400);
    expect(bare.body.field).toBe('reason');
    const ok = await client.org_officer.post(`/api/alerts/${a.id}/dismiss`, { version: a.version, reason: '已整改' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ state: 'dismissed', dismissedReason: '已整改' });
  });

  it('each filter selects what it names', async () => {
    const every = await all('org_officer');
    const nantong = await subtreeIds(srv.store, await unitIdByName(srv.store, '南通市'));
    const byUnit = await all('org_officer', `&unit=${await unitIdByName(srv.store, '南通市')}`);
    expect(byUnit.map((a) => a.id).sort()).toEqual(
      every
        .filter((a) => nantong.has(a.unitId))
        .map((a) => a.id)
        .sort(),
    );
    const rule = every[0]!.rule;
    expect((await all('org_officer', `&rule=${rule}`)).map((a) => a.id).sort()).toEqual(
      every
        .filter((a) => a.rule === rule)
        .map((a) => a.id)
        .sort(),
    );
    const year = every.find((a) => a.year !== null)!.year!;
    expect((await all('org_officer', `&year=${year}`)).every((a) => a.year === year)).toBe(true);
    for (const state of ['new', 'verifying', 'confirmed', 'dismissed'])
      expect((await all('org_officer', `&state=${state}`)).length, state).toBe(
        every.filter((a) => a.state === state).length,
      );
    expect((await all('org_officer', '&present=false')).length).toBe(every.filter((a) => !a.present).length);
    expect((await all('org_officer', '&present=false')).length).toBeGreaterThan(0);
  });

  it('each role lists exactly the alerts of its scope', async () => {
    const rows = (await (srv.store as unknown as KyselyStore).db
      .selectFrom('alerts')
      .select(['id', 'subject_type', 'subject_id', 'state'])
      .execute()) as { id: string; subject_type: string; subject_id: string; state: string }[];
    const cadres = await srv.store.repo('cadres').list({ limit: 100_000 });
    const managing = new Map(cadres.map((c) => [c.id, c.managingUnitId]));
    let narrowed = 0;
    for (const who of ROLES) {
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
      if (expected.length < rows.length) narrowed++;
      expect((await all(who)).map((a) => a.id).sort(), who).toEqual(expected);
    }
    expect(narrowed).toBeGreaterThanOrEqual(2);
    // only the organisation department acts on an alert
    const a = (await all('org_officer', '&state=new'))[0]!;
    for (const who of ROLES.filter((w) => w !== 'org_officer' && w !== 'city_org'))
      expect((await client[who].post(`/api/alerts/${a.id}/verify`, { version: a.version })).status, who).toBe(403);
  });
});
