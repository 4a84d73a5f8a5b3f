// The alert repository (migration 0019): the alert list of the adjustment rules and each alert's history.
//   - `reconcile` brings the alerts of a set of subjects in line with the rules' findings about them: a new finding
//     becomes a new alert, a finding whose evidence changed updates its alert, an alert whose finding is gone is
//     marked gone (kept, with its state), and one whose finding comes back is marked present again.
//   - `transition` moves an alert to another state at the version its writer read (a stale version changes
//     nothing: StaleAlertError, the API's 409) and appends the event, in the caller's transaction.
import { sql, type RawBuilder } from 'kysely';
import type { AnyDb } from './connect.js';
import { KyselyStore } from './kysely-store.js';
import type { RecordStore } from './types.js';

export const ALERT_STATES = ['new', 'verifying', 'confirmed', 'case_opened', 'dismissed'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export class StaleAlertError extends Error {
  constructor(readonly alertId: string) {
    super(`预警已被他人处理，请刷新后重试 (conflict: alert ${alertId} was changed by someone else)`);
  }
}

/** What the rules say: one finding of an adjustment rule about one subject (and year). */
export interface AlertFinding {
  id: string;
  ruleId: string;
  pack: string;
  subjectType: 'cadre' | 'unit';
  subjectId: string;
  unitId: string;
  /** 0 when the finding names no year */
  year: number;
  document: string;
  article: string;
  because: string[];
  conclusion: string | null;
}

export interface AlertRow extends AlertFinding {
  version: number;
  state: AlertState;
  present: boolean;
  firstSeen: string;
  lastSeen: string;
  goneOn: string | null;
  confirmedBy: string | null;
  confirmedAt: string | null;
  dismissedReason: string | null;
  caseId: string | null;
  updatedAt: string;
}

export interface AlertEventRow {
  alertId: string;
  seq: number;
  at: string;
  action: string;
  fromState: string | null;
  toState: string | null;
  userId: string | null;
  userName: string | null;
  role: string | null;
  reason: string | null;
}

export interface AlertQuery {
  /** the reader's scope as a condition on the `alerts` table */
  visible: RawBuilder<boolean>;
  /** units whose subjects' alerts are listed (a subquery of unit ids) */
  units?: RawBuilder<unknown>;
  id?: string;
  rule?: string;
  year?: number;
  state?: AlertState;
  subject?: string;
  present?: boolean;
  offset?: number;
  limit?: number;
}

export interface ReconcileResult {
  added: number;
  changed: number;
  gone: number;
  back: number;
}

const CHUNK = 500;

function chunks<T>(list: readonly T[], n = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += n) out.push(list.slice(i, i + n));
  return out;
}

const bool = (v: unknown) => v === true || v === 1 || v === '1';

function rowOf(r: Record<string, unknown>): AlertRow {
  return {
    id: r.id as string,
    version: Number(r.version),
    ruleId: r.rule_id as string,
    pack: r.pack as string,
    subjectType: r.subject_type as 'cadre' | 'unit',
    subjectId: r.subject_id as string,
    unitId: r.unit_id as string,
    year: Number(r.year),
    document: r.document as string,
    article: r.article as string,
    because: JSON.parse(r.because as string) as string[],
    conclusion: (r.conclusion as string | null) ?? null,
    state: r.state as AlertState,
    present: bool(r.present),
    firstSeen: r.first_seen as string,
    lastSeen: r.last_seen as string,
    goneOn: (r.gone_on as string | null) ?? null,
    confirmedBy: (r.confirmed_by as string | null) ?? null,
    confirmedAt: (r.confirmed_at as string | null) ?? null,
    dismissedReason: (r.dismissed_reason as string | null) ?? null,
    caseId: (r.case_id as string | null) ?? null,
    updatedAt: r.updated_at as string,
  };
}

function eventOf(r: Record<string, unknown>): AlertEventRow {
  return {
    alertId: r.alert_id as string,
    seq: Number(r.seq),
    at: r.at as string,
    action: r.action as string,
    fromState: (r.from_state as string | null) ?? null,
    toState: (r.to_state as string | null) ?? null,
    userId: (r.user_id as string | null) ?? null,
    userName: (r.user_name as string | null) ?? null,
    role: (r.role as string | null) ?? null,
    reason: (r.reason as string | null) ?? null,
  };
}

