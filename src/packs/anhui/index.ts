// The anhui pack: 中共安徽省委办公厅印发《关于进一步激励广大干部新时代新担当新作为的实施意见》, one document in
// sections 一–七 with items 1–20 numbered straight through; every item is a rule `anhui/opinion/<item>` (opinion.ts).
import { definePack } from '../../policy/define.js';
import { DOCUMENT } from './document.js';
import { opinionParams, opinionRules } from './opinion.js';
import { valuesNamed } from '../value-names.js';

export const anhui = definePack({
  id: 'anhui',
  parent: 'national',
  title: '安徽省激励干部新时代新担当新作为的实施意见',
  documents: [DOCUMENT],
  errata: [],
  rules: opinionRules,
  values: valuesNamed('commendation', 'tolerance', 'priorityPromotion'),
  // Clauses a determination (组织认定) may be made under, and the kinds of determination each reads; a general
  // 组织认定 (kind other) is accepted under every one of them (src/policy/clauses.ts, docs/READINGS.md).
  determinationClauses: {
    // 推进干部能上能下（第6项）
    'anhui/opinion/6': ['political', 'inaction', 'party_governance', 'team_review'],
    // 考核结果运用（第9项）
    'anhui/opinion/9': ['inaction', 'team_review'],
    // 纠错改正（第12项）
    'anhui/opinion/12': [],
  },
  params: opinionParams,
});
