// The derived indexes (derived.ts) follow every write, on SQLite and on PostgreSQL, and migrations 0006–0010 build
// them for a record stored before they existed.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../test/pg-harness.js';
import type { NewRecord } from '../domain/entities.js';
import { openSqlite, type AnyDb } from './connect.js';
import { cadreMatches, DERIVED_TABLES, subtreeUnits } from './derived.js';
import { openStore, type OpenedStore } from './index.js';
import type { KyselyStore } from './kysely-store.js';
import { migrateToLatest, migrator } from './migrations.js';
import { TABLES } from './schema.js';

const unit = (id: string, parentId: string | null): NewRecord<'units'> => ({
  id,
  name: `单位${id}`,
  kind: 'county',
  parentId,
  pack: null,
});
const cadre = (id: string, name: string, managingUnitId = 'nt'): NewRecord<'cadres'> => ({
  id,
  name,
  gender: null,
  birthDate: null,
  idNumber: null,
  category: '公务员',
  managingUnitId,
});
const post = (id: string, cadreId: string, title: string, startDate: string, endDate: string | null = null) =>
  ({
    id,
    cadreId,
    unitId: 'nt',
    role: 'principal',
    title,
    partySecretary: false,
    inCharge: [],
    level: '正处',
    startDate,
    endDate,
    reason: null,
  }) satisfies NewRecord<'posts'>;

const TREE = [unit('js', null), unit('nt', 'js'), unit('rd', 'nt'), unit('rdjcy', 'rd'), unit('sx', null)];

const dbOf = (s: OpenedStore): AnyDb => (s as unknown as KyselyStore).db;

async function found(s: OpenedStore, text: string): Promise<string[]> {
  const rows = await dbOf(s)
    .selectFrom('cadres as c')
    .select('c.id')
    .where(cadreMatches(text))
    .orderBy('c.id')
    .execute();
  return rows.map((r) => String(r.id));
}

async function currentPost(s: OpenedStore, cadreId: string): Promise<string | null> {
  const r = await dbOf(s)
    .selectFrom('cadre_current_posts')
    .select('post_id')
    .where('cadre_id', '=', cadreId)
    .executeTakeFirst();
  return r ? String(r.post_id) : null;
}

/**
 * The roster lines as stored (roster_rows) and as worked out here from the record itself: each cadre with its
 * managing unit's name and its current post (open, the latest started, ties by the smaller id) with that post's
 * unit's name.
 */
async function rosterLines(s: OpenedStore): Promise<[string[], string[]]> {
  const db = dbOf(s);
  const stored = await sql<Record<string, unknown>>`select * from roster_rows order by id`.execute(db);
  const units = new Map((await db.selectFrom('units').selectAll().execute()).map((u) => [u.id, u.name]));
  const posts = await db.selectFrom('posts').selectAll().where('end_date', 'is', null).execute();
  const cadres = await db.selectFrom('cadres').selectAll().orderBy('id').execute();
  const line = (r: Record<string, unknown>) =>
    [
      r.id,
      r.name,
      r.gender,
      r.category,
      r.managing_unit_id,
      r.unit_name,
      r.post_id,
      r.post_title,
      r.post_role,
      r.post_level,
      r.post_unit_id,
      r.post_unit_name,
    ]
      .map((x) => x ?? '-')
      .join('|');
  const truth = cadres.map((c) => {
    const open = posts
      .filter((p) => p.cadre_id === c.id)
      .sort((a, b) => (a.start_date !== b.start_date ? (a.start_date > b.start_date ? -1 : 1) : a.id < b.id ? -1 : 1));
    const p = open[0];
    return line({
      ...c,
      unit_name: units.get(c.managing_unit_id),
      post_id: p?.id,
      post_title: p?.title,
      post_role: p?.role,
      post_level: p?.level,
      post_unit_id: p?.unit_id,
      post_unit_name: p ? units.get(p.unit_id) : undefined,
    });
  });
  return [stored.rows.map(line), truth];
}

