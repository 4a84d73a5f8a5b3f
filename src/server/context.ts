// What every route needs, decorated on the Fastify instance: the store, its Kysely handle, the field cipher,
// the clock (injectable, so idle timeouts and TOTP are testable) and the account settings.
import type { Kysely } from 'kysely';
import type { FieldCipher } from '../crypto/fields.js';
import type { RecordStore } from '../store/types.js';
import { KyselyStore } from '../store/kysely-store.js';
import type { User } from './accounts/users.js';
import type { Role } from './roles.js';
import type { SessionCache } from './session-cache.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

export interface ServerContext {
  store: RecordStore;
  db: AnyDb;
  cipher: FieldCipher | undefined;
  now: () => Date;
  idleMs: number;
  /** absolute session lifetime, whatever the activity */
  maxSessionMs: number;
  lockoutThreshold: number;
  lockoutMs: number;
  dataDir: string;
  /** sessions kept between requests (PostgreSQL only; session-cache.ts) */
  sessions?: SessionCache;
}

/** The Kysely handle of a store or of the transaction a store is bound to. */
export function dbOf(store: RecordStore): AnyDb {
  if (store instanceof KyselyStore) return store.db;
  throw new Error('the server needs a Kysely-backed store');
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: ServerContext;
  }
  interface FastifyRequest {
    user?: User;
    sessionId?: string;
  }
  interface FastifyContextConfig {
    /** false: no session needed (login, health) */
    auth?: boolean;
    /** roles allowed; absent = any logged-in user */
    roles?: readonly Role[];
  }
}
