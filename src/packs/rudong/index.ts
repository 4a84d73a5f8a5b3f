// The rudong pack. Rules are added by mechanism in sibling modules.
import { definePack } from '../../policy/define.js';

export const rudong = definePack({
  id: 'rudong',
  parent: 'jiangsu',
  title: '如东县人民检察院“三项机制”实施细则',
  documents: [],
  rules: [],
  params: [],
});
