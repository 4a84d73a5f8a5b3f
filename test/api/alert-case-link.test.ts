// Opening an adjustment case on an alert (预警 → 调整案件), on SQLite and on PostgreSQL: the alert must exist in the
// opener's remit, concern the case's cadre and be determined by the organisation (经组织认定); otherwise the start is
// refused (400 naming the field, or 409) and nothing is written — no case, the alert as it was. On success the alert
// is 已启动调整程序 with the case, in the case's own transaction, and cannot start a second case.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { alertRefresherOf } from '../../src/mechanisms/adjustment/alerts-refresh.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { createTestDatabase } from '../pg-harness.js';
import { loggedIn, startServer, subtreeIds, unitIdByName, type Client, type TestServer } from './harness.js';
import { chinaDate } from '../../src/domain/dates.js';

interface AlertView {
  id: string;
  version: number;
  state: string;
  subjectId: string;
  caseId: string | null;
}

describe.each(['sqlite', 'postgres'] as const)('an adjustment case opened on an alert (%s)', (backend) => {
  let srv: TestServer;
  let db: { url: string; drop(): Promise<void> } | undefined;
  const clients = new Map<string, Client>();
  const as = (u: string) => clients.get(u)!;
  const O = 'org_officer';
  let nantong = new Set<string>();
  let sanctions = 0;

  const settled = () => alertRefresherOf(srv.store as unknown as KyselyStore)!.settled();

  beforeAll(async () => {
    if (backend === 'postgres') db = await createTestDatabase(inject('pgUrl'));
    srv = await startServer({ cadres: 200, ...(db ? { databaseUrl: db.url } : {}) });
    for (const u of [O, 'city_org', 'discipline_officer']) clients.set(u, await loggedIn(srv.base, u));
    nantong = await subtreeIds(srv.store, await unitIdByName(srv.store, '南通市'));
    await settled();
  }, 300_000);
  afterAll(async () => {
    await srv?.close();
    await db?.drop();
  });

  /** Cadres managed in 南通 (江苏: an adjustment procedure) and one managed elsewhere. */
  async function cadres(): Promise<{ inside: string[]; outside: string }> {
    const all = await srv.store.repo('cadres').list({ limit: 100_000 });
    const inside = all.filter((c) => nantong.has(c.managingUnitId)).map((c) => c.id);
    const outside = all.find((c) => !nantong.has(c.managingUnitId))!.id;
    return { inside, outside };
  }

  /** A 政务处分 recorded for the cadre gives the national alert about them; returns it as the officer sees it. */
  async function alertAbout(cadreId: string): Promise<AlertView> {
    const r = await as('discipline_officer').post('/api/records/sanctions', {
      cadreId,
      date: new Date(srv.now().getTime() - 20 * 86_400_000).toISOString().slice(0, 10),
      kind: '警告',
      reason: `测试${++sanctions}`,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    await settled();
    const l = await as(O).get(`/api/alerts?cadre=${cadreId}&rule=national/adjustment/zwcf-8`);
    expect(l.body.total, JSON.stringify(l.body)).toBe(1);
    return l.body.items[0] as AlertView;
  }

  async function confirm(a: AlertView): Promise<AlertView> {
    const r = await as(O).post(`/api/alerts/${a.id}/confirm`, { version: a.version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as AlertView;
  }

  const start = (who: string, cadreId: string, alert: string) =>
    as(who).post('/api/cases', {
      procedure: 'adjustment',
      subjectType: 'cadre',
      subjectId: cadreId,
      action: 'open',
      on: chinaDate(srv.now()),
      inputs: { alert, situation: '受到政务处分，经组织认定不适宜担任现职。' },
    });

  const casesOf = async (cadreId: string) =>
    ((await as(O).get(`/api/cases?procedure=adjustment&cadre=${cadreId}`)).body.items as { id: string }[]).length;

  const alertNow = async (id: string) => (await as(O).get(`/api/alerts/${id}`)).body as AlertView;

  it('a confirmed alert opens the case and is marked 已启动调整程序 with it; the alert page names the case', async () => {
    const { inside } = await cadres();
    const cadre = inside[0]!;
    const a = await confirm(await alertAbout(cadre));
    const r = await start(O, cadre, a.id);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const after = (await as(O).get(`/api/alerts/${a.id}`)).body;
    expect(after).toMatchObject({ state: 'case_opened', stateLabel: '已启动调整程序', caseId: r.body.id });
    expect(after.history.map((h: { action: string }) => h.action)).toEqual(['confirm', 'open_case']);
    // no step on the alert itself is left: the case carries the matter on
    expect(after.actions).toEqual([]);
    // the case keeps the alert it stands on
    expect((await as(O).get(`/api/cases/${r.body.id}`)).body.matterId).toBe(a.id);
    // the same alert cannot start a second case
    const again = await start(O, cadre, a.id);
    expect(again.status).toBe(409);
    expect(again.body.reason_zh).toContain('已启动调整程序');
    expect(await casesOf(cadre)).toBe(1);
  });

  it('an alert not yet determined by the organisation is refused with 409, and no case is written', async () => {
    const { inside } = await cadres();
    const cadre = inside[1]!;
    const a = await alertAbout(cadre);
    expect(a.state).toBe('new');
    const r = await start(O, cadre, a.id);
    expect(r.status).toBe(409);
    expect(r.body.reason_zh).toContain('须经组织认定');
    expect(await casesOf(cadre)).toBe(0);
    expect(await alertNow(a.id)).toMatchObject({ state: 'new', version: a.version, caseId: null });
    // under verification is not determined either
    const v = await as(O).post(`/api/alerts/${a.id}/verify`, { version: a.version });
    expect(v.status).toBe(200);
    expect((await start(O, cadre, a.id)).status).toBe(409);
    expect(await casesOf(cadre)).toBe(0);
  });

  it('an alert that does not exist, or concerns another cadre, is a 400 naming the field', async () => {
    const { inside } = await cadres();
    const cadre = inside[2]!;
    const none = await start(O, cadre, 'no-such-alert');
    expect(none.status).toBe(400);
    expect(none.body.field).toBe('inputs.alert');
    const other = await confirm(await alertAbout(inside[3]!));
    const wrong = await start(O, cadre, other.id);
    expect(wrong.status).toBe(400);
    expect(wrong.body.field).toBe('inputs.alert');
    expect(wrong.body.reason_zh).toContain('干部与本案不一致');
    expect(await casesOf(cadre)).toBe(0);
    expect((await alertNow(other.id)).state).toBe('confirmed');
  });

  it("an alert outside the opener's remit is answered as one that does not exist", async () => {
    const { inside, outside } = await cadres();
    const far = await confirm(await alertAbout(outside));
    // 南通市委组织部 opens a case on a 南通 cadre naming an alert about a cadre it does not manage
    const r = await start('city_org', inside[4]!, far.id);
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('inputs.alert');
    expect(r.body.reason_zh).toBe('所依据的预警不存在或不在管理权限内');
    expect((await alertNow(far.id)).state).toBe('confirmed');
  });

  it('the alert list no longer offers a step of its own for opening a case', async () => {
    const { inside } = await cadres();
    const a = await confirm(await alertAbout(inside[5]!));
    const detail = (await as(O).get(`/api/alerts/${a.id}`)).body;
    expect(detail.actions.map((x: { action: string }) => x.action)).toEqual(['dismiss']);
    const r = await as(O).post(`/api/alerts/${a.id}/open-case`, { version: a.version });
    expect(r.status).toBe(400);
    expect((await alertNow(a.id)).state).toBe('confirmed');
  });
});
