// The national pack, root of every chain: the national periods the seeds rely on — 《中华人民共和国公职人员政务处分法》
// 第八条 and 《中国共产党纪律处分条例》 第十条至第十二条 (adjustment.ts), the periods after 引咎辞职、责令辞职、免职、
// 调离岗位 in 《党政领导干部选拔任用工作条例》 (reappointment.ts), and the limits on the annual assessment grade after a
// sanction (assessment.ts). Its texts are not in the seeds; each rule's note says which version was quoted and which
// published copy the text came from.
import { definePack } from '../../policy/define.js';
import { adjustmentRules, DISCIPLINE_REGULATION, ZWCF_LAW } from './adjustment.js';
import { ASSESSMENT_REGULATION, assessmentRules, PARTY_SANCTION_ASSESSMENT_OPINION } from './assessment.js';
import { reuseRules, SELECTION_REGULATION } from './reappointment.js';

export const national = definePack({
  id: 'national',
  title: '国家法规',
  documents: [
    ZWCF_LAW,
    DISCIPLINE_REGULATION,
    SELECTION_REGULATION,
    ASSESSMENT_REGULATION,
    PARTY_SANCTION_ASSESSMENT_OPINION,
  ],
  errata: [],
  rules: [...adjustmentRules, ...reuseRules, ...assessmentRules],
  params: [],
});
