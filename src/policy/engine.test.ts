import { describe, expect, it } from 'vitest';
import { emptyFacts, type Facts } from '../domain/facts.js';
import { definePack, param, rule } from './define.js';
import { evaluate, PackRegistry } from './engine.js';
import type { PackDef, Value } from './types.js';

const cite = (article: string) => ({ document: '测试办法', article, text: `${article}的条文。` });

// A tiny chain: low → top. `top/adjustment/1` fires for every principal; `low/adjustment/1` supersedes it for
// cadres of procuratorates only.
const top = definePack({
  id: 'top',
  title: '上级',
  documents: ['测试办法'],
  rules: [
    rule({
      id: 'top/adjustment/1',
      kind: 'computable',
      citation: cite('第一条'),
      forCadre(c, ctx) {
        if (c.post === 'principal') ctx.fire({ subject: c.id, because: [`${c.id} principal`] });
      },
    }),
    rule({
      id: 'top/adjustment/2',
      kind: 'computable',
      citation: cite('第二条'),
      forCadre(c, ctx) {
        for (const a of ctx.facts.adjustments(c.id))
          ctx.influence({
            subject: c.id,
            blocks: 'promotion',
            until: `${Number(a.date.slice(0, 4)) + 1}${a.date.slice(4)}`,
            because: [],
          });
      },
    }),
    rule({
      id: 'top/incentive/3',
      kind: 'computable',
      citation: cite('第三条'),
      forUnit(u, ctx) {
        const amount = ctx.param<number>('top.incentive.amount');
        if (amount !== undefined) ctx.set(u.id, 'award:2019', amount);
      },
    }),
    rule({ id: 'top/tolerance/4', kind: 'principle', citation: cite('第四条') }),
  ],
  params: [param({ key: 'top.incentive.amount', type: 'number', description: '金额', values: [] })],
  values: { award: { kind: 'replace' } },
});
const low = definePack({
  id: 'low',
  parent: 'top',
  title: '下级',
  documents: ['测试细则'],
  rules: [
    rule({
      id: 'low/adjustment/1',
      kind: 'computable',
      citation: cite('第一条'),
      supersedes: ['top/adjustment/1'],
      covers: (s, facts) => 'post' in s && facts.unit(s.unit)?.kind === 'procuratorate',
      forCadre(c, ctx) {
        ctx.fire({ subject: c.id, because: ['low'] });
      },
    }),
    rule({
      id: 'low/adjustment/2',
      kind: 'computable',
      citation: cite('第二条'),
      forCadre(c, ctx) {
        for (const s of ctx.facts.sanctions(c.id))
          ctx.influence({ subject: c.id, blocks: 'aboveOriginalLevel', until: '2022-01-01', because: [s.kind] });
        ctx.set(c.id, 'priorityPromotion', c.id === 'c2');
        ctx.set(c.id, 'priorityPromotion', false);
      },
    }),
  ],
  params: [],
  values: { priorityPromotion: { kind: 'any' } },
});
const registry = new PackRegistry([top, low]);

function facts(): Facts {
  const f = emptyFacts();
  f.units.push(
    { id: 'u1', name: '甲市', kind: 'city', pack: 'top' as never },
    { id: 'p1', name: '检察院', kind: 'procuratorate', parent: 'u1', pack: 'low' as never },
    { id: 'u2', name: '乙县', kind: 'county', parent: 'u1' },
  );
  f.cadres.push(
    { id: 'c1', name: '甲', unit: 'u1', post: 'principal' },
    { id: 'c2', name: '乙', unit: 'p1', post: 'principal' },
    { id: 'c3', name: '丙', unit: 'u2', post: 'staff' },
  );
  return f;
}

