// Shared by the ops tests: temp data directories, the CLI from source, a small chain of audit entries.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appendAudit, type AuditInput } from '../../src/server/audit/trail.js';
import type { AnyDb } from '../../src/store/connect.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const dirs: string[] = [];
export function tempDir(prefix = 'sanxiang-ops-'): string {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
}
export function removeTempDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `sanxiang <args>` from source (tsx), so the tests need no build. */
export function cli(args: string[], env: Record<string, string | undefined> = {}): Run {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/run.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, SANXIANG_DATABASE_URL: '', SANXIANG_KEY: '', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function entry(i: number, extra: Partial<AuditInput> = {}): AuditInput {
  return {
    userId: `u${i % 3}`,
    username: ['org_officer', 'auditadmin', 'sysadmin'][i % 3]!,
    role: 'org_officer',
    unitId: 'nt',
    action: i % 2 ? 'record.update' : 'record.read',
    targetKind: 'cadres',
    targetId: `c${i}`,
    before: i % 2 ? { grade: '称职', n: i } : null,
    after: i % 2 ? { grade: '优秀', n: i } : null,
    ip: '127.0.0.1',
    ...extra,
  };
}

export async function appendMany(db: AnyDb, n: number, from = 1): Promise<void> {
  for (let i = from; i < from + n; i++) await appendAudit(db, entry(i));
}
