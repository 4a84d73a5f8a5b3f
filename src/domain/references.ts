// Which fields of each record kind refer to another record: a unit, a cadre, or (for records about either) the unit or
// cadre named by `subjectType`. Every write checks each of them — the reference must exist, and must lie in the
// writer's data scope — from this one table (src/server/scope.ts), so a new kind is covered by adding its line here.
import type { RecordKind } from './entities.js';

/** `subject`: a unit or a cadre, as the row's `subjectType` says. */
export type ReferenceTarget = 'units' | 'cadres' | 'subject';

export interface Reference {
  field: string;
  target: ReferenceTarget;
  /** what the field names, for messages people read */
  label: string;
  /** may be empty even for a writer whose remit is not province-wide (one of several alternative references) */
  optional?: boolean;
  /** must exist, but may lie outside the writer's remit (an organ above, such as the accountable organ) */
  anywhere?: boolean;
  /** the field holds a list of ids (each checked alike); empty or unset names nothing */
  list?: boolean;
}

const subject: Reference = { field: 'subjectId', target: 'subject', label: '对象' };
const cadre: Reference = { field: 'cadreId', target: 'cadres', label: '干部' };

export const RECORD_REFERENCES: Readonly<Record<RecordKind, readonly Reference[]>> = {
  // empty for a top-level unit (only a province-wide remit reaches one)
  units: [{ field: 'parentId', target: 'units', label: '上级单位' }],
  cadres: [{ field: 'managingUnitId', target: 'units', label: '管理单位' }],
  posts: [
    cadre,
    { field: 'unitId', target: 'units', label: '任职单位' },
    { field: 'chargedUnitIds', target: 'units', label: '分管单位', optional: true, list: true },
  ],
  unitAssessments: [{ field: 'unitId', target: 'units', label: '单位' }],
  cadreAssessments: [cadre],
  regularAssessments: [cadre],
  honors: [subject],
  incidents: [{ field: 'unitId', target: 'units', label: '单位' }],
  determinations: [subject],
  sanctions: [cadre],
  accountability: [cadre],
  adjustments: [cadre],
  // filedBy names an account, set by the server from the sender (never from what a client sends)
  toleranceRequests: [subject],
  // a matter is about a cadre or a unit (exactly one: checked with the matter's own rules); the accountable organ is
  // often above the writer's remit (a provincial organ holding a county cadre to account), so it need only exist
  accountabilityMatters: [
    { field: 'subjectCadreId', target: 'cadres', label: '问责对象（干部）', optional: true },
    { field: 'subjectUnitId', target: 'units', label: '问责对象（单位）', optional: true },
    { field: 'accountableUnitId', target: 'units', label: '问责机关', anywhere: true },
  ],
};

/** The kind a reference points at in this row (a subject reference: by the row's subjectType). */
export function referencedKind(ref: Reference, row: Record<string, unknown>): 'units' | 'cadres' {
  if (ref.target !== 'subject') return ref.target;
  return row.subjectType === 'unit' ? 'units' : 'cadres';
}
