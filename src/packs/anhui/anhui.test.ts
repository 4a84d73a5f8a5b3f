// The anhui pack: every item 1–20 is a rule quoting its item verbatim, and the 六个要件 reading of 11. decides
// 免责 / 从轻减轻 / 不予容错 at each element's boundary.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anhui } from './index.js';
import { assessSixElements } from './six-elements.js';

const SEED = new URL('../../../seeds/003_d045ccc2ef85509a.txt', import.meta.url);

describe('anhui rules', () => {
  it('has one rule per item 1–20, each under anhui/opinion/<item>', () => {
    expect(anhui.rules.map((r) => r.id)).toEqual(Array.from({ length: 20 }, (_, i) => `anhui/opinion/${i + 1}`));
  });

  it('quotes each item verbatim from the seed (ignoring whitespace), item number as printed', () => {
    const strip = (s: string) => s.replace(/\s+/g, '');
    const seed = strip(readFileSync(SEED, 'utf8'));
    for (const r of anhui.rules) {
      expect(seed.includes(strip(`${r.locator}.${r.citation.text}`)), r.id).toBe(true);
      expect(r.citation.article).toBe(`${r.locator}.`);
    }
  });

  it('computes exactly the items the DESIGN checklist names', () => {
    const computable = anhui.rules.filter((r) => r.kind === 'computable').map((r) => r.locator);
    expect(computable).toEqual(['6', '9', '11', '12', '15', '16', '18']);
  });
});

describe('11. 六个要件', () => {
  const good = { soughtPrivateGain: false, collectiveDecision: true, remedied: true } as const;

  it('all six met and no serious consequence → 免责', () => {
    const r = assessSixElements(good);
    expect(r.outcome).toBe('免责');
    expect(r.eligible).toBe(true);
    expect(r.elements.map((e) => e.element)).toEqual([
      '动机态度',
      '客观条件',
      '程序方法',
      '性质程度',
      '后果影响',
      '挽回损失',
    ]);
  });

  it('a serious consequence actively remedied → 从轻减轻 (still eligible)', () => {
    const r = assessSixElements({ ...good, seriousConsequence: true });
    expect(r.outcome).toBe('从轻减轻');
    expect(r.eligible).toBe(true);
  });

  it('a serious consequence not remedied → 不予容错, naming 后果影响 and 挽回损失', () => {
    const r = assessSixElements({ ...good, seriousConsequence: true, remedied: false });
    expect(r.outcome).toBe('不予容错');
    expect(r.reasons.join()).toContain('后果影响');
    expect(r.reasons.join()).toContain('挽回损失');
  });

  it.each([
    ['soughtPrivateGain', '动机态度'],
    ['knowingly', '客观条件'],
    ['prohibited', '性质程度'],
    ['collusion', '性质程度'],
    ['integrityIssue', '性质程度'],
    ['politicalIssue', '性质程度'],
    ['criminal', '性质程度'],
  ] as const)('%s established → 不予容错 on %s', (flag, element) => {
    const r = assessSixElements({ ...good, [flag]: true });
    expect(r.outcome).toBe('不予容错');
    expect(r.reasons).toHaveLength(1);
    expect(r.reasons[0]).toContain(element);
  });

  it('a wrongdoing flag found false does not count against the cadre', () => {
    expect(assessSixElements({ ...good, knowingly: false, prohibited: false }).outcome).toBe('免责');
  });

  it('个人专断 (collectiveDecision=false) → 不予容错; not established → 未查明, also not eligible', () => {
    const no = assessSixElements({ ...good, collectiveDecision: false });
    expect(no.outcome).toBe('不予容错');
    expect(no.elements.find((e) => e.element === '程序方法')!.state).toBe('notMet');
    const unknown = assessSixElements({ soughtPrivateGain: false, remedied: true });
    expect(unknown.eligible).toBe(false);
    expect(unknown.elements.find((e) => e.element === '程序方法')!.state).toBe('unknown');
    expect(unknown.reasons[0]).toContain('未查明');
  });
});
