// TOTP second factor (RFC 6238 over RFC 4226 HOTP, HMAC-SHA1, 6 digits, 30-second steps) on node:crypto, so no
// dependency is needed for a few lines of arithmetic. Secrets travel as base32 (what authenticator apps read).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(buf: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(s: string): Buffer {
  const clean = s.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const v = B32.indexOf(ch);
    if (v < 0) throw new Error(`invalid base32 character: ${ch}`);
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 4226 HOTP with dynamic truncation. */
export function hotp(
  key: Buffer,
  counter: number,
  digits = 6,
  algorithm: 'sha1' | 'sha256' | 'sha512' = 'sha1',
): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const bin = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(bin).padStart(digits, '0');
}

export const TOTP_STEP_SECONDS = 30;

/** RFC 6238: the code for the step containing `unixSeconds`. */
export function totp(
  key: Buffer,
  unixSeconds: number,
  digits = 6,
  algorithm: 'sha1' | 'sha256' | 'sha512' = 'sha1',
): string {
  return hotp(key, Math.floor(unixSeconds / TOTP_STEP_SECONDS), digits, algorithm);
}

/**
 * The time step a code belongs to: the current step or one on either side (clock drift between phone and
 * server), or undefined when it matches none. The caller remembers the step a login used and refuses any code
 * of that step or an earlier one (users.totp_last_step), so no code works twice.
 */
export function totpStep(secretBase32: string, code: string, nowMs: number): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const key = base32Decode(secretBase32);
  const step = Math.floor(nowMs / 1000 / TOTP_STEP_SECONDS);
  for (const drift of [0, -1, 1]) {
    const expected = hotp(key, step + drift);
    if (timingSafeEqual(Buffer.from(expected), Buffer.from(code))) return step + drift;
  }
  return undefined;
}

/** Accepts the current step and one on either side (clock drift between phone and server). */
export function verifyTotp(secretBase32: string, code: string, nowMs: number): boolean {
  return totpStep(secretBase32, code, nowMs) !== undefined;
}

export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

export function otpauthUrl(secretBase32: string, username: string, issuer = 'Sanxiang'): string {
  const label = encodeURIComponent(`${issuer}:${username}`);
  return `otpauth://totp/${label}?secret=${secretBase32}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}
