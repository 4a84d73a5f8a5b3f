// The audit trail: an append-only table whose rows are chained with SM3. Each row's hash covers the previous
// row's hash and the canonical JSON of the row itself (everything but `hash`, including its seq), so altering a
// row, deleting one or exchanging two breaks the chain at a place `verifyAudit` can name.
//
// Appends must not fork the chain: the previous hash and the next seq are read inside the same transaction as
// the insert. On SQLite every write transaction holds the database's single write lock from its start (BEGIN
// IMMEDIATE, see store/connect.ts); on PostgreSQL concurrent transactions would both read the same head, so an
// append first takes a transaction-scoped advisory lock (released at commit or rollback). A duplicate seq
// would anyway be refused by the primary key, but the lock makes concurrent appends wait instead of fail.
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { sm3Hex } from '../../crypto/sm.js';
import { canonicalJson } from './canonical.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const AUDIT_TABLE = 'audit_log';
/** prev_hash of the first entry */
export const GENESIS_HASH = '0'.repeat(64);
/** pg_advisory_xact_lock key: 'sx-audit' as a number, chosen once and never to change */
const PG_AUDIT_LOCK = 0x73786175;

export interface AuditInput {
  userId: string | null;
  username: string | null;
  role: string | null;
  unitId: string | null;
  /** e.g. 'login', 'login.failed', 'record.update', 'record.read', 'audit.verify' */
  action: string;
  targetKind: string | null;
  targetId: string | null;
  /** state before/after (any JSON value); null when not applicable */
  before: unknown;
  after: unknown;
  ip: string | null;
}

/** A stored row (snake_case, as in the table). */
export interface AuditRow {
  seq: number;
  at: string;
  user_id: string | null;
  username: string | null;
  role: string | null;
  unit_id: string | null;
  action: string;
  target_kind: string | null;
  target_id: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export type AuditVerdict =
  | { ok: true; count: number; headSeq: number; headHash: string }
  | { ok: false; seq: number; reason: string; reason_zh: string; count: number };

const HASHED_COLUMNS = [
  'seq',
  'at',
  'user_id',
  'username',
  'role',
  'unit_id',
  'action',
  'target_kind',
  'target_id',
  'before_json',
  'after_json',
  'ip',
  'prev_hash',
] as const;

/** hash = SM3(prev_hash || canonical JSON of the row without `hash`). */
export function entryHash(row: Omit<AuditRow, 'hash'> | AuditRow): string {
  const body: Record<string, unknown> = {};
  for (const c of HASHED_COLUMNS) body[c] = normalise(c, (row as unknown as Record<string, unknown>)[c]);
  return sm3Hex(row.prev_hash + canonicalJson(body));
}

// Drivers differ: PostgreSQL may hand back integers as strings, SQLite never returns undefined for null.
function normalise(column: string, v: unknown): unknown {
  if (v === undefined) return null;
  if (column === 'seq') return Number(v);
  return v;
}

/**
 * Fields never written into the trail in clear: the trail is kept forever and read by the audit administrator,
 * so a 身份证号 or a secret in before/after would defeat encrypting the column. The entry still shows that the
 * field was there (and, by comparing before and after being both present, nothing more).
 */
export const REDACTED_FIELDS: ReadonlySet<string> = new Set([
  'idNumber',
  'id_number',
  'password',
  'oldPassword',
  'newPassword',
  'passwordHash',
  'password_hash',
  'totp',
  'totpSecret',
  'totp_secret',
]);
export const REDACTED = '[已隐去 redacted]';

function redact(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(redact);
  if (v === null || typeof v !== 'object' || v instanceof Date) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>))
    out[k] = REDACTED_FIELDS.has(k) && x !== null && x !== undefined ? REDACTED : redact(x);
  return out;
}

function jsonOrNull(v: unknown): string | null {
  return v === undefined || v === null ? null : canonicalJson(redact(v));
}

/**
 * Appends one entry. Given a transaction it joins it (the entry commits or rolls back with the caller's change).
 * Given the root Kysely instance it resolves once the entry is committed: entries arriving together from
 * concurrent requests (audited reads, logins) are committed in one transaction — group commit, one disk flush
 * for the lot instead of one each — which is what lets many readers be audited without queueing on fsync.
 */
export async function appendAudit(db: AnyDb, entry: AuditInput): Promise<void> {
  const row = toRow(entry); // serialisation errors reach this caller, never a batch
  if (db.isTransaction) {
    await appendRows(db, [row]);
    return;
  }
  let q = queues.get(db);
  if (!q) queues.set(db, (q = { pending: [], flushing: false }));
  await new Promise<void>((resolve, reject) => {
    q.pending.push({ row, resolve, reject });
    if (!q.flushing) void flush(db, q);
  });
}

type NewRow = Omit<AuditRow, 'seq' | 'prev_hash' | 'hash'>;

function toRow(entry: AuditInput): NewRow {
  return {
    at: new Date().toISOString(),
    user_id: entry.userId ?? null,
    username: entry.username ?? null,
    role: entry.role ?? null,
    unit_id: entry.unitId ?? null,
    action: entry.action,
    target_kind: entry.targetKind ?? null,
    target_id: entry.targetId ?? null,
    before_json: jsonOrNull(entry.before),
    after_json: jsonOrNull(entry.after),
    ip: entry.ip ?? null,
  };
}

