// The local parameters a jurisdiction sets by its own 具体办法 reach the alert list and the eligibility check as
// they reach a cadre's explanation: each subject is evaluated under the settings of its own jurisdiction (a city's
// setting applies below that city only), a setting changes the finding, and where nothing is set the rule still
// reports the parameter as a gap rather than assuming a number. The packs' rules read no open parameter in the
// adjustment mechanism today, so a rule reading one is added to the 安徽 rulebook for this test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileFacts } from '../src/mechanisms/adjustment/alerts-refresh.js';
import { checkEligibility } from '../src/mechanisms/adjustment/eligibility.js';
import { standings } from '../src/mechanisms/adjustment/ledger.js';
import { LocalParamsInForce } from '../src/mechanisms/params/in-force.js';
import { LOW_RANK_KEY } from '../src/packs/anhui/opinion.js';
import { ALL_PACKS } from '../src/packs/index.js';
import { rule } from '../src/policy/define.js';
import { evaluateIndexed, PackRegistry } from '../src/policy/engine.js';
import { FactIndex } from '../src/policy/fact-index.js';
import { alertsOf } from '../src/store/alerts.js';
import { loadFacts } from '../src/store/facts-loader.js';
import { openStore, type OpenedStore } from '../src/store/index.js';
import type { KyselyStore } from '../src/store/kysely-store.js';
import { insertLocalParam } from '../src/store/local-params.js';

const DATE = '2026-06-01';
const RULE = 'anhui/adjustment/local-test';

/** Fires for every cadre, and blocks promotion for that many months, when the jurisdiction has set the number. */
const readsTheSetting = rule({
  id: RULE,
  kind: 'computable',
  title: '测试：读取本地参数的规则',
  citation: { document: '测试文件', article: '第一条', text: '按本地具体办法确定的名次数处理。' },
  forCadre(c, ctx) {
    const n = ctx.param<number>(LOW_RANK_KEY);
    if (n === undefined) return;
    ctx.fire({ subject: c.id, because: [`后${n}名`] });
    ctx.influence({ subject: c.id, blocks: 'promotion', until: `${2026 + n}-06-01`, because: [`后${n}名`] });
  },
});

const registry = new PackRegistry(
  ALL_PACKS.map((p) => (p.id === 'anhui' ? { ...p, rules: [...p.rules, readsTheSetting] } : p)),
);

let dir: string;
let store: OpenedStore;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sx-local-reach-'));
  store = await openStore({ dataDir: dir });
  await store.transaction(async (tx) => {
    await tx.repo('units').insert({ id: 'ah', name: '安徽省', kind: 'province', parentId: null, pack: 'anhui' });
    await tx.repo('units').insert({ id: 'hf', name: '合肥市', kind: 'city', parentId: 'ah', pack: null });
    await tx.repo('units').insert({ id: 'wh', name: '芜湖市', kind: 'city', parentId: 'ah', pack: null });
    for (const [id, name, unit] of [
      ['c-hf', '甲', 'hf'],
      ['c-wh', '乙', 'wh'],
    ] as const)
      await tx.repo('cadres').insert({
        id,
        name,
        gender: null,
        birthDate: null,
        idNumber: null,
        category: '公务员',
        managingUnitId: unit,
      });
  });
  // 合肥's 具体办法 sets the number; 芜湖 sets none
  await insertLocalParam((store as unknown as KyselyStore).db, {
    id: 'lp-hf',
    unitId: 'hf',
    key: LOW_RANK_KEY,
    value: 3,
    inForceFrom: '2025-01-01',
    document: { title: '合肥市具体办法', number: '合组〔2025〕1号', date: '2024-12-20' },
    setBy: null,
    setAt: '2024-12-20T00:00:00Z',
  });
}, 60_000);

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('local parameters in the alert list and the eligibility check', () => {
  it('the alert scan evaluates each cadre under its own jurisdiction: the setting gives the finding there only', async () => {
    const facts = await loadFacts(store as unknown as KyselyStore, DATE);
    await reconcileFacts(store as unknown as KyselyStore, registry, facts, 'all', DATE, `${DATE}T08:00:00Z`);
    const { rows } = await alertsOf(store).list({ visible: sql<boolean>`1 = 1`, rule: RULE });
    expect(rows.map((r) => [r.subjectId, r.because])).toEqual([['c-hf', ['后3名']]]);
  });

  it('where nothing is set the rule reports the parameter as a gap, not a default', async () => {
    const facts = await loadFacts(store as unknown as KyselyStore, DATE);
    const idx = new FactIndex(facts);
    const local = await LocalParamsInForce.load(store, registry, DATE);
    expect(local.of(idx, 'hf')).toEqual({ [LOW_RANK_KEY]: 3 });
    expect(local.of(idx, 'wh')).toEqual({});
    const wh = local.groups(idx, ['c-wh'])[0]!;
    const ev = evaluateIndexed(registry, idx, { asOf: DATE, only: new Set([RULE]), params: wh.params });
    expect(ev.gaps.join(' ')).toContain(LOW_RANK_KEY);
    expect(ev.findings.filter((f) => f.subject === 'c-wh')).toEqual([]);
  });

  it('the eligibility check and the ledger read the setting of each candidate’s jurisdiction', async () => {
    const facts = await loadFacts(store as unknown as KyselyStore, DATE);
    const local = await LocalParamsInForce.load(store, registry, DATE);
    const results = checkEligibility(registry, facts, DATE, ['c-wh', 'c-hf'], local);
    expect(results.map((r) => [r.cadreId, r.verdict.kind, r.verdict.until])).toEqual([
      ['c-wh', 'eligible', undefined],
      ['c-hf', 'blocked', '2029-05-31'],
    ]);
    expect(results[1]!.reasons.map((r) => r.record)).toEqual([['后3名']]);
    const ledger = standings(registry, facts, DATE, undefined, local);
    expect([...ledger.values()].filter((s) => s.periods.length > 0).map((s) => s.cadre.id)).toEqual(['c-hf']);
  });

  it('a setting not yet in force on the date is not read', async () => {
    const facts = await loadFacts(store as unknown as KyselyStore, '2024-06-01');
    const local = await LocalParamsInForce.load(store, registry, '2024-06-01');
    const results = checkEligibility(registry, facts, '2024-06-01', ['c-hf'], local);
    expect(results[0]!.verdict.kind).toBe('eligible');
  });
});
