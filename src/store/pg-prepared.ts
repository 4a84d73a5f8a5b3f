// PostgreSQL plans every statement it is sent unless the statement is prepared, and for the roster's and the
// scope's queries planning took as long as running them (0.3–1 ms each). node-postgres prepares a statement once
// per connection when a query carries a name; this pool gives the record's queries a name derived from their text,
// so the server plans each of them once per connection and then reuses the plan.
//
// Only plain one-statement queries with few parameters are named: a query with a long `in (…)` list differs in
// text with every list length and would fill each connection with statements used once; and each connection
// keeps at most MAX_NAMED of them (prepared statements live as long as the connection; the rest run unnamed).
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { CommittedWrites } from './pg-commits.js';

const MAX_PARAMS = 32;
const MAX_NAMED = 300;
const NAMEABLE = /^\s*(select|insert|update|delete|with)\b/i;

type Query = pg.PoolClient['query'];

// The name of each query text, worked out once: the same few dozen texts run thousands of times a second.
const nameByText = new Map<string, string>();
function nameOf(text: string): string {
  let name = nameByText.get(text);
  if (!name) {
    name = 'sx_' + createHash('sha1').update(text).digest('hex').slice(0, 24);
    if (nameByText.size < 10 * MAX_NAMED) nameByText.set(text, name);
  }
  return name;
}

/**
 * The pool Kysely's PostgresDialect takes, its clients naming the queries they run (see above) and telling
 * `commits` what they write.
 */
export function preparingPool(pool: pg.Pool, commits?: CommittedWrites): pg.Pool {
  const wrapped = new WeakMap<pg.PoolClient, pg.PoolClient>();
  const wrap = (client: pg.PoolClient): pg.PoolClient => {
    let w = wrapped.get(client);
    if (w) return w;
    const names = new Set<string>();
    const run = (text: unknown, values?: unknown[]): unknown => {
      if (typeof text === 'string' && Array.isArray(values) && values.length <= MAX_PARAMS && NAMEABLE.test(text)) {
        const name = nameOf(text);
        if (names.has(name) || names.size < MAX_NAMED) {
          names.add(name);
          return client.query({ name, text, values });
        }
      }
      return (client.query as (...a: unknown[]) => unknown)(text, values);
    };
    const query = ((text: unknown, values?: unknown[]) => {
      const result = run(text, values);
      return commits && typeof text === 'string' && result instanceof Promise
        ? commits.seen(client, text, result)
        : result;
    }) as Query;
    // everything else (release, events, the cursor Kysely streams with) is the client's own
    w = new Proxy(client, {
      get: (target, prop, receiver) => (prop === 'query' ? query : Reflect.get(target, prop, receiver)),
    });
    wrapped.set(client, w);
    return w;
  };
  return new Proxy(pool, {
    get(target, prop, receiver) {
      if (prop === 'connect')
        return async (...args: unknown[]) => {
          if (args.length) throw new Error('preparingPool: connect() with a callback is not supported');
          return wrap(await target.connect());
        };
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
