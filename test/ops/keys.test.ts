// Encryption at rest: SM4 encrypt-then-MAC fields, the key file, 身份证号 in the store, and `key rotate` including
// a rotation interrupted at each step.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { openStore, storeOptionsFromEnv, type OpenedStore } from '../../src/store/index.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import type { NewRecord } from '../../src/domain/entities.js';
import {
  DecryptError,
  FieldCipher,
  KEY_FILE,
  KeyError,
  NEW_KEY_FILE,
  formatKey,
  generateKey,
  keyIdOf,
  loadKey,
  loadKeyDetails,
  writeKeyFile,
} from '../../src/crypto/fields.js';
import { rotateKey } from '../../src/server/ops/key-rotate.js';
import { verifyAudit } from '../../src/server/audit/trail.js';
import { createTestDatabase } from '../pg-harness.js';
import { cli, removeTempDirs, tempDir } from './helpers.js';

type Store = OpenedStore & KyselyStore;
const NO_ENV = {};

afterEach(() => removeTempDirs());

describe('FieldCipher (SM4-CBC + HMAC-SM3)', () => {
  const c = new FieldCipher(generateKey());

  it('round-trips text, including Chinese and the empty string', () => {
    for (const t of ['320684198001011234', '王小明 · 案情陈述', '']) expect(c.decrypt(c.encrypt(t))).toBe(t);
  });

  it('hides the plaintext and never repeats a ciphertext (random IV)', () => {
    const a = c.encrypt('320684198001011234');
    const b = c.encrypt('320684198001011234');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^sm4:[0-9a-f]{8}:/);
    expect(a).not.toContain('1980');
  });

  it('refuses a ciphertext with any byte changed, and one relabelled to another key', () => {
    const s = c.encrypt('320684198001011234');
    const raw = Buffer.from(s.slice(13), 'base64');
    for (const at of [0, 20, raw.length - 1]) {
      const bad = Buffer.from(raw);
      bad[at]! ^= 1;
      expect(() => c.decrypt(s.slice(0, 13) + bad.toString('base64'))).toThrow(/failed authentication/);
    }
    const other = new FieldCipher(generateKey(), [generateKey()]);
    expect(() => other.decrypt(s)).toThrow(DecryptError);
    expect(() => other.decrypt(s)).toThrow(new RegExp(`key ${c.keyId}`));
  });
});

