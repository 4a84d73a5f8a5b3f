// The influence-period ledger and the eligibility check through the API: verdicts agree with `evaluate` over the
// whole record for every cadre; the last day of a period still blocks and the next day does not; scope holds
// (a list with a candidate outside the remit is refused without naming them); exports and uploads work.
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/policy/engine.js';
import { packRegistry } from '../../src/packs/index.js';
import { loadFacts } from '../../src/store/facts-loader.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { verdictOf } from '../../src/mechanisms/adjustment/eligibility.js';
import { loggedIn, startServer, subtreeIds, unitIdByName, type Client, type TestServer } from './harness.js';
import { chinaDate } from '../../src/domain/dates.js';

let srv: TestServer;
let org: Client;
let city: Client;
let nantong: Set<string>;
/** cadres managed in 南通市 with nothing on record that opens a period, and one managed elsewhere */
let demoted = '';
let resigned = '';
let sanctioned = '';
let clean = '';
let outside = '';
let outsideName = '';
const DATE = '2026-06-01';

beforeAll(async () => {
  srv = await startServer({ cadres: 200 });
  org = await loggedIn(srv.base, 'org_officer');
  city = await loggedIn(srv.base, 'city_org');
  nantong = await subtreeIds(srv.store, await unitIdByName(srv.store, '南通市'));
  const cadres = await srv.store.repo('cadres').list({ limit: 10_000 });
  const marked = new Set([
    ...(await srv.store.repo('sanctions').list({ limit: 100_000 })).map((s) => s.cadreId),
    ...(await srv.store.repo('adjustments').list({ limit: 100_000 })).map((a) => a.cadreId),
  ]);
  const mine = cadres.filter((c) => nantong.has(c.managingUnitId) && !marked.has(c.id));
  [demoted, resigned, sanctioned, clean] = mine.slice(0, 4).map((c) => c.id) as [string, string, string, string];
  const other = cadres.find((c) => !nantong.has(c.managingUnitId))!;
  outside = other.id;
  outsideName = other.name;
  const add = async (cadreId: string, date: string, method: '降职' | '引咎辞职') =>
    srv.store.repo('adjustments').insert({ id: `adj-${cadreId}`, cadreId, date, method, ruleId: null, reason: null });
  await add(demoted, '2025-06-02', '降职'); // two years: last blocked day 2027-06-01
  await add(resigned, '2025-06-01', '引咎辞职'); // above the original level, last day 2027-05-31
  await srv.store
    .repo('sanctions')
    .insert({ id: 'sx-1', cadreId: sanctioned, date: '2025-06-02', kind: '记过', reason: null }); // last day DATE
}, 120_000);

afterAll(async () => srv?.close());

