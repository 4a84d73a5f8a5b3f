// A fuzz test generated from the server's own OpenAPI document (/api/docs/json): every operation, as every demo
// role and anonymously, with malformed and boundary values for every path parameter, query parameter and body
// field (wrong types, missing required fields, huge strings, NUL and lone surrogates, ±1e308, -1, 1e21, dates
// 0001-01-01 and 9999-12-31, unknown ids, offset 1e20). The server must never answer 5xx, must refuse in the
// project's error shape ({ reason_zh, reason } and, for 400, the field), and a refused request must leave the
// record as it was (a digest of the record tables before and after). Values are drawn with a fixed seed, so a
// failure reproduces; each operation gets every role once and a sample of the malformed values.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbOf } from '../../src/server/context.js';
import { TABLES } from '../../src/store/schema.js';
import { Client, loggedIn, startServer, type Res, type TestServer } from './harness.js';

const ROLES = [
  'org_officer',
  'discipline_officer',
  'accountability_officer',
  'committee_member',
  'unit_liaison',
  'cadre',
  'city_org',
  'sysadmin',
  'secadmin',
  'auditadmin',
] as const;
type Who = (typeof ROLES)[number] | 'anonymous';

interface Schema {
  type?: string | string[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minimum?: number;
  maxLength?: number;
  required?: string[];
  properties?: Record<string, Schema>;
}
interface Parameter {
  in: 'path' | 'query';
  name: string;
  required?: boolean;
  schema: Schema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: Schema;
  multipart: boolean;
}

// mulberry32: a small PRNG, so the sample is the same on every run
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20261203);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const sample = <T>(list: readonly T[], n: number): T[] => {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
};

const HUGE = 'x'.repeat(100_000);
/** Malformed and boundary values for a JSON body field, whatever its type. */
const BODY_VALUES: unknown[] = [
  '',
  HUGE,
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\u202egnp.exe',
  1e308,
  -1e308,
  -1,
  1e21,
  0,
  1.5,
  true,
  null,
  {},
  [],
  ['x'],
  '0001-01-01',
  '9999-12-31',
  '2026-02-30',
  'zz-unknown-id',
  { $gt: '' },
];
/** The same for query parameters and path segments, as they travel in a URL (already encoded). */
const URL_VALUES: string[] = [
  '',
  'x'.repeat(4000),
  'a%00b',
  '%ED%A0%80', // a lone surrogate, UTF-8 encoded
  '%FF%FE', // not UTF-8 at all
  '1e308',
  '-1e308',
  '-1',
  '1e21',
  '1e20',
  '1.5',
  'abc',
  '0001-01-01',
  '9999-12-31',
  'zz-unknown-id',
  '..%2F..%2Fetc%2Fpasswd',
  '%E2%80%AEabc',
];

let srv: TestServer;
const clients = new Map<Who, Client>();
let ops: Operation[] = [];
const ids = { unit: '', cadre: '', rows: new Map<string, { id: string; version: number }>() };

/** The record tables' row counts and version sums: any insert, update or delete changes one of them. */
async function digest(): Promise<string> {
  const db = dbOf(srv.store);
  const parts = Object.values(TABLES).map(
    (t) =>
      sql<string>`select ${t.table} as t, count(*) as n, coalesce(sum(version), 0) as v from ${sql.table(t.table)}`,
  );
  const { rows } = await sql<{ t: string; n: number; v: number }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return rows.map((r) => `${r.t}:${r.n}:${r.v}`).join(' ');
}

/** A plausible value for a field (so that a request reaches past the schema to the code behind it). */
function plausible(name: string, s: Schema): unknown {
  if (s.enum?.length) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type === 'integer' || type === 'number')
    return name === 'year' ? 2025 : name === 'version' ? 1 : (s.minimum ?? 1);
  if (type === 'boolean') return false;
  if (type === 'array') return [];
  if (type === 'object') return {};
  if (/date$/i.test(name) || s.format === 'date' || (s.pattern ?? '').includes('\\d{4}')) return '2026-01-15';
  if (/^(unitId|managingUnitId|parentId)$/.test(name)) return ids.unit;
  if (/^(cadreId|subjectId)$/.test(name)) return ids.cadre;
  if (name === 'code') return '123456';
  if (name === 'username') return 'fuzz_user';
  return 'fuzz';
}

