// Tolerance cases through the API on a real server: a full case per pack, two deciders concluding at once (one
// 200, one 409, history intact), a stale version, bad input, and every case route with every role (only those
// taking part or the handling organ's officers see a case; 三员 and the rest get 404).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { casesOf } from '../../src/store/cases.js';
import { loggedIn, startServer, subtreeIds, type Client, type TestServer } from './harness.js';

let srv: TestServer;
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

beforeAll(async () => {
  srv = await startServer({ cadres: 300 });
  for (const u of USERS) clients.set(u, await loggedIn(srv.base, u));
}, 300_000);
afterAll(async () => srv?.close());

/** A cadre governed by `pack`, one below the unit bound to the pack where there is one. */
async function cadreOf(pack: string): Promise<string> {
  const roots = (await srv.store.repo('units').list({ limit: 100_000 })).filter((u) => u.pack === pack);
  const cadres = await srv.store.repo('cadres').list({ limit: 100_000 });
  let any: string | undefined;
  for (const r of roots) {
    const ids = await subtreeIds(srv.store, r.id);
    const c = cadres.find((x) => ids.has(x.managingUnitId) && x.managingUnitId !== r.id);
    if (c) return c.id;
    any ??= cadres.find((x) => ids.has(x.managingUnitId))?.id;
  }
  if (any) return any;
  // the small generated record may hold no cadre in this province: add one below its root
  const units = await srv.store.repo('units').list({ where: { parentId: roots[0]!.id }, limit: 1 });
  const c = await srv.store.repo('cadres').insert({
    id: `api-${pack}`,
    name: '测试干部',
    gender: null,
    birthDate: null,
    idNumber: null,
    category: '公务员',
    managingUnitId: units[0]!.id,
  });
  return c.id;
}

async function run(id: string, steps: [string, string, Record<string, unknown>?, string?][]): Promise<void> {
  for (const [user, action, inputs, reason] of steps) {
    const cur = await as('discipline_officer').get(`/api/cases/${id}`);
    const r = await as(user).post(`/api/cases/${id}/steps`, {
      version: cur.body.version,
      action,
      on: '2024-05-10',
      inputs: inputs ?? {},
      ...(reason ? { reason } : {}),
    });
    expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
  }
}

/** The accountability matter a case about `cadreId` is started in (recorded as the accountability organ would). */
let matters = 0;
async function matterAbout(cadreId: string): Promise<string> {
  const cadre = (await srv.store.repo('cadres').get(cadreId))!;
  const m = await srv.store.repo('accountabilityMatters').insert({
    id: `m-api-${++matters}`,
    subjectCadreId: cadreId,
    subjectUnitId: null,
    description: '项目审批失误',
    accountableUnitId: cadre.managingUnitId,
    openedOn: '2024-04-01',
    decidedOn: null,
    outcome: null,
    decision: null,
  });
  return m.id;
}

