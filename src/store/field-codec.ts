// Encrypted columns. The store does not know the cipher (src/crypto, below both store and server); it is handed
// an optional codec at open and applies it to the columns listed here on every write and read, so callers see
// plaintext and the database holds only ciphertext. Without a codec values pass through unchanged (tools and
// tests that need no encryption), and a stored value that is not a ciphertext (written before encryption was
// switched on) reads as it is until `sanxiang key rotate` encrypts it.
import type { RecordKind } from '../domain/entities.js';

export interface FieldCodec {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

/** Marker every ciphertext starts with (src/crypto/fields.ts writes `sm4:<kid>:…`). */
export const CIPHERTEXT_PREFIX = 'sm4:';

/** Entity fields stored encrypted, per record kind. */
export const ENCRYPTED_FIELDS: Partial<Record<RecordKind, readonly string[]>> = {
  cadres: ['idNumber'], // 身份证号
};

/**
 * Every encrypted column in the database, including tables outside the record kinds (users.totp_secret is
 * written already encrypted by the server). `key rotate` re-encrypts exactly these; a table that does not
 * exist yet is skipped.
 */
export const ENCRYPTED_COLUMNS: readonly { table: string; column: string }[] = [
  { table: 'cadres', column: 'id_number' },
  { table: 'users', column: 'totp_secret' },
  // case attachments (base64 of the file), written already encrypted by the server
  { table: 'case_attachments', column: 'content' },
];

export function encryptedFields(kind: RecordKind): readonly string[] | undefined {
  return ENCRYPTED_FIELDS[kind];
}

/** A copy of `row` with its encrypted fields encrypted (the row itself is left alone). */
export function encodeFields<T extends object>(kind: RecordKind, row: T, codec: FieldCodec | undefined): T {
  const fields = ENCRYPTED_FIELDS[kind];
  if (!codec || !fields) return row;
  let out: Record<string, unknown> | undefined;
  for (const f of fields) {
    const v = (row as Record<string, unknown>)[f];
    if (typeof v !== 'string') continue; // null/undefined stay as they are
    out ??= { ...(row as Record<string, unknown>) };
    out[f] = codec.encrypt(v);
  }
  return (out ?? row) as T;
}

/** Decrypts the encrypted fields of an entity in place. */
export function decodeFields<T extends object>(kind: RecordKind, entity: T, codec: FieldCodec | undefined): T {
  const fields = ENCRYPTED_FIELDS[kind];
  if (!codec || !fields) return entity;
  const e = entity as Record<string, unknown>;
  for (const f of fields) {
    const v = e[f];
    if (typeof v === 'string' && v.startsWith(CIPHERTEXT_PREFIX)) e[f] = codec.decrypt(v);
  }
  return entity;
}
