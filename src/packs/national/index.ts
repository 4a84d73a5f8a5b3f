// The national pack, root of every chain: the national periods the seeds rely on — 《中华人民共和国公职人员政务处分法》
// 第八条 and 《中国共产党纪律处分条例》 第十条至第十二条 (adjustment.ts). Its texts are not in the seeds; each rule's note
// says which version was quoted and where the text came from.
import { definePack } from '../../policy/define.js';
import { adjustmentRules, DISCIPLINE_REGULATION, ZWCF_LAW } from './adjustment.js';

export const national = definePack({
  id: 'national',
  title: '国家法规',
  documents: [ZWCF_LAW, DISCIPLINE_REGULATION],
  errata: [],
  rules: adjustmentRules,
  params: [],
});