/** The evidence of a finding as compared between two evaluations. */
const evidence = (f: Pick<AlertFinding, 'unitId' | 'document' | 'article' | 'because' | 'conclusion'>) =>
  JSON.stringify([f.unitId, f.document, f.article, f.because, f.conclusion]);

export interface EventInput {
  action: string;
  fromState: string | null;
  toState: string | null;
  userId?: string | null;
  userName?: string | null;
  role?: string | null;
  reason?: string | null;
}

export class AlertRepository {
  constructor(
    private readonly store: KyselyStore,
    private readonly db: AnyDb,
  ) {}

  /** A boolean as the dialect stores it (SQLite: 0/1). */
  flag(v: boolean): never {
    return (this.store.dialect === 'sqlite' ? (v ? 1 : 0) : v) as never;
  }

  async get(id: string): Promise<AlertRow | undefined> {
    const r = await this.db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? rowOf(r as Record<string, unknown>) : undefined;
  }

  /** The alerts a query selects, newest year first, and how many there are in all. */
  async list(q: AlertQuery): Promise<{ total: number; rows: AlertRow[] }> {
    let query = this.db.selectFrom('alerts').where(q.visible);
    if (q.units) query = query.where(sql<boolean>`unit_id in ${q.units}`);
    if (q.id) query = query.where('id', '=', q.id);
    if (q.rule) query = query.where('rule_id', '=', q.rule);
    if (q.year !== undefined) query = query.where('year', '=', q.year);
    if (q.state) query = query.where('state', '=', q.state);
    if (q.subject) query = query.where('subject_id', '=', q.subject);
    if (q.present !== undefined) query = query.where('present', '=', this.flag(q.present));
    const count = (await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()) as { n: unknown };
    let rows = query.selectAll().orderBy('year', 'desc').orderBy('subject_id').orderBy('rule_id').orderBy('id');
    if (q.limit !== undefined) rows = rows.limit(q.limit);
    if (q.offset) rows = rows.offset(q.offset);
    const got = (await rows.execute()) as Record<string, unknown>[];
    return { total: Number(count.n), rows: got.map(rowOf) };
  }

  async events(id: string): Promise<AlertEventRow[]> {
    const rows = await this.db
      .selectFrom('alert_events')
      .selectAll()
      .where('alert_id', '=', id)
      .orderBy('seq')
      .execute();
    return (rows as Record<string, unknown>[]).map(eventOf);
  }

  /** Appends an event to an alert's history (in the caller's transaction). */
  async addEvent(alertId: string, at: string, e: EventInput): Promise<void> {
    await sql`insert into alert_events (alert_id, seq, at, action, from_state, to_state, user_id, user_name, role, reason)
      select ${alertId}, coalesce(max(seq), 0) + 1, ${at}, ${e.action}, ${e.fromState}, ${e.toState},
        ${e.userId ?? null}, ${e.userName ?? null}, ${e.role ?? null}, ${e.reason ?? null}
      from alert_events where alert_id = ${alertId}`.execute(this.db);
  }