async function open(subject: string): Promise<string> {
  const r = await as('discipline_officer').post('/api/cases', {
    subjectType: 'cadre',
    subjectId: subject,
    action: 'open',
    on: '2024-05-01',
    inputs: { matter: await matterAbout(subject) },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

const D = 'discipline_officer';
const K = 'committee_member';

describe('a full tolerance case per pack', () => {
  it('江苏: 会商, 审核把关, 免责, 反馈, 公开, 办结; the decision shows in the history and the effect is recorded', async () => {
    const id = await open(await cadreOf('jiangsu'));
    await run(id, [
      [D, 'hear', { statement: '说明' }],
      [D, 'find', { findings: '初步结论' }],
      [D, 'hear_again', { statement: '反映' }],
      [D, 'propose', { opinion: '意见' }],
      [D, 'agree', { opinion: '一致' }],
      [K, 'approve'],
      [D, 'conclude', { outcome: 'exempt' }],
      [D, 'notify'],
      [D, 'publish', { scope: '本市' }],
      [D, 'close'],
    ]);
    const r = await as(D).get(`/api/cases/${id}`);
    expect(r.body.state).toBe('closed');
    expect(r.body.outcome).toBe('exempt');
    expect(r.body.history.map((h: { action: string }) => h.action)).toEqual([
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
    expect(r.body.allowed).toEqual([]);
  });

  it('陕西: 调查报告, 免责, 反馈, 公开, 报备', async () => {
    const id = await open(await cadreOf('shaanxi'));
    await run(id, [
      [D, 'hear', { statement: '申诉意见' }],
      [D, 'report', { findings: '调查报告' }],
      [D, 'conclude', { outcome: 'exempt' }],
      [D, 'notify'],
      [D, 'publish', { scope: '本市' }],
      [D, 'file'],
    ]);
    expect((await as(D).get(`/api/cases/${id}`)).body.state).toBe('closed');
  });

  it('如东: the cadre applies and follows the case; 院党组 concludes; the cadre may appeal', async () => {
    const me = (await as('cadre').get('/api/auth/me')).body;
    const r = await as('cadre').post('/api/cases', {
      subjectType: 'cadre',
      subjectId: me.cadreId,
      action: 'apply',
      on: '2024-05-01',
      inputs: { matter: await matterAbout(me.cadreId), statement: '申请' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const id = r.body.id as string;
    await run(id, [
      [D, 'accept'],
      [D, 'hear', { statement: '说明' }],
      [D, 'find', { findings: '初步结论' }],
      [D, 'hear_again', { statement: '反映' }],
      [D, 'propose', { opinion: '意见' }],
      [D, 'agree', { opinion: '一致' }],
      [K, 'conclude', { outcome: 'not_tolerated', meeting: '党组会' }],
      [D, 'notify'],
    ]);
    const mine = await as('cadre').get(`/api/cases/${id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.allowed.map((a: { action: string }) => a.action)).toEqual(['appeal']);
    await run(id, [['cadre', 'appeal', { statement: '不服' }]]);
    expect((await as('cadre').get('/api/cases/todo')).body.items).toEqual([]);
    expect((await as('cadre').get('/api/cases/done')).body.items.map((c: { id: string }) => c.id)).toContain(id);
  });

  it('安徽: 免责 with its rectification deadline, then 整改到位', async () => {
    const id = await open(await cadreOf('anhui'));
    await run(id, [
      [D, 'opine', { opinion: '认定意见' }],
      [D, 'conclude', { outcome: 'exempt', rectification: '完善制度', rectificationDue: '2024-08-31' }],
    ]);
    const mid = await as(D).get(`/api/cases/${id}`);
    expect(
      mid.body.deadlines.map((d: { kind: string; dueOn: string; status: string }) => [d.kind, d.dueOn, d.status]),
    ).toEqual([['rectification', '2024-08-31', 'open']]);
    await run(id, [[D, 'rectified', { findings: '已整改' }]]);
    const end = await as(D).get(`/api/cases/${id}`);
    expect(end.body.state).toBe('closed');
    expect(end.body.deadlines[0].status).toBe('met');
  });

  it('焦作: 党委（党组）集体研究不予容错, 执行, 办结', async () => {
    const id = await open(await cadreOf('jiaozuo'));
    await run(id, [
      [D, 'propose', { findings: '调查', opinion: '建议' }],
      [K, 'decide', { outcome: 'not_tolerated', meeting: '常委会' }],
      [D, 'execute'],
      [D, 'close'],
    ]);
    expect((await as(D).get(`/api/cases/${id}`)).body.outcome).toBe('not_tolerated');
  });
});

describe('concurrency and refusals', () => {
  it('two deciders concluding at once: one 200, one 409, one conclusion in the history', async () => {
    const id = await open(await cadreOf('shaanxi'));
    await run(id, [
      [D, 'hear', { statement: '说明' }],
      [D, 'report', { findings: '报告' }],
    ]);
    const other = await loggedIn(srv.base, 'accountability_officer');
    const v = (await as(D).get(`/api/cases/${id}`)).body.version;
    const [a, b] = await Promise.all([
      as(D).post(`/api/cases/${id}/steps`, {
        version: v,
        action: 'conclude',
        on: '2024-05-20',
        inputs: { outcome: 'exempt' },
      }),
      other.post(`/api/cases/${id}/steps`, {
        version: v,
        action: 'conclude',
        on: '2024-05-20',
        inputs: { outcome: 'lighter' },
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const steps = await casesOf(srv.store).steps(id);
    expect(steps.filter((s) => s.action === 'conclude')).toHaveLength(1);
    expect(steps.map((s) => s.seq)).toEqual(steps.map((_, i) => i + 1));
    const winner = a.status === 200 ? 'exempt' : 'lighter';
    expect((await as(D).get(`/api/cases/${id}`)).body.outcome).toBe(winner);
  });

  it('a stale version is 409 and changes nothing; bad input is 400 naming the field', async () => {
    const id = await open(await cadreOf('shaanxi'));
    const stale = await as(D).post(`/api/cases/${id}/steps`, {
      version: 99,
      action: 'hear',
      on: '2024-05-02',
      inputs: { statement: 'x' },
    });
    expect(stale.status).toBe(409);
    const missing = await as(D).post(`/api/cases/${id}/steps`, {
      version: 1,
      action: 'hear',
      on: '2024-05-02',
      inputs: {},
    });
    expect(missing.status).toBe(400);
    expect(missing.body.field).toBe('inputs.statement');
    expect((await casesOf(srv.store).steps(id)).map((s) => s.action)).toEqual(['open']);
  });
});

const unzipper = createRequire(import.meta.url)('unzipper') as {
  Open: { buffer(b: Buffer): Promise<{ files: { path: string; buffer(): Promise<Buffer> }[] }> };
};

/** The words of a .docx as a reader sees them: the text runs of every XML part, joined. */
async function docxText(buf: Buffer): Promise<string> {
  const dir = await unzipper.Open.buffer(buf);
  let out = '';
  for (const f of dir.files)
    if (f.path.startsWith('word/') && f.path.endsWith('.xml'))
      out += [...(await f.buffer()).toString('utf8').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return out;
}

describe('the documents of a case', () => {
  it('陕西: each document the case produced downloads as a .docx naming the cadre, the outcome and the date, no ids', async () => {
    const cadreId = await cadreOf('shaanxi');
    const cadre = (await srv.store.repo('cadres').get(cadreId))!;
    const id = await open(cadreId);
    await run(id, [
      [D, 'hear', { statement: '申诉意见' }],
      [D, 'report', { findings: '经核实，失误系政策界限不明所致' }],
      [D, 'conclude', { outcome: 'exempt' }],
      [D, 'notify'],
      [D, 'publish', { scope: '本市' }],
      [D, 'file'],
    ]);
    const list = await as(D).get(`/api/cases/${id}/documents`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((d: { name: string }) => d.name)).toEqual(['调查报告', '容错认定结论', '备案']);
    const c = (await casesOf(srv.store).get(id))!;
    const ids = [id, cadreId, c.handlingUnitId, c.matterId, cadre.managingUnitId];
    for (const d of list.body.items as { n: number; name: string }[]) {
      const r = await as(D).get(`/api/cases/${id}/documents/${d.n}`);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(d.name)}.docx`);
      const text = await docxText(r.body as Buffer);
      expect(text, d.name).toContain(cadre.name);
      expect(text, d.name).toContain('免除相关责任');
      expect(text, d.name).toContain('2024年5月10日');
      for (const x of ids) expect(text, d.name).not.toContain(x);
      expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
    }
    const audit = await (await loggedIn(srv.base, 'auditadmin')).get('/api/audit?action=case.document');
    expect(audit.body.items.filter((i: { targetId: string }) => i.targetId === id)).toHaveLength(3);
    expect((await as(D).get(`/api/cases/${id}/documents/4`)).status).toBe(404);
  });

  it('anyone who may not see the case gets 404 for its documents, as for the case', async () => {
    const id = await open(await cadreOf('shaanxi'));
    await run(id, [
      [D, 'hear', { statement: '申诉意见' }],
      [D, 'report', { findings: '调查报告' }],
    ]);
    for (const u of ['sysadmin', 'secadmin', 'auditadmin', 'unit_liaison']) {
      expect((await as(u).get(`/api/cases/${id}`)).status, u).toBe(404);
      expect((await as(u).get(`/api/cases/${id}/documents`)).status, u).toBe(404);
      expect((await as(u).get(`/api/cases/${id}/documents/1`)).status, u).toBe(404);
    }
  });
});

/** The register's data rows read back: the cells under the headers, as text. */
async function registerRows(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  const ws = wb.worksheets[0]!;
  const out: string[][] = [];
  ws.eachRow((row, i) => {
    if (i > 2)
      out.push(
        (row.values as unknown[])
          .slice(1)
          .map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''))),
      );
  });
  return out;
}

describe('the case register', () => {
  it('holds the cases the reader sees, with the list filters, in words', async () => {
    const cadreId = await cadreOf('shaanxi');
    const cadre = (await srv.store.repo('cadres').get(cadreId))!;
    const id = await open(cadreId);
    await run(id, [
      [D, 'hear', { statement: '申诉意见' }],
      [D, 'report', { findings: '调查报告' }],
      [D, 'conclude', { outcome: 'exempt' }],
    ]);
    for (const q of ['', '?pack=shaanxi', '?pack=jiaozuo&year=2024']) {
      const r = await as(D).get(`/api/cases/register.xlsx${q}`);
      expect(r.status).toBe(200);
      const rows = await registerRows(r.body as Buffer);
      const listed = await as(D).get(`/api/cases${q}`);
      expect(rows, q).toHaveLength(listed.body.total);
      const mine = rows.find((x) => x[2] === cadre.name && x[8] === '2024-05-10');
      if (q.includes('jiaozuo')) expect(mine).toBeUndefined();
      else expect(mine).toEqual(expect.arrayContaining(['免责', '2024-05-01', '2024-05-10']));
    }
    const none = await as('sysadmin').get('/api/cases/register.xlsx');
    expect(none.status).toBe(200);
    expect(await registerRows(none.body as Buffer)).toEqual([]);
  });
});

describe('the accountability matter a case starts in', () => {
  const start = (user: string, subject: string, matter: string) =>
    as(user).post('/api/cases', {
      subjectType: 'cadre',
      subjectId: subject,
      action: user === 'cadre' ? 'apply' : 'open',
      on: '2024-05-01',
      inputs: user === 'cadre' ? { matter, statement: '申请' } : { matter },
    });
  const count = async () => casesOf(srv.store).count();

  it('an unknown matter is 400 naming the matter, and nothing is started', async () => {
    const before = await count();
    const r = await start(D, await cadreOf('jiangsu'), 'm-no-such-matter');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ field: 'inputs.matter' });
    expect(await count()).toBe(before);
  });

  it('a matter about another cadre is 400 naming the matter', async () => {
    const subject = await cadreOf('jiangsu');
    const cadres = await srv.store.repo('cadres').list({ limit: 100_000 });
    const sameUnit = cadres.find(
      (c) => c.id !== subject && c.managingUnitId === cadres.find((x) => x.id === subject)!.managingUnitId,
    );
    const r = await start(D, subject, await matterAbout(sameUnit?.id ?? subject));
    expect(sameUnit).toBeDefined();
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ field: 'inputs.matter', reason_zh: '问责事项所涉干部或单位与本案不一致' });
  });

  it('a matter the person may not see is refused in the same words as one that does not exist', async () => {
    const me = (await as('cadre').get('/api/auth/me')).body;
    const someoneElse = (await srv.store.repo('cadres').list({ limit: 10 })).find((c) => c.id !== me.cadreId)!;
    const hidden = await start('cadre', me.cadreId, await matterAbout(someoneElse.id));
    const unknown = await start('cadre', me.cadreId, 'm-no-such-matter');
    expect(unknown.status).toBe(400);
    expect(hidden.status).toBe(400);
    expect(hidden.body).toEqual(unknown.body);
  });
});

