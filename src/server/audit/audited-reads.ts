// Reads that leave a trace, named here by route rather than in each handler, so the rule is in one place and a
// handler cannot forget it. The entry is written after the handler succeeded and before the answer leaves
// (onSend): an answer whose entry cannot be written is not sent.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../audit-log.js';
import type { AnyDb } from '../context.js';

interface AuditedRead {
  action: string;
  targetKind: string;
  /** the target's id from the route's parameters */
  targetParam?: string;
}

/** 'METHOD /api/route/pattern' → what its successful answer is audited as. */
export const AUDITED_READS: Readonly<Record<string, AuditedRead>> = {
  // an explanation shows a cadre's conclusions, evaluated from the whole record around them
  'GET /api/explain/cadre/:id': { action: 'explain.read', targetKind: 'cadres', targetParam: 'id' },
  // who looked for whom: the roster's searches and filters
  'GET /api/cadres': { action: 'roster.search', targetKind: 'cadres' },
};

export async function auditRead(db: AnyDb, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (reply.statusCode >= 400 || !req.user) return;
  const read = AUDITED_READS[`${req.method} ${req.routeOptions.url ?? ''}`];
  if (!read) return;
  const params = (req.params ?? {}) as Record<string, string | undefined>;
  await audit(db, req, {
    action: read.action,
    targetKind: read.targetKind,
    targetId: read.targetParam ? (params[read.targetParam] ?? null) : null,
    after: { query: req.query ?? {} },
  });
}
