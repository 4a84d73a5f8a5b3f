// A cadre's profile (the 数据管理 page's 干部档案): the cadre's whole record, each kind in its order, the case files
// the user takes part in, and a timeline of it all. The caller audits the read.
//
// The most frequent audited read, so it is read in as few steps as the engine wants: on SQLite (in the process)
// plain prepared statements, one per kind, which cost less than building and parsing JSON; on PostgreSQL one query
// (the cadre, whether it is in scope, every kind as a JSON array, the names of the posts' units), since each round
// trip to the server costs more than the query. Every query is built once per shape (store/query-template.ts).
import { sql, type RawBuilder } from 'kysely';
import type { RecordKind, RecordKinds } from '../domain/entities.js';
import { compiledOnce, slot } from '../store/query-template.js';
import { TABLES } from '../store/schema.js';
import type { RecordStore } from '../store/types.js';
import type { User } from './accounts/users.js';
import { caseFileCond } from './case-files.js';
import { dbOf } from './context.js';
import { getRecord, hiddenOrMissing, kindCond, scopeOf, scopeShape, toEntity, type Scope } from './scope.js';

type Who = Pick<User, 'role' | 'unitId' | 'cadreId'> & Partial<Pick<User, 'id'>>;

export interface TimelineEntry {
  date: string;
  kind: string;
  title: string;
  detail: string;
}

/** The kinds of a cadre's own record: each tied to the cadre by its cadre or its subject column, and its order. */
const CADRE_SECTIONS: readonly [RecordKind, 'cadre' | 'subject', string][] = [
  ['posts', 'cadre', 'start_date'],
  ['cadreAssessments', 'cadre', 'year'],
  ['regularAssessments', 'cadre', 'period'],
  ['honors', 'subject', 'date'],
  ['sanctions', 'cadre', 'date'],
  ['accountability', 'cadre', 'date'],
  ['adjustments', 'cadre', 'date'],
  ['determinations', 'subject', 'date'],
  ['toleranceRequests', 'subject', 'date'],
];

type Sections = { [K in RecordKind]?: RecordKinds[K][] };

/** Rows (as table alias `t`) of the cadre in the slot `cadre`. */
function ofCadre(tie: 'cadre' | 'subject'): RawBuilder<boolean> {
  return tie === 'cadre'
    ? sql<boolean>`t.cadre_id = ${slot('cadre')}`
    : sql<boolean>`t.subject_type = 'cadre' and t.subject_id = ${slot('cadre')}`;
}

/**
 * The condition on rows `t` of a kind of the cadre's record beyond being the cadre's: for case files, that the user
 * takes part (case-files.ts). The data scope needs no condition here: the cadre is in it, or nothing is shown.
 */
function sectionCond(kind: RecordKind, tie: 'cadre' | 'subject', scope: Scope): RawBuilder<boolean> {
  if (kind !== 'toleranceRequests') return ofCadre(tie);
  return sql<boolean>`${ofCadre(tie)} and ${caseFileCond(scope.caseFiles, sql.ref('t.filed_by'))}`;
}

interface Parts {
  cadre: RecordKinds['cadres'];
  sections: Sections;
  unitNames: Map<string, string>;
}

/** SQLite: the cadre in scope (getRecord), then a statement per kind and one for the units' names. */
async function readSqlite(store: RecordStore, user: Who, kinds: typeof CADRE_SECTIONS, cadreId: string) {
  const cadre = await getRecord(store, user, 'cadres', cadreId);
  const db = dbOf(store);
  const shape = scopeShape(scopeOf(user));
  const values = { ...shape.values, cadre: cadreId };
  const sections: Sections = {};
  for (const [kind, tie, order] of kinds) {
    const query = compiledOnce(
      db,
      // only the case files' query depends on the scope's shape
      kind === 'toleranceRequests' ? `profile.${kind}/${shape.key}` : `profile.${kind}`,
      () =>
        sql<
          Record<string, unknown>
        >`select t.* from ${sql.table(TABLES[kind].table)} t where ${sectionCond(kind, tie, shape.scope)} order by ${sql.raw(`t."${order}", t.id`)}`,
      values,
    );
    const { rows } = await db.executeQuery(query);
    (sections as Record<string, unknown[]>)[kind] = rows.map((r) => toEntity(store, kind, r));
  }
  const units = compiledOnce(
    db,
    'profile.postUnits',
    () =>
      db
        .selectFrom('units')
        .select(['id', 'name'])
        .where('id', 'in', db.selectFrom('posts').select('unit_id').where('cadre_id', '=', slot('cadre'))),
    values,
  );
  const unitNames = new Map<string, string>();
  for (const r of (await db.executeQuery(units)).rows) unitNames.set(String(r.id), String(r.name));
  return { cadre, sections, unitNames };
}

