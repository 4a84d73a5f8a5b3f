// The SQLite driver's two promises (sqlite-driver.ts): a read outside a transaction never waits for a write
// transaction in progress (and sees only what is committed), and a writer waiting for another process's lock
// waits without freezing its own process.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewRecord } from '../domain/entities.js';
import { openStore, type OpenedStore } from './index.js';

const UNIT: NewRecord<'units'> = { id: 'nt', name: '南通市', kind: 'city', parentId: null, pack: 'jiangsu' };
const cadre = (id: string, name: string): NewRecord<'cadres'> => ({
  id,
  name,
  gender: null,
  birthDate: null,
  idNumber: null,
  category: '公务员',
  managingUnitId: 'nt',
});

const opened: OpenedStore[] = [];
const dirs: string[] = [];
async function open(dir?: string): Promise<OpenedStore> {
  const d = dir ?? mkdtempSync(path.join(os.tmpdir(), 'sanxiang-driver-'));
  if (!dir) dirs.push(d);
  const s = await openStore({ dataDir: d });
  opened.push(s);
  return s;
}
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close().catch(() => {});
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the SQLite driver', () => {
  it('answers a read while a write transaction is open, with what was committed before it', async () => {
    const s = await open();
    await s.repo('units').insert(UNIT);
    await s.repo('cadres').insert(cadre('c1', '王小明'));
    let finish!: () => void;
    const held = new Promise<void>((r) => (finish = r));
    let inside!: () => void;
    const begun = new Promise<void>((r) => (inside = r));
    const tx = s.transaction(async (t) => {
      await t.repo('cadres').update('c1', 1, { name: '改名中' });
      inside();
      await held; // the transaction stays open, holding the write connection
    });
    await begun;
    // with a single connection this read would wait for the transaction's end
    const during = await Promise.race([
      s.repo('cadres').get('c1'),
      new Promise<'waited'>((r) => setTimeout(() => r('waited'), 2000)),
    ]);
    expect(during).not.toBe('waited');
    expect((during as { name: string }).name).toBe('王小明'); // not the uncommitted change
    finish();
    await tx;
    expect((await s.repo('cadres').get('c1'))!.name).toBe('改名中');
  });

  it('lets a writer wait for another connection’s lock without freezing the process, then write', async () => {
    const a = await open();
    const dir = path.dirname(a.location);
    await a.repo('units').insert(UNIT);
    const b = await open(dir); // another process's connection to the same file
    let finish!: () => void;
    const held = new Promise<void>((r) => (finish = r));
    let inside!: () => void;
    const begun = new Promise<void>((r) => (inside = r));
    const txA = a.transaction(async (t) => {
      await t.repo('cadres').insert(cadre('c1', '甲'));
      inside();
      await held;
    });
    await begun;
    const writeB = b.repo('cadres').insert(cadre('c2', '乙'));
    // the process keeps running while B waits: timers fire, and B has not written
    const ticks: number[] = [];
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 20));
      ticks.push(i);
    }
    expect(ticks).toHaveLength(5);
    expect(await b.repo('cadres').get('c2')).toBeUndefined();
    finish();
    await txA;
    const c2 = await writeB;
    expect(c2.name).toBe('乙');
    expect((await a.repo('cadres').list()).map((c) => c.id)).toEqual(['c1', 'c2']);
  });

  it('keeps a transaction’s writes to itself until commit, and a failed one leaves nothing', async () => {
    const s = await open();
    await s.repo('units').insert(UNIT);
    await expect(
      s.transaction(async (t) => {
        await t.repo('cadres').insert(cadre('c1', '甲'));
        expect((await t.repo('cadres').get('c1'))!.name).toBe('甲'); // its own write, inside
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect(await s.repo('cadres').get('c1')).toBeUndefined();
    // and the write connection is free again
    await s.repo('cadres').insert(cadre('c2', '乙'));
    expect((await s.repo('cadres').get('c2'))!.name).toBe('乙');
  });
});
