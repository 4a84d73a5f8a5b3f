// Annual incentive run scenarios (`procedure: incentive`) through the real, built `test-procedures`: every pack has
// at least four and they pass; a wrong expectation, a step refused that should have been taken, a refusal for
// another reason than the one stated and a malformed file each give a line naming the file.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, sanxiang } from './cli.js';

const PACKS = ['jiangsu', 'shaanxi', 'rudong', 'anhui', 'jiaozuo'];
const runFiles = PACKS.flatMap((p) => {
  const dir = join(ROOT, 'src/packs', p, 'scenarios/procedures');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.yaml') && /^procedure: incentive$/m.test(readFileSync(join(dir, n), 'utf8')))
    .map((n) => ({ pack: p, file: join(dir, n) }));
});
const dir = mkdtempSync(join(tmpdir(), 'sx-runs-'));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

const HEAD = `pack: rudong
procedure: incentive
year: 2024
article: 第六条（一）
facts:
  units:
    - { id: p1, name: 如东县人民检察院, kind: procuratorate }
  cadres:
    - { id: c1, name: 甲, unit: p1, post: staff }
    - { id: c2, name: 乙, unit: p1, post: staff }
`;

describe('sanxiang test-procedures: annual incentive runs', () => {
  it('every pack has at least four run scenarios, and they pass', () => {
    for (const p of PACKS) expect(runFiles.filter((f) => f.pack === p).length, p).toBeGreaterThanOrEqual(4);
    const r = sanxiang(['test-procedures', ...runFiles.map((f) => f.file)]);
    expect(r.stdout.trim().split('\n').pop(), r.stdout).toBe(`${runFiles.length} passed, 0 failed`);
    expect(r.status).toBe(0);
  }, 300_000);

  it('reports a wrong list, a wrongly refused step and a refusal for another reason, and exits non-zero', () => {
    const f = write(
      'wrong.yaml',
      `name: 期望错误
${HEAD}steps:
  - { on: 2025-03-01, as: { role: org_officer, unit: p1 }, do: start, with: { organiser: p1, params: { rudong.incentive.excellentRatio: '1/2' } } }
  - { on: 2025-03-02, as: { role: unit_liaison, unit: p1 }, do: grade, with: { cadre: c1, grade: 优秀 } }
  - { on: 2025-03-02, as: { role: unit_liaison, unit: p1 }, do: grade, with: { cadre: c2, grade: 优秀 }, refused: true, because: 名额 2 名 }
  - { on: 2025-03-03, as: { role: org_officer, unit: p1 }, do: close }
expect:
  lists: [{ key: commendations, entries: [c2] }]
`,
    );
    const r = sanxiang(['test-procedures', f]);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain(
      `FAIL ${f}: steps[2] grade: refused, but not because of “名额 2 名”: 超出优秀等次比例：本单位 2 人，比例 1/2（50%），名额 1 名，已有 1 名 (over quota: 2 of 2 exceeds 1/2 (1 places))`,
    );
    expect(lines).toContain(
      `FAIL ${f}: steps[3] close: refused: 授予、公布后方可办结 (the run must be conferred first)`,
    );
    // no 优秀 accepted: no commendation list
    expect(lines).toContain(`FAIL ${f}: expected list commendations; got [excellent_quotas]`);
    expect(lines.pop()).toBe('0 passed, 1 failed');
    expect(r.status).not.toBe(0);
  });

  it('names the file and the field of a malformed run scenario', () => {
    const f = write(
      'bad.yaml',
      `name: 第一步不是开始\n${HEAD}steps:\n  - { on: 2025-03-01, as: { role: org_officer }, do: propose }\n`,
    );
    const r = sanxiang(['test-procedures', f]);
    expect(r.stdout).toContain(`FAIL ${f}: malformed: steps[0].do:`);
    expect(r.status).not.toBe(0);
  });
});
