// What 《焦作市支持改革创新激励干部担当有为容错纠错办法(试行)》 provides beside a tolerance case (PROCEDURES §5.1): the
// filings made before the work that a later case relies on, from 容错纠错的条件 — the risk assessment of a major
// reform project filed with the 上一级全面深化改革领导小组, and the approval of a 特事特办 measure by the 同级人民政府
// and then the 上级业务主管部门 before it is put into effect. The page states no 澄清正名, false-accusation or 黑名单
// provision. Quotes are the reassembled sentences of TEXT.md.
import type { SideProvisions } from '../../../domain/side-procedures.js';

const DOC = '焦作市支持改革创新激励干部担当有为容错纠错办法(试行)';

export const jiaozuoSide: SideProvisions = {
  pack: 'jiaozuo',
  clarification: null,
  falseAccusation: null,
  creditBlacklist: null,
  preEventFilings: [
    {
      kind: 'reform_risk',
      label: '重大改革创新项目风险评估备案',
      filedWith: '上一级全面深化改革领导小组',
      citation: {
        document: DOC,
        article: '容错纠错的条件（改革创新、大胆探索中出现的失误错误）',
        quote:
          '实施重大改革创新项目或有较大突破、探索的工作,应事先进行风险评估和论证,报上一级全面深化改革领导小组备案。',
      },
    },
    {
      kind: 'special_measure',
      label: '特事特办措施审批',
      filedWith: '同级人民政府；上级业务主管部门',
      citation: {
        document: DOC,
        article: '容错纠错的条件（推动发展、担当作为中出现的失误错误）',
        quote: '采取的特事特办措施,要经同级人民政府同意后,在实施前向上级业务主管部门报告并征得同意。',
      },
    },
  ],
};
