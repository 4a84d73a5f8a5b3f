// The case counts (store/case-counts.ts) and 待办's rows (store/case-todo.ts) are derived from the cases in the
// transaction of each step: after every kind of step — a case opened, moved on, sent back for more investigation,
// concluded and closed — and after a unit holding cases moves to another parent, they must equal a recount of the
// cases (and of who may act on them), on both engines; and the list's total, read from them, must equal the number
// of cases the list holds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NEW_STATE, type ActionSpec, type ProcedureDef } from '../../domain/procedure.js';
import { casesOf } from '../../store/cases.js';
import { openStore, type OpenedStore } from '../../store/index.js';
import { definitionRegistry } from '../../workflow/definitions.js';
import { openActions } from '../../workflow/engine.js';
import { createTestDatabase } from '../../../test/pg-harness.js';
import type { Actor } from './actors.js';
import { ToleranceCases } from './cases.js';

const UNITS = [
  { id: 'j0', name: '江苏省', kind: 'province', parentId: null, pack: 'jiangsu' },
  { id: 'j1', name: '南通市', kind: 'city', parentId: 'j0', pack: null },
  { id: 'j2', name: '如皋市', kind: 'county', parentId: 'j1', pack: null },
  { id: 'j3', name: '泰州市', kind: 'city', parentId: 'j0', pack: null },
  { id: 's0', name: '陕西省', kind: 'province', parentId: null, pack: 'shaanxi' },
  { id: 's1', name: '榆林市', kind: 'city', parentId: 's0', pack: null },
] as const;
const CADRES = [
  { id: 'c-j1', unit: 'j1', pack: 'jiangsu' },
  { id: 'c-j2', unit: 'j2', pack: 'jiangsu' },
  { id: 'c-s1', unit: 's1', pack: 'shaanxi' },
];

let seed = 20261204;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return Math.floor(seed / 65536) % n;
};

