// How a determination (组织认定) names the clause it was made under, read the same way in every pack: the full rule id
// (jiangsu/adjustment/9.2), the mechanism and locator (adjustment/9.2), the document and article as printed
// (江苏省推进党政领导干部能上能下办法第九条（二）), or — in the numbering of the subject's own pack — the bare locator (9.2)
// or printed article (第九条（二）). A bare form that more than one rule of that pack may be named by (a pack holding
// several documents whose numbers overlap) names none: it is ambiguous, and entry refuses it.
import type { DeterminationKind } from '../domain/vocabulary.js';
import type { PackDef } from './types.js';

/** Whitespace and book-title marks dropped, half-width brackets made full-width: 第九条 (二) ≡ 第九条（二）. */
export function normaliseClause(clause: string): string {
  return clause
    .replace(/[\s《》〈〉<>]/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

/**
 * A clause a determination may be made under: a rule, or a numbered part of one (焦作 措施3 (1) = measure.3.1 under
 * the rule measure.3), with the kinds of determination it reads.
 */
export interface ClauseTarget {
  /** `<pack>/<mechanism>/<locator>` */
  id: string;
  pack: string;
  mechanism: string;
  locator: string;
  document: string;
  /** the article as printed, when the clause is a whole rule */
  article?: string;
  kinds: readonly DeterminationKind[];
}

/** The kind every clause accepts: a general 组织认定 that does not say which area it concerns. */
export const GENERAL_KIND: DeterminationKind = 'other';

const qualifiedForms = (t: ClauseTarget): string[] => [
  t.id,
  ...(t.article !== undefined ? [normaliseClause(`${t.document}${t.article}`)] : []),
];
const bareForms = (t: ClauseTarget): string[] => [
  ...new Set([
    t.locator,
    `${t.mechanism}/${t.locator}`,
    ...(t.article !== undefined ? [normaliseClause(t.article)] : []),
  ]),
];

function targetOf(p: PackDef, id: string, kinds: readonly DeterminationKind[]): ClauseTarget {
  const m = /^([a-z]+)\/([a-z]+)\/(.+)$/.exec(id);
  if (!m || m[1] !== p.id) throw new Error(`${p.id}: determination clause ${id} is not in the pack`);
  const [, pack, mechanism, locator] = m as unknown as [string, string, string, string];
  const exact = p.rules.find((r) => r.id === id);
  // a numbered part reads its document from the rule it belongs to (the longest locator prefix)
  const owner =
    exact ??
    p.rules
      .filter((r) => r.mechanism === mechanism && locator.startsWith(`${r.locator}.`))
      .sort((a, b) => b.locator.length - a.locator.length)[0];
  if (!owner) throw new Error(`${p.id}: determination clause ${id} belongs to no rule of the pack`);
  return {
    id,
    pack,
    mechanism,
    locator,
    document: owner.citation.document,
    ...(exact ? { article: exact.citation.article } : {}),
    kinds,
  };
}

export interface ClauseResolution {
  /** the rules the clause names (one, unless ambiguous) */
  targets: ClauseTarget[];
  /** true when a bare form names several rules of one pack */
  ambiguous: boolean;
}

/** Every pack's determination clauses, indexed once per registry. */
export class ClauseBook {
  private readonly qualified = new Map<string, ClauseTarget>();
  /** pack → bare form → targets */
  private readonly bare = new Map<string, Map<string, ClauseTarget[]>>();
  private readonly byRule = new Map<string, ClauseTarget>();

  constructor(packs: Iterable<PackDef>) {
    for (const p of packs) {
      const own = new Map<string, ClauseTarget[]>();
      this.bare.set(p.id, own);
      for (const [id, kinds] of Object.entries(p.determinationClauses ?? {})) {
        const t = targetOf(p, id, kinds);
        this.byRule.set(id, t);
        for (const f of qualifiedForms(t)) this.qualified.set(f, t);
        // mechanism/locator, the locator and the printed article are read in the subject's own pack's numbering
        for (const f of bareForms(t)) {
          const list = own.get(f);
          if (list) list.push(t);
          else own.set(f, [t]);
        }
      }
    }
  }

  /** The clause with this id, when determinations may be made under it. */
  target(ruleId: string): ClauseTarget | undefined {
    return this.byRule.get(ruleId);
  }

  /** The packs whose numbering a bare clause is read in. */
  packs(): string[] {
    return [...this.bare.keys()];
  }

  /**
   * What a clause names, read in the numbering of `ownPack` for bare forms (the subject's own pack, first in its
   * chain). Without an own pack, a bare form is read in every pack and is ambiguous when it names rules in several
   * documents of any one of them.
   */
  resolve(clause: string, ownPack?: string): ClauseResolution {
    const c = normaliseClause(clause);
    const q = this.qualified.get(c);
    if (q) return { targets: [q], ambiguous: false };
    const packs = ownPack !== undefined ? [ownPack] : this.packs();
    const targets: ClauseTarget[] = [];
    let ambiguous = false;
    for (const p of packs) {
      const list = this.bare.get(p)?.get(c) ?? [];
      if (list.length > 1) ambiguous = true;
      targets.push(...list);
    }
    return { targets, ambiguous };
  }

  /** Whether a determination of `kind` under `clause`, about a subject whose own pack is `ownPack`, names `ruleId`. */
  names(clause: string, kind: string, ruleId: string, ownPack: string | undefined): boolean {
    const r = this.resolve(clause, ownPack);
    if (r.ambiguous || r.targets.length !== 1) return false;
    const t = r.targets[0]!;
    return t.id === ruleId && kindFits(t, kind);
  }
}

export const kindFits = (t: ClauseTarget, kind: string): boolean =>
  kind === GENERAL_KIND || (t.kinds as readonly string[]).includes(kind);

const books = new WeakMap<object, ClauseBook>();
/** One ClauseBook per set of packs (the registry's map), built on first use. */
export function clauseBookFor(packs: ReadonlyMap<string, PackDef>): ClauseBook {
  let b = books.get(packs);
  if (!b) books.set(packs, (b = new ClauseBook(packs.values())));
  return b;
}
