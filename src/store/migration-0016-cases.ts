// Migration 0016: cases run by the procedure engine (src/workflow/). A case row holds where the case stands (state,
// the marks and conclusion its later steps test, the definition version it started under) and a `version` for
// optimistic concurrency; every step appends one row to case_steps in the same transaction that changes the case.
// Participants, comments (attachments as metadata), deadlines (only where a local rule sets one) and the decision
// a concluded case records (read by the rulebooks as facts) hang off the case. `matter_id` names the accountability
// matter the case belongs to. Frozen once released, like every migration.
import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const m0016Cases: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('cases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('pack', 'text', (c) => c.notNull())
      .addColumn('procedure', 'text', (c) => c.notNull())
      .addColumn('definition_version', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('context', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('handling_unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('matter_id', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text')
      .addColumn('opened_on', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('closed', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('started_by', 'text')
      .execute();
    await db.schema.createIndex('cases_pack_state').on('cases').columns(['pack', 'state']).execute();
    await db.schema.createIndex('cases_handling_unit').on('cases').columns(['handling_unit_id', 'year']).execute();
    await db.schema.createIndex('cases_subject').on('cases').columns(['subject_id']).execute();

    await db.schema
      .createTable('case_steps')
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('on_date', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_state', 'text', (c) => c.notNull())
      .addColumn('to_state', 'text', (c) => c.notNull())
      .addColumn('actor_user_id', 'text')
      .addColumn('actor_role', 'text', (c) => c.notNull())
      .addColumn('actor_unit_id', 'text')
      .addColumn('actor_cadre_id', 'text')
      .addColumn('inputs', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('reason', 'text')
      .addColumn('documents', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('evaluation', 'text')
      .addPrimaryKeyConstraint('case_steps_pk', ['case_id', 'seq'])
      .execute();
    // 已办: the steps a person took
    await db.schema.createIndex('case_steps_actor').on('case_steps').columns(['actor_user_id']).execute();

    await db.schema
      .createTable('case_participants')
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('part', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_participants_pk', ['case_id', 'user_id', 'part'])
      .execute();
    await db.schema.createIndex('case_participants_user').on('case_participants').columns(['user_id']).execute();

    await db.schema
      .createTable('case_comments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('author_user_id', 'text')
      .addColumn('author_role', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('attachment_name', 'text')
      .addColumn('attachment_type', 'text')
      .addColumn('attachment_size', 'integer')
      .addColumn('attachment_sha256', 'text')
      .execute();
    await db.schema.createIndex('case_comments_case').on('case_comments').columns(['case_id', 'at']).execute();

    await db.schema
      .createTable('case_deadlines')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('set_by_seq', 'integer', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('case_deadlines_open').on('case_deadlines').columns(['status', 'due_on']).execute();

    await db.schema
      .createTable('case_decisions')
      // the case's own id: one decision a case, replaced when an appeal changes it
      .addColumn('id', 'text', (c) => c.primaryKey().references('cases.id'))
      .addColumn('pack', 'text', (c) => c.notNull())
      .addColumn('subject_type', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('matter_id', 'text', (c) => c.notNull())
      .addColumn('decided_on', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('article', 'text', (c) => c.notNull())
      .addColumn('measure', 'text')
      .addColumn('measure_on', 'text')
      .execute();
  },
  async down(db: AnyDb) {
    for (const t of ['case_decisions', 'case_deadlines', 'case_comments', 'case_participants', 'case_steps', 'cases'])
      await db.schema.dropTable(t).execute();
  },
};