describe('eligibility check', () => {
  it('agrees with evaluate over the whole record, for every cadre', async () => {
    const all = (await srv.store.repo('cadres').list({ limit: 10_000 })).map((c) => c.id);
    const r = await org.post('/api/adjustment/eligibility', { date: DATE, cadreIds: all });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const facts = await loadFacts(srv.store as unknown as KyselyStore, DATE, { inProcess: true });
    const ev = evaluate(packRegistry(), facts, { asOf: DATE });
    const level = new Map(facts.cadres.map((c) => [c.id, c.level]));
    let blocked = 0;
    for (const item of r.body.items as { cadreId: string; verdict: unknown; priorityPromotion: boolean }[]) {
      const v = ev.values[item.cadreId]!;
      const expected = verdictOf(
        {
          date: DATE,
          promotionAllowedFrom: v.promotionAllowedFrom as string | null,
          aboveOriginalLevelAllowedFrom: v.aboveOriginalLevelAllowedFrom as string | null,
        },
        level.get(item.cadreId),
      );
      expect(item.verdict, item.cadreId).toEqual(expected);
      expect(item.priorityPromotion, item.cadreId).toBe(v.priorityPromotion);
      if (expected.kind !== 'eligible') blocked++;
    }
    expect(r.body.items).toHaveLength(all.length);
    expect(blocked).toBeGreaterThanOrEqual(3);
  });

  it('gives each planted block its verdict, named reasons and article; the last day still blocks', async () => {
    const r = await city.post('/api/adjustment/eligibility', {
      date: DATE,
      cadreIds: [demoted, resigned, sanctioned, clean],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const [d, res, s, c] = r.body.items;
    expect(d.verdict).toMatchObject({ kind: 'blocked', until: '2027-06-01', words: '不得提拔，至2027年6月1日' });
    expect(d.reasons[0].article).toContain('第十二条');
    expect(d.reasons[0].record.join('')).not.toContain(demoted); // named, not an id
    expect(d.reasons[0].record.join('')).toContain(d.name);
    expect(res.verdict).toMatchObject({ kind: 'blockedAbove', until: '2027-05-31' });
    expect(res.verdict.words).toMatch(/^不得提拔至高于.+的职级，至2027年5月31日$/);
    expect(s.verdict).toMatchObject({ kind: 'blocked', until: DATE });
    expect(s.reasons[0].article).toContain('政务处分法');
    expect(c.verdict).toEqual({ kind: 'eligible', words: '可以提拔' });
    // the day after the last day: the sanction's period is over (届满 includes the day it ends on)
    const next = await city.post('/api/adjustment/eligibility', { date: '2026-06-02', cadreIds: [sanctioned] });
    expect(next.body.items[0].verdict.kind).toBe('eligible');
  });

  it('refuses a list holding a candidate outside the remit, without naming them, and changes nothing', async () => {
    const r = await city.post('/api/adjustment/eligibility', { date: DATE, cadreIds: [demoted, outside] });
    expect(r.status).toBe(403);
    expect(r.body.reason_zh).toContain('第2位');
    expect(JSON.stringify(r.body)).not.toContain(outside);
    expect(JSON.stringify(r.body)).not.toContain(outsideName);
    const missing = await city.post('/api/adjustment/eligibility', { date: DATE, cadreIds: ['no-such-cadre'] });
    expect(missing.status).toBe(403);
    expect(missing.body.reason_zh).toBe(r.body.reason_zh.replace('第2位', '第1位'));
  });

  it('refuses bad input with the field and the reason', async () => {
    const bad = await org.post('/api/adjustment/eligibility', { date: '2026-02-30', cadreIds: [clean] });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('date');
    const empty = await org.post('/api/adjustment/eligibility', { date: DATE, cadreIds: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.field).toBe('cadreIds');
  });

  it('is open to the offices only', async () => {
    for (const who of ['cadre', 'sysadmin', 'auditadmin']) {
      const c = await loggedIn(srv.base, who);
      expect((await c.post('/api/adjustment/eligibility', { cadreIds: [clean] })).status, who).toBe(403);
      expect((await c.get('/api/adjustment/ledger')).status, who).toBe(403);
    }
  });

  it('exports the verdicts as .xlsx and the 审查意见 as .docx', async () => {
    const body = { date: DATE, cadreIds: [demoted, clean] };
    const x = await city.post('/api/adjustment/eligibility.xlsx', body);
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).getCell(4).value).toBe('审查结论');
    expect(ws.getRow(3).getCell(4).value).toBe('不得提拔，至2027年6月1日');
    expect(String(ws.getRow(3).getCell(5).value)).toContain('第十二条');
    expect(ws.getRow(4).getCell(4).value).toBe('可以提拔');
    const d = await city.post('/api/adjustment/eligibility.docx', body);
    expect(d.status).toBe(200);
    const text = await docxText(d.body as Buffer);
    expect(text).toContain('关于拟提拔人选任职资格的审查意见');
    expect(text).toContain('不得提拔，至2027年6月1日');
    expect(text).toContain('可以提拔');
  });

  it('reads an uploaded list of 姓名+身份证号 or 编号, and refuses rows outside the remit by row number', async () => {
    const people = await Promise.all([demoted, clean].map((id) => srv.store.repo('cadres').get(id)));
    const upload = async (rows: (string | null)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('名单');
      for (const r of rows) ws.addRow(r);
      const form = new FormData();
      form.append('file', new Blob([await wb.xlsx.writeBuffer()]), 'list.xlsx');
      return city.req('POST', '/api/adjustment/eligibility/list', form);
    };
    const byIdNumber = await upload([['姓名', '身份证号'], ...people.map((p) => [p!.name, p!.idNumber ?? ''])]);
    expect(byIdNumber.status, JSON.stringify(byIdNumber.body)).toBe(200);
    expect(byIdNumber.body.candidates.map((c: { id: string }) => c.id)).toEqual([demoted, clean]);
    const byId = await upload([['编号'], [clean], [outside]]);
    expect(byId.status).toBe(403);
    expect(byId.body.reason_zh).toContain('第3行');
    expect(JSON.stringify(byId.body)).not.toContain(outsideName);
    const noHeader = await upload([['名字'], ['张三']]);
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.field).toBe('file');
  });
});

