// 问责事项 in the store, identically on SQLite and on a real PostgreSQL server (test/pg-harness.ts): the round trip,
// the version check, and the integrity the database itself keeps (one subject exactly, existing units and cadres).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../test/pg-harness.js';
import type { NewRecord } from '../domain/entities.js';
import { DERIVED_TABLES } from './derived.js';
import { openStore, type OpenedStore } from './index.js';
import type { KyselyStore } from './kysely-store.js';
import { TABLES } from './schema.js';
import { ConflictError, ConstraintError } from './types.js';

const matter = (id: string, extra: Partial<NewRecord<'accountabilityMatters'>> = {}) => ({
  id,
  subjectCadreId: 'c1',
  subjectUnitId: null,
  description: '项目验收延误造成损失',
  accountableUnitId: 'nt',
  openedOn: '2023-04-10',
  decidedOn: null,
  outcome: null,
  decision: null,
  ...extra,
});

async function seed(s: OpenedStore): Promise<void> {
  await s.insertMany('units', [
    { id: 'nt', name: '南通市', kind: 'city', parentId: null, pack: 'jiangsu' },
    { id: 'rd', name: '如东县', kind: 'county', parentId: 'nt', pack: 'rudong' },
  ]);
  await s.repo('cadres').insert({
    id: 'c1',
    name: '王小明',
    gender: '男',
    birthDate: null,
    idNumber: null,
    category: '公务员',
    managingUnitId: 'rd',
  });
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`accountability matters on ${dialect}`, () => {
    let s: OpenedStore;
    let dir: string | undefined;
    let pg: { url: string; drop(): Promise<void> } | undefined;

    if (dialect === 'postgres') {
      beforeAll(async () => {
        const server = inject('pgUrl');
        if (!server) throw new Error('no PostgreSQL server was provided to the tests (test/global-setup.ts)');
        pg = await createTestDatabase(server);
      });
      afterAll(() => pg?.drop());
    }
    beforeEach(async () => {
      if (pg) {
        s = await openStore({ dataDir: '/nonexistent', databaseUrl: pg.url });
        const tables = [...Object.values(TABLES).map((t) => t.table), ...DERIVED_TABLES].map((t) => `"${t}"`);
        await sql.raw(`truncate ${tables.join(', ')} cascade`).execute((s as unknown as KyselyStore).db);
      } else {
        dir = mkdtempSync(path.join(os.tmpdir(), 'sanxiang-matters-'));
        s = await openStore({ dataDir: dir });
      }
      await seed(s);
    });
    afterEach(async () => {
      await s.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('keeps a matter about a cadre and one about a unit exactly as written, and finds them by subject', async () => {
      const repo = s.repo('accountabilityMatters');
      await repo.insert(matter('m1'));
      await repo.insert(
        matter('m2', {
          subjectCadreId: null,
          subjectUnitId: 'rd',
          decidedOn: '2023-06-01',
          outcome: '通报',
          decision: '责令整改，并在一定范围内通报',
        }),
      );
      expect(await repo.get('m1')).toEqual({ ...matter('m1'), version: 1 });
      expect(await repo.get('m2')).toMatchObject({ subjectUnitId: 'rd', subjectCadreId: null, outcome: '通报' });
      expect((await repo.list({ where: { subjectCadreId: 'c1' } })).map((m) => m.id)).toEqual(['m1']);
      expect((await repo.list({ where: { subjectCadreId: null, subjectUnitId: 'rd' } })).map((m) => m.id)).toEqual([
        'm2',
      ]);
      expect(await repo.count({ search: '验收延误' })).toBe(2);
    });

    it('records the decision with a version check: a stale decision changes nothing', async () => {
      const repo = s.repo('accountabilityMatters');
      await repo.insert(matter('m1'));
      const decided = await repo.update('m1', 1, { decidedOn: '2023-06-01', outcome: '诫勉', decision: '予以诫勉' });
      expect(decided).toMatchObject({ version: 2, outcome: '诫勉', decidedOn: '2023-06-01' });
      await expect(repo.update('m1', 1, { outcome: '免予问责' })).rejects.toBeInstanceOf(ConflictError);
      expect(await repo.get('m1')).toMatchObject({ version: 2, outcome: '诫勉' });
    });

    it('refuses a matter with no subject or with both, and references to a missing cadre or organ', async () => {
      const repo = s.repo('accountabilityMatters');
      await expect(repo.insert(matter('none', { subjectCadreId: null }))).rejects.toMatchObject({
        constraint: 'check',
      });
      await expect(repo.insert(matter('both', { subjectUnitId: 'rd' }))).rejects.toMatchObject({
        constraint: 'check',
      });
      await expect(repo.insert(matter('x', { subjectCadreId: 'nobody' }))).rejects.toMatchObject({
        constraint: 'foreign_key',
      });
      const err = await repo.insert(matter('y', { accountableUnitId: 'nowhere' })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConstraintError);
      expect(err).toMatchObject({ constraint: 'foreign_key' });
      expect(await repo.count()).toBe(0);
      // the organ of a matter cannot be deleted from under it
      await repo.insert(matter('m1', { accountableUnitId: 'nt' }));
      await expect(s.repo('cadres').delete('c1', 1)).rejects.toMatchObject({ constraint: 'foreign_key' });
    });
  });
}
