// Field encryption at rest: SM4 with encrypt-then-MAC. Node's OpenSSL has SM4 in CBC/CTR/CFB/OFB/ECB but no
// SM4-GCM, so a field is SM4-CBC under a random IV followed by HMAC-SM3 over everything before the tag; the tag
// is checked (in constant time) before anything is decrypted, so a changed ciphertext is refused, never
// decrypted into garbage.
//
// Stored form:  sm4:<kid>:<base64(iv 16 | ciphertext | tag 32)>
//   kid = first 8 hex digits of SM3 over the master key: which key wrote the field. It lets a key ring hold the
//   old and the new key during `sanxiang key rotate` and makes "wrong key" a clear error rather than a bad MAC.
//   The MAC covers the kid too, so a ciphertext cannot be relabelled to another key.
//
// The 32-byte master key is never used directly: the SM4 key and the MAC key are derived from it with
// HMAC-SM3 under distinct labels, so the two uses can never interact.
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { hmacSm3, sm3Hex } from './sm.js';

export const KEY_FILE = 'sanxiang.key';
/** written first by `key rotate`; present only while a rotation is unfinished (see src/server/ops/key-rotate.ts) */
export const NEW_KEY_FILE = 'sanxiang.key.new';
export const KEY_ENV = 'SANXIANG_KEY';
/** during a rotation with keys from the environment: the key being rotated to */
export const NEW_KEY_ENV = 'SANXIANG_NEW_KEY';

const PREFIX = 'sm4:';
const IV_LEN = 16;
const TAG_LEN = 32;
const MASTER_LEN = 32;

export class KeyError extends Error {}

export class DecryptError extends Error {}

interface DerivedKey {
  kid: string;
  enc: Buffer;
  mac: Buffer;
}

function derive(master: Buffer): DerivedKey {
  if (master.length !== MASTER_LEN)
    throw new KeyError(`密钥长度应为 32 字节 (the key must be 32 bytes, got ${master.length})`);
  return {
    kid: sm3Hex(master).slice(0, 8),
    enc: hmacSm3(master, Buffer.from('sanxiang field encryption sm4')).subarray(0, 16),
    mac: hmacSm3(master, Buffer.from('sanxiang field authentication hmac-sm3')),
  };
}

/** True when a stored value is a ciphertext written by FieldCipher (anything else is legacy plaintext). */
export function isEncrypted(stored: unknown): stored is string {
  return typeof stored === 'string' && stored.startsWith(PREFIX);
}

/** The kid a stored ciphertext names. */
export function keyIdOf(stored: string): string | undefined {
  return isEncrypted(stored) ? stored.slice(PREFIX.length, PREFIX.length + 8) : undefined;
}

export class FieldCipher {
  private readonly primary: DerivedKey;
  private readonly ring: Map<string, DerivedKey>;

  /**
   * @param master the key new values are encrypted under
   * @param alsoAccept further keys accepted for decryption (an unfinished rotation)
   */
  constructor(master: Buffer, alsoAccept: readonly Buffer[] = []) {
    this.primary = derive(master);
    this.ring = new Map([[this.primary.kid, this.primary]]);
    for (const k of alsoAccept) {
      const d = derive(k);
      this.ring.set(d.kid, d);
    }
  }

  /** kid of the key this cipher encrypts under */
  get keyId(): string {
    return this.primary.kid;
  }

  /** every kid this cipher can decrypt */
  get keyIds(): string[] {
    return [...this.ring.keys()];
  }

  encrypt(plain: string): string {
    const k = this.primary;
    const iv = randomBytes(IV_LEN);
    const c = createCipheriv('sm4-cbc', k.enc, iv);
    const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    const tag = hmacSm3(k.mac, Buffer.from(k.kid), iv, ct);
    return `${PREFIX}${k.kid}:${Buffer.concat([iv, ct, tag]).toString('base64')}`;
  }

  decrypt(stored: string): string {
    if (!isEncrypted(stored)) throw new DecryptError('不是加密字段 (not an encrypted field)');
    const kid = stored.slice(PREFIX.length, PREFIX.length + 8);
    const k = this.ring.get(kid);
    if (!k)
      throw new DecryptError(
        `字段由另一把密钥加密 (field encrypted under key ${kid}; this server has ${this.keyIds.join(', ')})`,
      );
    if (stored[PREFIX.length + 8] !== ':') throw new DecryptError('加密字段格式错误 (malformed encrypted field)');
    const raw = Buffer.from(stored.slice(PREFIX.length + 9), 'base64');
    if (raw.length < IV_LEN + 16 + TAG_LEN || (raw.length - IV_LEN - TAG_LEN) % 16 !== 0)
      throw new DecryptError('加密字段格式错误 (malformed encrypted field)');
    const iv = raw.subarray(0, IV_LEN);
    const ct = raw.subarray(IV_LEN, raw.length - TAG_LEN);
    const tag = raw.subarray(raw.length - TAG_LEN);
    if (!timingSafeEqual(tag, hmacSm3(k.mac, Buffer.from(kid), iv, ct)))
      throw new DecryptError('加密字段校验失败，数据可能被篡改 (encrypted field failed authentication)');
    const d = createDecipheriv('sm4-cbc', k.enc, iv);
    return Buffer.concat([d.update(ct), d.final()]).toString('utf8');
  }
}

