// The anhui pack. Rules are added by mechanism in sibling modules.
import { definePack } from '../../policy/define.js';

export const anhui = definePack({
  id: 'anhui',
  parent: 'national',
  title: '安徽省激励干部新时代新担当新作为的实施意见',
  documents: [],
  rules: [],
  params: [],
});
