// The bodies 如东县人民检察院's 实施细则 names, with the other names the same body goes by. The text says 院党组 (the
// procuratorate's own party leadership group, 第八条（二）、第十条) and 县委县政府 (第六条（一）); minutes and decisions
// write the full names (如东县人民检察院党组, 中共如东县委、如东县人民政府). An approval recorded under any of them is
// the body the text names; any other body is not.
import type { BodyNames } from '../approving-bodies.js';

export const RUDONG_BODIES: readonly BodyNames[] = [
  {
    name: '院党组',
    aliases: ['如东县人民检察院党组', '如东县检察院党组', '县检察院党组', '中共如东县人民检察院党组'],
  },
  {
    name: '县委县政府',
    aliases: ['如东县委县政府', '如东县委、如东县人民政府', '中共如东县委、如东县人民政府', '县委、县人民政府'],
  },
];
