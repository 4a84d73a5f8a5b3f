// The demo's accountability matters (问责事项): every tolerance case sits inside one (PROCEDURES §7.1), so the demo
// record opens a matter around a few of its tolerance requests — some still open, some decided — and one about the
// demo cadre, so the cadre account sees a matter of their own. Added once, when the record has none.
import { addDays } from '../domain/dates.js';
import type { AccountabilityMatter, NewRecord } from '../domain/entities.js';
import type { AccountabilityOutcome } from '../domain/accountability-matters.js';
import type { RecordStore } from '../store/types.js';

/** How many of the generated tolerance requests get a matter around them. */
const AROUND_REQUESTS = 8;

/** Decisions for some of the matters, in turn; null = still open (the tolerance case is under way). */
const CADRE_DECISIONS: ({ outcome: AccountabilityOutcome; decision: string } | null)[] = [
  null,
  { outcome: '免予问责', decision: '经认定予以容错，免予问责' },
  null,
  { outcome: '诫勉', decision: '经研究，对其予以诫勉' },
];
const UNIT_DECISIONS: ({ outcome: AccountabilityOutcome; decision: string } | null)[] = [
  null,
  { outcome: '通报', decision: '责令整改，并在一定范围内通报' },
];

export async function addDemoMatters(tx: RecordStore, demoCadreId: string | null): Promise<number> {
  const matters = tx.repo('accountabilityMatters');
  if ((await matters.count()) > 0) return 0;
  const requests = await tx.repo('toleranceRequests').list({ limit: AROUND_REQUESTS, orderBy: 'id' });
  const rows: NewRecord<'accountabilityMatters'>[] = [];
  let cadreTurn = 0;
  let unitTurn = 0;
  for (const r of requests) {
    // the matter was opened before the application made inside it
    const openedOn = addDays(r.date, -30);
    const base = { description: r.statement ?? '工作失误问责调查', openedOn };
    if (r.subjectType === 'cadre') {
      const cadre = await tx.repo('cadres').get(r.subjectId);
      if (!cadre) continue;
      const d = CADRE_DECISIONS[cadreTurn++ % CADRE_DECISIONS.length]!;
      rows.push(matter(rows.length, { ...base, subjectCadreId: cadre.id, accountableUnitId: cadre.managingUnitId }, d));
    } else {
      const unit = await tx.repo('units').get(r.subjectId);
      if (!unit) continue;
      const d = UNIT_DECISIONS[unitTurn++ % UNIT_DECISIONS.length]!;
      // a unit answers to the organ above it
      const organ = unit.parentId ?? unit.id;
      rows.push(matter(rows.length, { ...base, subjectUnitId: unit.id, accountableUnitId: organ }, d));
    }
  }
  if (demoCadreId) {
    const cadre = await tx.repo('cadres').get(demoCadreId);
    if (cadre)
      rows.push(
        matter(
          rows.length,
          {
            description: '承办的信息化建设项目验收延误，造成一定损失',
            openedOn: '2023-04-10',
            subjectCadreId: cadre.id,
            accountableUnitId: cadre.managingUnitId,
          },
          null,
        ),
      );
  }
  for (const row of rows) await matters.insert(row);
  return rows.length;
}

function matter(
  n: number,
  m: Pick<AccountabilityMatter, 'description' | 'openedOn' | 'accountableUnitId'> &
    Partial<Pick<AccountabilityMatter, 'subjectCadreId' | 'subjectUnitId'>>,
  decided: { outcome: AccountabilityOutcome; decision: string } | null,
): NewRecord<'accountabilityMatters'> {
  return {
    id: `am${String(n + 1).padStart(6, '0')}`,
    subjectCadreId: m.subjectCadreId ?? null,
    subjectUnitId: m.subjectUnitId ?? null,
    description: m.description,
    accountableUnitId: m.accountableUnitId,
    openedOn: m.openedOn,
    decidedOn: decided ? addDays(m.openedOn, 60) : null,
    outcome: decided?.outcome ?? null,
    decision: decided?.decision ?? null,
  };
}
