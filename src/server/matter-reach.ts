// Who reads accountability matters (问责事项). A matter is case material like a tolerance request, but it has no
// filer: it is the accountability organ's own file. So, within the data scope (干部管理权限): 纪检监察 and the
// 问责/职能部门 run the matters, 组织部门 applies what they decide to the record, and the cadre sees the matters about
// themselves (their data scope is only themselves). 党委(党组)成员 and unit liaisons take no part in a matter as
// such, and the 三员 read no case material (三员分立).
import { sql, type RawBuilder } from 'kysely';
import type { Role } from './roles.js';

export function seesMatters(role: Role): boolean {
  return (
    role === 'discipline_officer' || role === 'accountability_officer' || role === 'org_officer' || role === 'cadre'
  );
}

const FALSE = sql<boolean>`1 = 0`;

/**
 * A matter row lies in the data scope when its subject does: the cadre through `cadreCond`, the unit through
 * `unitCond` (passed in, so this file does not depend on how scope.ts builds them).
 */
export function matterCond(
  reach: boolean | undefined,
  cadreIn: (col: RawBuilder<unknown>) => RawBuilder<boolean>,
  unitIn: (col: RawBuilder<unknown>) => RawBuilder<boolean>,
  col: (name: string) => RawBuilder<unknown>,
): RawBuilder<boolean> {
  if (!reach) return FALSE;
  const cadre = col('subject_cadre_id');
  const unit = col('subject_unit_id');
  return sql<boolean>`((${cadre} is not null and ${cadreIn(cadre)}) or (${unit} is not null and ${unitIn(unit)}))`;
}
