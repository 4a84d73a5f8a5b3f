// The cadre roster (GET /api/cadres) as the 数据管理 page uses it: every filter, the current post shown on each
// row, the total and the paging — checked against answers worked out here from the stored rows, not through the
// server's SQL (which goes through the store's derived tables: the unit closure, the search index, current posts,
// the counts), on SQLite and on PostgreSQL (whose queries differ: roster.ts).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Cadre, Post } from '../../src/domain/entities.js';
import { CADRE_CATEGORIES, LEVELS, POST_ROLES } from '../../src/domain/vocabulary.js';
import { rosterTuning } from '../../src/server/roster.js';
import { createTestDatabase } from '../pg-harness.js';
import { loggedIn, startServer, subtreeIds, unitIdByName, type Client, type TestServer } from './harness.js';

interface Item {
  id: string;
  name: string;
  category: string;
  managingUnitId: string;
  postTitle: string | null;
  role: string | null;
  level: string | null;
  postUnitId: string | null;
}

let srv: TestServer;
let province: Client;
let city: Client;
let cadres: Cadre[];
let current: Map<string, Post>;
let nantong: Set<string>;

/** The roster's rule for the current post: open, the latest started, ties by the smaller id. */
function currentPosts(posts: Post[]): Map<string, Post> {
  const out = new Map<string, Post>();
  for (const p of posts) {
    if (p.endDate !== null) continue;
    const q = out.get(p.cadreId);
    if (!q || p.startDate > q.startDate || (p.startDate === q.startDate && p.id < q.id)) out.set(p.cadreId, p);
  }
  return out;
}

async function all(client: Client, query: string): Promise<{ total: number; items: Item[] }> {
  const r = await client.get(`/api/cadres?limit=500&${query}`);
  expect(r.status, query).toBe(200);
  return r.body as { total: number; items: Item[] };
}

const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const zh = new Intl.Collator('zh-CN');
const rank = (list: readonly string[], v: string | null | undefined) => (v && list.includes(v) ? list.indexOf(v) : 99);

/** The roster's orders worked out here from the stored record (roster.ts ROSTER_SORTS), ascending. */
function orderOf(sort: string, unitNames: Map<string, string>): (a: Cadre, b: Cadre) => number {
  const role = (c: Cadre) => rank(POST_ROLES, current.get(c.id)?.role);
  const level = (c: Cadre) => rank(LEVELS, current.get(c.id)?.level);
  const position = (a: Cadre, b: Cadre) => role(a) - role(b) || level(a) - level(b) || byId(a.id, b.id);
  switch (sort) {
    case 'name':
      return (a, b) => zh.compare(a.name, b.name) || byId(a.id, b.id);
    case 'level':
      return (a, b) => level(a) - level(b) || role(a) - role(b) || byId(a.id, b.id);
    case 'category':
      return (a, b) => rank(CADRE_CATEGORIES, a.category) - rank(CADRE_CATEGORIES, b.category) || position(a, b);
    case 'unit':
      return (a, b) =>
        zh.compare(unitNames.get(a.managingUnitId)!, unitNames.get(b.managingUnitId)!) ||
        byId(a.managingUnitId, b.managingUnitId) ||
        position(a, b);
    default:
      return position;
  }
}
const sorted = (xs: string[]) => [...xs].sort();

