// The one place the app talks to the server (PLATFORM.md routes under /api, session in the httpOnly cookie).
// Errors become ApiError carrying the server's Chinese reason so every page can show it as it is.

export interface FieldError {
  field?: string;
  reason_zh?: string;
  reason?: string;
}

export interface ImportRowError {
  sheet?: string;
  row: number;
  column: string;
  value: string;
  reason: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: (FieldError & { errors?: ImportRowError[]; message?: string }) | null,
  ) {
    super(describe(status, body));
  }
  get field(): string | undefined {
    return this.body?.field;
  }
}

const STATUS_TEXT: Record<number, string> = {
  400: '提交的内容有误',
  401: '未登录或会话已过期，请重新登录',
  403: '无权访问（超出角色或数据范围）',
  404: '记录不存在',
  409: '记录已被他人修改，请刷新后重试',
  413: '提交的内容过大',
  429: '尝试过于频繁，请稍后再试',
};

function describe(status: number, body: (FieldError & { message?: string }) | null): string {
  if (body?.reason_zh) return body.reason_zh;
  if (status === 0) return '无法连接服务器';
  if (body?.message && status !== 500) return body.message;
  return STATUS_TEXT[status] ?? `服务器错误（${status}）`;
}

/** Called on any 401 so the app can drop back to the login page. */
let onUnauthorized: () => void = () => {};
export function setUnauthorizedHandler(fn: () => void): void {
  onUnauthorized = fn;
}

async function parse(res: Response): Promise<unknown> {
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('application/json')) return res.json();
  const text = await res.text();
  return text ? { message: text } : null;
}

export async function request<T>(method: string, path: string, body?: unknown, quiet401 = false): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers: body !== undefined && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {},
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, null);
  }
  const data = await parse(res);
  if (!res.ok) {
    if (res.status === 401 && !quiet401) onUnauthorized();
    throw new ApiError(res.status, data as FieldError | null);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/** A query string from the defined, non-empty values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Downloads a file from the API (template, export) keeping the server's file name. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await fetch(`/api${path}`, { credentials: 'same-origin' });
  if (!res.ok) throw new ApiError(res.status, (await parse(res)) as FieldError | null);
  const disposition = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/i.exec(disposition) ?? /filename="?([^";]+)"?/i.exec(disposition);
  const name = m?.[1] ? decodeURIComponent(m[1]) : fallbackName;
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---- shapes of the contract (PLATFORM.md) ----

export type Role =
  | 'org_officer'
  | 'discipline_officer'
  | 'accountability_officer'
  | 'committee_member'
  | 'unit_liaison'
  | 'cadre'
  | 'sys_admin'
  | 'security_admin'
  | 'audit_admin'
  | 'unassigned';

export interface User {
  id: string;
  username: string;
  displayName?: string;
  display_name?: string;
  role: Role;
  unitId?: string | null;
  unit_id?: string | null;
  unitName?: string | null;
  cadreId?: string | null;
  failedLogins?: number;
  disabled?: boolean;
  locked?: boolean;
  lockedUntil?: string | null;
  mustChangePassword?: boolean;
  totpEnabled?: boolean;
  createdAt?: string;
  version?: number;
}

export interface LoginResult {
  user?: User;
  mustChangePassword?: boolean;
  needsTotp?: boolean;
}

export interface UnitNode {
  id: string;
  name: string;
  kind: string;
  pack: string | null;
  children?: UnitNode[];
}

export interface RosterItem {
  id: string;
  name: string;
  gender: string | null;
  category: string;
  managingUnitId: string;
  unitName: string | null;
  postTitle: string | null;
  role: string | null;
  level: string | null;
  postUnitId?: string | null;
  postUnitName?: string | null;
}

export interface Page<T> {
  total: number;
  items: T[];
}

export interface TimelineEntry {
  date: string;
  kind: string;
  title: string;
  detail?: string | null;
}

export type Row = Record<string, unknown> & { id: string; version: number };

export interface Profile {
  cadre: Row;
  posts: Row[];
  cadreAssessments: Row[];
  regularAssessments: Row[];
  honors: Row[];
  sanctions: Row[];
  accountability: Row[];
  adjustments: Row[];
  determinations: Row[];
  incidents?: Row[];
  timeline: TimelineEntry[];
}

export interface Dashboard {
  counts: Record<string, number>;
  gradesByYear: { year: number; grade: string | null; count: number }[];
  incidentsByCategory: { category: string; count: number; bySeverity?: Record<string, number> }[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  userId?: string | null;
  username?: string | null;
  role?: string | null;
  unitId?: string | null;
  action: string;
  targetKind?: string | null;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  hash?: string;
}

export type VerifyResult = { ok: true; count: number } | { ok: false; seq: number; reason: string };
