// Which body a name means, per jurisdiction: a text names an approving body in its own words (院党组), and records
// of the decision name it in full (如东县人民检察院党组). Each pack declares its bodies with their other names, so an
// approval is checked against the body itself rather than the literal words. Bodies no pack declares compare by their
// words alone, punctuation and spaces aside (省委、省政府 = 省委省政府).
import { RUDONG_BODIES } from './rudong/bodies.js';

export interface BodyNames {
  /** the body as the text names it */
  name: string;
  /** other names of the same body in that jurisdiction */
  aliases: readonly string[];
}

export const APPROVING_BODIES: Readonly<Record<string, readonly BodyNames[]>> = {
  rudong: RUDONG_BODIES,
};

const norm = (s: string) => s.replace(/[\s、，,和及与（）()]/g, '');

/** The declared body a name means in this pack (by its own name or an alias), if any. */
export function bodyNamed(pack: string, name: string): BodyNames | undefined {
  const n = norm(name);
  return APPROVING_BODIES[pack]?.find((b) => norm(b.name) === n || b.aliases.some((a) => norm(a) === n));
}

/** Whether `given` names the same body as `named` (the body the text names) in this pack. */
export function sameBody(pack: string, named: string, given: string): boolean {
  if (norm(named) === norm(given)) return true;
  const body = bodyNamed(pack, named);
  return body !== undefined && bodyNamed(pack, given) === body;
}