for (const engine of ['sqlite', 'postgres'] as const)
  describe(`the cadre roster on ${engine}`, () => {
    let db: { url: string; drop(): Promise<void> } | undefined;
    beforeAll(async () => {
      if (engine === 'postgres') db = await createTestDatabase(inject('pgUrl'));
      srv = await startServer({ cadres: 200, ...(db ? { databaseUrl: db.url } : {}) });
      province = await loggedIn(srv.base, 'org_officer');
      city = await loggedIn(srv.base, 'city_org');
      current = currentPosts(await srv.store.repo('posts').list({ limit: 100_000 }));
      // in the roster's default order, 按职务次序: every expected list below is a filter of it
      cadres = (await srv.store.repo('cadres').list({ limit: 100_000 })).sort(orderOf('position', new Map()));
      nantong = await subtreeIds(srv.store, await unitIdByName(srv.store, '南通市'));
    });
    afterAll(async () => {
      await srv?.close();
      await db?.drop();
    });

    it('lists every cadre in scope leaders first (按职务次序), each with its current post', async () => {
      const r = await all(province, '');
      expect(r.total).toBe(cadres.length);
      expect(ids(r.items)).toEqual(ids(cadres));
      let withPost = 0;
      for (const item of r.items) {
        const p = current.get(item.id);
        if (p) withPost++;
        expect([item.postTitle, item.role, item.level, item.postUnitId], item.id).toEqual(
          p ? [p.title, p.role, p.level, p.unitId] : [null, null, null, null],
        );
      }
      expect(withPost).toBeGreaterThan(cadres.length / 2);
      expect(r.items[0]!.role).toBe('principal');
    });

    it('sorts the whole filtered list by name, level, category, unit or position, either way, before paging', async () => {
      const unitNames = new Map(
        (await srv.store.repo('units').list({ limit: 100_000 })).map((u) => [u.id, u.name] as const),
      );
      const nantongId = await unitIdByName(srv.store, '南通市');
      const category = cadres[0]!.category;
      for (const sort of ['position', 'name', 'level', 'category', 'unit'])
        for (const order of ['asc', 'desc'] as const)
          for (const [filter, keep] of [
            ['', () => true],
            [`unitId=${nantongId}`, (c: Cadre) => nantong.has(c.managingUnitId)],
            [`category=${encodeURIComponent(category)}`, (c: Cadre) => c.category === category],
          ] as const) {
            const asc = cadres.filter(keep).sort(orderOf(sort, unitNames));
            const want = ids(order === 'asc' ? asc : asc.reverse());
            const query = `sort=${sort}&order=${order}&${filter}`;
            expect(ids((await all(province, query)).items), query).toEqual(want);
            // page 2 of 7 is the 8th to 14th of the whole list, not a sort of some page
            const page = await province.get(`/api/cadres?limit=7&offset=7&${query}`);
            expect(ids(page.body.items as Item[]), query).toEqual(want.slice(7, 14));
          }
      // a search, sorted by name, whether its matches count as few or as many
      const surname = Array.from(cadres[0]!.name)[0]!;
      const want = ids(
        cadres
          .filter((c) => c.name.includes(surname) || (current.get(c.id)?.title ?? '').includes(surname))
          .sort(orderOf('name', unitNames)),
      );
      const saved = rosterTuning.fewMatches;
      try {
        for (const few of [saved, 0]) {
          rosterTuning.fewMatches = few;
          const r = await all(province, `search=${encodeURIComponent(surname)}&sort=name`);
          expect(ids(r.items), `few≤${few}`).toEqual(want);
        }
      } finally {
        rosterTuning.fewMatches = saved;
      }
    });

    it('keeps the name and unit orders when a cadre or a unit is renamed', async () => {
      const repo = srv.store.repo('cadres');
      const last = (await all(province, 'sort=name&order=desc')).items[0]!;
      const first = cadres.find((c) => c.id !== last.id)!;
      const saved = await repo.get(first.id);
      const renamed = await repo.update(first.id, saved!.version, { name: '左左' });
      try {
        expect((await all(province, 'sort=name&order=desc')).items[0]!.id).toBe(first.id);
      } finally {
        await repo.update(first.id, renamed.version, { name: saved!.name });
      }
      const units = srv.store.repo('units');
      const u = await units.get(first.managingUnitId);
      const moved = await units.update(u!.id, u!.version, { name: '阿阿单位' });
      try {
        expect((await all(province, 'sort=unit')).items[0]!.managingUnitId).toBe(u!.id);
      } finally {
        await units.update(u!.id, moved.version, { name: u!.name });
      }
    });

    it('filters by post, level, category and unit exactly as the stored record says', async () => {
      const role = [...current.values()][0]!.role;
      const level = [...current.values()][0]!.level;
      const category = cadres[0]!.category;
      const expectFilter = async (query: string, keep: (c: Cadre) => boolean) => {
        const r = await all(province, query);
        const want = ids(cadres.filter(keep));
        expect(want.length, query).toBeGreaterThan(0);
        expect(r.total, query).toBe(want.length);
        expect(ids(r.items), query).toEqual(want);
      };
      await expectFilter(`post=${role}`, (c) => current.get(c.id)?.role === role);
      await expectFilter(`level=${encodeURIComponent(level)}`, (c) => current.get(c.id)?.level === level);
      await expectFilter(`category=${encodeURIComponent(category)}`, (c) => c.category === category);
      const nantongId = await unitIdByName(srv.store, '南通市');
      await expectFilter(`unitId=${nantongId}`, (c) => nantong.has(c.managingUnitId));
      await expectFilter(
        `unitId=${nantongId}&category=${encodeURIComponent(category)}&post=${role}`,
        (c) => nantong.has(c.managingUnitId) && c.category === category && current.get(c.id)?.role === role,
      );
    });

    it("refuses a filter, sort or order value outside the record's vocabularies, naming the field", async () => {
      for (const [field, value] of [
        ['category', '事业单位人员'],
        ['post', '正职'],
        ['level', '正局'],
        ['sort', 'id'],
        ['order', 'up'],
      ]) {
        const r = await province.get(`/api/cadres?${field}=${encodeURIComponent(value!)}`);
        expect(r.status, field).toBe(400);
        expect(String(r.body.field), field).toContain(field!);
        expect(String(r.body.reason_zh), field).toContain('取值不在允许范围内');
      }
    });

    it('searches any part of a name or of the current post title, and an id', async () => {
      const matches = (text: string) => (c: Cadre) =>
        c.name.includes(text) || (current.get(c.id)?.title ?? '').includes(text) || c.id === text;
      const long = cadres.find((c) => Array.from(c.name).length >= 3)!;
      const title = [...current.values()].find((p) => Array.from(p.title).length >= 4)!.title;
      for (const text of [
        Array.from(cadres[0]!.name)[0]!, // a surname: one character
        Array.from(long.name).slice(1).join(''), // a given name: two characters or more
        long.name, // a whole name
        Array.from(title).slice(1, 4).join(''), // three characters from inside a title
        cadres[5]!.id,
      ]) {
        const r = await all(province, `search=${encodeURIComponent(text)}`);
        const want = ids(cadres.filter(matches(text)));
        expect(want.length, text).toBeGreaterThan(0);
        expect(ids(r.items), text).toEqual(want);
        expect(r.total, text).toBe(want.length);
      }
      // an ended post's title no longer finds its holder
      const ended = (await srv.store.repo('posts').list({ limit: 100_000 })).find(
        (p) => p.endDate !== null && ![...current.values()].some((q) => q.title.includes(p.title)),
      );
      if (ended) expect((await all(province, `search=${encodeURIComponent(ended.title)}`)).total).toBe(0);
    });

    it('gives the same pages of a short search whether its matches count as few or as many', async () => {
      // SQLite reads few matches by unit and sorts them, many in id order (roster.ts); with 200 cadres every search
      // is "few" unless the threshold says otherwise
      const inCity = cadres.filter((c) => nantong.has(c.managingUnitId));
      const answers: string[][] = [];
      const saved = rosterTuning.fewMatches;
      try {
        for (const few of [saved, 0]) {
          rosterTuning.fewMatches = few;
          const got: string[] = [];
          for (const [client, pool] of [
            [province, cadres],
            [city, inCity],
          ] as const) {
            // the commonest surname of the pool, so that there are pages to take
            const counts = new Map<string, number>();
            for (const c of pool) counts.set(Array.from(c.name)[0]!, (counts.get(Array.from(c.name)[0]!) ?? 0) + 1);
            const text = [...counts].sort((x, y) => y[1] - x[1])[0]![0];
            const want = ids(
              pool.filter((c) => c.name.includes(text) || (current.get(c.id)?.title ?? '').includes(text)),
            );
            for (const offset of [0, 3]) {
              expect(want.length, text).toBeGreaterThan(offset + 3);
              const r = await client.get(`/api/cadres?limit=3&offset=${offset}&search=${encodeURIComponent(text)}`);
              expect([r.body.total, ids(r.body.items)], `${text} ${offset} few≤${few}`).toEqual([
                want.length,
                want.slice(offset, offset + 3),
              ]);
              got.push(ids(r.body.items).join());
            }
          }
          answers.push(got);
        }
      } finally {
        rosterTuning.fewMatches = saved;
      }
      expect(answers[0]).toEqual(answers[1]);
    });

    it('stays within the scope of a city account, also when searching', async () => {
      const inCity = cadres.filter((c) => nantong.has(c.managingUnitId));
      const r = await all(city, '');
      expect(r.total).toBe(inCity.length);
      expect(ids(r.items)).toEqual(ids(inCity));
      const surname = Array.from(inCity[0]!.name)[0]!;
      const found = await all(city, `search=${encodeURIComponent(surname)}`);
      expect(sorted(ids(found.items))).toEqual(
        sorted(
          ids(inCity.filter((c) => c.name.includes(surname) || (current.get(c.id)?.title ?? '').includes(surname))),
        ),
      );
      const outside = cadres.find((c) => !nantong.has(c.managingUnitId))!;
      expect((await all(city, `search=${encodeURIComponent(outside.name)}`)).items.map((i) => i.id)).not.toContain(
        outside.id,
      );
    });

    it('searches within a unit and pages a search; finds a short id; counts and finds a cadre moved into the city', async () => {
      const nantongId = await unitIdByName(srv.store, '南通市');
      const matches = (text: string) => (c: Cadre) =>
        c.name.includes(text) || (current.get(c.id)?.title ?? '').includes(text) || c.id === text;
      const surname = Array.from(cadres.find((c) => nantong.has(c.managingUnitId))!.name)[0]!;
      const want = ids(cadres.filter((c) => nantong.has(c.managingUnitId) && matches(surname)(c)));
      for (const [client, query] of [
        [province, `unitId=${nantongId}&search=${encodeURIComponent(surname)}`],
        [city, `search=${encodeURIComponent(surname)}`],
        [city, `unitId=${nantongId}&search=${encodeURIComponent(surname)}`],
      ] as const) {
        const r = await all(client, query);
        expect([r.total, ids(r.items)], query).toEqual([want.length, want]);
        const paged: string[] = [];
        for (let offset = 0; offset < want.length; offset += 2) {
          const page = await client.get(`/api/cadres?limit=2&offset=${offset}&${query}`);
          expect(page.body.total, query).toBe(want.length);
          paged.push(...ids(page.body.items as Item[]));
        }
        expect(paged, query).toEqual(want);
      }
      // a cadre whose id is two characters: found by it, within the scope only, and by the city once moved there
      const outside = cadres.find((c) => !nantong.has(c.managingUnitId))!;
      const repo = srv.store.repo('cadres');
      const totals = async () => [(await all(province, '')).total, (await all(city, '')).total];
      const [provinceTotal, cityTotal] = (await totals()) as [number, number];
      const x = await repo.insert({ ...outside, id: 'x9', name: '测试' });
      try {
        expect(await totals()).toEqual([provinceTotal + 1, cityTotal]);
        expect(ids((await all(province, 'search=x9')).items)).toEqual(['x9']);
        expect(await all(city, 'search=x9')).toEqual({ total: 0, items: [] });
        const moved = await repo.update('x9', x.version, { managingUnitId: nantongId });
        expect(await totals()).toEqual([provinceTotal + 1, cityTotal + 1]);
        const byCategory = await all(city, `category=${encodeURIComponent(x.category)}`);
        expect(byCategory.total).toBe(byCategory.items.length);
        expect(ids(byCategory.items)).toContain('x9');
        expect(ids((await all(city, 'search=x9')).items)).toEqual(['x9']);
        expect(ids((await all(city, `search=${encodeURIComponent('测')}`)).items)).toContain('x9');
        await repo.delete('x9', moved.version);
      } finally {
        if (await repo.get('x9')) await repo.delete('x9', (await repo.get('x9'))!.version);
      }
      expect(await all(province, 'search=x9')).toEqual({ total: 0, items: [] });
      expect(await totals()).toEqual([provinceTotal, cityTotal]);
    });

    it('pages: pages of 20 put together are the whole list, and a page past the end is empty with the total', async () => {
      const seen: string[] = [];
      for (let offset = 0; offset < cadres.length; offset += 20) {
        const r = await province.get(`/api/cadres?limit=20&offset=${offset}`);
        expect(r.body.total).toBe(cadres.length);
        seen.push(...ids(r.body.items as Item[]));
      }
      expect(seen).toEqual(ids(cadres));
      const past = await province.get(`/api/cadres?limit=20&offset=${cadres.length + 40}`);
      expect(past.body).toEqual({ total: cadres.length, items: [] });
    });
  });
