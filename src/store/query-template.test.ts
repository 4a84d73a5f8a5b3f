// Query shapes built once (query-template.ts): the values of each run go into the slots, a missing value is an
// error rather than a stale one, and the same key on SQLite and PostgreSQL keeps each its own SQL.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../test/pg-harness.js';
import type { NewRecord } from '../domain/entities.js';
import type { AnyDb } from './connect.js';
import { openStore, type OpenedStore } from './index.js';
import type { KyselyStore } from './kysely-store.js';
import { compiledOnce, slot } from './query-template.js';

const TREE: NewRecord<'units'>[] = [
  { id: 'js', name: '江苏省', kind: 'province', parentId: null, pack: 'jiangsu' },
  { id: 'nt', name: '南通市', kind: 'city', parentId: 'js', pack: null },
  { id: 'rd', name: '如东县', kind: 'county', parentId: 'nt', pack: 'rudong' },
];

let sqliteStore: OpenedStore;
let pgStore: OpenedStore;
let dir: string;
let pg: { url: string; drop(): Promise<void> };

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sanxiang-template-'));
  sqliteStore = await openStore({ dataDir: dir });
  pg = await createTestDatabase(inject('pgUrl'));
  pgStore = await openStore({ dataDir: '/nonexistent', databaseUrl: pg.url });
  for (const s of [sqliteStore, pgStore]) await s.insertMany('units', TREE);
});
afterAll(async () => {
  await sqliteStore?.close();
  await pgStore?.close();
  await pg?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const dbOf = (s: OpenedStore): AnyDb => (s as unknown as KyselyStore).db;

describe('query shapes built once', () => {
  it('run with each call’s values, built the first time only', async () => {
    const db = dbOf(sqliteStore);
    let builds = 0;
    const byParent = async (parent: string) => {
      const q = compiledOnce(
        db,
        'test.children',
        () => {
          builds++;
          return db.selectFrom('units').select('id').where('parent_id', '=', slot('parent')).orderBy('id');
        },
        { parent },
      );
      return (await db.executeQuery(q)).rows.map((r) => r.id);
    };
    expect(await byParent('js')).toEqual(['nt']);
    expect(await byParent('nt')).toEqual(['rd']);
    expect(await byParent('rd')).toEqual([]);
    expect(builds).toBe(1);
  });

  it('refuse to run a shape without a value for one of its slots', async () => {
    const db = dbOf(sqliteStore);
    const build = () =>
      db.selectFrom('units').select('id').where('id', '=', slot('id')).where('kind', '=', slot('kind'));
    expect(() => compiledOnce(db, 'test.two-slots', build, { id: 'js' })).toThrow(/no value for the slot kind/);
    const q = compiledOnce(db, 'test.two-slots', build, { id: 'js', kind: 'province' });
    expect((await db.executeQuery(q)).rows).toEqual([{ id: 'js' }]);
  });

  it('keep one SQL text per database: the same key on SQLite and on PostgreSQL', async () => {
    const run = async (s: OpenedStore, name: string) => {
      const db = dbOf(s);
      const q = compiledOnce(
        db,
        'test.by-name',
        () => db.selectFrom('units').select('id').where('name', '=', slot('name')),
        { name },
      );
      return { sql: q.sql, rows: (await db.executeQuery(q)).rows };
    };
    const a = await run(sqliteStore, '南通市');
    const b = await run(pgStore, '如东县');
    const c = await run(sqliteStore, '如东县');
    expect([a.rows, b.rows, c.rows]).toEqual([[{ id: 'nt' }], [{ id: 'rd' }], [{ id: 'rd' }]]);
    expect(a.sql).toContain('?');
    expect(b.sql).toContain('$1');
  });
});
