// The documents (文书) a tolerance case has produced, generated from the case as .docx. Each step records the names of
// the documents it produces (case_steps.documents); here each name is written by the matching 公文 generator of
// src/io/docx with the case's facts in words: the names of the cadre, unit and organs, the matter, the date of the
// step, the outcome, the reasons given and the article the step rests on. Ids never reach a document: only names are
// passed to the generators, and the inputs that are references (the matter) are looked up, not printed.
import { CASE_OUTCOMES, type ActionSpec, type ProcedureDef, type ToleranceOutcome } from '../domain/procedure.js';
import {
  consultationOpinion,
  determinationOpinion,
  exemptionDecision,
  filingReport,
  refusalDecision,
  renderOfficialDocument,
  toleranceConclusion,
  toleranceDecision,
  writtenApplication,
  writtenReply,
  OUTCOME_WORDS,
  subjectName,
  type Block,
  type CaseSubject,
} from '../io/docx/index.js';
import type { CaseRow, StepRow } from '../store/cases.js';
import { renderAdjustmentCaseDocument } from './adjustment-case-documents.js';
import type { RecordStore } from '../store/types.js';

/** One document of a case: the n-th produced (1-based, in the order of the history), by the step that made it. */
export interface CaseDocumentEntry {
  n: number;
  name: string;
  seq: number;
  step: string;
  on: string;
}

/** The documents the case has produced so far, in order. */
export function caseDocumentList(def: ProcedureDef, steps: readonly StepRow[]): CaseDocumentEntry[] {
  const out: CaseDocumentEntry[] = [];
  for (const s of steps)
    for (const name of s.documents)
      out.push({
        n: out.length + 1,
        name,
        seq: s.seq,
        step: def.actions.find((a) => a.id === s.action)?.label ?? s.action,
        on: s.onDate,
      });
  return out;
}

// inputs that are not words a person wrote for the document (references, choices, dates)
const NOT_TEXT = new Set(['matter', 'outcome', 'measureOn', 'rectificationDue', 'flags', 'situation']);

/** What people wrote at the steps up to `seq`: findings, statements, opinions, reasons. */
function writtenUpTo(steps: readonly StepRow[], seq: number): string[] {
  const out: string[] = [];
  for (const s of steps) {
    if (s.seq > seq) break;
    for (const [k, v] of Object.entries(s.inputs))
      if (!NOT_TEXT.has(k) && typeof v === 'string' && v.trim()) out.push(v.trim());
    if (s.reason) out.push(s.reason);
  }
  return out;
}

const isOutcome = (v: unknown): v is ToleranceOutcome =>
  typeof v === 'string' && (CASE_OUTCOMES as readonly string[]).includes(v);

/** Renders document `entry` of the case. The caller has checked the reader may see the case. */
export async function renderCaseDocument(
  store: RecordStore,
  def: ProcedureDef,
  c: CaseRow,
  steps: readonly StepRow[],
  entry: CaseDocumentEntry,
): Promise<Buffer> {
  if (def.procedure === 'adjustment') return renderAdjustmentCaseDocument(store, def, c, steps, entry);
  const step = steps.find((s) => s.seq === entry.seq)!;
  const spec: ActionSpec | undefined = def.actions.find((a) => a.id === step.action);
  const handling = await store.repo('units').get(c.handlingUnitId);
  const matter = await store.repo('accountabilityMatters').get(c.matterId);
  const cadre = c.subjectType === 'cadre' ? await store.repo('cadres').get(c.subjectId) : undefined;
  const unit =
    c.subjectType === 'unit'
      ? await store.repo('units').get(c.subjectId)
      : cadre
        ? await store.repo('units').get(cadre.managingUnitId)
        : undefined;
  const subject: CaseSubject = {
    ...(cadre ? { cadreName: cadre.name } : {}),
    unitName: unit?.name ?? '',
    matter: matter?.description ?? '有关问责事项',
  };
  const body = spec?.actor.body ?? '';
  const issuer = `${handling?.name ?? ''}${body}`;
  const basis = spec ? [`${spec.citation.document}${spec.citation.article}`] : [];
  const written = writtenUpTo(steps, step.seq);
  const facts = written.length ? written : [`${subjectName(subject)}在${subject.matter}中出现失误。`];
  const outcome = isOutcome(step.inputs.outcome) ? step.inputs.outcome : isOutcome(c.outcome) ? c.outcome : null;
  const date = step.onDate;
  const opened = steps[0]?.onDate ?? c.openedOn;
  const common = { issuer, date };

  switch (entry.name) {
    case '书面申请':
    case '容错申请':
    case '免责申请':
      return writtenApplication({
        subject,
        recipient: issuer,
        situation: basis.join('、') || '有关规定',
        facts,
        appliedOn: date,
      });
    case '认定意见':
      if (outcome) return determinationOpinion({ ...common, subject, findings: facts, analysis: [], outcome, basis });
      break;
    case '会商意见':
      if (outcome)
        return consultationOpinion({
          ...common,
          subject,
          participants: [body],
          heldOn: date,
          agreed: true,
          opinion: outcome,
          reasons: facts,
        });
      break;
    case '容错纠错认定结论':
    case '容错与否的结论':
    case '容错认定结论':
    case '认定结果':
      if (outcome) return toleranceConclusion({ ...common, subject, outcome, findings: facts, reasons: [], basis });
      break;
    case '容错决定':
      if (outcome) return toleranceDecision({ ...common, subject, outcome, findings: facts, reasons: [], basis });
      break;
    case '不予容错决定':
      return refusalDecision({
        ...common,
        subject,
        outcome: 'not_tolerated',
        findings: facts,
        reasons: [],
        basis,
      });
    case '容错免责决定':
      return exemptionDecision({
        ...common,
        subject,
        outcome: 'exempt',
        findings: facts,
        reasons: [],
        basis,
        ...(typeof step.inputs.rectificationDue === 'string' ? { rectifyBy: step.inputs.rectificationDue } : {}),
      });
    case '书面答复':
      return writtenReply({
        ...common,
        subject,
        recipient: cadre?.name ?? subject.unitName,
        appliedOn: opened,
        reasons: facts,
        basis,
      });
    case '备案':
      if (outcome)
        return filingReport({
          ...common,
          subject,
          filedWith: [body],
          outcome,
          concludedOn: steps.find((s) => isOutcome(s.inputs.outcome))?.onDate ?? date,
          summary: facts,
        });
      break;
  }
  // a document the texts name without a form of its own (初步结论, 请示, 纠错要求, 申诉, …): the same 公文 layout,
  // titled by its name, holding what was written at the step and the conclusion where there is one
  // a side case (澄清正名) is about what was reported on the subject, not about a failing of theirs
  const lead =
    def.procedure === 'clarification'
      ? `关于对${subjectName(subject, true)}所反映问题的澄清保护，${entry.step}情况如下。`
      : `关于${subjectName(subject, true)}在${subject.matter}中出现失误一事，${entry.step}情况如下。`;
  const blocks: Block[] = [
    lead,
    ...facts,
    ...(outcome ? [`认定结论：对${subjectName(subject)}${OUTCOME_WORDS[outcome]}。`] : []),
    ...(basis.length ? [`依据：${basis.join('、')}。`] : []),
  ];
  return renderOfficialDocument({
    issuer,
    title: `关于${subjectName(subject)}的${entry.name}`,
    body: blocks,
    date,
  });
}
