// Import of an .xlsx file: all or nothing. The file is read twice, streaming both times:
//   1. validate every row (types, required fields, vocabularies, dates, references, duplicates) while holding only
//      ids and duplicate keys, then check the collected references and keys against the database;
//   2. only if nothing at all was wrong, read it again and insert every row inside ONE transaction, in chunks.
// A crash during pass 2 leaves the database as it was (the transaction never commits); a bad file never reaches
// pass 2, so the database is not written at all.
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { RECORD_KINDS, RECORD_KIND_LABELS, type NewRecord, type RecordKind } from '../../domain/entities.js';
import type { RecordStore } from '../../store/types.js';
import { showCell, type Cell } from './cells.js';
import {
  KIND_SPECS,
  kindByName,
  normalHeader,
  nestFields,
  parseCell,
  recordKey,
  type ColumnSpec,
  type KindSpec,
} from './columns.js';
import { DEFAULT_LIMITS, XlsxFormatError, type XlsxLimits } from './limits.js';
import { isBlankRow, readSheets } from './sheets.js';
import { LISTS_SHEET, NOTES_SHEET } from './template.js';

export interface ImportIssue {
  sheet: string;
  /** Excel row number (1 = the header row) */
  row: number;
  /** the column header ('' when the problem is the sheet as a whole) */
  column: string;
  value: string;
  /** Chinese, with the English reason in brackets */
  reason: string;
}

export interface SheetSummary {
  sheet: string;
  kind: RecordKind;
  rows: number;
}

export interface ImportReport {
  ok: boolean;
  sheets: SheetSummary[];
  /** rows written (0 unless ok) */
  inserted: number;
  /** sorted by sheet and row; at most maxErrors of them */
  errors: ImportIssue[];
  /** every problem found, including those beyond maxErrors */
  errorCount: number;
}

export interface ImportProgress {
  phase: 'validate' | 'check' | 'write';
  rows: number;
  /** known in the write phase (the validated row count) */
  total?: number;
}

export interface ImportOptions {
  /** treat every data sheet as this kind instead of recognising it by sheet name or headers */
  kind?: RecordKind;
  /** rows per insertMany call (default 1000) */
  chunkSize?: number;
  /** problems kept in detail (default 10,000); all are counted */
  maxErrors?: number;
  onProgress?: (p: ImportProgress) => void;
  /**
   * What the importer may see of the stored record (default: everything, as for the operator's command line). A
   * problem involving a stored record outside it is reported without naming that record, and a reference to a
   * record outside it reads the same as a reference to no record at all, so an import cannot be used to look
   * anyone up.
   */
  reach?: ImportReach;
  /** what the file may hold (limits.ts); the defaults fit any real office file */
  limits?: XlsxLimits;
}

export interface ImportReach {
  /** Of these stored ids of `kind`, the ones the importer may see. */
  visible(kind: RecordKind, ids: readonly string[]): Promise<ReadonlySet<string>>;
}

const SEES_ALL: ImportReach = { visible: async (_kind, ids) => new Set(ids) };

const SKIPPED_SHEETS = new Set([NOTES_SHEET, LISTS_SHEET]);
const CHECK_BATCH = 500;
const PROGRESS_EVERY = 5000;
/** Rows are packed as sheetIndex * ROW_SPAN + rowNumber to keep the id maps to one number per entry. */
const ROW_SPAN = 2 ** 21;

/** The file changed under the import (between or during its passes): nothing was imported. */
export class ImportAbortedError extends XlsxFormatError {}

interface SheetPlan {
  index: number;
  name: string;
  spec: KindSpec;
  /** column index (0 = A) → column */
  columns: Map<number, ColumnSpec>;
}

type HeaderResult = { plan: Omit<SheetPlan, 'index' | 'name'> } | { issues: Omit<ImportIssue, 'sheet'>[] };

