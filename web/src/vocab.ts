// The record's vocabularies, shared with the server (src/domain is pure TypeScript with no node imports).
export * from '../../src/domain/vocabulary';
export { RECORD_KINDS, RECORD_KIND_LABELS } from '../../src/domain/entities';
export type { RecordKind } from '../../src/domain/entities';
// Which roles keep which kinds: the server's own table (a pure module), so buttons appear exactly where a save
// can succeed. The server still checks every request.
export { canWrite, WRITER_ROLES, OFFICE_ROLES } from '../../src/server/roles';
