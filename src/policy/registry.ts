// The packs an evaluation runs, indexed once: each pack's chain (rudong → jiangsu → national), which rules supersede
// which, and the table of how value names combine. Built once per process (src/packs/index.ts); every check that can
// be made without facts is made here, so a badly written pack fails when it is registered, not during an evaluation.
import type { PackDef, Rule } from './types.js';
import { ValueCombining } from './value-combining.js';

export class PackRegistry {
  readonly packs = new Map<string, PackDef>();
  readonly rules = new Map<string, Rule>();
  readonly values: ValueCombining;
  private readonly supersededBy = new Map<string, Rule[]>();

  constructor(packs: readonly PackDef[]) {
    for (const p of packs) this.packs.set(p.id, p);
    for (const p of packs) {
      if (p.parent && !this.packs.has(p.parent)) throw new Error(`pack ${p.id}: unknown parent ${p.parent}`);
      for (const r of p.rules) {
        this.rules.set(r.id, r);
        for (const s of r.supersedes ?? []) {
          const list = this.supersededBy.get(s) ?? [];
          list.push(r);
          this.supersededBy.set(s, list);
        }
      }
    }
    this.values = new ValueCombining(packs);
    // Supersession targets are checked by a test over all packs (packs are written independently).
  }

  /** The pack and those above it, nearest first. */
  chain(pack: string): string[] {
    const out: string[] = [];
    let p = this.packs.get(pack);
    if (!p) throw new Error(`未知规则包 unknown pack: ${pack}`);
    while (p && !out.includes(p.id)) {
      out.push(p.id);
      p = p.parent ? this.packs.get(p.parent) : undefined;
    }
    return out;
  }

  superseders(ruleId: string): readonly Rule[] | undefined {
    return this.supersededBy.get(ruleId);
  }

  allRules(): Rule[] {
    return [...this.rules.values()];
  }
}
