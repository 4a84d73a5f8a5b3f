// Rule ids are written out as literals in the pack that defines them, so that searching the source for an id a
// finding, a determination or a document names (`grep -r 'shaanxi/incentive/6.2' src`) finds its rule. An id built
// from a template or a prefix helper would be missed by that search, so this test fails on one.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ruleIdAt } from '../policy/define.js';
import { ALL_PACKS } from './index.js';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}

/** The pack's own folder and the shared modules of src/packs that add rules to every pack. */
function packSources(pack: string): string {
  const shared = readdirSync(ROOT)
    .filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
    .map((n) => readFileSync(join(ROOT, n), 'utf8'));
  return [...sources(join(ROOT, pack)), ...shared].join('\n');
}

/** Rule ids built rather than written: `id: \`…${…}\``, or a prefix helper such as `id: ID('measure.1')`. */
export function builtIds(text: string): string[] {
  return [...text.matchAll(/\bid:\s*(`[^`]*\$\{[^`]*`|[A-Z][A-Za-z_]*\([^)]*\))/g)].map((m) => m[1]!);
}

describe('rule ids are literals', () => {
  it('finds a templated id and a prefix-helper id, and passes a literal or a list of literals', () => {
    expect(builtIds("rule({\n  id: `rudong/tolerance/2.${i + 1}`,\n  kind: 'principle',")).toHaveLength(1);
    expect(builtIds("rule({ id: ID('measure.1'), kind })")).toHaveLength(1);
    expect(builtIds("rule({ id: 'jiaozuo/incentive/measure.1', kind })")).toEqual([]);
    expect(builtIds("rule({ id: ruleIdAt(['rudong/tolerance/4.1', 'rudong/tolerance/4.2'], i), kind })")).toEqual([]);
  });

  for (const pack of ALL_PACKS)
    it(`${pack.id}: every rule id appears written out in the pack's sources, none is built`, () => {
      const text = packSources(pack.id);
      expect(pack.rules.length).toBeGreaterThan(0);
      expect(pack.rules.map((r) => r.id).filter((id) => !text.includes(`'${id}'`))).toEqual([]);
      expect(builtIds(sources(join(ROOT, pack.id)).join('\n'))).toEqual([]);
    });

  it('the shared modules of the packs build no rule id', () => {
    const shared = readdirSync(ROOT)
      .filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
      .map((n) => readFileSync(join(ROOT, n), 'utf8'));
    expect(builtIds(shared.join('\n'))).toEqual([]);
  });

  it('a list of ids shorter than its provisions is refused, naming the item', () => {
    expect(ruleIdAt(['a/tolerance/1', 'a/tolerance/2'], 1)).toBe('a/tolerance/2');
    expect(() => ruleIdAt(['a/tolerance/1'], 1)).toThrow(/item 2/);
  });
});
