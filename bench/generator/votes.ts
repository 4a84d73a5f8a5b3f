// 民主测评 vote counts that add up to the electorate, shaped by the grade the cadre was given.
import type { IndividualGrade } from '../../src/domain/vocabulary.js';
import type { Rng } from './prng.js';

export interface VoteCounts {
  excellent: number;
  competent: number;
  basic: number;
  incompetent: number;
}

/** [excellent, basic, incompetent] share ranges by grade; competent takes the rest. */
const SHARES: Record<IndividualGrade, readonly [[number, number], [number, number], [number, number]]> = {
  优秀: [
    [0.55, 0.9],
    [0, 0.03],
    [0, 0.01],
  ],
  称职: [
    [0.15, 0.55],
    [0.01, 0.08],
    [0, 0.02],
  ],
  基本称职: [
    [0.02, 0.15],
    [0.12, 0.22],
    [0.03, 0.1],
  ],
  不称职: [
    [0, 0.05],
    [0.15, 0.25],
    [0.36, 0.5],
  ],
};

function between(rng: Rng, [lo, hi]: [number, number]): number {
  return lo + (hi - lo) * rng.next();
}

/** Counts for `electorate` valid votes: every count a whole number, the four summing exactly to the electorate. */
export function votesFor(rng: Rng, grade: IndividualGrade, electorate: number): VoteCounts {
  const [ex, ba, inc] = SHARES[grade];
  const excellent = Math.floor(between(rng, ex) * electorate);
  const basic = Math.floor(between(rng, ba) * electorate);
  let incompetent = Math.floor(between(rng, inc) * electorate);
  // a 不称职 grade comes from a vote where more than a third found the cadre incompetent
  if (grade === '不称职') incompetent = Math.max(incompetent, Math.floor(electorate / 3) + 1);
  const competent = electorate - excellent - basic - incompetent;
  return { excellent, competent, basic, incompetent };
}

export function totalVotes(v: VoteCounts): number {
  return v.excellent + v.competent + v.basic + v.incompetent;
}
