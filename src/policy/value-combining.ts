// How several contributions to one named value of a subject combine (DESIGN §4 value names). Rules of different
// packs, or one rule for different reasons, may set the same value of the same subject: whether the later one
// replaces the earlier, or the higher commendation is kept (就高不就低), is a reading of the texts, so the packs
// declare it with their rules and the engine only applies the table. A name nobody declared is a programming error:
// it is refused, never silently overwritten.
import type { Value } from './types.js';

/** A way of combining two contributions to one value. */
export type Combining =
  /** the later contribution stands (a value one rule computes once) */
  | { kind: 'replace' }
  /** true when any contribution is true */
  | { kind: 'any' }
  /** one verdict overrides every other once any rule gives it (e.g. ineligible over eligible) */
  | { kind: 'overriding'; value: string }
  /** lists are merged, earlier entries first, without repeats */
  | { kind: 'union' }
  /** of two ranked words the higher is kept; `order` lists them lowest first */
  | { kind: 'highest'; order: readonly string[] };

/**
 * Value names declared by a pack, keyed by family: the part of the name before the first `:` (`titles` covers
 * `titles:2019`), or the whole name when it has none.
 */
export type ValueTable = Readonly<Record<string, Combining>>;

/** Values the engine derives itself from the influence periods: no pack sets or declares them. */
export const DERIVED_VALUE_NAMES: readonly string[] = ['promotionAllowedFrom', 'aboveOriginalLevelAllowedFrom'];

export function familyOf(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(0, i);
}

export type Combiner = (old: Value | undefined, next: Value) => Value;

function combinerOf(c: Combining): Combiner {
  switch (c.kind) {
    case 'replace':
      return (_old, next) => next;
    case 'any':
      return (old, next) => (old === undefined || old === null ? next : old === true || next === true);
    case 'overriding':
      return (old, next) =>
        old === undefined || old === null ? next : old === c.value || next === c.value ? c.value : next;
    case 'union':
      return (old, next) =>
        Array.isArray(old) && Array.isArray(next) ? [...old, ...next.filter((t) => !old.includes(t))] : next;
    case 'highest':
      return (old, next) =>
        typeof old === 'string' && typeof next === 'string'
          ? c.order.indexOf(next) > c.order.indexOf(old)
            ? next
            : old
          : next;
  }
}

const KINDS: ReadonlySet<string> = new Set(['replace', 'any', 'overriding', 'union', 'highest']);

function same(a: Combining, b: Combining): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The table every pack of a registry declared, checked when the registry is built: a family two packs declare
 * differently, a way of combining the engine does not know, or a name the engine derives itself is an error there.
 */
export class ValueCombining {
  private readonly byFamily = new Map<string, { combining: Combining; combiner: Combiner; pack: string }>();

  constructor(packs: readonly { id: string; values?: ValueTable }[]) {
    for (const p of packs)
      for (const [family, combining] of Object.entries(p.values ?? {})) {
        if (family.includes(':') || family === '')
          throw new Error(`pack ${p.id}: value family ${JSON.stringify(family)} must be a name without ':'`);
        if (DERIVED_VALUE_NAMES.includes(family))
          throw new Error(`pack ${p.id}: ${family} is derived by the engine from influence periods`);
        if (!combining || !KINDS.has(combining.kind))
          throw new Error(`pack ${p.id}: value ${family} has no known way of combining`);
        const prev = this.byFamily.get(family);
        if (prev && !same(prev.combining, combining))
          throw new Error(`value ${family} combines one way in pack ${prev.pack} and another in pack ${p.id}`);
        if (!prev) this.byFamily.set(family, { combining, combiner: combinerOf(combining), pack: p.id });
      }
  }

  /** The declared way for a value name, or undefined when no pack declared its family. */
  combining(name: string): Combining | undefined {
    return this.byFamily.get(familyOf(name))?.combining;
  }

  /**
   * A combiner lookup for one evaluation, cached by full name (a whole-record scan sets the same few names millions
   * of times; the cache lives no longer than the evaluation, as names like `tolerance:<request>` are many).
   */
  lookup(): (name: string) => Combiner | undefined {
    const cache = new Map<string, Combiner | undefined>();
    return (name) => {
      if (cache.has(name)) return cache.get(name);
      const c = this.byFamily.get(familyOf(name))?.combiner;
      cache.set(name, c);
      return c;
    };
  }
}
