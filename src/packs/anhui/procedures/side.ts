// What 安徽's 《关于进一步激励广大干部新时代新担当新作为的实施意见》 provides beside a tolerance case (PROCEDURES §4.3):
// in 第12项, 澄清正名 for a cadre falsely reported on, 追究责任 for fabricated or false accusations with bad effect,
// and entering the persons concerned in the 失信“黑名单”, tied to the social credit system. No body is named for any
// of these, and no effect of the list is stated beyond that tie. No pre-event filings.
import type { SideProvisions } from '../../../domain/side-procedures.js';

const DOC = '关于进一步激励广大干部新时代新担当新作为的实施意见';

export const anhuiSide: SideProvisions = {
  pack: 'anhui',
  clarification: {
    procedure: false,
    citation: { document: DOC, article: '第12项', quote: '及时为受到不实反映的干部澄清正名、消除顾虑' },
  },
  falseAccusation: {
    conduct: '捏造事实、虚假告发干部造成恶劣影响的',
    body: null,
    citation: {
      document: DOC,
      article: '第12项',
      quote:
        '严肃查处诬告陷害行为，及时为受到不实反映的干部澄清正名、消除顾虑，对捏造事实、虚假告发干部造成恶劣影响的依纪依法追究责任',
    },
  },
  creditBlacklist: {
    enters: '有关人员',
    effect: '将诬告陷害行为与社会诚信体系建设挂钩',
    decidedBy: null,
    citation: {
      document: DOC,
      article: '第12项',
      quote: '并将诬告陷害行为与社会诚信体系建设挂钩，有关人员纳入失信“黑名单”。',
      reading: '纳入由谁决定原文未写明，记录时写明作出决定的机关；「有关人员」读作被依纪依法追究责任的诬告陷害者',
    },
  },
  preEventFilings: [],
};
