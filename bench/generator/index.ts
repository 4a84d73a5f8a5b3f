// The demo record and large-data generator. `generateRecord` yields the record in batches (units first, then
// unit assessments and events, then cadre after cadre with their rows), never holding more than one batch of
// rows; `writeRecord` streams those batches into a RecordStore, one transaction per batch.
import { RECORD_KINDS, type NewRecord, type RecordKind } from '../../src/domain/entities.js';
import type { RecordStore } from '../../src/store/types.js';
import { emitCadre, type CadreContext } from './cadres.js';
import { emptyBatch, Ids, type Batch, type GenUnit, type JurisdictionPack } from './model.js';
import { Plan, type PlacedCase } from './plan.js';
import { unitAssessments, type PlantedUnit } from './unit-assessments.js';
import { unitEvents } from './unit-events.js';
import { allocate, buildUnits, coreUnitCount } from './units.js';

export { AS_OF, FIRST_YEAR, LAST_YEAR, YEARS } from './model.js';
export type { JurisdictionPack } from './model.js';

export interface GenerateOptions {
  /** how many cadres (exactly) */
  cadres: number;
  /** the seed: the same seed and sizes give the same record */
  seed?: number;
  /** how many units; default one per 50 cadres, never fewer than the real core tree */
  units?: number;
  /** rows per batch (one transaction each) */
  batchRows?: number;
}

export const DEFAULT_SEED = 20190301;
export const DEFAULT_DEMO_CADRES = 5000;

export interface Progress {
  phase: 'units' | 'unit-records' | 'cadres';
  cadresDone: number;
  cadresTotal: number;
}

export interface GenerateSummary {
  seed: number;
  units: number;
  cadres: number;
  rows: Record<RecordKind, number>;
  /** units and cadres by the pack that governs them (cadres by the unit of their current post) */
  packs: Record<JurisdictionPack, { units: number; cadres: number }>;
  plantedCadreCases: PlacedCase[];
  plantedUnits: PlantedUnit[];
  plantedUnitEvents: { name: string; unitId: string }[];
  /** planted cases the record was too small to hold */
  unplaced: { pack: JurisdictionPack; name: string }[];
}

export interface GeneratedBatch {
  rows: Batch;
  progress: Progress;
}

function rowCount(b: Batch): number {
  let n = 0;
  for (const k of RECORD_KINDS) n += b[k].length;
  return n;
}

export function defaultUnits(cadres: number): number {
  return Math.max(coreUnitCount(), Math.round(cadres / 50));
}

/**
 * Generates the record. The summary object is filled in as batches are produced and is complete when the
 * generator finishes.
 */
export function generateRecord(
  opts: GenerateOptions,
  summary: GenerateSummary = emptySummary(opts),
): Generator<GeneratedBatch> {
  return run(opts, summary);
}

export function emptySummary(opts: GenerateOptions): GenerateSummary {
  const rows = Object.fromEntries(RECORD_KINDS.map((k) => [k, 0])) as Record<RecordKind, number>;
  const packs = Object.fromEntries(
    (['jiangsu', 'shaanxi', 'rudong', 'anhui', 'jiaozuo'] as const).map((p) => [p, { units: 0, cadres: 0 }]),
  ) as GenerateSummary['packs'];
  return {
    seed: opts.seed ?? DEFAULT_SEED,
    units: 0,
    cadres: 0,
    rows,
    packs,
    plantedCadreCases: [],
    plantedUnits: [],
    plantedUnitEvents: [],
    unplaced: [],
  };
}

