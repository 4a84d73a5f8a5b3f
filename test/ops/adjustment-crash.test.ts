// Crash test for adjustment case steps: officers walk adjustment cases (江苏, 如东) from their start to the 任免 that
// writes the adjustment to the record, case after case, through the real server, while the writing process is
// killed with SIGKILL. After the restart every case is before or after the step in flight: its version, its step
// history (numbered without a gap) and its audit entries agree, every acknowledged step is there, and the record
// holds the case's adjustment and its influence period exactly when the history holds the 任免 step.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, removeTempDirs, tempDir } from './helpers.js';
import { killHard, login, servingPids, startServer, type ServerProcess } from './server-process.js';

const PASSWORD = 'Crash#Test2026';
const CLIENTS = 3;
const ROUNDS = 2;

// the steps of each pack up to 任免 and one follow-up, with who takes them and what they carry
const COMMITTEE = new Set(['approve', 'decide', 'hear_parties']);
const SEQUENCES: Record<string, [string, Record<string, unknown>][]> = {
  jiangsu: [
    ['propose', { findings: '属实', outcome: 'transfer', grounds: '理由' }],
    ['approve', { outcome: 'transfer' }],
    ['appoint', {}],
    ['follow_up', { task: '谈心谈话', notes: '记录' }],
  ],
  rudong: [
    ['hear_others', { heard: ['服务对象'], opinions: '意见' }],
    ['verify', { sources: ['年度考核'], findings: '认定' }],
    ['hear_cadre', { statement: '陈述' }],
    ['propose', { grounds: '理由', outcome: 'removal' }],
    ['hear_parties', { heard: ['纪检组'], opinions: '同意' }],
    ['decide', { outcome: 'removal', meeting: '党组会议' }],
    ['announce', { notes: '宣布' }],
    ['appoint', {}],
    ['follow_up', { task: '谈心谈话', notes: '记录' }],
  ],
};

describe('crash (SIGKILL) while officers take adjustment case steps through the API', () => {
  let server: ServerProcess | undefined;
  afterAll(() => {
    server?.child.kill('SIGKILL');
    removeTempDirs();
  });

  it(
    'leaves every case before or after the step, and the adjustment on record exactly with its 任免',
    async () => {
      const dataDir = tempDir('sanxiang-adjustment-crash-');
      const dbFile = path.join(dataDir, 'sanxiang.db');
      const env = { SANXIANG_DEMO_PASSWORD: PASSWORD };
      server = await startServer(dataDir, ['--demo', '--demo-cadres', '400'], env);
      const cookies = {
        org: await login(server.url, 'org_officer', PASSWORD),
        committee: await login(server.url, 'committee_member', PASSWORD),
      };
      const roster = (await (
        await fetch(`${server.url}/api/cadres?limit=400`, { headers: { cookie: cookies.org } })
      ).json()) as { items: { id: string }[] };
      const pool = roster.items.map((c) => c.id);
      const known = new Map<string, number>();

      for (let round = 1; round <= ROUNDS; round++) {
        const post = (who: 'org' | 'committee', url: string, body: unknown) =>
          fetch(`${server!.url}${url}`, {
            method: 'POST',
            headers: { cookie: cookies[who], 'content-type': 'application/json' },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(30_000),
          });
        let dead = false;
        let acked = 0;
        let appointed = 0;
        // each client starts a case on the next cadre whose pack has a sequence here and walks it to the end
        const client = async () => {
          while (!dead && pool.length) {
            const cadre = pool.shift()!;
            let res: Response;
            try {
              res = await post('org', '/api/cases', {
                procedure: 'adjustment',
                subjectType: 'cadre',
                subjectId: cadre,
                action: 'open',
                on: '2024-05-01',
                inputs: { situation: `第${round}轮` },
              });
            } catch {
              return;
            }
            if (res.status === 400) continue; // a cadre of a pack without an adjustment procedure
            if (res.status !== 201) throw new Error(`start: ${res.status} ${await res.text()}`);
            const c = (await res.json()) as { id: string; pack: string; version: number };
            known.set(c.id, c.version);
            acked++;
            for (const [action, inputs] of SEQUENCES[c.pack] ?? []) {
              if (dead) return;
              try {
                res = await post(COMMITTEE.has(action) ? 'committee' : 'org', `/api/cases/${c.id}/steps`, {
                  version: known.get(c.id),
                  action,
                  on: '2024-05-02',
                  inputs,
                });
              } catch {
                return;
              }
              if (res.status !== 200) throw new Error(`${action} ${c.id}: ${res.status} ${await res.text()}`);
              known.set(c.id, ((await res.json()) as { version: number }).version);
              acked++;
              if (action === 'appoint') appointed++;
            }
          }
        };
        const running = Array.from({ length: CLIENTS }, () => client());
        while (acked < 12 || appointed < 1) await new Promise((r) => setTimeout(r, 10));
        await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 400)));
        const writers = servingPids(server.child.pid!);
        expect(writers).toHaveLength(1);
        killHard(server);
        dead = true;
        await server.exited;
        await Promise.all(running);

        server = await startServer(dataDir, [], env);
        cookies.org = await login(server.url, 'org_officer', PASSWORD);
        cookies.committee = await login(server.url, 'committee_member', PASSWORD);
        const db = new Database(dbFile, { readonly: true });
        try {
          const cases = db
            .prepare(`select id, version, subject_id from cases where procedure = 'adjustment'`)
            .all() as {
            id: string;
            version: number;
            subject_id: string;
          }[];
          expect(cases.length).toBeGreaterThanOrEqual(known.size);
          for (const row of cases) {
            const steps = db
              .prepare('select seq, action from case_steps where case_id = ? order by seq')
              .all(row.id) as {
              seq: number;
              action: string;
            }[];
            const audits = db
              .prepare(
                `select count(*) as n from audit_log where action in ('case.start', 'case.step') and target_id = ?`,
              )
              .get(row.id) as { n: number };
            const k = known.get(row.id);
            if (k !== undefined) expect([k, k + 1], `case ${row.id} after round ${round}`).toContain(row.version);
            expect(steps.map((s) => s.seq)).toEqual(Array.from({ length: row.version }, (_, i) => i + 1));
            expect(audits.n).toBe(row.version);
            const appointedHere = steps.some((s) => s.action === 'appoint');
            const adjustment = db.prepare('select cadre_id from adjustments where id = ?').get(`adj-${row.id}`) as
              { cadre_id: string } | undefined;
            expect(adjustment?.cadre_id, `adjustment of case ${row.id}`).toBe(
              appointedHere ? row.subject_id : undefined,
            );
            const period = db
              .prepare(`select count(*) as n from case_deadlines where case_id = ? and kind = 'influence_period'`)
              .get(row.id) as { n: number };
            expect(period.n).toBe(appointedHere ? 1 : 0);
            known.set(row.id, row.version);
          }
        } finally {
          db.close();
        }
      }

      server.child.kill('SIGTERM');
      await server.exited;
      server = undefined;
      const v = cli(['audit', 'verify', '--data', dataDir]);
      expect(v.stdout).toMatch(/intact/);
      expect(v.status).toBe(0);
    },
    15 * 60_000,
  );
});
