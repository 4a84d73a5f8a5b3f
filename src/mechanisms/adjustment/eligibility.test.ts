// The eligibility check and the influence-period ledger over facts in memory: a candidate list mixing every kind
// of block (adjustment periods of both kinds, sanctions of both families, an adjustment overlapping a sanction,
// periods ending on the date), a priority for promotion and a tolerance decision, each verdict cross-checked
// against `evaluate` on the same facts.
import { describe, expect, it } from 'vitest';
import { emptyFacts, type Facts } from '../../domain/facts.js';
import { evaluate } from '../../policy/engine.js';
import { packRegistry } from '../../packs/index.js';
import { checkEligibility, verdictOf } from './eligibility.js';
import { standings } from './ledger.js';

const registry = packRegistry();
const DATE = '2026-06-01';

function facts(): Facts {
  const f = emptyFacts();
  f.units.push(
    { id: 'js', name: '江苏省', kind: 'province', pack: 'jiangsu' },
    { id: 'nt', name: '南通市', kind: 'city', parent: 'js' },
    { id: 'sx', name: '陕西省', kind: 'province', pack: 'shaanxi' },
  );
  const cadre = (id: string, name: string, unit = 'nt') =>
    f.cadres.push({ id, name, unit, post: 'deputy', level: '正处' });
  cadre('demoted', '甲');
  f.adjustments.push({ cadre: 'demoted', date: '2025-04-15', method: '降职' }); // 2 years: until 2027-04-15
  cadre('resigned', '乙');
  f.adjustments.push({ cadre: 'resigned', date: '2025-06-01', method: '引咎辞职' }); // above level, until 2027-06-01
  cadre('sanctioned', '丙');
  f.sanctions.push({ cadre: 'sanctioned', date: '2026-01-10', kind: '记大过' }); // 18 months: until 2027-07-10
  cadre('party', '丁');
  f.sanctions.push({ cadre: 'party', date: '2025-12-01', kind: '党内严重警告' });
  cadre('overlap', '戊');
  f.adjustments.push({ cadre: 'overlap', date: '2026-03-01', method: '免职' }); // until 2027-03-01
  f.sanctions.push({ cadre: 'overlap', date: '2026-02-01', kind: '记过' }); // until 2027-02-01: the longer governs
  cadre('ends-today', '己');
  f.adjustments.push({ cadre: 'ends-today', date: '2025-06-01', method: '免职' }); // until 2026-06-01 = DATE
  cadre('ends-tomorrow', '庚');
  f.adjustments.push({ cadre: 'ends-tomorrow', date: '2025-06-02', method: '免职' }); // last day is DATE
  cadre('honoured', '辛');
  f.honors.push({ subject: 'honoured', date: '2025-10-01', conferredBy: 'provincial', title: '省级先进个人' });
  cadre('honoured-demoted', '壬');
  f.honors.push({ subject: 'honoured-demoted', date: '2025-10-01', conferredBy: 'central', title: '全国优秀' });
  f.adjustments.push({ cadre: 'honoured-demoted', date: '2026-01-05', method: '调离岗位' });
  cadre('tolerated', '癸');
  f.toleranceDecisions = [
    {
      case: 'k1',
      subject: 'tolerated',
      matter: 'm1',
      date: '2026-02-01',
      outcome: 'exempt',
      body: '市委',
      article: '五',
    },
  ];
  cadre('shaanxi', '子', 'sx');
  f.adjustments.push({ cadre: 'shaanxi', date: '2026-05-01', method: '改任非领导职务' });
  cadre('clean', '丑');
  return f;
}

const ids = [
  'demoted',
  'resigned',
  'sanctioned',
  'party',
  'overlap',
  'ends-today',
  'ends-tomorrow',
  'honoured',
  'honoured-demoted',
  'tolerated',
  'shaanxi',
  'clean',
];

