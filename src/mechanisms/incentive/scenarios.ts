// Run scenarios (`procedure: incentive`, DESIGN §4b): a YAML file that takes one annual incentive run (PROCEDURES §7.3)
// through its steps on a fresh record — start, unit grading, late results, recomputation, ties, proposal, approval,
// conferral, closing — and checks the lists, ties, gaps, completeness, shares and what closing wrote into the record.
// Run through the same IncentiveRunService the server uses; the roles each step needs are the API's (routes/
// incentive.ts). Format: docs/PROCEDURE-SCENARIOS.md, “Annual incentive runs”.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Facts } from '../../domain/facts.js';
import { packRegistry } from '../../packs/index.js';
import { parseScenario, ScenarioError } from '../../policy/scenario.js';
import { ClosedRunError, incentiveRunsOf, StaleRunError, type RunRow } from '../../store/incentive-runs.js';
import { openStore } from '../../store/index.js';
import type { RecordStore } from '../../store/types.js';
import { IncentiveRunService, RunInputError, RunStepError } from './run.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD (a YYYY-MM-DD date)');
const as = z.strictObject({ role: z.string().min(1), unit: z.string().optional() });
const ACTIONS = [
  'start',
  'grade',
  'review',
  'record',
  'recompute',
  'decide_tie',
  'propose',
  'notice',
  'approve',
  'confer',
  'close',
] as const;

const stepSchema = z.strictObject({
  on: date,
  as,
  do: z.enum(ACTIONS),
  with: z.record(z.string(), z.unknown()).default({}),
  refused: z.boolean().default(false),
  /** words the refusal must contain (a refused step only) */
  because: z.string().optional(),
});

const listExpect = z.strictObject({
  key: z.string().min(1),
  /** the subjects entered by the rules (ties left out), as an exact set */
  entries: z.array(z.string()).optional(),
  /** the subjects tied at a cut-off, as an exact set */
  ties: z.array(z.string()).optional(),
  values: z.array(z.strictObject({ subject: z.string(), value: z.unknown() })).default([]),
  status: z.string().optional(),
});

export const runScenarioSchema = z.strictObject({
  name: z.string().min(1),
  pack: z.enum(['jiangsu', 'shaanxi', 'rudong', 'anhui', 'jiaozuo']),
  procedure: z.literal('incentive'),
  /** the assessment year of the run */
  year: z.number().int(),
  /** the article(s) the expected values are worked out from */
  article: z.string().min(1),
  facts: z.record(z.string(), z.unknown()).default({}),
  steps: z.array(stepSchema).min(1),
  expect: z
    .strictObject({
      state: z.string().optional(),
      lists: z.array(listExpect).default([]),
      /** lists the run must not hold */
      absent: z.array(z.string()).default([]),
      /** each must be contained in one of the run's gaps */
      gaps: z.array(z.string()).default([]),
      noGaps: z.array(z.string()).default([]),
      cadresMissing: z.array(z.string()).optional(),
      quotas: z.record(z.string(), z.string()).optional(),
      /** honours in the record afterwards */
      honours: z.array(z.strictObject({ subject: z.string(), title: z.string() })).default([]),
      /** annual grades in the record afterwards */
      grades: z.array(z.strictObject({ cadre: z.string(), year: z.number(), grade: z.string() })).default([]),
      /** unit grades in the record afterwards */
      unitGrades: z
        .array(z.strictObject({ unit: z.string(), year: z.number(), scheme: z.string(), grade: z.string() }))
        .default([]),
    })
    .default({ lists: [], absent: [], gaps: [], noGaps: [], honours: [], grades: [], unitGrades: [] }),
});

export type RunScenario = z.infer<typeof runScenarioSchema> & { record: Facts; file: string };

export class RunScenarioError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

function pathText(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s || '(root)';
}

/** Validates a parsed YAML document as a run scenario. */
export function parseRunScenario(raw: unknown, file: string): RunScenario {
  const r = runScenarioSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new RunScenarioError(pathText(issue.path), issue.message);
  }
  let facts: Facts;
  try {
    facts = parseScenario({
      name: r.data.name,
      pack: r.data.pack,
      asOf: r.data.steps[0]!.on,
      facts: r.data.facts,
    }).facts;
  } catch (e) {
    if (e instanceof ScenarioError) throw new RunScenarioError(e.field, e.reason);
    throw e;
  }
  if (r.data.steps[0]!.do !== 'start') throw new RunScenarioError('steps[0].do', '第一步须为 start (start the run)');
  return { ...r.data, record: facts, file };
}

/**
 * A procedure scenario file that is a run scenario (`procedure: incentive`), validated; null for any other procedure
 * (a case scenario, read by the case runner).
 */
