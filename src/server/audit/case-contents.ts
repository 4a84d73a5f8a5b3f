// Case files in the audit trail. The trail is kept forever and read by the audit administrator, who under
// 三员分立 reads no case file; so for a case-file kind an entry keeps which fields were written and an SM3 hash
// of their values, never the values. The hash still lets an investigator with the case file in hand (someone
// who may read it) show that an entry is about exactly that content.
import { sm3Hex } from '../../crypto/sm.js';
import { CASE_FILE_KINDS } from '../case-files.js';
import { canonicalJson } from './canonical.js';

/**
 * Target kinds whose before/after are case-file contents: the case-file record kinds, and the case data of the
 * procedures (cases, their steps and statements), whatever route writes them.
 */
export const CASE_CONTENT_KINDS: ReadonlySet<string> = new Set<string>([
  ...CASE_FILE_KINDS,
  'cases',
  'caseSteps',
  'statements',
  'toleranceCases',
]);

export function isCaseContent(targetKind: string | null | undefined): boolean {
  return !!targetKind && CASE_CONTENT_KINDS.has(targetKind);
}

export interface ReducedContents {
  /** the field names, sorted */
  fields: string[];
  /** SM3 of the canonical JSON of the whole value */
  sm3: string;
}

/** Field names and a hash in place of a value (null and undefined stay as they are). */
export function reduceContents(value: unknown): ReducedContents | null {
  if (value === null || value === undefined) return null;
  const fields = typeof value === 'object' && !Array.isArray(value) ? Object.keys(value as object).sort() : [];
  return { fields, sm3: sm3Hex(canonicalJson(value)) };
}

/** True for a value reduceContents produced (entries written since the trail stopped keeping case contents). */
export function isReduced(v: unknown): v is ReducedContents {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return (
    keys.length === 2 && Array.isArray((v as ReducedContents).fields) && typeof (v as ReducedContents).sm3 === 'string'
  );
}
