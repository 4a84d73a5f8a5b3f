// Migration 0031: 待办 read from one index range (case-todo.ts). case_todo holds, for every case a role may act on now
// within a unit's subtree, one row under each unit at or above that unit and one under the whole record, with the
// case's list order and filter columns; built here from case_open_actors, the unit closure and the cases. Frozen
// once released, like every migration.
import type { Kysely, Migration } from 'kysely';
import { rebuildCaseTodo } from './case-todo.js';
import { refreshStatistics } from './statistics.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const m0031CaseTodo: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('case_todo')
      .addColumn('scope_id', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('opened_on', 'text', (c) => c.notNull())
      .addColumn('handling_unit_id', 'text', (c) => c.notNull())
      .addColumn('pack', 'text', (c) => c.notNull())
      .addColumn('procedure', 'text', (c) => c.notNull())
      .addColumn('definition_version', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_todo_pk', ['scope_id', 'role', 'case_id'])
      .execute();
    await rebuildCaseTodo(db);
    // a person's 待办 in the list's order, the filters decided from the index; by state or year, that range alone
    await db.schema
      .createIndex('case_todo_list')
      .on('case_todo')
      .columns([
        'scope_id',
        'role',
        'opened_on desc',
        'case_id',
        'state',
        'year',
        'pack',
        'procedure',
        'definition_version',
        'handling_unit_id',
      ])
      .execute();
    await db.schema
      .createIndex('case_todo_state')
      .on('case_todo')
      .columns(['scope_id', 'role', 'state', 'opened_on desc', 'case_id'])
      .execute();
    await db.schema
      .createIndex('case_todo_year')
      .on('case_todo')
      .columns(['scope_id', 'role', 'year', 'opened_on desc', 'case_id'])
      .execute();
    await db.schema.createIndex('case_todo_case').on('case_todo').columns(['case_id']).execute();
    await refreshStatistics(db, 'case_todo');
  },
  async down(db: AnyDb) {
    await db.schema.dropTable('case_todo').execute();
  },
};
