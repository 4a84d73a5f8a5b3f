// The `test-scenarios` contract (DESIGN §4): one line per failure, last line `N passed, M failed`, non-zero exit on
// any failure or malformed file, and the error names the file and the field.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sanxiang } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sx-scen-'));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const example = join(ROOT, 'scenarios/examples/shaanxi-adjustment-target-two-years.yaml');

describe('sanxiang test-scenarios', () => {
  it('passes a good scenario: last line "1 passed, 0 failed", exit 0', () => {
    const r = sanxiang(['test-scenarios', example]);
    expect(r.stdout.trim().split('\n').pop()).toBe('1 passed, 0 failed');
    expect(r.status).toBe(0);
  });

  it('reports a failed expectation on one line naming the file and what came instead, exit non-zero', () => {
    const f = write(
      'wrong.yaml',
      `name: 期望错误
pack: shaanxi
asOf: 2019-03-01
facts:
  units: [{ id: u1, name: 甲县, kind: county }]
  cadres: [{ id: c2, name: 副县长乙, unit: u1, post: deputy }]
  unitAssessments:
    - { unit: u1, year: 2017, scheme: target, grade: 一般 }
    - { unit: u1, year: 2018, scheme: target, grade: 一般 }
expect:
  fired: [{ rule: shaanxi/adjustment/8.1, subject: c2 }]
`,
    );
    const r = sanxiang(['test-scenarios', f, example]);
    const lines = r.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('FAIL'))).toHaveLength(1);
    expect(lines[0]).toContain('wrong.yaml');
    expect(lines[0]).toContain('shaanxi/adjustment/8.1 @ c2');
    expect(lines.pop()).toBe('1 passed, 1 failed');
    expect(r.status).not.toBe(0);
  });

  it('names the file and the field of a malformed scenario', () => {
    const f = write(
      'bad-field.yaml',
      `name: 坏字段
pack: shaanxi
asOf: 2019-03-01
facts:
  units: [{ id: u1, name: 甲县, kind: village }]
`,
    );
    const r = sanxiang(['test-scenarios', f]);
    expect(r.stdout).toContain('bad-field.yaml');
    expect(r.stdout).toContain('facts.units[0].kind');
    expect(r.stdout.trim().split('\n').pop()).toBe('0 passed, 1 failed');
    expect(r.status).not.toBe(0);
  });

  it('rejects an impossible date, an unknown pack and a dangling reference', () => {
    const cases: [string, string, string][] = [
      ['date.yaml', 'pack: shaanxi\nasOf: 2019-02-29\n', 'asOf'],
      ['pack.yaml', 'pack: henan\nasOf: 2019-03-01\n', 'pack'],
      [
        'ref.yaml',
        'pack: shaanxi\nasOf: 2019-03-01\nfacts:\n  units: [{ id: u1, name: 甲, kind: county }]\n  cadres: [{ id: c1, name: 乙, unit: u9, post: staff }]\n',
        'facts.cadres[0].unit',
      ],
    ];
    for (const [name, body, field] of cases) {
      const r = sanxiang(['test-scenarios', write(name, `name: x\n${body}`)]);
      expect(r.stdout, name).toContain(`${name}: malformed: ${field}`);
      expect(r.status).not.toBe(0);
    }
  });

  it('fails on malformed YAML and on a folder with no scenarios', () => {
    const r = sanxiang(['test-scenarios', write('broken.yaml', 'name: [unclosed\n')]);
    expect(r.stdout).toContain('broken.yaml: malformed: (yaml)');
    expect(r.status).not.toBe(0);
    const empty = mkdtempSync(join(tmpdir(), 'sx-empty-'));
    expect(sanxiang(['test-scenarios', empty]).status).not.toBe(0);
  });
});

describe('sanxiang evaluate', () => {
  it('prints the evaluation as JSON in the contract shape', () => {
    const r = sanxiang(['evaluate', example]);
    expect(r.status).toBe(0);
    const ev = JSON.parse(r.stdout);
    expect(Object.keys(ev)).toEqual(['pack', 'asOf', 'findings', 'values', 'gaps']);
    expect(ev.pack).toBe('shaanxi');
    expect(ev.asOf).toBe('2019-03-01');
  });

  it('exits non-zero with one clear line for a missing file', () => {
    const r = sanxiang(['evaluate', join(dir, 'nope.yaml')]);
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('nope.yaml');
  });
});
