// API test harness: a real server on 127.0.0.1 (random port) over a temporary SQLite data directory holding a
// small generated record and the demo accounts, a movable clock, and a fetch-based client that keeps cookies.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { writeRecord } from '../../bench/generator/index.js';
import { buildServer, type ServerOptions } from '../../src/server/app.js';
import type { FieldCipher } from '../../src/crypto/fields.js';
import { ensureDemo, type DemoAccount } from '../../src/server/demo.js';
import { openStore, storeOptionsFromEnv, type OpenedStore } from '../../src/store/index.js';

export const DEMO_PASSWORD = 'Test-Pass-2026!';

export interface TestServer {
  base: string;
  app: FastifyInstance;
  store: OpenedStore;
  accounts: Map<string, DemoAccount>;
  /** moves the server's clock forward */
  advance(ms: number): void;
  now(): Date;
  close(): Promise<void>;
}

export async function startServer(
  opts: {
    cadres?: number;
    /** build the generated record (default true) */
    record?: boolean;
    /** create the demo accounts (default true) */
    accounts?: boolean;
    /** PostgreSQL instead of SQLite */
    databaseUrl?: string;
    /** environment for the key (SANXIANG_KEY): servers sharing one database must share the key */
    env?: NodeJS.ProcessEnv;
    /** adds routes or hooks before the server starts listening */
    beforeListen?: (app: FastifyInstance) => void;
  } & Partial<ServerOptions> = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sx-api-'));
  const env = { ...(opts.env ?? {}), ...(opts.databaseUrl ? { SANXIANG_DATABASE_URL: opts.databaseUrl } : {}) };
  const so = storeOptionsFromEnv(dataDir, env);
  const store = await openStore(so);
  if (opts.record !== false) await writeRecord(store, { cadres: opts.cadres ?? 200, seed: 7 });
  const { accounts } =
    opts.accounts === false ? { accounts: [] } : await ensureDemo(store, { password: DEMO_PASSWORD, record: false });
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const app = await buildServer({
    dataDir,
    store,
    cipher: so.cipher as FieldCipher,
    logger: false,
    now,
    webDist: false,
    loginRateLimit: { max: 10_000, timeWindowMs: 60_000 },
    ...opts,
  });
  opts.beforeListen?.(app);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    base,
    app,
    store,
    accounts: new Map(accounts.map((a) => [a.username, a])),
    advance: (ms) => {
      offset += ms;
    },
    now,
    async close() {
      await app.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Res {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

/** A browser-like client: remembers the session cookie. */
export class Client {
  cookie = '';
  constructor(readonly base: string) {}

  async req(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    let payload: RequestInit['body'];
    if (body instanceof FormData) payload = body;
    else if (typeof body === 'string') {
      payload = body;
      h['content-type'] ??= 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] = 'application/json';
    }
    const r = await fetch(this.base + url, { method, headers: h, body: payload });
    const set = r.headers.getSetCookie().find((c) => c.startsWith('sx_session='));
    if (set) this.cookie = set.split(';')[0]!.endsWith('=') ? '' : set.split(';')[0]!;
    const type = r.headers.get('content-type') ?? '';
    const b = type.includes('json') ? await r.json() : Buffer.from(await r.arrayBuffer());
    return { status: r.status, body: b, headers: r.headers };
  }

  get = (url: string) => this.req('GET', url);
  post = (url: string, body?: unknown) => this.req('POST', url, body);
  put = (url: string, body?: unknown) => this.req('PUT', url, body);
  del = (url: string) => this.req('DELETE', url);

  async login(username: string, password = DEMO_PASSWORD, totp?: string): Promise<Res> {
    return this.post('/api/auth/login', { username, password, ...(totp ? { totp } : {}) });
  }
}

export async function loggedIn(base: string, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const c = new Client(base);
  const r = await c.login(username, password);
  if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return c;
}

/** Every unit id in the subtree of `root`, computed from the store (independently of the server's SQL). */
export async function subtreeIds(store: OpenedStore, root: string): Promise<Set<string>> {
  const units = await store.repo('units').list({ limit: 1_000_000 });
  const children = new Map<string, string[]>();
  for (const u of units) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const out = new Set<string>();
  const stack = [root];
  while (stack.length) {
    const id = stack.pop()!;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

export async function unitIdByName(store: OpenedStore, name: string): Promise<string> {
  const u = (await store.repo('units').list({ where: { name }, limit: 1 }))[0];
  if (!u) throw new Error(`no unit ${name}`);
  return u.id;
}