  /**
   * Moves an alert to `to` at `version`, setting `fields` (column → value), and records the event. Must run inside
   * a transaction (the caller's, with its audit entry).
   */
  async transition(
    id: string,
    version: number,
    to: AlertState,
    fields: Record<string, unknown>,
    at: string,
    event: Omit<EventInput, 'toState'>,
  ): Promise<AlertRow> {
    const updated = await this.db
      .updateTable('alerts')
      .set({ ...fields, state: to, updated_at: at, version: sql`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw new StaleAlertError(id);
    await this.addEvent(id, at, { ...event, toState: to });
    return rowOf(updated as Record<string, unknown>);
  }

  /**
   * Brings the alerts of `subjects` (or of every subject: 'all') in line with `findings` about them, found on
   * `asOf`. One transaction; `at` is the time written into the history.
   */
  async reconcile(
    findings: readonly AlertFinding[],
    subjects: ReadonlySet<string> | 'all',
    asOf: string,
    at: string,
    /** only the alerts of these rules (the findings given are of these rules alone); default every rule */
    rules?: ReadonlySet<string>,
  ): Promise<ReconcileResult> {
    const result: ReconcileResult = { added: 0, changed: 0, gone: 0, back: 0 };
    const run = async (repo: AlertRepository) => {
      const db = repo.db;
      const existing = new Map<string, { present: boolean; evidence: string; state: string }>();
      const take = (rows: Record<string, unknown>[]) => {
        for (const r of rows)
          if (!rules || rules.has(r.rule_id as string))
            existing.set(r.id as string, {
              present: bool(r.present),
              state: r.state as string,
              evidence: evidence({
                unitId: r.unit_id as string,
                document: r.document as string,
                article: r.article as string,
                because: JSON.parse(r.because as string) as string[],
                conclusion: (r.conclusion as string | null) ?? null,
              }),
            });
      };
      const cols = [
        'id',
        'rule_id',
        'present',
        'state',
        'unit_id',
        'document',
        'article',
        'because',
        'conclusion',
      ] as const;
      if (subjects === 'all') take((await db.selectFrom('alerts').select(cols).execute()) as Record<string, unknown>[]);
      else
        for (const ids of chunks([...subjects]))
          take(
            (await db.selectFrom('alerts').select(cols).where('subject_id', 'in', ids).execute()) as Record<
              string,
              unknown
            >[],
          );

      const fresh: AlertFinding[] = [];
      const seen = new Set<string>();
      for (const f of findings) {
        if (seen.has(f.id)) continue;
        seen.add(f.id);
        const old = existing.get(f.id);
        if (!old) {
          fresh.push(f);
          continue;
        }
        const changed = old.evidence !== evidence(f);
        if (!old.present) {
          result.back++;
          await db
            .updateTable('alerts')
            .set({
              present: repo.flag(true),
              gone_on: null,
              last_seen: asOf,
              unit_id: f.unitId,
              document: f.document,
              article: f.article,
              because: JSON.stringify(f.because),
              conclusion: f.conclusion,
              updated_at: at,
            })
            .where('id', '=', f.id)
            .execute();
          await repo.addEvent(f.id, at, { action: 'reappeared', fromState: old.state, toState: old.state });
        } else if (changed) {
          result.changed++;
          await db
            .updateTable('alerts')
            .set({
              last_seen: asOf,
              unit_id: f.unitId,
              document: f.document,
              article: f.article,
              because: JSON.stringify(f.because),
              conclusion: f.conclusion,
              updated_at: at,
            })
            .where('id', '=', f.id)
            .execute();
        }
      }
      const gone = [...existing].filter(([id, e]) => e.present && !seen.has(id));
      for (const part of chunks(gone)) {
        await db
          .updateTable('alerts')
          .set({ present: repo.flag(false), gone_on: asOf, updated_at: at })
          .where(
            'id',
            'in',
            part.map(([id]) => id),
          )
          .execute();
        for (const [id, e] of part)
          await repo.addEvent(id, at, { action: 'gone', fromState: e.state, toState: e.state });
      }
      result.gone = gone.length;
      for (const part of chunks(fresh, 1000))
        await db
          .insertInto('alerts')
          .values(
            part.map((f) => ({
              id: f.id,
              version: 1,
              rule_id: f.ruleId,
              pack: f.pack,
              subject_type: f.subjectType,
              subject_id: f.subjectId,
              unit_id: f.unitId,
              year: f.year,
              document: f.document,
              article: f.article,
              because: JSON.stringify(f.because),
              conclusion: f.conclusion,
              state: 'new',
              present: repo.flag(true),
              first_seen: asOf,
              last_seen: asOf,
              updated_at: at,
            })),
          )
          // another process's scan may have written the same finding meanwhile: its row stands
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      result.added = fresh.length;
    };
    if (this.store.depth > 0) await run(this);
    else await this.store.transaction(async (tx) => run(alertsOf(tx)));
    return result;
  }
}

/** The alert repository of a store (or of the transaction it is bound to). */
export function alertsOf(store: RecordStore): AlertRepository {
  if (!(store instanceof KyselyStore)) throw new Error('alerts need a Kysely-backed store');
  return new AlertRepository(store, store.db);
}
