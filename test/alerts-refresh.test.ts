// The refresh after a write reads the record on a connection of its own, in a read transaction (SnapshotReader):
// its read never waits for the write connection and never holds it, so a long transaction of another request and
// the refresh's read of a region do not wait for each other. It still follows the record: a finding made by a
// write appears, one taken away is marked gone.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, writeRecord } from '../bench/generator/index.js';
import { AlertRefresher } from '../src/mechanisms/adjustment/alerts-refresh.js';
import { alertId } from '../src/mechanisms/adjustment/alerts.js';
import { packRegistry } from '../src/packs/index.js';
import { alertsOf } from '../src/store/alerts.js';
import { loadSubjectFactsFrom } from '../src/store/facts-loader.js';
import { openStore, type OpenedStore } from '../src/store/index.js';
import type { KyselyStore } from '../src/store/kysely-store.js';
import { SnapshotReader } from '../src/store/snapshot-reader.js';

let store: OpenedStore;
let refresher: AlertRefresher;
const kstore = () => store as unknown as KyselyStore;
const YEAR = Number(AS_OF.slice(0, 4));
const sanctionAlert = (cadre: string) => alertsOf(kstore()).get(alertId('national/adjustment/zwcf-8', cadre, YEAR));

beforeAll(async () => {
  store = await openStore({ dataDir: mkdtempSync(join(tmpdir(), 'sx-alert-refresh-')) });
  await writeRecord(store, { cadres: 150, seed: 5 });
  refresher = new AlertRefresher(kstore(), packRegistry(), { today: () => AS_OF, now: () => new Date() });
}, 120_000);

afterAll(async () => {
  refresher?.close();
  await refresher?.settled();
  await store?.close();
});

describe('the snapshot read of a region', () => {
  it('answers while another transaction holds the write connection, and sees only what was committed', async () => {
    const cadre = (await store.repo('cadres').list({ limit: 1, orderBy: 'id' }))[0]!.id;
    const reader = new SnapshotReader(kstore());
    const warnings = () =>
      reader.read(async (db, sqlite) => {
        const { facts } = await loadSubjectFactsFrom(db, AS_OF, { cadre }, sqlite);
        return facts.sanctions.filter((s) => s.cadre === cadre && s.date === `${YEAR}-03-02`).length;
      });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const tx = store.transaction(async (t) => {
      await t
        .repo('sanctions')
        .insert({ id: 'snapshot-b', cadreId: cadre, date: `${YEAR}-03-02`, kind: '警告', reason: null });
      entered();
      await held;
    });
    await inside;
    // through the store (a store transaction) this read would wait for the open transaction, which waits for it
    expect(await warnings()).toBe(0);
    release();
    await tx;
    expect(await warnings()).toBe(1);
    await reader.close();
    await refresher.settled();
  });
});

describe('the refresh after a write', () => {
  it('makes the alert of a new finding appear, and marks it gone when the finding goes', async () => {
    const cadre = (await store.repo('cadres').list({ limit: 2, orderBy: 'id' }))[1]!.id;
    expect(await sanctionAlert(cadre)).toBeUndefined();
    await store
      .repo('sanctions')
      .insert({ id: 'refresh-a', cadreId: cadre, date: `${YEAR}-03-02`, kind: '警告', reason: null });
    await refresher.settled();
    expect(await sanctionAlert(cadre)).toMatchObject({ present: true, state: 'new' });
    const s = (await store.repo('sanctions').get('refresh-a'))!;
    await store.repo('sanctions').delete(s.id, s.version);
    await refresher.settled();
    expect(await sanctionAlert(cadre)).toMatchObject({ present: false, goneOn: AS_OF, state: 'new' });
  });
});