/** A fresh random master key. */
export function generateKey(): Buffer {
  return randomBytes(MASTER_LEN);
}

/** Key text as written to a key file or SANXIANG_KEY: 64 hex digits. */
export function formatKey(key: Buffer): string {
  return key.toString('hex');
}

/** Parses 64 hex digits or base64 of 32 bytes. */
export function parseKey(text: string, where: string): Buffer {
  const t = text.trim();
  let key: Buffer | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(t)) key = Buffer.from(t, 'hex');
  else if (/^[A-Za-z0-9+/_-]{42,44}={0,2}$/.test(t)) key = Buffer.from(t, 'base64');
  if (!key || key.length !== MASTER_LEN)
    throw new KeyError(
      `${where} 中的密钥无效：应为 32 字节的十六进制（64 位）或 base64 (${where}: the key must be 32 bytes as hex or base64)`,
    );
  return key;
}

/** Writes a key file with mode 0600, durably (fsync), refusing to overwrite. */
export function writeKeyFile(file: string, key: Buffer): void {
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, formatKey(key) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(file, 0o600); // the umask may have narrowed, never widened, but say it explicitly
  fsyncDir(path.dirname(file));
}

export function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some filesystems refuse fsync on a directory; the rename is still atomic
  }
}

function readKeyFile(file: string): Buffer {
  const st = readFileSync(file, 'utf8');
  return parseKey(st, file);
}

export interface LoadKeyOptions {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  /** create `<data>/sanxiang.key` (0600) when there is neither SANXIANG_KEY nor a key file (default true) */
  create?: boolean;
}

export interface LoadedKey {
  cipher: FieldCipher;
  /** where the primary key came from */
  source: 'env' | 'file' | 'created';
  /** the key file, when the key came from one */
  file?: string;
  /** true when an unfinished rotation's new key is also accepted */
  rotationPending: boolean;
}

/**
 * The field cipher for a data directory. SANXIANG_KEY wins over the key file; otherwise `<data>/sanxiang.key`,
 * created on first use (init/serve) with mode 0600. While a rotation is unfinished (sanxiang.key.new or
 * SANXIANG_NEW_KEY present) both keys decrypt; new values still use the current key until the rotation
 * completes, so every field stays readable whatever moment a crash interrupted it.
 */
export function loadKeyDetails(opts: LoadKeyOptions): LoadedKey {
  const env = opts.env ?? process.env;
  const envKey = env[KEY_ENV]?.trim();
  if (envKey) {
    const primary = parseKey(envKey, KEY_ENV);
    const next = env[NEW_KEY_ENV]?.trim();
    const extra = next ? [parseKey(next, NEW_KEY_ENV)] : [];
    return { cipher: new FieldCipher(primary, extra), source: 'env', rotationPending: extra.length > 0 };
  }
  const file = path.resolve(opts.dataDir, KEY_FILE);
  const newFile = path.resolve(opts.dataDir, NEW_KEY_FILE);
  let source: LoadedKey['source'] = 'file';
  if (!existsSync(file)) {
    if (existsSync(newFile))
      // a rotation renames .new over the key file as its very last step; a .new alone means the key file was
      // removed by hand, and guessing could make data unreadable
      throw new KeyError(
        `缺少密钥文件 ${file}（仅有 ${NEW_KEY_FILE}）(key file missing; only ${NEW_KEY_FILE} exists: restore the key file)`,
      );
    if (opts.create === false)
      throw new KeyError(`缺少密钥：请设置 ${KEY_ENV} 或先运行 sanxiang init (no key: set ${KEY_ENV} or run init)`);
    mkdirSync(opts.dataDir, { recursive: true });
    writeKeyFile(file, generateKey());
    source = 'created';
  }
  const primary = readKeyFile(file);
  const extra = existsSync(newFile) ? [readKeyFile(newFile)] : [];
  return { cipher: new FieldCipher(primary, extra), source, file, rotationPending: extra.length > 0 };
}

/** The contract's entry point: the FieldCipher for `<data>` (see loadKeyDetails). */
export function loadKey(opts: LoadKeyOptions): FieldCipher {
  return loadKeyDetails(opts).cipher;
}
