// Per-rule CPU profile of the whole-record scan: which rules cost the most (rule by rule, so slower than the scan).
//   npx tsx bench/rule-profile.ts --data bench/out/big [--as-of 2026-11-01] [--top 30]
import { parseArgs } from 'node:util';
import { packRegistry } from '../src/packs/index.js';
import { evaluateIndexed } from '../src/policy/engine.js';
import { FactIndex } from '../src/policy/fact-index.js';
import { openStore } from '../src/store/index.js';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: 'bench/out/big' },
    'as-of': { type: 'string', default: '2026-11-01' },
    top: { type: 'string', default: '30' },
  },
});
const store = await openStore({ dataDir: args.data! });
const idx = new FactIndex(await store.loadFacts(args['as-of']!));
await store.close();
const profile = new Map<string, number>();
evaluateIndexed(packRegistry(), idx, { asOf: args['as-of']!, profile });
const total = [...profile.values()].reduce((a, b) => a + b, 0);
console.log(`total ${total.toFixed(0)} ms over ${profile.size} rules`);
for (const [id, ms] of [...profile].sort((a, b) => b[1] - a[1]).slice(0, Number(args.top)))
  console.log(`${ms.toFixed(0).padStart(7)} ms  ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${id}`);
