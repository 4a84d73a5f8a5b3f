// One reading per wording across the rulebooks (docs/READINGS.md): each wording that several packs use is applied, with
// the same facts, to every pack that uses it, and every pack must conclude the same.
import { describe, expect, it } from 'vitest';
import { emptyFacts, type Facts, type IncidentFact } from '../src/domain/facts.js';
import type { IncidentCategory, PostRole, UnitKind } from '../src/domain/vocabulary.js';
import { evaluate } from '../src/policy/engine.js';
import type { Evaluation } from '../src/policy/types.js';
import { packRegistry } from '../src/packs/index.js';

const registry = packRegistry();

function run(pack: string, asOf: string, build: (f: Facts) => void, params: Record<string, unknown> = {}): Evaluation {
  const f = emptyFacts();
  build(f);
  return evaluate(registry, f, { pack, asOf, params });
}
const fired = (e: Evaluation, rule: string, subject: string) =>
  e.findings.some((x) => x.rule === rule && x.subject === subject);

/** A place where incidents are recorded, and the cadre a rule about them concerns. */
interface IncidentWording {
  pack: string;
  rule: string;
  /** kind of the unit whose leader is alerted, and the kind of a unit below it */
  kind: UnitKind;
  childKind: UnitKind;
  post: PostRole;
  category: IncidentCategory;
  /** a severity of which this many within one year fire the rule (and one does not) */
  severity: IncidentFact['severity'];
  count: number;
  /** the pack's window parameter */
  windowParam: string;
}

const ONE_YEAR: IncidentWording[] = [
  {
    pack: 'jiangsu',
    rule: 'jiangsu/adjustment/9.5',
    kind: 'county',
    childKind: 'county_dept',
    post: 'principal',
    category: 'production_safety',
    severity: '重大',
    count: 2,
    windowParam: 'jiangsu.adjustment.incidentWindow',
  },
  {
    pack: 'shaanxi',
    rule: 'shaanxi/adjustment/12.1',
    kind: 'county',
    childKind: 'county_dept',
    post: 'principal',
    category: 'production_safety',
    severity: '较大',
    count: 2,
    windowParam: 'shaanxi.adjustment.incidentWindow',
  },
  {
    pack: 'rudong',
    rule: 'rudong/adjustment/8.2',
    kind: 'internal_dept',
    childKind: 'internal_dept',
    post: 'midlevel',
    category: 'mass_incident',
    severity: '一般',
    count: 2,
    windowParam: 'rudong.adjustment.incidentWindow',
  },
];

function incidentFacts(w: IncidentWording, dates: string[], at: 'self' | 'child' = 'self') {
  return (f: Facts) => {
    f.units.push({ id: 'top', name: '上级', kind: 'procuratorate' });
    f.units.push({ id: 'u1', name: '甲', kind: w.kind, parent: 'top' });
    f.units.push({ id: 'u2', name: '甲下属', kind: w.childKind, parent: 'u1' });
    f.units.push({ id: 'u3', name: '乙', kind: w.kind, parent: 'top' });
    f.cadres.push({ id: 'c1', name: '甲负责人', unit: 'u1', post: w.post });
    f.cadres.push({ id: 'c3', name: '乙负责人', unit: 'u3', post: w.post });
    for (const date of dates)
      f.incidents.push({ unit: at === 'self' ? 'u1' : 'u2', date, category: w.category, severity: w.severity });
  };
}

describe('一年内发生N起: the same window in every pack', () => {
  for (const w of ONE_YEAR) {
    it(`${w.rule}: an incident on the anniversary of the first is within one year; a day later is not`, () => {
      const twice = (d2: string) => run(w.pack, '2019-06-01', incidentFacts(w, ['2018-03-01', d2]));
      expect(fired(twice('2019-03-01'), w.rule, 'c1')).toBe(true);
      expect(fired(twice('2019-03-02'), w.rule, 'c1')).toBe(false);
    });

    it(`${w.rule}: a calendar year early in which two incidents fall counts while its 31 December is in the look-back`, () => {
      const cal = (asOf: string) =>
        run(w.pack, asOf, incidentFacts(w, ['2017-02-01', '2017-03-01']), { [w.windowParam]: 'calendarYear' });
      expect(fired(cal('2019-12-31'), w.rule, 'c1')).toBe(true);
      expect(fired(cal('2020-01-01'), w.rule, 'c1')).toBe(false);
    });

    it(`${w.rule}: incidents dated after the evaluation date do not count`, () => {
      const e = run(w.pack, '2019-06-01', incidentFacts(w, ['2019-05-01', '2019-06-02']));
      expect(fired(e, w.rule, 'c1')).toBe(false);
    });
  }
});

