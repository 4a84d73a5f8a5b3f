// Procedure scenarios (DESIGN §4b): a YAML file that runs one case (容错纠错 or 能上能下) through its steps on a fresh record and
// checks the state, who may act, the refusals, the documents and the effects on the rulebooks. Run through the same
// ToleranceCases the server uses. Format: docs/PROCEDURE-SCENARIOS.md.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ALL_CASE_OUTCOMES } from '../../domain/procedure.js';
import type { Facts } from '../../domain/facts.js';
import { packRegistry } from '../../packs/index.js';
import { evaluate } from '../../policy/engine.js';
import { checkExpectations, parseScenario, ScenarioError, type Scenario } from '../../policy/scenario.js';
import { openStore } from '../../store/index.js';
import { casesOf, type CaseRow } from '../../store/cases.js';
import type { RecordStore } from '../../store/types.js';
import type { Actor } from './actors.js';
import { ToleranceCases } from './cases.js';
import { CaseForbiddenError, CaseInputError, CaseNotFoundError, CaseStepClosedError } from './errors.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD (a YYYY-MM-DD date)');
const as = z.strictObject({ role: z.string().min(1), unit: z.string().optional(), cadre: z.string().optional() });
const ruleRef = z.strictObject({ rule: z.string().min(1), subject: z.string().min(1), year: z.number().optional() });

const stepSchema = z.strictObject({
  on: date,
  as,
  do: z.string().min(1),
  /** start steps: the cadre or unit the case concerns */
  subject: z.string().optional(),
  with: z.record(z.string(), z.unknown()).default({}),
  reason: z.string().optional(),
  refused: z.boolean().default(false),
});

const procedureScenarioSchema = z.strictObject({
  name: z.string().min(1),
  pack: z.enum(['jiangsu', 'shaanxi', 'rudong', 'anhui', 'jiaozuo']),
  procedure: z.enum(['tolerance', 'adjustment', 'clarification']),
  facts: z.record(z.string(), z.unknown()).default({}),
  steps: z.array(stepSchema).min(1),
  expect: z
    .strictObject({
      state: z.string().optional(),
      outcome: z.enum([...(ALL_CASE_OUTCOMES as [string, ...string[]]), 'none']).optional(),
      allowed: z.array(z.strictObject({ as, do: z.array(z.string()) })).default([]),
      documents: z.array(z.strictObject({ kind: z.string().min(1) })).default([]),
      /** dated items of the case (an influence period, a pay change) with their due date and status */
      deadlines: z
        .array(z.strictObject({ kind: z.string().min(1), due: date, status: z.enum(['open', 'met', 'overdue']) }))
        .default([]),
      values: z.array(z.strictObject({ subject: z.string(), name: z.string(), value: z.unknown() })).default([]),
      fired: z.array(ruleRef).default([]),
      notFired: z.array(ruleRef).default([]),
    })
    .default({ allowed: [], documents: [], deadlines: [], values: [], fired: [], notFired: [] }),
});

export type ProcedureScenario = z.infer<typeof procedureScenarioSchema> & { record: Facts };