describe('eligibility check', () => {
  const results = checkEligibility(registry, facts(), DATE, ids);
  const of = (id: string) => results.find((r) => r.cadreId === id)!;

  it('gives each kind of block its verdict, last day and article', () => {
    expect(of('demoted').verdict).toMatchObject({ kind: 'blocked', until: '2027-04-14', allowedFrom: '2027-04-15' });
    expect(of('demoted').verdict.words).toBe('不得提拔，至2027年4月14日');
    expect(of('demoted').reasons[0]).toMatchObject({ kind: 'block', rule: 'jiangsu/adjustment/12' });
    expect(of('demoted').reasons[0]!.article).toContain('第十二条');
    expect(of('resigned').verdict).toMatchObject({ kind: 'blockedAbove', until: '2027-05-31', level: '正处' });
    expect(of('resigned').verdict.words).toBe('不得提拔至高于正处的职级，至2027年5月31日');
    expect(of('sanctioned').verdict).toMatchObject({ kind: 'blocked', until: '2027-07-09' });
    expect(of('sanctioned').reasons[0]).toMatchObject({ rule: 'national/adjustment/zwcf-8' });
    expect(of('party').verdict.kind).toBe('blocked');
    expect(of('party').reasons[0]!.article).toContain('中国共产党纪律处分条例');
    expect(of('shaanxi').verdict).toMatchObject({ kind: 'blocked', until: '2027-04-30' });
    expect(of('shaanxi').reasons[0]).toMatchObject({ rule: 'shaanxi/adjustment/16' });
    expect(of('clean')).toMatchObject({ verdict: { kind: 'eligible', words: '可以提拔' }, reasons: [] });
  });

  it('lets the longer of an adjustment and a sanction govern, and names both', () => {
    expect(of('overlap').verdict).toMatchObject({ kind: 'blocked', until: '2027-02-28' });
    // 免职: 江苏 第十二条 and the national 干部任用条例 both give one year; the 记过 ends first
    expect(of('overlap').reasons.map((r) => r.until)).toEqual(['2027-02-28', '2027-02-28', '2027-01-31']);
    expect(
      of('overlap')
        .reasons.map((r) => r.rule)
        .sort(),
    ).toEqual(['jiangsu/adjustment/12', 'national/adjustment/xr-reuse', 'national/adjustment/zwcf-8'].sort());
  });

  it('shows the national period after 引咎辞职 or 调离岗位 where the jurisdiction sets none (焦作)', () => {
    const f = emptyFacts();
    f.units.push({ id: 'jz', name: '焦作市', kind: 'city', pack: 'jiaozuo' });
    f.cadres.push({ id: 'r', name: '寅', unit: 'jz', post: 'deputy', level: '正处' });
    f.cadres.push({ id: 't', name: '卯', unit: 'jz', post: 'deputy', level: '正处' });
    f.adjustments.push({ cadre: 'r', date: '2026-01-10', method: '引咎辞职' });
    f.adjustments.push({ cadre: 't', date: '2025-06-02', method: '调离岗位' }); // last day inside is DATE
    const [r, t] = checkEligibility(registry, f, DATE, ['r', 't']);
    expect(r!.verdict).toMatchObject({ kind: 'blocked', until: '2027-01-09' });
    expect(r!.reasons.map((x) => [x.rule, x.until])).toEqual([
      ['national/adjustment/xr-reuse', '2028-01-09'],
      ['national/adjustment/xr-reuse', '2027-01-09'],
    ]);
    expect(r!.reasons[0]!.article).toContain('党政领导干部选拔任用工作条例');
    expect(t!.verdict).toMatchObject({ kind: 'blocked', until: DATE });
    expect(checkEligibility(registry, f, '2026-06-02', ['t'])[0]!.verdict.kind).toBe('eligible');
    const ledger = standings(registry, f, DATE);
    expect(ledger.get('r')!.periods.map((p) => [p.blocks, p.until])).toEqual([
      ['aboveOriginalLevel', '2028-01-10'],
      ['promotion', '2027-01-10'],
    ]);
  });

  it('counts a period as over on the day it ends (届满 includes the day)', () => {
    expect(of('ends-today').verdict.kind).toBe('eligible');
    expect(of('ends-today').reasons).toEqual([]);
    expect(of('ends-tomorrow').verdict).toMatchObject({ kind: 'blocked', until: DATE });
    const dayAfter = checkEligibility(registry, facts(), '2026-06-02', ['ends-tomorrow'])[0]!;
    expect(dayAfter.verdict.kind).toBe('eligible');
  });

  it('shows a priority for promotion as a note that never lifts a block', () => {
    expect(of('honoured')).toMatchObject({ verdict: { kind: 'eligible' }, priorityPromotion: true });
    expect(of('honoured').reasons).toMatchObject([{ kind: 'priority', rule: 'jiangsu/incentive/8.4' }]);
    expect(of('honoured-demoted').verdict.kind).toBe('blocked');
    expect(of('honoured-demoted').reasons.map((r) => r.kind)).toEqual(['block', 'block', 'priority']);
  });

  it('shows a tolerance decision with its article', () => {
    expect(of('tolerated').verdict.kind).toBe('eligible');
    expect(of('tolerated').reasons).toMatchObject([{ kind: 'tolerance', rule: 'jiangsu/tolerance/decision' }]);
  });

  it('agrees with evaluate on the same facts for every candidate', () => {
    const ev = evaluate(registry, facts(), { asOf: DATE });
    for (const r of results) {
      const v = ev.values[r.cadreId]!;
      const expected = verdictOf(
        {
          date: DATE,
          promotionAllowedFrom: v.promotionAllowedFrom as string | null,
          aboveOriginalLevelAllowedFrom: v.aboveOriginalLevelAllowedFrom as string | null,
        },
        '正处',
      );
      expect(r.verdict, r.cadreId).toEqual(expected);
      expect(r.priorityPromotion, r.cadreId).toBe(v.priorityPromotion);
      // every block reason is a finding of the same rule about the same cadre in the evaluation
      for (const reason of r.reasons)
        expect(
          ev.findings.some((f) => f.rule === reason.rule && f.subject === r.cadreId),
          `${r.cadreId} ${reason.rule}`,
        ).toBe(true);
    }
  });
});

describe('influence-period ledger', () => {
  it('lists only the cadres inside a period on the date, with what each period blocks', () => {
    const st = standings(registry, facts(), DATE);
    const inside = [...st.values()].filter((s) => s.periods.length > 0).map((s) => s.cadre.id);
    expect(inside.sort()).toEqual(
      ['demoted', 'resigned', 'sanctioned', 'party', 'overlap', 'ends-tomorrow', 'honoured-demoted', 'shaanxi'].sort(),
    );
    // 江苏 第十二条 and the national 干部任用条例 both bar the level above for two years; the national one-year bar on
    // any promotion ended on the date
    expect(st.get('resigned')!.periods).toMatchObject([
      { blocks: 'aboveOriginalLevel', until: '2027-06-01', rule: 'national/adjustment/xr-reuse' },
      { blocks: 'aboveOriginalLevel', until: '2027-06-01', rule: 'jiangsu/adjustment/12' },
    ]);
  });
});
