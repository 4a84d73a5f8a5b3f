// Migration 0022: local parameters (具体办法) and care records (关心关爱).
//   - local_params: a number a jurisdiction's texts leave open, set by its organisation department for a unit (the
//     jurisdiction), in force from a date, citing the local document that sets it. Rows are never updated in place:
//     a new setting supersedes by date, a mistaken one is revoked (kept, with who and why), so the history is whole.
//   - talk_records (谈心谈话): who talked with whom, when, of what kind, optionally linked to a case.
//   - return_visits (回访): a visit to a cadre linked to a tolerance/adjustment case or to an adjustment record.
// Frozen once released, like every migration.
import { sql, type Kysely, type Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const m0022LocalParamsCare: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('local_params')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('param_key', 'text', (c) => c.notNull())
      // JSON text: a number, a ratio written as text, a list or a table, as the parameter's type says
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('in_force_from', 'text', (c) => c.notNull())
      .addColumn('doc_title', 'text', (c) => c.notNull())
      .addColumn('doc_number', 'text', (c) => c.notNull())
      .addColumn('doc_date', 'text', (c) => c.notNull())
      .addColumn('set_by', 'text')
      .addColumn('set_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('revoked_by', 'text')
      .addColumn('revoke_reason', 'text')
      .execute();
    // the settings of a jurisdiction, per parameter, in date order (the evaluation's lookup and the page's history)
    await db.schema
      .createIndex('local_params_unit_key')
      .on('local_params')
      .columns(['unit_id', 'param_key', 'in_force_from'])
      .execute();

    await db.schema
      .createTable('talk_records')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('talker_id', 'text', (c) => c.notNull().references('cadres.id'))
      .addColumn('talkee_id', 'text', (c) => c.notNull().references('cadres.id'))
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.references('cases.id'))
      .addColumn('summary', 'text')
      .addColumn('recorded_by', 'text')
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addCheckConstraint('talk_records_two_people', sql`talker_id <> talkee_id`)
      .execute();
    // coverage reads a year of talks by either party
    await db.schema.createIndex('talk_records_talker').on('talk_records').columns(['talker_id', 'held_on']).execute();
    await db.schema.createIndex('talk_records_talkee').on('talk_records').columns(['talkee_id', 'held_on']).execute();
    await db.schema.createIndex('talk_records_held_on').on('talk_records').column('held_on').execute();

    await db.schema
      .createTable('return_visits')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('cadre_id', 'text', (c) => c.notNull().references('cadres.id'))
      .addColumn('visitor_id', 'text', (c) => c.references('cadres.id'))
      .addColumn('visited_on', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.references('cases.id'))
      .addColumn('adjustment_id', 'text', (c) => c.references('adjustments.id'))
      .addColumn('notes', 'text')
      .addColumn('recorded_by', 'text')
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addCheckConstraint(
        'return_visits_linked',
        sql`(case_id is not null and adjustment_id is null) or (case_id is null and adjustment_id is not null)`,
      )
      .execute();
    await db.schema
      .createIndex('return_visits_cadre')
      .on('return_visits')
      .columns(['cadre_id', 'visited_on'])
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('return_visits').execute();
    await db.schema.dropTable('talk_records').execute();
    await db.schema.dropTable('local_params').execute();
  },
};
