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

  it('quotes every rule word for word from a named public copy, marked as a secondary source to check', () => {
    expect(national.rules.map((r) => r.id)).toEqual([
      'national/adjustment/zwcf-8',
      'national/adjustment/dj-10',
      'national/adjustment/dj-11',
      'national/adjustment/dj-12',
      'national/adjustment/xr-reuse',
      'national/adjustment/xr-24.6',
      'national/incentive/kh-29.1',
      'national/incentive/zt-1998-19',
    ]);
    for (const r of national.rules) {
      expect(r.note ?? '', r.id).toMatch(/文本来源：/);
      // no summary in place of the article
      expect(r.citation.text, r.id).not.toMatch(/转述|要点|非原文|待据正式文本录入/);
      expect(r.note ?? '', r.id).toMatch(/此为二手公开来源，不是正式文本：请据.*正式文本.*核对/);
      // the notes are read on the rules page: dates in words, as everywhere people read them
      expect(`${r.title ?? ''}${r.note ?? ''}${r.citation.text}`, r.id).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
  });

  it('quotes the provisions as the named copies print them (full-width punctuation), not in our words', () => {
    const text = (id: string) => national.rules.find((r) => r.id === id)!.citation.text;
    expect(text('national/adjustment/xr-reuse')).toContain(
      '引咎辞职、责令辞职和因问责被免职的党政领导干部，一年内不安排领导职务，两年内不得担任高于原任职务层次的领导职务。' +
        '同时受到党纪政务处分的，按照影响期长的规定执行。因不适宜担任现职调离岗位、免职的，一年内不得提拔。',
    );
    expect(text('national/adjustment/xr-24.6')).toContain(
      '（六）受到诫勉、组织处理或者党纪政务处分等影响期未满或者期满影响使用的；',
    );
    expect(text('national/incentive/kh-29.1')).toBe(
      '受处分公务员的年度考核，按照下列规定办理：\n（一）受警告处分的当年，参加年度考核，不得确定为优秀等次；',
    );
    expect(text('national/incentive/zt-1998-19')).toMatch(
      /^一、受党内警告处分的当年，参加年度考核，不得确定为优秀等次。\n二、/,
    );
    for (const r of national.rules) expect(r.citation.text, r.id).not.toMatch(/[,;:()]/);
  });

  it('explains why 优秀 is barred in the years after a 留党察看, naming the item and the reading', () => {
    const f = emptyFacts();
    f.units.push({ id: 'jz', name: '焦作市', kind: 'city', pack: 'jiaozuo' });
    f.cadres.push({ id: 'c1', name: '甲', unit: 'jz', post: 'deputy' });
    f.sanctions.push({ cadre: 'c1', date: '2024-02-29', kind: '留党察看' });
    const registry = packRegistry();
    const ev = evaluate(registry, f, { asOf: '2026-06-01' });
    const years = ev.findings
      .filter((x) => x.rule === 'national/incentive/zt-1998-19' && x.subject === 'c1')
      .map((x) => [x.year, x.conclusion]);
    expect(years).toEqual([
      [2024, '2024年度考核不得确定为优秀等次（留党察看）'],
      [2025, '2025年度考核不得确定为优秀等次（留党察看）'],
      [2026, '2026年度考核不得确定为优秀等次（留党察看）'],
    ]);
    const text = explainSubject(ev, new FactIndex(f), 'c1', registry.chain('jiaozuo'));
    expect(text).toContain('关于受党纪处分的党政机关工作人员年度考核有关问题的意见');
    expect(text).toContain(
      '第四项：受处分的第三年参加年度考核，只写评语不确定等次（受留党察看二年处分的第三年；记录未载察看期长短，按二年计）',
    );
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
