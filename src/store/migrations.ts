// The one migration history, shared by SQLite and PostgreSQL. Each migration is frozen once released: change
// the schema by adding a new entry, never by editing an old one. Types are chosen to mean the same on both
// engines: dates are 'YYYY-MM-DD' text, booleans `boolean` (0/1 in SQLite), string lists JSON text.
import { Migrator, type Kysely, type Migration, type MigrationProvider, type CreateTableBuilder } from 'kysely';
import { m0002Accounts } from './migration-0002-accounts.js';
import { m0003AuditCrypto } from './migration-0003-audit-crypto.js';
import { m0004ToleranceRequests } from './migration-0004-tolerance-requests.js';
import { m0005ToleranceFiledBy } from './migration-0005-tolerance-filed-by.js';
import { m0006DerivedIndexes } from './migration-0006-derived-indexes.js';
import { m0007CurrentPosts } from './migration-0007-current-posts.js';
import { m0008SearchUnits } from './migration-0008-search-units.js';
import { m0009CadreCounts } from './migration-0009-cadre-counts.js';
import { m0010RosterRows } from './migration-0010-roster-rows.js';
import { m0011AuthNotify } from './migration-0011-auth-notify.js';
import { m0012LoginGuards } from './migration-0012-login-guards.js';
import { m0013CadreAppointmentFields } from './migration-0013-cadre-appointment-fields.js';
import { m0014HonorAward } from './migration-0014-honor-award.js';
import { m0015AccountabilityMatters } from './migration-0015-accountability-matters.js';
import { m0016Cases } from './migration-0016-cases.js';
import { m0017CaseScale } from './migration-0017-case-scale.js';
import { m0018ToleranceSide } from './migration-0018-tolerance-side.js';
import { m0019Alerts } from './migration-0019-alerts.js';
import { m0022LocalParamsCare } from './migration-0022-local-params-care.js';
import { m0023IncentiveRuns } from './migration-0023-incentive-runs.js';
import { m0024CaseCounts } from './migration-0024-case-counts.js';
import { m0026AlertListIndexes } from './migration-0026-alert-list-indexes.js';
import { m0030RosterSort } from './migration-0030-roster-sort.js';
import { m0031CaseTodo } from './migration-0031-case-todo.js';
import { m0032PostChargedUnits } from './migration-0032-post-charged-units.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

function base<T extends string>(db: AnyDb, name: T): CreateTableBuilder<T, 'id' | 'version'> {
  return db.schema
    .createTable(name)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1));
}

