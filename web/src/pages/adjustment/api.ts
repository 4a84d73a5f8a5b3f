// The shapes of the influence-period ledger and the eligibility check (GET /adjustment/ledger, POST
// /adjustment/eligibility), and the download of a POSTed export (the list of candidates goes in the body).
import dayjs from 'dayjs';
import { ApiError, type FieldError } from '../../api';

export interface PeriodItem {
  blocks: 'promotion' | 'aboveOriginalLevel';
  words: string;
  /** the last blocked day */
  until: string;
  allowedFrom: string;
  article: string;
  title: string;
  record: string[];
  text: string;
}

export interface LedgerItem {
  cadreId: string;
  name: string;
  unitId: string;
  unitName: string;
  level: string | null;
  periods: PeriodItem[];
}

export interface Reason {
  kind: 'block' | 'priority' | 'tolerance';
  article: string;
  title: string;
  text: string;
  record: string[];
  until?: string;
}

export interface EligibilityItem {
  cadreId: string;
  name: string;
  unitName: string;
  verdict: { kind: 'eligible' | 'blocked' | 'blockedAbove'; until?: string; words: string };
  priorityPromotion: boolean;
  reasons: Reason[];
}

export const BLOCK_LABELS: Record<PeriodItem['blocks'], string> = {
  promotion: '不得提拔',
  aboveOriginalLevel: '不得担任高于原职务层次的职务',
};

export const REASON_LABELS: Record<Reason['kind'], string> = {
  block: '限制',
  priority: '优先提拔',
  tolerance: '容错纠错',
};

/** Today where the user is (the case forms date their steps the same way), not in UTC. */
export const today = () => dayjs().format('YYYY-MM-DD');

/** POSTs `body` and saves the file the server answers with, under the server's file name. */
export async function postDownload(path: string, body: unknown, fallbackName: string): Promise<void> {
  const res = await fetch(`/api${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    const type = res.headers.get('content-type') ?? '';
    throw new ApiError(res.status, type.includes('json') ? ((await res.json()) as FieldError) : null);
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const name = m?.[1] ? decodeURIComponent(m[1]) : fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
