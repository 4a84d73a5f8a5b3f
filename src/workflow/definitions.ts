// Every procedure definition the packs declare, by pack, procedure kind (容错纠错, 能上能下 …) and version. A case names the version it
// started under and is run on that version to its end; `current` is what a new case starts on.
import type { ProcedureDef } from '../domain/procedure.js';
import { jiangsuAdjustment } from '../packs/jiangsu/procedures/adjustment.js';
import { rudongAdjustment } from '../packs/rudong/procedures/adjustment.js';
import { shaanxiAdjustment } from '../packs/shaanxi/procedures/adjustment.js';
import { anhuiTolerance } from '../packs/anhui/procedures/tolerance.js';
import { jiangsuTolerance } from '../packs/jiangsu/procedures/tolerance.js';
import { jiaozuoTolerance } from '../packs/jiaozuo/procedures/tolerance.js';
import { rudongTolerance } from '../packs/rudong/procedures/tolerance.js';
import { shaanxiClarification } from '../packs/shaanxi/procedures/clarification.js';
import { shaanxiTolerance } from '../packs/shaanxi/procedures/tolerance.js';

export class DefinitionRegistry {
  private readonly byKey = new Map<string, ProcedureDef[]>();

  constructor(defs: readonly ProcedureDef[]) {
    for (const d of defs) {
      const key = `${d.pack}/${d.procedure}`;
      const list = this.byKey.get(key) ?? [];
      if (list.some((x) => x.version === d.version)) throw new Error(`duplicate definition ${key}@${d.version}`);
      list.push(d);
      this.byKey.set(key, list);
    }
  }

  /** The version new cases start on: the last one registered. */
  current(pack: string, procedure: string): ProcedureDef | undefined {
    const list = this.byKey.get(`${pack}/${procedure}`);
    return list?.[list.length - 1];
  }

  get(pack: string, procedure: string, version: string): ProcedureDef | undefined {
    return this.byKey.get(`${pack}/${procedure}`)?.find((d) => d.version === version);
  }

  all(): ProcedureDef[] {
    return [...this.byKey.values()].flat();
  }
}

export const TOLERANCE_DEFINITIONS: readonly ProcedureDef[] = [
  jiangsuTolerance,
  shaanxiTolerance,
  rudongTolerance,
  anhuiTolerance,
  jiaozuoTolerance,
];

/** 能上能下: 江苏, 陕西 and 如东 only (安徽 states no adjustment procedure, 焦作 has no adjustment text). */
export const ADJUSTMENT_DEFINITIONS: readonly ProcedureDef[] = [jiangsuAdjustment, shaanxiAdjustment, rudongAdjustment];

/** Side procedures run on the same engine: 澄清正名 where a text gives it steps (陕西 第十一条). */
export const SIDE_DEFINITIONS: readonly ProcedureDef[] = [shaanxiClarification];

/** Every procedure the engine runs, of every kind. */
export const ALL_DEFINITIONS: readonly ProcedureDef[] = [
  ...TOLERANCE_DEFINITIONS,
  ...ADJUSTMENT_DEFINITIONS,
  ...SIDE_DEFINITIONS,
];

let registry: DefinitionRegistry | undefined;
export function definitionRegistry(): DefinitionRegistry {
  return (registry ??= new DefinitionRegistry(ALL_DEFINITIONS));
}
