// Coverage of the yearly talks (coverage-rules.ts): from the teams as they stand on a reference date and the talks
// held in the calendar year, every pair the rule requires, with the first talk that satisfied it or none. A talk
// counts for the year it was held in, 1 January to 31 December both included. Pure: the route loads the units, the
// team posts and the talks, in the reader's scope.
import type { CoveragePairKind, CoverageRule } from './coverage-rules.js';

export interface TeamUnit {
  id: string;
  name: string;
  parentId: string | null;
  /** the coverage rule of the unit's jurisdiction; none where the texts give no measurable rule */
  rule: CoverageRule | undefined;
}

export interface TeamPost {
  cadreId: string;
  name: string;
  unitId: string;
  role: 'principal' | 'deputy' | 'member';
  partySecretary: boolean;
  title: string;
  /** the units the post is in charge of (分管部门单位); null while not entered */
  chargedUnitIds: readonly string[] | null;
}

export interface TalkHeld {
  talkerId: string;
  talkeeId: string;
  heldOn: string;
}

export interface Person {
  id: string;
  name: string;
  title: string;
}

export interface CoveragePair {
  rule: CoveragePairKind;
  /** the team whose principal (or, for 分管单位, whose member) leads the talk */
  unitId: string;
  unitName: string;
  /** for 上级→下级: the team below; for 分管单位: the unit in charge */
  lowerUnitId: string | null;
  lowerUnitName: string | null;
  leader: Person;
  other: Person;
  /** the first talk of the year between them that counts, or null: a missing pair */
  heldOn: string | null;
}

export function yearSpan(year: number): { from: string; to: string } {
  return { from: `${String(year).padStart(4, '0')}-01-01`, to: `${String(year).padStart(4, '0')}-12-31` };
}

/** The team's 主要负责同志: the principal who is party secretary (书记); where none is marked, every principal. */
function mainOf(posts: readonly TeamPost[]): TeamPost[] {
  const principals = posts.filter((p) => p.role === 'principal');
  const secretaries = principals.filter((p) => p.partySecretary);
  return secretaries.length ? secretaries : principals;
}

const person = (p: TeamPost): Person => ({ id: p.cadreId, name: p.name, title: p.title });

/** One post per cadre per unit (a cadre holding two posts in a team is one member of it). */
function distinct(posts: readonly TeamPost[]): TeamPost[] {
  const seen = new Set<string>();
  return posts.filter((p) => (seen.has(p.cadreId) ? false : (seen.add(p.cadreId), true)));
}

export function computeCoverage(
  units: readonly TeamUnit[],
  posts: readonly TeamPost[],
  talks: readonly TalkHeld[],
  year: number,
): CoveragePair[] {
  const { from, to } = yearSpan(year);
  // the earliest talk of the year per ordered pair
  const first = new Map<string, string>();
  for (const t of talks) {
    if (t.heldOn < from || t.heldOn > to) continue;
    const k = `${t.talkerId}>${t.talkeeId}`;
    const cur = first.get(k);
    if (cur === undefined || t.heldOn < cur) first.set(k, t.heldOn);
  }
  const held = (a: string, b: string) => first.get(`${a}>${b}`) ?? null;
  const earlier = (x: string | null, y: string | null) => (x === null ? y : y === null ? x : x < y ? x : y);

  const byUnit = new Map<string, TeamPost[]>();
  for (const p of posts) byUnit.set(p.unitId, [...(byUnit.get(p.unitId) ?? []), p]);
  const children = new Map<string, TeamUnit[]>();
  for (const u of units) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const unitName = (id: string) => names.get(id);

  const out: CoveragePair[] = [];
  for (const u of units) {
    if (!u.rule) continue;
    const team = distinct(byUnit.get(u.id) ?? []);
    const leaders = mainOf(team);
    if (u.rule.kind === 'principalWithTeam') {
      const leaderIds = new Set(leaders.map((l) => l.cadreId));
      for (const l of leaders)
        for (const m of team.filter((p) => !leaderIds.has(p.cadreId)))
          out.push({
            rule: u.rule.kind,
            unitId: u.id,
            unitName: u.name,
            lowerUnitId: null,
            lowerUnitName: null,
            leader: person(l),
            other: person(m),
            // 同…谈话: either of the two may have led it
            heldOn: earlier(held(l.cadreId, m.cadreId), held(m.cadreId, l.cadreId)),
          });
      if (u.rule.chargedUnits) out.push(...chargedUnitPairs(u, byUnit, unitName, held, earlier));
    } else {
      for (const c of children.get(u.id) ?? []) {
        const lower = distinct((byUnit.get(c.id) ?? []).filter((p) => p.role === 'principal'));
        for (const l of leaders)
          for (const m of lower)
            out.push({
              rule: u.rule.kind,
              unitId: u.id,
              unitName: u.name,
              lowerUnitId: c.id,
              lowerUnitName: c.name,
              leader: person(l),
              other: person(m),
              // 上级…主要负责同志…与下级…主要负责同志进行谈心谈话: the upper principal holds it
              heldOn: held(l.cadreId, m.cadreId),
            });
      }
    }
  }
  return out;
}

