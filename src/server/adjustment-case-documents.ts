// The documents an adjustment case (能上能下) has produced, generated from the case as .docx with the generators of
// src/io/docx/adjustment-documents.ts: the cadre, unit and bodies by name, the dates, the method and reasons written
// at the steps, the article each step rests on, and — for the decision — the influence period the pack's text gives.
import { addYears, chineseDate } from '../domain/dates.js';
import {
  ADJUSTMENT_OUTCOMES,
  CASE_OUTCOME_LABELS,
  type AdjustmentOutcome,
  type ProcedureDef,
} from '../domain/procedure.js';
import { adjustmentDecision, adjustmentProposal, adjustmentRecord, adjustmentReport } from '../io/docx/index.js';
import type { CaseRow, StepRow } from '../store/cases.js';
import type { RecordStore } from '../store/types.js';
import type { CaseDocumentEntry } from './case-documents.js';

const isMethod = (v: unknown): v is AdjustmentOutcome =>
  typeof v === 'string' && (ADJUSTMENT_OUTCOMES as readonly string[]).includes(v);

// inputs that are not words a person wrote (references, choices)
const NOT_TEXT = new Set(['alert', 'outcome']);

function written(s: StepRow): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(s.inputs)) {
    if (NOT_TEXT.has(k)) continue;
    if (typeof v === 'string' && v.trim()) out.push(v.trim());
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out.push(v.join('、'));
  }
  if (s.reason) out.push(s.reason);
  return out;
}

// what a 书面报告 holds, in each text's order: [input, heading]
const REPORT_PARTS: [string, string][] = [
  ['situation', '具体情形'],
  ['determination', '认定结果'],
  ['suggestion', '相关建议'],
  ['process', '认定的过程'],
  ['basis', '认定的依据'],
  ['result', '认定的结果'],
];

const BLOCKS: Record<string, string> = { promotion: '不得提拔', above_level: '不得担任高于原职务层次的职务' };

/** Renders document `entry` of an adjustment case. The caller has checked the reader may see the case. */
export async function renderAdjustmentCaseDocument(
  store: RecordStore,
  def: ProcedureDef,
  c: CaseRow,
  steps: readonly StepRow[],
  entry: CaseDocumentEntry,
): Promise<Buffer> {
  const step = steps.find((s) => s.seq === entry.seq)!;
  const spec = def.actions.find((a) => a.id === step.action);
  const cadre = await store.repo('cadres').get(c.subjectId);
  const unit = cadre ? await store.repo('units').get(cadre.managingUnitId) : undefined;
  const handling = await store.repo('units').get(c.handlingUnitId);
  const who = { name: cadre?.name ?? '', unitName: unit?.name ?? '' };
  const body = spec?.actor.body ?? '';
  const base = {
    cadre: who,
    issuer: `${handling?.name ?? ''}${body}`,
    date: step.onDate,
    basis: spec ? [`《${spec.citation.document}》${spec.citation.article}`] : [],
  };
  // the organ a step's act goes to: the next body in the procedure that is not the author
  const onward = def.actions.find((a) => a.actor.body !== body && a.from.includes(spec?.to ?? ''))?.actor.body;
  const recipient = onward ? { recipient: onward } : {};
  const grounds = [...steps].reverse().find((s) => s.seq <= step.seq && typeof s.inputs.grounds === 'string')?.inputs
    .grounds as string | undefined;

  switch (entry.name) {
    case '书面报告':
      return adjustmentReport({
        ...base,
        issuer: unit?.name ?? base.issuer,
        ...recipient,
        contents: REPORT_PARTS.filter(([k]) => typeof step.inputs[k] === 'string').map(([k, h]) => [
          h,
          String(step.inputs[k]),
        ]),
      });
    case '调整建议':
    case '调整意见':
      if (isMethod(step.inputs.outcome))
        return adjustmentProposal({
          ...base,
          ...recipient,
          name: entry.name,
          findings: typeof step.inputs.findings === 'string' ? [step.inputs.findings] : [],
          reason: grounds ?? '',
          method: CASE_OUTCOME_LABELS[step.inputs.outcome],
        });
      break;
    case '调整决定':
      if (isMethod(step.inputs.outcome)) {
        const p = def.adjustment?.periods[step.inputs.outcome];
        const cite = def.adjustment?.periodsCitation;
        return adjustmentDecision({
          ...base,
          method: CASE_OUTCOME_LABELS[step.inputs.outcome],
          ...(grounds ? { reason: grounds } : {}),
          ...(p
            ? {
                period: `自${chineseDate(step.onDate)}起${p.years === 1 ? '一' : '两'}年内${BLOCKS[p.blocks]}（至${chineseDate(addYears(step.onDate, p.years))}止）${cite ? `，依据《${cite.document}》${cite.article}` : ''}。`,
              }
            : {}),
          ...(def.adjustment?.payFromNextMonth
            ? {
                appealNote:
                  '本人对调整决定不服的，可以按照有关规定申请复核或者向上级组织（人事）部门提出申诉；复核、申诉期间不停止调整决定的执行。从调整岗位的次月起，调整其级别和工资待遇。',
              }
            : {}),
        });
      }
      break;
  }
  return adjustmentRecord({ ...base, name: entry.name, step: entry.step, written: written(step) });
}