describe('本地区: the unit and the units below it', () => {
  // 如东 8.2 has no 本地区 (its subjects are 中层干部 of one department): it is not in this table.
  for (const w of ONE_YEAR.filter((x) => x.pack !== 'rudong')) {
    it(`${w.rule}: incidents in a unit below reach the leader above, not a neighbour`, () => {
      const e = run(w.pack, '2019-06-01', incidentFacts(w, ['2019-01-01', '2019-02-01'], 'child'));
      expect(fired(e, w.rule, 'c1')).toBe(true);
      expect(fired(e, w.rule, 'c3')).toBe(false);
    });
  }
});

describe('连续两年发生: two calendar years in a row, the later one ending in the look-back', () => {
  const TWO_YEARS = [
    { pack: 'jiangsu', rule: 'jiangsu/adjustment/9.6', kind: 'county' as UnitKind, post: 'principal' as PostRole },
    { pack: 'shaanxi', rule: 'shaanxi/adjustment/13.1', kind: 'city' as UnitKind, post: 'principal' as PostRole },
    { pack: 'rudong', rule: 'rudong/adjustment/8.2', kind: 'internal_dept' as UnitKind, post: 'midlevel' as PostRole },
  ];
  for (const w of TWO_YEARS)
    it(`${w.rule}`, () => {
      const facts = (dates: string[]) => (f: Facts) => {
        f.units.push({ id: 'u1', name: '甲', kind: w.kind });
        f.cadres.push({ id: 'c1', name: '甲负责人', unit: 'u1', post: w.post });
        for (const date of dates)
          f.incidents.push({ unit: 'u1', date, category: 'mass_incident', severity: '特别重大' });
      };
      // more than a year apart, so only 连续两年 can fire
      const apart = ['2017-01-10', '2018-12-20'];
      expect(fired(run(w.pack, '2020-12-31', facts(apart)), w.rule, 'c1')).toBe(true);
      expect(fired(run(w.pack, '2021-01-01', facts(apart)), w.rule, 'c1')).toBe(false);
      expect(fired(run(w.pack, '2020-06-01', facts(['2016-01-10', '2018-12-20'])), w.rule, 'c1')).toBe(false);
    });
});

describe('以上 includes the number, 超过 excludes it', () => {
  const votes = (excellent: number, competent: number, basic: number, incompetent: number) => (f: Facts) => {
    f.units.push({ id: 'u1', name: '甲县', kind: 'county' });
    f.cadres.push({ id: 'c1', name: '副县长', unit: 'u1', post: 'deputy' });
    f.cadreAssessments.push({ cadre: 'c1', year: 2018, votes: { excellent, competent, basic, incompetent } });
  };
  it('陕西 8.2 “得票率在30%以上” fires at exactly 30%, not below', () => {
    expect(fired(run('shaanxi', '2019-03-01', votes(40, 30, 20, 10)), 'shaanxi/adjustment/8.2', 'c1')).toBe(true);
    expect(fired(run('shaanxi', '2019-03-01', votes(41, 30, 19, 10)), 'shaanxi/adjustment/8.2', 'c1')).toBe(false);
  });
  it('江苏 8.1 “不称职得票率超过三分之一” does not fire at exactly one third, fires above', () => {
    expect(fired(run('jiangsu', '2019-03-01', votes(10, 10, 10, 15)), 'jiangsu/adjustment/8.1', 'c1')).toBe(false);
    expect(fired(run('jiangsu', '2019-03-01', votes(10, 10, 9, 15)), 'jiangsu/adjustment/8.1', 'c1')).toBe(true);
  });
});

/** A situation each pack's tolerance text lists, and findings that satisfy every pack's conditions. */
const TOLERANCE = [
  { pack: 'jiangsu', situation: '1.3', subjectPost: 'deputy' as PostRole, unitKind: 'county' as UnitKind },
  { pack: 'shaanxi', situation: '6.1', subjectPost: 'deputy' as PostRole, unitKind: 'county' as UnitKind },
  { pack: 'rudong', situation: '3.2.4', subjectPost: 'staff' as PostRole, unitKind: 'procuratorate' as UnitKind },
  { pack: 'anhui', situation: '11', subjectPost: 'deputy' as PostRole, unitKind: 'county' as UnitKind },
  { pack: 'jiaozuo', situation: 'situation.1', subjectPost: 'deputy' as PostRole, unitKind: 'county' as UnitKind },
];
const CLEAN = {
  soughtPrivateGain: false,
  prohibited: false,
  knowingly: false,
  collusion: false,
  collectiveDecision: true,
  remedied: true,
  seriousConsequence: false,
};

