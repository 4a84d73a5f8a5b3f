// Every path of every pack's procedures (容错纠错 and 能上能下), enumerated from the machine by @xstate/graph and walked step by
// step through the engine: each path replays to the same states, each declared action lies on some path, every
// reachable situation can still reach the end, and the pack-specific branches are where the texts put them.
import { describe, expect, it } from 'vitest';
import { getAdjacencyMap } from '@xstate/graph';
import {
  ADJUSTMENT_OUTCOMES,
  CASE_OUTCOMES,
  NEW_STATE,
  type CaseOutcome,
  type ProcedureDef,
} from '../domain/procedure.js';
import { ADJUSTMENT_DEFINITIONS, ALL_DEFINITIONS, TOLERANCE_DEFINITIONS } from './definitions.js';
import { isFinal, openActions, START, step, type CasePosition } from './engine.js';
import { machineOf, type CaseContext, type CaseEvent } from './machine.js';

function eventsOf(def: ProcedureDef): CaseEvent[] {
  return def.actions.flatMap((a) =>
    a.concludes ? a.concludes.map((outcome) => ({ type: a.id, outcome })) : [{ type: a.id }],
  );
}

// The graph is @xstate/graph's adjacency map of the machine. A state's identity is its name, its marks and the kind
// of its conclusion (免责, 不予容错, or a reduced one: 从轻 and 减轻 open the same steps), so the map is small and
// every branch is in it. An adjustment's 调整方式 opens no step of its own, so every method counts as one kind. A path is a walk from the start to a final state that never comes back to a state: every
// such path is enumerated (with loops — sending back, appeals — walked once round).
function serialize(s: { value: unknown; context: unknown }): string {
  const c = s.context as CaseContext;
  const kind =
    c.outcome === 'lighter' || c.outcome === 'mitigated'
      ? 'reduced'
      : (ADJUSTMENT_OUTCOMES as readonly string[]).includes(c.outcome ?? '')
        ? 'adjusted'
        : String(c.outcome);
  return `${String(s.value)}|${kind}|${JSON.stringify(c.marks)}`;
}

interface Step {
  event: CaseEvent;
  state: string;
}

const pathCache = new Map<ProcedureDef, Step[][]>();
function pathsOf(def: ProcedureDef): Step[][] {
  let known = pathCache.get(def);
  if (!known) pathCache.set(def, (known = enumerate(def)));
  return known;
}

// The engine's step is deterministic, so a step already taken from the same position is taken from memory: each
// path is still walked step by step, and each distinct transition goes through the machine once.
const stepMemo = new Map<string, CasePosition | undefined>();
function walk(def: ProcedureDef, pos: CasePosition, action: string, outcome?: CaseOutcome): CasePosition | undefined {
  const key = `${def.pack}|${def.procedure}|${JSON.stringify(pos)}|${action}|${outcome ?? ''}`;
  if (!stepMemo.has(key)) stepMemo.set(key, step(def, pos, action, outcome));
  return stepMemo.get(key);
}

function enumerate(def: ProcedureDef): Step[][] {
  const adj = getAdjacencyMap(machineOf(def), {
    events: eventsOf(def),
    serializeState: serialize,
  } as never) as unknown as Record<
    string,
    {
      state: { value: unknown; context: unknown };
      transitions: Record<string, { event: CaseEvent; state: { value: unknown; context: unknown } }>;
    }
  >;
  const initial = Object.keys(adj).find((k) => k.startsWith(`${NEW_STATE}|`))!;
  const out: Step[][] = [];
  const visit = (key: string, seen: Set<string>, path: Step[]) => {
    const node = adj[key]!;
    if (isFinal(def, String(node.state.value))) {
      out.push(path);
      return;
    }
    for (const t of Object.values(node.transitions)) {
      const next = serialize(t.state);
      if (seen.has(next)) continue;
      seen.add(next);
      visit(next, seen, [...path, { event: t.event, state: String(t.state.value) }]);
      seen.delete(next);
    }
  };
  visit(initial, new Set([initial]), []);
  return out;
}

/** Can a final state be reached from `pos` (breadth-first over the engine)? */
function canFinish(def: ProcedureDef, pos: CasePosition): boolean {
  const seen = new Set<string>();
  const queue = [pos];
  while (queue.length) {
    const p = queue.shift()!;
    if (isFinal(def, p.state)) return true;
    const key = JSON.stringify(p);
    if (seen.has(key)) continue;
    seen.add(key);
    for (const a of openActions(def, p))
      for (const o of a.concludes ?? [undefined]) {
        const next = step(def, p, a.id, o);
        if (next) queue.push(next);
      }
  }
  return false;
}

