// Migration 0013: the 干部任免审批表's personal entries on the cadre (民族, 籍贯, 出生地, 学历学位, 入党时间,
// 参加工作时间, 专业技术职务), which officials expect on a cadre's record and in the import template. All nullable:
// records kept before this migration, and imports without these columns, simply lack them. Frozen once released,
// like every migration.
import type { Kysely, Migration } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const COLUMNS = [
  'ethnicity',
  'native_place',
  'birth_place',
  'education',
  'party_join_date',
  'work_start_date',
  'professional_title',
] as const;

export const m0013CadreAppointmentFields: Migration = {
  async up(db: AnyDb) {
    for (const c of COLUMNS) await db.schema.alterTable('cadres').addColumn(c, 'text').execute();
  },
  async down(db: AnyDb) {
    for (const c of [...COLUMNS].reverse()) await db.schema.alterTable('cadres').dropColumn(c).execute();
  },
};
