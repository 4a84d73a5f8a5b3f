// Global test set-up: the PostgreSQL server the store tests run against (see test/pg-harness.ts).
// It starts only when the selected test files need it (they import the harness), so a filtered run such as
// `vitest run src/packs/jiangsu` does not pay for a database server. SANXIANG_TEST_DATABASE_URL=postgres://…
// points the tests at an existing server instead (each test file makes and drops its own database there).
import { readFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { PG_URL_ENV, startPostgres } from './pg-harness.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** superuser URL of the test PostgreSQL server's maintenance database */
    pgUrl: string;
  }
}

async function selectedFilesNeedPostgres(project: TestProject): Promise<boolean> {
  try {
    const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern ?? [];
    const { testFiles } = await project.globTestFiles(filters);
    return testFiles.some((f) => readFileSync(f, 'utf8').includes('pg-harness'));
  } catch {
    return true; // cannot tell: better a server nobody uses than tests without one
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env[PG_URL_ENV];
  if (external) {
    project.provide('pgUrl', external);
    return async () => {};
  }
  if (!(await selectedFilesNeedPostgres(project))) {
    project.provide('pgUrl', '');
    return async () => {};
  }
  const server = await startPostgres();
  project.provide('pgUrl', server.url);
  return () => server.stop();
}
