// How each record kind maps onto its table: table name, snake_case columns and the conversions between the
// entity's JavaScript values and what the two databases store. The repositories, bulk insert and the fact
// loader all work from this one description; the migrations in migrations.ts create exactly these columns
// (a test checks that they agree).
import { CADRE_APPOINTMENT_FIELDS, type RecordKind } from '../domain/entities.js';

/**
 * text: strings and 'YYYY-MM-DD' dates (text compares correctly); json: a string array kept as JSON text;
 * flags: an object of boolean flags kept as JSON text (a tolerance request's findings: absent keys = not established).
 */
export type ColumnType = 'text' | 'int' | 'real' | 'bool' | 'json' | 'flags';

export interface ColumnDef {
  field: string;
  column: string;
  type: ColumnType;
  nullable: boolean;
  /** an optional entity field (`field?:` in entities.ts): left out of the entity when the column is null */
  optional: boolean;
}

export interface TableDef {
  kind: RecordKind;
  table: string;
  /** every column incl. id and version, in table order */
  columns: readonly ColumnDef[];
  byField: ReadonlyMap<string, ColumnDef>;
  /** the column `search` matches a substring in */
  searchColumn: string;
}

function snake(field: string): string {
  return field.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
}

type Spec = Record<string, `${ColumnType}${'' | '?'}`>;

function table(
  kind: RecordKind,
  name: string,
  spec: Spec,
  searchField: string,
  optional: readonly string[] = [],
): TableDef {
  const all: Spec = { id: 'text', version: 'int', ...spec };
  const columns = Object.entries(all).map(([field, t]) => ({
    field,
    column: snake(field),
    type: t.replace('?', '') as ColumnType,
    nullable: t.endsWith('?'),
    optional: optional.includes(field),
  }));
  const byField = new Map(columns.map((c) => [c.field, c]));
  return { kind, table: name, columns, byField, searchColumn: byField.get(searchField)!.column };
}

export const TABLES: Readonly<Record<RecordKind, TableDef>> = {
  units: table('units', 'units', { name: 'text', kind: 'text', parentId: 'text?', pack: 'text?' }, 'name'),
  cadres: table(
    'cadres',
    'cadres',
    {
      name: 'text',
      gender: 'text?',
      birthDate: 'text?',
      idNumber: 'text?',
      category: 'text',
      managingUnitId: 'text',
      ethnicity: 'text?',
      nativePlace: 'text?',
      birthPlace: 'text?',
      education: 'text?',
      partyJoinDate: 'text?',
      workStartDate: 'text?',
      professionalTitle: 'text?',
    },
    'name',
    [...CADRE_APPOINTMENT_FIELDS],
  ),
  posts: table(
    'posts',
    'posts',
    {
      cadreId: 'text',
      unitId: 'text',
      role: 'text',
      title: 'text',
      partySecretary: 'bool',
      inCharge: 'json',
      level: 'text',
      startDate: 'text',
      endDate: 'text?',
      reason: 'text?',
      chargedUnitIds: 'json?',
    },
    'title',
    ['chargedUnitIds'],
  ),
  unitAssessments: table(
    'unitAssessments',
    'unit_assessments',
    { unitId: 'text', year: 'int', scheme: 'text', grade: 'text?', score: 'real?', rank: 'int?' },
    'unitId',
  ),
  cadreAssessments: table(
    'cadreAssessments',
    'cadre_assessments',
    {
      cadreId: 'text',
      year: 'int',
      grade: 'text?',
      votesExcellent: 'int?',
      votesCompetent: 'int?',
      votesBasic: 'int?',
      votesIncompetent: 'int?',
    },
    'cadreId',
  ),
  regularAssessments: table(
    'regularAssessments',
    'regular_assessments',
    { cadreId: 'text', period: 'text', grade: 'text' },
    'cadreId',
  ),
  honors: table(
    'honors',
    'honors',
    { subjectType: 'text', subjectId: 'text', date: 'text', conferredBy: 'text', title: 'text', award: 'text?' },
    'title',
    ['award'],
  ),
  incidents: table(
    'incidents',
    'incidents',
    { unitId: 'text', date: 'text', category: 'text', severity: 'text', description: 'text?' },
    'description',
  ),
  determinations: table(
    'determinations',
    'determinations',
    { subjectType: 'text', subjectId: 'text', date: 'text', kind: 'text', clause: 'text', note: 'text?' },
    'clause',
  ),
  sanctions: table(
    'sanctions',
    'sanctions',
    { cadreId: 'text', date: 'text', kind: 'text', reason: 'text?' },
    'reason',
  ),
  accountability: table(
    'accountability',
    'accountability_measures',
    { cadreId: 'text', date: 'text', kind: 'text', reason: 'text?' },
    'reason',
  ),
  adjustments: table(
    'adjustments',
    'adjustments',
    { cadreId: 'text', date: 'text', method: 'text', ruleId: 'text?', reason: 'text?' },
    'reason',
  ),
  toleranceRequests: table(
    'toleranceRequests',
    'tolerance_requests',
    {
      subjectType: 'text',
      subjectId: 'text',
      date: 'text',
      situation: 'text',
      findings: 'flags',
      statement: 'text?',
      filedBy: 'text?',
    },
    'statement',
    // set by the server (migration 0005); rows without it read back exactly as before it existed
    ['filedBy'],
  ),
  accountabilityMatters: table(
    'accountabilityMatters',
    'accountability_matters',
    {
      subjectCadreId: 'text?',
      subjectUnitId: 'text?',
      description: 'text',
      accountableUnitId: 'text',
      openedOn: 'text',
      decidedOn: 'text?',
      outcome: 'text?',
      decision: 'text?',
    },
    'description',
  ),
};

export type Dialect = 'sqlite' | 'postgres';

/** A JavaScript value as the database takes it (SQLite has no booleans; arrays are JSON text). */
export function toDb(col: ColumnDef, value: unknown, dialect: Dialect): unknown {
  if (value === undefined || value === null) return null;
  switch (col.type) {
    case 'bool':
      return dialect === 'sqlite' ? (value ? 1 : 0) : Boolean(value);
    case 'json':
    case 'flags':
      return JSON.stringify(value);
    default:
      return value;
  }
}

export function fromDb(col: ColumnDef, value: unknown): unknown {
  // a nullable list is unset until entered (a post's 分管单位), which is not the same as an empty one
  if (value === null || value === undefined)
    return col.type === 'json' && !col.nullable ? [] : col.type === 'flags' ? {} : null;
  switch (col.type) {
    case 'bool':
      return value === true || value === 1 || value === '1';
    case 'json':
      return JSON.parse(value as string) as unknown;
    case 'flags':
      return parseFlags(value);
    case 'int':
    case 'real':
      return typeof value === 'number' ? value : Number(value);
    default:
      return value;
  }
}

/**
 * A flags column as stored (JSON text; PostgreSQL drivers may hand back an already parsed object): only boolean
 * entries are kept, so a hand-edited row cannot smuggle other values into the rules' facts.
 */
export function parseFlags(value: unknown): Record<string, boolean> {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  const out: Record<string, boolean> = {};
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
    for (const [k, v] of Object.entries(parsed)) if (typeof v === 'boolean') out[k] = v;
  return out;
}

/** A database row (snake_case keys) as the entity. */
export function rowToEntity<T>(def: TableDef, row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const c of def.columns) {
    const v = fromDb(c, row[c.column]);
    if (v !== null || !c.optional) out[c.field] = v;
  }
  return out as T;
}
