// The import/export contract on a real PostgreSQL server (test/pg-harness.ts): a good file round-trips cell for
// cell, a bad one changes nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../../test/pg-harness.js';
import { RECORD_KINDS } from '../../domain/entities.js';
import { openStore, type OpenedStore } from '../../store/index.js';
import { KIND_SPECS } from './columns.js';
import { exportKind } from './export.js';
import { GOOD_SHEETS } from './fixtures.js';
import { importXlsx } from './import.js';
import { dumpStore, readBook, writeBook } from './testing.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'sanxiang-xlsx-pg-'));
let db: { url: string; drop(): Promise<void> };
let store: OpenedStore;

beforeAll(async () => {
  const server = inject('pgUrl');
  if (!server) throw new Error('no PostgreSQL server was provided to the tests (test/global-setup.ts)');
  db = await createTestDatabase(server);
  store = await openStore({ dataDir: tmp, databaseUrl: db.url });
});
afterAll(async () => {
  await store?.close();
  await db?.drop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('xlsx import on PostgreSQL', () => {
  it('imports a good file and exports every kind back cell for cell', async () => {
    const good = path.join(tmp, 'good.xlsx');
    await writeBook(good, GOOD_SHEETS);
    const r = await importXlsx(store, good);
    expect(r.errors).toEqual([]);
    const expected = await readBook(good);
    for (const kind of RECORD_KINDS) {
      const file = path.join(tmp, `export-${kind}.xlsx`);
      await exportKind(store, kind, { filename: file });
      const name = KIND_SPECS[kind].sheetName;
      expect((await readBook(file)).get(name), kind).toEqual(expected.get(name));
    }
  });

  it('changes nothing when any row is bad', async () => {
    const before = await dumpStore(store);
    const header = KIND_SPECS.unitAssessments.columns.map((c) => c.header);
    const bad = path.join(tmp, 'bad.xlsx');
    await writeBook(bad, [
      { name: '单位', rows: [KIND_SPECS.units.columns.map((c) => c.header), ['U90', '新单位', '县', 'U01', null]] },
      {
        name: '单位考核',
        rows: [
          header,
          ['X1', 'U90', 2020, '年度综合考核', '一', null, null],
          ['X2', 'U99', 2020, '年度综合考核', '一', null, null],
        ],
      },
    ]);
    const r = await importXlsx(store, bad);
    expect(r.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([['单位考核', 3, '单位编号']]);
    expect(await dumpStore(store)).toEqual(before);
  });

  it('rolls back every chunk already written when a write fails part-way', async () => {
    // a store whose third insertMany fails stands in for a database error in the middle of the write pass
    const before = await dumpStore(store);
    const rows = [
      KIND_SPECS.units.columns.map((c) => c.header),
      ...Array.from({ length: 25 }, (_, i) => [`V${String(i).padStart(2, '0')}`, `单位${i}`, '县', 'U01', null]),
    ];
    const file = path.join(tmp, 'many.xlsx');
    await writeBook(file, [{ name: '单位', rows }]);
    let calls = 0;
    const failing = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
        return (fn: (tx: OpenedStore) => Promise<unknown>) =>
          target.transaction((tx) =>
            fn(
              new Proxy(tx, {
                get(t, p, r) {
                  if (p !== 'insertMany') return Reflect.get(t, p, r);
                  return async (...args: Parameters<OpenedStore['insertMany']>) => {
                    if (++calls === 3) throw new Error('disk full');
                    return t.insertMany(...args);
                  };
                },
              }) as OpenedStore,
            ),
          );
      },
    });
    await expect(importXlsx(failing, file, { chunkSize: 10 })).rejects.toThrow('disk full');
    expect(calls).toBe(3);
    expect(await dumpStore(store)).toEqual(before);
  });
});
