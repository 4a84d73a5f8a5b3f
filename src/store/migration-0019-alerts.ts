// Migration 0019: the alert list (预警清单) of the adjustment rules. One row per finding (rule, subject, year) with
// its article and evidence as the rules gave them when last seen, the state an official has moved it to, and
// whether the finding still holds (a finding that disappears is marked, never deleted: the list keeps what was
// proposed and what the organisation did with it). alert_events is the append-only history of each alert.
// Frozen once released, like every migration.
import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const m0019Alerts: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('alerts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('rule_id', 'text', (c) => c.notNull())
      .addColumn('pack', 'text', (c) => c.notNull())
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      // the unit the subject counted under when the finding was last seen (the list's unit filter)
      .addColumn('unit_id', 'text', (c) => c.notNull())
      // 0 when the finding names no year (a unique key cannot rest on a null)
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('article', 'text', (c) => c.notNull())
      .addColumn('because', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('conclusion', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('present', 'boolean', (c) => c.notNull().defaultTo(true))
      .addColumn('first_seen', 'text', (c) => c.notNull())
      .addColumn('last_seen', 'text', (c) => c.notNull())
      .addColumn('gone_on', 'text')
      .addColumn('confirmed_by', 'text')
      .addColumn('confirmed_at', 'text')
      .addColumn('dismissed_reason', 'text')
      .addColumn('case_id', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('alerts_finding')
      .on('alerts')
      .columns(['rule_id', 'subject_id', 'year'])
      .unique()
      .execute();
    await db.schema.createIndex('alerts_subject').on('alerts').columns(['subject_id']).execute();
    await db.schema.createIndex('alerts_unit_state').on('alerts').columns(['unit_id', 'state']).execute();
    await db.schema.createIndex('alerts_state_year').on('alerts').columns(['state', 'year']).execute();

    await db.schema
      .createTable('alert_events')
      .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_state', 'text')
      .addColumn('to_state', 'text')
      .addColumn('user_id', 'text')
      .addColumn('user_name', 'text')
      .addColumn('role', 'text')
      .addColumn('reason', 'text')
      .addPrimaryKeyConstraint('alert_events_pk', ['alert_id', 'seq'])
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('alert_events').execute();
    await db.schema.dropTable('alerts').execute();
  },
};
