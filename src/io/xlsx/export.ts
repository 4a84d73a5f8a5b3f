// Export to .xlsx with the template's headers, streaming: exceljs's WorkbookWriter writes each row to the zip as
// it is committed, so exporting a million rows holds one page of them at a time. The same writer serves a whole
// kind (from repo.iterate) and any filtered list the web app hands it (an iterable of pages or of rows).
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RecordKind, RecordKinds, Unit } from '../../domain/entities.js';
import type { RecordStore } from '../../store/types.js';
import { KIND_SPECS, recordToCells } from './columns.js';

export type RecordSource<K extends RecordKind> =
  AsyncIterable<readonly RecordKinds[K][] | RecordKinds[K]> | Iterable<readonly RecordKinds[K][] | RecordKinds[K]>;

export type ExportTarget = { filename: string } | { stream: Writable };

export interface ExportOptions {
  onProgress?: (rows: number) => void;
}

/** Writes the records (pages or single rows) as one data sheet; returns the number of rows written. */
export async function writeRecords<K extends RecordKind>(
  kind: K,
  source: RecordSource<K>,
  target: ExportTarget,
  opts: ExportOptions = {},
): Promise<number> {
  const spec = KIND_SPECS[kind];
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...target,
    // inline strings: no shared-string table to hold in memory while writing
    useSharedStrings: false,
    useStyles: true,
  });
  const ws = wb.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.columns.map((c) => ({
    header: c.header,
    key: c.field,
    width: Math.max(c.width ?? 14, c.header.length * 2 + 4),
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  let n = 0;
  const put = (r: RecordKinds[K]) => {
    ws.addRow(recordToCells(spec, r)).commit();
    n++;
    if (n % 10_000 === 0) opts.onProgress?.(n);
  };
  const units: Unit[] = [];
  for await (const item of source as AsyncIterable<readonly RecordKinds[K][] | RecordKinds[K]>) {
    const list = Array.isArray(item) ? (item as readonly RecordKinds[K][]) : [item as RecordKinds[K]];
    // units refer to each other (上级单位), so they are held and put parent-first; they are thousands, not millions
    if (kind === 'units') units.push(...(list as unknown as Unit[]));
    else for (const r of list) put(r);
  }
  for (const u of parentFirst(units)) put(u as unknown as RecordKinds[K]);
  ws.commit();
  await wb.commit();
  opts.onProgress?.(n);
  return n;
}

/**
 * Units in the given order, except that a unit whose parent is in the list comes after that parent, so the file
 * imports again (import wants a referenced unit earlier in the file). Already-valid orders are left as they are.
 */
export function parentFirst(units: readonly Unit[]): Unit[] {
  const present = new Set(units.map((u) => u.id));
  const done = new Set<string>();
  const waiting = new Map<string, Unit[]>();
  const out: Unit[] = [];
  const emit = (u: Unit) => {
    if (done.has(u.id)) return;
    out.push(u);
    done.add(u.id);
    const children = waiting.get(u.id);
    if (children) {
      waiting.delete(u.id);
      for (const c of children) emit(c);
    }
  };
  for (const u of units) {
    const p = u.parentId;
    if (p !== null && p !== u.id && present.has(p) && !done.has(p)) {
      const list = waiting.get(p);
      if (list) list.push(u);
      else waiting.set(p, [u]);
    } else emit(u);
  }
  // a cycle in the stored tree (which the store should never hold) still gets every unit written
  for (const list of waiting.values()) for (const u of list) emit(u);
  return out;
}

/** Every stored record of a kind, in id order (units parent-first). */
export async function exportKind(
  store: RecordStore,
  kind: RecordKind,
  target: ExportTarget,
  opts: ExportOptions = {},
): Promise<number> {
  return writeRecords(kind, store.repo(kind).iterate(2000), target, opts);
}
