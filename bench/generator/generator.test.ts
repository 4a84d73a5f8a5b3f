import { createHash } from 'node:crypto';
import { checkDeterminationClause } from '../../src/packs/determination-clauses.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../../src/domain/entities.js';
import { openStore } from '../../src/store/index.js';
import { emptyBatch, type Batch } from './model.js';
import { emptySummary, generateRecord, writeRecord, type GenerateOptions, type GenerateSummary } from './index.js';

function collect(opts: GenerateOptions): { rows: Batch; summary: GenerateSummary; batches: number[] } {
  const summary = emptySummary(opts);
  const rows = emptyBatch();
  const batches: number[] = [];
  for (const b of generateRecord(opts, summary)) {
    let n = 0;
    for (const k of RECORD_KINDS) {
      (rows[k] as unknown[]).push(...b.rows[k]);
      n += b.rows[k].length;
    }
    batches.push(n);
  }
  return { rows, summary, batches };
}

function digest(rows: Batch): string {
  const h = createHash('sha256');
  for (const k of RECORD_KINDS) for (const r of rows[k]) h.update(JSON.stringify(r));
  return h.digest('hex');
}

const DEMO = collect({ cadres: 5000, seed: 11 });
const { rows } = DEMO;

describe('determinism', () => {
  it('the same seed gives the same rows, however the work is batched', () => {
    const again = collect({ cadres: 5000, seed: 11, batchRows: 3000 });
    expect(digest(again.rows)).toBe(digest(rows));
  });

  it('another seed gives another record of the same size', () => {
    const other = collect({ cadres: 5000, seed: 12 });
    expect(digest(other.rows)).not.toBe(digest(rows));
    expect(other.rows.cadres).toHaveLength(5000);
    expect(other.rows.units).toHaveLength(rows.units.length);
  });
});

describe('size and batching', () => {
  it('generates exactly the number of cadres asked for, small or large', () => {
    for (const n of [1, 37, 800, 5000]) expect(collect({ cadres: n, seed: 3 }).rows.cadres).toHaveLength(n);
  });

  it('a record smaller than the leadership posts still has its principals first', () => {
    const tiny = collect({ cadres: 300, seed: 3 });
    const unitName = new Map(tiny.rows.units.map((u) => [u.id, u.name]));
    const current = tiny.rows.posts.filter(
      (p) => p.endDate === null && !unitName.get(p.unitId)!.startsWith('如东县人民检察院'),
    );
    expect(current.every((p) => p.role === 'principal')).toBe(true);
    expect(tiny.summary.packs.rudong.cadres).toBeGreaterThan(50);
    expect(tiny.summary.unplaced.length).toBeGreaterThan(0);
  });

  it('never holds more than one batch of rows (plus one cadre’s)', () => {
    const r = collect({ cadres: 3000, seed: 5, batchRows: 2000 });
    expect(Math.max(...r.batches.slice(3))).toBeLessThan(2000 + 100);
  });

  it('grows the unit tree with the record (one unit per 50 cadres beyond the core)', () => {
    const summary = emptySummary({ cadres: 60_000 });
    const gen = generateRecord({ cadres: 60_000, seed: 1 }, summary);
    let units = 0;
    for (const b of gen) {
      units += b.rows.units.length;
      if (b.progress.phase !== 'units') break;
    }
    expect(units).toBe(1200);
  });
});

