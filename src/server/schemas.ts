// JSON schemas shared by routes (they feed both Ajv validation and the OpenAPI document): users, errors, and
// one schema per record kind built from the store's table description plus the controlled vocabularies.
import { RECORD_KINDS, type RecordKind } from '../domain/entities.js';
import {
  ACCOUNTABILITY_KINDS,
  ADJUSTMENT_METHODS,
  ASSESSMENT_SCHEMES,
  CADRE_CATEGORIES,
  DETERMINATION_KINDS,
  FOOD_DRUG_SEVERITIES,
  HONOR_AWARDS,
  HONOR_CONFERRERS,
  INCIDENT_CATEGORIES,
  INDIVIDUAL_GRADES,
  LEVELS,
  PACK_IDS,
  POST_ROLES,
  REGULAR_GRADES,
  SANCTION_KINDS,
  SEVERITIES,
  UNIT_KINDS,
} from '../domain/vocabulary.js';
import { ACCOUNTABILITY_OUTCOMES } from '../domain/accountability-matters.js';
import { NUMBER_RANGES } from '../domain/values.js';
import { TABLES, type ColumnDef } from '../store/schema.js';
import { ROLES } from './roles.js';

type Schema = Record<string, unknown>;

export const userSchema: Schema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    username: { type: 'string' },
    displayName: { type: 'string' },
    role: { type: 'string' },
    unitId: { type: ['string', 'null'] },
    unitName: { type: ['string', 'null'] },
    cadreId: { type: ['string', 'null'] },
    mustChangePassword: { type: 'boolean' },
    totpEnabled: { type: 'boolean' },
    disabled: { type: 'boolean' },
    failedLogins: { type: 'integer' },
    lockedUntil: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
    version: { type: 'integer' },
  },
};

const ERROR_BODIES: Record<number, Schema> = {
  400: {
    description: '输入有误 bad input',
    type: 'object',
    properties: { field: { type: 'string' }, reason_zh: { type: 'string' }, reason: { type: 'string' } },
  },
};
const plainError = (description: string): Schema => ({
  description,
  type: 'object',
  properties: { reason_zh: { type: 'string' }, reason: { type: 'string' } },
  additionalProperties: true,
});
const DESCRIPTIONS: Record<number, string> = {
  401: '未登录或会话已过期 not logged in',
  403: '无权访问 outside role or scope',
  404: '不存在 not found',
  409: '版本冲突 stale version',
  413: '内容过大 body too large',
  429: '请求过于频繁 too many requests',
};

/** Response schemas for the error statuses a route can answer. */
export function errorSchemas(...codes: number[]): Record<number, Schema> {
  const out: Record<number, Schema> = {};
  for (const c of codes) out[c] = ERROR_BODIES[c] ?? plainError(DESCRIPTIONS[c] ?? 'error');
  return out;
}

const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

const ENUMS: Partial<Record<string, Record<string, readonly string[]>>> = {
  units: { kind: UNIT_KINDS, pack: PACK_IDS },
  cadres: { gender: ['男', '女'], category: CADRE_CATEGORIES },
  posts: { role: POST_ROLES, level: LEVELS },
  unitAssessments: { scheme: ASSESSMENT_SCHEMES },
  cadreAssessments: { grade: INDIVIDUAL_GRADES },
  regularAssessments: { grade: REGULAR_GRADES },
  honors: { subjectType: ['unit', 'cadre'], conferredBy: HONOR_CONFERRERS, award: HONOR_AWARDS },
  incidents: { category: INCIDENT_CATEGORIES, severity: [...SEVERITIES, ...FOOD_DRUG_SEVERITIES] },
  determinations: { subjectType: ['unit', 'cadre'], kind: DETERMINATION_KINDS },
  sanctions: { kind: SANCTION_KINDS },
  accountability: { kind: ACCOUNTABILITY_KINDS },
  adjustments: { method: ADJUSTMENT_METHODS },
  toleranceRequests: { subjectType: ['unit', 'cadre'] },
  accountabilityMatters: { outcome: ACCOUNTABILITY_OUTCOMES },
} as Partial<Record<string, Record<string, readonly string[]>>>;