describe('evaluate', () => {
  it('applies each pack to the subjects whose chain includes it, inheriting bindings down the tree', () => {
    const ev = evaluate(registry, facts(), { asOf: '2020-01-01' });
    const of = (rule: string) =>
      ev.findings
        .filter((f) => f.rule === rule)
        .map((f) => f.subject)
        .sort();
    expect(of('top/adjustment/1')).toEqual(['c1']); // c2 is covered by the lower rule, c3 is not a principal
    expect(of('low/adjustment/1')).toEqual(['c2']);
    expect(ev.findings[0]!.citation.text).toContain('条文');
  });

  it('does not suppress the higher rule for subjects the lower rule does not cover', () => {
    const f = facts();
    f.units[1]!.kind = 'county'; // no longer a procuratorate: low covers nothing
    const ev = evaluate(registry, f, { asOf: '2020-01-01' });
    expect(
      ev.findings
        .filter((x) => x.rule === 'top/adjustment/1')
        .map((x) => x.subject)
        .sort(),
    ).toEqual(['c1', 'c2']);
  });

  it('reports an unset parameter as a gap and leaves the value absent; an override sets it', () => {
    const ev = evaluate(registry, facts(), { asOf: '2020-01-01' });
    expect(ev.gaps).toEqual(['未配置：top.incentive.amount']);
    expect(ev.values.u1?.['award:2019']).toBeUndefined();
    const ev2 = evaluate(registry, facts(), { asOf: '2020-01-01', params: { 'top.incentive.amount': 500 } });
    expect(ev2.gaps).toEqual([]);
    expect(ev2.values.u1?.['award:2019']).toBe(500);
  });

  it('rejects an override of an unknown parameter', () => {
    expect(() => evaluate(registry, facts(), { asOf: '2020-01-01', params: { 'top.nope': 1 } })).toThrow(/top.nope/);
  });

  it('gives every cadre priorityPromotion and the influence-period dates, null without a period', () => {
    const f = facts();
    f.adjustments.push({ cadre: 'c1', date: '2019-05-10', method: '免职' });
    f.sanctions.push({ cadre: 'c2', date: '2019-01-01', kind: '记过' });
    const ev = evaluate(registry, f, { asOf: '2020-01-01' });
    expect(ev.values.c1).toMatchObject({ priorityPromotion: false, promotionAllowedFrom: '2020-05-10' });
    // a later false does not undo an earlier true: priority is given if any rule gives it
    expect(ev.values.c2?.priorityPromotion).toBe(true);
    expect(ev.values.c1?.aboveOriginalLevelAllowedFrom).toBe('2020-05-10');
    expect(ev.values.c3).toEqual({
      priorityPromotion: false,
      promotionAllowedFrom: null,
      aboveOriginalLevelAllowedFrom: null,
    });
    expect(ev.values.c2?.aboveOriginalLevelAllowedFrom).toBe('2022-01-01');
    // only an above-level period on record: promotion to the same level is not blocked
    expect(ev.values.c2?.promotionAllowedFrom).toBe('2020-01-01');
  });

  it('the later of overlapping periods governs', () => {
    const f = facts();
    f.units[1]!.pack = undefined; // p1 inherits top from u1
    f.adjustments.push(
      { cadre: 'c1', date: '2019-05-10', method: '免职' },
      { cadre: 'c1', date: '2018-01-01', method: '免职' },
    );
    const ev = evaluate(registry, f, { asOf: '2020-01-01' });
    expect(ev.values.c1?.promotionAllowedFrom).toBe('2020-05-10');
  });

  it('uses the evaluation pack for units with no binding anywhere up the tree', () => {
    const f = emptyFacts();
    f.units.push({ id: 'u9', name: '丙市', kind: 'city' });
    f.cadres.push({ id: 'c9', name: '丁', unit: 'u9', post: 'principal' });
    expect(evaluate(registry, f, { asOf: '2020-01-01' }).findings).toEqual([]);
    const ev = evaluate(registry, f, { asOf: '2020-01-01', pack: 'top' });
    expect(ev.findings.map((x) => x.rule)).toEqual(['top/adjustment/1']);
    expect(ev.pack).toBe('top');
  });

  it('refuses rules whose kind and function disagree', () => {
    expect(() => rule({ id: 'top/adjustment/9', kind: 'computable', citation: cite('第九条') })).toThrow();
    expect(() => rule({ id: 'bad id', kind: 'principle', citation: cite('x') })).toThrow();
  });
});

// Two rules setting one value of one subject, in the order given: how they combine is the packs' declaration.
function combined(values: PackDef['values'], name: string, first: Value, second: Value): Value | undefined {
  const setter = (n: number, v: Value) =>
    rule({
      id: `solo/incentive/${n}`,
      kind: 'computable',
      citation: cite(`第${n}条`),
      forUnit: (u, ctx) => ctx.set(u.id, name, v),
    });
  const solo = definePack({
    id: 'solo',
    title: '单独',
    documents: ['测试办法'],
    rules: [setter(1, first), setter(2, second)],
    params: [],
    values,
  });
  const f = emptyFacts();
  f.units.push({ id: 'u1', name: '甲市', kind: 'city', pack: 'solo' as never });
  return evaluate(new PackRegistry([solo]), f, { asOf: '2020-01-01' }).values.u1?.[name];
}