/** Chains `rows` onto the head, inside the transaction `trx`. */
async function appendRows(trx: AnyDb, rows: NewRow[]): Promise<void> {
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(${PG_AUDIT_LOCK})`.execute(trx);
  const head = (await trx
    .selectFrom(AUDIT_TABLE)
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()) as { seq: number | string; hash: string } | undefined;
  let seq = head ? Number(head.seq) : 0;
  let prev = head ? head.hash : GENESIS_HASH;
  const values: AuditRow[] = [];
  for (const r of rows) {
    const row: Omit<AuditRow, 'hash'> = { seq: ++seq, ...r, prev_hash: prev };
    prev = entryHash(row);
    values.push({ ...row, hash: prev });
  }
  for (let i = 0; i < values.length; i += 500)
    await trx
      .insertInto(AUDIT_TABLE)
      .values(values.slice(i, i + 500))
      .execute();
}

interface Waiting {
  row: NewRow;
  resolve: () => void;
  reject: (e: unknown) => void;
}
interface Queue {
  pending: Waiting[];
  flushing: boolean;
}
const queues = new WeakMap<AnyDb, Queue>();
const MAX_BATCH = 1000;

async function flush(db: AnyDb, q: Queue): Promise<void> {
  q.flushing = true;
  try {
    // let the requests already running add their entries to this batch
    await new Promise((r) => setImmediate(r));
    while (q.pending.length) {
      const batch = q.pending.splice(0, MAX_BATCH);
      try {
        await db.transaction().execute((trx) =>
          appendRows(
            trx,
            batch.map((w) => w.row),
          ),
        );
        for (const w of batch) w.resolve();
      } catch (e) {
        for (const w of batch) w.reject(e);
      }
    }
  } finally {
    q.flushing = false;
  }
}

function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

const PAGE = 5000;

/**
 * Walks the whole chain in seq order and reports the first entry that is not as it was written:
 * - deleted: a seq is missing (or the chain does not start at 1);
 * - altered: a row's contents no longer give its hash;
 * - reordered: a row's contents were moved to another seq (its prev_hash links to an entry elsewhere);
 * - altered and re-hashed: a row is self-consistent but the next row no longer links to it.
 * Deleting entries at the very end leaves a shorter chain that is still valid: compare the reported head
 * (seq and hash) with one recorded earlier to detect that (`sanxiang audit verify --expect-head`).
 */
export async function verifyAudit(db: AnyDb): Promise<AuditVerdict> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  let after = 0;
  for (;;) {
    const rows = (await db
      .selectFrom(AUDIT_TABLE)
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(PAGE)
      .execute()) as AuditRow[];
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq = Number(row.seq);
      const fail = (at: number, reason: string, reason_zh: string): AuditVerdict => ({
        ok: false,
        seq: at,
        reason,
        reason_zh,
        count,
      });
      if (seq !== expectedSeq) {
        const missing = seq - 1 === expectedSeq ? `${expectedSeq}` : `${expectedSeq}–${seq - 1}`;
        return fail(
          expectedSeq,
          `entry ${missing} deleted: the chain jumps from ${expectedSeq - 1} to ${seq}`,
          `第 ${missing} 条审计记录被删除（序号从 ${expectedSeq - 1} 跳到 ${seq}）`,
        );
      }
      if (entryHash(row) !== row.hash) {
        // Moved here from elsewhere? Its prev_hash then names the entry it used to follow.
        const origin = (await db
          .selectFrom(AUDIT_TABLE)
          .select('seq')
          .where('hash', '=', row.prev_hash)
          .executeTakeFirst()) as { seq: number | string } | undefined;
        if (origin && Number(origin.seq) !== seq - 1)
          return fail(
            seq,
            `entry ${seq} reordered: its contents were written after entry ${Number(origin.seq)}, not after ${seq - 1}`,
            `第 ${seq} 条审计记录顺序被调换（原本位于第 ${Number(origin.seq)} 条之后）`,
          );
        return fail(
          seq,
          `entry ${seq} altered: its contents do not match its SM3 hash`,
          `第 ${seq} 条审计记录被篡改（内容与 SM3 哈希不符）`,
        );
      }
      if (row.prev_hash !== prevHash) {
        if (seq === 1)
          return fail(
            1,
            'entry 1 altered: it does not start from the genesis hash',
            '第 1 条审计记录被篡改（链首哈希不符）',
          );
        // This row is intact, so what it links to (the previous row's hash as written) was changed.
        return fail(
          seq - 1,
          `entry ${seq - 1} altered and re-hashed: entry ${seq} no longer links to it`,
          `第 ${seq - 1} 条审计记录被篡改并重算了哈希（第 ${seq} 条与之链接断裂）`,
        );
      }
      prevHash = row.hash;
      expectedSeq = seq + 1;
      count++;
    }
    after = Number(rows[rows.length - 1]!.seq);
  }
  return { ok: true, count, headSeq: expectedSeq - 1, headHash: prevHash };
}
