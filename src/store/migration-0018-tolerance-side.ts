// Migration 0018: what sits beside a tolerance case. `case_links` ties a side case (澄清正名) to the tolerance case it
// follows. `false_accusation_referrals` records a false accusation (诬告陷害) referred for 查处 from a case, with the
// article that provides it; `credit_blacklist` the persons entered in 安徽's 失信“黑名单” for it. `pre_event_filings`
// are 焦作's filings made before the work (风险评估备案, 特事特办 approval), about a unit (and the cadre in charge), and
// `case_filings` names the filings a case relies on. Frozen once released, like every migration.
import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const m0018ToleranceSide: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('case_links')
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('follows_case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addPrimaryKeyConstraint('case_links_pk', ['case_id', 'follows_case_id'])
      .execute();
    await db.schema.createIndex('case_links_follows').on('case_links').columns(['follows_case_id']).execute();

    await db.schema
      .createTable('false_accusation_referrals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('pack', 'text', (c) => c.notNull())
      .addColumn('on_date', 'text', (c) => c.notNull())
      .addColumn('accuser', 'text', (c) => c.notNull())
      .addColumn('conduct', 'text', (c) => c.notNull())
      .addColumn('referred_to', 'text', (c) => c.notNull())
      .addColumn('article', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text')
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('false_accusation_referrals_case')
      .on('false_accusation_referrals')
      .columns(['case_id'])
      .execute();

    await db.schema
      .createTable('credit_blacklist')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('referral_id', 'text', (c) => c.notNull().references('false_accusation_referrals.id'))
      .addColumn('pack', 'text', (c) => c.notNull())
      .addColumn('person', 'text', (c) => c.notNull())
      .addColumn('conduct', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text', (c) => c.notNull())
      .addColumn('decided_on', 'text', (c) => c.notNull())
      .addColumn('article', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text')
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('credit_blacklist_case').on('credit_blacklist').columns(['case_id']).execute();

    await db.schema
      .createTable('pre_event_filings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('pack', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('cadre_id', 'text', (c) => c.references('cadres.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('started_on', 'text', (c) => c.notNull())
      .addColumn('assessed_on', 'text')
      .addColumn('filed_with', 'text')
      .addColumn('filed_on', 'text')
      .addColumn('government_approved_on', 'text')
      .addColumn('reported_to', 'text')
      .addColumn('upper_approved_on', 'text')
      .addColumn('recorded_by', 'text')
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pre_event_filings_unit').on('pre_event_filings').columns(['unit_id']).execute();

    await db.schema
      .createTable('case_filings')
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('filing_id', 'text', (c) => c.notNull().references('pre_event_filings.id'))
      .addPrimaryKeyConstraint('case_filings_pk', ['case_id', 'filing_id'])
      .execute();
  },
  async down(db: AnyDb) {
    for (const t of [
      'case_filings',
      'pre_event_filings',
      'credit_blacklist',
      'false_accusation_referrals',
      'case_links',
    ])
      await db.schema.dropTable(t).execute();
  },
};