describe.each(ALL_DEFINITIONS.map((d) => [d.pack, d.procedure, d] as const))('%s %s procedure', (_pack, _kind, def) => {
  const paths = pathsOf(def);

  it('has paths, and each one replays through the engine to the same states', () => {
    expect(paths.length).toBeGreaterThan(5);
    for (const path of paths) {
      let pos: CasePosition = START;
      for (const s of path) {
        const next = walk(def, pos, s.event.type, s.event.outcome);
        expect(next, `${s.event.type} from ${pos.state}`).toBeDefined();
        expect(next!.state).toBe(s.state);
        pos = next!;
      }
      expect(isFinal(def, pos.state)).toBe(true);
    }
  });

  it('reaches every state and uses every action it declares', () => {
    const states = new Set(paths.flatMap((p) => p.map((s) => s.state)));
    for (const s of Object.keys(def.states)) expect(states, s).toContain(s);
    const used = new Set(paths.flatMap((p) => p.map((s) => s.event.type)));
    for (const a of def.actions) expect(used, a.id).toContain(a.id);
  });

  it('never leaves a case with no way to its end', () => {
    // every situation reachable from the start, breadth-first through the engine
    const seen = new Map<string, CasePosition>();
    const queue: CasePosition[] = [START];
    while (queue.length) {
      const p = queue.shift()!;
      const key = JSON.stringify(p);
      if (seen.has(key)) continue;
      seen.set(key, p);
      for (const a of openActions(def, p))
        for (const o of a.concludes ?? [undefined]) queue.push(step(def, p, a.id, o)!);
    }
    for (const p of seen.values()) expect(canFinish(def, p), JSON.stringify(p)).toBe(true);
  });

  it('cites the document and article of every action', () => {
    for (const a of def.actions) {
      expect(def.documents).toContain(a.citation.document);
      expect(a.citation.article.length).toBeGreaterThan(0);
    }
  });

  it('concludes only with the outcomes its definition allows', () => {
    for (const a of def.actions)
      for (const o of a.concludes ?? []) expect(def.outcomes ?? CASE_OUTCOMES, `${a.id} ${o}`).toContain(o);
  });
});

describe.each(TOLERANCE_DEFINITIONS.map((d) => [d.pack, d] as const))('%s tolerance procedure', (_pack, def) => {
  it('starts only ex officio or on application, both tied to an accountability matter', () => {
    const starts = def.actions.filter((a) => a.from.includes(NEW_STATE));
    expect(starts.map((a) => a.start).sort()).toEqual(['application', 'ex_officio']);
    for (const a of starts) expect(a.inputs?.find((i) => i.name === 'matter')?.required).toBe(true);
  });
});

/** The actions of each path, in order. */
const actionsOnPaths = (d: ProcedureDef) => pathsOf(d).map((p) => p.map((s) => s.event.type));

describe.each(ADJUSTMENT_DEFINITIONS.map((d) => [d.pack, d] as const))('%s adjustment procedure', (_pack, def) => {
  it('starts ex officio (an alert optional), or on a written report where the text has one', () => {
    const starts = def.actions.filter((a) => a.from.includes(NEW_STATE));
    expect(starts.map((a) => a.start)).toContain('ex_officio');
    for (const a of starts) expect(a.inputs?.find((i) => i.name === 'alert')?.required).toBe(false);
  });

  it('writes the adjustment to the record on every path that decides one, after the decision', () => {
    const effect = def.actions.filter((a) => a.effect === 'adjustment_record').map((a) => a.id);
    expect(effect).toHaveLength(1);
    for (const p of pathsOf(def)) {
      const decided = p.findIndex((s) => s.state === 'decided');
      if (decided < 0) continue;
      const at = p.findIndex((s) => s.event.type === effect[0]);
      expect(at, p.map((s) => s.event.type).join(' → ')).toBeGreaterThan(decided);
    }
  });

  it('has an influence period for every method it allows', () => {
    for (const o of def.outcomes!) expect(def.adjustment?.periods[o as never], o).toBeDefined();
  });
});