/** Maps a header row onto a kind's columns: by the sheet name when it names a kind, else by the headers. */
function planSheet(sheetName: string, headerCells: readonly Cell[], forced?: RecordKind): HeaderResult {
  const headers = headerCells.map((c) => (c === null ? null : normalHeader(showCell(c))));
  const tryKind = (kind: RecordKind) => {
    const spec = KIND_SPECS[kind];
    const byHeader = new Map(spec.columns.map((c) => [c.header, c]));
    const columns = new Map<number, ColumnSpec>();
    const issues: Omit<ImportIssue, 'sheet'>[] = [];
    const seen = new Set<string>();
    headers.forEach((h, i) => {
      if (h === null) return;
      const col = byHeader.get(h);
      if (!col) {
        issues.push({ row: 1, column: h, value: h, reason: `不是「${spec.sheetName}」模板中的列 (unknown column)` });
      } else if (seen.has(h)) {
        issues.push({ row: 1, column: h, value: h, reason: '列名重复 (duplicate column)' });
      } else {
        seen.add(h);
        columns.set(i, col);
      }
    });
    for (const c of spec.columns)
      if (c.required && !seen.has(c.header))
        issues.push({ row: 1, column: c.header, value: '', reason: '缺少必填列 (missing required column)' });
    return { spec, columns, issues };
  };

  const named = forced ?? kindByName(sheetName);
  if (named) {
    const r = tryKind(named);
    return r.issues.length ? { issues: r.issues } : { plan: { spec: r.spec, columns: r.columns } };
  }
  const tries = RECORD_KINDS.map(tryKind);
  const clean = tries.filter((t) => t.issues.length === 0);
  if (clean.length === 1) return { plan: { spec: clean[0]!.spec, columns: clean[0]!.columns } };
  // no clean match: report against the kind the headers resemble most, if any does
  const best = [...tries].sort((a, b) => b.columns.size - a.columns.size)[0]!;
  if (clean.length === 0 && best.columns.size >= 2) return { issues: best.issues };
  return {
    issues: [
      {
        row: 1,
        column: '',
        value: sheetName,
        reason: `无法识别工作表的记录类别：请使用模板，或把工作表命名为 ${RECORD_KINDS.map((k) => RECORD_KIND_LABELS[k]).join('/')} (cannot tell which kind of record this sheet holds)`,
      },
    ],
  };
}

/** One row's cells as a record; problems name the column and the cell as written. */
function parseRow(
  plan: SheetPlan,
  cells: readonly Cell[],
): { record: Record<string, unknown>; problems: Omit<ImportIssue, 'sheet' | 'row'>[]; badFields: Set<string> } {
  const record: Record<string, unknown> = {};
  const problems: Omit<ImportIssue, 'sheet' | 'row'>[] = [];
  const badFields = new Set<string>();
  const cellOf = new Map<string, Cell>();
  for (const [i, col] of plan.columns) {
    const cell = cells[i] ?? null;
    cellOf.set(col.field, cell);
    const p = parseCell(col, cell);
    if (p.ok) record[col.field] = p.value;
    else {
      problems.push({ column: col.header, value: showCell(cell), reason: p.reason });
      badFields.add(col.field);
    }
  }
  // optional columns left out of the sheet altogether take their blank value
  for (const col of plan.spec.columns) {
    if (!(col.field in record) && !cellOf.has(col.field)) {
      const p = parseCell(col, null);
      if (p.ok) record[col.field] = p.value;
    }
  }
  if (problems.length === 0 && plan.spec.check) {
    for (const p of plan.spec.check(record)) {
      const col = plan.spec.columns.find((c) => c.field === p.field)!;
      problems.push({ column: col.header, value: showCell(cellOf.get(p.field) ?? null), reason: p.reason });
      badFields.add(p.field);
    }
  }
  return { record, problems, badFields };
}

const KIND_NOUN: Partial<Record<RecordKind, string>> = { units: '单位', cadres: '干部' };

/**
 * Validates the whole file and, when it is clean, imports it in one transaction. Never throws for bad content:
 * the report lists every problem. Throws for unreadable files and database failures (nothing is imported then).
 */
/** An import this large changes the record enough for the query planner's statistics to be refreshed. */
const ANALYZE_AFTER_ROWS = 1000;

