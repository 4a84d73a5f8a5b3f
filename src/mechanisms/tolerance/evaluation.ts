// The pack's tolerance evaluation of a case, shown beside each step (DESIGN §5: people decide, the rules advise).
// The investigators' findings so far (the situation relied on and the flags established) are put to the pack as a
// tolerance request of the subject; the result is the pack's own conclusion with the articles behind it.
import type { Facts } from '../../domain/facts.js';
import { TOLERANCE_FLAGS, type ToleranceFlag } from '../../domain/vocabulary.js';
import { evaluate } from '../../policy/engine.js';
import type { Finding } from '../../policy/types.js';
import { packRegistry } from '../../packs/index.js';
import type { RecordStore } from '../../store/types.js';
import type { CaseRow, StepRow } from '../../store/cases.js';
import type { UnitChains } from './actors.js';
import { filingFlags } from '../../domain/side-procedures.js';
import { sideOf } from '../../store/tolerance-side.js';
import { localParamsOf } from '../params/in-force.js';

export interface CaseEvaluation {
  /** the situation (clause locator) the findings rely on; null while none is recorded */
  situation: string | null;
  flags: Partial<Record<ToleranceFlag, boolean>>;
  /** eligible | ineligible, or null when no situation is recorded yet */
  verdict: 'eligible' | 'ineligible' | null;
  findings: Finding[];
}

/** The situation and flags recorded by the steps so far (a later step's value replaces an earlier one). */
export function recordedFindings(steps: readonly Pick<StepRow, 'inputs'>[]): {
  situation: string | null;
  flags: Partial<Record<ToleranceFlag, boolean>>;
} {
  let situation: string | null = null;
  const flags: Partial<Record<ToleranceFlag, boolean>> = {};
  for (const s of steps) {
    if (typeof s.inputs.situation === 'string' && s.inputs.situation) situation = s.inputs.situation;
    const f = s.inputs.flags;
    if (f && typeof f === 'object')
      for (const [k, v] of Object.entries(f as Record<string, unknown>))
        if ((TOLERANCE_FLAGS as readonly string[]).includes(k) && typeof v === 'boolean') flags[k as ToleranceFlag] = v;
  }
  return { situation, flags };
}

export async function evaluateCase(
  store: RecordStore,
  chains: UnitChains,
  c: Pick<CaseRow, 'id' | 'subjectType' | 'subjectId' | 'handlingUnitId' | 'openedOn'>,
  recorded: { situation: string | null; flags: Partial<Record<ToleranceFlag, boolean>> },
  asOf: string,
): Promise<CaseEvaluation> {
  // the pre-event filings the case relies on (焦作) establish their flags; a flag an investigator recorded wins
  const filed = filingFlags(await sideOf(store).caseFilings(c.id));
  recorded = { ...recorded, flags: { ...(filed as typeof recorded.flags), ...recorded.flags } };
  if (!recorded.situation) return { ...recorded, verdict: null, findings: [] };
  const facts: Facts = {
    units: [],
    cadres: [],
    unitAssessments: [],
    cadreAssessments: [],
    regularAssessments: [],
    honors: [],
    incidents: [],
    determinations: [],
    sanctions: [],
    adjustments: [],
    toleranceRequests: [],
  };
  const subjectUnit =
    c.subjectType === 'cadre' ? (await store.repo('cadres').get(c.subjectId))?.managingUnitId : c.subjectId;
  for (const id of await chains.of(subjectUnit ?? c.handlingUnitId)) {
    const u = await store.repo('units').get(id);
    if (!u) continue;
    facts.units.push({
      id: u.id,
      name: u.name,
      kind: u.kind,
      ...(u.parentId ? { parent: u.parentId } : {}),
      ...(u.pack ? { pack: u.pack } : {}),
    });
  }
  if (c.subjectType === 'cadre') {
    const cadre = await store.repo('cadres').get(c.subjectId);
    if (cadre) facts.cadres.push({ id: cadre.id, name: cadre.name, unit: cadre.managingUnitId, post: 'staff' });
  }
  facts.toleranceRequests.push({
    id: c.id,
    subject: c.subjectId,
    date: c.openedOn,
    situation: recorded.situation,
    findings: recorded.flags,
  });
  // the subject's jurisdiction's own numbers (具体办法) in force on the date, e.g. a 整改期限 the text leaves open
  const params = await localParamsOf(store, packRegistry(), subjectUnit ?? c.handlingUnitId, asOf);
  const ev = evaluate(packRegistry(), facts, { asOf, params });
  const verdict = ev.values[c.subjectId]?.[`tolerance:${c.id}`];
  return {
    ...recorded,
    verdict: verdict === 'eligible' || verdict === 'ineligible' ? verdict : null,
    findings: ev.findings.filter((f) => f.subject === c.subjectId && /\/(tolerance|opinion)\//.test(f.rule)),
  };
}
