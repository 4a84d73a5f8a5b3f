// Loading the whole record on this thread (loadFacts with inProcess, SQLite) reads one state of the record on a
// connection of its own: it works while another request's transaction is open on the store, sees none of that
// transaction's uncommitted rows, and keeps no writer waiting.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, writeRecord } from '../bench/generator/index.js';
import { loadFacts } from '../src/store/facts-loader.js';
import { openStore, type OpenedStore } from '../src/store/index.js';
import type { KyselyStore } from '../src/store/kysely-store.js';

let store: OpenedStore;
const kstore = () => store as unknown as KyselyStore;

beforeAll(async () => {
  store = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'sx-facts-read-')) });
  await writeRecord(store, { cadres: 120, seed: 11 });
}, 120_000);

afterAll(async () => {
  await store?.close();
});

describe('loadFacts in process on SQLite', () => {
  it('reads beside an open transaction, without its uncommitted rows, and the transaction commits after', async () => {
    const cadre = (await store.repo('cadres').list({ limit: 1, orderBy: 'id' }))[0]!.id;
    const mine = (f: Awaited<ReturnType<typeof loadFacts>>) =>
      f.sanctions.filter((s) => s.cadre === cadre && s.date === '2026-02-03').length;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const tx = store.transaction(async (t) => {
      await t
        .repo('sanctions')
        .insert({ id: 'read-beside-tx', cadreId: cadre, date: '2026-02-03', kind: '警告', reason: null });
      entered();
      await held;
    });
    await inside;
    const during = await loadFacts(kstore(), AS_OF, { inProcess: true });
    expect(during.cadres.length).toBeGreaterThanOrEqual(120);
    expect(mine(during)).toBe(0);
    // the store still writes meanwhile: the load held no lock
    release();
    await tx;
    expect(mine(await loadFacts(kstore(), AS_OF, { inProcess: true }))).toBe(1);
  });
});