describe('tree integrity', () => {
  const byId = new Map(rows.units.map((u) => [u.id, u]));

  it('every parent exists and comes before its children; the roots are the four jurisdictions', () => {
    const seen = new Set<string>();
    for (const u of rows.units) {
      if (u.parentId !== null) expect(seen.has(u.parentId)).toBe(true);
      seen.add(u.id);
    }
    expect(seen.size).toBe(rows.units.length);
    const roots = rows.units.filter((u) => u.parentId === null);
    expect(roots.map((u) => [u.name, u.pack])).toEqual([
      ['江苏省', 'jiangsu'],
      ['陕西省', 'shaanxi'],
      ['安徽省', 'anhui'],
      ['焦作市', 'jiaozuo'],
    ]);
  });

  it('如东县人民检察院 sits under 如东县 in 南通市 in 江苏省, bound to rudong, with its 内设机构', () => {
    const proc = rows.units.find((u) => u.name === '如东县人民检察院')!;
    expect(proc).toMatchObject({ kind: 'procuratorate', pack: 'rudong' });
    const county = byId.get(proc.parentId!)!;
    const city = byId.get(county.parentId!)!;
    expect([county.name, county.kind, city.name, city.kind, byId.get(city.parentId!)!.name]).toEqual([
      '如东县',
      'county',
      '南通市',
      'city',
      '江苏省',
    ]);
    const internal = rows.units.filter((u) => u.parentId === proc.id);
    expect(internal.length).toBeGreaterThanOrEqual(8);
    expect(internal.every((u) => u.kind === 'internal_dept')).toBe(true);
  });

  it('every reference points at a unit or cadre in the record; each cadre holds exactly one current post', () => {
    const cadres = new Set(rows.cadres.map((c) => c.id));
    expect(rows.cadres.filter((c) => !byId.has(c.managingUnitId))).toEqual([]);
    const current = new Map<string, number>();
    const badPosts = rows.posts.filter(
      (p) => !cadres.has(p.cadreId) || !byId.has(p.unitId) || (p.endDate !== null && p.endDate < p.startDate),
    );
    expect(badPosts).toEqual([]);
    for (const p of rows.posts) if (p.endDate === null) current.set(p.cadreId, (current.get(p.cadreId) ?? 0) + 1);
    expect([...cadres].filter((id) => current.get(id) !== 1)).toEqual([]);
    for (const k of ['cadreAssessments', 'regularAssessments', 'sanctions', 'accountability', 'adjustments'] as const)
      expect(rows[k].filter((r) => !cadres.has(r.cadreId))).toEqual([]);
    expect(
      [...rows.honors, ...rows.determinations].filter((r) =>
        r.subjectType === 'unit' ? !byId.has(r.subjectId) : !cadres.has(r.subjectId),
      ),
    ).toEqual([]);
    for (const k of RECORD_KINDS) expect(new Set(rows[k].map((r) => r.id)).size).toBe(rows[k].length);
    // every determination could be entered by hand: its clause names one article and its kind fits it
    expect(
      rows.determinations.flatMap((d) =>
        checkDeterminationClause(d.clause, d.kind).map((p) => `${d.clause} ${d.kind}: ${p.reason}`),
      ),
    ).toEqual([]);
  });

  it('one annual assessment per cadre and year, one unit assessment per unit, scheme and year', () => {
    expect(new Set(rows.cadreAssessments.map((a) => `${a.cadreId}/${a.year}`)).size).toBe(rows.cadreAssessments.length);
    expect(new Set(rows.unitAssessments.map((a) => `${a.unitId}/${a.scheme}/${a.year}`)).size).toBe(
      rows.unitAssessments.length,
    );
  });
});

describe('every pack present', () => {
  it('units and cadres in all five jurisdictions', () => {
    for (const p of ['jiangsu', 'shaanxi', 'rudong', 'anhui', 'jiaozuo'] as const) {
      expect(DEMO.summary.packs[p].units).toBeGreaterThan(0);
      expect(DEMO.summary.packs[p].cadres).toBeGreaterThan(0);
    }
  });

  it('the procuratorate employs 聘用制书记员 and 劳务派遣 staff; every category appears', () => {
    const cats = new Set(rows.cadres.map((c) => c.category));
    expect([...cats].sort()).toEqual(['事业', '公务员', '劳务派遣', '参公', '国企', '聘用制书记员'].sort());
  });

  it('every scheme the packs read is assessed for five years', () => {
    const schemes = new Map<string, Set<number>>();
    for (const a of rows.unitAssessments)
      (schemes.get(a.scheme) ?? schemes.set(a.scheme, new Set()).get(a.scheme)!).add(a.year);
    for (const s of [
      'comprehensive',
      'target',
      'county_monitoring',
      'agriculture',
      'industry',
      'ecology',
      'poverty',
      'performance',
      'national_ranking',
    ])
      expect([...(schemes.get(s) ?? [])].sort()).toEqual([2021, 2022, 2023, 2024, 2025]);
  });

  it('incidents of every category and severity, sanctions of every kind, every adjustment method', () => {
    const cs = new Set(rows.incidents.map((i) => `${i.category}:${i.severity}`));
    for (const c of ['production_safety', 'mass_incident', 'public_security', 'environment'])
      for (const s of ['一般', '较大', '重大', '特别重大'])
        if (c !== 'environment' || s !== '特别重大') expect(cs).toContain(`${c}:${s}`);
    for (const s of ['四级', '三级', '二级']) expect(cs).toContain(`food_drug:${s}`);
    expect(new Set(rows.sanctions.map((s) => s.kind)).size).toBe(9);
    expect(new Set(rows.adjustments.map((a) => a.method)).size).toBe(6);
    expect(new Set(rows.accountability.map((a) => a.kind)).size).toBe(5);
  });
});

