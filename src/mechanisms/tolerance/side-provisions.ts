// What each pack's text provides beside a tolerance case (澄清正名, false-accusation referral, 失信黑名单, pre-event
// filings), by pack id.
import type { SideProvisions } from '../../domain/side-procedures.js';
import { anhuiSide } from '../../packs/anhui/procedures/side.js';
import { jiangsuSide } from '../../packs/jiangsu/procedures/side.js';
import { jiaozuoSide } from '../../packs/jiaozuo/procedures/side.js';
import { rudongSide } from '../../packs/rudong/procedures/side.js';
import { shaanxiSide } from '../../packs/shaanxi/procedures/side.js';

const BY_PACK = new Map<string, SideProvisions>(
  [jiangsuSide, shaanxiSide, rudongSide, anhuiSide, jiaozuoSide].map((p) => [p.pack, p]),
);

export function sideProvisions(pack: string): SideProvisions | undefined {
  return BY_PACK.get(pack);
}
