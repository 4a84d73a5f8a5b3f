// `sanxiang explain` on the demo record (issue 3): findings from every pack, each shown with its article text and the
// facts behind it, readable by a person.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AS_OF } from '../bench/generator/index.js';
import { packRegistry } from '../src/packs/index.js';
import { evaluate } from '../src/policy/engine.js';
import { humanize } from '../src/policy/explain.js';
import type { Evaluation } from '../src/policy/types.js';
import { openStore } from '../src/store/index.js';
import { sanxiang } from './cli.js';

const data = mkdtempSync(join(tmpdir(), 'sx-explain-'));
let ev: Evaluation;

beforeAll(async () => {
  const r = sanxiang(['--data', data, 'demo']);
  if (r.status !== 0) throw new Error(`demo failed: ${r.stderr}`);
  const store = await openStore({ dataDir: data });
  try {
    ev = evaluate(packRegistry(), await store.loadFacts(AS_OF), { asOf: AS_OF });
  } finally {
    await store.close();
  }
}, 300_000);

const strip = (s: string) => s.replace(/\s+/g, '');

describe('sanxiang explain', () => {
  it('explains a cadre of every pack with each finding’s article text and reasons', () => {
    for (const pack of ['national', 'jiangsu', 'shaanxi', 'rudong', 'anhui', 'jiaozuo']) {
      const f = ev.findings.find((x) => x.rule.startsWith(`${pack}/`) && /^c/.test(x.subject));
      expect(f, `a ${pack} finding about a cadre in the demo`).toBeDefined();
      const r = sanxiang(['--data', data, 'explain', '--cadre', f!.subject, '--as-of', AS_OF]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain(`【${f!.rule}】`);
      expect(strip(r.stdout)).toContain(strip(f!.citation.text));
      expect(r.stdout).toContain('依据：');
      // the reasons, in words rather than vocabulary codes
      for (const b of f!.because) expect(r.stdout).toContain(humanize(b));
      expect(r.stdout).toContain('评估日期：2026年11月1日');
    }
  });

  it('explains a unit, and gives JSON on request', () => {
    const f = ev.findings.find((x) => /^u/.test(x.subject))!;
    const text = sanxiang(['--data', data, 'explain', '--unit', f.subject, '--as-of', AS_OF]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^单位 /);
    const json = JSON.parse(
      sanxiang(['--data', data, 'explain', '--unit', f.subject, '--as-of', AS_OF, '--json']).stdout,
    );
    expect(json.findings.map((x: { rule: string }) => x.rule)).toContain(f.rule);
  });

  it('refuses an unknown cadre, a bad date, and a missing subject with one clear line', () => {
    for (const args of [['--cadre', 'nobody'], ['--cadre', 'c1', '--as-of', '2019-02-30'], []]) {
      const r = sanxiang(['--data', data, 'explain', ...args]);
      expect(r.status).not.toBe(0);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
