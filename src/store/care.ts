// Care records (关心关爱, migration 0022): talk records (谈心谈话) and return visits (回访), and what the coverage of the
// yearly talks reads: the teams on a date and a year's talks. Which rows a reader reaches is the caller's condition
// (the server's scope, built on the row's aliases `t` and `v`), so the store itself knows nothing of users.
import { sql, type RawBuilder } from 'kysely';
import type { AnyDb } from './connect.js';

export interface TalkRecord {
  id: string;
  version: number;
  talkerId: string;
  talkeeId: string;
  heldOn: string;
  kind: string;
  caseId: string | null;
  summary: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

export interface ReturnVisit {
  id: string;
  version: number;
  cadreId: string;
  visitorId: string | null;
  visitedOn: string;
  caseId: string | null;
  adjustmentId: string | null;
  notes: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

type Row = Record<string, unknown>;
const s = (v: unknown) => (v === null || v === undefined ? null : String(v));

const talkFrom = (r: Row): TalkRecord => ({
  id: String(r.id),
  version: Number(r.version),
  talkerId: String(r.talker_id),
  talkeeId: String(r.talkee_id),
  heldOn: String(r.held_on),
  kind: String(r.kind),
  caseId: s(r.case_id),
  summary: s(r.summary),
  recordedBy: s(r.recorded_by),
  recordedAt: String(r.recorded_at),
});

const visitFrom = (r: Row): ReturnVisit => ({
  id: String(r.id),
  version: Number(r.version),
  cadreId: String(r.cadre_id),
  visitorId: s(r.visitor_id),
  visitedOn: String(r.visited_on),
  caseId: s(r.case_id),
  adjustmentId: s(r.adjustment_id),
  notes: s(r.notes),
  recordedBy: s(r.recorded_by),
  recordedAt: String(r.recorded_at),
});

export async function insertTalk(db: AnyDb, t: Omit<TalkRecord, 'version'>): Promise<TalkRecord> {
  await db
    .insertInto('talk_records')
    .values({
      id: t.id,
      version: 1,
      talker_id: t.talkerId,
      talkee_id: t.talkeeId,
      held_on: t.heldOn,
      kind: t.kind,
      case_id: t.caseId,
      summary: t.summary,
      recorded_by: t.recordedBy,
      recorded_at: t.recordedAt,
    })
    .execute();
  return { ...t, version: 1 };
}

export async function insertVisit(db: AnyDb, v: Omit<ReturnVisit, 'version'>): Promise<ReturnVisit> {
  await db
    .insertInto('return_visits')
    .values({
      id: v.id,
      version: 1,
      cadre_id: v.cadreId,
      visitor_id: v.visitorId,
      visited_on: v.visitedOn,
      case_id: v.caseId,
      adjustment_id: v.adjustmentId,
      notes: v.notes,
      recorded_by: v.recordedBy,
      recorded_at: v.recordedAt,
    })
    .execute();
  return { ...v, version: 1 };
}

export interface Page {
  from?: string;
  to?: string;
  cadreId?: string;
  limit: number;
  offset: number;
}

/** Talk records the condition admits (on `t`), newest first. */
export async function listTalks(
  db: AnyDb,
  visible: RawBuilder<boolean>,
  p: Page,
): Promise<{ total: number; items: TalkRecord[] }> {
  let q = db.selectFrom('talk_records as t').where(visible);
  if (p.from) q = q.where('t.held_on', '>=', p.from);
  if (p.to) q = q.where('t.held_on', '<=', p.to);
  if (p.cadreId) q = q.where((eb) => eb.or([eb('t.talker_id', '=', p.cadreId!), eb('t.talkee_id', '=', p.cadreId!)]));
  const { n } = (await q.select(sql<number>`count(*)`.as('n')).executeTakeFirst()) as { n: number | string };
  const rows = (await q
    .selectAll('t')
    .orderBy('t.held_on', 'desc')
    .orderBy('t.id')
    .limit(p.limit)
    .offset(p.offset)
    .execute()) as Row[];
  return { total: Number(n), items: rows.map(talkFrom) };
}

export async function getTalk(db: AnyDb, visible: RawBuilder<boolean>, id: string): Promise<TalkRecord | undefined> {
  const r = (await db
    .selectFrom('talk_records as t')
    .selectAll('t')
    .where('t.id', '=', id)
    .where(visible)
    .executeTakeFirst()) as Row | undefined;
  return r ? talkFrom(r) : undefined;
}

/** Return visits the condition admits (on `v`), newest first. */
export async function listVisits(
  db: AnyDb,
  visible: RawBuilder<boolean>,
  p: Page,
): Promise<{ total: number; items: ReturnVisit[] }> {
  let q = db.selectFrom('return_visits as v').where(visible);
  if (p.from) q = q.where('v.visited_on', '>=', p.from);
  if (p.to) q = q.where('v.visited_on', '<=', p.to);
  if (p.cadreId) q = q.where('v.cadre_id', '=', p.cadreId);
  const { n } = (await q.select(sql<number>`count(*)`.as('n')).executeTakeFirst()) as { n: number | string };
  const rows = (await q
    .selectAll('v')
    .orderBy('v.visited_on', 'desc')
    .orderBy('v.id')
    .limit(p.limit)
    .offset(p.offset)
    .execute()) as Row[];
  return { total: Number(n), items: rows.map(visitFrom) };
}

export interface TeamPostRow {
  cadreId: string;
  name: string;
  unitId: string;
  role: 'principal' | 'deputy' | 'member';
  partySecretary: boolean;
  title: string;
  /** 分管单位: null while not entered */
  chargedUnitIds: string[] | null;
}

/** Team posts (正职, 副职, 其他班子成员) held on `on` in the units the condition admits (on `p.unit_id`). */
export async function teamPostsOn(db: AnyDb, unitVisible: RawBuilder<boolean>, on: string): Promise<TeamPostRow[]> {
  const rows = (await db
    .selectFrom('posts as p')
    .innerJoin('cadres as c', 'c.id', 'p.cadre_id')
    .select(['p.cadre_id', 'c.name', 'p.unit_id', 'p.role', 'p.party_secretary', 'p.title', 'p.charged_unit_ids'])
    .where('p.role', 'in', ['principal', 'deputy', 'member'])
    .where('p.start_date', '<=', on)
    .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>', on)]))
    .where(unitVisible)
    .orderBy('p.unit_id')
    .orderBy('p.role')
    .orderBy('p.cadre_id')
    .execute()) as Row[];
  return rows.map((r) => ({
    cadreId: String(r.cadre_id),
    name: String(r.name),
    unitId: String(r.unit_id),
    role: r.role as TeamPostRow['role'],
    partySecretary: r.party_secretary === true || Number(r.party_secretary) === 1,
    title: String(r.title),
    chargedUnitIds:
      r.charged_unit_ids === null || r.charged_unit_ids === undefined
        ? null
        : Array.isArray(r.charged_unit_ids)
          ? (r.charged_unit_ids as string[])
          : (JSON.parse(String(r.charged_unit_ids)) as string[]),
  }));
}

/** The talks held from `from` to `to` (inclusive) with one of these cadres leading or talked with. */
export async function talksAmong(
  db: AnyDb,
  cadreIds: readonly string[],
  from: string,
  to: string,
): Promise<{ talkerId: string; talkeeId: string; heldOn: string }[]> {
  const out: { talkerId: string; talkeeId: string; heldOn: string }[] = [];
  for (let i = 0; i < cadreIds.length; i += 500) {
    const part = cadreIds.slice(i, i + 500);
    const rows = (await db
      .selectFrom('talk_records')
      .select(['talker_id', 'talkee_id', 'held_on'])
      .where('held_on', '>=', from)
      .where('held_on', '<=', to)
      .where((eb) => eb.or([eb('talker_id', 'in', part), eb('talkee_id', 'in', part)]))
      .execute()) as Row[];
    for (const r of rows)
      out.push({ talkerId: String(r.talker_id), talkeeId: String(r.talkee_id), heldOn: String(r.held_on) });
  }
  return out;
}
