// The national pack is the root of every chain and says where each text it quotes came from.
import { describe, expect, it } from 'vitest';
import { emptyFacts } from '../../domain/facts.js';
import { evaluate } from '../../policy/engine.js';
import { explainSubject } from '../../policy/explain.js';
import { FactIndex } from '../../policy/fact-index.js';
import { packRegistry } from '../index.js';
import { national } from './index.js';

describe('national pack', () => {
  it('is the root of every chain', () => {
    expect(national.parent).toBeUndefined();
    const registry = packRegistry();
    for (const id of registry.packs.keys()) expect(registry.chain(id).at(-1)).toBe('national');
  });

  it('encodes 政务处分法 第八条 and 纪律处分条例 第十条至第十二条, each noting the version quoted', () => {
    const periods = national.rules.filter((r) => /\/(zwcf|dj)-/.test(r.id));
    expect(periods.map((r) => [r.id, r.citation.article])).toEqual([
      ['national/adjustment/zwcf-8', '第八条'],
      ['national/adjustment/dj-10', '第十条'],
      ['national/adjustment/dj-11', '第十一条'],
      ['national/adjustment/dj-12', '第十二条'],
    ]);
    for (const r of periods) expect(r.note ?? '', r.id).toMatch(/版本：.*(2020|2023)/);
  });

  it('marks the text of every rule read from a published copy as a summary, naming the copy and asking for the official text', () => {
    const copied = national.rules.filter((r) => !/\/(zwcf|dj)-/.test(r.id));
    expect(copied.map((r) => r.id)).toEqual([
      'national/adjustment/xr-reuse',
      'national/adjustment/xr-24.6',
      'national/incentive/kh-29.1',
      'national/incentive/zt-1998-19',
    ]);
    for (const r of copied) {
      expect(r.note ?? '', r.id).toMatch(/文本来源：/);
      expect(r.note ?? '', r.id).toMatch(/据正式文本录入/);
      expect(r.citation.text, r.id).toMatch(/^（转述要点，非原文）.*（原文待据正式文本录入）$/s);
    }
  });

  it('explains the period after 引咎辞职 in a jurisdiction whose own texts set none, with the article and the dates', () => {
    const f = emptyFacts();
    f.units.push({ id: 'jz', name: '焦作市', kind: 'city', pack: 'jiaozuo' });
    f.cadres.push({ id: 'c1', name: '甲', unit: 'jz', post: 'deputy' });
    f.adjustments.push({ cadre: 'c1', date: '2019-05-10', method: '引咎辞职' });
    const registry = packRegistry();
    const ev = evaluate(registry, f, { asOf: '2019-06-01' });
    const text = explainSubject(ev, new FactIndex(f), 'c1', registry.chain('jiaozuo'));
    expect(text).toContain('党政领导干部选拔任用工作条例');
    expect(text).toContain('2020-05-10 起方可提拔（评价日 2019-06-01 仍在影响期内）');
    expect(text).toContain('2021-05-10 起方可提拔至原职级以上');
  });
});
