// The `test-procedures` contract (DESIGN §4b) through the real, built command: every pack's procedure scenarios
// pass; a failed expectation, a step refused that should have been taken and a malformed file each give one line
// naming the file, and the run ends "N passed, M failed" with a non-zero exit.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sanxiang } from './cli.js';

const PACKS = ['jiangsu', 'shaanxi', 'rudong', 'anhui', 'jiaozuo'];
const folders = PACKS.map((p) => join(ROOT, 'src/packs', p, 'scenarios/procedures'));
const dir = mkdtempSync(join(tmpdir(), 'sx-proc-'));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

const HEAD = `pack: shaanxi
procedure: tolerance
facts:
  units:
    - { id: u0, name: 陕西省, kind: province }
    - { id: u1, name: 榆林市, kind: city, parent: u0 }
  cadres:
    - { id: c1, name: 张三, unit: u1, post: deputy }
`;

describe('sanxiang test-procedures', () => {
  it('passes every pack procedure scenario (at least six a pack)', () => {
    const r = sanxiang(['test-procedures', ...folders]);
    const last = r.stdout.trim().split('\n').pop()!;
    expect(last, r.stdout).toMatch(/^(\d+) passed, 0 failed$/);
    expect(Number(last.split(' ')[0])).toBeGreaterThanOrEqual(6 * PACKS.length);
    expect(r.status).toBe(0);
    for (const f of folders)
      expect(readdirSync(f).filter((n) => n.endsWith('.yaml')).length, f).toBeGreaterThanOrEqual(6);
  }, 300_000);

  it('reports a wrong expectation and a wrongly refused step, one line each, and exits non-zero', () => {
    const f = write(
      'wrong.yaml',
      `name: 期望错误
${HEAD}steps:
  - { on: 2019-03-01, as: { role: discipline_officer, unit: u1 }, do: open, subject: c1, with: { matter: m1 } }
  - { on: 2019-03-02, as: { role: cadre, cadre: c1 }, do: report, with: { findings: 报告。 } }
expect:
  state: closed
`,
    );
    const r = sanxiang(['test-procedures', f]);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain(
      `FAIL ${f}: steps[1] report: refused: 案件当前处于“调查核实”，不能办理“形成调查报告” (report is not open in state investigating)`,
    );
    expect(lines).toContain(`FAIL ${f}: expected state closed; got investigating`);
    expect(lines.pop()).toBe('0 passed, 1 failed');
    expect(r.status).not.toBe(0);
  });

  it('names the file and the field of a malformed scenario', () => {
    const f = write('bad.yaml', `name: 缺少步骤\n${HEAD}steps: []\n`);
    const r = sanxiang(['test-procedures', f]);
    expect(r.stdout).toContain(`FAIL ${f}: malformed: steps:`);
    expect(r.status).not.toBe(0);
  });
});
