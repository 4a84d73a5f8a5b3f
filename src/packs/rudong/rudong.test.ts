// The rudong pack's own checks: citations verbatim in the seed, the checklist and errata, the share parameter's
// accepted forms, and the cases scenarios cannot express (an invalid share is reported, never guessed).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emptyFacts, type Facts } from '../../domain/facts.js';
import { evaluate } from '../../policy/engine.js';
import { packRegistry } from '../index.js';
import { parseShare } from './incentive.js';
import { rudong } from './index.js';

const seedPath = fileURLToPath(new URL('../../../seeds/002_e15b13a7c5d5554b.txt', import.meta.url));
const strip = (s: string) => s.replace(/\s+/g, '');

describe('rudong citations', () => {
  it('quotes every article verbatim from the seed (ignoring whitespace)', () => {
    const seed = strip(readFileSync(seedPath, 'utf8'));
    const bad = rudong.rules.filter((r) => !seed.includes(strip(r.citation.text))).map((r) => r.id);
    expect(bad).toEqual([]);
  });

  it('cites one of the three documents by its printed title', () => {
    for (const r of rudong.rules) expect(rudong.documents, r.id).toContain(r.citation.document);
  });

  it('uses the corrected numbering of the errata (第七条 提拔重用, 第八条（五）)', () => {
    const byId = new Map(rudong.rules.map((r) => [r.id, r]));
    expect(byId.get('rudong/incentive/7.2')!.citation.article).toBe('第七条（二）');
    expect(byId.get('rudong/incentive/7.2')!.citation.text).toContain('受到县委县政府及以上奖励的干警');
    expect(byId.get('rudong/incentive/8.1')!.citation.text).toContain('可给予一定物质奖励');
    expect(byId.get('rudong/adjustment/8.5')!.citation.article).toBe('第八条（五）');
    expect(byId.get('rudong/adjustment/8.5')!.citation.text).toBe('其他不担当不作为问题造成严重后果或恶劣影响的。');
    expect(rudong.errata).toHaveLength(2);
  });
});

describe('parseShare (rudong.incentive.excellentRatio)', () => {
  it('reads a fraction, a percentage and a ratio exactly', () => {
    expect(parseShare(0.15)).toEqual({ num: 15, den: 100 });
    expect(parseShare('15%')).toEqual({ num: 15, den: 100 });
    expect(parseShare('12.5%')).toEqual({ num: 125, den: 1000 });
    expect(parseShare('3/20')).toEqual({ num: 3, den: 20 });
    expect(parseShare(1)).toEqual({ num: 1, den: 1 });
  });

  it('rejects what is not a share', () => {
    for (const v of [0, -0.1, 1.5, '150%', 'abc', '3/0', null, true, Number.NaN])
      expect(parseShare(v), String(v)).toBeUndefined();
  });
});

describe('excellent share', () => {
  const facts = (): Facts => ({
    ...emptyFacts(),
    units: [{ id: 'p1', name: '如东县人民检察院', kind: 'procuratorate' }],
    cadres: [{ id: 'c1', name: '甲', unit: 'p1', post: 'staff' }],
    cadreAssessments: [{ cadre: 'c1', year: 2019, grade: '优秀' }],
  });

  it('reports an invalid share as a gap and sets no quota', () => {
    const ev = evaluate(packRegistry(), facts(), {
      asOf: '2020-02-01',
      pack: 'rudong',
      params: { 'rudong.incentive.excellentRatio': '二成' },
    });
    expect(ev.gaps.some((g) => g.startsWith('参数无效：rudong.incentive.excellentRatio'))).toBe(true);
    expect(ev.values.p1?.['excellentQuota:2019']).toBeUndefined();
    // the commendation follows the grade on record whatever the share
    expect(ev.values.c1?.['commendation:2019']).toBe('嘉奖');
  });

  it('leaves the quota absent and names the open parameter when it is unset', () => {
    const ev = evaluate(packRegistry(), facts(), { asOf: '2020-02-01', pack: 'rudong' });
    expect(ev.gaps).toContain('未配置：rudong.incentive.excellentRatio');
    expect(ev.values.p1?.['excellentQuota:2019']).toBeUndefined();
  });
});
