// TOTP against the RFC 6238 appendix B test vectors (SHA-1, 8 digits) and RFC 4226 appendix D (HOTP).
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, totp, totpStep, verifyTotp } from './totp.js';

const KEY = Buffer.from('12345678901234567890', 'ascii');

describe('RFC 6238 test vectors (SHA-1)', () => {
  const vectors: [number, string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];
  for (const [t, code] of vectors) it(`T=${t} → ${code}`, () => expect(totp(KEY, t, 8)).toBe(code));
  it('SHA-256 vector T=59', () =>
    expect(totp(Buffer.from('12345678901234567890123456789012', 'ascii'), 59, 8, 'sha256')).toBe('46119246'));
});

describe('RFC 4226 HOTP', () => {
  const codes = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  codes.forEach((c, i) => it(`counter ${i} → ${c}`, () => expect(hotp(KEY, i)).toBe(c)));
});

describe('verifyTotp', () => {
  const secret = base32Encode(KEY);
  it('base32 round-trips', () => expect(base32Decode(secret).equals(KEY)).toBe(true));
  it('accepts the current step and one step of drift, not two', () => {
    const now = 1111111111_000;
    const at = (s: number) => totp(KEY, s);
    expect(verifyTotp(secret, at(1111111111), now)).toBe(true);
    expect(verifyTotp(secret, at(1111111111 - 30), now)).toBe(true);
    expect(verifyTotp(secret, at(1111111111 + 30), now)).toBe(true);
    expect(verifyTotp(secret, at(1111111111 - 90), now)).toBe(false);
    expect(verifyTotp(secret, 'abcdef', now)).toBe(false);
  });
});

describe('totpStep', () => {
  const secret = base32Encode(KEY);
  it('names the step a code belongs to, within one step of drift', () => {
    const now = 1111111111_000;
    const step = Math.floor(1111111111 / 30);
    expect(totpStep(secret, totp(KEY, 1111111111), now)).toBe(step);
    expect(totpStep(secret, totp(KEY, 1111111111 - 30), now)).toBe(step - 1);
    expect(totpStep(secret, totp(KEY, 1111111111 + 30), now)).toBe(step + 1);
    expect(totpStep(secret, totp(KEY, 1111111111 - 60), now)).toBeUndefined();
  });
});
