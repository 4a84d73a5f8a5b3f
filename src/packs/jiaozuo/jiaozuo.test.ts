// The 焦作 page was OCR'd across its columns, so its citations cannot be checked as one substring of the seed (as the
// other packs' are). What can be checked: every citation is made of the seed's own words (runs of at least four
// characters, whitespace ignored), TEXT.md — the reassembled text people read — quotes the same sentences, and the
// 30% quota reading holds at its boundaries.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyFacts, type Facts } from '../../domain/facts.js';
import { evaluate } from '../../policy/engine.js';
import { packRegistry } from '../index.js';
import { jiaozuo } from './index.js';

const strip = (s: string) => s.replace(/\s+/g, '');
const seed = strip(readFileSync(join(import.meta.dirname, '../../../seeds/004_5e8ed9ad8432f6e5.txt'), 'utf8'));
const textMd = strip(readFileSync(join(import.meta.dirname, 'TEXT.md'), 'utf8'));

/** Splits `text` greedily into the longest runs found in `source`; characters not found at all come out alone. */
function segments(text: string, source: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let len = 0;
    while (i + len < text.length && source.includes(text.slice(i, i + len + 1))) len++;
    out.push(text.slice(i, i + Math.max(len, 1)));
    i += Math.max(len, 1);
  }
  return out;
}

describe('jiaozuo citations', () => {
  it('are made of the seed page’s own words (no paraphrase, no added characters)', () => {
    const bad: string[] = [];
    for (const r of jiaozuo.rules) {
      const short = segments(strip(r.citation.text), seed).filter((s) => s.length < 4);
      if (short.length > 0) bad.push(`${r.id}: ${short.join(' ')}`);
    }
    expect(bad).toEqual([]);
  });

  it('quote the sentences TEXT.md gives for each part', () => {
    const missing: string[] = [];
    for (const r of jiaozuo.rules)
      for (const sentence of r.citation.text.split('\n')) if (!textMd.includes(strip(sentence))) missing.push(r.id);
    expect(missing).toEqual([]);
  });

  it('record the OCR heading 谷苗纠苗 as 容错纠错 in errata and cite the corrected heading', () => {
    expect(jiaozuo.errata?.some((e) => e.includes('谷苗纠苗') && e.includes('容错纠错的结果运用'))).toBe(true);
    const outcome = jiaozuo.rules.find((r) => r.id === 'jiaozuo/tolerance/outcome.1');
    expect(outcome?.citation.article).toBe('容错纠错的结果运用（一）');
  });
});

describe('jiaozuo 措施 1 quota (按30%的比例分类评定“好”等次)', () => {
  const grades = (scores: number[], params: Record<string, unknown> = {}) => {
    const facts: Facts = emptyFacts();
    scores.forEach((score, i) => {
      facts.units.push({ id: `u${i + 1}`, name: `县${i + 1}`, kind: 'county' });
      facts.unitAssessments.push({ unit: `u${i + 1}`, year: 2019, scheme: 'performance', score });
    });
    const ev = evaluate(packRegistry(), facts, { asOf: '2020-03-01', pack: 'jiaozuo', params });
    return { ev, good: scores.map((_, i) => ev.values[`u${i + 1}`]?.['grade:performance:2019']) };
  };
  const desc = (n: number) => Array.from({ length: n }, (_, i) => 100 - i);

  it('gives exactly 30% when the share is whole, and never more than 30% otherwise', () => {
    expect(grades(desc(10)).good.filter((g) => g === '好')).toHaveLength(3);
    expect(grades(desc(7)).good.filter((g) => g === '好')).toHaveLength(2); // 2.1 → 2
    expect(grades(desc(3)).good.filter((g) => g === '好')).toHaveLength(0); // 0.9 → 0
    expect(grades(desc(7), { 'jiaozuo.incentive.quotaRounding': 'ceil' }).good.filter((g) => g === '好')).toHaveLength(
      3,
    );
  });

  it('leaves a tie across the cut-off to a decision instead of breaking it', () => {
    const { ev, good } = grades([100, 99, 98, 98, 90]); // 5 × 30% = 1.5 → 1 place; no tie at the top
    expect(good).toEqual(['好', undefined, undefined, undefined, undefined]);
    const tie = grades([100, 100, 98, 97, 96, 95, 94]); // 2 places, 1st and 2nd tied inside the quota
    expect(tie.good.slice(0, 2)).toEqual(['好', '好']);
    const cut = grades([100, 99, 99, 97, 96, 95, 94]); // 2 places; 2nd and 3rd tied across the cut-off
    expect(cut.good.slice(0, 3)).toEqual(['好', null, null]);
    expect(cut.ev.gaps).toContain('待定：jiaozuo/incentive/measure.1 2019 performance 县(市)区 名额线并列 u2,u3');
    expect(ev.gaps).toEqual([]);
  });
});
