// Crash test for case steps: officers take steps on tolerance cases through the real server while the server
// process — checked to be the one holding the database open — is killed with SIGKILL. After the restart every case
// is either before or after the step in flight, never between: its version, its step history (numbered without a
// gap) and its audit entries agree, every acknowledged step is there, and `sanxiang audit verify` passes.
import { readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, removeTempDirs, tempDir } from './helpers.js';
import { killHard, login, servingPids, startServer, type ServerProcess } from './server-process.js';

const PASSWORD = 'Crash#Test2026';
const CLIENTS = 4;
const ROUNDS = 2;

/** The files a process holds open (Linux /proc). */
function openFiles(pid: number): string[] {
  const dir = `/proc/${pid}/fd`;
  return readdirSync(dir).flatMap((fd) => {
    try {
      return [readlinkSync(path.join(dir, fd))];
    } catch {
      return [];
    }
  });
}

describe('crash (SIGKILL) while officers take case steps through the API', () => {
  let server: ServerProcess | undefined;
  afterAll(() => {
    server?.child.kill('SIGKILL');
    removeTempDirs();
  });

  it(
    'leaves every case before or after the step, with its history and audit trail intact',
    async () => {
      const dataDir = tempDir('sanxiang-case-crash-');
      const dbFile = path.join(dataDir, 'sanxiang.db');
      const env = { SANXIANG_DEMO_PASSWORD: PASSWORD };
      server = await startServer(dataDir, ['--demo', '--demo-cadres', '200'], env);
      const cookie = await login(server.url, 'discipline_officer', PASSWORD);
      const post = (url: string, body: unknown, signal?: AbortSignal) =>
        fetch(`${server!.url}${url}`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal,
        });
      // one 陕西 or 江苏 case per client (cadres of the generated record)
      const roster = (await (await fetch(`${server.url}/api/cadres?limit=200`, { headers: { cookie } })).json()) as {
        items: { id: string; managingUnitId: string }[];
      };
      const ids: string[] = [];
      for (const c of roster.items) {
        if (ids.length === CLIENTS) break;
        // the accountability matter the case is started in, about the same cadre
        const m = await post('/api/records/accountabilityMatters', {
          subjectCadreId: c.id,
          description: '项目审批失误',
          accountableUnitId: c.managingUnitId,
          openedOn: '2024-04-01',
        });
        if (m.status !== 201) continue;
        const matter = ((await m.json()) as { id: string }).id;
        const r = await post('/api/cases', {
          subjectType: 'cadre',
          subjectId: c.id,
          action: 'open',
          on: '2024-05-01',
          inputs: { matter },
        });
        if (r.status === 201) ids.push(((await r.json()) as { id: string }).id);
      }
      expect(ids).toHaveLength(CLIENTS);
      const known = new Map(ids.map((id) => [id, 1]));

      for (let round = 1; round <= ROUNDS; round++) {
        let dead = false;
        let acked = 0;
        const client = async (id: string) => {
          while (!dead) {
            const v = known.get(id)!;
            let res: Response;
            try {
              // the hearing can be recorded again and again while the case is being investigated
              res = await post(
                `/api/cases/${id}/steps`,
                { version: v, action: 'hear', on: '2024-05-02', inputs: { statement: `第${round}轮 ${v}` } },
                AbortSignal.timeout(30_000),
              );
            } catch {
              return;
            }
            if (res.status !== 200) throw new Error(`step ${id}: ${res.status} ${await res.text()}`);
            known.set(id, ((await res.json()) as { version: number }).version);
            acked++;
          }
        };
        const running = ids.map((id) => client(id));
        while (acked < 10) await new Promise((r) => setTimeout(r, 10));
        await new Promise((r) => setTimeout(r, 20 + Math.floor(Math.random() * 500)));
        // the pid killed is the process that writes (the one the supervisor serves with): it holds the database
        // file open; the supervisor goes down with it, as in a power cut
        const writers = servingPids(server.child.pid!);
        expect(writers).toHaveLength(1);
        expect(openFiles(writers[0]!)).toContain(dbFile);
        killHard(server);
        dead = true;
        await server.exited;
        await Promise.all(running);

        server = await startServer(dataDir, [], env);
        const db = new Database(dbFile, { readonly: true });
        try {
          for (const id of ids) {
            const row = db.prepare('select version from cases where id = ?').get(id) as { version: number };
            const seqs = (
              db.prepare('select seq from case_steps where case_id = ? order by seq').all(id) as { seq: number }[]
            ).map((s) => s.seq);
            const audits = db
              .prepare(
                `select count(*) as n from audit_log where action in ('case.start', 'case.step') and target_id = ?`,
              )
              .get(id) as { n: number };
            const k = known.get(id)!;
            expect([k, k + 1], `case ${id} after round ${round}`).toContain(row.version);
            expect(seqs).toEqual(Array.from({ length: row.version }, (_, i) => i + 1));
            expect(audits.n).toBe(row.version);
            known.set(id, row.version);
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
