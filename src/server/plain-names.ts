// Text shown to people names things. The packs write rule ids (`shaanxi/incentive/5.2`), parameter keys
// (`jiangsu.incentive.bonusByGrade`) and record ids (`u000139`, `c00000036`) into their reasons, gaps and notes,
// because those are what a rule can point at exactly; an official reads 《document》article, the parameter's
// Chinese name and the unit's or cadre's name instead. This module finds those tokens and gives their names.
import { TOLERANCE_FLAG_LABELS } from '../domain/vocabulary.js';
import type { PackRegistry } from '../policy/engine.js';

/** Record fields and value names the rules' notes mention, in the words of the forms and the explanation. */
const FIELD_WORDS: Record<string, string> = {
  ...TOLERANCE_FLAG_LABELS,
  priorityPromotion: '优先提拔使用',
  promotionAllowedFrom: '可提拔起始日期',
  aboveOriginalLevelAllowedFrom: '可担任高于原职务层次职务的起始日期',
  excellentQuota: '优秀等次名额',
  bonusFactor: '奖金系数',
  conferredBy: '授予机关',
  inCharge: '分管领域',
};

/** A date the packs write as 2023-10-31, which people write 2023年10月31日 (DESIGN §8). */
const ISO_DATE = /(?<![0-9])(\d{4})-(\d{2})-(\d{2})(?![0-9])/g;

/** What a record id is called, when the caller knows the record (units and cadres of the evaluated facts). */
export type RecordName = (id: string) => string | undefined;

/** A parameter's short Chinese name: its description up to the first full stop, comma-led example or colon. */
export function paramName(description: string): string {
  const first = description.split(/[。；;]/)[0] ?? description;
  return (
    first
      .replace(/[，,]\s*(形如|如|例如).*$/, '')
      .replace(/[：:].*$/, '')
      .trim() || description
  );
}

export interface Namer {
  /** Every token of `texts` that has a name, with that name (for the page to show names instead). */
  namesIn(texts: readonly string[]): Record<string, string>;
  /** `text` with every named token replaced by its name. */
  plain(text: string): string;
}

// A token is a run of the characters ids and keys are made of; each run is looked up whole, so `u0001` inside
// `u000139` never matches, and trailing dots (end of a sentence) are tried without.
const TOKEN = /[A-Za-z0-9_][A-Za-z0-9_./-]*/g;

export function namer(registry: PackRegistry, record: RecordName = () => undefined): Namer {
  const rules = new Map<string, string>();
  for (const r of registry.allRules()) rules.set(r.id, `《${r.citation.document}》${r.citation.article}`);
  const params = new Map<string, string>();
  for (const p of registry.packs.values())
    for (const d of p.params ?? []) params.set(d.key, `“${paramName(d.description)}”`);
  const packs = new Map<string, string>();
  for (const p of registry.packs.values()) packs.set(p.id, p.title);

  const nameOf = (token: string): string | undefined =>
    rules.get(token) ?? params.get(token) ?? FIELD_WORDS[token] ?? record(token) ?? undefined;

  /** The longest prefix of the token (dropping trailing sentence dots) that has a name. */
  const lookup = (token: string): [string, string] | undefined => {
    for (let t = token; t; t = t.replace(/[./-]$/, '')) {
      const n = nameOf(t);
      if (n) return [t, n];
      if (!/[./-]$/.test(t)) break;
    }
    return undefined;
  };

  return {
    namesIn(texts) {
      const out: Record<string, string> = {};
      for (const text of texts)
        for (const m of text.matchAll(TOKEN)) {
          const hit = lookup(m[0]);
          if (hit) out[hit[0]] = hit[1];
        }
      for (const [id, title] of packs) if (texts.includes(id)) out[id] = title;
      return out;
    },
    plain(text) {
      return text
        .replace(TOKEN, (token) => {
          const hit = lookup(token);
          return hit ? hit[1] + token.slice(hit[0].length) : token;
        })
        .replace(ISO_DATE, (_, y: string, m: string, d: string) => `${Number(y)}年${Number(m)}月${Number(d)}日`);
    },
  };
}
