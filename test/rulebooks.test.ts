// Issue 3's acceptance checks, through the real `sanxiang` command: the DESIGN §3 checklist against `rules --json`,
// citations verbatim in the seeds, every computable rule with a firing and a non-firing scenario, and all scenarios
// (the shared examples and every pack's) passing under `test-scenarios`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findScenarioFiles } from '../src/io/scenario-files.js';
import { packRegistry } from '../src/packs/index.js';
import { CHECKLIST, VERBATIM_SEEDS } from './checklist.js';
import { ROOT, sanxiang } from './cli.js';

interface RuleJson {
  id: string;
  kind: string;
  citation: { document: string; article: string; text: string };
}

const rules: RuleJson[] = (() => {
  const r = sanxiang(['rules', '--json']);
  if (r.status !== 0) throw new Error(`rules --json failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as RuleJson[];
})();

const packScenarioDirs = ['national', 'jiangsu', 'shaanxi', 'rudong', 'anhui', 'jiaozuo']
  .map((p) => join(ROOT, 'src/packs', p, 'scenarios'))
  .filter((d) => existsSync(d));

describe('sanxiang rules --json', () => {
  it('lists every rule once, each with id, kind and a full citation', () => {
    expect(rules.length).toBeGreaterThan(0);
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of rules) {
      expect(r.id).toMatch(/^[a-z]+\/(incentive|tolerance|adjustment|opinion)\/[A-Za-z0-9.-]+$/);
      expect(['computable', 'procedure', 'principle']).toContain(r.kind);
      expect(r.citation.document.length, r.id).toBeGreaterThan(0);
      expect(r.citation.article.length, r.id).toBeGreaterThan(0);
      expect(r.citation.text.trim().length, r.id).toBeGreaterThan(0);
    }
  });

  it('contains every id of the DESIGN §3 checklist', () => {
    const ids = new Set(rules.map((r) => r.id));
    const missing = CHECKLIST.filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
  });

  it('quotes every citation of the four plain-text documents verbatim (ignoring whitespace)', () => {
    const strip = (s: string) => s.replace(/\s+/g, '');
    const bad: string[] = [];
    for (const [pack, file] of Object.entries(VERBATIM_SEEDS)) {
      const seed = strip(readFileSync(join(ROOT, file), 'utf8'));
      for (const r of rules.filter((x) => x.id.startsWith(`${pack}/`)))
        if (!seed.includes(strip(r.citation.text))) bad.push(r.id);
    }
    expect(bad).toEqual([]);
  });
});

describe('rule registry', () => {
  it('every superseded rule exists and lies above the superseding pack in its chain', () => {
    const registry = packRegistry();
    for (const r of registry.allRules())
      for (const target of r.supersedes ?? []) {
        const t = registry.rules.get(target);
        expect(t, `${r.id} supersedes ${target}`).toBeDefined();
        expect(registry.chain(r.pack).slice(1)).toContain(t!.pack);
      }
  });
});

describe('scenarios', () => {
  it('every computable rule has a scenario where it fires and one where it must not', () => {
    const fired = new Set<string>();
    const notFired = new Set<string>();
    for (const f of findScenarioFiles(packScenarioDirs)) {
      const s = parse(readFileSync(f, 'utf8')) as {
        expect?: { fired?: { rule: string }[]; notFired?: { rule: string }[] };
      };
      for (const e of s.expect?.fired ?? []) fired.add(e.rule);
      for (const e of s.expect?.notFired ?? []) notFired.add(e.rule);
    }
    const computable = rules.filter((r) => r.kind === 'computable').map((r) => r.id);
    expect(computable.filter((id) => !fired.has(id))).toEqual([]);
    expect(computable.filter((id) => !notFired.has(id))).toEqual([]);
  });

  it('the shared examples and every pack scenario pass under `sanxiang test-scenarios`', () => {
    const dirs = [join(ROOT, 'scenarios/examples'), ...packScenarioDirs];
    const r = sanxiang(['test-scenarios', ...dirs]);
    const last = r.stdout.trim().split('\n').pop() ?? '';
    expect(r.stdout.split('\n').filter((l) => l.startsWith('FAIL'))).toEqual([]);
    expect(last).toMatch(/^\d+ passed, 0 failed$/);
    expect(Number(last.split(' ')[0])).toBeGreaterThan(150);
    expect(r.status).toBe(0);
  });
});
