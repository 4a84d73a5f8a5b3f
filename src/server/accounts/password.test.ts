import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from './password.js';

describe('password complexity (≥10 characters, 3 of 4 classes)', () => {
  it('refuses 9 characters even with all four classes', () => expect(passwordProblem('Aa1!Aa1!A')).toBeDefined());
  it('accepts exactly 10 characters with three classes', () => expect(passwordProblem('Abcdefghi1')).toBeUndefined());
  it('refuses a password padded with NULs or holding other characters no keyboard types', () => {
    expect(passwordProblem('Abcdefghi1\u0000\u0000')).toBeDefined();
    expect(passwordProblem('Abc\u0000defghi1')).toBeDefined();
    expect(passwordProblem('Abcdefghi1\ud800')).toBeDefined();
    expect(passwordProblem('Abcdefghi1\u202e')).toBeDefined();
  });
  it('refuses two classes however long', () => expect(passwordProblem('abcdefghijklmnop123')).toBeDefined());
  it('counts symbols (and non-ASCII) as the fourth class', () =>
    expect(passwordProblem('abcdefghi1！')).toBeUndefined());
  it('generated passwords pass', () => {
    for (let i = 0; i < 20; i++) expect(passwordProblem(generatePassword())).toBeUndefined();
  });
});

describe('argon2id', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const h = await hashPassword('Correct-Horse-1');
    expect(h.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(h, 'Correct-Horse-1')).toBe(true);
    expect(await verifyPassword(h, 'Correct-Horse-2')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