export function readRunScenario(file: string): RunScenario | null {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'), { schema: 'core' });
  } catch {
    return null; // the case runner reports the malformed YAML
  }
  if (typeof raw !== 'object' || raw === null || (raw as { procedure?: unknown }).procedure !== 'incentive')
    return null;
  return parseRunScenario(raw, file);
}

/** The scenario's facts written into a fresh record through the store (derived tables kept in step). */
async function loadRecord(store: RecordStore, pack: string, f: Facts): Promise<void> {
  await store.transaction(async (tx) => {
    const done = new Set<string>();
    const pending = [...f.units];
    while (pending.length) {
      const i = pending.findIndex((u) => u.parent === undefined || done.has(u.parent));
      if (i < 0) throw new Error('units form a cycle');
      const u = pending.splice(i, 1)[0]!;
      await tx.repo('units').insert({
        id: u.id,
        name: u.name,
        kind: u.kind,
        parentId: u.parent ?? null,
        pack: (u.pack ?? (u.parent === undefined ? pack : null)) as never,
      });
      done.add(u.id);
    }
    for (const c of f.cadres) {
      await tx.repo('cadres').insert({
        id: c.id,
        name: c.name,
        gender: null,
        birthDate: null,
        idNumber: null,
        category: c.category ?? '公务员',
        managingUnitId: c.unit,
      });
      // the post the rules read (班子 roles, 中层); a staff member holds none
      if (c.post !== 'staff')
        await tx.repo('posts').insert({
          id: `post-${c.id}`,
          cadreId: c.id,
          unitId: c.unit,
          role: c.post,
          title: c.post,
          partySecretary: c.partySecretary ?? false,
          inCharge: c.inCharge ?? [],
          level: c.level ?? '正处',
          startDate: '2000-01-01',
          endDate: null,
          reason: null,
        });
    }
    await writeResults(tx, f);
    let n = 0;
    for (const s of f.sanctions)
      await tx.repo('sanctions').insert({ id: `s${++n}`, cadreId: s.cadre, date: s.date, kind: s.kind, reason: null });
    for (const a of f.adjustments)
      await tx
        .repo('adjustments')
        .insert({ id: `a${++n}`, cadreId: a.cadre, date: a.date, method: a.method, ruleId: null, reason: null });
    for (const h of f.honors)
      await tx.repo('honors').insert({
        id: `h${++n}`,
        subjectType: f.units.some((u) => u.id === h.subject) ? 'unit' : 'cadre',
        subjectId: h.subject,
        date: h.date,
        conferredBy: h.conferredBy,
        title: h.title,
        award: h.award ?? null,
      });
  });
}

/** Assessment results (the start's facts, or a late result): a result of the same unit/cadre and year is replaced. */
async function writeResults(tx: RecordStore, f: Pick<Facts, 'unitAssessments' | 'cadreAssessments'>): Promise<void> {
  for (const a of f.unitAssessments) {
    const [old] = await tx
      .repo('unitAssessments')
      .list({ where: { unitId: a.unit, year: a.year, scheme: a.scheme }, limit: 1 });
    const row = { grade: a.grade ?? null, score: a.score ?? null, rank: a.rank ?? null };
    if (old) await tx.repo('unitAssessments').update(old.id, old.version, row);
    else
      await tx
        .repo('unitAssessments')
        .insert({ id: `ua-${a.unit}-${a.year}-${a.scheme}`, unitId: a.unit, year: a.year, scheme: a.scheme, ...row });
  }
  for (const a of f.cadreAssessments) {
    const [old] = await tx.repo('cadreAssessments').list({ where: { cadreId: a.cadre, year: a.year }, limit: 1 });
    const row = {
      grade: (a.grade ?? null) as never,
      votesExcellent: a.votes?.excellent ?? null,
      votesCompetent: a.votes?.competent ?? null,
      votesBasic: a.votes?.basic ?? null,
      votesIncompetent: a.votes?.incompetent ?? null,
    };
    if (old) await tx.repo('cadreAssessments').update(old.id, old.version, row);
    else
      await tx
        .repo('cadreAssessments')
        .insert({ id: `ca-${a.cadre}-${a.year}`, cadreId: a.cadre, year: a.year, ...row });
  }
}

/** The roles the API lets take each step (routes/incentive.ts): the organisation department runs the year. */
const ROLES: Record<(typeof ACTIONS)[number], readonly string[]> = {
  start: ['org_officer'],
  grade: ['unit_liaison', 'org_officer'],
  review: ['org_officer'],
  record: ['org_officer'],
  recompute: ['org_officer'],
  decide_tie: ['org_officer'],
  propose: ['org_officer'],
  notice: ['org_officer'],
  approve: ['org_officer'],
  confer: ['org_officer'],
  close: ['org_officer'],
};

