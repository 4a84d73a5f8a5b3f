// The store's behaviour, run identically on SQLite and on a real PostgreSQL server (test/pg-harness.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../test/pg-harness.js';
import type { Cadre, NewRecord, Post, Unit } from '../domain/entities.js';
import { loadFacts } from './facts-loader.js';
import { openStore, type OpenedStore } from './index.js';
import type { KyselyStore } from './kysely-store.js';
import { DERIVED_TABLES } from './derived.js';
import { TABLES } from './schema.js';
import { ConflictError, ConstraintError, NotFoundError } from './types.js';

const unit = (
  id: string,
  parentId: string | null,
  pack: Unit['pack'] = null,
  kind: Unit['kind'] = 'county',
): NewRecord<'units'> => ({
  id,
  name: `单位${id}`,
  kind,
  parentId,
  pack,
});
const cadre = (id: string, managingUnitId: string, name = `干部${id}`): NewRecord<'cadres'> => ({
  id,
  name,
  gender: '女',
  birthDate: '1975-06-30',
  idNumber: null,
  category: '公务员',
  managingUnitId,
});
const post = (
  id: string,
  cadreId: string,
  unitId: string,
  role: Post['role'],
  startDate: string,
  endDate: string | null,
  extra: Partial<Post> = {},
): NewRecord<'posts'> => ({
  id,
  cadreId,
  unitId,
  role,
  title: '职务',
  partySecretary: false,
  inCharge: [],
  level: '正科',
  startDate,
  endDate,
  reason: null,
  ...extra,
});

// A small tree: 江苏 (jiangsu) ⊃ 南通 (inherits) ⊃ 如东 (rudong) ⊃ 如东检察院 (inherits rudong); 陕西; 焦作 (a
// city bound directly); and one unit bound to nothing at all.
const TREE = [
  unit('js', null, 'jiangsu', 'province'),
  unit('nt', 'js', null, 'city'),
  unit('rd', 'nt', 'rudong', 'county'),
  unit('rdjcy', 'rd', null, 'procuratorate'),
  unit('sx', null, 'shaanxi', 'province'),
  unit('jz', null, 'jiaozuo', 'city'),
  unit('free', null, null, 'province'),
];

interface Harness {
  open(): Promise<OpenedStore>;
  /** another connection to the database the last open() gave */
  second(): Promise<OpenedStore>;
  cleanup(): Promise<void>;
}

function sqliteHarness(): Harness {
  const dirs: string[] = [];
  return {
    async open() {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'sanxiang-store-'));
      dirs.push(dir);
      return openStore({ dataDir: dir });
    },
    async second() {
      return openStore({ dataDir: dirs[dirs.length - 1]! });
    },
    async cleanup() {
      for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    },
  };
}

