// Coverage boundaries: a talk on 31 December counts for its year and one on 1 January of the next does not; 陕西's
// pair is met whichever of the two led the talk, 安徽's only when the upper principal held it; the 主要负责同志 is the
// party secretary where one is marked; jurisdictions without a measurable rule get no pairs. 陕西's second half pairs
// each team member with the 主要负责同志 of every unit their post is in charge of, and where a post's 分管单位 is not
// entered it says so instead of pairing anyone.
import { describe, expect, it } from 'vitest';
import { COVERAGE_RULES } from './coverage-rules.js';
import { chargedUnitGaps, computeCoverage, type TeamPost, type TeamUnit } from './coverage.js';

const shaanxi = COVERAGE_RULES.find((r) => r.pack === 'shaanxi')!;
const anhui = COVERAGE_RULES.find((r) => r.pack === 'anhui')!;

const post = (
  cadreId: string,
  unitId: string,
  role: TeamPost['role'],
  partySecretary = false,
  chargedUnitIds: string[] | null = null,
): TeamPost => ({
  cadreId,
  name: cadreId,
  unitId,
  role,
  partySecretary,
  title: role,
  chargedUnitIds,
});

describe('陕西: the principal with each team member, every year', () => {
  const units: TeamUnit[] = [{ id: 'U', name: '某县', parentId: null, rule: shaanxi }];
  const posts = [post('sec', 'U', 'principal', true), post('mayor', 'U', 'principal'), post('dep', 'U', 'deputy')];

  it('pairs the party secretary with every other member of the team, the other principal included', () => {
    const pairs = computeCoverage(units, posts, [], 2025);
    expect(pairs.map((p) => [p.leader.id, p.other.id])).toEqual([
      ['sec', 'mayor'],
      ['sec', 'dep'],
    ]);
    expect(pairs.every((p) => p.heldOn === null)).toBe(true);
  });

  it('a talk on 31 December counts for that year; one on 1 January counts for the next, not that one', () => {
    const talks = [
      { talkerId: 'sec', talkeeId: 'dep', heldOn: '2025-12-31' },
      { talkerId: 'sec', talkeeId: 'mayor', heldOn: '2026-01-01' },
    ];
    const y2025 = computeCoverage(units, posts, talks, 2025);
    expect(y2025.find((p) => p.other.id === 'dep')!.heldOn).toBe('2025-12-31');
    expect(y2025.find((p) => p.other.id === 'mayor')!.heldOn).toBeNull();
    const y2026 = computeCoverage(units, posts, talks, 2026);
    expect(y2026.find((p) => p.other.id === 'mayor')!.heldOn).toBe('2026-01-01');
    expect(y2026.find((p) => p.other.id === 'dep')!.heldOn).toBeNull();
  });

  it('a talk led by the member counts too (同…谈话), and the earliest of the year is shown', () => {
    const talks = [
      { talkerId: 'sec', talkeeId: 'dep', heldOn: '2025-06-01' },
      { talkerId: 'dep', talkeeId: 'sec', heldOn: '2025-03-01' },
    ];
    expect(computeCoverage(units, posts, talks, 2025).find((p) => p.other.id === 'dep')!.heldOn).toBe('2025-03-01');
  });

  it('with no party secretary marked, every principal leads', () => {
    const plain = [post('a', 'U', 'principal'), post('b', 'U', 'member')];
    expect(computeCoverage(units, plain, [], 2025).map((p) => [p.leader.id, p.other.id])).toEqual([['a', 'b']]);
  });
});

describe('安徽: the upper principal with each lower principal, every year', () => {
  const units: TeamUnit[] = [
    { id: 'P', name: '某市', parentId: null, rule: anhui },
    { id: 'C1', name: '甲县', parentId: 'P', rule: anhui },
    { id: 'C2', name: '乙县', parentId: 'P', rule: anhui },
  ];
  const posts = [
    post('up', 'P', 'principal', true),
    post('c1', 'C1', 'principal', true),
    post('c1b', 'C1', 'principal'),
    post('c1dep', 'C1', 'deputy'),
    post('c2', 'C2', 'principal', true),
  ];

  it('pairs the upper principal with every principal of each team directly below (not their deputies)', () => {
    const pairs = computeCoverage(units, posts, [], 2025).filter((p) => p.unitId === 'P');
    expect(pairs.map((p) => [p.leader.id, p.other.id, p.lowerUnitName])).toEqual([
      ['up', 'c1', '甲县'],
      ['up', 'c1b', '甲县'],
      ['up', 'c2', '乙县'],
    ]);
  });

  it('counts only a talk the upper principal held, within the year', () => {
    const talks = [
      { talkerId: 'up', talkeeId: 'c1', heldOn: '2025-12-31' },
      { talkerId: 'c2', talkeeId: 'up', heldOn: '2025-05-01' },
    ];
    const pairs = computeCoverage(units, posts, talks, 2025).filter((p) => p.unitId === 'P');
    expect(pairs.find((p) => p.other.id === 'c1')!.heldOn).toBe('2025-12-31');
    expect(pairs.find((p) => p.other.id === 'c2')!.heldOn).toBeNull();
  });
});

