// What the store reports as committed (pg-commits.ts): the tables of a write once it is committed, never one
// rolled back. Fed the statements as Kysely's PostgreSQL driver sends them.
import { describe, expect, it } from 'vitest';
import { CommittedWrites } from './pg-commits.js';

function watched() {
  const w = new CommittedWrites();
  const seen: string[][] = [];
  w.on((tables) => seen.push([...tables].sort()));
  const client = {};
  const run = (text: string, ok = true) =>
    w.seen(client, text, ok ? Promise.resolve('done') : Promise.reject(new Error('failed'))).catch(() => 'failed');
  return { seen, run, client, w };
}

describe('CommittedWrites', () => {
  it('reports a write outside a transaction when it has completed, with its table', async () => {
    const { seen, run } = watched();
    await run('update "sessions" set "last_seen_at" = $1 where "id" = $2');
    await run('delete from "users" where "id" = $1');
    await run('insert into roster_rows (id) select 1');
    await run('select * from "sessions"');
    await run('update "sessions" set x = 1', false); // failed: nothing changed
    expect(seen).toEqual([['sessions'], ['users'], ['roster_rows']]);
  });

  it('reports the tables of a transaction at its commit, and nothing for one rolled back', async () => {
    const { seen, run } = watched();
    await run('begin');
    await run('update "users" set "disabled" = $1');
    await run('delete from "sessions" where "user_id" = $1');
    expect(seen).toEqual([]);
    await run('commit');
    expect(seen).toEqual([['sessions', 'users']]);
    await run('begin');
    await run('update "users" set "role" = $1');
    await run('rollback');
    await run('begin');
    await run('update "users" set "role" = $1');
    await run('commit', false); // a failed commit rolled back
    expect(seen).toEqual([['sessions', 'users']]);
  });

  it('keeps each pooled client apart', async () => {
    const w = new CommittedWrites();
    const seen: string[][] = [];
    w.on((t) => seen.push([...t]));
    const a = {};
    const b = {};
    await w.seen(a, 'begin', Promise.resolve());
    await w.seen(a, 'update "users" set x = 1', Promise.resolve());
    await w.seen(b, 'update "sessions" set x = 1', Promise.resolve()); // b: no transaction, at once
    expect(seen).toEqual([['sessions']]);
    await w.seen(a, 'commit', Promise.resolve());
    expect(seen).toEqual([['sessions'], ['users']]);
  });
});
