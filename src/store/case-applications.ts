// The accountability matters a person could apply for tolerance in, before the procedure says whether they may: the
// undecided matters about a cadre, or about a unit and the cadres it manages (a unit's liaison). Which of them the
// person may really apply in is decided above the store, by the procedure of each matter's jurisdiction.
import type { AccountabilityMatter } from '../domain/entities.js';
import { KyselyStore } from './kysely-store.js';
import type { RecordStore } from './types.js';

export async function openMattersAbout(
  store: RecordStore,
  who: { cadreId?: string | null; unitId?: string | null },
  limit: number,
): Promise<AccountabilityMatter[]> {
  if (!(store instanceof KyselyStore)) throw new Error('matters need a Kysely-backed store');
  if (!who.cadreId && !who.unitId) return [];
  const rows = await store.db
    .selectFrom('accountability_matters as m')
    .select('m.id')
    .where('m.decided_on', 'is', null)
    .where((eb) => {
      const ors = [];
      if (who.cadreId) ors.push(eb('m.subject_cadre_id', '=', who.cadreId));
      if (who.unitId) {
        ors.push(eb('m.subject_unit_id', '=', who.unitId));
        ors.push(
          eb(
            'm.subject_cadre_id',
            'in',
            eb.selectFrom('cadres').select('id').where('managing_unit_id', '=', who.unitId),
          ),
        );
      }
      return eb.or(ors);
    })
    .orderBy('m.opened_on', 'desc')
    .orderBy('m.id')
    .limit(limit)
    .execute();
  const out: AccountabilityMatter[] = [];
  for (const r of rows) {
    // through the repository, so the matter reads as every other record does
    const m = await store.repo('accountabilityMatters').get(String(r.id));
    if (m) out.push(m);
  }
  return out;
}
