// Passwords: argon2id hashes and the complexity rule (at least 10 characters using 3 of the 4 classes: upper
// case, lower case, digits, symbols), as 等保2.0 level 3 reviews expect.
import { randomInt } from 'node:crypto';
import { hash, verify, Algorithm } from '@node-rs/argon2';
import { textProblem } from '../../domain/values.js';

// OWASP's argon2id baseline (19 MiB, 2 passes): a login costs tens of milliseconds, not seconds.
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, OPTIONS);
}

export async function verifyPassword(stored: string, plain: string): Promise<boolean> {
  try {
    return await verify(stored, plain);
  } catch {
    return false; // a malformed stored hash never lets anyone in
  }
}

/** A hash of nothing anyone knows: unknown usernames are checked against it so timing does not reveal them. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword(`dummy-${randomInt(1e9)}-Aa1!`));
}

export const MIN_PASSWORD_LENGTH = 10;

/** Why a password is too weak, or undefined when it passes. */
export function passwordProblem(pw: string): { reason_zh: string; reason: string } | undefined {
  // a control character (NUL padding), a lone surrogate or a direction override cannot be typed at the login form
  // and would make a password that looks like another; a NUL-padded password also counted towards the length
  const wrong = textProblem(pw);
  if (wrong) return { reason_zh: `密码${wrong.zh}`, reason: `password ${wrong.en}` };
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  if ([...pw].length < MIN_PASSWORD_LENGTH || classes < 3)
    return {
      reason_zh: `密码至少 ${MIN_PASSWORD_LENGTH} 位，且须包含大写字母、小写字母、数字、符号中的至少三类`,
      reason: `password must be at least ${MIN_PASSWORD_LENGTH} characters and use 3 of: upper case, lower case, digits, symbols`,
    };
  return undefined;
}

const ALPHABETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '!@#$%^&*-_+='];

/** A random password that passes the rule (temporary passwords, demo accounts): 16 characters, all 4 classes. */
export function generatePassword(length = 16): string {
  const chars = ALPHABETS.map((a) => a[randomInt(a.length)]!);
  const all = ALPHABETS.join('');
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
