// Tolerance cases through the API on PostgreSQL (the lists, 待办 and visibility are SQL; the version check is a
// conditional UPDATE): a full 江苏 case with its 待办 and 已办, two deciders concluding at once (one 200, one 409,
// one conclusion in the history), and for every role the list, 待办 and each case's page agreeing on who sees what.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { casesOf } from '../../src/store/cases.js';
import { createTestDatabase } from '../pg-harness.js';
import { loggedIn, startServer, subtreeIds, type Client, type TestServer } from './harness.js';

let srv: TestServer;
let db: { url: string; drop(): Promise<void> };
const clients = new Map<string, Client>();
const as = (u: string) => clients.get(u)!;
const USERS = [
  'org_officer',
  'city_org',
  'discipline_officer',
  'accountability_officer',
  'committee_member',
  'unit_liaison',
  'cadre',
  'sysadmin',
  'secadmin',
  'auditadmin',
];
const D = 'discipline_officer';
const K = 'committee_member';

beforeAll(async () => {
  db = await createTestDatabase(inject('pgUrl'));
  srv = await startServer({ databaseUrl: db.url, cadres: 300 });
  for (const u of USERS) clients.set(u, await loggedIn(srv.base, u));
}, 300_000);
afterAll(async () => {
  await srv?.close();
  await db?.drop();
});

/** A cadre below the unit bound to `pack`. */
async function cadreOf(pack: string): Promise<string> {
  const roots = (await srv.store.repo('units').list({ limit: 100_000 })).filter((u) => u.pack === pack);
  const cadres = await srv.store.repo('cadres').list({ limit: 100_000 });
  for (const r of roots) {
    const ids = await subtreeIds(srv.store, r.id);
    const c = cadres.find((x) => ids.has(x.managingUnitId) && x.managingUnitId !== r.id);
    if (c) return c.id;
  }
  throw new Error(`no cadre under ${pack}`);
}

let matters = 0;
async function open(subject: string): Promise<string> {
  const cadre = (await srv.store.repo('cadres').get(subject))!;
  const m = await srv.store.repo('accountabilityMatters').insert({
    id: `m-pg-${++matters}`,
    subjectCadreId: subject,
    subjectUnitId: null,
    description: '项目审批失误',
    accountableUnitId: cadre.managingUnitId,
    openedOn: '2024-04-01',
    decidedOn: null,
    outcome: null,
    decision: null,
  });
  const r = await as(D).post('/api/cases', {
    subjectType: 'cadre',
    subjectId: subject,
    action: 'open',
    on: '2024-05-01',
    inputs: { matter: m.id },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

async function run(id: string, steps: [string, string, Record<string, unknown>?][]): Promise<void> {
  for (const [user, action, inputs] of steps) {
    const cur = await as(D).get(`/api/cases/${id}`);
    const r = await as(user).post(`/api/cases/${id}/steps`, {
      version: cur.body.version,
      action,
      on: '2024-05-10',
      inputs: inputs ?? {},
    });
    expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
  }
}

const ids = async (u: string, path: string) =>
  ((await as(u).get(path)).body.items as { id: string }[]).map((c) => c.id);

describe('tolerance cases on PostgreSQL', () => {
  it('a full 江苏 case: each step shows in the 待办 of whoever takes it next, and in 已办 of those who took one', async () => {
    const id = await open(await cadreOf('jiangsu'));
    expect(await ids(D, '/api/cases/todo')).toContain(id);
    await run(id, [
      [D, 'hear', { statement: '说明' }],
      [D, 'find', { findings: '初步结论' }],
      [D, 'hear_again', { statement: '反映' }],
      [D, 'propose', { opinion: '意见' }],
      [D, 'agree', { opinion: '一致' }],
    ]);
    // 审核把关 is the 同级党委's step: on the committee member's 待办, not on the organ's
    expect(await ids(K, '/api/cases/todo')).toContain(id);
    expect(await ids(D, '/api/cases/todo')).not.toContain(id);
    const todo = (await as(K).get('/api/cases/todo')).body.items.find((c: { id: string }) => c.id === id);
    expect(todo.actions).toContain('审核把关通过');
    await run(id, [
      [K, 'approve'],
      [D, 'conclude', { outcome: 'exempt' }],
      [D, 'notify'],
      [D, 'publish', { scope: '本市' }],
      [D, 'close'],
    ]);
    const r = await as(D).get(`/api/cases/${id}`);
    expect(r.body.state).toBe('closed');
    expect(r.body.outcome).toBe('exempt');
    expect(r.body.history.map((s: { action: string }) => s.action)).toEqual([
      'open',
      'hear',
      'find',
      'hear_again',
      'propose',
      'agree',
      'approve',
      'conclude',
      'notify',
      'publish',
      'close',
    ]);
    for (const u of [D, K]) {
      expect(await ids(u, '/api/cases/todo'), u).not.toContain(id);
      expect(await ids(u, '/api/cases/done'), u).toContain(id);
    }
  });

  it('two deciders concluding at once: one 200, one 409, one conclusion in the history', async () => {
    const id = await open(await cadreOf('shaanxi'));
    await run(id, [
      [D, 'hear', { statement: '说明' }],
      [D, 'report', { findings: '报告' }],
    ]);
    const v = (await as(D).get(`/api/cases/${id}`)).body.version;
    const [a, b] = await Promise.all(
      [
        [D, 'exempt'],
        ['accountability_officer', 'lighter'],
      ].map(([u, outcome]) =>
        as(u!).post(`/api/cases/${id}/steps`, {
          version: v,
          action: 'conclude',
          on: '2024-05-20',
          inputs: { outcome },
        }),
      ),
    );
    expect([a!.status, b!.status].sort()).toEqual([200, 409]);
    const loser = a!.status === 409 ? a! : b!;
    expect(loser.body.reason_zh).toBe('案件已被他人办理，请刷新后重试');
    const steps = await casesOf(srv.store).steps(id);
    expect(steps.filter((s) => s.action === 'conclude')).toHaveLength(1);
    expect(steps.map((s) => s.seq)).toEqual(steps.map((_, i) => i + 1));
    expect((await as(D).get(`/api/cases/${id}`)).body.outcome).toBe(a!.status === 200 ? 'exempt' : 'lighter');
  });

  it('for every role, the list holds exactly the cases whose page opens, and 待办 only cases of the list', async () => {
    const all = (await casesOf(srv.store).db.selectFrom('cases').select('id').execute()).map((r) => r.id as string);
    expect(all.length).toBeGreaterThan(1);
    const seen: Record<string, number> = {};
    for (const u of USERS) {
      const listed = await ids(u, '/api/cases?limit=200');
      const opens: string[] = [];
      for (const id of all) {
        const r = await as(u).get(`/api/cases/${id}`);
        expect([200, 404], u).toContain(r.status);
        if (r.status === 200) opens.push(id);
      }
      expect(listed.sort(), u).toEqual(opens.sort());
      for (const id of await ids(u, '/api/cases/todo?limit=200')) expect(listed, u).toContain(id);
      seen[u] = listed.length;
    }
    for (const u of ['sysadmin', 'secadmin', 'auditadmin']) expect(seen[u], u).toBe(0);
    for (const u of [D, 'accountability_officer']) expect(seen[u], u).toBe(all.length);
    // the 同级党委 takes part in 江苏's procedure, not in 陕西's
    expect(seen[K]).toBe(1);
  });
});
