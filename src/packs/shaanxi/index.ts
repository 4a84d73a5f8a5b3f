// The shaanxi pack. Rules are added by mechanism in sibling modules.
import { definePack } from '../../policy/define.js';

export const shaanxi = definePack({
  id: 'shaanxi',
  parent: 'national',
  title: '陕西省“三项机制”文件（2018年）',
  documents: ['陕西省党政干部鼓励激励办法(试行)', '陕西省党政干部容错纠错办法(试行)', '陕西省推进省管党政领导干部能上能下办法(试行)'],
  rules: [],
  params: [],
});
