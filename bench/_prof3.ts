import { openStore } from '../src/store/index.js';
import { packRegistry } from '../src/packs/index.js';
import { evaluate } from '../src/policy/engine.js';
import { FactIndex } from '../src/policy/fact-index.js';
const s = await openStore({ dataDir: process.argv[2]! });
let c0 = process.cpuUsage();
const facts = await s.loadFacts('2026-11-01');
const cpu = () => { const c = process.cpuUsage(c0); c0 = process.cpuUsage(); return ((c.user + c.system) / 1000).toFixed(0); };
console.log('load cpu ms', cpu(), 'cadres', facts.cadres.length);
const idx = new FactIndex(facts);
console.log('index cpu ms', cpu());
const profile = new Map<string, number>();
for (let i = 0; i < 2; i++) {
  profile.clear();
  const ev = evaluate(packRegistry(), idx as never, { asOf: '2026-11-01', profile });
  console.log('eval cpu ms', cpu(), 'findings', ev.findings.length);
}
console.log([...profile].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${k} ${v.toFixed(1)}`).join('\n'));
await s.close();