describe('adjustment branches the texts put in one jurisdiction only', () => {
  const adj = (pack: string) => ADJUSTMENT_DEFINITIONS.find((d) => d.pack === pack)!;

  it('安徽 and 焦作 have no adjustment procedure', () => {
    expect(ADJUSTMENT_DEFINITIONS.map((d) => d.pack).sort()).toEqual(['jiangsu', 'rudong', 'shaanxi']);
  });

  it('陕西 offers no 引咎辞职 or 责令辞职; 江苏 and 如东 offer all six methods', () => {
    expect(adj('shaanxi').outcomes).toEqual(['transfer', 'non_leading', 'removal', 'demotion']);
    for (const p of ['jiangsu', 'rudong'])
      expect([...adj(p).outcomes!].sort()).toEqual([...ADJUSTMENT_OUTCOMES].sort());
  });

  it('the cadre is heard before every proposal in 陕西 and 如东, and never in 江苏', () => {
    for (const p of ['shaanxi', 'rudong'])
      for (const path of actionsOnPaths(adj(p))) {
        const proposed = path.indexOf('propose');
        if (proposed >= 0) expect(path.slice(0, proposed), path.join(' → ')).toContain('hear_cadre');
      }
    expect(adj('jiangsu').actions.map((a) => a.id)).not.toContain('hear_cadre');
  });

  it('如东: an appeal only while the decision is in effect, and it does not suspend it', () => {
    const appeal = adj('rudong').actions.find((a) => a.id === 'appeal')!;
    expect(appeal.from).toEqual(['in_effect']);
    expect(appeal.to).toBe('in_effect');
    for (const p of ['jiangsu', 'shaanxi']) expect(adj(p).actions.map((a) => a.id)).not.toContain('appeal');
  });

  it('陕西: re-use only after the upper organisation department gave its opinion, on every path', () => {
    for (const path of actionsOnPaths(adj('shaanxi'))) {
      const reused = path.indexOf('reuse');
      if (reused >= 0) expect(path.slice(0, reused)).toContain('upper_opinion');
    }
    expect(adj('jiangsu').actions.map((a) => a.id)).not.toContain('upper_opinion');
  });

  it('如东: the pay change from the next month is done before the period is over, on every path', () => {
    expect(adj('rudong').adjustment?.payFromNextMonth).toBeDefined();
    for (const path of actionsOnPaths(adj('rudong'))) {
      const over = path.indexOf('end_period');
      if (over >= 0) expect(path.slice(0, over)).toContain('pay_change');
    }
  });

  it('follow-up tasks during the period in 江苏 and 如东 only (陕西 states none)', () => {
    for (const d of ADJUSTMENT_DEFINITIONS)
      expect(
        d.actions.some((a) => a.id === 'follow_up'),
        d.pack,
      ).toBe(d.pack !== 'shaanxi');
  });
});

/** The outcomes with which some path goes through `action`. */
function outcomesBefore(def: ProcedureDef, action: string): Set<string> {
  const out = new Set<string>();
  for (const p of pathsOf(def)) {
    let outcome: string | undefined;
    for (const s of p) {
      if (s.event.type === action) out.add(outcome ?? 'none');
      if (s.event.outcome) outcome = s.event.outcome;
    }
  }
  return out;
}

const def = (pack: string) => TOLERANCE_DEFINITIONS.find((d) => d.pack === pack)!;

describe('branches the texts put in one jurisdiction only', () => {
  it('陕西: no appeal after the conclusion; filing ends the case', () => {
    expect(def('shaanxi').actions.map((a) => a.id)).not.toContain('appeal');
    expect(def('shaanxi').actions.find((a) => a.id === 'file')!.to).toBe('closed');
  });

  it('焦作: an appeal only against 不予容错', () => {
    expect([...outcomesBefore(def('jiaozuo'), 'appeal')]).toEqual(['not_tolerated']);
  });

  it('publication only of exemptions (江苏, 陕西, 如东)', () => {
    for (const p of ['jiangsu', 'shaanxi', 'rudong'])
      expect([...outcomesBefore(def(p), 'publish')]).toEqual(['exempt']);
    for (const p of ['anhui', 'jiaozuo']) expect(def(p).actions.map((a) => a.id)).not.toContain('publish');
  });

  it('会商 with escalation on disagreement only in 江苏 and 如东', () => {
    for (const d of TOLERANCE_DEFINITIONS)
      expect(
        d.actions.some((a) => a.id === 'disagree'),
        d.pack,
      ).toBe(['jiangsu', 'rudong'].includes(d.pack));
  });

  it('安徽: rectification follows exemptions only, and every exemption needs its order and deadline', () => {
    expect([...outcomesBefore(def('anhui'), 'rectified')]).toEqual(['exempt']);
    const conclude = def('anhui').actions.find((a) => a.id === 'conclude')!;
    for (const name of ['rectification', 'rectificationDue'])
      expect(conclude.inputs!.find((i) => i.name === name)!.required).toEqual(['exempt']);
  });

  it('an exempted case cannot close before its exemption is published (江苏)', () => {
    const d = def('jiangsu');
    const pos: CasePosition = { state: 'notified', context: { outcome: 'exempt', marks: {} } };
    expect(step(d, pos, 'close')).toBeUndefined();
    const published = step(d, pos, 'publish')!;
    expect(step(d, published, 'close')!.state).toBe('closed');
    for (const o of CASE_OUTCOMES.filter((x) => x !== 'exempt'))
      expect(step(d, { state: 'notified', context: { outcome: o, marks: {} } }, 'close')!.state).toBe('closed');
  });
});
