// An honour's award (评选项目) goes through the store into the facts the rulebooks read: recorded with the award, the
// 江苏 优秀县（市、区）党政正职 title counts; the same title recorded without it does not (titles are never matched).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate } from '../src/policy/engine.js';
import { packRegistry } from '../src/packs/index.js';
import { openStore, type OpenedStore } from '../src/store/index.js';

let store: OpenedStore | undefined;
let dir: string | undefined;
afterEach(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  store = undefined;
  dir = undefined;
});

describe('honour award through the store', () => {
  it('is stored, loaded into the facts and read by the rule; the bare title is not', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sanxiang-award-'));
    store = await openStore({ dataDir: dir });
    await store.repo('units').insert({ id: 'u1', name: '甲县', kind: 'county', parentId: null, pack: 'jiangsu' });
    await store.insertMany('honors', [
      {
        id: 'h1',
        subjectType: 'unit',
        subjectId: 'u1',
        date: '2019-02-20',
        conferredBy: 'provincial',
        title: '推进高质量发展先进县',
        award: 'jiangsu_advanced_county',
      },
      {
        id: 'h2',
        subjectType: 'unit',
        subjectId: 'u1',
        date: '2019-02-21',
        conferredBy: 'provincial',
        title: '平安建设先进县',
      },
    ]);
    const facts = await store.loadFacts('2019-06-01');
    expect(facts.honors.map((h) => h.award ?? null).sort()).toEqual(['jiangsu_advanced_county', null]);
    const e = evaluate(packRegistry(), facts, { pack: 'jiangsu', asOf: '2019-06-01' });
    const because = e.findings
      .filter((f) => f.rule === 'jiangsu/incentive/7.2' && f.subject === 'u1')
      .flatMap((f) => f.because);
    expect(because.some((b) => b.includes('推进高质量发展先进县'))).toBe(true);
    expect(because.some((b) => b.includes('平安建设先进县'))).toBe(false);
  });
});
