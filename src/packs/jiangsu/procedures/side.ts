// What 《江苏省进一步健全容错纠错机制的办法》 provides beside a tolerance case (PROCEDURES §1.4): 澄清正名 for a cadre
// who was falsely reported on, and 查处 of 诬告陷害, both in 三（二） without steps, in the investigating organ's duty.
// No 失信黑名单 and no pre-event filings.
import type { SideProvisions } from '../../../domain/side-procedures.js';

const DOC = '江苏省进一步健全容错纠错机制的办法';
const SENTENCE = '严肃查处诬告陷害行为，及时为受到不实反映的干部澄清正名、消除顾虑。';

export const jiangsuSide: SideProvisions = {
  pack: 'jiangsu',
  clarification: { procedure: false, citation: { document: DOC, article: '三（二）', quote: SENTENCE } },
  falseAccusation: {
    conduct: '诬告陷害行为',
    body: '相关问责机关或部门',
    citation: {
      document: DOC,
      article: '三（二）',
      quote: SENTENCE,
      reading: '三（二）的主语是「相关问责机关或部门」；查处诬告陷害行为由谁承办原文未另写明',
    },
  },
  creditBlacklist: null,
  preEventFilings: [],
};