async function subtree(s: OpenedStore, root: string): Promise<string[]> {
  const rows = await dbOf(s)
    .selectFrom('units')
    .select('id')
    .where(sql<boolean>`id in ${subtreeUnits(root)}`)
    .orderBy('id')
    .execute();
  return rows.map((r) => String(r.id));
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`derived indexes on ${dialect}`, () => {
    let s: OpenedStore;
    let dir: string | undefined;
    let pg: { url: string; drop(): Promise<void> } | undefined;

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
        dir = mkdtempSync(path.join(os.tmpdir(), 'sanxiang-derived-'));
        s = await openStore({ dataDir: dir });
      }
      await s.insertMany('units', TREE);
    });
    afterEach(async () => {
      await s.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('finds cadres by any one or two characters of their name or current post title, and by id', async () => {
      await s.insertMany('cadres', [
        cadre('c1', '王小明'),
        cadre('c2', '李小红'),
        cadre('c3', '王大明'),
        cadre('c4', 'Anna Li'),
      ]);
      await s.insertMany('posts', [
        post('p1', 'c1', '县委书记', '2020-01-01'),
        post('p2', 'c2', '副县长', '2018-01-01', '2021-12-31'), // ended: no longer searchable
        post('p3', 'c2', '局长', '2022-01-01'),
      ]);
      expect(await found(s, '王')).toEqual(['c1', 'c3']);
      expect(await found(s, '小明')).toEqual(['c1']);
      expect(await found(s, '明')).toEqual(['c1', 'c3']);
      expect(await found(s, '书记')).toEqual(['c1']);
      expect(await found(s, '县长')).toEqual([]); // only the ended post had it
      expect(await found(s, '局长')).toEqual(['c2']);
      expect(await found(s, 'c3')).toEqual(['c3']);
      expect(await found(s, 'anna')).toEqual(['c4']); // letters without case
      expect(await found(s, 'NA L')).toEqual(['c4']);
      expect(await found(s, '%')).toEqual([]); // no wildcards
      expect(await found(s, '王_明')).toEqual([]);
    });

    it('needs the whole text in one piece: two-character pieces found apart do not match a longer search', async () => {
      await s.insertMany('cadres', [cadre('c1', '王小明'), cadre('c2', '王小红小明')]);
      await s.insertMany('posts', [post('p1', 'c2', '县委副书记', '2020-01-01')]);
      expect(await found(s, '王小明')).toEqual(['c1']);
      expect(await found(s, '王小')).toEqual(['c1', 'c2']);
      expect(await found(s, '委副书记')).toEqual(['c2']);
      expect(await found(s, '县委书记')).toEqual([]);
    });

    it('follows renames, new and ended posts, a post moved to another cadre, and deletions', async () => {
      const cadres = s.repo('cadres');
      const posts = s.repo('posts');
      await cadres.insert(cadre('c1', '王小明'));
      await cadres.insert(cadre('c2', '李小红'));
      expect(await found(s, '王')).toEqual(['c1']);

      const renamed = await cadres.update('c1', 1, { name: '赵小明' });
      expect(await found(s, '王')).toEqual([]);
      expect(await found(s, '赵')).toEqual(['c1']);

      const p = await posts.insert(post('p1', 'c1', '镇长', '2021-01-01'));
      expect(await found(s, '镇长')).toEqual(['c1']);
      expect(await currentPost(s, 'c1')).toBe('p1');
      // a later post becomes the current one
      await posts.insert(post('p2', 'c1', '县长', '2023-01-01'));
      expect(await found(s, '镇长')).toEqual([]);
      expect(await found(s, '县长')).toEqual(['c1']);
      expect(await currentPost(s, 'c1')).toBe('p2');
      // the later post ends: the earlier open one is current again
      const p2 = await posts.update('p2', 1, { endDate: '2024-06-30' });
      expect(await found(s, '县长')).toEqual([]);
      expect(await found(s, '镇长')).toEqual(['c1']);
      expect(await currentPost(s, 'c1')).toBe('p1');
      // moved to another cadre: both are brought up to date
      await posts.update('p1', p.version, { cadreId: 'c2' });
      expect(await found(s, '镇长')).toEqual(['c2']);
      expect([await currentPost(s, 'c1'), await currentPost(s, 'c2')]).toEqual([null, 'p1']);
      await posts.delete('p2', p2.version);
      await posts.delete('p1', 2);
      expect(await found(s, '镇长')).toEqual([]);
      expect(await currentPost(s, 'c2')).toBeNull();
      await cadres.delete('c1', renamed.version);
      expect(await found(s, '赵')).toEqual([]);
      expect(await found(s, '小')).toEqual(['c2']);
    });

    it("holds each cadre's managing unit beside every term, also after the cadre is moved to another unit", async () => {
      const unitsOf = async (id: string) =>
        (
          await sql<{
            unit_id: string;
          }>`select distinct unit_id from cadre_search where cadre_id = ${id}`.execute(dbOf(s))
        ).rows.map((r) => r.unit_id);
      await s.insertMany('cadres', [cadre('c1', '王小明', 'rd'), cadre('c2', '李小红', 'nt')]);
      await s.insertMany('posts', [post('p1', 'c1', '县委书记', '2020-01-01')]);
      expect([await unitsOf('c1'), await unitsOf('c2')]).toEqual([['rd'], ['nt']]);
      const c1 = await s.repo('cadres').get('c1');
      await s.repo('cadres').update('c1', c1!.version, { managingUnitId: 'sx' });
      expect(await unitsOf('c1')).toEqual(['sx']);
      // a post written after the move keeps the cadre's unit, not the post's
      await s.repo('posts').insert(post('p2', 'c1', '县长', '2023-01-01'));
      expect(await unitsOf('c1')).toEqual(['sx']);
    });

    it('counts the cadres of each unit by category through inserts, moves, re-categorisation and deletion', async () => {
      // the derived counts, and the same counted from the cadres themselves: equal after every write
      const both = async () => {
        const counts = await sql<{
          unit_id: string;
          category: string;
          n: number | string;
        }>`select unit_id, category, n from cadre_counts where n <> 0 order by unit_id, category`.execute(dbOf(s));
        const truth = await sql<{
          unit_id: string;
          category: string;
          n: number | string;
        }>`select managing_unit_id as unit_id, category, count(*) as n from cadres group by managing_unit_id, category order by 1, 2`.execute(
          dbOf(s),
        );
        const norm = (rows: { unit_id: string; category: string; n: number | string }[]) =>
          rows.map((r) => `${r.unit_id}/${r.category}=${Number(r.n)}`);
        return [norm(counts.rows), norm(truth.rows)];
      };
      await s.insertMany('cadres', [cadre('c1', '甲', 'rd'), cadre('c2', '乙', 'rd'), cadre('c3', '丙', 'nt')]);
      let [counts, truth] = await both();
      expect(counts).toEqual(['nt/公务员=1', 'rd/公务员=2']);
      expect(counts).toEqual(truth);
      const repo = s.repo('cadres');
      const c1 = await repo.update('c1', 1, { managingUnitId: 'nt' });
      await repo.update('c2', 1, { category: '事业' });
      await repo.insert(cadre('c4', '丁', 'sx'));
      [counts, truth] = await both();
      expect(counts).toEqual(['nt/公务员=2', 'rd/事业=1', 'sx/公务员=1']);
      expect(counts).toEqual(truth);
      await repo.delete('c1', c1.version);
      await repo.delete('c4', 1);
      [counts, truth] = await both();
      expect(counts).toEqual(['nt/公务员=1', 'rd/事业=1']);
      expect(counts).toEqual(truth);
    });

    it('stay right under writes side by side (PostgreSQL runs them at the same time)', async () => {
      const repo = s.repo('cadres');
      const ids = Array.from({ length: 12 }, (_, i) => `k${String(i).padStart(2, '0')}`);
      await Promise.all(ids.map((id, i) => repo.insert(cadre(id, `王${i}`, 'rd'))));
      // renames (no count changes) and moves to another unit, side by side
      await Promise.all(ids.map((id, i) => repo.update(id, 1, i % 2 ? { managingUnitId: 'nt' } : { name: `李${i}` })));
      // posts of one cadre, side by side: the last started is the current one
      await Promise.all(
        [0, 1, 2, 3, 4, 5].map((i) => s.repo('posts').insert(post(`q${i}`, 'k00', `职务${i}`, `202${i}-01-01`))),
      );
      const counts = await sql<{
        unit_id: string;
        n: number | string;
      }>`select unit_id, n from cadre_counts where n <> 0 order by unit_id`.execute(dbOf(s));
      expect(counts.rows.map((r) => [r.unit_id, Number(r.n)])).toEqual([
        ['nt', 6],
        ['rd', 6],
      ]);
      expect(await currentPost(s, 'k00')).toBe('q5');
      // posts written while their unit and their cadres' unit are renamed: every line ends with the new names
      const nt = await s.repo('units').get('nt');
      await Promise.all([
        ...ids.map((id, i) => s.repo('posts').insert(post(`r${i}`, id, `岗位${i}`, '2026-01-01'))),
        s.repo('units').update('nt', nt!.version, { name: '南通改名' }),
      ]);
      const [stored, truth] = await rosterLines(s);
      expect(stored).toEqual(truth);
      expect(stored.filter((l) => l.includes('南通改名'))).toHaveLength(ids.length);
      expect(await found(s, '职务5')).toEqual([]);
      expect(await found(s, '岗位0')).toEqual(['k00']);
      expect(await found(s, '王')).toEqual(ids.filter((_, i) => i % 2 === 1));
    });

    it("keeps each cadre's roster line: name, gender, category, unit and current post, and the units' names", async () => {
      const expectLines = async (n: number) => {
        const [stored, truth] = await rosterLines(s);
        expect(stored).toEqual(truth);
        expect(stored).toHaveLength(n);
      };
      await s.insertMany('cadres', [cadre('c1', '王小明', 'rd'), cadre('c2', '李小红', 'nt')]);
      await expectLines(2);
      await s.insertMany('posts', [post('p1', 'c1', '县委书记', '2020-01-01'), post('p2', 'c1', '县长', '2018-01-01')]);
      await expectLines(2);
      const [lines] = await rosterLines(s);
      expect(lines[0]).toBe('c1|王小明|-|公务员|rd|单位rd|p1|县委书记|principal|正处|nt|单位nt');
      // the current post ends: the earlier open one is shown
      await s.repo('posts').update('p1', 1, { endDate: '2024-01-01' });
      await expectLines(2);
      // every field a line shows, edited; an edit of another field leaves the line as it is
      const c1 = await s.repo('cadres').update('c1', 1, { gender: '男', category: '事业', managingUnitId: 'sx' });
      const c2 = await s.repo('cadres').update('c2', 1, { name: '李红', birthDate: '1980-01-01' });
      await expectLines(2);
      // units renamed: as managing unit and as the post's unit
      for (const id of ['sx', 'nt']) {
        const u = await s.repo('units').get(id);
        await s.repo('units').update(id, u!.version, { name: `改名${id}` });
      }
      await expectLines(2);
      expect((await rosterLines(s))[0][0]).toBe('c1|王小明|男|事业|sx|改名sx|p2|县长|principal|正处|nt|改名nt');
      // a post moved to the other cadre, then deleted; a cadre deleted
      const p2 = await s.repo('posts').update('p2', 1, { cadreId: 'c2' });
      await expectLines(2);
      await s.repo('posts').delete('p2', p2.version);
      await s.repo('posts').delete('p1', 2);
      await s.repo('cadres').delete('c1', c1.version);
      await expectLines(1);
      expect((await rosterLines(s))[0][0]).toBe(`c2|李红|-|公务员|nt|改名nt|-|-|-|-|-|-`);
      expect(c2.version).toBe(2);
    });

    it('keeps the unit tree: a new unit, a unit moved with everything below it, a deleted unit', async () => {
      expect(await subtree(s, 'js')).toEqual(['js', 'nt', 'rd', 'rdjcy']);
      expect(await subtree(s, 'rdjcy')).toEqual(['rdjcy']);
      const units = s.repo('units');
      await units.insert(unit('rdx', 'rd'));
      expect(await subtree(s, 'nt')).toEqual(['nt', 'rd', 'rdjcy', 'rdx']);
      const rd = await units.get('rd');
      await units.update('rd', rd!.version, { parentId: 'sx' });
      expect(await subtree(s, 'js')).toEqual(['js', 'nt']);
      expect(await subtree(s, 'sx')).toEqual(['rd', 'rdjcy', 'rdx', 'sx']);
      await units.delete('rdx', 1);
      expect(await subtree(s, 'sx')).toEqual(['rd', 'rdjcy', 'sx']);
    });
  });
}