function* run(opts: GenerateOptions, summary: GenerateSummary): Generator<GeneratedBatch> {
  if (!Number.isInteger(opts.cadres) || opts.cadres < 1)
    throw new Error(`cadres must be a positive integer (${opts.cadres})`);
  const seed = opts.seed ?? DEFAULT_SEED;
  const batchRows = opts.batchRows ?? 20_000;
  const ids = new Ids();
  const units = buildUnits({ seed, units: opts.units ?? defaultUnits(opts.cadres) }, ids);
  allocate(units, opts.cadres);
  const total = opts.cadres;
  let done = 0;
  let batch = emptyBatch();
  const flush = (phase: Progress['phase']): GeneratedBatch => {
    for (const k of RECORD_KINDS) summary.rows[k] += batch[k].length;
    const out = { rows: batch, progress: { phase, cadresDone: done, cadresTotal: total } };
    batch = emptyBatch();
    return out;
  };

  // 1. the tree, parents first
  for (const u of units) {
    batch.units.push({ id: u.id, name: u.name, kind: u.kind, parentId: u.parentId, pack: u.boundPack });
    summary.packs[u.pack].units++;
    if (batch.units.length >= batchRows) yield flush('units');
  }
  summary.units = units.length;
  yield flush('units');

  // 2. what is recorded about units
  const ua = unitAssessments(seed, units, ids);
  summary.plantedUnits = ua.planted;
  const ev = unitEvents(seed, units, ids);
  summary.plantedUnitEvents = ev.planted;
  for (const chunk of chunks(ua.rows, batchRows)) {
    batch.unitAssessments = chunk;
    yield flush('unit-records');
  }
  batch.incidents = ev.incidents;
  batch.honors = ev.honors;
  batch.determinations = ev.determinations;
  batch.toleranceRequests = ev.toleranceRequests;
  yield flush('unit-records');

  // 3. cadre after cadre, unit by unit
  const careerUnits = new Map<JurisdictionPack, GenUnit[]>();
  for (const u of units) {
    if (u.kind === 'province') continue;
    let list = careerUnits.get(u.pack);
    if (!list) careerUnits.set(u.pack, (list = []));
    list.push(u);
  }
  const scale = Math.max(1, Math.round(opts.cadres / DEFAULT_DEMO_CADRES));
  const plan = new Plan(units, scale);
  const ctx: CadreContext = { seed, ids, plan, careerUnits, excellentCountyYears: excellentCounties(units, ua.rows) };
  for (const u of units) {
    const n = u.slots.length + u.staff;
    for (let i = 0; i < n; i++) {
      emitCadre(ctx, u, u.slots[i] ?? null, done, batch);
      done++;
      if (rowCount(batch) >= batchRows) yield flush('cadres');
    }
    summary.packs[u.pack].cadres += n;
  }
  summary.cadres = done;
  summary.plantedCadreCases = plan.placed;
  summary.unplaced = plan.unplaced();
  yield flush('cadres');
}

/**
 * Whose principals the province named 优秀县（市、区）党政正职: 江苏 20 a year (the two principals of its ten best
 * counties in the 综合考核), 陕西 10 a year (of its five best in the 目标责任考核).
 */
function excellentCounties(
  units: readonly GenUnit[],
  rows: readonly NewRecord<'unitAssessments'>[],
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const a of rows) {
    const u = byId.get(a.unitId);
    if (!u || !['county', 'district'].includes(u.kind) || a.rank === null) continue;
    const named =
      (u.pack === 'jiangsu' && a.scheme === 'comprehensive' && a.rank <= 10) ||
      (u.pack === 'shaanxi' && a.scheme === 'target' && u.kind === 'county' && a.rank <= 5);
    if (named) (out.get(u.id) ?? out.set(u.id, []).get(u.id)!).push(a.year);
  }
  return out;
}

function* chunks<T>(rows: T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** What a writer needs of the store: bulk inserts inside transactions. */
export type RecordSink = Pick<RecordStore, 'transaction' | 'insertMany'>;

/**
 * Streams the generated record into the store: one transaction per batch, kinds in dependency order inside it
 * (units before cadres before posts…), so every committed batch is consistent on its own.
 */
export async function writeRecord(
  store: RecordSink,
  opts: GenerateOptions,
  onProgress?: (p: Progress, summary: GenerateSummary) => void,
): Promise<GenerateSummary> {
  const summary = emptySummary(opts);
  for (const { rows, progress } of generateRecord(opts, summary)) {
    await store.transaction(async (tx) => {
      for (const kind of RECORD_KINDS) {
        const list = rows[kind];
        if (list.length) await tx.insertMany(kind, list as never);
      }
    });
    onProgress?.(progress, summary);
  }
  return summary;
}
