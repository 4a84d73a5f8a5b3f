// Deadlines are data (case_deadlines), never timers alone: XState's delayed transitions do not survive a restart,
// so a process (re)arms from the table when it starts — a deadline already past is marked overdue at once, the
// next one gets a timer — and keeps doing so. None ships: only a local rule (CaseOptions.deadlines) or the decider
// (安徽's 限期整改) sets one.
import { casesOf, type DeadlineRow } from '../../store/cases.js';
import type { RecordStore } from '../../store/types.js';

/** Marks the open deadlines due before `today` overdue; returns them (the reminders to raise). */
export async function markOverdue(store: RecordStore, today: string): Promise<DeadlineRow[]> {
  return store.transaction(async (tx) => {
    const repo = casesOf(tx);
    const due = (await repo.openDeadlines()).filter((d) => d.dueOn < today);
    for (const d of due) await repo.setDeadlineStatus(d.caseId, d.kind, 'open', 'overdue');
    return due;
  });
}

export interface ArmedDeadlines {
  /** the open deadlines the process is watching */
  readonly watching: readonly DeadlineRow[];
  stop(): void;
}

/**
 * Arms the deadlines on record: overdue ones are marked now, then the table is checked again every `everyMs`
 * (a day by default; a deadline is a date). Returns what it watches and a stop function.
 */
export async function armDeadlines(
  store: RecordStore,
  opts: { today: () => string; everyMs?: number; onOverdue?: (d: DeadlineRow[]) => void },
): Promise<ArmedDeadlines> {
  const first = await markOverdue(store, opts.today());
  if (first.length) opts.onOverdue?.(first);
  const watching = await casesOf(store).openDeadlines();
  const timer = setInterval(
    () => {
      markOverdue(store, opts.today())
        .then((d) => d.length && opts.onOverdue?.(d))
        .catch(() => {});
    },
    opts.everyMs ?? 24 * 3600_000,
  );
  timer.unref();
  return { watching, stop: () => clearInterval(timer) };
}
