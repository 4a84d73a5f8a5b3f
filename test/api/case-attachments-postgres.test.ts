// Case attachments on PostgreSQL (the suite: case-attachments-suite.ts), with the field key from the environment as
// a deployment on PostgreSQL has it.
import { afterAll, beforeAll, inject } from 'vitest';
import { formatKey, generateKey } from '../../src/crypto/fields.js';
import { createTestDatabase } from '../pg-harness.js';
import { startServer, type TestServer } from './harness.js';
import { attachmentSuite } from './case-attachments-suite.js';

let srv: TestServer;
let db: { url: string; drop(): Promise<void> };
beforeAll(async () => {
  db = await createTestDatabase(inject('pgUrl'));
  srv = await startServer({ databaseUrl: db.url, env: { SANXIANG_KEY: formatKey(generateKey()) }, cadres: 300 });
}, 300_000);
afterAll(async () => {
  await srv?.close();
  await db?.drop();
});

attachmentSuite(() => srv, 'postgres');
