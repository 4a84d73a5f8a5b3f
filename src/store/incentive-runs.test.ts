// The grading workbench's reads (incentive-runs.ts): a unit's cadres with their proposals and recorded grades, and the
// count of a pool against its share, read by index from the unit's subtree. They must agree with the plain reading
// — every proposal of the run, filtered — whatever else the run holds: proposals of other units, returned ones, a
// proposal standing in for the record's grade, and the cadre being graded now.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewRecord } from '../domain/entities.js';
import { incentiveRunsOf, type ProposalRow } from './incentive-runs.js';
import { openStore, type OpenedStore } from './index.js';

const unit = (id: string, parentId: string | null): NewRecord<'units'> => ({
  id,
  name: `单位${id}`,
  kind: 'county',
  parentId,
  pack: null,
});
const cadre = (id: string, managingUnitId: string): NewRecord<'cadres'> => ({
  id,
  name: `干部${id}`,
  gender: null,
  birthDate: null,
  idNumber: null,
  category: '公务员',
  managingUnitId,
});

const RUN = 'run-1';
const OTHER_RUN = 'run-2';
const YEAR = 2025;
// top ── a ── a1
//     └─ b
const UNITS = [unit('top', null), unit('a', 'top'), unit('a1', 'a'), unit('b', 'top')];
const CADRES = [
  cadre('c1', 'a'), // recorded 优秀, no proposal: counts
  cadre('c2', 'a'), // recorded 优秀, proposal 称职 not returned: does not count
  cadre('c3', 'a'), // recorded 优秀, proposal 称职 returned: counts by the record
  cadre('c4', 'a1'), // proposal 优秀: counts
  cadre('c5', 'a1'), // proposal 优秀 returned, recorded 称职: does not count
  cadre('c6', 'a1'), // recorded 优秀 for another year only: does not count
  cadre('c7', 'b'), // outside a: proposal 优秀
  cadre('c8', 'b'), // outside a: recorded 优秀
];
const RECORDED: [string, number, string][] = [
  ['c1', YEAR, '优秀'],
  ['c2', YEAR, '优秀'],
  ['c3', YEAR, '优秀'],
  ['c5', YEAR, '称职'],
  ['c6', YEAR - 1, '优秀'],
  ['c8', YEAR, '优秀'],
];
const PROPOSED: [string, string, ProposalRow['status']][] = [
  ['c2', '称职', 'proposed'],
  ['c3', '称职', 'returned'],
  ['c4', '优秀', 'accepted'],
  ['c5', '优秀', 'returned'],
  ['c7', '优秀', 'proposed'],
];

let dir: string;
let store: OpenedStore;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sx-incentive-runs-'));
  store = await openStore({ dataDir: dir });
  await store.transaction(async (tx) => {
    for (const u of UNITS) await tx.repo('units').insert(u);
    for (const c of CADRES) await tx.repo('cadres').insert(c);
    for (const [c, year, grade] of RECORDED)
      await tx.repo('cadreAssessments').insert({
        id: `ca-${c}-${year}`,
        cadreId: c,
        year,
        grade: grade as '优秀',
        votesExcellent: null,
        votesCompetent: null,
        votesBasic: null,
        votesIncompetent: null,
      });
    const repo = incentiveRunsOf(tx);
    for (const [id, year] of [
      [RUN, YEAR],
      [OTHER_RUN, YEAR - 1],
    ] as const)
      await repo.insert({
        id,
        pack: 'rudong',
        organiserUnitId: 'top',
        year,
        asOf: `${year + 1}-03-01`,
        state: 'computed',
        params: {},
        publicNoticeDays: null,
        gaps: [],
        ties: [],
        completeness: { unitsMissing: [], cadresMissing: [], unitsWithResults: 0, cadresWithResults: 0 },
        quotas: {},
        createdBy: null,
        createdAt: '2026-03-01T00:00:00.000Z',
      });
    const put = (runId: string, c: string, grade: string, status: ProposalRow['status']) =>
      repo.putProposal({
        runId,
        cadreId: c,
        unitId: CADRES.find((x) => x.id === c)!.managingUnitId,
        grade,
        status,
        proposedBy: null,
        proposedAt: '2026-03-02T00:00:00.000Z',
        reviewNote: status === 'returned' ? '退回' : null,
      });
    for (const [c, grade, status] of PROPOSED) await put(RUN, c, grade, status);
    // another run's proposals never count in this one
    await put(OTHER_RUN, 'c1', '称职', 'proposed');
    await put(OTHER_RUN, 'c6', '优秀', 'proposed');
  });
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The plain reading: every proposal of the run, the pool's cadres, counted in JavaScript. */
async function plainCount(root: string, except?: string) {
  const repo = incentiveRunsOf(store);
  const below = new Set([root]);
  for (let size = 0; size !== below.size;) {
    size = below.size;
    for (const u of UNITS) if (u.parentId && below.has(u.parentId)) below.add(u.id);
  }
  const pool = CADRES.filter((c) => below.has(c.managingUnitId)).map((c) => c.id);
  const proposed = new Map(
    (await repo.proposals(RUN)).filter((p) => p.status !== 'returned').map((p) => [p.cadreId, p.grade]),
  );
  const recorded = new Map(RECORDED.filter(([, y]) => y === YEAR).map(([c, , g]) => [c, g]));
  const excellent = pool.filter((c) => c !== except && (proposed.get(c) ?? recorded.get(c)) === '优秀').length;
  return { pool: pool.length, excellent };
}

