// The full-record scan benchmark (issue 3 item 5, DESIGN §7): load the record from the database, index it, evaluate
// every rule of every pack over every subject, and compare a rule subset with json-rules-engine on the same facts.
//
//   npx tsx bench/policy-scan.ts --data bench/out/big [--as-of 2026-11-01] [--jre-sample 100000]
//
// Run it on a quiet machine; it prints a JSON summary (also written to bench/out/policy-scan.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Engine } from 'json-rules-engine';
import type { CadreFact, Facts } from '../src/domain/facts.js';
import { packRegistry } from '../src/packs/index.js';
import { evaluateIndexed } from '../src/policy/engine.js';
import { FactIndex } from '../src/policy/fact-index.js';
import { openStore } from '../src/store/index.js';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: 'bench/out/big' },
    'as-of': { type: 'string', default: '2026-11-01' },
    'jre-sample': { type: 'string', default: '100000' },
  },
});
const asOf = args['as-of']!;

function clock() {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const c = process.cpuUsage(cpu);
    return { wallS: +((performance.now() - wall) / 1000).toFixed(2), cpuS: +((c.user + c.system) / 1e6).toFixed(2) };
  };
}

const store = await openStore({ dataDir: args.data! });
let t = clock();
const facts = await store.loadFacts(asOf);
const load = t();
await store.close();
// The full scan runs in a function so that its index and findings are garbage once measured: the peak memory
// reported below is the scan's own, not the comparison's.
const registry = packRegistry();
function fullScan() {
  let t0 = clock();
  const idx = new FactIndex(facts);
  const index = t0();
  t0 = clock();
  const ev = evaluateIndexed(registry, idx, { asOf });
  const evalAll = t0();
  return { index, evalAll, findingsAll: ev.findings.length };
}
const { index, evalAll, findingsAll } = fullScan();
const rulesEvaluated = registry.allRules().filter((r) => r.kind === 'computable').length;
const peakAfterScanMiB = Math.round(process.resourceUsage().maxRSS / 1024);

// ---- the subset: 能上能下 vote and grade rules of two packs, on the same facts for both engines -----------------
// Determinations are left out of these facts: both engines then judge the same things (votes and grades).
const SUBSET = [
  'jiangsu/adjustment/8.1', // 不称职得票率超过三分之一
  'jiangsu/adjustment/8.2', // 不称职，或连续两年基本称职
  'shaanxi/adjustment/8.1', // 目标责任考核连续两年一般或当年较差（主要负责人）
  'shaanxi/adjustment/8.2', // 基本称职和不称职得票率在30%以上
  'shaanxi/adjustment/8.3', // 不称职，或连续两年基本称职
];
const subsetFacts: Facts = { ...facts, determinations: [] };
const subIdx = new FactIndex(subsetFacts);
t = clock();
const evSub = evaluateIndexed(registry, subIdx, { asOf, only: new Set(SUBSET) });
const oursSubset = t();

// Each subject's chain, as the engine resolves it (a unit's own binding or its nearest ancestor's).
const chainOfUnit = new Map<string, readonly string[]>();
for (const u of facts.units) {
  const bound = subIdx.ancestry(u.id).find((a) => a.pack);
  chainOfUnit.set(u.id, bound?.pack ? registry.chain(bound.pack) : []);
}
const inPack = (c: CadreFact, p: string) => chainOfUnit.get(c.unit)?.includes(p) ?? false;
const subjectsInScope =
  facts.cadres.filter((c) => inPack(c, 'jiangsu') || inPack(c, 'shaanxi')).length +
  facts.units.filter((u) => chainOfUnit.get(u.id)?.includes('shaanxi')).length;

