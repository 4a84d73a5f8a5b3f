// The case-file rule (src/server/case-files.ts) on PostgreSQL: migration 0005's filed_by column, the filer recorded
// by the server and the list limited to the roles taking part, as on SQLite (case-files.test.ts has the full walk).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatKey, generateKey } from '../../src/crypto/fields.js';
import { createTestDatabase } from '../pg-harness.js';
import { loggedIn, startServer, type TestServer } from './harness.js';

let srv: TestServer;
let db: { url: string; drop(): Promise<void> };

beforeAll(async () => {
  db = await createTestDatabase(inject('pgUrl'));
  srv = await startServer({ databaseUrl: db.url, env: { SANXIANG_KEY: formatKey(generateKey()) }, cadres: 80 });
});
afterAll(async () => {
  await srv?.close();
  await db?.drop();
});

describe('tolerance requests on PostgreSQL', () => {
  it('record their filer and are seen by those taking part only', async () => {
    const acc = await loggedIn(srv.base, 'accountability_officer');
    const liaison = await loggedIn(srv.base, 'unit_liaison');
    const accId = (await acc.get('/api/auth/me')).body.id as string;
    const subject = (await srv.store.repo('cadres').list({ limit: 1 }))[0]!.id;
    const r = await acc.post('/api/records/toleranceRequests', {
      subjectType: 'cadre',
      subjectId: subject,
      date: '2026-01-05',
      situation: '1.3',
      findings: {},
      statement: null,
      filedBy: 'someone-else',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect((await srv.store.repo('toleranceRequests').get(r.body.id))!.filedBy).toBe(accId);

    const all = await srv.store.repo('toleranceRequests').list({ limit: 100_000 });
    const list = async (who: string) => {
      const c = who === 'accountability_officer' ? acc : await loggedIn(srv.base, who);
      return ((await c.get('/api/records/toleranceRequests?limit=1000')).body.items as { id: string }[])
        .map((t) => t.id)
        .sort();
    };
    expect(await list('discipline_officer')).toEqual(all.map((t) => t.id).sort());
    expect(await list('accountability_officer')).toEqual(
      all
        .filter((t) => t.filedBy === accId)
        .map((t) => t.id)
        .sort(),
    );
    expect(await list('accountability_officer')).toContain(r.body.id);
    expect(await list('committee_member')).toEqual([]);
    expect((await liaison.get(`/api/records/toleranceRequests/${r.body.id}`)).status).toBe(404);

    // the profile (one query on PostgreSQL, profile.ts): the same rule for its case-file section, with a request on
    // the same cadre filed by someone else beside the accountability officer's
    const disc = await loggedIn(srv.base, 'discipline_officer');
    const other = await disc.post('/api/records/toleranceRequests', {
      subjectType: 'cadre',
      subjectId: subject,
      date: '2026-02-01',
      situation: '1.3',
      findings: {},
      statement: null,
    });
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    const section = async (who: string) => {
      const c = who === 'accountability_officer' ? acc : await loggedIn(srv.base, who);
      const p = await c.get(`/api/cadres/${subject}/profile`);
      expect(p.status, who).toBe(200);
      const items = p.body.toleranceRequests as { id: string }[] | undefined;
      return items?.map((t) => t.id).sort();
    };
    const ofSubject = (await srv.store.repo('toleranceRequests').list({ limit: 100_000 })).filter(
      (t) => t.subjectType === 'cadre' && t.subjectId === subject,
    );
    expect(ofSubject.some((t) => t.filedBy !== accId)).toBe(true);
    expect(await section('discipline_officer')).toEqual(ofSubject.map((t) => t.id).sort());
    expect(await section('accountability_officer')).toEqual(
      ofSubject
        .filter((t) => t.filedBy === accId)
        .map((t) => t.id)
        .sort(),
    );
    expect(await section('accountability_officer')).toContain(r.body.id);
    expect(await section('committee_member')).toBeUndefined(); // no case files: the section is left out
  });
});