/** A cadre's 分管单位 in a team: every unit any of their posts there is in charge of; null while none has it entered. */
function chargedOf(posts: readonly TeamPost[], cadreId: string): string[] | null {
  const lists = posts.filter((p) => p.cadreId === cadreId && p.chargedUnitIds !== null).map((p) => p.chargedUnitIds!);
  return lists.length ? [...new Set(lists.flat())] : null;
}

/**
 * 陕西: 班子成员同分管部门单位的主要负责同志 — each member of the team (the principal too, when in charge of units) with
 * the 主要负责同志 of each unit their post is in charge of, either of them leading the talk. A member whose 分管单位 is
 * not entered gives no pair (chargedUnitGaps says so); a unit in charge outside the reader's units has no name to show
 * and is left out.
 */
function chargedUnitPairs(
  u: TeamUnit,
  byUnit: ReadonlyMap<string, TeamPost[]>,
  unitName: (id: string) => string | undefined,
  held: (a: string, b: string) => string | null,
  earlier: (x: string | null, y: string | null) => string | null,
): CoveragePair[] {
  const all = byUnit.get(u.id) ?? [];
  const out: CoveragePair[] = [];
  for (const m of distinct(all)) {
    for (const c of chargedOf(all, m.cadreId) ?? []) {
      const name = unitName(c);
      if (name === undefined) continue;
      for (const h of mainOf(distinct(byUnit.get(c) ?? [])).filter((h) => h.cadreId !== m.cadreId))
        out.push({
          rule: 'memberWithChargedUnit',
          unitId: u.id,
          unitName: u.name,
          lowerUnitId: c,
          lowerUnitName: name,
          leader: person(m),
          other: person(h),
          heldOn: earlier(held(m.cadreId, h.cadreId), held(h.cadreId, m.cadreId)),
        });
    }
  }
  return out;
}

/** Why a 分管单位 pair cannot be computed, in words for the dashboard. */
export interface CoverageGap {
  unitId: string;
  unitName: string;
  /** the member concerned, or null for a unit in charge that has no head on record */
  member: Person | null;
  text: string;
}

/**
 * What the 分管单位 requirement cannot measure from the record: team members whose post's 分管单位 is not entered, and
 * units in charge with no 主要负责同志 in post on the reference date.
 */
export function chargedUnitGaps(units: readonly TeamUnit[], posts: readonly TeamPost[]): CoverageGap[] {
  const byUnit = new Map<string, TeamPost[]>();
  for (const p of posts) byUnit.set(p.unitId, [...(byUnit.get(p.unitId) ?? []), p]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const out: CoverageGap[] = [];
  for (const u of units) {
    if (!u.rule?.chargedUnits) continue;
    const all = byUnit.get(u.id) ?? [];
    for (const m of distinct(all)) {
      const charged = chargedOf(all, m.cadreId);
      if (charged === null) {
        out.push({
          unitId: u.id,
          unitName: u.name,
          member: person(m),
          text: `${m.name}（${m.title}）的分管单位尚未录入，无法核对其同分管部门单位主要负责同志的谈话`,
        });
        continue;
      }
      for (const c of charged) {
        const name = names.get(c);
        if (name !== undefined && mainOf(distinct(byUnit.get(c) ?? [])).length === 0)
          out.push({
            unitId: u.id,
            unitName: u.name,
            member: person(m),
            text: `${m.name}（${m.title}）分管的${name}没有在任的主要负责同志记录`,
          });
      }
    }
  }
  return out;
}
