// Who may act on a case and who may see it: the role the procedure names for the step, standing where the step
// says — in the unit holding 干部管理权限 over the subject (or above it), strictly above it (上级党委 / 上级院), or as
// the subject (the cadre, the liaison of the unit concerned). Nobody of 三员 sees a case.
import type { ActionSpec, ActorSpec, ProcedureDef } from '../../domain/procedure.js';
import type { CaseViewer, OpenActorRow } from '../../store/cases.js';
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
    if (spec.partyOnly && where.subjectType !== 'unit') return false;
    return !!actor.unitId && actor.unitId === where.subjectUnitId;
  }
  const chain = await chains.of(where.handlingUnitId);
  if (spec.scope === 'handling') return !actor.unitId || chain.includes(actor.unitId);
  // upper: strictly above the handling unit (a province-level account stands above every unit but the root)
  if (!actor.unitId) return chain.length > 1;
  return chain.slice(1).includes(actor.unitId);
}

/**
 * Why an actor does not stand where a `subject` step needs them, in words (the step's body and article), for the
 * refusal; undefined when the step is not the subject's or the role is not one the step names.
 */
export function subjectRefusal(
  actor: Actor,
  spec: ActorSpec,
  where: CaseWhere,
  article: string,
): { reason_zh: string; reason: string } | undefined {
  if (spec.scope !== 'subject' || !spec.roles.includes(actor.role as never)) return undefined;
  if (actor.role === 'cadre')
    return where.subjectType === 'unit'
      ? {
          reason_zh: `本案所涉为单位，应由该单位提出（${article}）`,
          reason: 'the case concerns a unit: the unit applies, not a cadre',
        }
      : { reason_zh: '只能为本人提出', reason: 'a cadre applies for their own case only' };
  if (spec.partyOnly && where.subjectType !== 'unit')
    return {
      reason_zh: `依${article}，由${spec.body}本身提出：本案所涉为干部个人，应由其本人提出申请`,
      reason: 'the party under accountability applies itself: a case about a cadre is applied for by the cadre',
    };
  return {
    reason_zh: where.subjectType === 'unit' ? '只能为本单位提出' : '只能为本单位的干部提出',
    reason: "a unit's liaison acts for its own unit only",
  };
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

/**
 * `sees` as data for the store's list query: the procedure versions in which the actor's role acts for the handling
 * organ or a deciding body (it then sees their cases handled within its unit's subtree).
 */
export function viewerOf(actor: Actor, defs: readonly ProcedureDef[]): CaseViewer {
  return {
    userId: actor.userId ?? null,
    role: actor.role,
    unitId: actor.unitId ?? null,
    cadreId: actor.cadreId ?? null,
    seesNone: ADMIN.has(actor.role),
    officerOf:
      actor.role === 'cadre'
        ? []
        : defs
            .filter((d) =>
              d.actions.some((a) => a.actor.scope !== 'subject' && a.actor.roles.includes(actor.role as never)),
            )
            .map((d) => ({ pack: d.pack, procedure: d.procedure, version: d.version })),
  };
}

/**
 * `stands` as data: for the actions open on a case, where each of their roles must stand to take one — written with
 * every step, so 待办 is a lookup. `handlingParentId` is the unit above the handling unit (null at the top).
 */
export function openActorRows(
  open: readonly ActionSpec[],
  where: CaseWhere,
  handlingParentId: string | null,
): OpenActorRow[] {
  const rows = new Map<string, OpenActorRow>();
  const add = (r: OpenActorRow) => rows.set(`${r.role}|${r.reach}|${r.unitId}|${r.cadreId}`, r);
  for (const a of open)
    for (const role of a.actor.roles) {
      if (a.actor.scope === 'subject') {
        if (role === 'cadre') {
          if (where.subjectType === 'cadre') add({ role, reach: 'cadre', unitId: null, cadreId: where.subjectId });
        } else if (!a.actor.partyOnly || where.subjectType === 'unit')
          add({ role, reach: 'unit', unitId: where.subjectUnitId, cadreId: null });
      } else if (a.actor.scope === 'handling')
        add({ role, reach: 'subtree', unitId: where.handlingUnitId, cadreId: null });
      // upper: strictly above the handling unit, i.e. at or above the unit above it (none above the top)
      else if (handlingParentId) add({ role, reach: 'subtree', unitId: handlingParentId, cadreId: null });
    }
  return [...rows.values()];
}

/**
 * `stands` for one action from the case's rows of case_open_actors that the person answers (their role, where
 * they stand: CaseRepository.openActorsFor): a page of 待办 takes its actions from one query, not a walk up the unit
 * tree per case. The rows say where each role stands for the open actions (openActorRows): the handling unit's
 * subtree row for a step of the handling organ, the row of the unit above it for the body above, the subject's row.
 */
export function standsOnRows(
  actor: Actor,
  spec: ActorSpec,
  c: { handlingUnitId: string },
  rows: readonly OpenActorRow[],
): boolean {
  if (!spec.roles.includes(actor.role as never)) return false;
  const mine = rows.filter((r) => r.role === actor.role);
  if (spec.scope === 'subject') return mine.some((r) => r.reach === 'cadre' || r.reach === 'unit');
  if (spec.scope === 'handling') return mine.some((r) => r.reach === 'subtree' && r.unitId === c.handlingUnitId);
  return mine.some((r) => r.reach === 'subtree' && r.unitId !== c.handlingUnitId);
}