export class ProcedureScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${file}: ${field}: ${reason}`);
  }
}

function pathText(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s || '(root)';
}

export function readProcedureScenario(file: string): ProcedureScenario {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'), { schema: 'core' });
  } catch (e) {
    throw new ProcedureScenarioError(
      file,
      '(yaml)',
      `YAML 格式错误 malformed YAML: ${(e as Error).message.split('\n')[0]}`,
    );
  }
  const r = procedureScenarioSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new ProcedureScenarioError(file, pathText(issue.path), issue.message);
  }
  let facts: Scenario;
  try {
    facts = parseScenario({ name: r.data.name, pack: r.data.pack, asOf: r.data.steps[0]!.on, facts: r.data.facts });
  } catch (e) {
    if (e instanceof ScenarioError) throw new ProcedureScenarioError(file, e.field, e.reason);
    throw e;
  }
  const ids = new Set([...facts.facts.units.map((u) => u.id), ...facts.facts.cadres.map((c) => c.id)]);
  r.data.steps.forEach((s, i) => {
    if (s.subject !== undefined && !ids.has(s.subject))
      throw new ProcedureScenarioError(file, `steps[${i}].subject`, `引用不存在 unknown reference: ${s.subject}`);
  });
  if (r.data.steps[0]!.subject === undefined)
    throw new ProcedureScenarioError(
      file,
      'steps[0].subject',
      '第一步须指明所涉干部或单位 (the first step names the subject)',
    );
  return { ...r.data, record: facts.facts };
}

/** The scenario's facts written into a fresh record: units (the scenario's pack bound at the roots), cadres, sanctions. */
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
    for (const c of f.cadres)
      await tx.repo('cadres').insert({
        id: c.id,
        name: c.name,
        gender: null,
        birthDate: null,
        idNumber: null,
        category: c.category ?? '公务员',
        managingUnitId: c.unit,
      });
    let n = 0;
    for (const s of f.sanctions)
      await tx.repo('sanctions').insert({ id: `s${++n}`, cadreId: s.cadre, date: s.date, kind: s.kind, reason: null });
  });
}

/**
 * The accountability matter the first step names, recorded on the fresh record about the case's subject (a case is
 * only ever started inside a matter about its own cadre or unit), so a scenario need only name it.
 */
async function loadMatter(store: RecordStore, s: ProcedureScenario): Promise<void> {
  // an adjustment case starts from an alert, not a matter
  if (s.procedure === 'adjustment') return;
  const first = s.steps[0]!;
  const id = first.with.matter;
  if (typeof id !== 'string' || !id.trim() || (await store.repo('accountabilityMatters').get(id))) return;
  const cadre = s.record.cadres.find((c) => c.id === first.subject);
  await store.transaction(async (tx) => {
    await tx.repo('accountabilityMatters').insert({
      id,
      subjectCadreId: cadre ? cadre.id : null,
      subjectUnitId: cadre ? null : first.subject!,
      description: s.name,
      accountableUnitId: cadre ? cadre.unit : first.subject!,
      openedOn: first.on,
      decidedOn: null,
      outcome: null,
      decision: null,
    });
  });
}

const actorOf = (a: z.infer<typeof as>): Actor => ({
  userId: `${a.role}@${a.unit ?? a.cadre ?? 'all'}`,
  role: a.role,
  unitId: a.unit ?? null,
  cadreId: a.cadre ?? null,
});

const REFUSALS = [CaseForbiddenError, CaseInputError, CaseStepClosedError, CaseNotFoundError];

/** Runs one scenario on a fresh SQLite record; returns the failures (empty when it passes). */
export async function runProcedureScenario(s: ProcedureScenario): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sanxiang-procedure-'));
  const store = await openStore({ dataDir: dir });
  const failures: string[] = [];
  try {
    await loadRecord(store, s.pack, s.record);
    await loadMatter(store, s);
    const cases = new ToleranceCases(store);
    let c: CaseRow | undefined;
    for (const [i, st] of s.steps.entries()) {
      const actor = actorOf(st.as);
      const at = `steps[${i}] ${st.do}`;
      try {
        if (!c) {
          const subj = st.subject!;
          const type = s.record.cadres.some((x) => x.id === subj) ? 'cadre' : 'unit';
          c = await cases.start(actor, {
            procedure: s.procedure,
            action: st.do,
            on: st.on,
            subject: { type, id: subj },
            inputs: st.with,
            reason: st.reason,
          });
        } else {
          const now = (await casesOf(store).get(c.id))!;
          c = await cases.act(actor, c.id, now.version, {
            action: st.do,
            on: st.on,
            inputs: st.with,
            reason: st.reason,
          });
        }
        if (st.refused) failures.push(`${at}: expected refused; it was taken`);
      } catch (e) {
        if (!REFUSALS.some((k) => e instanceof k)) throw e;
        if (!st.refused) failures.push(`${at}: refused: ${(e as Error).message}`);
      }
    }
    if (!c) return [...failures, 'no case was started'];
    c = (await casesOf(store).get(c.id))!;
    const x = s.expect;
    if (x.state !== undefined && c.state !== x.state) failures.push(`expected state ${x.state}; got ${c.state}`);
    if (x.outcome !== undefined && (c.outcome ?? 'none') !== x.outcome)
      failures.push(`expected outcome ${x.outcome}; got ${c.outcome ?? 'none'}`);
    for (const a of x.allowed) {
      const got = (await cases.allowed(actorOf(a.as), c)).map((s2) => s2.id).sort();
      const want = [...a.do].sort();
      if (JSON.stringify(got) !== JSON.stringify(want))
        failures.push(`expected allowed for ${a.as.role} [${want.join(', ')}]; got [${got.join(', ')}]`);
    }
    const produced = new Set((await casesOf(store).steps(c.id)).flatMap((st) => st.documents));
    for (const d of x.documents)
      if (!produced.has(d.kind)) failures.push(`expected document ${d.kind}; got [${[...produced].join(', ')}]`);
    const deadlines = await casesOf(store).deadlines(c.id);
    for (const d of x.deadlines) {
      const got = deadlines.find((g) => g.kind === d.kind);
      if (!got || got.dueOn !== d.due || got.status !== d.status)
        failures.push(
          `expected ${d.kind} due ${d.due} (${d.status}); got ${got ? `${got.dueOn} (${got.status})` : 'none'}`,
        );
    }
    if (x.values.length || x.fired.length || x.notFired.length) {
      const asOf = s.steps[s.steps.length - 1]!.on;
      const ev = evaluate(packRegistry(), await store.loadFacts(asOf), { asOf });
      failures.push(
        ...checkExpectations(
          { expect: { fired: x.fired, notFired: x.notFired, values: x.values, gaps: [] } } as unknown as Scenario,
          ev,
        ),
      );
    }
    return failures;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