// json-rules-engine: the same five rules as JSON conditions over per-subject facts, with the derived facts
// (latest assessment year before the evaluation year, the year before it) computed inside the engine's almanac.
const asOfYear = Number(asOf.slice(0, 4));
function buildJre(): Engine {
  const e = new Engine([], { allowUndefinedFacts: true });
  e.addOperator(
    'shareExceeds',
    (v: { num: number; den: number } | undefined, [p, q]: [number, number]) =>
      v !== undefined && v.den > 0 && v.num * q > p * v.den,
  );
  e.addOperator(
    'shareAtLeast',
    (v: { num: number; den: number } | undefined, [p, q]: [number, number]) =>
      v !== undefined && v.den > 0 && v.num * q >= p * v.den,
  );
  type A = {
    year: number;
    grade?: string;
    votes?: { excellent: number; competent: number; basic: number; incompetent: number };
  };
  const latest = (list: A[]) => {
    let best: A | undefined;
    for (const a of list) if (a.year < asOfYear && (!best || a.year > best.year)) best = a;
    return best;
  };
  e.addFact('latest', async (_p, al) => latest((await al.factValue<A[]>('assessments')) ?? []));
  e.addFact('previousGrade', async (_p, al) => {
    const list = (await al.factValue<A[]>('assessments')) ?? [];
    const l = latest(list);
    return l ? list.find((a) => a.year === l.year - 1)?.grade : undefined;
  });
  e.addFact('incompetentShare', async (_p, al) => {
    const v = (await al.factValue<A | undefined>('latest'))?.votes;
    return v && { num: v.incompetent, den: v.excellent + v.competent + v.basic + v.incompetent };
  });
  e.addFact('lowShare', async (_p, al) => {
    const v = (await al.factValue<A | undefined>('latest'))?.votes;
    return v && { num: v.basic + v.incompetent, den: v.excellent + v.competent + v.basic + v.incompetent };
  });
  const gradeRule = (pack: string, id: string, posts: string[]) => ({
    name: id,
    conditions: {
      all: [
        { fact: 'chain', operator: 'contains', value: pack },
        { fact: 'post', operator: 'in', value: posts },
        {
          any: [
            { fact: 'latest', path: '$.grade', operator: 'equal', value: '不称职' },
            {
              all: [
                { fact: 'latest', path: '$.grade', operator: 'equal', value: '基本称职' },
                { fact: 'previousGrade', operator: 'equal', value: '基本称职' },
              ],
            },
          ],
        },
      ],
    },
    event: { type: id },
  });
  const leaders = ['principal', 'deputy', 'member', 'midlevel'];
  // rudong supersedes jiangsu 8.1/8.2 for its 中层干部: the same condition, written out
  const notRudongMidlevel = {
    not: {
      all: [
        { fact: 'chain', operator: 'contains', value: 'rudong' },
        { fact: 'post', operator: 'equal', value: 'midlevel' },
      ],
    },
  };
  const j81 = {
    name: 'jiangsu/adjustment/8.1',
    conditions: {
      all: [
        { fact: 'chain', operator: 'contains', value: 'jiangsu' },
        { fact: 'post', operator: 'in', value: leaders },
        notRudongMidlevel,
        { fact: 'incompetentShare', operator: 'shareExceeds', value: [1, 3] },
      ],
    },
    event: { type: 'jiangsu/adjustment/8.1' },
  };
  const j82 = gradeRule('jiangsu', 'jiangsu/adjustment/8.2', leaders);
  (j82.conditions.all as unknown[]).push(notRudongMidlevel);
  e.addRule(j81);
  e.addRule(j82);
  e.addRule({
    name: 'shaanxi/adjustment/8.2',
    conditions: {
      all: [
        { fact: 'chain', operator: 'contains', value: 'shaanxi' },
        { fact: 'post', operator: 'in', value: ['principal', 'deputy', 'member'] },
        { fact: 'lowShare', operator: 'shareAtLeast', value: [30, 100] },
      ],
    },
    event: { type: 'shaanxi/adjustment/8.2' },
  });
  e.addRule(gradeRule('shaanxi', 'shaanxi/adjustment/8.3', ['principal', 'deputy', 'member']));
  // the unit rule: target grades of 市(区)、县(市、区)、省级部门 → their principals (or the unit if it has none)
  e.addRule({
    name: 'shaanxi/adjustment/8.1',
    conditions: {
      all: [
        { fact: 'chain', operator: 'contains', value: 'shaanxi' },
        { fact: 'kind', operator: 'in', value: ['city', 'dev_zone', 'county', 'district', 'provincial_dept'] },
        {
          any: [
            { fact: 'latest', path: '$.grade', operator: 'equal', value: '较差' },
            {
              all: [
                { fact: 'latest', path: '$.grade', operator: 'equal', value: '一般' },
                { fact: 'previousGrade', operator: 'equal', value: '一般' },
              ],
            },
          ],
        },
      ],
    },
    event: { type: 'shaanxi/adjustment/8.1' },
  });
  return e;
}

