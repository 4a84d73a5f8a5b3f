// What the 容错纠错 pages read from the server (the case API and the procedures as declared), and the shared loaders:
// the procedures once per session, the names behind a list of cases (so no page shows a record's id).
import { useEffect, useState } from 'react';
import { api } from '../../api';

export interface CaseSummary {
  id: string;
  version: number;
  pack: string;
  state: string;
  stateLabel: string;
  subjectType: 'cadre' | 'unit';
  subjectId: string;
  handlingUnitId: string;
  matterId: string;
  outcome: string | null;
  outcomeLabel: string | null;
  openedOn: string;
  year: number;
  closed: boolean;
  /** the names people read beside the case, sent with it */
  subjectName: string;
  subjectUnitName: string;
  handlingUnitName: string;
  matterName: string;
  /** 待办 only: the steps open to the person */
  actions?: string[];
}

export interface ActionView {
  action: string;
  label: string;
  body: string;
  article: string;
  inputs: {
    name: string;
    label: string;
    kind: 'text' | 'date' | 'outcome' | 'reference' | 'names';
    required: unknown;
  }[];
  outcomes: { value: string; label: string }[];
  reasonRequired: boolean;
}

export interface HistoryEntry {
  seq: number;
  on: string;
  action: string;
  label: string;
  from: string;
  to: string;
  role: string;
  inputs: Record<string, unknown>;
  reason: string | null;
  documents: string[];
}

export interface EvaluationFinding {
  rule: string;
  conclusion?: string;
  citation: { document: string; article: string; text: string };
}

export interface CaseDetail extends CaseSummary {
  procedure: { title: string; version: string; states: Record<string, { label: string; final?: boolean }> };
  history: HistoryEntry[];
  allowed: ActionView[];
  evaluation: {
    situation: string | null;
    flags: Record<string, boolean>;
    verdict: 'eligible' | 'ineligible' | null;
    findings: EvaluationFinding[];
  };
  comments: { id: string; at: string; authorRole: string; text: string }[];
}

export interface CaseDocument {
  n: number;
  name: string;
  seq: number;
  step: string;
  on: string;
}

export interface ProcedureAction {
  action: string;
  label: string;
  from: { key: string; label: string }[];
  to: { key: string; label: string };
  body: string;
  roles: string[];
  article: string;
  reading: string | null;
  start: 'ex_officio' | 'application' | null;
  outcomes: string[];
  reasonRequired: boolean;
  inputs: { name: string; label: string }[];
  produces: string[];
}

export interface ProcedureView {
  pack: string;
  jurisdiction: string;
  title: string;
  version: string;
  documents: string[];
  subjects: string[];
  states: { key: string; label: string; final: boolean }[];
  actions: ProcedureAction[];
  situations: { value: string; label: string }[];
}

export interface Procedures {
  items: ProcedureView[];
  flags: { value: string; label: string }[];
}

let procedures: Promise<Procedures> | null = null;
export function loadProcedures(): Promise<Procedures> {
  if (!procedures) {
    procedures = api.get<Procedures>('/procedures');
    procedures.catch(() => {
      procedures = null;
    });
  }
  return procedures;
}

export function useProcedures(): Procedures | null {
  const [p, setP] = useState<Procedures | null>(null);
  useEffect(() => {
    let live = true;
    loadProcedures()
      .then((x) => live && setP(x))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return p;
}

/** An article as people cite it (a section's opening paragraph is located as `四 lead` in the definitions). */
export const plainArticle = (s: string): string => s.replace(/(\S+) lead\b/g, '$1（导语）');

export const JURISDICTION_OPTIONS = [
  { value: 'jiangsu', label: '江苏省' },
  { value: 'shaanxi', label: '陕西省' },
  { value: 'rudong', label: '如东县人民检察院' },
  { value: 'anhui', label: '安徽省' },
  { value: 'jiaozuo', label: '焦作市' },
];

export const jurisdictionName = (pack: string): string =>
  JURISDICTION_OPTIONS.find((o) => o.value === pack)?.label ?? '';

export const today = (): string => {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

/** The longest page the case lists answer (the server's limit). */
export const MAX_PAGE = 200;

/** A page of a case list as the server answers it. */
export interface CaseListPage {
  total: number;
  totalCapped: boolean;
  items: CaseSummary[];
  next: string | null;
}
