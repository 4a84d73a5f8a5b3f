// What the 如东县人民检察院 rules provide beside a tolerance case (PROCEDURES §3.3): 澄清正名 for a 干警 falsely reported
// on or accused (容错纠错实施细则 八（一）), and 严肃处理 of malicious slander (鼓励激励实施细则 第九条（五）), neither with
// steps or a named body. No 失信黑名单 and no pre-event filings.
import type { SideProvisions } from '../../../domain/side-procedures.js';
import { DOC_INCENTIVE, DOC_TOLERANCE } from '../common.js';

export const rudongSide: SideProvisions = {
  pack: 'rudong',
  clarification: {
    procedure: false,
    citation: { document: DOC_TOLERANCE, article: '八（一）', quote: '对反映问题失实或受到诬告的干警及时澄清正名' },
  },
  falseAccusation: {
    conduct: '恶意中伤、诽谤干警的行为',
    body: null,
    citation: {
      document: DOC_INCENTIVE,
      article: '第九条（五）',
      quote: '对恶意中伤、诽谤干警的行为依法依规进行严肃处理。',
    },
  },
  creditBlacklist: null,
  preEventFilings: [],
};