describe('migrations 0006 to 0010', () => {
  it('build the derived tables for a record stored before they existed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sanxiang-m0006-'));
    try {
      const conn = openSqlite(dir);
      const r = await migrator(conn.db).migrateTo('0005_tolerance_filed_by');
      expect(r.error).toBeUndefined();
      await sql`insert into units (id, name, kind, parent_id) values ('a', '甲', 'province', null), ('b', '乙', 'city', 'a')`.execute(
        conn.db,
      );
      await sql`insert into cadres (id, name, category, managing_unit_id) values ('c1', '王小明', '公务员', 'b')`.execute(
        conn.db,
      );
      await sql`insert into posts (id, cadre_id, unit_id, role, title, level, start_date) values ('p1', 'c1', 'b', '正职', '市长', '正厅', '2020-01-01')`.execute(
        conn.db,
      );
      expect(await migrateToLatest(conn.db)).toContain('0006_derived_indexes');
      const pairs = await sql<{
        ancestor_id: string;
        unit_id: string;
      }>`select ancestor_id, unit_id from unit_ancestors order by ancestor_id, unit_id`.execute(conn.db);
      expect(pairs.rows).toEqual([
        { ancestor_id: 'a', unit_id: 'a' },
        { ancestor_id: 'a', unit_id: 'b' },
        { ancestor_id: 'b', unit_id: 'b' },
      ]);
      const terms = await sql<{
        term: string;
      }>`select term from cadre_search where cadre_id = 'c1' order by term`.execute(conn.db);
      expect(terms.rows.map((t) => t.term).sort()).toEqual(
        ['小', '小明', '市', '市长', '明', '王', '王小', '长'].sort(),
      );
      // migration 0009: the counts
      const counts = await sql<{ unit_id: string; n: number }>`select unit_id, n from cadre_counts`.execute(conn.db);
      expect(counts.rows.map((r) => [r.unit_id, Number(r.n)])).toEqual([['b', 1]]);
      // migration 0008: every term with the cadre's managing unit
      const units = await sql<{ unit_id: string }>`select distinct unit_id from cadre_search`.execute(conn.db);
      expect(units.rows).toEqual([{ unit_id: 'b' }]);
      // migration 0010: the roster lines
      const lines = await sql<Record<string, unknown>>`select id, name, gender, category, managing_unit_id, unit_name,
        post_id, post_title, post_role, post_level, post_unit_id, post_unit_name from roster_rows`.execute(conn.db);
      expect(lines.rows).toEqual([
        {
          id: 'c1',
          name: '王小明',
          gender: null,
          category: '公务员',
          managing_unit_id: 'b',
          unit_name: '乙',
          post_id: 'p1',
          post_title: '市长',
          post_role: '正职',
          post_level: '正厅',
          post_unit_id: 'b',
          post_unit_name: '乙',
        },
      ]);
      // migration 0030: the sort keys (a post role outside the vocabulary ranks last)
      const keys = await sql<
        Record<string, unknown>
      >`select role_rank, level_rank, category_rank from roster_rows`.execute(conn.db);
      expect(keys.rows.map((r) => [r.role_rank, r.level_rank, r.category_rank].map(Number))).toEqual([[99, 2, 0]]);
      await conn.db.destroy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