describe('value names combine as the packs declare', () => {
  const order = ['嘉奖', '三等功', '二等功'];
  it('keeps the higher of ranked words whichever rule came last (就高不就低)', () => {
    const values = { commendation: { kind: 'highest', order } } as const;
    expect(combined(values, 'commendation:2019', '三等功', '嘉奖')).toBe('三等功');
    expect(combined(values, 'commendation:2019', '嘉奖', '二等功')).toBe('二等功');
  });

  it('lets an overriding verdict stand, merges lists, and lets a replaced value be replaced', () => {
    expect(
      combined({ tolerance: { kind: 'overriding', value: 'ineligible' } }, 'tolerance:r1', 'ineligible', 'eligible'),
    ).toBe('ineligible');
    expect(combined({ titles: { kind: 'union' } }, 'titles:2019', ['甲', '乙'], ['乙', '丙'])).toEqual([
      '甲',
      '乙',
      '丙',
    ]);
    expect(combined({ award: { kind: 'replace' } }, 'award:2019', 100, 200)).toBe(200);
    // the same family under another name is a different value: nothing to combine
    expect(combined({ award: { kind: 'replace' } }, 'award', 1, 2)).toBe(2);
  });

  it('refuses a value name no pack declared, instead of overwriting it', () => {
    expect(() => combined({ award: { kind: 'replace' } }, 'commendation:2019', '嘉奖', '三等功')).toThrow(
      /solo\/incentive\/1.*commendation:2019/,
    );
    expect(() => combined(undefined, 'award:2019', 1, 2)).toThrow(/award:2019/);
  });

  it('refuses at registration a name two packs combine differently, an unknown way, or an engine-derived name', () => {
    const pack = (id: string, values: PackDef['values']) =>
      definePack({ id, title: id, documents: [], rules: [], params: [], values });
    expect(
      () => new PackRegistry([pack('a', { titles: { kind: 'union' } }), pack('b', { titles: { kind: 'replace' } })]),
    ).toThrow(/titles/);
    expect(
      () =>
        new PackRegistry([
          pack('a', { commendation: { kind: 'highest', order } }),
          pack('b', { commendation: { kind: 'highest', order: [...order].reverse() } }),
        ]),
    ).toThrow(/commendation/);
    expect(() => new PackRegistry([pack('a', { titles: { kind: 'sum' } as never })])).toThrow(/titles/);
    expect(() => new PackRegistry([pack('a', { promotionAllowedFrom: { kind: 'replace' } })])).toThrow(
      /promotionAllowedFrom/,
    );
    expect(() => new PackRegistry([pack('a', { 'titles:2019': { kind: 'union' } })])).toThrow(/titles:2019/);
    // the same declaration in two packs is one table
    expect(
      () => new PackRegistry([pack('a', { titles: { kind: 'union' } }), pack('b', { titles: { kind: 'union' } })]),
    ).not.toThrow();
  });
});

describe('parameters', () => {
  it('reports a key no pack declares as unset instead of failing the evaluation', () => {
    const reader = definePack({
      id: 'reader',
      title: '读参数',
      documents: ['测试办法'],
      rules: [
        rule({
          id: 'reader/incentive/1',
          kind: 'computable',
          citation: cite('第一条'),
          forUnit: (u, ctx) => ctx.fire({ subject: u.id, because: [String(ctx.param('reader.incentive.nope'))] }),
        }),
      ],
      params: [],
    });
    const f = emptyFacts();
    f.units.push({ id: 'u1', name: '甲市', kind: 'city', pack: 'reader' as never });
    const ev = evaluate(new PackRegistry([reader]), f, { asOf: '2020-01-01' });
    expect(ev.gaps).toEqual(['未配置：reader.incentive.nope']);
    expect(ev.findings[0]!.because).toEqual(['undefined']);
  });
});

describe('explanations for people', () => {
  it('replaces vocabulary codes in reasons with words, leaving ids alone', async () => {
    const { humanize } = await import('./explain.js');
    expect(humanize('u1 2017 target 一般')).toBe('u1 2017 年度目标责任考核 一般');
    expect(humanize('c00000390 任 u000034（county）principal')).toBe('c00000390 任 u000034（县）主要负责人');
    expect(humanize('c1 2019-02-20 provincial 表彰')).toBe('c1 2019-02-20 省委、省政府 表彰');
    expect(humanize('分管 production_safety、party_building')).toBe('分管 安全生产、党的建设');
    expect(humanize('unit_targets c_principal')).toBe('unit_targets c_principal');
  });
});