function request(t: (typeof TOLERANCE)[number], date: string, findings: Record<string, boolean>) {
  return (f: Facts) => {
    f.units.push({ id: 'u1', name: '甲', kind: t.unitKind });
    f.cadres.push({ id: 'c1', name: '甲', unit: 'u1', post: t.subjectPost, category: '公务员' });
    f.toleranceRequests.push({ id: 't1', subject: 'c1', date, situation: t.situation, findings });
  };
}
const verdict = (e: Evaluation) => e.values.c1?.['tolerance:t1'];

describe('tolerance wordings read alike', () => {
  for (const t of TOLERANCE) {
    it(`${t.pack}: a request with nothing against it is eligible; 恶意串通 makes it ineligible`, () => {
      expect(verdict(run(t.pack, '2019-09-01', request(t, '2019-08-01', CLEAN)))).toBe('eligible');
      expect(verdict(run(t.pack, '2019-09-01', request(t, '2019-08-01', { ...CLEAN, collusion: true })))).toBe(
        'ineligible',
      );
    });
    it(`${t.pack}: a request dated after the evaluation date is not evaluated; one on that date is`, () => {
      const after = run(t.pack, '2019-09-01', request(t, '2019-09-02', CLEAN));
      expect(verdict(after)).toBeUndefined();
      expect(after.findings.filter((x) => x.subject === 'c1' && x.rule.includes('/tolerance/'))).toEqual([]);
      expect(verdict(run(t.pack, '2019-09-01', request(t, '2019-09-01', CLEAN)))).toBe('eligible');
    });
  }
});

describe('determination clauses: one way to name a clause in every pack', () => {
  const CASES = [
    {
      pack: 'jiangsu',
      rule: 'jiangsu/adjustment/6.1',
      kind: 'political' as const,
      wrongKind: 'poverty' as const,
      forms: ['jiangsu/adjustment/6.1', '《江苏省推进党政领导干部能上能下办法》第六条（一）', '第六条（一）', '6.1'],
      post: 'deputy' as PostRole,
      unitKind: 'county' as UnitKind,
    },
    {
      pack: 'rudong',
      rule: 'rudong/adjustment/6.1',
      kind: 'political' as const,
      wrongKind: 'poverty' as const,
      forms: [
        'rudong/adjustment/6.1',
        '如东县人民检察院推进党员干部能上能下实施细则 第六条（一）',
        '第六条(一)',
        '6.1',
      ],
      post: 'midlevel' as PostRole,
      unitKind: 'procuratorate' as UnitKind,
    },
    {
      pack: 'shaanxi',
      rule: 'shaanxi/adjustment/10.4',
      kind: 'poverty' as const,
      wrongKind: 'political' as const,
      forms: ['shaanxi/adjustment/10.4', '第十条（四）', '10.4'],
      post: 'principal' as PostRole,
      unitKind: 'county' as UnitKind,
    },
    {
      pack: 'anhui',
      rule: 'anhui/opinion/6',
      kind: 'inaction' as const,
      wrongKind: 'poverty' as const,
      forms: ['anhui/opinion/6', '6.', '6'],
      post: 'deputy' as PostRole,
      unitKind: 'county' as UnitKind,
    },
  ];
  for (const c of CASES)
    it(`${c.pack}: full id, document with article and own numbering all name ${c.rule}; a wrong kind does not`, () => {
      const ev = (clause: string, kind: string) =>
        run(c.pack, '2019-09-01', (f) => {
          f.units.push({ id: 'u1', name: '甲', kind: c.unitKind, pack: c.pack as 'jiangsu' });
          f.cadres.push({ id: 'c1', name: '甲', unit: 'u1', post: c.post });
          f.determinations.push({ subject: 'c1', date: '2019-08-01', kind: kind as 'other', clause });
        });
      for (const form of c.forms) expect(fired(ev(form, c.kind), c.rule, 'c1'), form).toBe(true);
      expect(fired(ev(c.rule, 'other'), c.rule, 'c1')).toBe(true);
      expect(fired(ev(c.rule, c.wrongKind), c.rule, 'c1')).toBe(false);
    });
});
