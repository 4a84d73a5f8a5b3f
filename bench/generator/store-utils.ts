// What `demo` and the bench script need of a store beyond the RecordStore contract: is there a record already,
// and wiping it (for --force). Wiping goes through the repositories' own listing and deletion when the store
// offers nothing faster, so it works on any RecordStore.
import { RECORD_KINDS } from '../../src/domain/entities.js';
import type { RecordStore } from '../../src/store/types.js';

export async function recordIsEmpty(store: RecordStore): Promise<boolean> {
  return (await store.repo('units').count()) === 0 && (await store.repo('cadres').count()) === 0;
}

interface Clearable {
  clear(): Promise<void>;
}

/** Deletes every row of the record (children before parents), in one transaction. */
export async function wipeRecord(store: RecordStore): Promise<void> {
  const fast = store as unknown as Partial<Clearable>;
  if (typeof fast.clear === 'function') return fast.clear();
  await store.transaction(async (tx) => {
    for (const kind of [...RECORD_KINDS].reverse()) {
      const repo = tx.repo(kind);
      if (kind === 'units') {
        // children first: delete leaves until the tree is gone
        for (;;) {
          const rows = await repo.list({ limit: 100_000 });
          if (rows.length === 0) break;
          const parents = new Set(rows.map((u) => (u as { parentId: string | null }).parentId));
          for (const u of rows) if (!parents.has(u.id)) await repo.delete(u.id, u.version);
        }
        continue;
      }
      for (;;) {
        const rows = await repo.list({ limit: 10_000 });
        if (rows.length === 0) break;
        for (const r of rows) await repo.delete(r.id, r.version);
      }
    }
  });
}
