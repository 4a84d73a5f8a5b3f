// The Chinese national algorithms (SM3 hash, SM4 block cipher) from Node's OpenSSL. OpenSSL 3 as bundled with
// Node 20 ships both in its default provider; a Node built against a system OpenSSL without them would silently
// lack them, so the first use checks against the GB/T 32905 test vector and fails with a clear message.
import { createHash, createHmac, getCiphers, getHashes } from 'node:crypto';

let checked = false;

function ensureSm(): void {
  if (checked) return;
  if (!getHashes().includes('sm3') || !getCiphers().includes('sm4-cbc'))
    throw new Error('此 Node.js 的 OpenSSL 不支持 SM3/SM4 (this Node.js OpenSSL lacks sm3 / sm4-cbc)');
  // GB/T 32905-2016 Appendix A, example 1
  const v = createHash('sm3').update('abc').digest('hex');
  if (v !== '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0')
    throw new Error(`SM3 自检失败 (SM3 self-test failed: ${v})`);
  checked = true;
}

/** SM3 of UTF-8 text or bytes, lower-case hex. */
export function sm3Hex(data: string | Buffer): string {
  ensureSm();
  return createHash('sm3').update(data).digest('hex');
}

/** HMAC-SM3. */
export function hmacSm3(key: Buffer, ...parts: Buffer[]): Buffer {
  ensureSm();
  const h = createHmac('sm3', key);
  for (const p of parts) h.update(p);
  return h.digest();
}