const DATE_FIELDS = new Set(['birthDate', 'startDate', 'endDate', 'date', 'partyJoinDate', 'workStartDate']);

/** A numeric field's range from what it measures (src/domain/values.ts), as JSON-schema bounds. */
function rangeOf(field: string): Schema {
  const r = NUMBER_RANGES[field];
  return r ? { minimum: r.min, maximum: r.max } : {};
}

/**
 * Paging of a list: `offset` counts rows to skip, and no list of the record has a thousand million rows, so a larger
 * offset (1e20) is a mistake to report rather than a number to hand to the database.
 */
export const OFFSET_SCHEMA: Schema = { type: 'integer', minimum: 0, maximum: 1_000_000_000 };

function fieldSchema(kind: RecordKind, c: ColumnDef): Schema {
  let s: Schema;
  const allowed = ENUMS[kind]?.[c.field];
  if (allowed) s = { type: 'string', enum: [...allowed] };
  else if (DATE_FIELDS.has(c.field)) s = { ...DATE };
  else if (c.type === 'int') s = { type: 'integer', ...rangeOf(c.field) };
  else if (c.type === 'real') s = { type: 'number', ...rangeOf(c.field) };
  else if (c.field === 'period') s = { type: 'string', pattern: '^\\d{4}Q[1-4]$' };
  else if (c.type === 'bool') s = { type: 'boolean' };
  else if (c.type === 'json')
    // string lists (posts.inCharge) or flag maps (toleranceRequests.findings: flag → true/false)
    s =
      c.field === 'findings'
        ? { type: 'object', additionalProperties: { type: 'boolean' }, maxProperties: 50 }
        : { type: 'array', items: { type: 'string', maxLength: 100 }, maxItems: 50 };
  else if (c.type === 'flags') s = { type: 'object', additionalProperties: { type: 'boolean' }, maxProperties: 50 };
  else s = { type: 'string', minLength: 1, maxLength: c.field === 'id' ? 64 : 2000 };
  // case-files.ts: the filer is the account that sends the request; accepted so a read row can be sent back
  if (c.field === 'filedBy') s = { ...s, description: '提交人账号（由服务器记录，提交的值被忽略） set by the server' };
  if (c.nullable) {
    if (s.enum) s = { ...s, enum: [...(s.enum as string[]), null] };
    s = { ...s, type: [s.type as string, 'null'] };
  }
  return s;
}

function dataFields(kind: RecordKind): ColumnDef[] {
  return TABLES[kind].columns.filter((c) => c.field !== 'id' && c.field !== 'version');
}

export function entitySchema(kind: RecordKind): Schema {
  const properties: Schema = { id: { type: 'string' }, version: { type: 'integer' } };
  for (const c of dataFields(kind)) properties[c.field] = fieldSchema(kind, c);
  return { type: 'object', properties };
}

/** POST body: every non-nullable field required; `id` optional (generated when absent). */
export function createSchema(kind: RecordKind): Schema {
  const properties: Schema = { id: fieldSchema(kind, TABLES[kind].byField.get('id')!) };
  const required: string[] = [];
  for (const c of dataFields(kind)) {
    properties[c.field] = fieldSchema(kind, c);
    if (!c.nullable && c.type !== 'bool' && c.type !== 'json') required.push(c.field);
  }
  return { type: 'object', additionalProperties: false, required, properties };
}

/** PUT body: any fields, plus the version the client read. */
export function updateSchema(kind: RecordKind): Schema {
  const properties: Schema = { version: { type: 'integer', minimum: 1 } };
  for (const c of dataFields(kind)) properties[c.field] = fieldSchema(kind, c);
  return { type: 'object', additionalProperties: false, required: ['version'], properties };
}

export const kindParam: Schema = { type: 'string', enum: [...RECORD_KINDS] };
export const roleEnum: Schema = { type: 'string', enum: [...ROLES] };
