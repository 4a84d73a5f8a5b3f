// Official documents (公文) in the GB/T 9704-2012 layout: the layout itself and the written acts of the procedures.
export {
  CHARS_PER_LINE,
  LINES_PER_PAGE,
  PAGE,
  documentNumberText,
  renderOfficialDocument,
  type Block,
  type DocumentNumber,
  type OfficialDocument,
} from './layout.js';
export { FONTS } from './fonts.js';
export * from './tolerance-documents.js';
export * from './adjustment-documents.js';
