// Adjustment cases (能上能下) through the API on a real server: a full case per pack (江苏, 陕西, 如东) through the
// generic case routes, ending with the decided 调整方式 on the record — dated the decision — which the cadre's
// explanation then reads as an influence period; a stale step is 409 and changes nothing; bad input is 400 naming
// the field; a pack without an adjustment procedure (安徽) refuses to start one.
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, startServer, subtreeIds, type Client, type TestServer } from './harness.js';

let srv: TestServer;
const clients = new Map<string, Client>();
const as = (u: string) => clients.get(u)!;
const O = 'org_officer';
const K = 'committee_member';

beforeAll(async () => {
  srv = await startServer({ cadres: 300 });
  for (const u of [O, K, 'cadre', 'discipline_officer', 'sysadmin']) clients.set(u, await loggedIn(srv.base, u));
}, 300_000);
afterAll(async () => srv?.close());

/** A cadre governed by `pack` (one is added below the pack's root when the small record holds none). */
let added = 0;
async function cadreOf(pack: string): Promise<string> {
  const roots = (await srv.store.repo('units').list({ limit: 100_000 })).filter((u) => u.pack === pack);
  const cadres = await srv.store.repo('cadres').list({ limit: 100_000 });
  const used = new Set((await srv.store.repo('adjustments').list({ limit: 100_000 })).map((a) => a.cadreId));
  for (const r of roots) {
    const ids = await subtreeIds(srv.store, r.id);
    const c = cadres.find((x) => ids.has(x.managingUnitId) && !used.has(x.id));
    if (c) return c.id;
  }
  const c = await srv.store.repo('cadres').insert({
    id: `adj-api-${pack}-${++added}`,
    name: '测试干部',
    gender: null,
    birthDate: null,
    idNumber: null,
    category: '公务员',
    managingUnitId: roots[0]!.id,
  });
  return c.id;
}

async function start(cadreId: string, inputs: Record<string, unknown>, on = '2024-03-01') {
  return as(O).post('/api/cases', {
    procedure: 'adjustment',
    subjectType: 'cadre',
    subjectId: cadreId,
    action: 'open',
    on,
    inputs,
  });
}

async function run(id: string, steps: [string, string, string, Record<string, unknown>?, string?][]) {
  for (const [user, on, action, inputs, reason] of steps) {
    const cur = await as(O).get(`/api/cases/${id}`);
    const r = await as(user).post(`/api/cases/${id}/steps`, {
      version: cur.body.version,
      action,
      on,
      inputs: inputs ?? {},
      ...(reason ? { reason } : {}),
    });
    expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
  }
}

/** The record's adjustments of a cadre, as [date, method]. */
async function adjustmentsOf(cadreId: string): Promise<[string, string][]> {
  const all = await srv.store.repo('adjustments').list({ limit: 100_000 });
  return all.filter((a) => a.cadreId === cadreId).map((a) => [a.date, a.method]);
}

