// The unit tree stays a tree whatever writes it (the store is what the API, the import and the CLI all write
// through), on SQLite and on a real PostgreSQL server: a unit is never put under itself or under one of its own
// descendants, not even by two moves side by side; and after a legal move the closure is the tree's.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../test/pg-harness.js';
import type { NewRecord } from '../domain/entities.js';
import type { AnyDb } from './connect.js';
import { DERIVED_TABLES } from './derived.js';
import { openStore, type OpenedStore } from './index.js';
import type { KyselyStore } from './kysely-store.js';
import { TABLES } from './schema.js';
import { UnitCycleError } from './types.js';

const unit = (id: string, parentId: string | null, pack: NewRecord<'units'>['pack'] = null): NewRecord<'units'> => ({
  id,
  name: `单位${id}`,
  kind: 'county',
  parentId,
  pack,
});

// 江苏 ⊃ 南通 ⊃ 如东 ⊃ 如东检察院, 南通 ⊃ 海安; 陕西 apart
const TREE = [
  unit('js', null, 'jiangsu'),
  unit('nt', 'js'),
  unit('rd', 'nt', 'rudong'),
  unit('rdjcy', 'rd'),
  unit('ha', 'nt'),
  unit('sx', null, 'shaanxi'),
];

const dbOf = (s: OpenedStore): AnyDb => (s as unknown as KyselyStore).db;

/** The closure as stored, and as worked out here from the parents (every unit with itself and each unit above it). */
async function closure(s: OpenedStore): Promise<[string[], string[]]> {
  const stored = (await dbOf(s).selectFrom('unit_ancestors').select(['ancestor_id', 'unit_id']).execute()).map(
    (r) => `${String(r.ancestor_id)}>${String(r.unit_id)}`,
  );
  const parents = new Map((await s.repo('units').list()).map((u) => [u.id, u.parentId]));
  const truth: string[] = [];
  for (const id of parents.keys()) {
    const seen = new Set<string>();
    for (let at: string | null | undefined = id; at && !seen.has(at); at = parents.get(at)) {
      seen.add(at);
      truth.push(`${at}>${id}`);
    }
  }
  return [stored.sort(), truth.sort()];
}

async function parentOf(s: OpenedStore, id: string): Promise<string | null | undefined> {
  return (await s.repo('units').get(id))?.parentId;
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`the unit tree on ${dialect}`, () => {
    let s: OpenedStore;
    let dir: string | undefined;
    let pg: { url: string; drop(): Promise<void> } | undefined;
    const another = () =>
      pg ? openStore({ dataDir: '/nonexistent', databaseUrl: pg.url }) : openStore({ dataDir: dir! });

    beforeAll(async () => {
      if (dialect === 'postgres') pg = await createTestDatabase(inject('pgUrl'));
    });
    afterAll(async () => pg?.drop());
    beforeEach(async () => {
      if (pg) {
        s = await openStore({ dataDir: '/nonexistent', databaseUrl: pg.url });
        const tables = [...Object.values(TABLES).map((t) => t.table), ...DERIVED_TABLES].map((t) => `"${t}"`);
        await sql.raw(`truncate ${tables.join(', ')} cascade`).execute(dbOf(s));
      } else {
        dir = mkdtempSync(path.join(os.tmpdir(), 'sanxiang-unit-tree-'));
        s = await openStore({ dataDir: dir });
      }
      await s.insertMany('units', TREE);
    });
    afterEach(async () => {
      await s.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('refuses a unit under itself or under one of its descendants, and changes nothing', async () => {
      const before = await closure(s);
      const rd = (await s.repo('units').get('rd'))!;
      for (const parentId of ['rd', 'rdjcy']) {
        const err = await s
          .repo('units')
          .update('rd', rd.version, { parentId })
          .catch((e: unknown) => e);
        expect(err, parentId).toBeInstanceOf(UnitCycleError);
        expect((err as UnitCycleError).field).toBe('parentId');
      }
      // higher up: 江苏 under 如东检察院, three levels below it
      const js = (await s.repo('units').get('js'))!;
      await expect(s.repo('units').update('js', js.version, { parentId: 'rdjcy' })).rejects.toBeInstanceOf(
        UnitCycleError,
      );
      expect(await parentOf(s, 'rd')).toBe('nt');
      expect(await parentOf(s, 'js')).toBeNull();
      expect((await s.repo('units').get('rd'))!.version).toBe(rd.version);
      expect(await closure(s)).toEqual(before);
    });

    it('refuses a loop brought in by bulk insert (import, CLI): a unit its own parent, in one transaction', async () => {
      const before = await closure(s);
      await expect(s.insertMany('units', [unit('x1', 'nt'), unit('self', 'self')])).rejects.toBeInstanceOf(
        UnitCycleError,
      );
      expect(await s.repo('units').get('x1')).toBeUndefined();
      expect(await s.repo('units').get('self')).toBeUndefined();
      expect(await closure(s)).toEqual(before);
    });

    it('moves a unit with everything below it: the closure, the packs and the cadres counted follow', async () => {
      await s.insertMany('cadres', [
        {
          id: 'c1',
          name: '王一',
          gender: '男',
          birthDate: null,
          idNumber: null,
          category: '公务员',
          managingUnitId: 'rdjcy',
        },
      ]);
      const rd = (await s.repo('units').get('rd'))!;
      // 如东 (its own rulebook) under 海安, then out of 江苏 to 陕西 without its own binding
      await s.repo('units').update('rd', rd.version, { parentId: 'ha' });
      let [stored, truth] = await closure(s);
      expect(stored).toEqual(truth);
      expect(stored).toContain('ha>rdjcy');
      const moved = await s.repo('units').update('rd', rd.version + 1, { parentId: 'sx', pack: null });
      [stored, truth] = await closure(s);
      expect(stored).toEqual(truth);
      expect(stored).not.toContain('js>rdjcy');
      expect(stored).toContain('sx>rdjcy');
      const stats = await s.stats();
      expect(stats.shaanxi).toEqual({ units: 3, cadres: 1 });
      expect(stats.jiangsu).toEqual({ units: 3, cadres: 0 });
      // and back: the tree is as it was
      await s.repo('units').update('rd', moved.version, { parentId: 'nt', pack: 'rudong' });
      [stored, truth] = await closure(s);
      expect(stored).toEqual(truth);
      expect(stored).toContain('js>rdjcy');
    });

    it('two moves side by side that would together make a loop: one lands, the other is refused', async () => {
      const other = await another();
      try {
        // 如东 under 海安 in one transaction, and meanwhile 海安 under 如东 on another connection: each alone is fine
        let moved!: () => void;
        const firstMoved = new Promise<void>((r) => (moved = r));
        const first = s.transaction(async (tx) => {
          const rd = (await tx.repo('units').get('rd'))!;
          await tx.repo('units').update('rd', rd.version, { parentId: 'ha' });
          moved();
          // still open while the second move runs (the second waits for this one, or would see the tree unchanged)
          await new Promise((r) => setTimeout(r, 300));
        });
        await firstMoved;
        const ha = (await other.repo('units').get('ha'))!;
        const second = other.repo('units').update('ha', ha.version, { parentId: 'rd' });
        const [a, b] = await Promise.allSettled([first, second]);
        expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
        const [stored, truth] = await closure(s);
        expect(stored).toEqual(truth);
        const parents = [await parentOf(s, 'rd'), await parentOf(s, 'ha')];
        expect(parents).not.toEqual(['ha', 'rd']);
      } finally {
        await other.close();
      }
    });
  });
}
