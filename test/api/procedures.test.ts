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

describe('GET /api/cases/names', () => {
  it('names the subject, unit, matter and jurisdiction of a visible case, and nothing of a case out of reach', async () => {
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

    const r = await as('discipline_officer').get(`/api/cases/names?ids=${id},no-such-case`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      [id]: { subject: cadre.name, unit: unit.name, matter: '项目审批失误', jurisdiction: '江苏省' },
    });
    // outside the reader's scope, or not theirs: left out as if it did not exist
    expect((await as('city_org').get(`/api/cases/names?ids=${id}`)).body).toEqual({});
    expect((await as('cadre').get(`/api/cases/names?ids=${id}`)).body).toEqual({});
    expect((await as('auditadmin').get(`/api/cases/names?ids=${id}`)).status).toBe(403);
    expect((await as('discipline_officer').get('/api/cases/names')).status).toBe(400);
  });
});
