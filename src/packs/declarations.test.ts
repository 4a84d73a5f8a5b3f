// Every value name a pack's rules set and every parameter key they read is declared by the pack, checked over the
// packs' sources: both are programming errors in a pack, to be caught here rather than in an official's evaluation
// (an undeclared value name is refused when set; an undeclared parameter is reported as unset).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PackDef } from '../policy/types.js';
import { ALL_PACKS } from './index.js';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

function sources(dir: string, deep: boolean): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (deep) out.push(...sources(p, true));
    } else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push({ file: p, text: readFileSync(p, 'utf8') });
  }
  return out;
}

/** The value families a source sets: `ctx.set(subject, 'name' | `family:…` | yearValueName('family', …), …)`. */
export function valueFamiliesSet(text: string): string[] {
  const re = /\.set\(\s*[^,()]+(?:\([^()]*\))?\s*,\s*(?:yearValueName\(\s*'([^']+)'|'([^']+)'|`([^`$]+))/g;
  const out: string[] = [];
  for (const m of text.matchAll(re)) out.push((m[1] ?? m[2] ?? m[3]!).split(':')[0]!);
  return out;
}

/** The parameter keys a source names (`<pack>.<mechanism>.<name>` literals). */
export function paramKeysNamed(text: string): string[] {
  return [...text.matchAll(/['`]([a-z]+\.(?:incentive|tolerance|adjustment|opinion)\.[A-Za-z0-9]+)['`]/g)].map(
    (m) => m[1]!,
  );
}

function undeclared(pack: PackDef, files: { file: string; text: string }[]) {
  const declaredParams = new Set(ALL_PACKS.flatMap((p) => p.params.map((d) => d.key)));
  const values: string[] = [];
  const params: string[] = [];
  for (const { file, text } of files) {
    for (const f of valueFamiliesSet(text)) if (!pack.values?.[f]) values.push(`${relative(ROOT, file)}: ${f}`);
    for (const k of paramKeysNamed(text)) if (!declaredParams.has(k)) params.push(`${relative(ROOT, file)}: ${k}`);
  }
  return { values, params };
}

describe('pack declarations', () => {
  it('finds the value names set and the parameter keys read in a source', () => {
    const text = `ctx.set(c.id, 'priorityPromotion', true);
      ctx.set(r.subject, \`tolerance:\${r.id}\`, 'ineligible');
      ctx.set(u.id, yearValueName('titles', year), [T]);
      ctx.set(unit, \`grade:target:\${year}\`, '优秀');
      const n = ctx.param<number>('jiangsu.adjustment.lookbackMonths');`;
    expect(valueFamiliesSet(text)).toEqual(['priorityPromotion', 'tolerance', 'titles', 'grade']);
    expect(paramKeysNamed(text)).toEqual(['jiangsu.adjustment.lookbackMonths']);
  });

  it.each(ALL_PACKS.map((p) => [p.id, p] as const))(
    '%s declares every value name it sets and every key it reads',
    (id, pack) => {
      const { values, params } = undeclared(pack, sources(join(ROOT, id), true));
      expect(values).toEqual([]);
      expect(params).toEqual([]);
    },
  );

  it('the shared pack modules set only value names every pack using them declares', () => {
    const shared = sources(ROOT, false);
    const families = shared.flatMap((s) => valueFamiliesSet(s.text));
    expect(families).toContain('toleranceDecision');
    for (const p of ALL_PACKS.filter((p) => p.rules.some((r) => r.locator === 'decision')))
      for (const f of families) expect(p.values?.[f], `${p.id} ${f}`).toBeDefined();
  });
});
