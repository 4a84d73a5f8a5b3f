// Case attachments on SQLite (the suite: case-attachments-suite.ts).
import { afterAll, beforeAll } from 'vitest';
import { startServer, type TestServer } from './harness.js';
import { attachmentSuite } from './case-attachments-suite.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer({ cadres: 300 });
}, 300_000);
afterAll(async () => srv?.close());

attachmentSuite(() => srv, 'sqlite');
