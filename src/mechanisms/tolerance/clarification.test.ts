// The 澄清正名 procedure (陕西 第十一条) walked through the engine from its definition: every state and every action is
// reachable, every situation reachable from the start can still reach the end, and the branches sit where the text
// puts them (查处诬告 only after a finding of 诬告, 通报曝光 only after 查处, no finding before hearing and gathering).
import { describe, expect, it } from 'vitest';
import { isFinal, openActions, START, step, type CasePosition } from '../../workflow/engine.js';
import { definitionRegistry } from '../../workflow/definitions.js';

const def = definitionRegistry().current('shaanxi', 'clarification')!;

function reachable(): Map<string, CasePosition> {
  const seen = new Map<string, CasePosition>();
  const queue: CasePosition[] = [START];
  while (queue.length) {
    const p = queue.shift()!;
    const key = JSON.stringify(p);
    if (seen.has(key)) continue;
    seen.set(key, p);
    for (const a of openActions(def, p)) {
      const next = step(def, p, a.id);
      if (next) queue.push(next);
    }
  }
  return seen;
}

function canFinish(pos: CasePosition): boolean {
  const seen = new Set<string>();
  const queue = [pos];
  while (queue.length) {
    const p = queue.shift()!;
    if (isFinal(def, p.state)) return true;
    const key = JSON.stringify(p);
    if (seen.has(key)) continue;
    seen.add(key);
    for (const a of openActions(def, p)) {
      const next = step(def, p, a.id);
      if (next) queue.push(next);
    }
  }
  return false;
}

describe('陕西 澄清保护 procedure', () => {
  const all = [...reachable().values()];

  it('is registered beside the tolerance procedures, concerning cadres and units', () => {
    expect(def.procedure).toBe('clarification');
    expect(def.subjects).toEqual(['cadre', 'unit']);
    expect(definitionRegistry().current('jiangsu', 'clarification')).toBeUndefined();
  });

  it('reaches every state, uses every action, and never leaves a case with no way to its end', () => {
    expect(new Set(all.map((p) => p.state))).toEqual(new Set(['new', ...Object.keys(def.states)]));
    const used = new Set(all.flatMap((p) => openActions(def, p).map((a) => a.id)));
    for (const a of def.actions) expect(used, a.id).toContain(a.id);
    for (const p of all) expect(canFinish(p), JSON.stringify(p)).toBe(true);
  });

  it('puts 查处诬告 after a finding of 诬告 only, 通报曝光 after 查处, and no finding before hearing and gathering', () => {
    for (const p of all) {
      const open = openActions(def, p).map((a) => a.id);
      if (open.includes('refer')) expect(p.context.marks.falseAccusation).toBe(true);
      if (open.includes('expose')) expect(p.context.marks.referred).toBe(true);
      if (open.some((a) => a.startsWith('find_')))
        expect(p.context.marks).toMatchObject({ heard: true, gathered: true });
    }
    const cited = def.actions.filter((a) => !a.citation.article.startsWith('第十一条'));
    expect(cited).toEqual([]);
  });
});
