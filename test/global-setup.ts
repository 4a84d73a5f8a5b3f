// Global test set-up. The store tests need a PostgreSQL server: see test/pg-harness.ts (added by the store work).
export default async function setup(): Promise<() => Promise<void>> {
  return async () => {};
}