const sampleSize = Number(args['jre-sample']);
const sample = facts.cadres.filter((c) => inPack(c, 'jiangsu') || inPack(c, 'shaanxi')).slice(0, sampleSize);
const jre = buildJre();
const jreFindings = new Set<string>();
t = clock();
let jreSubjects = 0;
for (const c of sample) {
  const { events } = await jre.run({
    chain: chainOfUnit.get(c.unit) ?? [],
    post: c.post,
    kind: '',
    assessments: subIdx.cadreAssessments(c.id),
  });
  for (const e of events) {
    const l = subIdx
      .cadreAssessments(c.id)
      .filter((a) => a.year < asOfYear)
      .reduce((m, a) => Math.max(m, a.year), 0);
    jreFindings.add(`${e.type}|${c.id}|${l}`);
  }
  jreSubjects++;
}
for (const u of facts.units) {
  const chain = chainOfUnit.get(u.id) ?? [];
  if (!chain.includes('shaanxi')) continue;
  const target = subIdx.unitAssessments(u.id, 'target');
  const { events } = await jre.run({ chain, post: '', kind: u.kind, assessments: target });
  for (const e of events) {
    const l = target.filter((a) => a.year < asOfYear).reduce((m, a) => Math.max(m, a.year), 0);
    const principals = subIdx.cadresOf(u.id).filter((c) => c.post === 'principal');
    for (const p of principals.length ? principals : [{ id: u.id }]) jreFindings.add(`${e.type}|${p.id}|${l}`);
  }
  jreSubjects++;
}
const jreTime = t();

// Parity on the sample: the same (rule, subject, year) findings from both engines.
const sampleIds = new Set(sample.map((c) => c.id));
// Cadre rules are compared on the sample; the unit rule (shaanxi 8.1) ran over every unit in both engines.
const oursCmp = new Set(
  evSub.findings
    .filter((f) => sampleIds.has(f.subject) || f.rule === 'shaanxi/adjustment/8.1')
    .map((f) => `${f.rule}|${f.subject}|${f.year}`),
);
const onlyOurs = [...oursCmp].filter((k) => !jreFindings.has(k));
const onlyJre = [...jreFindings].filter((k) => !oursCmp.has(k));

const oursRate = subjectsInScope / oursSubset.wallS;
const jreRate = jreSubjects / jreTime.wallS;
const summary = {
  date: new Date().toISOString(),
  asOf,
  record: { units: facts.units.length, cadres: facts.cadres.length, cadreAssessments: facts.cadreAssessments.length },
  load,
  index,
  evaluate: {
    ...evalAll,
    rules: rulesEvaluated,
    findings: findingsAll,
    findingsPerSecond: Math.round(findingsAll / evalAll.wallS),
  },
  loadPlusEvaluateS: +(load.wallS + index.wallS + evalAll.wallS).toFixed(2),
  peakRssMiB: peakAfterScanMiB,
  peakRssWithComparisonMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  subset: {
    rules: SUBSET,
    ours: { ...oursSubset, subjects: subjectsInScope, subjectsPerSecond: Math.round(oursRate) },
    jsonRulesEngine: { ...jreTime, subjects: jreSubjects, subjectsPerSecond: Math.round(jreRate) },
    ratio: +(oursRate / jreRate).toFixed(1),
    parity: {
      compared: oursCmp.size,
      onlyOurs: onlyOurs.slice(0, 5),
      onlyJre: onlyJre.slice(0, 5),
      same: onlyOurs.length === 0 && onlyJre.length === 0,
    },
  },
};
mkdirSync('bench/out', { recursive: true });
writeFileSync('bench/out/policy-scan.json', JSON.stringify(summary, null, 2));
console.log(JSON.stringify(summary, null, 2));
