// The 读法说明 is one source: the web page serves the module and docs/READINGS.md is written from it, so they cannot
// drift; it names documents and articles, never rule ids or parameter keys; and every entry a rule note or a
// parameter's citation points at exists.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_PACKS } from './index.js';
import { READINGS_GUIDE, readingsMarkdown, type ReadingBlock, type ReadingsGuide } from './readings-guide.js';

const DOC = fileURLToPath(new URL('../../docs/READINGS.md', import.meta.url));

const blockText = (b: ReadingBlock): string =>
  'p' in b ? b.p : b.ul.map((i) => [i.text, ...(i.sub ?? [])].join('\n')).join('\n');

/**
 * Where a citation `读法说明 一、4“回溯期”`, `读法说明 二、陕西“35%的比例”` or `读法说明“本地区”“一年内”` points:
 * the problems found (an empty list when the entry exists and holds the quoted words).
 */
export function unresolved(ref: string, g: ReadingsGuide = READINGS_GUIDE): string[] {
  const m = /^读法说明\s*(?:([一二三四五六七八九十])、([^“”\s）)。；]*))?((?:“[^”]+”)*)/.exec(ref);
  if (!m) return [];
  const [, numeral, label, quoted] = m;
  const words = [...(quoted ?? '').matchAll(/“([^”]+)”/g)].map((q) => q[1]!);
  if (!numeral && words.length === 0) return [];
  const sections = g.sections.filter((s) => !numeral || s.title.startsWith(`${numeral}、`));
  const entries = sections.flatMap((s) =>
    s.entries
      .filter((e) =>
        !label
          ? true
          : /^\d+$/.test(label)
            ? e.title.startsWith(`${label}.`)
            : e.title === label || s.title.includes(label),
      )
      .map((e) => `${e.title}\n${e.blocks.map(blockText).join('\n')}`),
  );
  if (entries.length === 0) return [`${ref}: no such entry`];
  return words.filter((w) => !entries.some((t) => t.includes(w))).map((w) => `${ref}: “${w}” not in the entry`);
}

describe('读法说明', () => {
  it('docs/READINGS.md is the guide written out (npx tsx scripts/write-readings-doc.ts rewrites it)', () => {
    expect(readFileSync(DOC, 'utf8')).toBe(readingsMarkdown());
  });

  it('lists the readings under the three parts, each with a text', () => {
    expect(READINGS_GUIDE.sections.map((s) => s.title)).toEqual([
      '一、通用读法',
      '二、各地需要说明的字句',
      '三、国家规定',
    ]);
    const general = READINGS_GUIDE.sections[0]!.entries.map((e) => e.title);
    expect(general[0]).toBe('1. 以上、以下、以内、届满、超过、不满、以外');
    expect(general.some((t) => t.includes('本地区'))).toBe(true);
    expect(general.some((t) => t.includes('一年内'))).toBe(true);
    for (const s of READINGS_GUIDE.sections)
      for (const e of s.entries) expect(e.blocks.map(blockText).join('').length, e.title).toBeGreaterThan(0);
  });

  it('names documents and articles: no rule id, parameter key or ISO date', () => {
    const text = readingsMarkdown();
    expect(text.match(/\b[a-z]+\/[a-z]+\/[\w.-]+/g)).toBeNull();
    expect(text.match(/\b[a-z]+\.[a-z]+\.[A-Za-z]+/g)).toBeNull();
    expect(text.match(/\b\d{4}-\d{2}-\d{2}\b/g)).toBeNull();
    // the check itself finds what it looks for
    expect('见 jiangsu/adjustment/9.2'.match(/\b[a-z]+\/[a-z]+\/[\w.-]+/g)).not.toBeNull();
  });

  it('every entry a rule note or a parameter cites exists and holds the words quoted', () => {
    const texts: string[] = [];
    for (const p of ALL_PACKS) {
      for (const r of p.rules) if (r.note) texts.push(r.note);
      for (const d of p.params) {
        if (d.citation) texts.push(d.citation);
        for (const v of d.values) if (typeof v.citation === 'string') texts.push(v.citation);
      }
    }
    const refs = texts.flatMap((t) => [...t.matchAll(/读法说明[^。；]*/g)].map((m) => m[0]));
    expect(refs.length).toBeGreaterThan(5);
    expect(refs.flatMap((r) => unresolved(r))).toEqual([]);
  });

  it('a citation of an entry that is not there, or of words the entry does not hold, is found', () => {
    expect(unresolved('读法说明 一、4“回溯期”')).toEqual([]);
    expect(unresolved('读法说明 二、陕西“35%的比例”')).toEqual([]);
    expect(unresolved('读法说明 一、99“回溯期”')).toHaveLength(1);
    expect(unresolved('读法说明“从未写过的读法”')).toHaveLength(1);
    expect(unresolved('读法说明 一、4“本地区”')).toHaveLength(1);
  });
});