describe('influence-period ledger', () => {
  it('lists the cadres in scope inside a period on the date, with what is blocked and until when', async () => {
    const r = await city.get(`/api/adjustment/ledger?date=${DATE}&limit=500`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const ids = r.body.items.map((i: { cadreId: string }) => i.cadreId);
    expect(ids).toEqual(expect.arrayContaining([demoted, resigned, sanctioned]));
    expect(ids).not.toContain(clean);
    const row = r.body.items.find((i: { cadreId: string }) => i.cadreId === demoted);
    expect(row.periods[0]).toMatchObject({ blocks: 'promotion', until: '2027-06-01', allowedFrom: '2027-06-02' });
    expect(row.periods[0].text).toMatch(/^2027年6月2日前不得提拔，依据《.+》第十二条$/);
    // every row lies in the reader's scope
    const managed = new Map(
      (await srv.store.repo('cadres').list({ limit: 10_000 })).map((c) => [c.id, c.managingUnitId]),
    );
    for (const id of ids) expect(nantong.has(managed.get(id)!), id).toBe(true);
    // the day after its last day the sanction's period has ended
    const later = await city.get('/api/adjustment/ledger?date=2026-06-02&limit=500');
    expect(later.body.items.map((i: { cadreId: string }) => i.cadreId)).not.toContain(sanctioned);
  });

  it('filters by what is blocked and pages', async () => {
    const above = await city.get(`/api/adjustment/ledger?date=${DATE}&blocks=aboveOriginalLevel`);
    expect(above.body.items.map((i: { cadreId: string }) => i.cadreId)).toContain(resigned);
    expect(above.body.items.map((i: { cadreId: string }) => i.cadreId)).not.toContain(demoted);
    const all = await org.get(`/api/adjustment/ledger?date=${DATE}&limit=500`);
    const page = await org.get(`/api/adjustment/ledger?date=${DATE}&offset=1&limit=2`);
    expect(page.body.total).toBe(all.body.total);
    expect(page.body.items).toEqual(all.body.items.slice(1, 3));
    const bad = await org.get('/api/adjustment/ledger?blocks=everything');
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('blocks');
  });

  it('exports the ledger as .xlsx, one row per period', async () => {
    const x = await city.get(`/api/adjustment/ledger.xlsx?date=${DATE}`);
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body as never);
    const ws = wb.worksheets[0]!;
    const listed = await city.get(`/api/adjustment/ledger?date=${DATE}&limit=500`);
    const periods = listed.body.items.reduce((n: number, i: { periods: unknown[] }) => n + i.periods.length, 0);
    expect(ws.actualRowCount).toBe(2 + periods);
  });

  it('filters the roster to the cadres inside a period today (在影响期内), the same as the ledger', async () => {
    const today = chinaDate(srv.now());
    const ledger = await city.get(`/api/adjustment/ledger?limit=500`);
    expect(ledger.body.date).toBe(today);
    const r = await city.get('/api/cadres?inPeriod=true&limit=500');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const ids = r.body.items.map((i: { id: string }) => i.id).sort();
    expect(ids).toEqual(ledger.body.items.map((i: { cadreId: string }) => i.cadreId).sort());
    expect(r.body.total).toBe(ids.length);
    const planted = [demoted, resigned, sanctioned, clean].filter((id) => ids.includes(id));
    // on 2026-12-03 the sanction's period (last day 2026-06-01) is over; the two adjustments still run
    expect(planted).toEqual(today < '2027-05-31' ? [demoted, resigned] : []);
    const plain = await city.get('/api/cadres?limit=500');
    expect(plain.body.total).toBeGreaterThan(r.body.total);
  });

  it("gives a cadre's periods in plain words for the profile, within scope only", async () => {
    const r = await city.get(`/api/adjustment/periods/${demoted}?date=${DATE}`);
    expect(r.status).toBe(200);
    expect(r.body.periods[0].text).toMatch(/^2027年6月2日前不得提拔，依据/);
    expect((await city.get(`/api/adjustment/periods/${outside}?date=${DATE}`)).status).toBe(403);
  });
});

const unzipper = createRequire(import.meta.url)('unzipper') as {
  Open: { buffer(b: Buffer): Promise<{ files: { path: string; buffer(): Promise<Buffer> }[] }> };
};

async function docxText(buf: Buffer): Promise<string> {
  const dir = await unzipper.Open.buffer(buf);
  let out = '';
  for (const f of dir.files)
    if (f.path.startsWith('word/') && f.path.endsWith('.xml'))
      out += [...(await f.buffer()).toString('utf8').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return out;
}
