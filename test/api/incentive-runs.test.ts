// The annual incentive run through the API on a real server over the generated demo record: a run per rulebook
// whose lists agree with `evaluate` of the same facts; ties at a cut-off held for a person's decision; unset amounts
// shown as 未配置; the unit workbench's quota (exactly at the share accepted, one over refused, an ineligible cadre
// refused); approval by the wrong body refused; a recomputation after a late result; closing writes honours and
// grades into the record and the next year's run reads them; a closed run changes neither through the API nor the
// store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { RUN_LISTS } from '../../src/mechanisms/incentive/lists.js';
import { packRegistry } from '../../src/packs/index.js';
import { evaluate } from '../../src/policy/engine.js';
import { ClosedRunError, incentiveRunsOf } from '../../src/store/incentive-runs.js';
import { loadFacts } from '../../src/store/facts-loader.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { loggedIn, startServer, subtreeIds, type Client, type TestServer } from './harness.js';

let srv: TestServer;
let org: Client;
let liaison: Client;
let committee: Client;

beforeAll(async () => {
  srv = await startServer({ cadres: 300 });
  org = await loggedIn(srv.base, 'org_officer');
  liaison = await loggedIn(srv.base, 'unit_liaison');
  committee = await loggedIn(srv.base, 'committee_member');
}, 300_000);
afterAll(async () => srv?.close());

async function rootOf(pack: string): Promise<string> {
  const units = await srv.store.repo('units').list({ limit: 100_000 });
  const u = units.find((x) => x.pack === pack);
  if (!u) throw new Error(`no unit bound to ${pack}`);
  return u.id;
}

/** A cadre under the rulebook's root graded 优秀 in `year` (the small record may hold none in a province). */
async function ensureExcellent(pack: string, year: number): Promise<string> {
  const root = await rootOf(pack);
  const units = await subtreeIds(srv.store, root);
  const cadres = (await srv.store.repo('cadres').list({ limit: 100_000 })).filter((c) => units.has(c.managingUnitId));
  let cadre = cadres.find((c) => c.managingUnitId !== root)?.id;
  if (!cadre) {
    const below = (await srv.store.repo('units').list({ where: { parentId: root }, limit: 1 }))[0]!;
    cadre = (
      await srv.store.repo('cadres').insert({
        id: `h8-${pack}`,
        name: '测试干部',
        gender: null,
        birthDate: null,
        idNumber: null,
        category: '公务员',
        managingUnitId: below.id,
      })
    ).id;
  }
  const [a] = await srv.store.repo('cadreAssessments').list({ where: { cadreId: cadre, year }, limit: 1 });
  if (a) await srv.store.repo('cadreAssessments').update(a.id, a.version, { grade: '优秀' });
  else
    await srv.store.repo('cadreAssessments').insert({
      id: `h8-${cadre}-${year}`,
      cadreId: cadre,
      year,
      grade: '优秀',
      votesExcellent: null,
      votesCompetent: null,
      votesBasic: null,
      votesIncompetent: null,
    });
  return cadre;
}

