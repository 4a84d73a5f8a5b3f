// Queries built once per shape, run many times with new values. The hot read paths (the session check, the roster,
// a record read in scope) build the same few query shapes thousands of times a second, and building and
// compiling them with Kysely cost about a tenth of the server's CPU — as much as some of the queries themselves.
// A shape is built once with placeholders (`Slot`) where its values go, compiled, and kept as SQL text; every
// later run only puts the values into the parameter list.
//
// The key is the caller's promise that two queries with the same key differ only in their values: anything that
// changes the SQL text (which filters are present, a scope's kind, the length of an IN list) must be in the key.
// `compiledOnce` checks the part it can: every slot of the template gets a value. (Values without a slot are
// allowed: a caller passes a scope's values whether or not the shape uses all of them.)
import { CompiledQuery, type Kysely, type QueryExecutorProvider } from 'kysely';

/** Stands in for a value while a query shape is built; named so the run can supply it. */
export class Slot {
  constructor(readonly name: string) {}
}

/** A placeholder for the value `name`, typed as the value it stands for so query builders accept it. */
export function slot<T = string>(name: string): T {
  return new Slot(name) as unknown as T;
}

interface Template {
  sql: string;
  parameters: readonly unknown[];
}

// Per SQL dialect (the adapter object of a Kysely instance is shared with its transactions); a shape count is
// small and fixed by the code, so the map stays small without eviction.
const templates = new WeakMap<object, Map<string, Template>>();

/** The query of shape `key` (built by `build` the first time) with `values` in its slots. */
export function compiledOnce<R>(
  db: Kysely<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  key: string,
  // a query builder, or a raw `sql` query (which compiles against the handle)
  build: () => { compile(provider: QueryExecutorProvider): CompiledQuery<R> },
  values: Readonly<Record<string, unknown>>,
): CompiledQuery<R> {
  const adapter = db.getExecutor().adapter;
  let byKey = templates.get(adapter);
  if (!byKey) templates.set(adapter, (byKey = new Map()));
  let t = byKey.get(key);
  if (!t) {
    const c = build().compile(db);
    t = { sql: c.sql, parameters: c.parameters };
    byKey.set(key, t);
  }
  const parameters = t.parameters.map((p) => {
    if (!(p instanceof Slot)) return p;
    if (!(p.name in values)) throw new Error(`query shape ${key}: no value for the slot ${p.name}`);
    return values[p.name];
  });
  return CompiledQuery.raw(t.sql, parameters) as CompiledQuery<R>;
}
