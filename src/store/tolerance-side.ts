// The records beside a tolerance case (migration 0018): the link of a side case (澄清正名) to the tolerance case it
// follows, false-accusation referrals, 失信黑名单 entries, pre-event filings (焦作) and the filings a case relies on.
// Writes take the transaction they belong to (`sideOf(tx)` inside `store.transaction`), like the case repository.
import type { AnyDb } from './connect.js';
import { KyselyStore } from './kysely-store.js';
import type { RecordStore } from './types.js';
import type { FilingKind } from '../domain/side-procedures.js';

export interface ReferralRow {
  id: string;
  caseId: string;
  pack: string;
  onDate: string;
  accuser: string;
  conduct: string;
  referredTo: string;
  article: string;
  recordedBy: string | null;
  recordedAt: string;
}

export interface BlacklistRow {
  id: string;
  caseId: string;
  referralId: string;
  pack: string;
  person: string;
  conduct: string;
  decidedBy: string;
  decidedOn: string;
  article: string;
  recordedBy: string | null;
  recordedAt: string;
}

export interface FilingRow {
  id: string;
  pack: string;
  kind: FilingKind;
  unitId: string;
  cadreId: string | null;
  title: string;
  startedOn: string;
  assessedOn: string | null;
  filedWith: string | null;
  filedOn: string | null;
  governmentApprovedOn: string | null;
  reportedTo: string | null;
  upperApprovedOn: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function toFiling(r: Record<string, unknown>): FilingRow {
  return {
    id: String(r.id),
    pack: String(r.pack),
    kind: r.kind as FilingKind,
    unitId: String(r.unit_id),
    cadreId: str(r.cadre_id),
    title: String(r.title),
    startedOn: String(r.started_on),
    assessedOn: str(r.assessed_on),
    filedWith: str(r.filed_with),
    filedOn: str(r.filed_on),
    governmentApprovedOn: str(r.government_approved_on),
    reportedTo: str(r.reported_to),
    upperApprovedOn: str(r.upper_approved_on),
    recordedBy: str(r.recorded_by),
    recordedAt: String(r.recorded_at),
  };
}

export class ToleranceSideRepository {
  constructor(readonly db: AnyDb) {}

  async link(caseId: string, followsCaseId: string): Promise<void> {
    await this.db.insertInto('case_links').values({ case_id: caseId, follows_case_id: followsCaseId }).execute();
  }

  /** The cases `caseId` follows and the cases that follow it. */
  async links(caseId: string): Promise<{ follows: string[]; followedBy: string[] }> {
    const a = await this.db.selectFrom('case_links').select('follows_case_id').where('case_id', '=', caseId).execute();
    const b = await this.db.selectFrom('case_links').select('case_id').where('follows_case_id', '=', caseId).execute();
    return { follows: a.map((r) => String(r.follows_case_id)), followedBy: b.map((r) => String(r.case_id)) };
  }

  async addReferral(r: ReferralRow): Promise<void> {
    await this.db
      .insertInto('false_accusation_referrals')
      .values({
        id: r.id,
        case_id: r.caseId,
        pack: r.pack,
        on_date: r.onDate,
        accuser: r.accuser,
        conduct: r.conduct,
        referred_to: r.referredTo,
        article: r.article,
        recorded_by: r.recordedBy,
        recorded_at: r.recordedAt,
      })
      .execute();
  }

  async referrals(caseId: string): Promise<ReferralRow[]> {
    const rows = await this.db
      .selectFrom('false_accusation_referrals')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('on_date')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: String(r.id),
      caseId: String(r.case_id),
      pack: String(r.pack),
      onDate: String(r.on_date),
      accuser: String(r.accuser),
      conduct: String(r.conduct),
      referredTo: String(r.referred_to),
      article: String(r.article),
      recordedBy: str(r.recorded_by),
      recordedAt: String(r.recorded_at),
    }));
  }

  async addBlacklisted(b: BlacklistRow): Promise<void> {
    await this.db
      .insertInto('credit_blacklist')
      .values({
        id: b.id,
        case_id: b.caseId,
        referral_id: b.referralId,
        pack: b.pack,
        person: b.person,
        conduct: b.conduct,
        decided_by: b.decidedBy,
        decided_on: b.decidedOn,
        article: b.article,
        recorded_by: b.recordedBy,
        recorded_at: b.recordedAt,
      })
      .execute();
  }

  async blacklisted(caseId: string): Promise<BlacklistRow[]> {
    const rows = await this.db
      .selectFrom('credit_blacklist')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('decided_on')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: String(r.id),
      caseId: String(r.case_id),
      referralId: String(r.referral_id),
      pack: String(r.pack),
      person: String(r.person),
      conduct: String(r.conduct),
      decidedBy: String(r.decided_by),
      decidedOn: String(r.decided_on),
      article: String(r.article),
      recordedBy: str(r.recorded_by),
      recordedAt: String(r.recorded_at),
    }));
  }

  async addFiling(f: FilingRow): Promise<void> {
    await this.db
      .insertInto('pre_event_filings')
      .values({
        id: f.id,
        pack: f.pack,
        kind: f.kind,
        unit_id: f.unitId,
        cadre_id: f.cadreId,
        title: f.title,
        started_on: f.startedOn,
        assessed_on: f.assessedOn,
        filed_with: f.filedWith,
        filed_on: f.filedOn,
        government_approved_on: f.governmentApprovedOn,
        reported_to: f.reportedTo,
        upper_approved_on: f.upperApprovedOn,
        recorded_by: f.recordedBy,
        recorded_at: f.recordedAt,
      })
      .execute();
  }

  async filing(id: string): Promise<FilingRow | undefined> {
    const r = await this.db.selectFrom('pre_event_filings').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toFiling(r) : undefined;
  }

  /** Filings about the given units (all when `unitIds` is absent), newest work first. */
  async filings(unitIds?: readonly string[], limit = 500): Promise<FilingRow[]> {
    let q = this.db.selectFrom('pre_event_filings').selectAll();
    if (unitIds) {
      if (unitIds.length === 0) return [];
      q = q.where('unit_id', 'in', [...unitIds]);
    }
    const rows = await q.orderBy('started_on', 'desc').orderBy('id').limit(limit).execute();
    return rows.map(toFiling);
  }

  async relyOn(caseId: string, filingId: string): Promise<boolean> {
    const known = await this.db
      .selectFrom('case_filings')
      .select('case_id')
      .where('case_id', '=', caseId)
      .where('filing_id', '=', filingId)
      .executeTakeFirst();
    if (known) return false;
    await this.db.insertInto('case_filings').values({ case_id: caseId, filing_id: filingId }).execute();
    return true;
  }

  /** The filings a case relies on. */
  async caseFilings(caseId: string): Promise<FilingRow[]> {
    const rows = await this.db
      .selectFrom('case_filings')
      .innerJoin('pre_event_filings', 'pre_event_filings.id', 'case_filings.filing_id')
      .selectAll('pre_event_filings')
      .where('case_filings.case_id', '=', caseId)
      .orderBy('pre_event_filings.started_on')
      .orderBy('pre_event_filings.recorded_at')
      .execute();
    return rows.map(toFiling);
  }
}

/** The repository on a store or on the transaction a store is bound to. */
export function sideOf(store: RecordStore): ToleranceSideRepository {
  if (!(store instanceof KyselyStore)) throw new Error('tolerance side records need a Kysely-backed store');
  return new ToleranceSideRepository(store.db);
}