async function startRun(pack: string, year: number, extra: Record<string, unknown> = {}) {
  const r = await org.post('/api/incentive/runs', { organiserUnitId: await rootOf(pack), year, ...extra });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

describe('a run per rulebook', () => {
  for (const pack of ['jiangsu', 'shaanxi', 'rudong', 'anhui', 'jiaozuo'])
    it(`${pack}: each list holds exactly the findings evaluate gives for the year`, async () => {
      if (pack === 'anhui' || pack === 'jiaozuo') await ensureExcellent(pack, 2025);
      const run = await startRun(
        pack,
        2025,
        pack === 'rudong' ? { params: { 'rudong.incentive.excellentRatio': '1/2' } } : {},
      );
      const facts = await loadFacts(srv.store as unknown as KyselyStore, run.asOf);
      const ev = evaluate(packRegistry(), facts, {
        asOf: run.asOf,
        params: pack === 'rudong' ? { 'rudong.incentive.excellentRatio': '1/2' } : {},
      });
      const units = await subtreeIds(srv.store, await rootOf(pack));
      const inScope = new Set([...units, ...facts.cadres.filter((c) => units.has(c.unit)).map((c) => c.id)]);
      let compared = 0;
      for (const def of RUN_LISTS[pack]!) {
        const expected = ev.findings
          .filter((f) => def.rules.includes(f.rule) && inScope.has(f.subject))
          .filter((f) => (def.standing ? f.year === undefined || f.year <= 2026 : f.year === 2025))
          .filter((f) => !def.when || (f.conclusion ?? '').includes(def.when))
          .map((f) => `${f.subject} ${f.rule}`)
          .sort();
        const list = run.lists.find((l: { key: string }) => l.key === def.key);
        const got = (list?.entries ?? [])
          .filter((e: { tie: boolean }) => !e.tie)
          .map((e: { subjectId: string; rule: string }) => e.subjectId)
          .sort();
        expect(got.length, `${def.key}`).toBe(expected.length);
        expect(got).toEqual(expected.map((x) => x.split(' ')[0]).sort());
        compared += expected.length;
        // every entry names its rule and its reasons, in words
        for (const e of list?.entries ?? []) {
          expect(e.rule).toMatch(/《.+》/);
          expect(e.because.length).toBeGreaterThan(0);
          expect(JSON.stringify(e.because)).not.toMatch(/\b[uc]\d{6,}\b/);
        }
      }
      expect(compared).toBeGreaterThan(0);
      expect(run.state).toBe('computed');
      expect(run.completeness.cadresWithResults + run.completeness.cadresMissing).toBeGreaterThan(0);
    });
});

describe('ties and unset parameters', () => {
  it('ties at a cut-off are flagged on their list and block the proposal until a person decides', async () => {
    const run = await startRun('shaanxi', 2023);
    expect(run.ties.length).toBeGreaterThan(0);
    const tied = run.lists.flatMap((l: { key: string; entries: { tie: boolean; seq: number }[] }) =>
      l.entries.filter((e) => e.tie).map((e) => ({ list: l.key, seq: e.seq })),
    );
    expect(tied.length).toBeGreaterThan(0);
    const refused = await org.post(`/api/incentive/runs/${run.id}/propose`, { version: run.version });
    expect(refused.status).toBe(409);
    expect(refused.body.reason_zh).toContain('并列');
    let cur = run;
    for (const [i, t] of tied.entries()) {
      const r = await org.post(`/api/incentive/runs/${run.id}/ties`, {
        version: cur.version,
        ...t,
        decision: i === 0 ? 'include' : 'exclude',
        reason: '经研究，按综合得分小数位确定',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      cur = r.body;
    }
    const ok = await org.post(`/api/incentive/runs/${run.id}/propose`, { version: cur.version });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.state).toBe('proposed');
  });

  it('an amount no parameter sets stays 未配置, and the gap names the parameter in words', async () => {
    const r = await org.get('/api/incentive/runs');
    const id = r.body.find(
      (x: { jurisdiction: string; year: number }) => x.year === 2025 && x.jurisdiction.includes('江苏'),
    ).id;
    const run = (await org.get(`/api/incentive/runs/${id}`)).body;
    const bonus = run.lists.find((l: { key: string }) => l.key === 'unit_bonus');
    expect(bonus.entries.length).toBeGreaterThan(0);
    for (const e of bonus.entries) expect(e.value).toBe('未配置');
    expect(run.gaps.some((g: string) => g.startsWith('未配置'))).toBe(true);
    expect(JSON.stringify(run.gaps)).not.toContain('jiangsu.incentive');
  });
});

describe("a tie at the cut-off decided in a unit's favour", () => {
  it('gives the unit the 优秀 share of a unit above the cut-off (陕西 第五条（一）), and taking it back removes it', async () => {
    // six units of the 陕西 rulebook with target scores for a year the record has none: 35% of 6 gives 2 places, the
    // second and third share 90 points, so both stand at the cut-off
    const root = await rootOf('shaanxi');
    const six = [...(await subtreeIds(srv.store, root))].filter((u) => u !== root).slice(0, 6);
    expect(six.length).toBe(6);
    for (const [i, unitId] of six.entries())
      await srv.store.repo('unitAssessments').insert({
        id: `h9-tie-${i}`,
        unitId,
        year: 2026,
        scheme: 'target',
        grade: null,
        score: [95, 90, 90, 80, 75, 70][i]!,
        rank: null,
      });
    const run = await startRun('shaanxi', 2026);
    const share = (r: { quotas: { unitId: string; share: string }[] }, u: string) =>
      r.quotas.find((q) => q.unitId === u)?.share;
    expect(share(run, six[0]!)).toBe('0.2');
    const list = run.lists.find((l: { key: string }) => l.key === 'target_excellent_units');
    const tied = list.entries.filter((e: { tie: boolean }) => e.tie);
    expect(tied.map((e: { subjectId: string }) => e.subjectId).sort()).toEqual([six[1], six[2]].sort());
    const decide = async (version: number, seq: number, decision: string) => {
      const r = await org.post(`/api/incentive/runs/${run.id}/ties`, {
        version,
        list: 'target_excellent_units',
        seq,
        decision,
        reason: '省考核委员会研究，按党风廉政建设考核得分确定',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body;
    };
    const [inc, exc] = tied as { subjectId: string; seq: number }[];
    let cur = await decide(run.version, inc!.seq, 'include');
    cur = await decide(cur.version, exc!.seq, 'exclude');
    expect(share(cur, inc!.subjectId)).toBe(share(cur, six[0]!));
    expect(share(cur, exc!.subjectId)).toBeUndefined();
    // the unit's workbench grades within the same share as the unit above the cut-off
    const meterOf = async (u: string) =>
      (await org.get(`/api/incentive/runs/${run.id}/workbench?unitId=${u}`)).body.meter.share;
    expect(await meterOf(inc!.subjectId)).toBe(await meterOf(six[0]!));
    // decided the other way, the unit has no share from the list
    cur = await decide(cur.version, inc!.seq, 'exclude');
    expect(share(cur, inc!.subjectId)).toBeUndefined();
    expect(share(cur, six[0]!)).toBe('0.2');
  });
});

describe('a list whose amounts are unset', () => {
  it('cannot be approved: 409 naming the parameter in words and 参数设置, and nothing changes', async () => {
    const runs = await org.get('/api/incentive/runs');
    const id = runs.body.find(
      (x: { jurisdiction: string; year: number }) => x.year === 2025 && x.jurisdiction.includes('江苏'),
    ).id;
    let run = (await org.get(`/api/incentive/runs/${id}`)).body;
    run = (await org.post(`/api/incentive/runs/${id}/propose`, { version: run.version })).body;
    expect(run.state).toBe('proposed');
    const approve = (key: string) =>
      org.post(`/api/incentive/runs/${id}/lists/${key}/approve`, {
        body: '省委、省政府',
        meeting: '省委常委会会议',
        date: '2026-03-10',
        documentNo: '苏委〔2026〕5号',
      });
    const r = await approve('unit_bonus');
    expect(r.status).toBe(409);
    expect(r.body.reason_zh).toContain('按年度综合考核等次核发的奖金数额');
    expect(r.body.reason_zh).toContain('参数设置');
    expect(r.body.reason_zh).not.toMatch(/jiangsu|incentive|bonusByGrade/);
    expect(r.body.reason).toBeTruthy();
    // another list of the run waits too: approving it would end recomputation with the amounts still unset
    const other = run.lists.find((l: { key: string }) => l.key !== 'unit_bonus');
    expect((await approve(other.key)).status).toBe(409);
    const after = (await org.get(`/api/incentive/runs/${id}`)).body;
    expect(after.version).toBe(run.version);
    expect(after.state).toBe('proposed');
    expect(after.lists.every((l: { status: string }) => l.status === 'proposed')).toBe(true);
    // a list with no amounts at all (如东's 物质奖励: the text gives none) is not held: see the 如东 approval below
  });
});

describe('the numbers a 具体办法 sets', () => {
  it('a run started after the jurisdiction set its bonus amounts reads them instead of 未配置', async () => {
    const root = await rootOf('jiangsu');
    const set = await org.post('/api/params', {
      unitId: root,
      key: 'jiangsu.incentive.bonusByGrade',
      value: { 一: 30000, 二: 20000, 三: 10000, 四: 5000 },
      inForceFrom: '2020-01-01',
      document: { title: '江苏省年度综合考核奖金发放办法', number: '苏组发〔2020〕1号', date: '2019-12-20' },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(201);
    const run = (await org.get(`/api/incentive/runs/${(await startRun('jiangsu', 2023)).id}`)).body;
    const bonus = run.lists.find((l: { key: string }) => l.key === 'unit_bonus');
    expect(bonus.entries.length).toBeGreaterThan(0);
    // the cities' and departments' bonuses now have their amounts; the counties' award is another number, still unset
    expect(
      bonus.entries.some((e: { value: unknown }) => typeof e.value === 'number' || /\d/.test(String(e.value))),
    ).toBe(true);
    expect(JSON.stringify(run.gaps)).not.toContain('按年度综合考核等次核发的奖金');
    expect(JSON.stringify(run.gaps)).toContain('先进县');
  });

  it('a run started before the amounts were set reads them when recomputed', async () => {
    const runs = await org.get('/api/incentive/runs');
    const id = runs.body.find(
      (x: { jurisdiction: string; year: number }) => x.year === 2025 && x.jurisdiction.includes('江苏'),
    ).id;
    const before = (await org.get(`/api/incentive/runs/${id}`)).body;
    expect(before.lists.find((l: { key: string }) => l.key === 'unit_bonus').entries[0].value).toBe('未配置');
    const r = await org.post(`/api/incentive/runs/${id}/recompute`, { version: before.version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const bonus = r.body.lists.find((l: { key: string }) => l.key === 'unit_bonus');
    expect(bonus.entries.some((e: { value: unknown }) => /\d/.test(String(e.value)))).toBe(true);
    expect(JSON.stringify(r.body.gaps)).not.toContain('按年度综合考核等次核发的奖金');
  });
});

describe('rudong: workbench, approval, closing and the next year', () => {
  let runId = '';
  let unit = '';
  let pool = 0;

  it('without a set share, 优秀 is refused with the reason', async () => {
    const r = await startRun('rudong', 2024);
    const wb = await liaison.get(`/api/incentive/runs/${r.id}/workbench`);
    expect(wb.status, JSON.stringify(wb.body)).toBe(200);
    expect(wb.body.meter.share).toBeNull();
    const p = await liaison.put(`/api/incentive/runs/${r.id}/grades/${wb.body.cadres[0].cadreId}`, { grade: '优秀' });
    expect(p.status).toBe(400);
    expect(p.body.field).toBe('grade');
    expect(p.body.reason_zh).toContain('未配置');
  });

  it('exactly at the quota is accepted; one over is refused with the count', async () => {
    const r = await org.get('/api/incentive/runs');
    runId = r.body.find(
      (x: { jurisdiction: string; year: number }) => x.year === 2025 && x.jurisdiction.includes('如东'),
    ).id;
    const wb = (await liaison.get(`/api/incentive/runs/${runId}/workbench`)).body;
    unit = wb.unitId;
    pool = wb.meter.pool;
    expect(wb.meter.share).toContain('1/2');
    const places = Math.floor(pool / 2);
    expect(wb.meter.places).toBe(places);
    expect(places).toBeGreaterThan(1);
    const sanctioned = new Set(
      (await srv.store.repo('sanctions').list({ limit: 100_000 }))
        .filter((s) => s.date.startsWith('2025'))
        .map((s) => s.cadreId),
    );
    type Row = { cadreId: string; recordedExcellent: boolean };
    // 优秀 already in the record for the year (imported) take places of the share, each cadre once
    const recorded = wb.cadres.filter((c: Row) => c.recordedExcellent).map((c: Row) => c.cadreId);
    expect(recorded.length).toBeGreaterThan(0);
    expect(recorded.length).toBeLessThan(places);
    expect(wb.meter.excellent).toBe(recorded.length);
    // proposing 优秀 for a cadre the record already holds as 优秀 takes no second place
    const twice = recorded.find((c: string) => !sanctioned.has(c));
    const again = await liaison.put(`/api/incentive/runs/${runId}/grades/${twice}`, { grade: '优秀' });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect((await liaison.get(`/api/incentive/runs/${runId}/workbench`)).body.meter.excellent).toBe(recorded.length);
    const eligible = wb.cadres
      .map((c: Row) => c.cadreId)
      .filter((c: string) => !sanctioned.has(c) && !recorded.includes(c));
    let accepted = recorded.length;
    for (const c of eligible) {
      if (accepted === places) break;
      const p = await liaison.put(`/api/incentive/runs/${runId}/grades/${c}`, { grade: '优秀' });
      if (p.status === 200) accepted++;
      else expect(p.body.reason_zh).not.toContain('超出');
    }
    expect(accepted).toBe(places);
    const next = eligible[places + 5] ?? eligible[eligible.length - 1];
    const over = await liaison.put(`/api/incentive/runs/${runId}/grades/${next}`, { grade: '优秀' });
    expect(over.status).toBe(400);
    expect(over.body.field).toBe('grade');
    expect(over.body.reason_zh).toContain(`名额 ${places} 名`);
    // 称职 is never limited
    expect((await liaison.put(`/api/incentive/runs/${runId}/grades/${next}`, { grade: '称职' })).status).toBe(200);
    const meterNow = (await liaison.get(`/api/incentive/runs/${runId}/workbench`)).body.meter;
    expect(meterNow.excellent).toBe(places);
  });

  it('a cadre sanctioned in the year cannot be graded 优秀', async () => {
    const cadres = (await liaison.get(`/api/incentive/runs/${runId}/workbench`)).body.cadres;
    const c = cadres.find((x: { grade: string | null }) => x.grade === null);
    await srv.store
      .repo('sanctions')
      .insert({ id: 'h8-sanction', cadreId: c.cadreId, date: '2025-05-01', kind: '警告', reason: null });
    const p = await liaison.put(`/api/incentive/runs/${runId}/grades/${c.cadreId}`, { grade: '优秀' });
    expect(p.status).toBe(400);
    expect(p.body.reason_zh).toContain('处分');
  });

  it('a 留党察看 of the year before still bars 优秀, naming the item; a 警告 of the year before does not', async () => {
    const cadres = (await liaison.get(`/api/incentive/runs/${runId}/workbench`)).body.cadres as {
      cadreId: string;
      grade: string | null;
    }[];
    // the quota is full now: a cadre nothing on record bars is refused for the quota (超出), not for a record
    const free: string[] = [];
    for (const c of cadres.filter((x) => x.grade === null)) {
      const p = await liaison.put(`/api/incentive/runs/${runId}/grades/${c.cadreId}`, { grade: '优秀' });
      if (p.status === 400 && String(p.body.reason_zh).includes('超出')) free.push(c.cadreId);
      if (free.length === 2) break;
    }
    expect(free.length).toBe(2);
    const [probation, warning] = free as [string, string];
    const sanctions = srv.store.repo('sanctions');
    const added = [
      await sanctions.insert({
        id: 'probation-2024',
        cadreId: probation,
        date: '2024-03-01',
        kind: '留党察看',
        reason: null,
      }),
      await sanctions.insert({ id: 'warning-2024', cadreId: warning, date: '2024-12-31', kind: '警告', reason: null }),
    ];
    const barred = await liaison.put(`/api/incentive/runs/${runId}/grades/${probation}`, { grade: '优秀' });
    expect(barred.status).toBe(400);
    expect(barred.body.field).toBe('grade');
    expect(barred.body.reason_zh).toBe(
      '2024年3月1日受留党察看处分，依照《关于受党纪处分的党政机关工作人员年度考核有关问题的意见》第四项，' +
        '2025年参加年度考核，只写评语不确定等次，故不得确定为优秀等次',
    );
    const notBarred = await liaison.put(`/api/incentive/runs/${runId}/grades/${warning}`, { grade: '优秀' });
    expect(notBarred.status).toBe(400);
    expect(notBarred.body.reason_zh).toContain('超出');
    // the later steps of this run read the record as it was
    for (const a of added) await sanctions.delete(a.id, a.version);
  });

  it('the organiser accepts grades; a recomputation after them (and a late result) changes the lists', async () => {
    const wb = (await org.get(`/api/incentive/runs/${runId}/workbench?unitId=${unit}`)).body;
    const proposed = wb.cadres.filter((c: { status: string | null }) => c.status === 'proposed');
    expect(proposed.length).toBeGreaterThan(0);
    for (const c of proposed) {
      const r = await org.post(`/api/incentive/runs/${runId}/grades/${c.cadreId}/review`, { decision: 'accept' });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    expect(
      (await liaison.post(`/api/incentive/runs/${runId}/grades/${proposed[0].cadreId}/review`, { decision: 'accept' }))
        .status,
    ).toBe(403);
    // a late result: a cadre with no 2025 result gets one after the run started
    const graded = new Set(
      (await srv.store.repo('cadreAssessments').list({ where: { year: 2025 }, limit: 100_000 }))
        .filter((a) => a.grade !== null)
        .map((a) => a.cadreId),
    );
    const late = wb.cadres.find(
      (c: { cadreId: string; status: string | null }) => c.status === null && !graded.has(c.cadreId),
    );
    expect(late).toBeDefined();
    await srv.store.repo('cadreAssessments').insert({
      id: 'h8-late',
      cadreId: late.cadreId,
      year: 2025,
      grade: '称职',
      votesExcellent: null,
      votesCompetent: null,
      votesBasic: null,
      votesIncompetent: null,
    });
    const acceptedMissing = proposed.filter((c: { cadreId: string }) => !graded.has(c.cadreId)).length;
    const before = (await org.get(`/api/incentive/runs/${runId}`)).body;
    expect(before.completeness.cadresMissingNames).toContain(late.name);
    const r = await org.post(`/api/incentive/runs/${runId}/recompute`, { version: before.version });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const commended = r.body.lists.find((l: { key: string }) => l.key === 'commendations');
    const excellent = proposed
      .filter((c: { grade: string }) => c.grade === '优秀')
      .map((c: { cadreId: string }) => c.cadreId);
    for (const id of excellent) expect(commended.entries.map((e: { subjectId: string }) => e.subjectId)).toContain(id);
    expect(r.body.completeness.cadresMissing).toBe(before.completeness.cadresMissing - 1 - acceptedMissing);
    expect(r.body.completeness.cadresMissingNames).not.toContain(late.name);
  });

  it('approval by a body other than the one the text names is refused; the right body is recorded under either name', async () => {
    let run = (await org.get(`/api/incentive/runs/${runId}`)).body;
    run = (await org.post(`/api/incentive/runs/${runId}/propose`, { version: run.version })).body;
    expect(run.state).toBe('proposed');
    const wrong = await org.post(`/api/incentive/runs/${runId}/lists/commendations/approve`, {
      body: '院党组',
      meeting: '院党组会议',
      date: '2026-03-10',
      documentNo: '东检〔2026〕3号',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.field).toBe('body');
    expect(wrong.body.reason_zh).toContain('县委县政府');
    // the same wrong body under its full name is still the wrong body
    const wrongInFull = await org.post(`/api/incentive/runs/${runId}/lists/commendations/approve`, {
      body: '如东县人民检察院党组',
      meeting: '党组会议',
      date: '2026-03-10',
      documentNo: '东检〔2026〕3号',
    });
    expect(wrongInFull.status).toBe(400);
    expect(wrongInFull.body.field).toBe('body');
    // the 物质奖励 list is the 院党组's: another body is refused whatever its name
    const notTheGroup = await org.post(`/api/incentive/runs/${runId}/lists/material_rewards/approve`, {
      body: '如东县人民检察院政治部',
      meeting: '部务会议',
      date: '2026-03-10',
      documentNo: '东检〔2026〕4号',
    });
    expect(notTheGroup.status).toBe(400);
    expect(notTheGroup.body.reason_zh).toContain('院党组');
    expect((await committee.post(`/api/incentive/runs/${runId}/lists/commendations/approve`, {})).status).toBe(403);
    // the body the text names, recorded under the name the minutes give it (院党组 = 如东县人民检察院党组)
    const fullNames: Record<string, string> = {
      院党组: '如东县人民检察院党组',
      县委县政府: '中共如东县委、如东县人民政府',
    };
    for (const l of run.lists) {
      const r = await org.post(`/api/incentive/runs/${runId}/lists/${l.key}/approve`, {
        body: l.approver ? (fullNames[l.approver] ?? l.approver) : '院党组',
        meeting: l.approver === '县委县政府' ? '县委常委会会议' : '院党组会议',
        date: '2026-03-10',
        documentNo: '东委〔2026〕12号',
      });
      expect(r.status, `${l.key} ${JSON.stringify(r.body)}`).toBe(200);
      run = r.body;
    }
    expect(run.state).toBe('approved');
    // recomputation ends with the first approval
    expect((await org.post(`/api/incentive/runs/${runId}/recompute`, { version: run.version })).status).toBe(409);
  });

  it('the lists and the decision download', async () => {
    const x = await org.get(`/api/incentive/runs/${runId}/lists/commendations/xlsx`);
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body);
    const rows = wb.worksheets[0]!.rowCount;
    expect(rows).toBeGreaterThan(2);
    const d = await org.get(`/api/incentive/runs/${runId}/lists/commendations/docx`);
    expect(d.status).toBe(200);
    expect(d.headers.get('content-type')).toContain('wordprocessingml');
    expect((d.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });

  let commendedIds: string[] = [];
  it('closing writes the honours and grades into the record', async () => {
    let run = (await org.get(`/api/incentive/runs/${runId}`)).body;
    const early = await org.post(`/api/incentive/runs/${runId}/close`, { version: run.version });
    expect(early.status).toBe(409);
    run = (
      await org.post(`/api/incentive/runs/${runId}/confer`, {
        version: run.version,
        date: '2026-03-20',
        documentNo: '东委〔2026〕12号',
      })
    ).body;
    expect(run.state).toBe('conferred');
    const closed = await org.post(`/api/incentive/runs/${runId}/close`, { version: run.version });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.state).toBe('closed');
    // each list says what was done with it, by its kind: commended, conferred, or published for use
    const said = Object.fromEntries(
      closed.body.lists.map((l: { key: string; statusLabel: string }) => [l.key, l.statusLabel]),
    );
    expect(said).toMatchObject({
      commendations: '已嘉奖',
      material_rewards: '已授予',
      priority_promotion: '已公布',
      training_priority: '已公布',
      excellent_quotas: '已公布',
    });
    const commended = closed.body.lists.find((l: { key: string }) => l.key === 'commendations').entries;
    commendedIds = commended.map((e: { subjectId: string }) => e.subjectId);
    const honours = (await srv.store.repo('honors').list({ where: { date: '2026-03-20' }, limit: 10_000 })).filter(
      (h) => h.conferredBy === 'county',
    );
    expect(honours.map((h) => h.subjectId).sort()).toEqual([...commendedIds].sort());
    const grades = await srv.store.repo('cadreAssessments').list({ where: { year: 2025 }, limit: 100_000 });
    const accepted = (await incentiveRunsOf(srv.store).proposals(runId)).filter((p) => p.status === 'accepted');
    for (const p of accepted) expect(grades.find((g) => g.cadreId === p.cadreId)?.grade).toBe(p.grade);
  });

  it('a closed run cannot change, through the API or the store', async () => {
    const run = (await org.get(`/api/incentive/runs/${runId}`)).body;
    for (const [url, body] of [
      [`/api/incentive/runs/${runId}/recompute`, { version: run.version }],
      [`/api/incentive/runs/${runId}/close`, { version: run.version }],
      [
        `/api/incentive/runs/${runId}/lists/commendations/approve`,
        { body: '县委县政府', meeting: '会议', date: '2026-04-01', documentNo: '东委〔2026〕13号' },
      ],
    ] as const) {
      const r = await org.post(url, body);
      expect(r.status, url).toBe(409);
      expect(r.body.reason_zh).toContain('办结');
    }
    const cadre = run.lists[0].entries.find((e: { subjectType: string }) => e.subjectType === 'cadre')?.subjectId;
    expect((await liaison.put(`/api/incentive/runs/${runId}/grades/${cadre}`, { grade: '称职' })).status).toBe(409);
    await expect(incentiveRunsOf(srv.store).replaceLists(runId, [])).rejects.toBeInstanceOf(ClosedRunError);
    await expect(incentiveRunsOf(srv.store).update(runId, run.version, { state: 'computed' })).rejects.toBeInstanceOf(
      ClosedRunError,
    );
    expect((await org.get(`/api/incentive/runs/${runId}`)).body.lists).toEqual(run.lists);
  });

  it("the next year's run reads the honours the closed run wrote", async () => {
    const next = await startRun('rudong', 2026, { params: { 'rudong.incentive.excellentRatio': '1/2' } });
    const priority = next.lists.find((l: { key: string }) => l.key === 'priority_promotion');
    const ids = new Set(priority.entries.map((e: { subjectId: string }) => e.subjectId));
    expect(commendedIds.length).toBeGreaterThan(0);
    for (const id of commendedIds) expect(ids.has(id), id).toBe(true);
    const reasons = priority.entries
      .filter((e: { subjectId: string }) => e.subjectId === commendedIds[0])[0]
      .because.join('');
    expect(reasons).toContain('2026年3月20日');
  });
});

describe('public notice, when configured', () => {
  it('approval waits for the notice period; without configuration there is no notice step', async () => {
    await ensureExcellent('anhui', 2024);
    const run = await startRun('anhui', 2024, { publicNoticeDays: 5 });
    let cur = (await org.post(`/api/incentive/runs/${run.id}/propose`, { version: run.version })).body;
    const key = cur.lists[0].key;
    const approval = { body: '省委', meeting: '省委常委会会议', date: '2026-03-20', documentNo: '皖发〔2026〕1号' };
    expect((await org.post(`/api/incentive/runs/${run.id}/lists/${key}/approve`, approval)).status).toBe(409);
    const short = await org.post(`/api/incentive/runs/${run.id}/lists/${key}/notice`, {
      from: '2026-03-01',
      to: '2026-03-03',
    });
    expect(short.status).toBe(400);
    cur = (
      await org.post(`/api/incentive/runs/${run.id}/lists/${key}/notice`, { from: '2026-03-01', to: '2026-03-05' })
    ).body;
    expect(cur.lists[0].notice).toEqual({ from: '2026-03-01', to: '2026-03-05' });
    expect((await org.post(`/api/incentive/runs/${run.id}/lists/${key}/approve`, approval)).status).toBe(200);
    const plain = (await org.get('/api/incentive/runs')).body.find(
      (x: { jurisdiction: string; year: number }) => x.year === 2025 && x.jurisdiction.includes('江苏'),
    );
    const r = await org.post(`/api/incentive/runs/${plain.id}/lists/unit_bonus/notice`, {
      from: '2026-03-01',
      to: '2026-03-05',
    });
    expect(r.status).toBe(409);
  });
});

describe('who may do what, and bad input', () => {
  it('the cadre, the administrators and nobody logged in are refused; only the organisation department starts a run', async () => {
    const anonymous = (await import('./harness.js')).Client;
    expect((await new anonymous(srv.base).get('/api/incentive/runs')).status).toBe(401);
    for (const u of ['cadre', 'sysadmin', 'auditadmin']) {
      const c = await loggedIn(srv.base, u);
      expect((await c.get('/api/incentive/runs')).status, u).toBe(403);
    }
    const body = { organiserUnitId: await rootOf('jiangsu'), year: 2022 };
    expect((await liaison.post('/api/incentive/runs', body)).status).toBe(403);
    expect((await committee.post('/api/incentive/runs', body)).status).toBe(403);
  });

  it("a unit under the organiser grades its own cadres but does not read the jurisdiction's lists", async () => {
    const city = await loggedIn(srv.base, 'city_org');
    const runs = (await city.get('/api/incentive/runs')).body;
    const province = runs.find(
      (x: { year: number; jurisdiction: string }) => x.year === 2025 && x.jurisdiction.includes('江苏'),
    );
    expect(province.listsVisible).toBe(false);
    expect((await city.get(`/api/incentive/runs/${province.id}`)).status).toBe(404);
    expect((await city.get(`/api/incentive/runs/${province.id}/lists/unit_bonus/xlsx`)).status).toBe(404);
    const wb = await city.get(`/api/incentive/runs/${province.id}/workbench`);
    expect(wb.status).toBe(200);
    expect(wb.body.unit).toBe('南通市');
    expect((await liaison.get(`/api/incentive/runs/${province.id}`)).status).toBe(404);
    expect((await org.get(`/api/incentive/runs/${province.id}`)).status).toBe(200);
  });

  it('a bad year, an unknown parameter or a unit outside the scope is a 400 naming the field, and starts nothing', async () => {
    const root = await rootOf('jiangsu');
    const before = (await org.get('/api/incentive/runs')).body.length;
    const year = await org.post('/api/incentive/runs', { organiserUnitId: root, year: 1800 });
    expect([year.status, year.body.field]).toEqual([400, 'year']);
    const param = await org.post('/api/incentive/runs', { organiserUnitId: root, year: 2022, params: { nonsense: 1 } });
    expect([param.status, param.body.field]).toEqual([400, 'params']);
    const city = await loggedIn(srv.base, 'city_org');
    const outside = await city.post('/api/incentive/runs', { organiserUnitId: await rootOf('shaanxi'), year: 2022 });
    expect([outside.status, outside.body.field]).toEqual([400, 'organiserUnitId']);
    expect((await org.get('/api/incentive/runs')).body.length).toBe(before);
  });
});