export async function importXlsx(store: RecordStore, file: string, opts: ImportOptions = {}): Promise<ImportReport> {
  const maxErrors = opts.maxErrors ?? 10_000;
  const chunkSize = opts.chunkSize ?? 1000;
  const progress = opts.onProgress ?? (() => {});
  const reach = opts.reach ?? SEES_ALL;
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const before = await stat(file);

  // ---- pass 1: validate -------------------------------------------------------------------------------------
  const issues: (ImportIssue & { sheetIndex: number })[] = [];
  let errorCount = 0;
  const sheetNames: string[] = [];
  const addIssue = (sheetIndex: number, i: Omit<ImportIssue, 'sheet'>) => {
    errorCount++;
    if (issues.length < maxErrors) issues.push({ sheet: sheetNames[sheetIndex]!, sheetIndex, ...i });
  };
  const unpack = (packed: number) => ({ sheetIndex: Math.floor(packed / ROW_SPAN), row: packed % ROW_SPAN });
  const where = (packed: number, here: number) => {
    const p = unpack(packed);
    return p.sheetIndex === here ? `第${p.row}行` : `工作表「${sheetNames[p.sheetIndex]}」第${p.row}行`;
  };

  // ids defined in the file so far, per kind → packed row
  const fileIds = new Map<RecordKind, Map<string, number>>(RECORD_KINDS.map((k) => [k, new Map()]));
  // duplicate keys beyond the id, per kind → packed row
  const fileKeys = new Map<RecordKind, Map<string, number>>();
  const fileIdNumbers = new Map<string, number>();
  // references already known to exist in the database
  const known = { units: new Set<string>(), cadres: new Set<string>() };

  interface Pending {
    kind: RecordKind;
    id: string;
    sheetIndex: number;
    row: number;
    column: string;
  }
  let pendingIds: Pending[] = [];
  let pendingRefs: Pending[] = [];

  const flushIds = async () => {
    const batch = pendingIds;
    pendingIds = [];
    for (const kind of new Set(batch.map((p) => p.kind))) {
      const mine = batch.filter((p) => p.kind === kind);
      const found = await store.existingIds(kind, [...new Set(mine.map((p) => p.id))]);
      const seen = found.size ? await reach.visible(kind, [...found]) : new Set<string>();
      for (const p of mine)
        if (found.has(p.id))
          addIssue(p.sheetIndex, {
            row: p.row,
            column: p.column,
            value: p.id,
            reason: seen.has(p.id)
              ? '编号已存在于数据库中，不能重复导入 (id already exists in the database)'
              : '编号已被系统中的另一条记录使用（该记录不在您的管理范围内），请换一个编号 (id already used by a record outside your data scope)',
          });
    }
  };
  const flushRefs = async () => {
    const batch = pendingRefs;
    pendingRefs = [];
    for (const kind of ['units', 'cadres'] as const) {
      const mine = batch.filter((p) => p.kind === kind);
      if (mine.length === 0) continue;
      const ids = [...new Set(mine.map((p) => p.id))].filter((id) => !known[kind].has(id));
      // a stored record the importer may not see is, to them, no record at all
      const stored = ids.length ? await store.existingIds(kind, ids) : new Set<string>();
      const found = stored.size ? await reach.visible(kind, [...stored]) : new Set<string>();
      for (const id of found) known[kind].add(id);
      const noun = KIND_NOUN[kind]!;
      for (const p of mine) {
        if (known[kind].has(p.id)) continue;
        const later = fileIds.get(kind)!.get(p.id);
        addIssue(p.sheetIndex, {
          row: p.row,
          column: p.column,
          value: p.id,
          reason:
            later === p.sheetIndex * ROW_SPAN + p.row
              ? `不能引用本行自己 (a record cannot refer to itself)`
              : later !== undefined
                ? `引用的${noun}在本文件${where(later, p.sheetIndex)}，须放在引用它的行之前 (referenced ${kind === 'units' ? 'unit' : 'cadre'} comes later in the file)`
                : opts.reach
                  ? `${noun}不存在或不在您的管理范围内：您可管理的${noun}和本文件中都没有编号为 ${p.id} 的${noun} (unknown ${kind === 'units' ? 'unit' : 'cadre'}, or outside your data scope)`
                  : `${noun}不存在：数据库和本文件中都没有编号为 ${p.id} 的${noun} (unknown ${kind === 'units' ? 'unit' : 'cadre'})`,
        });
      }
    }
  };

  const plans: (SheetPlan | undefined)[] = [];
  const summaries: SheetSummary[] = [];
  let validated = 0;
  let sheetIndex = -1;
  for await (const sheet of readSheets(file, limits)) {
    sheetIndex++;
    sheetNames.push(sheet.name);
    plans.push(undefined);
    if (SKIPPED_SHEETS.has(sheet.name)) continue;
    let plan: SheetPlan | undefined;
    let headerSeen = false;
    let rows = 0;
    for await (const row of sheet.rows) {
      if (isBlankRow(row.cells)) continue;
      if (!headerSeen) {
        headerSeen = true;
        const r = planSheet(sheet.name, row.cells, opts.kind);
        if ('issues' in r) for (const i of r.issues) addIssue(sheetIndex, { ...i, row: row.number });
        else plan = { index: sheetIndex, name: sheet.name, ...r.plan };
        continue;
      }
      if (!plan) continue; // the header is wrong: its rows cannot be read meaningfully
      if (row.number >= ROW_SPAN)
        throw new XlsxFormatError(`工作表「${sheet.name}」行数过多`, `sheet ${sheet.name} has too many rows`);
      rows++;
      validated++;
      if (validated % PROGRESS_EVERY === 0) progress({ phase: 'validate', rows: validated });
      const kind = plan.spec.kind;
      const here = sheetIndex * ROW_SPAN + row.number;
      const { record, problems, badFields } = parseRow(plan, row.cells);
      for (const p of problems) addIssue(sheetIndex, { row: row.number, ...p });
      const spec = plan.spec;
      const headerOf = (field: string) => spec.columns.find((c) => c.field === field)!.header;

      // references: to an id defined earlier in the file, or (checked in batches) to the database
      for (const col of plan.spec.columns) {
        if (!col.ref) continue;
        const value = record[col.field];
        const target: 'units' | 'cadres' | undefined =
          col.ref === 'subject'
            ? record.subjectType === 'unit'
              ? 'units'
              : record.subjectType === 'cadre'
                ? 'cadres'
                : undefined
            : col.ref;
        // a list column (分管单位) refers to each of its ids
        for (const v of Array.isArray(value) ? (value as unknown[]) : [value]) {
          if (typeof v !== 'string') continue;
          if (!target || fileIds.get(target)!.has(v) || known[target].has(v)) continue;
          pendingRefs.push({ kind: target, id: v, sheetIndex, row: row.number, column: col.header });
        }
      }

      // the id: unique within the file and new to the database
      const id = record.id;
      if (typeof id === 'string') {
        const ids = fileIds.get(kind)!;
        const first = ids.get(id);
        if (first !== undefined) {
          addIssue(sheetIndex, {
            row: row.number,
            column: headerOf('id'),
            value: id,
            reason: `编号重复：与${where(first, sheetIndex)}相同 (duplicate id in the file)`,
          });
        } else {
          ids.set(id, here);
          pendingIds.push({ kind, id, sheetIndex, row: row.number, column: headerOf('id') });
        }
      }

      // the same record entered twice under different ids (or none)
      // (checked whenever the key's own fields are sound, so a row with another mistake is still caught)
      if (spec.keyFields && spec.keyFields.every((f) => !badFields.has(f))) {
        let keys = fileKeys.get(kind);
        if (!keys) fileKeys.set(kind, (keys = new Map()));
        const key = recordKey(spec, record)!;
        const first = keys.get(key);
        if (first !== undefined) {
          // reported on the key's first column (the unit or cadre the record is about)
          const [ci, col] = [...plan.columns].find(([, c]) => c.field === spec.keyFields![0])!;
          addIssue(sheetIndex, {
            row: row.number,
            column: col.header,
            value: showCell(row.cells[ci] ?? null),
            reason: `重复记录：与${where(first, sheetIndex)}${spec.keyText}，只能保留一行 (duplicate row)`,
          });
        } else keys.set(key, here);
      }
      if (kind === 'cadres' && typeof record.idNumber === 'string') {
        const first = fileIdNumbers.get(record.idNumber);
        if (first !== undefined)
          addIssue(sheetIndex, {
            row: row.number,
            column: headerOf('idNumber'),
            value: record.idNumber,
            reason: `身份证号重复：与${where(first, sheetIndex)}相同 (duplicate ID number)`,
          });
        else fileIdNumbers.set(record.idNumber, here);
      }

      if (pendingIds.length >= CHECK_BATCH) await flushIds();
      if (pendingRefs.length >= CHECK_BATCH) await flushRefs();
    }
    if (plan) {
      plans[sheetIndex] = plan;
      summaries.push({ sheet: sheet.name, kind: plan.spec.kind, rows });
    }
  }
  await flushIds();
  await flushRefs();
  progress({ phase: 'validate', rows: validated });

  // ---- duplicates against the database (beyond ids) ----------------------------------------------------------
  for (const [kind, keys] of fileKeys) {
    if (keys.size === 0) continue;
    const spec = KIND_SPECS[kind];
    let scanned = 0;
    for await (const page of storedCandidates(store, spec, keys)) {
      const hits: { id: string; key: string; packed: number }[] = [];
      for (const r of page) {
        const key = recordKey(spec, r as unknown as Record<string, unknown>)!;
        const packed = keys.get(key);
        if (packed === undefined) continue;
        // the very same record (same id) is reported once, as an id already in the database
        const id = (r as { id: string }).id;
        if (fileIds.get(kind)!.get(id) === packed) continue;
        hits.push({ id, key, packed });
      }
      const seen = hits.length
        ? await reach.visible(
            kind,
            hits.map((h) => h.id),
          )
        : new Set<string>();
      for (const { id, key, packed } of hits) {
        const { sheetIndex: si, row } = unpack(packed);
        const firstKeyField = (JSON.parse(key) as unknown[])[0];
        addIssue(si, {
          row,
          column: spec.columns.find((c) => c.field === spec.keyFields![0])!.header,
          value: firstKeyField === null ? '' : String(firstKeyField),
          reason: seen.has(id)
            ? `数据库中已有相同记录（${spec.keyText}，编号 ${id}） (duplicate of a stored record)`
            : `数据库中已有相同记录（${spec.keyText}；该记录不在您的管理范围内） (duplicate of a stored record outside your data scope)`,
        });
      }
      scanned += page.length;
      progress({ phase: 'check', rows: scanned });
    }
  }
  if (fileIdNumbers.size > 0) {
    for await (const page of store.repo('cadres').iterate(2000)) {
      const hits = page.filter((c) => {
        const packed = c.idNumber === null ? undefined : fileIdNumbers.get(c.idNumber);
        // re-importing the same cadre is reported on the id already; this is another cadre with the same number
        return packed !== undefined && fileIds.get('cadres')!.get(c.id) !== packed;
      });
      const seen = hits.length
        ? await reach.visible(
            'cadres',
            hits.map((c) => c.id),
          )
        : new Set<string>();
      for (const c of hits) {
        const { sheetIndex: si, row } = unpack(fileIdNumbers.get(c.idNumber!)!);
        addIssue(si, {
          row,
          column: '身份证号',
          value: c.idNumber!,
          reason: seen.has(c.id)
            ? `身份证号已属于数据库中的干部 ${c.id}（${c.name}） (ID number already on record)`
            : '身份证号与系统中已有的干部重复（该干部不在您的管理范围内） (ID number already on record for a cadre outside your data scope)',
        });
      }
    }
  }

  if (errorCount === 0 && validated === 0) throw new XlsxFormatError('文件中没有数据行', 'the file holds no data rows');

  issues.sort((a, b) => a.sheetIndex - b.sheetIndex || a.row - b.row);
  const errors: ImportIssue[] = issues.map(({ sheetIndex: _s, ...i }) => i);
  if (errorCount > 0) return { ok: false, sheets: summaries, inserted: 0, errors, errorCount };

  // ---- pass 2: write, all in one transaction ----------------------------------------------------------------
  const now = await stat(file);
  if (now.size !== before.size || now.mtimeMs !== before.mtimeMs)
    throw new ImportAbortedError(
      '文件在检查过程中被修改，未导入任何内容',
      'the file changed while it was being checked; nothing imported',
    );

  let written = 0;
  await store.transaction(async (tx) => {
    let si = -1;
    for await (const sheet of readSheets(file, limits)) {
      si++;
      const plan = plans[si];
      if (!plan || sheet.name !== plan.name) {
        if (plan) throw new ImportAbortedError('文件在导入过程中被修改', 'the file changed during the import');
        continue;
      }
      const kind = plan.spec.kind;
      let chunk: NewRecord<RecordKind>[] = [];
      let headerSeen = false;
      for await (const row of sheet.rows) {
        if (isBlankRow(row.cells)) continue;
        if (!headerSeen) {
          headerSeen = true;
          continue;
        }
        const { record, problems } = parseRow(plan, row.cells);
        if (problems.length)
          throw new ImportAbortedError(
            `文件在导入过程中被修改（第${row.number}行）`,
            `the file changed during the import`,
          );
        if (record.id === null) record.id = randomUUID();
        chunk.push(nestFields(record) as unknown as NewRecord<RecordKind>);
        if (chunk.length >= chunkSize) {
          await tx.insertMany(kind, chunk);
          written += chunk.length;
          chunk = [];
          progress({ phase: 'write', rows: written, total: validated });
        }
      }
      if (chunk.length) {
        await tx.insertMany(kind, chunk);
        written += chunk.length;
        progress({ phase: 'write', rows: written, total: validated });
      }
    }
    if (written !== validated)
      throw new ImportAbortedError('文件在导入过程中被修改（行数不符）', 'the file changed during the import');
  });
  if (written >= ANALYZE_AFTER_ROWS) await store.analyze();
  return { ok: true, sheets: summaries, inserted: written, errors: [], errorCount: 0 };
}

