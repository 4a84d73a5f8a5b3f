// Tamper test: someone with direct database access drops the append-only triggers and then alters, deletes or
// swaps audit rows. `verifyAudit` and `sanxiang audit verify` must fail and name the first bad entry.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'kysely';
import { openStore, type OpenedStore } from '../../src/store/index.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { appendAudit, entryHash, verifyAudit, type AuditRow } from '../../src/server/audit/trail.js';
import { createTestDatabase } from '../pg-harness.js';
import { appendMany, cli, entry, removeTempDirs, tempDir } from './helpers.js';

type Store = OpenedStore & KyselyStore;

interface Engine {
  open(): Promise<Store>;
  /** what an attacker with database access does first */
  dropTriggers(s: Store): Promise<void>;
  dataDir(): string | undefined;
}

const sqliteEngine = (): Engine => {
  let dir = '';
  return {
    async open() {
      dir = tempDir();
      return (await openStore({ dataDir: dir })) as Store;
    },
    async dropTriggers(s) {
      await sql`drop trigger audit_log_no_update`.execute(s.db);
      await sql`drop trigger audit_log_no_delete`.execute(s.db);
    },
    dataDir: () => dir,
  };
};

const pgEngine = (url: () => string): Engine => ({
  async open() {
    const s = (await openStore({ dataDir: '/nonexistent', databaseUrl: url() })) as Store;
    // every test starts from an empty trail: the truncate trigger is dropped for that and put back
    await sql`alter table audit_log disable trigger audit_log_no_truncate`.execute(s.db);
    await sql`truncate audit_log`.execute(s.db);
    await sql`alter table audit_log enable trigger audit_log_no_truncate`.execute(s.db);
    return s;
  },
  async dropTriggers(s) {
    await sql`drop trigger if exists audit_log_no_change on audit_log`.execute(s.db);
  },
  dataDir: () => undefined,
});

async function rows(s: Store): Promise<AuditRow[]> {
  return (await s.db.selectFrom('audit_log').selectAll().orderBy('seq').execute()) as AuditRow[];
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`audit trail tamper detection on ${dialect}`, () => {
    let pgDb: { url: string; drop(): Promise<void> } | undefined;
    const engine = dialect === 'sqlite' ? sqliteEngine() : pgEngine(() => pgDb!.url);
    let s: Store;

    if (dialect === 'postgres') {
      beforeAll(async () => {
        const server = inject('pgUrl');
        if (!server) throw new Error('no PostgreSQL server was provided to the tests (test/global-setup.ts)');
        pgDb = await createTestDatabase(server);
      });
      afterAll(async () => {
        await pgDb?.drop();
      });
    }
    afterEach(async () => {
      await s?.close();
      removeTempDirs();
    });

    async function chain(n = 10): Promise<Store> {
      s = await engine.open();
      await appendMany(s.db, n);
      return s;
    }

    it('an intact chain verifies, with its count and head', async () => {
      await chain(10);
      const v = await verifyAudit(s.db);
      expect(v).toMatchObject({ ok: true, count: 10, headSeq: 10 });
      const last = (await rows(s))[9]!;
      expect(v.ok && v.headHash).toBe(last.hash);
      expect((await rows(s))[0]!.prev_hash).toBe('0'.repeat(64));
    });

    it('an empty trail verifies', async () => {
      s = await engine.open();
      expect(await verifyAudit(s.db)).toMatchObject({ ok: true, count: 0 });
    });

    it('the database itself refuses UPDATE and DELETE on the trail', async () => {
      await chain(3);
      await expect(s.db.updateTable('audit_log').set({ action: 'x' }).where('seq', '=', 2).execute()).rejects.toThrow(
        /append-only/,
      );
      await expect(s.db.deleteFrom('audit_log').where('seq', '=', 2).execute()).rejects.toThrow(/append-only/);
      if (dialect === 'postgres') await expect(sql`truncate audit_log`.execute(s.db)).rejects.toThrow(/append-only/);
      expect(await verifyAudit(s.db)).toMatchObject({ ok: true, count: 3 });
    });

    it('an altered row is named', async () => {
      await chain(10);
      await engine.dropTriggers(s);
      await s.db.updateTable('audit_log').set({ after_json: '{"grade":"不称职"}' }).where('seq', '=', 4).execute();
      expect(await verifyAudit(s.db)).toMatchObject({ ok: false, seq: 4, reason: expect.stringMatching(/altered/) });
    });

    it('a row altered and re-hashed (so it is self-consistent) is named by the broken link after it', async () => {
      await chain(10);
      await engine.dropTriggers(s);
      const r4 = (await rows(s))[3]!;
      const forged = { ...r4, username: 'nobody' };
      await s.db
        .updateTable('audit_log')
        .set({ username: 'nobody', hash: entryHash(forged) })
        .where('seq', '=', 4)
        .execute();
      expect(await verifyAudit(s.db)).toMatchObject({
        ok: false,
        seq: 4,
        reason: expect.stringMatching(/altered and re-hashed/),
      });
    });

    it('a deleted row is named', async () => {
      await chain(10);
      await engine.dropTriggers(s);
      await s.db.deleteFrom('audit_log').where('seq', '=', 6).execute();
      expect(await verifyAudit(s.db)).toMatchObject({ ok: false, seq: 6, reason: expect.stringMatching(/deleted/) });
    });

    it('deleting the first rows is detected', async () => {
      await chain(5);
      await engine.dropTriggers(s);
      await s.db.deleteFrom('audit_log').where('seq', '<=', 2).execute();
      expect(await verifyAudit(s.db)).toMatchObject({
        ok: false,
        seq: 1,
        reason: expect.stringMatching(/1–2 deleted/),
      });
    });

    it('two swapped rows are named as reordered', async () => {
      await chain(10);
      await engine.dropTriggers(s);
      // exchange the places of entries 3 and 7 (their seq numbers), keeping everything else as written
      await s.db.updateTable('audit_log').set({ seq: -7 }).where('seq', '=', 7).execute();
      await s.db.updateTable('audit_log').set({ seq: 7 }).where('seq', '=', 3).execute();
      await s.db.updateTable('audit_log').set({ seq: 3 }).where('seq', '=', -7).execute();
      expect(await verifyAudit(s.db)).toMatchObject({
        ok: false,
        seq: 3,
        reason: expect.stringMatching(/entry 3 reordered: its contents were written after entry 6/),
      });
    });

    it('concurrent appends never fork the chain', async () => {
      s = await engine.open();
      // a second, independent connection appending at the same time (on PostgreSQL: another pool, as another
      // server process would be)
      const other =
        dialect === 'postgres'
          ? ((await openStore({ dataDir: '/nonexistent', databaseUrl: pgDb!.url })) as Store)
          : undefined;
      try {
        const writers = [s, other ?? s].flatMap((st, w) =>
          Array.from({ length: 40 }, (_, i) =>
            // half of them inside a caller's transaction, as the routes do
            i % 2
              ? appendAudit(st.db, entry(w * 100 + i))
              : st.db.transaction().execute((trx) => appendAudit(trx, entry(w * 100 + i))),
          ),
        );
        await Promise.all(writers);
      } finally {
        await other?.close();
      }
      const all = await rows(s);
      expect(all.map((r) => Number(r.seq))).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
      expect(await verifyAudit(s.db)).toMatchObject({ ok: true, count: 80 });
    });

    if (dialect === 'sqlite') {
      it('`sanxiang audit verify` exits 0 on an intact chain and 1 naming the entry otherwise', async () => {
        await chain(8);
        const dir = engine.dataDir()!;
        const ok = cli(['audit', 'verify', '--data', dir]);
        expect(ok.stderr).toBe('');
        expect(ok.status).toBe(0);
        expect(ok.stdout).toMatch(/intact: 8/);
        const head = /head (\d+:[0-9a-f]{64})/.exec(ok.stdout)![1]!;

        // truncating the tail leaves a valid, shorter chain: only a head recorded earlier reveals it
        await engine.dropTriggers(s);
        await s.db.deleteFrom('audit_log').where('seq', '>=', 7).execute();
        expect(cli(['audit', 'verify', '--data', dir]).status).toBe(0);
        const cut = cli(['audit', 'verify', '--data', dir, '--expect-head', head]);
        expect(cut.status).toBe(1);
        expect(cut.stdout).toMatch(/seq 8.*truncated/);

        await s.db.updateTable('audit_log').set({ ip: '10.0.0.66' }).where('seq', '=', 5).execute();
        const bad = cli(['audit', 'verify', '--data', dir]);
        expect(bad.status).toBe(1);
        expect(bad.stdout).toMatch(/BROKEN at seq 5: 第 5 条审计记录被篡改/);
        const json = JSON.parse(cli(['audit', 'verify', '--data', dir, '--json']).stdout) as object;
        expect(json).toMatchObject({ ok: false, seq: 5 });
        // five CLI processes, each loading the whole program: on a busy machine that alone can pass a minute
      }, 240_000);
    }
  });
}

