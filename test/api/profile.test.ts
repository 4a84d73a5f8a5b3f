// A cadre's profile (GET /api/cadres/:id/profile) is the whole stored record of the cadre, every kind in its
// order with every field as stored — read in one query (scope.ts recordsOf), so this checks it field for field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn, startServer, type TestServer } from './harness.js';
import { expectProfilesMatchStore, PROFILE_KINDS } from './profile-check.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer({ cadres: 200 });
});
afterAll(async () => srv?.close());

describe('a cadre profile', () => {
  it('holds exactly the stored record of the cadre, kind by kind, in order', async () => {
    const compared = await expectProfilesMatchStore(srv, await loggedIn(srv.base, 'discipline_officer'), 60);
    for (const kind of PROFILE_KINDS) expect(compared[kind], kind).toBeGreaterThan(0);
  });
});
