// Migration 0015: 问责事项 (accountability matters) as a record kind. A matter concerns a cadre or a unit; unlike
// honors or tolerance requests the two subjects get a column each, so foreign keys hold both, and a check keeps
// exactly one of them set. The accountable organ is a unit. Frozen once released, like every migration.
import { sql, type Kysely, type Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const m0015AccountabilityMatters: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('accountability_matters')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('subject_cadre_id', 'text', (c) => c.references('cadres.id'))
      .addColumn('subject_unit_id', 'text', (c) => c.references('units.id'))
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('accountable_unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('opened_on', 'text', (c) => c.notNull())
      .addColumn('decided_on', 'text')
      .addColumn('outcome', 'text')
      .addColumn('decision', 'text')
      .addCheckConstraint(
        'accountability_matters_one_subject',
        sql`(subject_cadre_id is null and subject_unit_id is not null) or (subject_cadre_id is not null and subject_unit_id is null)`,
      )
      .execute();
    // a subject's matters (profiles, the scope conditions, import's duplicate check), in date order
    await db.schema
      .createIndex('accountability_matters_cadre')
      .on('accountability_matters')
      .columns(['subject_cadre_id', 'opened_on'])
      .execute();
    await db.schema
      .createIndex('accountability_matters_unit')
      .on('accountability_matters')
      .columns(['subject_unit_id', 'opened_on'])
      .execute();
    // the matters an organ runs (its case list), and the foreign key's own lookups on unit deletes
    await db.schema
      .createIndex('accountability_matters_accountable')
      .on('accountability_matters')
      .columns(['accountable_unit_id', 'opened_on'])
      .execute();
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('accountability_matters').execute();
  },
};