function postgresHarness(): Harness & { setup(): Promise<void>; teardown(): Promise<void> } {
  let db: { url: string; drop(): Promise<void> } | undefined;
  return {
    async setup() {
      const server = inject('pgUrl');
      if (!server) throw new Error('no PostgreSQL server was provided to the tests (test/global-setup.ts)');
      db = await createTestDatabase(server);
    },
    async open() {
      const store = await openStore({ dataDir: '/nonexistent', databaseUrl: db!.url });
      // every test starts from an empty record
      const tables = [...Object.values(TABLES).map((t) => t.table), ...DERIVED_TABLES].map((t) => `"${t}"`).join(', ');
      await sql.raw(`truncate ${tables} cascade`).execute((store as unknown as KyselyStore).db);
      return store;
    },
    async second() {
      return openStore({ dataDir: '/nonexistent', databaseUrl: db!.url });
    },
    async cleanup() {},
    async teardown() {
      await db?.drop();
    },
  };
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`store on ${dialect}`, () => {
    const pgH = dialect === 'postgres' ? postgresHarness() : undefined;
    const h: Harness = pgH ?? sqliteHarness();
    let s: OpenedStore;

    if (pgH) {
      beforeAll(() => pgH.setup());
      afterAll(() => pgH.teardown());
    }
    beforeEach(async () => {
      s = await h.open();
      expect(s.dialect).toBe(dialect);
    });
    afterEach(async () => {
      await s.close();
      await h.cleanup();
    });

    it('creates every table with exactly the mapped columns, and a second open migrates nothing', async () => {
      const tables = await (s as unknown as KyselyStore).db.introspection.getTables();
      for (const def of Object.values(TABLES)) {
        const t = tables.find((x) => x.name === def.table);
        expect(t, def.table).toBeDefined();
        expect(t!.columns.map((c) => c.name).sort()).toEqual(def.columns.map((c) => c.column).sort());
      }
      if (dialect === 'sqlite') {
        const again = await openStore({ dataDir: path.dirname(s.location) });
        expect(again.migrationsApplied).toEqual([]);
        await again.close();
      }
    });

    it('inserts, reads, lists, counts, updates and deletes', async () => {
      await s.insertMany('units', TREE);
      const c = await s.repo('cadres').insert(cadre('c1', 'nt', '王小明'));
      expect(c.version).toBe(1);
      await s.repo('cadres').insert(cadre('c2', 'nt', '李小红'));
      await s.repo('cadres').insert(cadre('c3', 'sx', '王大明'));
      expect(await s.repo('cadres').get('c1')).toEqual({ ...cadre('c1', 'nt', '王小明'), version: 1 });
      expect(await s.repo('cadres').get('nope')).toBeUndefined();

      const ids = (rows: { id: string }[]): string[] => rows.map((r) => r.id);
      expect(ids(await s.repo('cadres').list({ where: { managingUnitId: 'nt' } }))).toEqual(['c1', 'c2']);
      expect(ids(await s.repo('cadres').list({ search: '明' }))).toEqual(['c1', 'c3']);
      expect(ids(await s.repo('cadres').list({ search: '%' }))).toEqual([]); // wildcards are literal
      expect(ids(await s.repo('cadres').list({ orderBy: '-id', limit: 2 }))).toEqual(['c3', 'c2']);
      expect(ids(await s.repo('cadres').list({ offset: 1, limit: 1 }))).toEqual(['c2']);
      expect(ids(await s.repo('cadres').list({ offset: 2 }))).toEqual(['c3']);
      expect(ids(await s.repo('units').list({ where: { parentId: null } }))).toEqual(['free', 'js', 'jz', 'sx']);
      expect(await s.repo('cadres').count({ where: { managingUnitId: 'nt' } })).toBe(2);
      expect(await s.repo('cadres').count()).toBe(3);
      await expect(s.repo('cadres').list({ where: { nosuch: 1 } })).rejects.toThrow(/unknown field/);

      const p = await s.repo('posts').insert(
        post('p1', 'c1', 'rd', 'deputy', '2020-01-01', null, {
          partySecretary: true,
          inCharge: ['production_safety', '农业'],
        }),
      );
      expect(p).toMatchObject({
        partySecretary: true,
        inCharge: ['production_safety', '农业'],
        endDate: null,
        version: 1,
      });
      expect(await s.repo('posts').list({ where: { partySecretary: true } })).toHaveLength(1);

      const u = await s.repo('cadres').update('c1', 1, { name: '王晓明', birthDate: null });
      expect(u).toMatchObject({ id: 'c1', name: '王晓明', birthDate: null, version: 2, managingUnitId: 'nt' });
      expect(await s.repo('cadres').get('c1')).toEqual(u);

      await s.repo('posts').delete('p1', 1);
      expect(await s.repo('posts').get('p1')).toBeUndefined();
    });

    it('a stale version changes nothing: ConflictError; a missing row: NotFoundError', async () => {
      await s.insertMany('units', TREE);
      await s.repo('cadres').insert(cadre('c1', 'nt'));
      await s.repo('cadres').update('c1', 1, { name: '甲' });
      await expect(s.repo('cadres').update('c1', 1, { name: '乙' })).rejects.toBeInstanceOf(ConflictError);
      await expect(s.repo('cadres').delete('c1', 1)).rejects.toBeInstanceOf(ConflictError);
      expect(await s.repo('cadres').get('c1')).toMatchObject({ name: '甲', version: 2 });
      await expect(s.repo('cadres').update('ghost', 1, { name: '乙' })).rejects.toBeInstanceOf(NotFoundError);
      await expect(s.repo('cadres').delete('ghost', 1)).rejects.toBeInstanceOf(NotFoundError);
    });

    it('two connections editing the same row: the second, stale edit is refused', async () => {
      await s.insertMany('units', TREE);
      const other = await h.second();
      try {
        const mine = await s.repo('units').get('rd');
        const theirs = await other.repo('units').get('rd');
        await other.repo('units').update('rd', theirs!.version, { name: '如东县（改）' });
        await expect(s.repo('units').update('rd', mine!.version, { name: '如东' })).rejects.toBeInstanceOf(
          ConflictError,
        );
        expect(await s.repo('units').get('rd')).toMatchObject({ name: '如东县（改）', version: 2 });
      } finally {
        await other.close();
      }
    });

    it('a transaction that throws leaves nothing behind; one that returns keeps everything', async () => {
      await s.insertMany('units', TREE);
      await expect(
        s.transaction(async (tx) => {
          await tx.repo('units').insert(unit('new', 'js'));
          await tx.insertMany('cadres', [cadre('t1', 'new'), cadre('t2', 'js')]);
          await tx.repo('units').update('js', 1, { name: '改名' });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await s.repo('units').get('new')).toBeUndefined();
      expect(await s.repo('cadres').count()).toBe(0);
      expect(await s.repo('units').get('js')).toMatchObject({ name: '单位js', version: 1 });

      const n = await s.transaction(async (tx) => {
        await tx.repo('cadres').insert(cadre('k1', 'js'));
        // a failing nested transaction undoes only its own work
        await expect(
          tx.transaction(async (inner) => {
            await inner.repo('cadres').insert(cadre('k2', 'js'));
            throw new Error('inner');
          }),
        ).rejects.toThrow('inner');
        return tx.repo('cadres').count();
      });
      expect(n).toBe(1);
      expect((await s.repo('cadres').list()).map((c) => c.id)).toEqual(['k1']);
    });

    it('rejects references to missing rows and deletes of referenced rows', async () => {
      await s.insertMany('units', TREE);
      const err = await s
        .repo('cadres')
        .insert(cadre('c1', 'nowhere'))
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConstraintError);
      expect(err).toMatchObject({ constraint: 'foreign_key', kind: 'cadres' });
      expect(await s.repo('cadres').count()).toBe(0);

      // a bulk insert with one bad row in the middle inserts none of them
      const rows = [cadre('a', 'js'), cadre('b', 'nowhere'), cadre('c', 'js')];
      await expect(s.insertMany('cadres', rows)).rejects.toMatchObject({ constraint: 'foreign_key' });
      expect(await s.repo('cadres').count()).toBe(0);

      await s.repo('cadres').insert(cadre('c1', 'jz'));
      await expect(s.repo('units').delete('jz', 1)).rejects.toMatchObject({ constraint: 'foreign_key' });
      expect(await s.repo('units').get('jz')).toBeDefined();
      await expect(s.repo('units').insert(unit('orphan', 'nowhere'))).rejects.toMatchObject({
        constraint: 'foreign_key',
      });
    });

    it('rejects duplicates: ids, one unit assessment per scheme and year, one cadre assessment per year, one regular assessment per period', async () => {
      await s.insertMany('units', TREE);
      await s.insertMany('cadres', [cadre('c1', 'js')]);
      await expect(s.repo('cadres').insert(cadre('c1', 'js'))).rejects.toMatchObject({ constraint: 'unique' });

      const ua = { unitId: 'rd', year: 2022, scheme: 'comprehensive' as const, grade: '一', score: 95.5, rank: 1 };
      await s.repo('unitAssessments').insert({ id: 'ua1', ...ua });
      await s.repo('unitAssessments').insert({ id: 'ua2', ...ua, scheme: 'target', grade: '优秀' });
      await s.repo('unitAssessments').insert({ id: 'ua3', ...ua, year: 2023 });
      await expect(s.repo('unitAssessments').insert({ id: 'ua4', ...ua, grade: '二' })).rejects.toMatchObject({
        constraint: 'unique',
      });
      expect(await s.repo('unitAssessments').get('ua1')).toMatchObject({ score: 95.5, rank: 1, year: 2022 });

      const ca = {
        cadreId: 'c1',
        year: 2022,
        grade: '优秀' as const,
        votesExcellent: 30,
        votesCompetent: 5,
        votesBasic: 0,
        votesIncompetent: 0,
      };
      await s.repo('cadreAssessments').insert({ id: 'ca1', ...ca });
      await expect(
        s.insertMany('cadreAssessments', [
          { id: 'ca2', ...ca, year: 2023 },
          { id: 'ca3', ...ca },
        ]),
      ).rejects.toMatchObject({ constraint: 'unique' });
      expect(await s.repo('cadreAssessments').count()).toBe(1);

      await s.repo('regularAssessments').insert({ id: 'r1', cadreId: 'c1', period: '2022Q1', grade: '好' });
      await s.repo('regularAssessments').insert({ id: 'r2', cadreId: 'c1', period: '2022Q2', grade: '好' });
      await expect(
        s.repo('regularAssessments').insert({ id: 'r3', cadreId: 'c1', period: '2022Q1', grade: '一般' }),
      ).rejects.toMatchObject({ constraint: 'unique' });
    });

    it('stats: each unit counts for its own binding or its nearest ancestor’s; cadres for their managing unit’s pack', async () => {
      await s.insertMany('units', TREE);
      await s.insertMany('cadres', [
        cadre('a', 'js'),
        cadre('b', 'nt'),
        cadre('c', 'rd'),
        cadre('d', 'rdjcy'),
        cadre('e', 'rdjcy'),
        cadre('f', 'sx'),
        cadre('g', 'free'),
      ]);
      expect(await s.stats()).toEqual({
        jiangsu: { units: 2, cadres: 2 },
        rudong: { units: 2, cadres: 3 },
        shaanxi: { units: 1, cadres: 1 },
        jiaozuo: { units: 1, cadres: 0 },
        anhui: { units: 0, cadres: 0 },
      });
    });

    it('loadFacts: the post held on the date (start inclusive, end exclusive), the leading one of several, else staff of the managing unit', async () => {
      await s.insertMany('units', TREE);
      await s.insertMany('cadres', [cadre('c1', 'nt'), cadre('c2', 'js'), cadre('c3', 'sx'), cadre('c4', 'jz')]);
      await s.insertMany('posts', [
        // c1: principal of 如东 until 2021-03-01 (the end day is no longer in post), deputy in 如东检察院 from
        // that day; a principal that wrongly lasted through its end date would outrank the new post
        post('p1', 'c1', 'rd', 'principal', '2018-01-01', '2021-03-01', {
          inCharge: ['production_safety'],
          level: '正处',
          partySecretary: true,
        }),
        post('p2', 'c1', 'rdjcy', 'deputy', '2021-03-01', null, { level: '副处' }),
        // c2: two posts at once: member and principal; principal leads whichever comes first
        post('p3', 'c2', 'nt', 'member', '2019-01-01', null),
        post('p4', 'c2', 'rd', 'principal', '2020-01-01', null),
        // c3: a post that starts after the date
        post('p5', 'c3', 'sx', 'deputy', '2022-01-01', null),
      ]);
      const byId = async (asOf: string) => new Map((await s.loadFacts(asOf)).cadres.map((c) => [c.id, c]));

      let f = await byId('2021-02-28');
      expect(f.get('c1')).toEqual({
        id: 'c1',
        name: '干部c1',
        unit: 'rd',
        post: 'principal',
        level: '正处',
        partySecretary: true,
        inCharge: ['production_safety'],
        category: '公务员',
      });
      f = await byId('2021-03-01');
      expect(f.get('c1')).toMatchObject({
        unit: 'rdjcy',
        post: 'deputy',
        level: '副处',
        partySecretary: false,
        inCharge: [],
      });
      expect(f.get('c2')).toMatchObject({ unit: 'rd', post: 'principal' });
      expect(f.get('c3')).toEqual({ id: 'c3', name: '干部c3', unit: 'sx', post: 'staff', category: '公务员' });
      expect(f.get('c4')).toMatchObject({ unit: 'jz', post: 'staff' });
      f = await byId('2019-06-01');
      expect(f.get('c2')).toMatchObject({ unit: 'nt', post: 'member' });
      expect(f.get('c1')).toMatchObject({ unit: 'rd', post: 'principal' });
      f = await byId('2017-12-31');
      expect(f.get('c1')).toMatchObject({ unit: 'nt', post: 'staff' });
      f = await byId('2022-01-01');
      expect(f.get('c3')).toMatchObject({ unit: 'sx', post: 'deputy' });
      expect(f.size).toBe(4);

      // tiny pages: a cadre's posts must never be split between pages, nor a cadre lost or repeated
      for (const inProcess of [false, true]) {
        const small = await loadFacts(s as unknown as KyselyStore, '2021-03-01', { page: 1, inProcess });
        expect(small.units).toHaveLength(TREE.length);
        expect(small.cadres.map((c) => [c.id, c.post]).sort()).toEqual([
          ['c1', 'deputy'],
          ['c2', 'principal'],
          ['c3', 'staff'],
          ['c4', 'staff'],
        ]);
      }
      await expect(s.loadFacts('2021-3-1')).rejects.toThrow(/YYYY-MM-DD/);
    });

    it('loadFacts maps the rest of the record one to one', async () => {
      await s.insertMany('units', TREE);
      await s.insertMany('cadres', [cadre('c1', 'rd')]);
      await s.insertMany('unitAssessments', [
        { id: 'ua1', unitId: 'rd', year: 2022, scheme: 'comprehensive', grade: '一', score: null, rank: 3 },
      ]);
      await s.insertMany('cadreAssessments', [
        {
          id: 'ca1',
          cadreId: 'c1',
          year: 2022,
          grade: '优秀',
          votesExcellent: 20,
          votesCompetent: 9,
          votesBasic: 1,
          votesIncompetent: 0,
        },
        {
          id: 'ca2',
          cadreId: 'c1',
          year: 2023,
          grade: null,
          votesExcellent: null,
          votesCompetent: null,
          votesBasic: null,
          votesIncompetent: null,
        },
      ]);
      await s.insertMany('regularAssessments', [{ id: 'r1', cadreId: 'c1', period: '2023Q2', grade: '较差' }]);
      await s.insertMany('honors', [
        {
          id: 'h1',
          subjectType: 'unit',
          subjectId: 'rd',
          date: '2023-05-04',
          conferredBy: 'provincial',
          title: '先进集体',
        },
      ]);
      await s.insertMany('incidents', [
        {
          id: 'i1',
          unitId: 'rd',
          date: '2023-07-01',
          category: 'production_safety',
          severity: '较大',
          description: '某事故',
        },
      ]);
      await s.insertMany('determinations', [
        {
          id: 'd1',
          subjectType: 'cadre',
          subjectId: 'c1',
          date: '2023-08-01',
          kind: 'inaction',
          clause: '第八条（三）',
          note: null,
        },
      ]);
      await s.insertMany('sanctions', [{ id: 's1', cadreId: 'c1', date: '2023-09-01', kind: '警告', reason: '违纪' }]);
      await s.insertMany('accountability', [
        { id: 'm1', cadreId: 'c1', date: '2023-09-02', kind: '诫勉', reason: null },
      ]);
      await s.insertMany('adjustments', [
        { id: 'a1', cadreId: 'c1', date: '2023-10-01', method: '降职', ruleId: 'shaanxi/adjustment/8.3', reason: null },
      ]);
      await s.insertMany('toleranceRequests', [
        {
          id: 't1',
          subjectType: 'cadre',
          subjectId: 'c1',
          date: '2023-11-01',
          situation: '6.4',
          findings: { collectiveDecision: true, knowingly: false },
          statement: '推进重点项目中出现失误',
        },
        {
          id: 't2',
          subjectType: 'unit',
          subjectId: 'rd',
          date: '2024-01-01',
          situation: '3.2.4',
          findings: {},
          statement: null,
        },
        // filed after the date the facts are for: not yet known then
        {
          id: 't3',
          subjectType: 'cadre',
          subjectId: 'c1',
          date: '2024-01-02',
          situation: '6.1',
          findings: {},
          statement: null,
        },
      ]);
      expect(await s.repo('toleranceRequests').get('t1')).toEqual({
        id: 't1',
        version: 1,
        subjectType: 'cadre',
        subjectId: 'c1',
        date: '2023-11-01',
        situation: '6.4',
        findings: { collectiveDecision: true, knowingly: false },
        statement: '推进重点项目中出现失误',
      });
      expect(await s.repo('toleranceRequests').list({ where: { subjectId: 'c1' } })).toHaveLength(2);

      const f = await s.loadFacts('2024-01-01');
      expect(f.units.find((u) => u.id === 'rd')).toEqual({
        id: 'rd',
        name: '单位rd',
        kind: 'county',
        parent: 'nt',
        pack: 'rudong',
      });
      expect(f.units.find((u) => u.id === 'nt')).toEqual({ id: 'nt', name: '单位nt', kind: 'city', parent: 'js' });
      expect(f.unitAssessments).toEqual([{ unit: 'rd', year: 2022, scheme: 'comprehensive', grade: '一', rank: 3 }]);
      expect(f.cadreAssessments).toEqual([
        { cadre: 'c1', year: 2022, grade: '优秀', votes: { excellent: 20, competent: 9, basic: 1, incompetent: 0 } },
        { cadre: 'c1', year: 2023 },
      ]);
      expect(f.regularAssessments).toEqual([{ cadre: 'c1', period: '2023Q2', grade: '较差' }]);
      expect(f.honors).toEqual([{ subject: 'rd', date: '2023-05-04', conferredBy: 'provincial', title: '先进集体' }]);
      expect(f.incidents).toEqual([
        { unit: 'rd', date: '2023-07-01', category: 'production_safety', severity: '较大' },
      ]);
      expect(f.determinations).toEqual([
        { subject: 'c1', date: '2023-08-01', kind: 'inaction', clause: '第八条（三）' },
      ]);
      expect(f.sanctions).toEqual([{ cadre: 'c1', date: '2023-09-01', kind: '警告' }]);
      expect(f.adjustments).toEqual([{ cadre: 'c1', date: '2023-10-01', method: '降职' }]);
      expect(f.toleranceRequests).toEqual([
        {
          id: 't1',
          subject: 'c1',
          date: '2023-11-01',
          situation: '6.4',
          findings: { collectiveDecision: true, knowingly: false },
        },
        { id: 't2', subject: 'rd', date: '2024-01-01', situation: '3.2.4', findings: {} },
      ]);

      // inside a transaction the facts include its own uncommitted writes
      await s.transaction(async (tx) => {
        await tx.repo('cadres').insert(cadre('c9', 'js'));
        expect((await tx.loadFacts('2024-01-01')).cadres.map((c) => c.id)).toEqual(['c1', 'c9']);
      });
    });

    it('iterate pages through every row once, in id order; insertMany round-trips across chunk boundaries', async () => {
      await s.insertMany('units', TREE);
      const many: NewRecord<'cadres'>[] = [];
      for (let i = 0; i < 1234; i++)
        many.push({ ...cadre(`c${String(i).padStart(4, '0')}`, i % 2 ? 'js' : 'rd'), gender: i % 3 ? '男' : null });
      // characters that array literals, JSON and SQL quote specially must come back unchanged
      many[7] = { ...many[7]!, name: `引号"单'引\\反斜杠{大括号},逗号`, idNumber: 'NULL' };
      await s.insertMany('cadres', many);
      const posts = many.map((c, i) =>
        post(`p${i}`, c.id, 'nt', 'staff', '2020-01-01', i % 2 ? null : '2030-01-01', {
          inCharge: i % 5 ? [] : ['环保', `x${i}`],
          partySecretary: i % 7 === 0,
        }),
      );
      await s.insertMany('posts', posts);

      const sizes: number[] = [];
      const seen: string[] = [];
      for await (const page of s.repo('cadres').iterate(500)) {
        sizes.push(page.length);
        seen.push(...page.map((c) => c.id));
      }
      expect(sizes).toEqual([500, 500, 234]);
      expect(seen).toEqual(many.map((c) => c.id));
      expect(await s.repo('cadres').get('c0003')).toEqual({ ...many[3], version: 1 } as Cadre);
      expect(await s.repo('posts').get('p35')).toEqual({ ...posts[35], version: 1 });
      expect(await s.repo('cadres').get('c0007')).toEqual({ ...many[7], version: 1 });
      expect((await s.repo('cadres').get('c0007'))!.name).toBe('引号"单\'引\\反斜杠{大括号},逗号');

      const found = await s.existingIds('cadres', ['c0001', 'zzz', 'c1233', 'c0001']);
      expect([...found].sort()).toEqual(['c0001', 'c1233']);
      const pages: number[] = [];
      for await (const page of s.repo('honors').iterate()) pages.push(page.length);
      expect(pages).toEqual([]);
    });
  });
}
