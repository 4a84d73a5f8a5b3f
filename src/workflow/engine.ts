// The generic case engine over a procedure definition: which actions are open on a case, and what one step does
// to its state and context. No I/O: mechanisms/ check who acts and store the result with its history.
import { transition } from 'xstate';
import { NEW_STATE, type ActionSpec, type CaseOutcome, type ProcedureDef } from '../domain/procedure.js';
import { EMPTY_CONTEXT, guardAllows, machineOf, type CaseContext, type CaseEvent } from './machine.js';

export interface CasePosition {
  state: string;
  context: CaseContext;
}

export const START: CasePosition = { state: NEW_STATE, context: EMPTY_CONTEXT };

export function actionOf(def: ProcedureDef, id: string): ActionSpec | undefined {
  return def.actions.find((a) => a.id === id);
}

/** The actions open on a case at `pos`, whatever the actor (who may take them is checked separately). */
export function openActions(def: ProcedureDef, pos: CasePosition): ActionSpec[] {
  return def.actions.filter((a) => {
    if (!a.from.includes(pos.state)) return false;
    if (a.concludes) return a.concludes.some((o) => guardAllows(a, pos.context, { type: a.id, outcome: o }));
    return guardAllows(a, pos.context, { type: a.id });
  });
}

export function isFinal(def: ProcedureDef, state: string): boolean {
  return def.states[state]?.final === true;
}

/**
 * One step through the machine: the position after `action` (with `outcome` where it concludes), or undefined when
 * the machine does not take it from `pos` (wrong state, a guard refuses, an outcome not allowed here).
 */
export function step(
  def: ProcedureDef,
  pos: CasePosition,
  action: string,
  outcome?: CaseOutcome,
): CasePosition | undefined {
  const machine = machineOf(def);
  const snapshot = machine.resolveState({ value: pos.state, context: pos.context });
  const event: CaseEvent = outcome ? { type: action, outcome } : { type: action };
  if (!snapshot.can(event)) return undefined;
  const [next] = transition(machine, snapshot, event);
  return { state: String(next.value), context: next.context as CaseContext };
}
