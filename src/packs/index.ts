// Every jurisdiction's rulebook, and the registry the engine evaluates them through.
import { PackRegistry } from '../policy/engine.js';
import type { PackDef } from '../policy/types.js';
import { anhui } from './anhui/index.js';
import { jiangsu } from './jiangsu/index.js';
import { jiaozuo } from './jiaozuo/index.js';
import { national } from './national/index.js';
import { rudong } from './rudong/index.js';
import { shaanxi } from './shaanxi/index.js';
import { withDecisionEffects } from './procedure-effects.js';

export const ALL_PACKS: readonly PackDef[] = [national, jiangsu, shaanxi, rudong, anhui, jiaozuo].map(
  withDecisionEffects,
);

let registry: PackRegistry | undefined;
export function packRegistry(): PackRegistry {
  return (registry ??= new PackRegistry(ALL_PACKS));
}