function plausibleBody(s: Schema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of s.required ?? []) out[name] = plausible(name, s.properties?.[name] ?? {});
  return out;
}

interface Sent {
  who: Who;
  method: string;
  url: string;
  body?: unknown;
  res: Res;
}
const failures: string[] = [];
let sent = 0;

const describeSent = (s: Sent) =>
  `${s.who} ${s.method} ${s.url.slice(0, 160)}${s.body === undefined ? '' : ` ${JSON.stringify(s.body).slice(0, 160)}`} → ${s.res.status} ${JSON.stringify(s.res.body).slice(0, 200)}`;

/** Checks one answer; collects what is wrong instead of stopping at the first. */
function check(op: Operation, s: Sent, before: string | undefined, after: string | undefined): void {
  const { status, body } = s.res;
  if (status >= 500) {
    failures.push(`5xx: ${describeSent(s)}`);
    return;
  }
  if (status >= 400) {
    const shaped =
      body !== null &&
      typeof body === 'object' &&
      !Buffer.isBuffer(body) &&
      typeof body.reason_zh === 'string' &&
      typeof body.reason === 'string' &&
      (status !== 400 || typeof body.field === 'string');
    if (!shaped) failures.push(`not in the error shape: ${describeSent(s)}`);
    if (before !== undefined && before !== after) failures.push(`refused but the record changed: ${describeSent(s)}`);
  }
}

async function client(who: Who): Promise<Client> {
  let c = clients.get(who);
  if (!c) {
    c = who === 'anonymous' ? new Client(srv.base) : await loggedIn(srv.base, who);
    clients.set(who, c);
  }
  return c;
}

async function send(op: Operation, who: Who, url: string, body?: unknown, raw?: string): Promise<Sent> {
  const c = await client(who);
  const write = op.method !== 'GET';
  const before = write ? await digest() : undefined;
  const payload = raw ?? body;
  let res = await c.req(op.method, url, payload);
  // an operation that ended this account's session (none should, as sent here): log in again and go on
  if (who !== 'anonymous' && res.status === 401) {
    clients.delete(who);
    res = await (await client(who)).req(op.method, url, payload);
  }
  const after = write ? await digest() : undefined;
  const s: Sent = { who, method: op.method, url, body: payload, res };
  sent++;
  check(op, s, before, after);
  return s;
}

