// The procedure definitions' citations are read by people on the case page and the procedure diagram: each names
// the article as the text numbers it (四（导语）, 第十一条, 五（二）), never a locator of the code's own (“四 lead”).
import { describe, expect, it } from 'vitest';
import type { ProcedureCitation } from '../domain/procedure.js';
import { ALL_DEFINITIONS } from './definitions.js';

function citations(): { where: string; c: ProcedureCitation }[] {
  const out: { where: string; c: ProcedureCitation }[] = [];
  for (const d of ALL_DEFINITIONS)
    for (const a of d.actions) {
      out.push({ where: `${d.pack}/${d.procedure}/${a.id}`, c: a.citation });
      for (const i of a.inputs ?? [])
        if (i.citation) out.push({ where: `${d.pack}/${d.procedure}/${a.id}.${i.name}`, c: i.citation });
    }
  return out;
}

describe('procedure citations', () => {
  it('name articles in the words of the text: no Latin letters in an article or its reading', () => {
    const latin = citations().filter(({ c }) => /[A-Za-z]/.test(c.article) || /[A-Za-z]/.test(c.reading ?? ''));
    expect(latin.map(({ where, c }) => `${where}: ${c.article} ${c.reading ?? ''}`)).toEqual([]);
  });
});
