// An approving body is matched by what it is: the body a pack's text names, under its own words or any name the pack
// declares for it; another body is refused whatever it is called, and undeclared bodies compare by their words.
import { describe, expect, it } from 'vitest';
import { RUN_LISTS } from './lists.js';
import { APPROVING_BODIES, sameBody } from '../../packs/approving-bodies.js';

describe('approving bodies', () => {
  it('如东: the 院党组 the text names is 如东县人民检察院党组, and 县委县政府 is not it', () => {
    expect(sameBody('rudong', '院党组', '院党组')).toBe(true);
    expect(sameBody('rudong', '院党组', '如东县人民检察院党组')).toBe(true);
    expect(sameBody('rudong', '院党组', '县委县政府')).toBe(false);
    expect(sameBody('rudong', '院党组', '如东县人民检察院政治部')).toBe(false);
    expect(sameBody('rudong', '县委县政府', '中共如东县委、如东县人民政府')).toBe(true);
    expect(sameBody('rudong', '县委县政府', '如东县人民检察院党组')).toBe(false);
  });

  it('a name declared in one jurisdiction means nothing in another', () => {
    expect(sameBody('jiangsu', '院党组', '如东县人民检察院党组')).toBe(false);
  });

  it('undeclared bodies compare by their words, punctuation and spaces aside', () => {
    expect(sameBody('jiangsu', '省委、省政府', '省委省政府')).toBe(true);
    expect(sameBody('jiangsu', '省委、省政府', '省政府')).toBe(false);
  });

  it('every body a pack declares is one its lists name, and no name means two bodies', () => {
    for (const [pack, bodies] of Object.entries(APPROVING_BODIES)) {
      const named = new Set((RUN_LISTS[pack] ?? []).map((l) => l.approver));
      for (const b of bodies) expect(named.has(b.name), `${pack}: ${b.name}`).toBe(true);
      const all = bodies.flatMap((b) => [b.name, ...b.aliases]);
      expect(new Set(all).size, pack).toBe(all.length);
    }
  });
});
