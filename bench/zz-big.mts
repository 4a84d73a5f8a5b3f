// scratch: migrate the 1M record and time the roster in-process (mean of 20)
import { openStore } from '../src/store/index.js';
import { roster } from '../src/server/roster.js';
import { dbOf } from '../src/server/context.js';
const dir = process.argv[2] ?? 'bench/out/big';
const t0 = performance.now();
const store = await openStore({ dataDir: dir });
console.log('open+migrate', ((performance.now() - t0) / 1000).toFixed(1), 's');
const db = dbOf(store);
const nt = (await db.selectFrom('units').select('id').where('name', '=', '南通市').executeTakeFirst())!.id as string;
const prov = { role: 'org_officer' as const, unitId: null, cadreId: null };
const city = { role: 'org_officer' as const, unitId: nt, cadreId: null };
const cases: [string, any, any][] = [
  ['province first page', prov, { limit: 20 }],
  ['province page 50 offset 400', prov, { limit: 50, offset: 400 }],
  ['province category 公务员', prov, { category: '公务员', limit: 20 }],
  ['province category 事业', prov, { category: '事业', limit: 20, offset: 60 }],
  ['province search 王', prov, { search: '王', limit: 20 }],
  ['province post level 正处', prov, { level: '正处', limit: 20 }],
  ['city first page', city, { limit: 20 }],
  ['city page offset 100', city, { limit: 20, offset: 100 }],
  ['city search 王', city, { search: '王', limit: 20 }],
  ['city category 公务员', city, { category: '公务员', limit: 20 }],
  ['city unit filter (city itself)', prov, { unitId: nt, limit: 20 }],
];
for (const [name, u, f] of cases) {
  let r = await roster(store, u, f);
  const t = performance.now();
  for (let i = 0; i < 20; i++) r = await roster(store, u, f);
  console.log(`${name}: ${((performance.now() - t) / 20).toFixed(2)} ms (total ${r.total}, ${r.items.length} rows)`);
}
await store.close();
