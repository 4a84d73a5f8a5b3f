// `sanxiang backup` / `restore` on PostgreSQL (pg_dump custom format + sha256; pg_restore in one transaction).
import path from 'node:path';
import { writeFileSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openStore, storeOptionsFromEnv, type OpenedStore } from '../../src/store/index.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { appendAudit, verifyAudit } from '../../src/server/audit/trail.js';
import { createTestDatabase } from '../pg-harness.js';
import { cli, entry, removeTempDirs, tempDir } from './helpers.js';

type Store = OpenedStore & KyselyStore;

describe('backup and restore (PostgreSQL)', () => {
  let db: { url: string; drop(): Promise<void> };
  beforeAll(async () => {
    const server = inject('pgUrl');
    if (!server) throw new Error('no PostgreSQL server was provided to the tests (test/global-setup.ts)');
    db = await createTestDatabase(server);
  });
  afterAll(async () => {
    await db?.drop();
    removeTempDirs();
  });

  it('backs up with pg_dump and a checksum, refuses a damaged file, restores the record and its audit trail', async () => {
    const dir = tempDir();
    const env = { SANXIANG_DATABASE_URL: db.url };
    let s = (await openStore(storeOptionsFromEnv(dir, { ...process.env, ...env }))) as Store;
    await s.repo('units').insert({ id: 'nt', name: '南通市', kind: 'city', parentId: null, pack: 'jiangsu' });
    await s.repo('cadres').insert({
      id: 'c1',
      name: '干部0',
      gender: '男',
      birthDate: '1980-01-01',
      idNumber: '320684198001011234',
      category: '公务员',
      managingUnitId: 'nt',
    });
    for (let i = 1; i <= 5; i++) await appendAudit(s.db, entry(i));
    await s.close();

    const file = path.join(tempDir(), 'pg.dump');
    const b = cli(['backup', file, '--data', dir], env);
    expect(b.stderr).toBe('');
    expect(b.status).toBe(0);
    expect(b.stdout).toMatch(/postgres/);

    s = (await openStore(storeOptionsFromEnv(dir, { ...process.env, ...env }))) as Store;
    const c1 = (await s.repo('cadres').get('c1'))!;
    await s.repo('cadres').update('c1', c1.version, { name: '改过的名字' });
    await appendAudit(s.db, entry(6));
    await s.close();

    const damaged = path.join(tempDir(), 'bad.dump');
    const bytes = readFileSync(file);
    bytes[bytes.length >> 1]! ^= 0xff;
    writeFileSync(damaged, bytes);
    writeFileSync(`${damaged}.sha256`, readFileSync(`${file}.sha256`));
    const bad = cli(['restore', damaged, '--data', dir], env);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/checksum mismatch/);

    const r = cli(['restore', file, '--data', dir], env);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    s = (await openStore(storeOptionsFromEnv(dir, { ...process.env, ...env }))) as Store;
    try {
      const back = (await s.repo('cadres').get('c1'))!;
      expect(back.name).toBe('干部0');
      expect(back.idNumber).toBe('320684198001011234');
      expect(await verifyAudit(s.db)).toMatchObject({ ok: true, count: 5 });
      // the append-only triggers came back with the table
      await expect(s.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    } finally {
      await s.close();
    }
  });
});
