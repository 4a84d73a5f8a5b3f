// The statechart of a procedure definition, generated from its data (DESIGN §5: procedures are data, the engine is
// one). XState v5 evaluates transitions and guards; @xstate/graph walks the same machine in the tests, so every
// path a pack declares is exercised. The machine is pure: the store keeps state and context, the engine resolves a
// snapshot from them, takes one transition and hands the result back to be written.
import { assign, setup, type AnyStateMachine } from 'xstate';
import { NEW_STATE, type ActionSpec, type CaseOutcome, type ProcedureDef } from '../domain/procedure.js';

/** What a case carries between steps besides its state: the conclusion and the marks later steps test. */
export interface CaseContext {
  outcome: CaseOutcome | null;
  marks: Record<string, true>;
}

export interface CaseEvent {
  type: string;
  outcome?: CaseOutcome;
}

export const EMPTY_CONTEXT: CaseContext = { outcome: null, marks: {} };

/** Does the guard of `action` allow it on `context` with `event`? */
export function guardAllows(action: ActionSpec, context: CaseContext, event: CaseEvent): boolean {
  if (action.concludes) {
    if (!event.outcome || !action.concludes.includes(event.outcome)) return false;
  }
  const w = action.when;
  if (w?.outcome && (context.outcome === null || !w.outcome.includes(context.outcome))) return false;
  for (const [mark, want] of Object.entries(w?.marks ?? {})) if ((context.marks[mark] === true) !== want) return false;
  const mw = w?.marksWhen;
  if (mw && context.outcome !== null && mw.outcome.includes(context.outcome))
    for (const [mark, want] of Object.entries(mw.marks)) if ((context.marks[mark] === true) !== want) return false;
  return true;
}

function nextContext(action: ActionSpec, context: CaseContext, event: CaseEvent): CaseContext {
  const marks: Record<string, true> = { ...context.marks };
  for (const m of action.clears ?? []) delete marks[m];
  for (const m of action.marks ?? []) marks[m] = true;
  return { outcome: action.concludes ? (event.outcome ?? null) : context.outcome, marks };
}

const cache = new WeakMap<ProcedureDef, AnyStateMachine>();

/** The XState machine of a definition (memoised per definition object). */
export function machineOf(def: ProcedureDef): AnyStateMachine {
  const known = cache.get(def);
  if (known) return known;
  const byId = new Map(def.actions.map((a) => [a.id, a]));
  const m = setup({
    types: {} as { context: CaseContext; events: CaseEvent },
    guards: {
      allowed: ({ context, event }, params: { action: string }) =>
        guardAllows(byId.get(params.action)!, context, event),
    },
    actions: {
      record: assign(({ context, event }, params: { action: string }) =>
        nextContext(byId.get(params.action)!, context, event),
      ),
    },
  }).createMachine({
    id: `${def.pack}.${def.procedure}.${def.version}`,
    initial: NEW_STATE,
    context: EMPTY_CONTEXT,
    states: Object.fromEntries(
      [NEW_STATE, ...Object.keys(def.states)].map((state) => {
        const on: Record<string, unknown[]> = {};
        for (const a of def.actions) {
          if (!a.from.includes(state)) continue;
          (on[a.id] ??= []).push({
            target: a.to === state ? undefined : a.to,
            reenter: false,
            guard: { type: 'allowed', params: { action: a.id } },
            actions: [{ type: 'record', params: { action: a.id } }],
          });
        }
        const final = def.states[state]?.final === true;
        return [state, final ? { type: 'final' as const } : { on }];
      }),
    ),
  } as never);
  const machine = m as unknown as AnyStateMachine;
  cache.set(def, machine);
  return machine;
}
