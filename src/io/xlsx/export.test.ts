import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { Post, Unit } from '../../domain/entities.js';
import { KIND_SPECS } from './columns.js';
import { parentFirst, writeRecords } from './export.js';
import { readBook } from './testing.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sanxiang-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('export of a list', () => {
  it('writes any list of records (single rows or pages) to a stream with the template headers and labels', async () => {
    const units: Unit[] = [
      { id: 'b', version: 3, name: '如东县', kind: 'county', parentId: 'a', pack: 'rudong' },
      { id: 'a', version: 1, name: '南通市', kind: 'city', parentId: null, pack: null },
    ];
    const file = path.join(dir, 'filtered.xlsx');
    const out = createWriteStream(file);
    // a filtered list as the web app would hand it over: an async iterable of single records
    async function* rows() {
      for (const u of units) yield u;
    }
    const n = await writeRecords('units', rows(), { stream: out });
    await finished(out);
    expect(n).toBe(2);
    const sheet = (await readBook(file)).get('单位');
    expect(sheet).toEqual([
      KIND_SPECS.units.columns.map((c) => c.header),
      ['a', '南通市', '设区市'], // the parent first, though the list had it second
      ['b', '如东县', '县（县级市）', 'a', '如东县人民检察院'],
    ]);
  });

  it('puts a unit after its parent even when its id sorts first, so the export imports again', async () => {
    const u = (id: string, parentId: string | null): Unit => ({
      id,
      version: 1,
      name: id,
      kind: 'county',
      parentId,
      pack: null,
    });
    const units = [u('a', 'z'), u('b', null), u('c', 'a'), u('m', null), u('z', 'm')];
    expect(parentFirst(units).map((x) => x.id)).toEqual(['b', 'm', 'z', 'a', 'c']);
    expect(parentFirst([u('a', null), u('b', 'a')]).map((x) => x.id)).toEqual(['a', 'b']); // valid order kept
    expect(
      parentFirst([u('x', 'y'), u('y', 'x')])
        .map((x) => x.id)
        .sort(),
    ).toEqual(['x', 'y']); // a cycle: all written
    const file = path.join(dir, 'tree.xlsx');
    await writeRecords('units', [units], { filename: file });
    expect(
      (await readBook(file))
        .get('单位')!
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['b', 'm', 'z', 'a', 'c']);
  });

  it('writes booleans as 是/否, areas with their Chinese names and blank optional fields as empty cells', async () => {
    const post: Post = {
      id: 'p1',
      version: 1,
      cadreId: 'c1',
      unitId: 'u1',
      role: 'member',
      title: '常委',
      partySecretary: false,
      inCharge: ['party_building', '宣传'],
      level: '副处',
      startDate: '2018-01-02',
      endDate: null,
      reason: null,
    };
    const file = path.join(dir, 'posts.xlsx');
    await writeRecords('posts', [[post]], { filename: file });
    expect((await readBook(file)).get('任职')![1]).toEqual([
      'p1',
      'c1',
      'u1',
      '其他班子成员',
      '常委',
      '否',
      '党的建设、宣传',
      '副处',
      '2018-01-02',
    ]);
  });
});
