// The jiangsu pack's own checks: every citation is verbatim in the seed, every DESIGN §3 locator exists, and a bare
// locator in a determination is not read as jiangsu's when the subject sits under a unit bound to another pack.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emptyFacts, type Facts } from '../../domain/facts.js';
import { definePack } from '../../policy/define.js';
import { evaluate, PackRegistry } from '../../policy/engine.js';
import { national } from '../national/index.js';
import { jiangsu } from './index.js';

const seedPath = fileURLToPath(new URL('../../../seeds/000_2705b41455aeb921.txt', import.meta.url));
const strip = (s: string) => s.replace(/\s+/g, '');

describe('jiangsu citations', () => {
  it('quotes every article verbatim from the seed (ignoring whitespace)', () => {
    const seed = strip(readFileSync(seedPath, 'utf8'));
    const bad = jiangsu.rules.filter((r) => !seed.includes(strip(r.citation.text))).map((r) => r.id);
    expect(bad).toEqual([]);
  });

  it('cites one of the three documents by its printed title', () => {
    for (const r of jiangsu.rules) expect(jiangsu.documents, r.id).toContain(r.citation.document);
  });

  it('has every locator of the DESIGN §3 checklist', () => {
    const r = (p: string, a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => `${p}${a + i}`);
    const want = [
      ...['4', '7.1', '7.2', '7.3', '8.2', '8.3', '8.4', '8.5', ...r('9.', 1, 4), '10.2'].map(
        (l) => `jiangsu/incentive/${l}`,
      ),
      ...[
        ...r('1.', 1, 3),
        '2',
        ...r('2.', 1, 6),
        ...r('3.', 1, 3),
        '4',
        ...r('4.', 1, 3),
        ...r('5.', 1, 3),
        ...r('6.', 1, 3),
      ].map((l) => `jiangsu/tolerance/${l}`),
      ...[
        '4',
        ...r('6.', 1, 5),
        ...r('7.', 1, 3),
        ...r('8.', 1, 2),
        ...r('9.', 1, 7),
        ...r('10.', 1, 5),
        '11',
        '12',
        '13',
      ].map((l) => `jiangsu/adjustment/${l}`),
    ];
    const have = new Set(jiangsu.rules.map((x) => x.id));
    expect(want.filter((id) => !have.has(id))).toEqual([]);
  });
});

describe('determination clauses', () => {
  // A stand-in for a lower pack bound to a unit: its own numbering differs, so '9.1' there is not jiangsu's 9.1.
  const lower = definePack({ id: 'rudong', parent: 'jiangsu', title: 'lower', documents: [], rules: [], params: [] });
  const registry = new PackRegistry([national, jiangsu, lower]);
  const facts = (clause: string, pack?: 'rudong'): Facts => ({
    ...emptyFacts(),
    units: [{ id: 'u1', name: '某单位', kind: 'procuratorate', ...(pack ? { pack } : {}) }],
    cadres: [{ id: 'c1', name: '甲', unit: 'u1', post: 'principal' }],
    determinations: [{ subject: 'c1', date: '2019-02-01', kind: 'inaction', clause }],
  });
  const fired = (f: Facts) =>
    evaluate(registry, f, { asOf: '2019-06-01', pack: 'jiangsu' }).findings.some(
      (x) => x.rule === 'jiangsu/adjustment/9.1' && x.subject === 'c1',
    );

  it('reads a bare locator or the printed article as jiangsu’s when no other pack is bound', () => {
    expect(fired(facts('9.1'))).toBe(true);
    expect(fired(facts('第九条（一）'))).toBe(true);
    expect(fired(facts('9.2'))).toBe(false);
  });

  it('needs the full rule id under a unit bound to a lower pack', () => {
    expect(fired(facts('9.1', 'rudong'))).toBe(false);
    expect(fired(facts('jiangsu/adjustment/9.1', 'rudong'))).toBe(true);
  });
});
