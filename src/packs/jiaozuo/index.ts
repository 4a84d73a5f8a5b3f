// The jiaozuo pack. Rules are added by mechanism in sibling modules.
import { definePack } from '../../policy/define.js';

export const jiaozuo = definePack({
  id: 'jiaozuo',
  parent: 'national',
  title: '焦作市容错纠错办法与干部鼓励激励办法（报纸解读）',
  documents: [],
  rules: [],
  params: [],
});