describe('what the trail records', () => {
  afterEach(() => removeTempDirs());
  it('keeps before/after as canonical JSON but never a 身份证号 or a secret in clear', async () => {
    const s = (await openStore({ dataDir: tempDir() })) as Store;
    try {
      await appendAudit(
        s.db,
        entry(1, {
          before: { name: '王小明', idNumber: '320684198001011234', version: 1 },
          after: { version: 2, name: '王晓明', idNumber: '320684198001011234', nested: [{ totpSecret: 'JBSWY3DP' }] },
        }),
      );
      const [r] = await rows(s);
      expect(r!.before_json).toBe('{"idNumber":"[已隐去 redacted]","name":"王小明","version":1}');
      expect(r!.after_json).not.toMatch(/320684|JBSWY3DP/);
      expect(JSON.parse(r!.after_json!)).toMatchObject({ name: '王晓明', version: 2 });
      expect(await verifyAudit(s.db)).toMatchObject({ ok: true, count: 1 });
    } finally {
      await s.close();
    }
  });
});

describe('group commit of appends outside a transaction', () => {
  afterEach(() => removeTempDirs());
  it('each caller resumes only once its entry is committed (another connection sees it), in one chain', async () => {
    const dir = tempDir();
    const s = (await openStore({ dataDir: dir })) as Store;
    const other = (await openStore({ dataDir: dir })) as Store;
    try {
      const missing: number[] = [];
      await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          await appendAudit(s.db, entry(i));
          const mine = await other.db
            .selectFrom('audit_log')
            .select('seq')
            .where('target_id', '=', `c${i}`)
            .executeTakeFirst();
          if (!mine) missing.push(i);
        }),
      );
      expect(missing).toEqual([]);
      expect(await verifyAudit(other.db)).toMatchObject({ ok: true, count: 50 });
    } finally {
      await other.close();
      await s.close();
    }
  });

  it('a failed batch fails every caller in it (nothing is acknowledged that was not written)', async () => {
    const s = (await openStore({ dataDir: tempDir() })) as Store;
    try {
      await sql`drop table audit_log`.execute(s.db);
      const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => appendAudit(s.db, entry(i))));
      expect(results.map((r) => r.status)).toEqual(Array(5).fill('rejected'));
    } finally {
      await s.close();
    }
  });
});