describe('votes', () => {
  it('every count is a whole number ≥ 0 and the four add up to a plausible electorate', () => {
    const bad = rows.cadreAssessments.filter((a) => {
      const v = [a.votesExcellent, a.votesCompetent, a.votesBasic, a.votesIncompetent] as number[];
      const total = v.reduce((s, x) => s + x, 0);
      return !v.every((x) => Number.isInteger(x) && x >= 0) || total < 15 || total > 300;
    });
    expect(bad).toEqual([]);
    expect(rows.cadreAssessments.length).toBeGreaterThan(20_000);
  });

  it('few 不称职, some 基本称职, about a sixth 优秀', () => {
    const n = rows.cadreAssessments.length;
    const share = (g: string) => rows.cadreAssessments.filter((a) => a.grade === g).length / n;
    expect(share('不称职')).toBeLessThan(0.01);
    expect(share('基本称职')).toBeGreaterThan(0.005);
    expect(share('基本称职')).toBeLessThan(0.05);
    expect(share('优秀')).toBeGreaterThan(0.1);
    expect(share('优秀')).toBeLessThan(0.25);
  });
});

describe('consecutive-year and threshold cases', () => {
  const grades = new Map<string, Map<number, string>>();
  for (const a of rows.cadreAssessments)
    (grades.get(a.cadreId) ?? grades.set(a.cadreId, new Map()).get(a.cadreId)!).set(a.year, a.grade!);
  const someone = (f: (g: Map<number, string>) => boolean) => [...grades.values()].filter(f).length;

  it('runs of 基本称职 in consecutive years, and runs broken by a gap', () => {
    expect(someone((g) => g.get(2024) === '基本称职' && g.get(2025) === '基本称职')).toBeGreaterThan(0);
    expect(
      someone((g) => g.get(2023) === '基本称职' && g.get(2024) === '称职' && g.get(2025) === '基本称职'),
    ).toBeGreaterThan(0);
    expect(someone((g) => [2023, 2024, 2025].every((y) => g.get(y) === '优秀'))).toBeGreaterThan(0);
    expect(
      someone((g) => g.get(2023) === '称职' && [2021, 2022, 2024, 2025].every((y) => g.get(y) === '优秀')),
    ).toBeGreaterThan(0);
  });

  it('不称职 votes at exactly one third and just over; 基本称职+不称职 at exactly 30% and around it', () => {
    const rate = (a: (typeof rows.cadreAssessments)[number], parts: number[]) => {
      const total = a.votesExcellent! + a.votesCompetent! + a.votesBasic! + a.votesIncompetent!;
      return [parts.reduce((s, x) => s + x, 0), total] as const;
    };
    const thirds = rows.cadreAssessments.map((a) => rate(a, [a.votesIncompetent!]));
    expect(thirds.some(([x, t]) => 3 * x === t)).toBe(true);
    expect(thirds.some(([x, t]) => 3 * x > t && 3 * x - t <= 3 && a_grade_is_not_incompetent(x, t))).toBe(true);
    const thirty = rows.cadreAssessments.map((a) => rate(a, [a.votesBasic!, a.votesIncompetent!]));
    expect(thirty.some(([x, t]) => 10 * x === 3 * t)).toBe(true);
    expect(thirty.some(([x, t]) => 10 * x < 3 * t && 10 * x >= 2.8 * t)).toBe(true);
  });

  it('units at the bottom two years running (江苏 第四等次, 陕西 一般/较差) and at the top three years running', () => {
    const series = (scheme: string, grade: string) => {
      const by = new Map<string, Set<number>>();
      for (const a of rows.unitAssessments)
        if (a.scheme === scheme && a.grade === grade)
          (by.get(a.unitId) ?? by.set(a.unitId, new Set()).get(a.unitId)!).add(a.year);
      return [...by.values()];
    };
    expect(series('comprehensive', '四').some((ys) => ys.has(2024) && ys.has(2025))).toBe(true);
    expect(series('comprehensive', '一').some((ys) => ys.has(2023) && ys.has(2024) && ys.has(2025))).toBe(true);
    expect(series('target', '较差').some((ys) => ys.has(2025))).toBe(true);
    expect(series('target', '优秀').some((ys) => ys.has(2023) && ys.has(2024) && ys.has(2025))).toBe(true);
    expect(series('performance', '好').some((ys) => ys.has(2023) && ys.has(2024) && ys.has(2025))).toBe(true);
    expect(series('poverty', '差').length).toBeGreaterThan(0);
  });

  it('two serious incidents 11 months apart in one unit and 13 months apart in another; an adjustment on 29 February', () => {
    const byUnit = new Map<string, string[]>();
    for (const i of rows.incidents)
      if (i.category === 'production_safety' && i.severity === '重大')
        (byUnit.get(i.unitId) ?? byUnit.set(i.unitId, []).get(i.unitId)!).push(i.date);
    const pairs = [...byUnit.values()].map((d) => d.sort().join(' '));
    expect(pairs).toContain('2025-02-10 2026-01-10');
    expect(pairs).toContain('2024-12-10 2026-01-10');
    expect(rows.adjustments.some((a) => a.date === '2024-02-29' && a.method === '降职')).toBe(true);
  });
});