describe('loadKey', () => {
  it('creates <data>/sanxiang.key with mode 0600 once, then reads the same key', () => {
    const dir = tempDir();
    const d = loadKeyDetails({ dataDir: dir, env: NO_ENV });
    expect(d.source).toBe('created');
    const file = path.join(dir, KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = loadKeyDetails({ dataDir: dir, env: NO_ENV });
    expect(again.source).toBe('file');
    expect(again.cipher.decrypt(d.cipher.encrypt('x'))).toBe('x');
  });

  it('does not create a key when told not to', () => {
    expect(() => loadKey({ dataDir: tempDir(), env: NO_ENV, create: false })).toThrow(KeyError);
  });

  it('takes SANXIANG_KEY (hex or base64) over the file, and rejects a key of the wrong size', () => {
    const dir = tempDir();
    const k = generateKey();
    const fromHex = loadKeyDetails({ dataDir: dir, env: { SANXIANG_KEY: formatKey(k) } });
    const fromB64 = loadKey({ dataDir: dir, env: { SANXIANG_KEY: k.toString('base64') } });
    expect(fromHex.source).toBe('env');
    expect(existsSync(path.join(dir, KEY_FILE))).toBe(false);
    expect(fromB64.decrypt(fromHex.cipher.encrypt('同一把密钥'))).toBe('同一把密钥');
    expect(() => loadKey({ dataDir: dir, env: { SANXIANG_KEY: 'abcd' } })).toThrow(/32 bytes/);
  });
});

const UNIT: NewRecord<'units'> = { id: 'nt', name: '南通市', kind: 'city', parentId: null, pack: 'jiangsu' };
const cadre = (id: string, idNumber: string | null): NewRecord<'cadres'> => ({
  id,
  name: `干部${id}`,
  gender: '男',
  birthDate: '1980-01-01',
  idNumber,
  category: '公务员',
  managingUnitId: 'nt',
});
const ID = (i: number) => `32068419800101${String(1000 + i)}`;

async function rawIdNumbers(s: Store): Promise<string[]> {
  const rows = (await s.db.selectFrom('cadres').select('id_number').orderBy('id').execute()) as {
    id_number: string | null;
  }[];
  return rows.map((r) => r.id_number ?? '');
}

async function storeWithCadres(dir: string, env: NodeJS.ProcessEnv = NO_ENV): Promise<Store> {
  const s = (await openStore(storeOptionsFromEnv(dir, env))) as Store;
  await s.repo('units').insert(UNIT);
  await s.repo('cadres').insert(cadre('c1', ID(1)));
  await s.insertMany('cadres', [cadre('c2', ID(2)), cadre('c3', null), cadre('c4', ID(4))]);
  return s;
}

describe('身份证号 encrypted in the store', () => {
  it('is stored as SM4 ciphertext and read back as plaintext by insert, insertMany, update, get, list, iterate', async () => {
    const s = await storeWithCadres(tempDir());
    try {
      const raw = await rawIdNumbers(s);
      expect(raw[0]).toMatch(/^sm4:/);
      expect(raw[1]).toMatch(/^sm4:/);
      expect(raw[2]).toBe(''); // null stays null
      expect(raw.join()).not.toContain('19800101');
      expect((await s.repo('cadres').get('c1'))!.idNumber).toBe(ID(1));
      const c2 = (await s.repo('cadres').get('c2'))!;
      await s.repo('cadres').update('c2', c2.version, { idNumber: ID(22) });
      expect((await rawIdNumbers(s))[1]).toMatch(/^sm4:/);
      expect((await s.repo('cadres').list()).map((c) => c.idNumber)).toEqual([ID(1), ID(22), null, ID(4)]);
      const seen: (string | null)[] = [];
      for await (const page of s.repo('cadres').iterate(2)) seen.push(...page.map((c) => c.idNumber));
      expect(seen).toEqual([ID(1), ID(22), null, ID(4)]);
      // equality on a random-IV ciphertext could never match: refused instead of silently finding nothing
      await expect(s.repo('cadres').list({ where: { idNumber: ID(1) } })).rejects.toThrow(/encrypted field/);
    } finally {
      await s.close();
    }
  });

  it('a value written before encryption was switched on still reads, and key rotate encrypts it', async () => {
    const dir = tempDir();
    const plain = (await openStore({ dataDir: dir })) as Store;
    await plain.repo('units').insert(UNIT);
    await plain.repo('cadres').insert(cadre('c1', ID(1)));
    await plain.close();
    const s = (await openStore(storeOptionsFromEnv(dir, NO_ENV))) as Store;
    try {
      expect((await s.repo('cadres').get('c1'))!.idNumber).toBe(ID(1));
      await rotateKey({ dataDir: dir, env: NO_ENV, db: s.db, dialect: s.dialect, sqlite: s.conn.sqlite });
      expect((await rawIdNumbers(s))[0]).toMatch(/^sm4:/);
    } finally {
      await s.close();
    }
  });
});

describe('sanxiang key rotate', () => {
  async function readAll(dir: string, env: NodeJS.ProcessEnv = NO_ENV): Promise<(string | null)[]> {
    const s = (await openStore(storeOptionsFromEnv(dir, env))) as Store;
    try {
      return (await s.repo('cadres').list()).map((c) => c.idNumber);
    } finally {
      await s.close();
    }
  }
  const EXPECTED = [ID(1), ID(2), null, ID(4)];

  it('re-encrypts every field under a new key, replaces the key file (0600) and records it in the audit trail', async () => {
    const dir = tempDir();
    const s = await storeWithCadres(dir);
    const oldKid = keyIdOf((await rawIdNumbers(s))[0]!);
    const oldKey = readFileSync(path.join(dir, KEY_FILE), 'utf8');
    await s.close();

    const r = cli(['key', 'rotate', '--data', dir]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/re-encrypted 3 fields/);

    const keyFile = path.join(dir, KEY_FILE);
    expect(readFileSync(keyFile, 'utf8')).not.toBe(oldKey);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(existsSync(path.join(dir, NEW_KEY_FILE))).toBe(false);
    const s2 = (await openStore(storeOptionsFromEnv(dir, NO_ENV))) as Store;
    try {
      const kids = new Set((await rawIdNumbers(s2)).filter(Boolean).map((v) => keyIdOf(v)));
      expect(kids.size).toBe(1);
      expect(kids.has(oldKid)).toBe(false);
      expect((await s2.repo('cadres').list()).map((c) => c.idNumber)).toEqual(EXPECTED);
      const audit = await s2.db.selectFrom('audit_log').selectAll().execute();
      expect(audit.map((a) => a.action)).toEqual(['key.rotate']);
      expect(await verifyAudit(s2.db)).toMatchObject({ ok: true, count: 1 });
    } finally {
      await s2.close();
    }
  });

  it('a crash after the commit but before the key file is replaced loses nothing, and a second run finishes', async () => {
    const dir = tempDir();
    const s = await storeWithCadres(dir);
    await expect(
      rotateKey({
        dataDir: dir,
        env: NO_ENV,
        db: s.db,
        dialect: s.dialect,
        sqlite: s.conn.sqlite,
        afterCommit: () => {
          throw new Error('simulated crash');
        },
      }),
    ).rejects.toThrow('simulated crash');
    await s.close();
    // fields are under the .new key now; the old key is still sanxiang.key; both are accepted meanwhile
    expect(existsSync(path.join(dir, NEW_KEY_FILE))).toBe(true);
    expect(loadKeyDetails({ dataDir: dir, env: NO_ENV }).rotationPending).toBe(true);
    expect(await readAll(dir)).toEqual(EXPECTED);
    const newKey = readFileSync(path.join(dir, NEW_KEY_FILE), 'utf8');

    const r = cli(['key', 'rotate', '--data', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/resumed/);
    expect(readFileSync(path.join(dir, KEY_FILE), 'utf8')).toBe(newKey);
    expect(existsSync(path.join(dir, NEW_KEY_FILE))).toBe(false);
    expect(await readAll(dir)).toEqual(EXPECTED);
  });

  it('a crash before the commit (new key written, nothing re-encrypted) loses nothing either', async () => {
    const dir = tempDir();
    const s = await storeWithCadres(dir);
    await s.close();
    writeKeyFile(path.join(dir, NEW_KEY_FILE), generateKey()); // what step 1 leaves behind
    expect(await readAll(dir)).toEqual(EXPECTED);
    expect(cli(['key', 'rotate', '--data', dir]).status).toBe(0);
    expect(await readAll(dir)).toEqual(EXPECTED);
  });

  it('with the key in SANXIANG_KEY it rotates to SANXIANG_NEW_KEY and tells the operator to switch', async () => {
    const dir = tempDir();
    const oldKey = formatKey(generateKey());
    const s = await storeWithCadres(dir, { SANXIANG_KEY: oldKey });
    await s.close();
    expect(cli(['key', 'rotate', '--data', dir], { SANXIANG_KEY: oldKey }).status).toBe(2); // no new key given
    const newKey = formatKey(generateKey());
    const r = cli(['key', 'rotate', '--data', dir], { SANXIANG_KEY: oldKey, SANXIANG_NEW_KEY: newKey });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/set SANXIANG_KEY/);
    expect(await readAll(dir, { SANXIANG_KEY: newKey })).toEqual(EXPECTED);
    await expect(readAll(dir, { SANXIANG_KEY: oldKey })).rejects.toThrow(/another key|另一把密钥/);
  });
});

describe('key rotate on PostgreSQL', () => {
  let db: { url: string; drop(): Promise<void> } | undefined;
  beforeAll(async () => {
    const server = inject('pgUrl');
    if (!server) throw new Error('no PostgreSQL server was provided to the tests (test/global-setup.ts)');
    db = await createTestDatabase(server);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('re-encrypts every field in one transaction and the record reads back under the new key', async () => {
    const dir = tempDir();
    const env = { SANXIANG_DATABASE_URL: db!.url };
    const s = await storeWithCadres(dir, env);
    try {
      const before = new Set((await rawIdNumbers(s)).filter(Boolean).map((v) => keyIdOf(v)));
      const r = await rotateKey({ dataDir: dir, env, db: s.db, dialect: s.dialect });
      expect(r.fields).toBe(3);
      const after = new Set((await rawIdNumbers(s)).filter(Boolean).map((v) => keyIdOf(v)));
      expect([...after]).toEqual([r.toKey]);
      expect(before.has(r.toKey)).toBe(false);
    } finally {
      await s.close();
    }
    const s2 = (await openStore(storeOptionsFromEnv(dir, env))) as Store;
    try {
      expect((await s2.repo('cadres').list()).map((c) => c.idNumber)).toEqual([ID(1), ID(2), null, ID(4)]);
      expect(await verifyAudit(s2.db)).toMatchObject({ ok: true, count: 1 });
      // through the CLI: refused while another client (here s2, standing for a server) is connected …
      const busy = cli(['key', 'rotate', '--data', dir], env);
      expect(busy.status).toBe(2);
      expect(busy.stderr).toMatch(/stop the server before rotating/);
    } finally {
      await s2.close();
    }
    // … and done once it is not
    const ok = cli(['key', 'rotate', '--data', dir], env);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(/re-encrypted 3 fields/);
    expect(await readAllPg(dir, env)).toEqual([ID(1), ID(2), null, ID(4)]);
  });
});

async function readAllPg(dir: string, env: NodeJS.ProcessEnv): Promise<(string | null)[]> {
  const s = (await openStore(storeOptionsFromEnv(dir, env))) as Store;
  try {
    return (await s.repo('cadres').list()).map((c) => c.idNumber);
  } finally {
    await s.close();
  }
}

describe('key rotate while the database is in use', () => {
  it('refuses, because a running server would go on writing under the key being retired', async () => {
    const dir = tempDir();
    const s = await storeWithCadres(dir); // stands for a running server
    try {
      const r = cli(['key', 'rotate', '--data', dir]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/stop the server before rotating/);
      expect(existsSync(path.join(dir, NEW_KEY_FILE))).toBe(false);
    } finally {
      await s.close();
    }
  });
});