/**
 * The stored rows that could share a key with the file's rows. When the file touches few of the stored subjects
 * (units or cadres) their rows are fetched by the indexed subject columns; otherwise one streaming pass over the
 * whole table is cheaper than that many queries.
 */
async function* storedCandidates(
  store: RecordStore,
  spec: KindSpec,
  keys: ReadonlyMap<string, number>,
): AsyncGenerator<readonly unknown[]> {
  const repo = store.repo(spec.kind);
  const lookup = spec.lookupFields ?? [];
  const subjects = new Map<string, Record<string, string | number | boolean | null>>();
  for (const key of keys.keys()) {
    const values = (JSON.parse(key) as (string | number | boolean | null)[]).slice(0, lookup.length);
    subjects.set(JSON.stringify(values), Object.fromEntries(lookup.map((f, i) => [f, values[i] ?? null])));
  }
  if (lookup.length > 0 && subjects.size * 50 < (await repo.count())) {
    for (const where of subjects.values()) yield await repo.list({ where });
  } else {
    yield* repo.iterate(2000);
  }
}

/**
 * The report as people read it: one line per bad row, 第N行 列「…」 值「…」：原因 (several problems of a row joined
 * with ；). The sheet is named when the file held more than one data sheet.
 */
export function formatIssues(report: ImportReport): string[] {
  const multi = new Set(report.errors.map((e) => e.sheet)).size > 1 || report.sheets.length > 1;
  const lines: string[] = [];
  let key = '';
  let parts: string[] = [];
  let prefix = '';
  const flush = () => {
    if (parts.length) lines.push(`${prefix}${parts.join('；')}`);
    parts = [];
  };
  for (const e of report.errors) {
    const k = `${e.sheet}\u0000${e.row}`;
    if (k !== key) {
      flush();
      key = k;
      prefix = `${multi ? `工作表「${e.sheet}」` : ''}第${e.row}行 `;
    }
    parts.push(e.column ? `列「${e.column}」 值「${e.value}」：${e.reason}` : `值「${e.value}」：${e.reason}`);
  }
  flush();
  if (report.errorCount > report.errors.length)
    lines.push(
      `另有 ${report.errorCount - report.errors.length} 处错误未列出 (${report.errorCount - report.errors.length} more problems not listed)`,
    );
  return lines;
}
