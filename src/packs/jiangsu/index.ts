// The jiangsu pack. Rules are added by mechanism in sibling modules.
import { definePack } from '../../policy/define.js';

export const jiangsu = definePack({
  id: 'jiangsu',
  parent: 'national',
  title: '江苏省“三项机制”文件',
  documents: ['江苏省党政干部鼓励激励办法', '江苏省进一步健全容错纠错机制的办法', '江苏省推进党政领导干部能上能下办法'],
  rules: [],
  params: [],
});
