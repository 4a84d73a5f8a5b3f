// The server's one way into the audit trail: who (the request's user), from where (IP), what, before/after.
// Always called with the transaction that makes the change, so the entry and the change commit together.
// Case-file contents never enter the trail: for those kinds before/after become field names and a hash
// (audit/case-contents.ts), whichever route writes the entry.
import type { FastifyRequest } from 'fastify';
import { appendAudit } from './audit/trail.js';
import { isCaseContent, reduceContents } from './audit/case-contents.js';
import type { AnyDb } from './context.js';
import type { User } from './accounts/users.js';

export interface AuditWhat {
  action: string;
  targetKind?: string | null;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  /** the values are case-file contents even though the target kind does not say so */
  caseContent?: boolean;
}

export async function audit(
  db: AnyDb,
  req: FastifyRequest,
  what: AuditWhat,
  who: Pick<User, 'id' | 'username' | 'role' | 'unitId'> | undefined = req.user,
): Promise<void> {
  const reduced = what.caseContent || isCaseContent(what.targetKind);
  await appendAudit(db, {
    userId: who?.id ?? null,
    username: who?.username ?? null,
    role: who?.role ?? null,
    unitId: who?.unitId ?? null,
    action: what.action,
    targetKind: what.targetKind ?? null,
    targetId: what.targetId ?? null,
    before: reduced ? reduceContents(what.before) : (what.before ?? null),
    after: reduced ? reduceAfter(what.after) : (what.after ?? null),
    ip: req.ip ?? null,
  });
}

/**
 * A list's entry keeps which case files were listed (their ids are references, not contents: the trail must
 * show who saw which case); everything else, the query's values included, is reduced.
 */
function reduceAfter(after: unknown): unknown {
  const a = after as { ids?: unknown; query?: unknown } | null | undefined;
  if (a && typeof a === 'object' && Array.isArray(a.ids) && Object.keys(a).every((k) => k === 'ids' || k === 'query'))
    return { ids: a.ids, query: reduceContents(a.query ?? {}) };
  return reduceContents(after);
}
