// Which yearly talks each jurisdiction's text requires (PROCEDURES §2.2, §4.2, §6.4). Only two texts give a measurable
// rule; 江苏 and 如东 say 「经常」 and 焦作 says nothing, so no coverage is computed there (and none is invented).
//   - 陕西 [001-I 第八条（二）]: 党委(党组)主要负责同志同班子成员…每年至少谈话一次 — the principal and each member of
//     the team, either of them leading the talk; and 班子成员同分管部门单位的主要负责同志 — each member of the team with
//     the 主要负责同志 of every unit their post is in charge of (the post's 分管单位, entered on the record). Where a
//     post's 分管单位 is not entered the dashboard says so instead of guessing from the 分管领域 words.
//   - 安徽 [003 第16项]: 上级领导班子主要负责同志每年与下级领导班子主要负责同志进行谈心谈话，做到分级分层全覆盖 — the
//     upper team's principal, with the principal of each team directly below, the upper principal holding the talk.
export type CoverageRuleKind = 'principalWithTeam' | 'upperToLower';

/** The pairs a rule requires: its own kind, and for 陕西 the members with the heads of the units they are in charge of. */
export type CoveragePairKind = CoverageRuleKind | 'memberWithChargedUnit';

export interface CoverageRule {
  pack: string;
  kind: CoverageRuleKind;
  /** the rule in words, for the dashboard */
  summary: string;
  /** 《document》article「quote」 */
  source: string;
  /** the second requirement of the same article: each team member with the heads of the units in their charge */
  chargedUnits?: { summary: string };
}

export const COVERAGE_RULES: readonly CoverageRule[] = [
  {
    pack: 'shaanxi',
    kind: 'principalWithTeam',
    summary: '党委(党组)主要负责同志每年至少同每位班子成员谈话一次',
    chargedUnits: { summary: '班子成员每年至少同分管部门单位的主要负责同志谈话一次' },
    source:
      '《陕西省党政干部鼓励激励办法(试行)》第八条（二）「党委(党组)主要负责同志同班子成员、班子成员同分管部门单位的主要负责同志每年至少谈话一次」',
  },
  {
    pack: 'anhui',
    kind: 'upperToLower',
    summary: '上级领导班子主要负责同志每年与每个下级领导班子主要负责同志谈心谈话',
    source:
      '《关于进一步激励广大干部新时代新担当新作为的实施意见》第16项「上级领导班子主要负责同志每年与下级领导班子主要负责同志进行谈心谈话，做到分级分层全覆盖」',
  },
];

/** The rule of the first pack in the chain that has one (a unit's chain: its binding, then the packs above). */
export function coverageRuleFor(chain: readonly string[]): CoverageRule | undefined {
  for (const p of chain) {
    const r = COVERAGE_RULES.find((x) => x.pack === p);
    if (r) return r;
  }
  return undefined;
}

/** What a pair of this kind requires, in words. */
export function pairSummary(kind: CoveragePairKind): string {
  if (kind === 'memberWithChargedUnit') return COVERAGE_RULES.find((r) => r.chargedUnits)!.chargedUnits!.summary;
  return COVERAGE_RULES.find((r) => r.kind === kind)!.summary;
}