describe("a pool's count against its share", () => {
  it('counts a proposal not returned instead of the record, the record otherwise, each cadre once', async () => {
    const repo = incentiveRunsOf(store);
    // a: c1 (record), c4 (proposal); not c2 (proposal 称职 replaces the record), c3 counts by the record (returned)
    expect(await repo.excellentCount(RUN, YEAR, 'a')).toEqual({ pool: 6, excellent: 3 });
    expect(await repo.excellentCount(RUN, YEAR, 'a')).toEqual(await plainCount('a'));
    expect(await repo.excellentCount(RUN, YEAR, 'a1')).toEqual({ pool: 3, excellent: 1 });
    expect(await repo.excellentCount(RUN, YEAR, 'top')).toEqual({ pool: 8, excellent: 5 });
    expect(await repo.excellentCount(RUN, YEAR, 'top')).toEqual(await plainCount('top'));
  });

  it('leaves out the cadre being graded now, who stays in the pool', async () => {
    const repo = incentiveRunsOf(store);
    expect(await repo.excellentCount(RUN, YEAR, 'a', 'c4')).toEqual({ pool: 6, excellent: 2 });
    expect(await repo.excellentCount(RUN, YEAR, 'a', 'c4')).toEqual(await plainCount('a', 'c4'));
    // a cadre not counted anyway changes nothing
    expect(await repo.excellentCount(RUN, YEAR, 'a', 'c2')).toEqual({ pool: 6, excellent: 3 });
  });

  it('a unit without cadres has an empty pool', async () => {
    await store.repo('units').insert(unit('empty', 'top'));
    expect(await incentiveRunsOf(store).excellentCount(RUN, YEAR, 'empty')).toEqual({ pool: 0, excellent: 0 });
  });
});

describe("a unit's workbench rows", () => {
  it("are the subtree's cadres in id order with this run's proposals and the year's recorded grade", async () => {
    const repo = incentiveRunsOf(store);
    const rows = await repo.gradingRows(RUN, YEAR, 'a');
    expect(rows.map((r) => r.cadreId)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    const all = await repo.proposals(RUN);
    expect(rows.flatMap((r) => (r.proposal ? [r.proposal] : []))).toEqual(
      all.filter((p) => ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].includes(p.cadreId)),
    );
    expect(rows.map((r) => r.recorded)).toEqual(['优秀', '优秀', '优秀', null, '称职', null]);
    expect((await repo.gradingRows(RUN, YEAR, 'b')).map((r) => [r.cadreId, r.proposal?.grade ?? null])).toEqual([
      ['c7', '优秀'],
      ['c8', null],
    ]);
  });

  it('one proposal by its key, and none for a cadre without one', async () => {
    const repo = incentiveRunsOf(store);
    expect((await repo.proposal(RUN, 'c5'))?.status).toBe('returned');
    expect(await repo.proposal(RUN, 'c1')).toBeUndefined();
    expect((await repo.proposal(OTHER_RUN, 'c1'))?.grade).toBe('称职');
  });
});