/** The URL of an operation with its path parameters filled in (values already encoded) and a query. */
function urlOf(op: Operation, path: Record<string, string>, query: Record<string, string>): string {
  const p = op.path.replace(/\{(\w+)\}/g, (_, name: string) => path[name] ?? 'zz-unknown-id');
  const q = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${v}`)
    .join('&');
  return q ? `${p}?${q}` : p;
}

/** Plausible path parameters: a real row of the operation's kind where there is one. */
function plausiblePath(op: Operation): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of op.parameters.filter((x) => x.in === 'path')) {
    if (p.schema.enum?.length) out[p.name] = String(p.schema.enum[0]);
    else if (p.name === 'kind') out[p.name] = 'cadres';
    else {
      const kind = /^\/api\/records\/(\w+)\//.exec(op.path)?.[1];
      const row = kind ? ids.rows.get(kind) : undefined;
      out[p.name] = encodeURIComponent(row?.id ?? (op.path.startsWith('/api/admin') ? 'zz-unknown-id' : ids.cadre));
    }
  }
  return out;
}

function plausibleQuery(op: Operation, path: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of op.parameters.filter((x) => x.in === 'query' && x.required)) {
    const kind = /^\/api\/records\/(\w+)\//.exec(op.path)?.[1];
    const row = kind ? ids.rows.get(kind) : undefined;
    out[p.name] = p.name === 'version' && row && path.id === encodeURIComponent(row.id) ? '999' : '1';
  }
  return out;
}

/** Operations this test does not send as a logged-in role: they would end the session it uses. */
const SESSION_ENDING = new Set(['POST /api/auth/logout']);

beforeAll(async () => {
  srv = await startServer({
    cadres: 40,
    explainRateLimit: { max: 100_000, timeWindowMs: 60_000 },
    loginRateLimit: { max: 100_000, timeWindowMs: 60_000 },
  });
  const org = await client('org_officer');
  const doc = (await org.get('/api/docs/json')).body as {
    paths: Record<
      string,
      Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>
    >;
  };
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      const content = op.requestBody?.content ?? {};
      ops.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: content['application/json']?.schema,
        multipart: 'multipart/form-data' in content || path === '/api/io/import',
      });
    }
  ops = ops.filter((o) => !o.path.startsWith('/api/docs'));
  ids.unit = (await srv.store.repo('units').list({ limit: 1 }))[0]!.id;
  ids.cadre = (await srv.store.repo('cadres').list({ limit: 1 }))[0]!.id;
  for (const kind of Object.keys(TABLES) as (keyof typeof TABLES)[]) {
    const row = (await srv.store.repo(kind).list({ limit: 1 }))[0] as { id: string; version: number } | undefined;
    if (row) ids.rows.set(kind, { id: row.id, version: row.version });
  }
}, 120_000);

afterAll(async () => {
  await srv?.close();
});

describe('every operation of the OpenAPI document, fuzzed', () => {
  it('never answers 5xx, refuses in the error shape, and a refusal changes nothing', async () => {
    expect(ops.length).toBeGreaterThan(50);
    for (const op of ops) {
      const key = `${op.method} ${op.path}`;
      const path = plausiblePath(op);
      const query = plausibleQuery(op, path);
      const body = op.body ? plausibleBody(op.body) : undefined;
      // every role once, with plausible values; who gets past the role check is who the malformed values go to
      const through: Who[] = [];
      for (const who of ['anonymous', ...ROLES] as Who[]) {
        if (who !== 'anonymous' && SESSION_ENDING.has(key)) continue;
        const s = await send(op, who, urlOf(op, path, query), body);
        if (who !== 'anonymous' && s.res.status !== 401 && s.res.status !== 403) through.push(who);
      }
      if (SESSION_ENDING.has(key)) continue;
      const as = (): Who => (through.length ? pick(through) : pick(ROLES));
      // path parameters: each malformed value (a sample), and an unknown id
      for (const p of op.parameters.filter((x) => x.in === 'path'))
        for (const v of ['zz-unknown-id', ...sample(URL_VALUES, 5)])
          await send(op, as(), urlOf(op, { ...path, [p.name]: v }, query), body);
      // query parameters: each one with a sample of malformed values, and offset 1e20 wherever there is an offset
      for (const p of op.parameters.filter((x) => x.in === 'query')) {
        const values = sample(URL_VALUES, 4);
        if (p.name === 'offset') values.push('1e20');
        for (const v of values) await send(op, as(), urlOf(op, path, { ...query, [p.name]: v }), body);
      }
      if (op.multipart) {
        // an upload route sent JSON, or a body that is not an upload at all
        await send(op, as(), urlOf(op, path, query), { file: 'x' });
        await send(op, as(), urlOf(op, path, query), undefined, '--x\r\nnot multipart');
        continue;
      }
      if (!op.body) continue;
      // body: every property with a sample of malformed values, each required property missing, unknown
      // properties, not an object at all, and not JSON at all
      for (const [name] of Object.entries(op.body.properties ?? {}))
        for (const v of sample(BODY_VALUES, 3)) await send(op, as(), urlOf(op, path, query), { ...body, [name]: v });
      for (const name of op.body.required ?? []) {
        const { [name]: _missing, ...rest } = body!;
        await send(op, as(), urlOf(op, path, query), rest);
      }
      await send(op, as(), urlOf(op, path, query), { ...body, zzUnknown: 1 });
      for (const v of [[], 'text', 1e308, null]) await send(op, as(), urlOf(op, path, query), v === null ? 'null' : v);
      await send(op, as(), urlOf(op, path, query), undefined, '{"unterminated": ');
    }
    if (failures.length) console.error(`fuzz failures (${failures.length}):\n${failures.join('\n')}`);
    expect(failures, failures.slice(0, 30).join('\n')).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
  }, 600_000);
});
