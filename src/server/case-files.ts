// Who reads case files. DESIGN §1: "Case files are visible only to the roles taking part in that case" — on top of
// the data scope (干部管理权限), not instead of it. Today the one case-file kind in the record is the tolerance
// request (容错申请); the tolerance-case workflow of a later issue will name each case's participants, and this
// rule is what the record itself already supports: who handles such cases, whose case it is, who filed it.
// scope.ts applies it to every path (list, read, write, export, profile, dashboard), so no route can forget it.
import { sql, type RawBuilder } from 'kysely';
import type { RecordKind } from '../domain/entities.js';
import type { Role } from './roles.js';

/** Record kinds that are case files: a row is reached only through `caseFileCond`, beyond the data scope. */
export const CASE_FILE_KINDS: ReadonlySet<RecordKind> = new Set<RecordKind>(['toleranceRequests']);

/** Which case files within the data scope a user reaches. */
export type CaseFileReach =
  /** every case file within the data scope */
  | { kind: 'inScope' }
  /** only those the user filed (filed_by = the user's id) */
  | { kind: 'filedBy'; userId: string }
  | { kind: 'none' };

export function caseFileReach(user: { role: Role; id?: string }): CaseFileReach {
  switch (user.role) {
    // 纪检监察 handles tolerance cases; 组织部门 receives their filing (备案) and applies the effects on the record
    case 'discipline_officer':
    case 'org_officer':
      return { kind: 'inScope' };
    // 干部本人: their own requests — their data scope is already only themselves
    case 'cadre':
      return { kind: 'inScope' };
    // 问责/职能部门 starts tolerance review during accountability; 单位联络员 files its unit's applications: each
    // takes part in the cases it filed, and in no other
    case 'accountability_officer':
    case 'unit_liaison':
      return user.id ? { kind: 'filedBy', userId: user.id } : { kind: 'none' };
    // 党委(党组)成员 take part at the collective-decision step (集体研究) of the tolerance-case workflow (a later
    // issue), which will name them on the case; until then they see no case file.
    case 'committee_member':
      return { kind: 'none' };
    // 三员 and unassigned accounts read no case file (三员分立)
    default:
      return { kind: 'none' };
  }
}

const TRUE = sql<boolean>`1 = 1`;
const FALSE = sql<boolean>`1 = 0`;

/** The condition a case-file row (its filer in `filedByCol`) must meet beyond the data scope. No reach = none. */
export function caseFileCond(reach: CaseFileReach | undefined, filedByCol: RawBuilder<unknown>): RawBuilder<boolean> {
  if (reach?.kind === 'inScope') return TRUE;
  if (reach?.kind === 'filedBy') return sql<boolean>`${filedByCol} = ${reach.userId}`;
  return FALSE;
}

/**
 * The server-set fields of rows of `kind` a user creates or imports: the filer of a case file is the account
 * that sends it, whatever the body or the sheet says. Other kinds are returned as they are.
 */
export function stampFiler<R extends object>(kind: RecordKind, user: { id?: string }, rows: R[]): R[] {
  if (!CASE_FILE_KINDS.has(kind)) return rows;
  // null (not the client's value) if there were ever no account to name
  return rows.map((r) => ({ ...r, filedBy: user.id ?? null }));
}

/** An update never changes who filed a case file (a client-sent `filedBy` is dropped). */
export function withoutServerFields(kind: RecordKind, patch: Record<string, unknown>): Record<string, unknown> {
  if (!CASE_FILE_KINDS.has(kind) || !('filedBy' in patch)) return patch;
  const { filedBy: _ignored, ...rest } = patch;
  return rest;
}
