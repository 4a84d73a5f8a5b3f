// Shared by the profile tests on SQLite and PostgreSQL: a cadre's profile holds exactly the stored record.
import { expect } from 'vitest';
import type { RecordKind } from '../../src/domain/entities.js';
import type { Client, TestServer } from './harness.js';

/** The profile's sections: the kind, what ties a row to the cadre, and the order the profile promises. */
const SECTIONS: [RecordKind, 'cadreId' | 'subject', string][] = [
  ['posts', 'cadreId', 'startDate'],
  ['cadreAssessments', 'cadreId', 'year'],
  ['regularAssessments', 'cadreId', 'period'],
  ['honors', 'subject', 'date'],
  ['sanctions', 'cadreId', 'date'],
  ['accountability', 'cadreId', 'date'],
  ['adjustments', 'cadreId', 'date'],
  ['determinations', 'subject', 'date'],
  ['toleranceRequests', 'subject', 'date'],
];

type Row = Record<string, unknown> & { id: string };

/**
 * For `count` cadres, the profile read by `reader` (a role that sees every section) equals the store's rows,
 * field for field (types included: booleans, numbers, lists, flags) and in order. Returns how many rows of each
 * kind were compared, so the caller can check that every kind was.
 */
export async function expectProfilesMatchStore(
  srv: TestServer,
  reader: Client,
  count: number,
): Promise<Record<string, number>> {
  const all: Record<string, Row[]> = {};
  for (const [kind] of SECTIONS)
    all[kind] = (await srv.store.repo(kind).list({ limit: 1_000_000 })) as unknown as Row[];
  const compared: Record<string, number> = {};
  // a few cadres holding each kind, then those with the most records, so every kind is met
  const owner = (tie: 'cadreId' | 'subject', r: Row) =>
    tie === 'cadreId' ? (r.cadreId as string) : r.subjectType === 'cadre' ? (r.subjectId as string) : '';
  const picked = new Set<string>();
  const weight = new Map<string, number>();
  for (const [kind, tie] of SECTIONS) {
    const owners = all[kind]!.map((r) => owner(tie, r)).filter(Boolean);
    for (const o of owners.slice(0, 2)) picked.add(o);
    for (const o of owners) weight.set(o, (weight.get(o) ?? 0) + 1);
  }
  for (const [o] of [...weight.entries()].sort((a, b) => b[1] - a[1])) {
    if (picked.size >= count) break;
    picked.add(o);
  }
  const cadres = [...picked].map((id) => [id] as const);
  for (const [cadreId] of cadres) {
    const r = await reader.get(`/api/cadres/${cadreId}/profile`);
    expect(r.status, cadreId).toBe(200);
    for (const [kind, tie, order] of SECTIONS) {
      const want = all[kind]!.filter((x) =>
        tie === 'cadreId' ? x.cadreId === cadreId : x.subjectType === 'cadre' && x.subjectId === cadreId,
      ).sort((a, b) => {
        const [x, y] = [a[order] as string | number, b[order] as string | number];
        return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      });
      let got = r.body[kind] as Row[];
      if (kind === 'posts') got = got.map(({ unitName: _unitName, ...p }) => p as Row);
      expect(got, `${cadreId} ${kind}`).toEqual(want);
      compared[kind] = (compared[kind] ?? 0) + want.length;
    }
  }
  return compared;
}

export const PROFILE_KINDS = SECTIONS.map(([k]) => k);