/** PostgreSQL: everything in one query; nothing of it leaves here unless the cadre exists and is in scope. */
async function readPostgres(store: RecordStore, user: Who, kinds: typeof CADRE_SECTIONS, cadreId: string) {
  const db = dbOf(store);
  const shape = scopeShape(scopeOf(user));
  const query = compiledOnce(
    db,
    `profile.pg/${kinds.length}/${shape.key}`,
    () => {
      const parts = kinds.map(([kind, tie, order]) => {
        const orderBy = sql.raw(`t."${order}", t.id`);
        return sql`(select coalesce(json_agg(t order by ${orderBy}), '[]'::json) from ${sql.table(TABLES[kind].table)} t where ${sectionCond(kind, tie, shape.scope)}) as ${sql.ref(kind)}`;
      });
      return sql<Record<string, unknown>>`select
        (select row_to_json(c) from cadres c where c.id = ${slot('cadre')}) as "cadre",
        (select ${kindCond('cadres', shape.scope, 'c')} from cadres c where c.id = ${slot('cadre')}) as "inScope",
        ${sql.join(parts)},
        (select coalesce(json_agg(json_build_array(u.id, u.name)), '[]'::json) from units u
          where u.id in (select unit_id from posts where cadre_id = ${slot('cadre')})) as "unitNames"`;
    },
    { ...shape.values, cadre: cadreId },
  );
  const row = (await db.executeQuery(query)).rows[0]!;
  // out of scope answers exactly as missing (scope.ts getRecord)
  if (!row.cadre || row.inScope !== true) throw hiddenOrMissing('cadres', cadreId);
  const sections: Sections = {};
  for (const [kind] of kinds)
    (sections as Record<string, unknown[]>)[kind] = (row[kind] as Record<string, unknown>[]).map((r) =>
      toEntity(store, kind, r),
    );
  return {
    cadre: toEntity(store, 'cadres', row.cadre as Record<string, unknown>),
    sections,
    unitNames: new Map(row.unitNames as [string, string][]),
  };
}

const QUARTER_END: Record<string, string> = { Q1: '03-31', Q2: '06-30', Q3: '09-30', Q4: '12-31' };

/** A cadre's whole record (the caller audits the read). */
export async function profile(store: RecordStore, user: Who, cadreId: string) {
  // case files: only those the user takes part in (case-files.ts); none at all → the section is left out
  const seesCaseFiles = (scopeOf(user).caseFiles?.kind ?? 'none') !== 'none';
  const kinds = seesCaseFiles ? CADRE_SECTIONS : CADRE_SECTIONS.filter(([k]) => k !== 'toleranceRequests');
  const { cadre, sections, unitNames }: Parts =
    store.dialect === 'postgres'
      ? await readPostgres(store, user, kinds, cadreId)
      : await readSqlite(store, user, kinds, cadreId);
  const posts = sections.posts ?? [];
  const cadreAssessments = sections.cadreAssessments ?? [];
  const regularAssessments = sections.regularAssessments ?? [];
  const honors = sections.honors ?? [];
  const sanctions = sections.sanctions ?? [];
  const accountability = sections.accountability ?? [];
  const adjustments = sections.adjustments ?? [];
  const determinations = sections.determinations ?? [];
  const toleranceRequests = sections.toleranceRequests ?? [];
  const timeline: TimelineEntry[] = [];
  for (const p of posts) {
    const where = unitNames.get(p.unitId) ?? p.unitId;
    timeline.push({
      date: p.startDate,
      kind: 'post',
      title: `任${where}${p.title}`,
      detail: [p.level, p.reason].filter(Boolean).join('；'),
    });
    if (p.endDate)
      timeline.push({ date: p.endDate, kind: 'post_end', title: `免去${where}${p.title}`, detail: p.reason ?? '' });
  }
  for (const a of cadreAssessments)
    timeline.push({
      date: `${a.year}-12-31`,
      kind: 'assessment',
      title: `${a.year}年度考核：${a.grade ?? '未定等次'}`,
      detail: '',
    });
  for (const a of regularAssessments) {
    const [y, q] = [a.period.slice(0, 4), a.period.slice(4)];
    timeline.push({
      date: `${y}-${QUARTER_END[q] ?? '12-31'}`,
      kind: 'regular_assessment',
      title: `${a.period} 平时考核：${a.grade}`,
      detail: '',
    });
  }
  for (const h of honors) timeline.push({ date: h.date, kind: 'honor', title: h.title, detail: h.conferredBy });
  for (const s of sanctions) timeline.push({ date: s.date, kind: 'sanction', title: s.kind, detail: s.reason ?? '' });
  for (const m of accountability)
    timeline.push({ date: m.date, kind: 'accountability', title: m.kind, detail: m.reason ?? '' });
  for (const a of adjustments)
    timeline.push({
      date: a.date,
      kind: 'adjustment',
      title: a.method,
      detail: [a.reason, a.ruleId].filter(Boolean).join('；'),
    });
  for (const d of determinations)
    timeline.push({ date: d.date, kind: 'determination', title: `${d.kind}（${d.clause}）`, detail: d.note ?? '' });
  for (const t of toleranceRequests)
    timeline.push({
      date: t.date,
      kind: 'tolerance_request',
      title: `容错申请（${t.situation}）`,
      detail: t.statement ?? '',
    });
  timeline.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    cadre,
    posts: posts.map((p) => ({ ...p, unitName: unitNames.get(p.unitId) ?? null })),
    cadreAssessments,
    regularAssessments,
    honors,
    sanctions,
    accountability,
    adjustments,
    determinations,
    ...(seesCaseFiles ? { toleranceRequests } : {}),
    timeline,
  };
}
