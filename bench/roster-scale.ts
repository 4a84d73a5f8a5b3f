// The roster at scale (issue 4): `roster()` in-process on a generated record, mean of N calls per filter, as the
// 数据管理 page asks for it — province-wide (an account with no unit) and within 南通市.
//   npx tsx bench/roster-scale.ts [--data bench/out/big] [--calls 20]
// SANXIANG_DATABASE_URL selects PostgreSQL (a record generated there by bench/generate.ts), as for the CLI.
// Opening the store migrates it first: the time printed first is that upgrade (0 on a current record).
import { parseArgs } from 'node:util';
import { openStore, storeOptionsFromEnv } from '../src/store/index.js';
import { roster, type RosterFilters } from '../src/server/roster.js';
import { dbOf } from '../src/server/context.js';

const { values } = parseArgs({
  options: { data: { type: 'string', default: 'bench/out/big' }, calls: { type: 'string', default: '20' } },
});
const calls = Number(values.calls);
const t0 = performance.now();
const store = await openStore(storeOptionsFromEnv(values.data!));
const migrated = process.cpuUsage();
console.log(
  `open + migrate: ${((performance.now() - t0) / 1000).toFixed(1)} s (process CPU ${((migrated.user + migrated.system) / 1e6).toFixed(1)} s)`,
);
try {
  const city = await dbOf(store).selectFrom('units').select('id').where('name', '=', '南通市').executeTakeFirst();
  if (!city) throw new Error('no unit 南通市 in this record (generate it with bench/generate.ts)');
  const province = { role: 'org_officer' as const, unitId: null, cadreId: null };
  const nantong = { role: 'org_officer' as const, unitId: String(city.id), cadreId: null };
  const cases: [string, typeof province | typeof nantong, RosterFilters][] = [
    ['province first page', province, { limit: 20 }],
    ['province page of 50 at offset 400', province, { limit: 50, offset: 400 }],
    ['province category 公务员', province, { category: '公务员', limit: 20 }],
    ['province category 事业, offset 60', province, { category: '事业', limit: 20, offset: 60 }],
    ['province search 王', province, { search: '王', limit: 20 }],
    ['province current post level 正处', province, { level: '正处', limit: 20 }],
    ['南通市 first page', nantong, { limit: 20 }],
    ['南通市 offset 100', nantong, { limit: 20, offset: 100 }],
    ['南通市 search 王', nantong, { search: '王', limit: 20 }],
    ['南通市 category 公务员', nantong, { category: '公务员', limit: 20 }],
    ['province, unit filter 南通市', province, { unitId: String(city.id), limit: 20 }],
    // sorted over the whole filtered list (the default is 按职务次序)
    ['province sorted by name', province, { sort: 'name', limit: 20 }],
    [
      'province sorted by name, descending, offset 400',
      province,
      { sort: 'name', order: 'desc', limit: 50, offset: 400 },
    ],
    ['province sorted by level', province, { sort: 'level', limit: 20 }],
    ['province sorted by category', province, { sort: 'category', limit: 20 }],
    ['province sorted by unit', province, { sort: 'unit', limit: 20 }],
    ['province category 公务员 sorted by name', province, { category: '公务员', sort: 'name', limit: 20 }],
    ['province search 王 sorted by name', province, { search: '王', sort: 'name', limit: 20 }],
    ['南通市 sorted by name', nantong, { sort: 'name', limit: 20 }],
    ['南通市 sorted by unit', nantong, { sort: 'unit', limit: 20 }],
    ['南通市 search 王 sorted by name', nantong, { search: '王', sort: 'name', limit: 20 }],
  ];
  for (const [name, who, f] of cases) {
    let r = await roster(store, who, f); // first call: statements prepared, pages cached
    const t = performance.now();
    for (let i = 0; i < calls; i++) r = await roster(store, who, f);
    const ms = (performance.now() - t) / calls;
    console.log(`${name}: ${ms.toFixed(2)} ms (total ${r.total}, ${r.items.length} rows)`);
  }
} finally {
  await store.close();
}