function a_grade_is_not_incompetent(x: number, t: number): boolean {
  // the planted 21/60 and 34/100 cases carry 基本称职: the vote rule and the grade rule are separately exercised
  return (x === 21 && t === 60) || (x === 34 && t === 100);
}

describe('writing into the store', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sanxiang-gen-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('streams into SQLite in transactions; stats shows units and cadres for all five packs', async () => {
    const store = await openStore({ dataDir: dir });
    try {
      const summary = await writeRecord(store, { cadres: 1200, seed: 2, batchRows: 4000 });
      expect(await store.repo('cadres').count()).toBe(1200);
      expect(await store.repo('cadreAssessments').count()).toBe(summary.rows.cadreAssessments);
      const stats = await store.stats();
      for (const p of ['jiangsu', 'shaanxi', 'rudong', 'anhui', 'jiaozuo']) {
        expect(stats[p]!.units).toBeGreaterThan(0);
        expect(stats[p]!.cadres).toBeGreaterThan(0);
      }
    } finally {
      await store.close();
    }
  });
});

describe('a plausible person behind every record', () => {
  /** whole years from `from` to `to`, by the calendar (a birthday counts on its day) */
  const years = (from: string, to: string) =>
    Number(to.slice(0, 4)) - Number(from.slice(0, 4)) - (to.slice(5) < from.slice(5) ? 1 : 0);
  const firstPost = new Map<string, string>();
  for (const p of rows.posts)
    if (!firstPost.has(p.cadreId) || p.startDate < firstPost.get(p.cadreId)!) firstPost.set(p.cadreId, p.startDate);

  it('everyone has the 任免审批表 entries, and 参加工作 follows schooling and comes before the first post', () => {
    const bad = rows.cadres.filter((c) => {
      const first = firstPost.get(c.id)!;
      return (
        !c.ethnicity ||
        !c.nativePlace ||
        !c.birthPlace ||
        !c.education ||
        !c.workStartDate ||
        years(c.birthDate!, c.workStartDate) < 21 ||
        c.workStartDate > first
      );
    });
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('no one is appointed before 18 or joins the party before 18, and no date lies in the future', () => {
    const young = rows.posts.filter((p) => {
      const c = rows.cadres.find((x) => x.id === p.cadreId)!;
      return years(c.birthDate!, p.startDate) < 18;
    });
    expect(young.slice(0, 5)).toEqual([]);
    const party = rows.cadres.filter(
      (c) => c.partyJoinDate && (years(c.birthDate!, c.partyJoinDate) < 18 || c.partyJoinDate > '2026-12-31'),
    );
    expect(party.slice(0, 5)).toEqual([]);
    // leaders are party members
    const leaders = new Set(rows.posts.filter((p) => !p.endDate && p.role === 'principal').map((p) => p.cadreId));
    expect(rows.cadres.filter((c) => leaders.has(c.id) && !c.partyJoinDate).map((c) => c.id)).toEqual([]);
  });

  it('a level is held only after the years of work it takes (副处 after 8, 正厅 after 17)', () => {
    const cadre = new Map(rows.cadres.map((c) => [c.id, c]));
    const need: Record<string, number> = { 副处: 8, 正处: 11, 副厅: 14, 正厅: 17, 副部: 20, 正部: 23 };
    const bad = rows.posts.filter((p) => {
      const n = need[p.level];
      return n !== undefined && years(cadre.get(p.cadreId)!.workStartDate!, p.startDate) < n;
    });
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it('categories fit the unit: state-enterprise staff only in development zones', () => {
    const unit = new Map(rows.units.map((u) => [u.id, u]));
    const misplaced = rows.cadres.filter(
      (c) => c.category === '国企' && unit.get(c.managingUnitId)!.kind !== 'dev_zone',
    );
    expect(misplaced).toEqual([]);
  });
});
