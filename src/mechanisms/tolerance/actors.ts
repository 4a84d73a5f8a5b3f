// Who may act on a case and who may see it: the role the procedure names for the step, standing where the step
// says — in the unit holding 干部管理权限 over the subject (or above it), strictly above it (上级党委 / 上级院), or as
// the subject (the cadre, the liaison of the unit concerned). Nobody of 三员 sees a case.
import type { ActorSpec, ProcedureDef } from '../../domain/procedure.js';
import type { RecordStore } from '../../store/types.js';

export interface Actor {
  /** the account; absent in procedure scenarios that act as a role */
  userId?: string;
  role: string;
  /** the unit the account is bound to; null/absent = the whole record (省级) */
  unitId?: string | null;
  /** the cadre the account belongs to (role cadre) */
  cadreId?: string | null;
}

export interface CaseWhere {
  subjectType: 'cadre' | 'unit';
  subjectId: string;
  handlingUnitId: string;
  /** the unit the subject belongs to: the cadre's managing unit, or the unit itself */
  subjectUnitId: string;
}

/** The chain of a unit and those above it, nearest first (memoised per store for one request). */
export class UnitChains {
  private readonly memo = new Map<string, string[]>();
  constructor(private readonly store: RecordStore) {}

  async of(unitId: string): Promise<string[]> {
    const known = this.memo.get(unitId);
    if (known) return known;
    const out: string[] = [];
    let id: string | null = unitId;
    while (id && !out.includes(id)) {
      out.push(id);
      const u: { parentId: string | null } | undefined = await this.store.repo('units').get(id);
      id = u?.parentId ?? null;
    }
    this.memo.set(unitId, out);
    return out;
  }
}

export async function stands(chains: UnitChains, actor: Actor, spec: ActorSpec, where: CaseWhere): Promise<boolean> {
  if (!spec.roles.includes(actor.role as never)) return false;
  if (spec.scope === 'subject') {
    if (actor.role === 'cadre') return where.subjectType === 'cadre' && actor.cadreId === where.subjectId;
    return !!actor.unitId && actor.unitId === where.subjectUnitId;
  }
  const chain = await chains.of(where.handlingUnitId);
  if (spec.scope === 'handling') return !actor.unitId || chain.includes(actor.unitId);
  // upper: strictly above the handling unit (a province-level account stands above every unit but the root)
  if (!actor.unitId) return chain.length > 1;
  return chain.slice(1).includes(actor.unitId);
}

const ADMIN = new Set(['sys_admin', 'security_admin', 'audit_admin', 'unassigned']);

/**
 * Whether an actor sees a case: a participant (recorded on the case), the subject cadre, or an officer whose role
 * acts for the handling organ or a deciding body of this procedure, in scope of the handling unit.
 */
export async function sees(
  chains: UnitChains,
  actor: Actor,
  def: ProcedureDef,
  where: CaseWhere,
  participant: boolean,
): Promise<boolean> {
  if (ADMIN.has(actor.role)) return false;
  if (participant) return true;
  if (actor.role === 'cadre') return where.subjectType === 'cadre' && actor.cadreId === where.subjectId;
  for (const a of def.actions)
    if (a.actor.scope !== 'subject' && a.actor.roles.includes(actor.role as never))
      if (await stands(chains, actor, { ...a.actor, scope: 'handling' }, where)) return true;
  return false;
}