describe('every case route with every role', () => {
  it('only the handling organ and the deciding body see a 江苏 case; everyone else gets 404 and empty lists', async () => {
    const id = await open(await cadreOf('jiangsu'));
    // 江苏's procedure names 纪检监察/问责部门 (the organ) and the 同级党委（党组）; the demo officers are province-level
    const sees = new Set(['discipline_officer', 'accountability_officer', 'committee_member']);
    for (const u of USERS) {
      const c = as(u);
      const detail = await c.get(`/api/cases/${id}`);
      const list = await c.get('/api/cases');
      const step = await c.post(`/api/cases/${id}/steps`, {
        version: 1,
        action: 'hear',
        on: '2024-05-02',
        inputs: { statement: 'x' },
      });
      const comment = await c.post(`/api/cases/${id}/comments`, { text: '意见' });
      if (sees.has(u)) {
        expect(detail.status, u).toBe(200);
        expect(
          list.body.items.map((x: { id: string }) => x.id),
          u,
        ).toContain(id);
        expect(comment.status, u).toBe(201);
        // committee members may not take the organ's hearing: 403; the organ may (once: the next try is stale)
        expect([200, 403, 409], u).toContain(step.status);
        if (u === 'committee_member') expect(step.status).toBe(403);
      } else {
        expect(detail.status, u).toBe(404);
        expect(step.status, u).toBe(404);
        expect(comment.status, u).toBe(404);
        expect(list.status, u).toBe(200);
        expect(
          list.body.items.map((x: { id: string }) => x.id),
          u,
        ).not.toContain(id);
      }
    }
  });

  it('the version report counts cases by procedure version', async () => {
    const r = await as('org_officer').get('/api/cases/versions');
    expect(r.status).toBe(200);
    expect(r.body.items.some((x: { pack: string; version: string }) => x.pack === 'jiangsu' && x.version === '1')).toBe(
      true,
    );
    expect((await as('sysadmin').get('/api/cases/versions')).status).toBe(403);
  });
});