for (const engine of ['sqlite', 'postgres'] as const)
  describe(`case counts on ${engine}`, () => {
    let dir: string | undefined;
    let pg: { url: string; drop(): Promise<void> } | undefined;
    let store: OpenedStore;
    let tc: ToleranceCases;
    const parent = new Map<string, string | null>(UNITS.map((u) => [u.id, u.parentId]));

    beforeAll(async () => {
      if (engine === 'postgres') {
        pg = await createTestDatabase(inject('pgUrl'));
        store = await openStore({ dataDir: '/nonexistent', databaseUrl: pg.url });
      } else {
        dir = mkdtempSync(join(tmpdir(), 'sx-case-counts-'));
        store = await openStore({ dataDir: dir });
      }
      for (const u of UNITS) await store.repo('units').insert(u);
      for (const c of CADRES)
        await store.repo('cadres').insert({
          id: c.id,
          name: c.id,
          gender: null,
          birthDate: null,
          idNumber: null,
          category: '公务员',
          managingUnitId: c.unit,
        });
      tc = new ToleranceCases(store);
    }, 120_000);
    afterAll(async () => {
      await store?.close();
      await pg?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    /** The counts as stored (rows of 0 left out) and as a recount of the cases, the same shape. */
    async function compare(what: string) {
      const db = casesOf(store).db;
      const stored = (await db.selectFrom('case_counts').selectAll().where('n', '<>', 0).execute())
        .map(
          (r) => `${r.scope_id}|${r.pack}|${r.procedure}|${r.definition_version}|${r.state}|${r.year}|${Number(r.n)}`,
        )
        .sort();
      const cases = await db.selectFrom('cases').selectAll().execute();
      const recount = new Map<string, number>();
      for (const c of cases) {
        const scopes = ['*'];
        for (let u: string | null = String(c.handling_unit_id); u; u = parent.get(u) ?? null) scopes.push(u);
        for (const s of scopes) {
          const k = `${s}|${c.pack}|${c.procedure}|${c.definition_version}|${c.state}|${Number(c.year)}`;
          recount.set(k, (recount.get(k) ?? 0) + 1);
        }
      }
      expect(stored, what).toEqual([...recount].map(([k, n]) => `${k}|${n}`).sort());
      await compareTodo(what);
      return cases.length;
    }

    /**
     * 待办's rows (store/case-todo.ts) as stored and as derived anew: each open case's rows of case_open_actors for a
     * unit's subtree, under the whole record and every unit at or above the row's unit, once per scope and role.
     */
    async function compareTodo(what: string) {
      const db = casesOf(store).db;
      const key = (r: Record<string, unknown>, scope: unknown, role: unknown) =>
        [scope, role, r.id ?? r.case_id, r.opened_on, r.handling_unit_id, r.pack, r.procedure]
          .concat([r.definition_version, r.state, Number(r.year)])
          .join('|');
      const stored = (await db.selectFrom('case_todo').selectAll().execute())
        .map((r) => key(r, r.scope_id, r.role))
        .sort();
      const cases = new Map((await db.selectFrom('cases').selectAll().execute()).map((c) => [String(c.id), c]));
      const derived = new Set<string>();
      for (const o of await db.selectFrom('case_open_actors').selectAll().where('reach', '=', 'subtree').execute()) {
        const c = cases.get(String(o.case_id))!;
        if (c.closed === true || Number(c.closed) === 1) continue;
        derived.add(key(c, '*', o.role));
        for (let u: string | null = String(o.unit_id); u; u = parent.get(u) ?? null) derived.add(key(c, u, o.role));
      }
      expect(stored, `待办 rows: ${what}`).toEqual([...derived].sort());
    }

    function actorFor(spec: ActionSpec, cadre: (typeof CADRES)[number]): Actor {
      const role = spec.actor.roles.find((r) => r !== 'cadre') ?? spec.actor.roles[0]!;
      let unitId: string | null = cadre.unit;
      if (spec.actor.scope === 'upper') unitId = parent.get(cadre.unit) ?? null;
      if (role === 'cadre') return { userId: `u-${cadre.id}`, role, unitId: null, cadreId: cadre.id };
      return { userId: `u-${role}-${unitId}`, role, unitId, cadreId: null };
    }

    function inputsFor(spec: ActionSpec, on: string): Record<string, unknown> {
      const inputs: Record<string, unknown> = {};
      for (const i of spec.inputs ?? []) {
        if (i.kind === 'date') inputs[i.name] = on;
        else if (i.kind === 'names') inputs[i.name] = ['某某'];
        else if (i.kind !== 'outcome') inputs[i.name] = '说明';
      }
      if (spec.concludes) {
        inputs.outcome = spec.concludes[rand(spec.concludes.length)];
        inputs.departureReason = '经集体研究';
      }
      return inputs;
    }

    it('equal a recount after each step of cases opened, moved on, sent back, concluded and closed', async () => {
      const taken = new Set<string>();
      let n = 0;
      let closed = 0;
      for (let i = 0; i < 14; i++) {
        const cadre = CADRES[i % CADRES.length]!;
        const def: ProcedureDef = definitionRegistry().current(cadre.pack, 'tolerance')!;
        const matter = `m-${++n}`;
        await store.repo('accountabilityMatters').insert({
          id: matter,
          subjectCadreId: cadre.id,
          subjectUnitId: null,
          description: '项目审批失误',
          accountableUnitId: cadre.unit,
          openedOn: '2024-01-01',
          decidedOn: null,
          outcome: null,
          decision: null,
        });
        const first = def.actions.find((a) => a.from.includes(NEW_STATE) && a.start === 'ex_officio')!;
        const on = `${2022 + (i % 3)}-0${1 + rand(9)}-1${rand(10)}`;
        let c = await tc.start(actorFor(first, cadre), {
          action: first.id,
          on,
          subject: { type: 'cadre', id: cadre.id },
          reason: '依职权',
          inputs: { ...inputsFor(first, on), matter },
        });
        taken.add('open');
        await compare(`opened ${c.id}`);
        // 江苏 cases that reach 审核把关 are sent back once, so every walk of theirs includes the step back
        for (let k = 0; k < 30 && !c.closed; k++) {
          const open = openActions(def, { state: c.state, context: c.context as never });
          if (!open.length) break;
          const back = open.find((a) => a.id === 'send_back' && !c.context.marks.sentBack);
          const moving = open.filter((a) => a.to !== c.state && a.id !== 'send_back' && a.id !== 'disagree');
          const spec = back ?? (moving.length ? moving[rand(moving.length)]! : open[rand(open.length)]!);
          try {
            c = await tc.act(actorFor(spec, cadre), c.id, c.version, {
              action: spec.id,
              on,
              reason: '理由',
              inputs: inputsFor(spec, on),
            });
          } catch {
            continue; // a guard the walk does not meet: another step
          }
          taken.add(spec.concludes ? 'conclude' : spec.id === 'send_back' ? 'send_back' : 'step');
          await compare(`${spec.id} on ${c.id}`);
        }
        if (c.closed) closed++;
      }
      expect([...taken].sort()).toEqual(['conclude', 'open', 'send_back', 'step']);
      expect(closed).toBeGreaterThan(0);
    }, 300_000);

    it('equal a recount after a unit holding cases moves to another parent, and back', async () => {
      // a case of 如皋市 left open (its first step taken), so 待办 has rows under the units above it to move
      const def = definitionRegistry().current('jiangsu', 'tolerance')!;
      const first = def.actions.find((a) => a.from.includes(NEW_STATE) && a.start === 'ex_officio')!;
      const cadre = CADRES[1]!;
      await store.repo('accountabilityMatters').insert({
        id: 'm-open',
        subjectCadreId: cadre.id,
        subjectUnitId: null,
        description: '项目审批失误',
        accountableUnitId: cadre.unit,
        openedOn: '2024-01-01',
        decidedOn: null,
        outcome: null,
        decision: null,
      });
      const open = await tc.start(actorFor(first, cadre), {
        action: first.id,
        on: '2024-03-01',
        subject: { type: 'cadre', id: cadre.id },
        reason: '依职权',
        inputs: { ...inputsFor(first, '2024-03-01'), matter: 'm-open' },
      });
      const scopes = async () =>
        [
          ...new Set(
            (
              await casesOf(store)
                .db.selectFrom('case_todo')
                .select('scope_id')
                .where('case_id', '=', open.id)
                .execute()
            ).map((r) => String(r.scope_id)),
          ),
        ].sort();
      expect(await compare('before the move')).toBeGreaterThan(0);
      expect(await scopes()).toEqual(['*', 'j0', 'j1', 'j2']);
      const j2 = (await store.repo('units').get('j2'))!;
      await store.repo('units').update('j2', j2.version, { parentId: 'j3' });
      parent.set('j2', 'j3');
      await compare('j2 moved under j3');
      expect(await scopes()).toEqual(['*', 'j0', 'j2', 'j3']);
      await store.repo('units').update('j2', j2.version + 1, { parentId: 'j1' });
      parent.set('j2', 'j1');
      await compare('j2 moved back under j1');
      expect(await scopes()).toEqual(['*', 'j0', 'j1', 'j2']);
    });

    it("the list's total is the number of cases it holds, for the province, a city and their filters", async () => {
      const all = await casesOf(store).db.selectFrom('cases').selectAll().execute();
      const people: Actor[] = [
        { userId: 'nobody-p', role: 'discipline_officer', unitId: null, cadreId: null },
        { userId: 'nobody-c', role: 'discipline_officer', unitId: 'j1', cadreId: null },
        // took part in cases of j1 and j2 as the city's officer, sees them besides
        { userId: 'u-discipline_officer-j1', role: 'discipline_officer', unitId: 'j2', cadreId: null },
      ];
      for (const actor of people)
        for (const f of [{}, { unitId: 'j2' }, { pack: 'jiangsu', year: 2023 }, { state: all[0]!.state as string }]) {
          const p = await tc.list(actor, 'all', f, { limit: 200 });
          expect(p.total, `${actor.userId} ${JSON.stringify(f)}`).toBe(p.items.length);
          expect(p.totalCapped).toBe(false);
        }
      const province = await tc.list(people[0]!, 'all', {}, { limit: 200 });
      expect(province.total).toBe(all.length);
    });
  });
