// Effective dates: a rule fires from its `from` (inclusive) until its `until` (exclusive: the day a replacing text
// takes effect), its own dates taking precedence over its pack's.
import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../domain/facts.js';
import { definePack, rule } from './define.js';
import { PackRegistry, evaluate } from './engine.js';
import type { Citation } from './types.js';

const cite: Citation = { document: '测试办法', article: '第一条', text: '第一条 测试。' };
const fires = (id: string, dates: { from?: string; until?: string }) =>
  rule({
    id,
    kind: 'computable',
    citation: cite,
    ...dates,
    forCadre(c, ctx) {
      ctx.fire({ subject: c.id, because: ['在册'] });
    },
  });

const registry = new PackRegistry([
  definePack({
    id: 'old',
    title: '旧办法',
    documents: ['旧办法'],
    from: '2016-06-15',
    until: '2018-10-26',
    rules: [fires('old/adjustment/1', {}), fires('old/adjustment/2', { until: '2017-01-01' })],
    params: [],
  }),
]);

function fired(asOf: string): string[] {
  const f = emptyFacts();
  f.units.push({ id: 'u', name: '甲市', kind: 'city', pack: 'old' as never }); // a test pack, not a jurisdiction
  f.cadres.push({ id: 'c', name: '甲', unit: 'u', post: 'deputy' });
  return evaluate(registry, f, { asOf }).findings.map((x) => x.rule);
}

describe('effective dates', () => {
  it('a pack’s rules do not fire the day before its from, and fire on the day of it', () => {
    expect(fired('2016-06-14')).toEqual([]);
    expect(fired('2016-06-15')).toEqual(['old/adjustment/1', 'old/adjustment/2']);
  });

  it('they fire on the last day before until, and not on the day of until nor the day after', () => {
    expect(fired('2018-10-25')).toEqual(['old/adjustment/1']);
    expect(fired('2018-10-26')).toEqual([]);
    expect(fired('2018-10-27')).toEqual([]);
  });

  it('a rule’s own until takes precedence over its pack’s', () => {
    expect(fired('2016-12-31')).toEqual(['old/adjustment/1', 'old/adjustment/2']);
    expect(fired('2017-01-01')).toEqual(['old/adjustment/1']);
  });
});
