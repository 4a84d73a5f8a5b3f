// The check a determination (组织认定) passes before it is recorded, by any route (the form, the API, a spreadsheet
// import): its clause must name one clause of a rulebook that determinations are made under, unambiguously, and its
// kind must be one that clause reads. The same reading the evaluation uses (src/policy/clauses.ts).
import { DETERMINATION_KIND_LABELS, type DeterminationKind } from '../domain/vocabulary.js';
import { clauseBookFor, kindFits, type ClauseTarget } from '../policy/clauses.js';
import { packRegistry } from './index.js';

export interface ClauseProblem {
  field: 'clause' | 'kind';
  /** 中文 (English) */
  reason: string;
}

const place = (t: ClauseTarget) => `《${t.document}》${t.article ?? t.locator}`;

/**
 * Problems with a determination's clause and kind; [] when it names exactly one clause in each rulebook that has it
 * and the kind fits. A bare number is read in every rulebook (the subject's own is not known here): it is refused
 * when one rulebook has it in more than one of its documents. Without a kind, only the clause is checked (the
 * evaluation still reads a determination only under a clause its kind fits).
 */
export function checkDeterminationClause(clause: unknown, kind?: unknown): ClauseProblem[] {
  if (typeof clause !== 'string' || clause.trim() === '') return [];
  const book = clauseBookFor(packRegistry().packs);
  const r = book.resolve(clause);
  if (r.ambiguous) {
    const where = r.targets.map(place).join('、');
    return [
      {
        field: 'clause',
        reason: `依据条款“${clause}”在多个文件中都有（${where}），请写明文件名，如“${place(r.targets[0]!)}” (the clause number occurs in several documents of one rulebook; name the document)`,
      },
    ];
  }
  if (r.targets.length === 0)
    return [
      {
        field: 'clause',
        reason: `依据条款“${clause}”不是规则中可据以作出组织认定的条款，请写明文件名和条款，如“《江苏省推进党政领导干部能上能下办法》第九条（三）” (no rule reads determinations under this clause)`,
      },
    ];
  if (typeof kind === 'string' && !r.targets.some((t) => kindFits(t, kind))) {
    const label = DETERMINATION_KIND_LABELS[kind as DeterminationKind] ?? kind;
    return [
      {
        field: 'kind',
        reason: `认定类别“${label}”与依据条款${r.targets.map(place).join('、')}不符 (the determination's kind does not fit the clause)`,
      },
    ];
  }
  return [];
}
