// The read-only views behind the 容错纠错 page: each jurisdiction's procedure as declared (for the diagrams), and the
// names behind the cases a person sees — given only for cases the person may see, never for others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, startServer, subtreeIds, type Client, type TestServer } from './harness.js';

let srv: TestServer;
const clients = new Map<string, Client>();
const as = (u: string) => clients.get(u)!;
const USERS = ['discipline_officer', 'city_org', 'cadre', 'sysadmin', 'auditadmin'];

beforeAll(async () => {
  srv = await startServer({ cadres: 300 });
  for (const u of USERS) clients.set(u, await loggedIn(srv.base, u));
}, 300_000);
afterAll(async () => srv?.close());

interface ProcedureView {
  pack: string;
  jurisdiction: string;
  states: { key: string; label: string }[];
  actions: { action: string; body: string; article: string; to: { label: string }; start: string | null }[];
  situations: { value: string; label: string }[];
}

describe('GET /api/procedures', () => {
  it('gives every jurisdiction’s procedure with its steps, bodies, articles and situations, in words', async () => {
    const r = await as('discipline_officer').get('/api/procedures');
    expect(r.status).toBe(200);
    const items = r.body.items as ProcedureView[];
    expect(items.map((p) => p.jurisdiction).sort()).toEqual(
      ['江苏省', '陕西省', '如东县人民检察院', '安徽省', '焦作市'].sort(),
    );
    const rudong = items.find((p) => p.pack === 'rudong')!;
    const conclude = rudong.actions.find((a) => a.action === 'conclude')!;
    expect(conclude.body).toBe('院党组');
    expect(conclude.article).toContain('如东县人民检察院进一步健全容错纠错机制实施细则 五（二）、五（三）');
    expect(conclude.to.label).toBe('已作出容错与否的结论');
    // a section's opening paragraph is cited as people cite it
    expect(rudong.actions.find((a) => a.action === 'accept')!.article).toMatch(/四（导语）$/);
    for (const p of items) for (const a of p.actions) expect(a.article).not.toMatch(/[a-z]{3,}/);
    // the situations each pack's evaluation reads, named by article and title
    expect(rudong.situations).toHaveLength(9);
    expect(rudong.situations[1]).toEqual({
      value: '3.2.2',
      label: '三、（二）2． 容错情形2：政策调整或决策部署变化未达预期',
    });
    expect(items.find((p) => p.pack === 'shaanxi')!.situations.map((s) => s.value)).toContain('6.11');
    expect(items.find((p) => p.pack === 'jiaozuo')!.situations.map((s) => s.value)).toContain('situation.9');
    expect(r.body.flags.find((f: { value: string }) => f.value === 'criminal').label).toBe('应承担刑事责任');
  });

  it('is for record roles only: 三员 are refused', async () => {
    expect((await as('sysadmin').get('/api/procedures')).status).toBe(403);
    expect((await as('auditadmin').get('/api/procedures')).status).toBe(403);
  });
});

describe('the names behind a case come with the case', () => {
  it('the list, 待办/已办 and the case itself name the subject, its unit, the handling unit and the matter; out of reach, nothing', async () => {
    // a 江苏 cadre outside 南通市 (city_org's scope), with a matter about them
    const nantong = (await srv.store.repo('units').list({ limit: 100_000 })).find((u) => u.name === '南通市')!;
    const inNantong = await subtreeIds(srv.store, nantong.id);
    const jiangsu = (await srv.store.repo('units').list({ limit: 100_000 })).find((u) => u.pack === 'jiangsu')!;
    const inJiangsu = await subtreeIds(srv.store, jiangsu.id);
    const cadre = (await srv.store.repo('cadres').list({ limit: 100_000 })).find(
      (c) => inJiangsu.has(c.managingUnitId) && !inNantong.has(c.managingUnitId),
    )!;
    await srv.store.repo('accountabilityMatters').insert({
      id: 'm-names-1',
      subjectCadreId: cadre.id,
      subjectUnitId: null,
      description: '项目审批失误',
      accountableUnitId: cadre.managingUnitId,
      openedOn: '2024-04-01',
      decidedOn: null,
      outcome: null,
      decision: null,
    });
    const started = await as('discipline_officer').post('/api/cases', {
      subjectType: 'cadre',
      subjectId: cadre.id,
      action: 'open',
      on: '2024-05-01',
      inputs: { matter: 'm-names-1' },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const id = started.body.id as string;
    const unit = (await srv.store.repo('units').get(cadre.managingUnitId))!;

    const handling = (await srv.store.repo('units').get(started.body.handlingUnitId))!;
    const names = {
      subjectName: cadre.name,
      subjectUnitName: unit.name,
      handlingUnitName: handling.name,
      matterName: '项目审批失误',
    };
    const officer = as('discipline_officer');
    const listed = await officer.get(`/api/cases?procedure=tolerance&cadre=${cadre.id}`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.find((c: { id: string }) => c.id === id)).toMatchObject({ pack: 'jiangsu', ...names });
    const todo = await officer.get(`/api/cases/todo?procedure=tolerance&cadre=${cadre.id}`);
    expect(todo.body.items.find((c: { id: string }) => c.id === id)).toMatchObject(names);
    const done = await officer.get(`/api/cases/done?procedure=tolerance&cadre=${cadre.id}`);
    expect(done.body.items.find((c: { id: string }) => c.id === id)).toMatchObject(names);
    expect((await officer.get(`/api/cases/${id}`)).body).toMatchObject(names);
    // outside the reader's scope, or not theirs: neither the case nor its names
    for (const who of ['city_org', 'cadre'] as const) {
      const other = await as(who).get(`/api/cases?procedure=tolerance&cadre=${cadre.id}`);
      expect(other.body.items ?? [], who).toEqual([]);
      expect((await as(who).get(`/api/cases/${id}`)).status, who).toBe(404);
    }
    // the names are not asked for apart from the cases any more
    expect((await officer.get(`/api/cases/names?ids=${id}`)).status).toBe(404);
  });
});
