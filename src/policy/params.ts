// Dated parameters (like OpenFisca's): the value in force on the evaluation date, or an override.
import type { PackRegistry } from './engine.js';
import type { ParamDef } from './types.js';

export class ParamResolver {
  private readonly defs = new Map<string, ParamDef>();

  constructor(
    registry: PackRegistry,
    private readonly asOf: string,
    private readonly overrides: Record<string, unknown>,
  ) {
    for (const p of registry.packs.values()) for (const d of p.params) this.defs.set(d.key, d);
    for (const k of Object.keys(overrides)) if (!this.defs.has(k)) throw new Error(`未知参数 unknown parameter: ${k}`);
  }

  /** The value in force; when none is, the key is added to `gaps` as 未配置：key. */
  get(key: string, gaps: Set<string>): unknown {
    if (Object.prototype.hasOwnProperty.call(this.overrides, key)) {
      const v = this.overrides[key];
      if (v !== null && v !== undefined) return v;
      gaps.add(`未配置：${key}`);
      return undefined;
    }
    const def = this.defs.get(key);
    // A key no pack declares is a mistake in a pack, caught by the packs' declaration test
    // (src/packs/declarations.test.ts); an official's evaluation reports it as unset rather than failing.
    if (!def) {
      gaps.add(`未配置：${key}`);
      return undefined;
    }
    // An undated value (the text prints no date) is in force whenever its pack is; a dated one in force wins over it.
    let best: { from?: string | undefined; value: unknown } | undefined;
    for (const v of def.values)
      if ((v.from === undefined || v.from <= this.asOf) && (!best || (v.from ?? '') > (best.from ?? ''))) best = v;
    if (best === undefined) {
      gaps.add(`未配置：${key}`);
      return undefined;
    }
    return best.value;
  }
}
