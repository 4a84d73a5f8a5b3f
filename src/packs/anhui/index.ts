// The anhui pack: 中共安徽省委办公厅印发《关于进一步激励广大干部新时代新担当新作为的实施意见》, one document in
// sections 一–七 with items 1–20 numbered straight through; every item is a rule `anhui/opinion/<item>` (opinion.ts).
import { definePack } from '../../policy/define.js';
import { DOCUMENT } from './document.js';
import { opinionParams, opinionRules } from './opinion.js';

export const anhui = definePack({
  id: 'anhui',
  parent: 'national',
  title: '安徽省激励干部新时代新担当新作为的实施意见',
  documents: [DOCUMENT],
  errata: [],
  rules: opinionRules,
  params: opinionParams,
});
