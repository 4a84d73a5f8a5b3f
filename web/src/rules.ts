// The rulebooks' rules (GET /rules), loaded once per session: the 政策规则 page lists them, and record pages name a
// rule a record points at (an adjustment's 依据规则, a determination's clause) by its document and article.
import { useEffect, useState } from 'react';
import { api } from './api';

export interface RuleRow {
  id: string;
  pack: string;
  packTitle: string;
  mechanism: string;
  kind: 'computable' | 'procedure' | 'principle';
  title: string | null;
  document: string;
  article: string;
  text: string;
  note: string | null;
  supersedes: string[];
}

let cache: Promise<RuleRow[]> | null = null;

export function loadRules(): Promise<RuleRow[]> {
  if (!cache) {
    cache = api.get<RuleRow[]>('/rules');
    cache.catch(() => {
      cache = null;
    });
  }
  return cache;
}

/** Each rule id with its name as people cite it: 《document》article（title）. */
export function useRuleNames(): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    loadRules()
      .then((rules) => {
        if (live) setNames(Object.fromEntries(rules.map((r) => [r.id, `《${r.document}》${r.article}`])));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return names;
}