const m0001: Migration = {
  async up(db: AnyDb) {
    await base(db, 'units')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'text', (c) => c.references('units.id'))
      .addColumn('pack', 'text')
      .execute();
    await db.schema.createIndex('units_parent_id').on('units').column('parent_id').execute();

    await base(db, 'cadres')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('gender', 'text')
      .addColumn('birth_date', 'text')
      .addColumn('id_number', 'text')
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('managing_unit_id', 'text', (c) => c.notNull().references('units.id'))
      .execute();
    await db.schema.createIndex('cadres_managing_unit_id').on('cadres').column('managing_unit_id').execute();

    await base(db, 'posts')
      .addColumn('cadre_id', 'text', (c) => c.notNull().references('cadres.id'))
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('party_secretary', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('in_charge', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('start_date', 'text', (c) => c.notNull())
      .addColumn('end_date', 'text')
      .addColumn('reason', 'text')
      .execute();
    await db.schema.createIndex('posts_cadre_id').on('posts').columns(['cadre_id', 'start_date']).execute();
    await db.schema.createIndex('posts_unit_id').on('posts').columns(['unit_id', 'start_date']).execute();

    await base(db, 'unit_assessments')
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('scheme', 'text', (c) => c.notNull())
      .addColumn('grade', 'text')
      .addColumn('score', 'double precision')
      .addColumn('rank', 'integer')
      .addUniqueConstraint('unit_assessments_one_per_scheme_year', ['unit_id', 'scheme', 'year'])
      .execute();
    await db.schema
      .createIndex('unit_assessments_unit_year')
      .on('unit_assessments')
      .columns(['unit_id', 'year'])
      .execute();

    // one annual assessment per cadre and year; the unique index also serves lookups by (cadre_id, year)
    await base(db, 'cadre_assessments')
      .addColumn('cadre_id', 'text', (c) => c.notNull().references('cadres.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('grade', 'text')
      .addColumn('votes_excellent', 'integer')
      .addColumn('votes_competent', 'integer')
      .addColumn('votes_basic', 'integer')
      .addColumn('votes_incompetent', 'integer')
      .addUniqueConstraint('cadre_assessments_one_per_year', ['cadre_id', 'year'])
      .execute();

    await base(db, 'regular_assessments')
      .addColumn('cadre_id', 'text', (c) => c.notNull().references('cadres.id'))
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('grade', 'text', (c) => c.notNull())
      .addUniqueConstraint('regular_assessments_one_per_period', ['cadre_id', 'period'])
      .execute();

    // honors and determinations concern a unit or a cadre (subject_type says which): no foreign key can
    // express that, so the subject is indexed and checked by the writers.
    await base(db, 'honors')
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('conferred_by', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('honors_subject')
      .on('honors')
      .columns(['subject_type', 'subject_id', 'date'])
      .execute();

    await base(db, 'incidents')
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .execute();
    await db.schema.createIndex('incidents_unit_date').on('incidents').columns(['unit_id', 'date']).execute();

    await base(db, 'determinations')
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('clause', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .execute();
    await db.schema
      .createIndex('determinations_subject')
      .on('determinations')
      .columns(['subject_type', 'subject_id', 'date'])
      .execute();

    for (const [name, extra] of [
      ['sanctions', 'kind'],
      ['accountability_measures', 'kind'],
      ['adjustments', 'method'],
    ] as const) {
      let t = base(db, name)
        .addColumn('cadre_id', 'text', (c) => c.notNull().references('cadres.id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn(extra, 'text', (c) => c.notNull());
      if (name === 'adjustments') t = t.addColumn('rule_id', 'text');
      await t.addColumn('reason', 'text').execute();
      await db.schema.createIndex(`${name}_cadre_date`).on(name).columns(['cadre_id', 'date']).execute();
    }
  },
  async down(db: AnyDb) {
    for (const t of [
      'adjustments',
      'accountability_measures',
      'sanctions',
      'determinations',
      'incidents',
      'honors',
      'regular_assessments',
      'cadre_assessments',
      'unit_assessments',
      'posts',
      'cadres',
      'units',
    ]) {
      await db.schema.dropTable(t).execute();
    }
  },
};

/** Every migration, in order. Names sort in the order they must run. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_record': m0001,
  '0002_accounts': m0002Accounts,
  '0003_audit_crypto': m0003AuditCrypto,
  '0004_tolerance_requests': m0004ToleranceRequests,
  '0005_tolerance_filed_by': m0005ToleranceFiledBy,
  '0006_derived_indexes': m0006DerivedIndexes,
  '0007_current_posts': m0007CurrentPosts,
  '0008_search_units': m0008SearchUnits,
  '0009_cadre_counts': m0009CadreCounts,
  '0010_roster_rows': m0010RosterRows,
  '0011_auth_notify': m0011AuthNotify,
  '0012_login_guards': m0012LoginGuards,
  '0013_cadre_appointment_fields': m0013CadreAppointmentFields,
  '0014_honor_award': m0014HonorAward,
  '0015_accountability_matters': m0015AccountabilityMatters,
  '0016_cases': m0016Cases,
  '0017_case_scale': m0017CaseScale,
  '0018_tolerance_side': m0018ToleranceSide,
  '0019_alerts': m0019Alerts,
  '0022_local_params_care': m0022LocalParamsCare,
  '0023_incentive_runs': m0023IncentiveRuns,
  '0024_case_counts': m0024CaseCounts,
  '0026_alert_list_indexes': m0026AlertListIndexes,
  '0030_roster_sort': m0030RosterSort,
  '0031_case_todo': m0031CaseTodo,
  '0032_post_charged_units': m0032PostChargedUnits,
};

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

export function migrator(db: AnyDb): Migrator {
  return new Migrator({
    db,
    provider,
    migrationTableName: 'sanxiang_migration',
    migrationLockTableName: 'sanxiang_migration_lock',
  });
}

/** Brings the schema to the latest version; returns the names applied now (empty when already current). */
export async function migrateToLatest(db: AnyDb): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    if (!failed) throw error; // not a migration's fault: no connection, no permission, …
    throw new Error(`数据库迁移失败 (migration ${failed} failed): ${(error as Error).message ?? String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
