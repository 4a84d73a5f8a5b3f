// Migration 0017: what the case list, 待办 and 已办 need to be answered by the database at 100,000 cases, and the
// contents of case attachments.
//
// - case_open_actors (case_id, role, reach, unit_id, cadre_id): who may take one of the actions open on a case now,
//   one row per (role, where the role must stand), rewritten in the transaction of every step. `reach` says how the
//   person's own place is compared with the row: 'cadre' — the person is the subject cadre (cadre_id); 'unit' — the
//   person's unit is unit_id (the unit concerned); 'subtree' — unit_id is in the subtree of the person's unit (the
//   handling unit, or for a step of the body above it, the unit above the handling unit), or the person is bound to
//   no unit (the whole record). 待办 is then an index lookup per case instead of loading every case and walking the
//   procedure for each.
// - indexes for the list's order (opened_on desc, id) overall and within a handling unit, and for the open-actor
//   lookup by role and unit.
// - case_attachments: the files a step or a comment carries, their contents encrypted when the server has a field
//   key (the same SM4 encryption as 身份证号), with name, type, size and SHA-256 of the plain contents.
// Cases recorded before this migration get their open-actor rows when the server starts (the procedure
// definitions that say who acts live above the store). Frozen once released, like every migration.
import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const m0017CaseScale: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('case_open_actors')
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('reach', 'text', (c) => c.notNull())
      .addColumn('unit_id', 'text')
      .addColumn('cadre_id', 'text')
      .execute();
    await db.schema.createIndex('case_open_actors_case').on('case_open_actors').columns(['case_id', 'role']).execute();
    await db.schema
      .createIndex('case_open_actors_role_unit')
      .on('case_open_actors')
      .columns(['role', 'unit_id', 'case_id'])
      .execute();
    await db.schema
      .createIndex('case_open_actors_role_cadre')
      .on('case_open_actors')
      .columns(['role', 'cadre_id', 'case_id'])
      .execute();

    // the list's order, overall and within the handling units of a subtree
    await db.schema.createIndex('cases_opened').on('cases').columns(['opened_on desc', 'id']).execute();
    await db.schema
      .createIndex('cases_unit_opened')
      .on('cases')
      .columns(['handling_unit_id', 'opened_on desc', 'id'])
      .execute();
    await db.schema.createIndex('cases_subject_cadre').on('cases').columns(['subject_type', 'subject_id']).execute();
    // 已办: the cases a person acted on, from the index alone
    await db.schema
      .createIndex('case_steps_actor_case')
      .on('case_steps')
      .columns(['actor_user_id', 'case_id'])
      .execute();

    await db.schema
      .createTable('case_attachments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
      // the step (its seq) or the comment the file belongs to; one of the two
      .addColumn('step_seq', 'integer')
      .addColumn('comment_id', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      // base64 of the contents, as an SM4 ciphertext (sm4:…) when the server has a field key
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('uploaded_at', 'text', (c) => c.notNull())
      .addColumn('uploaded_by', 'text')
      .execute();
    await db.schema
      .createIndex('case_attachments_case')
      .on('case_attachments')
      .columns(['case_id', 'uploaded_at'])
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('case_attachments').execute();
    await db.schema.dropIndex('case_steps_actor_case').execute();
    for (const i of ['cases_subject_cadre', 'cases_unit_opened', 'cases_opened'])
      await db.schema.dropIndex(i).execute();
    await db.schema.dropTable('case_open_actors').execute();
  },
};