class Refused extends Error {}

const str = (v: unknown, field: string): string => {
  if (typeof v !== 'string' || !v.trim()) throw new RunScenarioError(`with.${field}`, '缺少 (required text)');
  return v;
};

/** Runs one scenario on a fresh SQLite record; returns the failures (empty when it passes). */
export async function runRunScenario(s: RunScenario): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sanxiang-run-'));
  const store = await openStore({ dataDir: dir });
  const failures: string[] = [];
  let today = s.steps[0]!.on;
  const service = new IncentiveRunService(store, packRegistry(), () => new Date(`${today}T09:00:00Z`));
  const units = new Map(s.record.units.map((u) => [u.id, u]));
  /** a unit the account is bound to reaches itself and everything below it */
  const reaches = (bound: string | undefined, unit: string): boolean => {
    if (bound === undefined) return true;
    for (let u = units.get(unit); u; u = u.parent ? units.get(u.parent) : undefined) if (u.id === bound) return true;
    return false;
  };
  try {
    await loadRecord(store, s.pack, s.record);
    let run: RunRow | undefined;
    const current = async () => (await incentiveRunsOf(store).get(run!.id))!;
    const seqOf = async (list: string, subject: string) => {
      const e = (await incentiveRunsOf(store).entries(run!.id, list)).find((x) => x.subjectId === subject && x.tie);
      if (!e) throw new Refused(`${subject} 不是名单 ${list} 上并列待定的条目 (not a tied entry)`);
      return e.seq;
    };
    for (const [i, st] of s.steps.entries()) {
      today = st.on;
      const at = `steps[${i}] ${st.do}`;
      const w = st.with;
      const actor = { userId: `${st.as.role}@${st.as.unit ?? 'all'}` };
      try {
        if (!ROLES[st.do].includes(st.as.role)) throw new Refused(`${st.as.role} 不能办理 ${st.do} (role not allowed)`);
        if (st.do !== 'start' && !run) throw new RunScenarioError(at, '年度工作尚未开始 (no run started)');
        switch (st.do) {
          case 'start': {
            const organiser = str(w.organiser, 'organiser');
            if (!reaches(st.as.unit, organiser)) throw new Refused('组织实施单位不在管理范围内 (outside scope)');
            run = await service.create(
              {
                organiserUnitId: organiser,
                year: s.year,
                ...(typeof w.asOf === 'string' ? { asOf: w.asOf } : {}),
                ...(w.params ? { params: w.params as Record<string, unknown> } : {}),
                ...(typeof w.publicNoticeDays === 'number' ? { publicNoticeDays: w.publicNoticeDays } : {}),
              },
              actor,
            );
            break;
          }
          case 'grade': {
            const cadre = s.record.cadres.find((c) => c.id === w.cadre);
            if (!cadre) throw new RunScenarioError(`${at}.with.cadre`, '引用不存在 (unknown cadre)');
            if (!reaches(st.as.unit, cadre.unit)) throw new Refused('干部不在您的管理范围内 (outside scope)');
            await service.proposeGrade(run!.id, cadre.id, str(w.grade, 'grade'), actor);
            break;
          }
          case 'review':
            await service.review(
              run!.id,
              str(w.cadre, 'cadre'),
              w.decision === 'return' ? 'return' : 'accept',
              typeof w.note === 'string' ? w.note : '',
              actor,
            );
            break;
          case 'record': {
            // a result that arrives after the run started (a late result), written into the record
            const late = parseScenario({
              name: s.name,
              pack: s.pack,
              asOf: st.on,
              facts: { units: s.record.units, cadres: s.record.cadres, ...w },
            }).facts;
            await store.transaction((tx) => writeResults(tx, late));
            break;
          }
          case 'recompute':
            await service.recompute(run!.id, (await current()).version, actor);
            break;
          case 'decide_tie': {
            const list = str(w.list, 'list');
            await service.decideTie(
              run!.id,
              (await current()).version,
              list,
              await seqOf(list, str(w.subject, 'subject')),
              w.decision === 'exclude' ? 'exclude' : 'include',
              typeof w.reason === 'string' ? w.reason : '',
              actor,
            );
            break;
          }
          case 'propose':
            await service.propose(run!.id, (await current()).version, actor);
            break;
          case 'notice':
            await service.notice(run!.id, str(w.list, 'list'), str(w.from, 'from'), str(w.to, 'to'), actor);
            break;
          case 'approve':
            await service.approve(
              run!.id,
              str(w.list, 'list'),
              {
                body: str(w.body, 'body'),
                meeting: str(w.meeting, 'meeting'),
                date: str(w.date, 'date'),
                documentNo: str(w.documentNo, 'documentNo'),
              },
              actor,
            );
            break;
          case 'confer':
            await service.confer(
              run!.id,
              (await current()).version,
              str(w.date, 'date'),
              str(w.documentNo, 'documentNo'),
              actor,
            );
            break;
          case 'close':
            await service.close(run!.id, (await current()).version, actor);
            break;
        }
        if (st.refused) failures.push(`${at}: expected refused; it was taken`);
      } catch (e) {
        const refusal =
          e instanceof Refused ||
          e instanceof RunInputError ||
          e instanceof RunStepError ||
          e instanceof ClosedRunError ||
          e instanceof StaleRunError;
        if (!refusal) throw e;
        if (!st.refused) failures.push(`${at}: refused: ${(e as Error).message}`);
        else if (st.because && !(e as Error).message.includes(st.because))
          failures.push(`${at}: refused, but not because of “${st.because}”: ${(e as Error).message}`);
      }
    }
    if (!run) return [...failures, 'no run was started'];
    failures.push(...(await check(s, store, await current())));
    return failures;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  JSON.stringify([...new Set(a)].sort()) === JSON.stringify([...new Set(b)].sort());

async function check(s: RunScenario, store: RecordStore, run: RunRow): Promise<string[]> {
  const out: string[] = [];
  const x = s.expect;
  const repo = incentiveRunsOf(store);
  if (x.state !== undefined && run.state !== x.state) out.push(`expected state ${x.state}; got ${run.state}`);
  const lists = await repo.lists(run.id);
  const entries = await repo.entries(run.id);
  for (const l of x.lists) {
    const list = lists.find((y) => y.key === l.key);
    if (!list) {
      out.push(`expected list ${l.key}; got [${lists.map((y) => y.key).join(', ')}]`);
      continue;
    }
    const mine = entries.filter((e) => e.listKey === l.key);
    const ruled = mine.filter((e) => !e.tie).map((e) => e.subjectId);
    const tied = mine.filter((e) => e.tie).map((e) => e.subjectId);
    if (l.entries && !sameSet(ruled, l.entries))
      out.push(`${l.key}: expected entries [${l.entries.join(', ')}]; got [${ruled.join(', ')}]`);
    if (l.ties && !sameSet(tied, l.ties))
      out.push(`${l.key}: expected ties [${l.ties.join(', ')}]; got [${tied.join(', ')}]`);
    if (l.status !== undefined && list.status !== l.status)
      out.push(`${l.key}: expected status ${l.status}; got ${list.status}`);
    for (const v of l.values) {
      const e = mine.find((y) => y.subjectId === v.subject && !y.tie);
      if (!e || String(e.value) !== String(v.value))
        out.push(`${l.key}: expected ${v.subject} = ${String(v.value)}; got ${e ? String(e.value) : 'no entry'}`);
    }
  }
  for (const k of x.absent) if (lists.some((l) => l.key === k)) out.push(`expected no list ${k}; it is there`);
  for (const g of x.gaps)
    if (!run.gaps.some((y) => y.includes(g))) out.push(`expected a gap with “${g}”; got [${run.gaps.join(' | ')}]`);
  for (const g of x.noGaps) if (run.gaps.some((y) => y.includes(g))) out.push(`expected no gap with “${g}”`);
  if (x.cadresMissing && !sameSet(run.completeness.cadresMissing, x.cadresMissing))
    out.push(
      `expected cadres missing [${x.cadresMissing.join(', ')}]; got [${run.completeness.cadresMissing.join(', ')}]`,
    );
  if (x.quotas && JSON.stringify(run.quotas) !== JSON.stringify(x.quotas))
    out.push(`expected shares ${JSON.stringify(x.quotas)}; got ${JSON.stringify(run.quotas)}`);
  if (x.honours.length) {
    const honours = await store.repo('honors').list({ limit: 10_000 });
    for (const h of x.honours)
      if (!honours.some((y) => y.subjectId === h.subject && y.title === h.title))
        out.push(`expected honour ${h.title} for ${h.subject} in the record`);
  }
  for (const g of x.grades) {
    const [a] = await store.repo('cadreAssessments').list({ where: { cadreId: g.cadre, year: g.year }, limit: 1 });
    if (a?.grade !== g.grade)
      out.push(`expected ${g.cadre} graded ${g.grade} for ${g.year}; got ${a?.grade ?? 'none'}`);
  }
  for (const g of x.unitGrades) {
    const [a] = await store
      .repo('unitAssessments')
      .list({ where: { unitId: g.unit, year: g.year, scheme: g.scheme }, limit: 1 });
    if (a?.grade !== g.grade)
      out.push(`expected ${g.unit} ${g.scheme} graded ${g.grade} for ${g.year}; got ${a?.grade ?? 'none'}`);
  }
  return out;
}
