// The units at or below a unit (the handling units a person bound to it reaches), from the unit tree.
import type { RecordStore } from '../../store/types.js';

export async function subtreeUnitIds(store: RecordStore, root: string): Promise<string[]> {
  const out = [root];
  for (let i = 0; i < out.length; i++) {
    const children = await store.repo('units').list({ where: { parentId: out[i]! } });
    for (const c of children) out.push(c.id);
  }
  return out;
}
