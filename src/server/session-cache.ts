// Sessions kept in memory between requests, on PostgreSQL. Every request's session check was a round trip to the
// database (the session and its user), as many as the request's own queries; with 100 readers at once on two
// cores that round trip, and waking the database's process for it, was the difference between a roster p99 over
// and under 50 ms. A session read once is kept, and forgotten:
//
// - when this process commits a change to sessions or users (pg-commits.ts): at once, before the response to the
//   logout, disabling or password change that made it goes out — the whole cache, as the change is not parsed;
// - when any process does (the triggers of migration 0011 announce each changed session or user on
//   `sanxiang_auth`; pg-listen.ts): as soon as the message arrives, normally well under a millisecond after the
//   commit;
// - when the listening connection is down: everything, and nothing is kept until it listens again (a message sent
//   meanwhile is lost);
// - after MAX_AGE_MS whatever happens (a change made with the triggers switched off is picked up by then).
//
// A read that began before a change and ends after the change was announced is not kept (the generation count):
// it may hold the session as it was. Only sessions that exist are kept; a token that matches none is asked of
// the database every time. The checks on a kept session (idle, expiry, disabled user, second factor) run on every
// request as before, against the clock.
import { AUTH_CHANNEL } from '../store/migration-0011-auth-notify.js';
import { listenChannel, type Listening } from '../store/pg-listen.js';
import type { RecordStore } from '../store/types.js';
import { KyselyStore } from '../store/kysely-store.js';
import type { Session, UserWithSecrets } from './accounts/users.js';

export interface FoundSession {
  session: Session;
  user: UserWithSecrets;
}

const MAX_AGE_MS = 30_000;
const MAX_ENTRIES = 20_000;

export class SessionCache {
  private readonly entries = new Map<string, { found: FoundSession; at: number }>();
  private gen = 0;
  private live = false;

  constructor(private readonly clock: () => number = Date.now) {}

  get(id: string): FoundSession | undefined {
    const e = this.entries.get(id);
    if (!e) return undefined;
    if (this.clock() - e.at > MAX_AGE_MS) {
      this.entries.delete(id);
      return undefined;
    }
    return e.found;
  }

  /** Call before reading a session from the database; pass the result to `put` with the read. */
  generation(): number {
    return this.gen;
  }

  put(id: string, found: FoundSession, generation: number): void {
    if (!this.live || generation !== this.gen) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    Object.freeze(found.session);
    Object.freeze(found.user);
    this.entries.set(id, { found: Object.freeze(found), at: this.clock() });
  }

  /** A message of migration 0011's triggers: `s:<session id>`, `u:<user id>`, `*`. Anything else clears all. */
  message(payload: string): void {
    this.gen++;
    if (payload.startsWith('s:')) this.entries.delete(payload.slice(2));
    else if (payload.startsWith('u:')) {
      const user = payload.slice(2);
      for (const [id, e] of this.entries) if (e.found.user.id === user) this.entries.delete(id);
    } else this.entries.clear();
  }

  clear(): void {
    this.gen++;
    this.entries.clear();
  }

  setLive(live: boolean): void {
    this.clear();
    this.live = live;
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * The cache for a store on PostgreSQL, wired to this process's commits and to the channel; undefined on SQLite
 * (or with SANXIANG_SESSION_CACHE=off): there every session check reads the database.
 */
export function sessionCacheFor(
  store: RecordStore,
  env: NodeJS.ProcessEnv,
  onLiveChange?: (live: boolean) => void,
): { cache: SessionCache; close(): Promise<void> } | undefined {
  if (env.SANXIANG_SESSION_CACHE === 'off' || !(store instanceof KyselyStore)) return undefined;
  const { url, commits } = store.conn;
  if (store.dialect !== 'postgres' || !url || !commits) return undefined;
  const cache = new SessionCache();
  let closing = false;
  const unsubscribe = commits.on((tables) => {
    if (tables.has('sessions') || tables.has('users')) cache.clear();
  });
  const listening: Listening = listenChannel(url, AUTH_CHANNEL, {
    onMessage: (payload) => cache.message(payload),
    onLive: (live) => {
      cache.setLive(live);
      if (!closing) onLiveChange?.(live);
    },
  });
  return {
    cache,
    async close() {
      closing = true;
      unsubscribe();
      await listening.close();
    },
  };
}
