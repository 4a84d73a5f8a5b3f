// Migration 0023: the annual incentive run (鼓励激励年度工作, PROCEDURES §7.3). A run belongs to one organiser unit,
// one rulebook and one assessment year; its lists, their entries (each with the rule and reasons), the approval of
// each list (body, meeting, date, document number), the grades unit liaisons propose within quota, and an
// append-only history of the run's steps hang off it. Frozen once released, like every migration.
import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const m0023IncentiveRuns: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('incentive_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('pack', 'text', (c) => c.notNull())
      .addColumn('organiser_unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('as_of', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('params', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('public_notice_days', 'integer')
      .addColumn('gaps', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('ties', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('completeness', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('quotas', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('computed_at', 'text')
      .addColumn('conferred_on', 'text')
      .addColumn('conferred_document_no', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('incentive_runs_key')
      .on('incentive_runs')
      .columns(['organiser_unit_id', 'year', 'pack'])
      .unique()
      .execute();

    await db.schema
      .createTable('incentive_lists')
      .addColumn('run_id', 'text', (c) => c.notNull().references('incentive_runs.id'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('approver', 'text')
      .addColumn('approver_basis', 'text', (c) => c.notNull())
      .addColumn('publish', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('notice_from', 'text')
      .addColumn('notice_to', 'text')
      .addPrimaryKeyConstraint('incentive_lists_pk', ['run_id', 'key'])
      .execute();

    await db.schema
      .createTable('incentive_entries')
      .addColumn('run_id', 'text', (c) => c.notNull().references('incentive_runs.id'))
      .addColumn('list_key', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('rule', 'text', (c) => c.notNull())
      .addColumn('article', 'text', (c) => c.notNull())
      .addColumn('conclusion', 'text', (c) => c.notNull())
      .addColumn('because', 'text', (c) => c.notNull())
      .addColumn('value', 'text')
      .addColumn('tie', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('decision', 'text')
      .addColumn('decision_reason', 'text')
      .addPrimaryKeyConstraint('incentive_entries_pk', ['run_id', 'list_key', 'seq'])
      .execute();

    await db.schema
      .createTable('incentive_approvals')
      .addColumn('run_id', 'text', (c) => c.notNull().references('incentive_runs.id'))
      .addColumn('list_key', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('meeting', 'text', (c) => c.notNull())
      .addColumn('decided_on', 'text', (c) => c.notNull())
      .addColumn('document_no', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text')
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('incentive_approvals_pk', ['run_id', 'list_key'])
      .execute();

    await db.schema
      .createTable('incentive_grade_proposals')
      .addColumn('run_id', 'text', (c) => c.notNull().references('incentive_runs.id'))
      .addColumn('cadre_id', 'text', (c) => c.notNull().references('cadres.id'))
      .addColumn('unit_id', 'text', (c) => c.notNull())
      .addColumn('grade', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('proposed_by', 'text')
      .addColumn('proposed_at', 'text', (c) => c.notNull())
      .addColumn('review_note', 'text')
      .addPrimaryKeyConstraint('incentive_grade_proposals_pk', ['run_id', 'cadre_id'])
      .execute();

    await db.schema
      .createTable('incentive_run_steps')
      .addColumn('run_id', 'text', (c) => c.notNull().references('incentive_runs.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_user_id', 'text')
      .addColumn('note', 'text')
      .addPrimaryKeyConstraint('incentive_run_steps_pk', ['run_id', 'seq'])
      .execute();
  },
  async down(db: AnyDb) {
    for (const t of [
      'incentive_run_steps',
      'incentive_grade_proposals',
      'incentive_approvals',
      'incentive_entries',
      'incentive_lists',
      'incentive_runs',
    ])
      await db.schema.dropTable(t).execute();
  },
};
