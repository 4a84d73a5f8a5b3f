// `sanxiang backup` / `sanxiang restore` on SQLite: a consistent snapshot while another process keeps writing,
// a checksum beside it, restore refusing a damaged file or a database still in use, and restore bringing the
// record back.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, storeOptionsFromEnv, type OpenedStore } from '../../src/store/index.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { verifyAudit } from '../../src/server/audit/trail.js';
import { cli, removeTempDirs, ROOT, tempDir } from './helpers.js';

type Store = OpenedStore & KyselyStore;

afterEach(() => removeTempDirs());

async function seed(dir: string): Promise<void> {
  const s = (await openStore(storeOptionsFromEnv(dir))) as Store;
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
  await s.close();
}

async function open(dir: string): Promise<Store> {
  return (await openStore(storeOptionsFromEnv(dir))) as Store;
}

describe('backup and restore (SQLite)', () => {
  it('takes a consistent snapshot while another process keeps writing, with a sha256 beside it', async () => {
    const dir = tempDir();
    await seed(dir);
    const writer = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/ops/fixtures/writer.ts'), dir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        writer.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
        writer.once('exit', (code) => reject(new Error(`writer exited early (${code})`)));
      });
      const out = tempDir();
      const file = path.join(out, 'snap.db');
      const r = cli(['backup', file, '--data', dir]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/sha256 [0-9a-f]{64}/);
      // the writer was still going: the backup is a moment of it, every committed edit with its audit entry
      expect(writer.exitCode).toBeNull();
      expect(spawnSync('sha256sum', ['-c', `${file}.sha256`], { cwd: out, encoding: 'utf8' }).status).toBe(0);

      // open the snapshot as a data directory of its own (same key) and check it
      const copy = tempDir();
      copyFileSync(file, path.join(copy, 'sanxiang.db'));
      copyFileSync(path.join(dir, 'sanxiang.key'), path.join(copy, 'sanxiang.key'));
      const s = await open(copy);
      try {
        const v = await verifyAudit(s.db);
        expect(v.ok).toBe(true);
        const c1 = (await s.repo('cadres').get('c1'))!;
        // each edit bumped the version and appended one entry in the same transaction: they agree exactly
        expect(c1.version - 1).toBe(v.ok ? v.count : -1);
        expect(c1.idNumber).toBe('320684198001011234');
      } finally {
        await s.close();
      }
    } finally {
      writer.kill('SIGKILL');
    }
  });

  it('restore refuses a file whose checksum fails (or is missing) and changes nothing', async () => {
    const dir = tempDir();
    await seed(dir);
    const file = path.join(tempDir(), 'b.db');
    expect(cli(['backup', file, '--data', dir]).status).toBe(0);
    const bytes = readFileSync(file);
    bytes[bytes.length - 100]! ^= 0xff;
    writeFileSync(file, bytes);
    const before = readFileSync(path.join(dir, 'sanxiang.db'));
    const r = cli(['restore', file, '--data', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/checksum mismatch/);
    expect(readFileSync(path.join(dir, 'sanxiang.db')).equals(before)).toBe(true);

    const lone = path.join(tempDir(), 'lone.db');
    copyFileSync(path.join(dir, 'sanxiang.db'), lone);
    const r2 = cli(['restore', lone, '--data', dir]);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/checksum file missing/);
  });

  it('restore brings the record back, keeps the replaced database, and refuses while the database is open', async () => {
    const dir = tempDir();
    await seed(dir);
    const file = path.join(tempDir(), 'b.db');
    expect(cli(['backup', file, '--data', dir]).status).toBe(0);

    let s = await open(dir);
    const c1 = (await s.repo('cadres').get('c1'))!;
    await s.repo('cadres').update('c1', c1.version, { name: '改过的名字' });
    // a server (here: this open connection) still using the database
    const busy = cli(['restore', file, '--data', dir]);
    expect(busy.status).toBe(2);
    expect(busy.stderr).toMatch(/stop the server/);
    await s.close();

    const r = cli(['restore', file, '--data', dir]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    s = await open(dir);
    try {
      expect((await s.repo('cadres').get('c1'))!.name).toBe('干部0');
    } finally {
      await s.close();
    }
    const kept = readdirSync(dir).filter((f) => f.startsWith('sanxiang.db.before-restore-'));
    expect(kept).toHaveLength(1);
    const old = tempDir();
    mkdirSync(old, { recursive: true });
    copyFileSync(path.join(dir, kept[0]!), path.join(old, 'sanxiang.db'));
    copyFileSync(path.join(dir, 'sanxiang.key'), path.join(old, 'sanxiang.key'));
    const o = await open(old);
    try {
      expect((await o.repo('cadres').get('c1'))!.name).toBe('改过的名字');
    } finally {
      await o.close();
    }
    expect(existsSync(path.join(dir, 'sanxiang.db.restoring'))).toBe(false);
  });
});
