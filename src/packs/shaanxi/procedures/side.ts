// What 《陕西省党政干部容错纠错办法(试行)》 provides beside a tolerance case (PROCEDURES §2.3): 澄清保护 with steps
// (第十一条, run as the `clarification` procedure), in which 查处诬告行为 is one step; the 纪检监察机关 carry the duty of
// 澄清保护 (第十二条（二）). No 失信黑名单 and no pre-event filings.
import type { SideProvisions } from '../../../domain/side-procedures.js';

const DOC = '陕西省党政干部容错纠错办法(试行)';

export const shaanxiSide: SideProvisions = {
  pack: 'shaanxi',
  clarification: {
    procedure: true,
    citation: {
      document: DOC,
      article: '第十一条',
      quote: '完善澄清保护机制。对所反映问题失实或受到诬告的单位或个人,可以采取以下措施',
    },
  },
  falseAccusation: {
    conduct: '恶意中伤诬陷他人、干扰改革创新或持续无理上访造成恶劣影响的',
    body: '纪检监察机关',
    citation: {
      document: DOC,
      article: '第十一条（二）',
      quote:
        '对恶意中伤诬陷他人、干扰改革创新或持续无理上访造成恶劣影响的,坚决查处,依纪依法追究责任,典型案件通报曝光。',
      reading:
        '第十一条未写明由谁查处；第十二条（二）由纪检监察机关「通过合理容错、及时纠错、澄清保护,消除干部思想顾虑」',
    },
  },
  creditBlacklist: null,
  preEventFilings: [],
};