it('a jurisdiction whose text says only 「经常」 gets no pairs', () => {
  const units: TeamUnit[] = [{ id: 'J', name: '某市', parentId: null, rule: undefined }];
  expect(computeCoverage(units, [post('a', 'J', 'principal', true), post('b', 'J', 'deputy')], [], 2025)).toEqual([]);
});

describe('陕西: each team member with the 主要负责同志 of the units in their charge, every year', () => {
  const units: TeamUnit[] = [
    { id: 'U', name: '某县', parentId: null, rule: shaanxi },
    { id: 'EDU', name: '县教育局', parentId: 'U', rule: shaanxi },
    { id: 'HEALTH', name: '县卫健局', parentId: 'U', rule: shaanxi },
  ];
  const team = [
    post('sec', 'U', 'principal', true, []),
    post('dep', 'U', 'deputy', false, ['EDU']),
    post('edu', 'EDU', 'principal', true, []),
    post('eduDep', 'EDU', 'deputy', false, []),
    post('health', 'HEALTH', 'principal', true, []),
  ];
  const charged = (talks: { talkerId: string; talkeeId: string; heldOn: string }[], posts = team) =>
    computeCoverage(units, posts, talks, 2025).filter((p) => p.rule === 'memberWithChargedUnit');

  it('pairs the member with the head of the unit they are in charge of, not its deputies nor units not in their charge', () => {
    expect(charged([]).map((p) => [p.leader.id, p.other.id, p.lowerUnitName, p.heldOn])).toEqual([
      ['dep', 'edu', '县教育局', null],
    ]);
  });

  it('is met by a talk of the year led by either of them, and not by one of the year before', () => {
    expect(charged([{ talkerId: 'edu', talkeeId: 'dep', heldOn: '2025-01-01' }])[0]!.heldOn).toBe('2025-01-01');
    expect(charged([{ talkerId: 'dep', talkeeId: 'edu', heldOn: '2024-12-31' }])[0]!.heldOn).toBeNull();
  });

  it('a member in charge of no units (entered as none) gives no pair and no gap', () => {
    const posts = team.map((p) => (p.cadreId === 'dep' ? { ...p, chargedUnitIds: [] } : p));
    expect(charged([], posts)).toEqual([]);
    expect(chargedUnitGaps(units, posts)).toEqual([]);
  });

  it('a member whose 分管单位 is not entered gives no pair, and the gap names the member in words', () => {
    const posts = team.map((p) => (p.cadreId === 'dep' ? { ...p, chargedUnitIds: null } : p));
    expect(charged([], posts)).toEqual([]);
    const gaps = chargedUnitGaps(units, posts);
    expect(gaps.map((g) => [g.unitName, g.member?.id])).toEqual([['某县', 'dep']]);
    expect(gaps[0]!.text).toBe('dep（deputy）的分管单位尚未录入，无法核对其同分管部门单位主要负责同志的谈话');
  });

  it('a unit in charge with nobody heading it is said, not paired', () => {
    const posts = team.filter((p) => p.unitId !== 'EDU');
    expect(charged([], posts)).toEqual([]);
    expect(chargedUnitGaps(units, posts).map((g) => g.text)).toEqual([
      'dep（deputy）分管的县教育局没有在任的主要负责同志记录',
    ]);
  });

  it('安徽 has no such requirement: the 分管单位 entered there make no pairs and no gaps', () => {
    const ah: TeamUnit[] = units.map((u) => ({ ...u, rule: anhui }));
    const posts = team.map((p) => ({ ...p, chargedUnitIds: p.cadreId === 'dep' ? ['EDU'] : null }));
    expect(computeCoverage(ah, posts, [], 2025).filter((p) => p.rule === 'memberWithChargedUnit')).toEqual([]);
    expect(chargedUnitGaps(ah, posts)).toEqual([]);
  });
});
