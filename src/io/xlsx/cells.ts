// What a spreadsheet cell holds, reduced to the few shapes import cares about, and how each is shown in a report.
// exceljs hands back strings, numbers, booleans, Dates (for cells with a date format), rich text, formulas with a
// cached result, hyperlinks and error values; the record only ever wants the plain value.

export type Plain = string | number | boolean | Date | null;

export interface CellErrorValue {
  error: string;
}

export type Cell = Plain | CellErrorValue;

/** Reduces an exceljs cell value to a plain value; blank strings become null. */
export function plainCell(v: unknown): Cell {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? null : t;
  }
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return plainCell(o.richText.map((r: { text?: string }) => r.text ?? '').join(''));
    if ('result' in o) return plainCell(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null;
    if (typeof o.text === 'string') return plainCell(o.text);
    if (typeof o.error === 'string') return { error: o.error };
  }
  return String(v as string);
}

export function isErrorValue(c: Cell): c is CellErrorValue {
  return typeof c === 'object' && c !== null && !(c instanceof Date);
}

/** A cell as the error report quotes it. */
export function showCell(c: Cell): string {
  if (c === null) return '';
  if (c instanceof Date) {
    const iso = c.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('T', ' ').replace(/\.000Z$/, '');
  }
  if (isErrorValue(c)) return c.error;
  return String(c);
}
