// The national pack. Rules are added by mechanism in sibling modules.
import { definePack } from '../../policy/define.js';

export const national = definePack({
  id: 'national',
  title: '国家法规（政务处分法、党纪处分条例）',
  documents: [],
  rules: [],
  params: [],
});