/** The conclusions of a rule in the cadre's explanation. */
async function explained(cadreId: string, rule: string, asOf: string): Promise<string> {
  const r = await as(O).get(`/api/explain/cadre/${cadreId}?asOf=${asOf}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return JSON.stringify(r.body).includes(rule) ? JSON.stringify(r.body) : '';
}

describe('a full adjustment case per pack', () => {
  it('江苏: ex officio, 调整建议, 省委审批, 任免; the record holds 降职 from the decision date and explain reads it', async () => {
    const cadre = await cadreOf('jiangsu');
    const s = await start(cadre, { situation: '年度考核连续两年基本称职，经组织认定。' });
    expect(s.status, JSON.stringify(s.body)).toBe(201);
    expect(s.body.procedure).toBe('adjustment');
    const id = s.body.id as string;
    expect(await explained(cadre, 'jiangsu/adjustment/12', '2024-06-01')).toBe('');
    // 首页 counts 待办 per page: the case waits on the 能上能下 page, not on the 容错纠错 one
    const todo = async (procedure: string) =>
      (await as(O).get(`/api/cases/todo?procedure=${procedure}&limit=1`)).body.total as number;
    expect(await todo('adjustment')).toBe(1);
    expect(await todo('tolerance')).toBe(0);
    await run(id, [
      [O, '2024-03-10', 'propose', { findings: '属实', outcome: 'demotion', grounds: '连续两年基本称职' }],
      [K, '2024-04-02', 'approve', { outcome: 'demotion' }],
      [O, '2024-04-08', 'appoint'],
      [O, '2024-06-01', 'follow_up', { task: '谈心谈话', notes: '思想稳定' }],
    ]);
    const c = await as(O).get(`/api/cases/${id}`);
    expect(c.body.state).toBe('in_effect');
    expect(c.body.outcomeLabel).toBe('降职');
    expect(c.body.evaluation).toBeNull();
    expect(c.body.deadlines.map((d: { kind: string; dueOn: string }) => [d.kind, d.dueOn])).toEqual([
      ['influence_period', '2026-04-02'],
    ]);
    expect(await adjustmentsOf(cadre)).toEqual([['2024-04-02', '降职']]);
    const text = await explained(cadre, 'jiangsu/adjustment/12', '2024-06-01');
    expect(text).toContain('2026-04-02');
    // the influence period is not over before its day
    const early = await as(O).post(`/api/cases/${id}/steps`, {
      version: c.body.version,
      action: 'end_period',
      on: '2026-04-01',
    });
    expect(early.status).toBe(409);
    expect(early.body.reason_zh).toContain('2026年4月2日');
    const docs = await as(O).get(`/api/cases/${id}/documents`);
    expect(docs.body.items.map((d: { name: string }) => d.name)).toEqual(['调整建议', '调整决定']);
    const list = await as(O).get('/api/cases?procedure=adjustment');
    expect(list.body.items.map((x: { id: string }) => x.id)).toContain(id);
    expect(
      (await as(O).get('/api/cases?procedure=tolerance')).body.items.map((x: { id: string }) => x.id),
    ).not.toContain(id);
  });

  it('陕西: 听取单位和本人说明, 调整意见, 省委调整决定, 谈话, 任免; no 引咎辞职 offered', async () => {
    const cadre = await cadreOf('shaanxi');
    const id = (await start(cadre, { situation: '年度目标责任考核当年较差等次' })).body.id as string;
    await run(id, [
      [O, '2024-03-02', 'hear_units', { heard: ['市委'], opinions: '属实' }],
      [O, '2024-03-03', 'hear_cadre', { statement: '本人说明' }],
    ]);
    const cur = await as(O).get(`/api/cases/${id}`);
    const propose = cur.body.allowed.find((a: { action: string }) => a.action === 'propose');
    expect(propose.outcomes.map((o: { label: string }) => o.label)).toEqual([
      '调离岗位',
      '改任非领导职务',
      '免职',
      '降职',
    ]);
    const wrong = await as(O).post(`/api/cases/${id}/steps`, {
      version: cur.body.version,
      action: 'propose',
      on: '2024-03-05',
      inputs: { findings: '属实', outcome: 'resign_blame', grounds: '理由' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.field).toBe('inputs.outcome');
    await run(id, [
      [O, '2024-03-05', 'propose', { findings: '属实', outcome: 'removal', grounds: '较差等次' }],
      [K, '2024-03-20', 'approve', { outcome: 'removal' }],
      [O, '2024-03-21', 'talk', { notes: '告知理由' }],
      [O, '2024-03-22', 'appoint'],
    ]);
    expect(await adjustmentsOf(cadre)).toEqual([['2024-03-20', '免职']]);
    expect(await explained(cadre, 'shaanxi/adjustment/16', '2024-06-01')).toContain('2025-03-20');
  });

  it('如东: 考察核实, 陈述意见, 党组决定, 宣布, 任免; the influence period and the pay change from the next month', async () => {
    const cadre = await cadreOf('rudong');
    const id = (await start(cadre, { situation: '年度考核不称职' })).body.id as string;
    await run(id, [
      [O, '2024-03-02', 'hear_others', { heard: ['服务对象'], opinions: '口碑一般' }],
      [O, '2024-03-03', 'verify', { sources: ['年度考核'], findings: '不适宜担任现职' }],
      [O, '2024-03-04', 'hear_cadre', { statement: '陈述' }],
      [O, '2024-03-05', 'propose', { grounds: '不称职', outcome: 'transfer' }],
      [K, '2024-03-06', 'hear_parties', { heard: ['纪检组'], opinions: '同意' }],
      [K, '2024-03-08', 'decide', { outcome: 'transfer', meeting: '党组会议' }],
      [K, '2024-03-09', 'announce', { notes: '宣布' }],
      [O, '2024-03-12', 'appoint'],
    ]);
    const c = await as(O).get(`/api/cases/${id}`);
    expect(c.body.deadlines.map((d: { kind: string; dueOn: string }) => [d.kind, d.dueOn]).sort()).toEqual([
      ['influence_period', '2025-03-08'],
      ['pay_change', '2024-04-01'],
    ]);
    expect(await adjustmentsOf(cadre)).toEqual([['2024-03-08', '调离岗位']]);
    expect(await explained(cadre, 'rudong/adjustment/11', '2024-06-01')).toContain('2025-03-08');
  });
});

const unzipper = createRequire(import.meta.url)('unzipper') as {
  Open: { buffer(b: Buffer): Promise<{ files: { path: string; buffer(): Promise<Buffer> }[] }> };
};

/** The words of a .docx as a reader sees them. */
async function docxText(buf: Buffer): Promise<string> {
  const dir = await unzipper.Open.buffer(buf);
  let out = '';
  for (const f of dir.files)
    if (f.path.startsWith('word/') && f.path.endsWith('.xml'))
      out += [...(await f.buffer()).toString('utf8').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return out;
}

describe('the documents of an adjustment case', () => {
  it('江苏: 调整建议 and 调整决定 download as .docx in words: the cadre, the method, the dates, the period', async () => {
    const cadreId = await cadreOf('jiangsu');
    const cadre = (await srv.store.repo('cadres').get(cadreId))!;
    const liaison = await srv.store.repo('units').get(cadre.managingUnitId);
    const id = (await start(cadreId, { situation: '不担当不作为，经组织认定。' })).body.id as string;
    await run(id, [
      [
        O,
        '2024-03-10',
        'propose',
        { findings: '审核属实', outcome: 'resign_ordered', grounds: '推诿扯皮造成不良影响' },
      ],
      [K, '2024-04-02', 'approve', { outcome: 'resign_ordered' }],
    ]);
    const list = await as(O).get(`/api/cases/${id}/documents`);
    expect(list.body.items.map((d: { name: string }) => d.name)).toEqual(['调整建议', '调整决定']);
    const proposal = await docxText((await as(O).get(`/api/cases/${id}/documents/1`)).body as Buffer);
    expect(proposal).toContain(cadre.name);
    expect(proposal).toContain('调整原因：推诿扯皮造成不良影响');
    expect(proposal).toContain('调整方式：责令辞职');
    const decision = await docxText((await as(O).get(`/api/cases/${id}/documents/2`)).body as Buffer);
    expect(decision).toContain(`关于对${cadre.name}同志予以责令辞职的决定`);
    expect(decision).toContain('两年内不得担任高于原职务层次的职务（至2026年4月2日止）');
    expect(decision).toContain('第十二条');
    for (const x of [id, cadreId, cadre.managingUnitId, liaison?.id ?? '']) if (x) expect(decision).not.toContain(x);
  });
});

describe('the 容错纠错 register', () => {
  it('lists no adjustment case, though the same officer sees adjustment cases in the case list', async () => {
    const adjustment = await as(O).get('/api/cases?procedure=adjustment');
    expect(adjustment.body.total).toBeGreaterThan(0);
    const r = await as(O).get('/api/cases/register.xlsx');
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.body as never);
    let rows = 0;
    wb.worksheets[0]!.eachRow((_row, i) => void (i > 2 && rows++));
    expect(rows).toBe((await as(O).get('/api/cases?procedure=tolerance')).body.total);
  });
});

describe('refusals', () => {
  it('a stale version is 409 and changes nothing; bad input is 400 naming the field', async () => {
    const cadre = await cadreOf('jiangsu');
    const id = (await start(cadre, { situation: '情形' })).body.id as string;
    const before = await as(O).get(`/api/cases/${id}`);
    await run(id, [[O, '2024-03-10', 'propose', { findings: '属实', outcome: 'transfer', grounds: '理由' }]]);
    const stale = await as(K).post(`/api/cases/${id}/steps`, {
      version: before.body.version,
      action: 'approve',
      on: '2024-03-11',
      inputs: { outcome: 'transfer' },
    });
    expect(stale.status).toBe(409);
    const after = await as(O).get(`/api/cases/${id}`);
    expect(after.body.state).toBe('proposed');
    expect(after.body.history).toHaveLength(2);
    expect(await adjustmentsOf(cadre)).toEqual([]);
    const missing = await as(O).post('/api/cases', {
      procedure: 'adjustment',
      subjectType: 'cadre',
      subjectId: cadre,
      action: 'open',
      on: '2024-03-01',
      inputs: {},
    });
    expect(missing.status).toBe(400);
    expect(missing.body.field).toBe('inputs.situation');
  });

  it('安徽 states no adjustment procedure: starting one is 400 in words; a unit is no adjustment subject', async () => {
    const r = await start(await cadreOf('anhui'), { situation: '情形' });
    expect(r.status).toBe(400);
    expect(r.body.reason_zh).toBe('所涉干部所在地区没有能上能下的调整程序');
    const unit = (await srv.store.repo('units').list({ limit: 100_000 })).find((u) => u.pack === 'jiangsu')!;
    const u = await as(O).post('/api/cases', {
      procedure: 'adjustment',
      subjectType: 'unit',
      subjectId: unit.id,
      action: 'open',
      on: '2024-03-01',
      inputs: { situation: '情形' },
    });
    expect(u.status).toBe(400);
    expect(u.body.field).toBe('subject');
  });
});
