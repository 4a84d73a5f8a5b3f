// The lists each rulebook's annual incentive run produces (PROCEDURES §7.3): which rules' findings make each list,
// the body the text names to approve it (null where no text names one: the organiser then records the body that
// decided), how it is published, and the honour closing the run writes back into the record. Only computable rules
// appear here; a list holds the findings of its rules for the run's year (or, for priority lists, on the run's date).
import type { AssessmentScheme, HonorAward, HonorConferrer } from '../../domain/vocabulary.js';
import { EXCELLENT_SHARE } from '../../packs/jiaozuo/performance-grades.js';
import { TARGET_EXCELLENT_SHARE } from '../../packs/shaanxi/incentive.js';
import type { FactTable } from '../../store/facts-loader.js';

export type ListKind = 'grade' | 'title' | 'award' | 'priority' | 'training' | 'commendation' | 'quota';

export interface HonourSpec {
  conferredBy: HonorConferrer;
  /** the title written into the record; `fromValue` takes it from the entry's value (嘉奖 / 三等功) */
  title: string;
  fromValue?: boolean;
  award?: HonorAward;
}

export interface ListDef {
  key: string;
  /** the list's name as officials write it */
  name: string;
  kind: ListKind;
  rules: readonly string[];
  /** the body the text names; null = not stated */
  approver: string | null;
  /** where the text names the approver (or says nothing) */
  approverBasis: string;
  /** 命名 | 确定 | 授予 | 嘉奖 | 通报 | 记功 | 运用 */
  publish: string;
  /** entries carry no year: the rule states a standing preference on the run's date */
  standing?: boolean;
  /** the value (by prefix, with the run's year) an entry shows, e.g. award amounts or commendations */
  value?: string;
  /** rules off the list that set that value (a total computed apart from the findings listed) */
  valueRules?: readonly string[];
  /** only findings whose conclusion contains this text (one rule feeding two lists) */
  when?: string;
  /** words of a tie message (rules that report ties without their rule) that place the tie on this list */
  tieLabels?: readonly string[];
  /**
   * The parameters (keys) the entries' amounts come from. While one is unset the amounts show 未配置 and the list
   * cannot be approved: the texts approve amounts (“奖金数额报…审批”), never a list without them.
   */
  amountParams?: readonly string[];
  /**
   * The 优秀 share a unit on this list has for the year (陕西 第五条（一）: 其党政干部年度考核优秀等次比例按20%确定). The
   * share follows from the unit's place on the list, so a unit tied at the cut-off and included by decision has it too.
   */
  share?: number | { percentParam: string };
  honour?: HonourSpec;
  /** the unit grade closing writes into the year's assessment when the record holds a score but no grade */
  gradeWrite?: { scheme: AssessmentScheme; grade: string };
}

const NOT_STATED = '原文未明确审批机关，由组织实施机关记录作出决定的机关';

const JIANGSU: ListDef[] = [
  {
    key: 'first_grade_units',
    name: '年度综合考核优秀市（单位）命名名单',
    kind: 'grade',
    rules: ['jiangsu/incentive/7.1'],
    approver: '省委、省政府',
    approverBasis: '江苏省党政干部鼓励激励办法 第七条（一）：由省委、省政府命名',
    publish: '命名',
    honour: { conferredBy: 'provincial', title: '年度综合考核优秀市（单位）' },
    gradeWrite: { scheme: 'comprehensive', grade: '一' },
  },
  {
    key: 'advanced_counties',
    name: '推进高质量发展“先进县（市、区）”名单',
    kind: 'title',
    rules: ['jiangsu/incentive/7.2'],
    approver: '省委、省政府',
    approverBasis: '江苏省党政干部鼓励激励办法 第七条（二）：每年由省委、省政府确定',
    publish: '确定',
    honour: { conferredBy: 'provincial', title: '推进高质量发展“先进县（市、区）”', award: 'jiangsu_advanced_county' },
  },
  {
    key: 'unit_bonus',
    name: '按考核等次核发奖金名单',
    kind: 'award',
    rules: ['jiangsu/incentive/9.1'],
    value: 'award',
    amountParams: ['jiangsu.incentive.bonusByGrade', 'jiangsu.incentive.advancedCountyAward'],
    approver: '省委、省政府',
    approverBasis: '江苏省党政干部鼓励激励办法 第九条（三）：奖金数额报省委、省政府审批',
    publish: '核发',
  },
  {
    key: 'priority_promotion',
    name: '优先提拔使用（优先考虑）名单',
    kind: 'priority',
    rules: ['jiangsu/incentive/8.2', 'jiangsu/incentive/8.3', 'jiangsu/incentive/8.4', 'jiangsu/incentive/8.5'],
    approver: null,
    approverBasis: NOT_STATED,
    publish: '运用',
    standing: true,
  },
  {
    key: 'training_priority',
    name: '优先选送培训名单',
    kind: 'training',
    rules: ['jiangsu/incentive/10.2'],
    approver: null,
    approverBasis: NOT_STATED,
    publish: '运用',
  },
];

const SHAANXI: ListDef[] = [
  {
    key: 'target_excellent_units',
    name: '年度目标责任考核优秀单位授予名单',
    kind: 'grade',
    rules: ['shaanxi/incentive/5.1'],
    tieLabels: ['目标责任'],
    share: TARGET_EXCELLENT_SHARE,
    approver: '省委、省政府',
    approverBasis: '陕西省党政干部鼓励激励办法(试行) 第五条（一）：以省委、省政府名义授予',
    publish: '授予',
    honour: { conferredBy: 'provincial', title: '年度目标责任考核优秀单位' },
    gradeWrite: { scheme: 'target', grade: '优秀' },
  },
  {
    key: 'county_titles',
    name: '县域、城区经济社会发展荣誉授予名单',
    kind: 'title',
    rules: ['shaanxi/incentive/5.2'],
    tieLabels: ['县域', '城区', '强县', '争先进位', '十强', '五强'],
    approver: '省政府',
    approverBasis: '陕西省党政干部鼓励激励办法(试行) 第五条（二）：以省政府名义授予',
    publish: '授予',
  },
  {
    key: 'poverty_excellent_units',
    name: '脱贫攻坚工作成效考核优秀单位授予名单',
    kind: 'title',
    rules: ['shaanxi/incentive/5.3'],
    tieLabels: ['脱贫攻坚'],
    approver: '省委、省政府',
    approverBasis: '陕西省党政干部鼓励激励办法(试行) 第五条（三）：以省委、省政府名义授予',
    publish: '授予',
    honour: { conferredBy: 'provincial', title: '脱贫攻坚工作成效考核优秀单位' },
  },
  {
    key: 'awards',
    name: '考核奖励名单',
    kind: 'award',
    rules: ['shaanxi/incentive/6.2', 'shaanxi/incentive/6.3', 'shaanxi/incentive/6.1'],
    approver: null,
    approverBasis: NOT_STATED,
    publish: '核发',
    value: 'award',
    amountParams: ['shaanxi.incentive.progressPrizeTiers', 'shaanxi.incentive.progressPrizeAmounts'],
    // 第六条 adds up each unit's awards of （二）（三）: the amount each entry shows
    valueRules: ['shaanxi/incentive/6'],
  },
  {
    key: 'priority_promotion',
    name: '优先提拔使用名单',
    kind: 'priority',
    rules: ['shaanxi/incentive/7.1', 'shaanxi/incentive/7.2', 'shaanxi/incentive/7.3', 'shaanxi/incentive/7.4'],
    approver: null,
    approverBasis: NOT_STATED,
    publish: '运用',
    standing: true,
  },
  {
    key: 'training_priority',
    name: '优先安排培训名单',
    kind: 'training',
    rules: ['shaanxi/incentive/8.1'],
    approver: null,
    approverBasis: NOT_STATED,
    publish: '运用',
    standing: true,
  },
];

const RUDONG: ListDef[] = [
  {
    key: 'commendations',
    name: '优秀等次干警嘉奖、记三等功名单',
    kind: 'commendation',
    rules: ['rudong/incentive/6.1'],
    approver: '县委县政府',
    approverBasis: '如东县人民检察院党员干警鼓励激励实施细则 第六条（一）：报县委县政府同意',
    publish: '嘉奖、记功',
    value: 'commendation',
    when: '报县委县政府同意',
    honour: { conferredBy: 'county', title: '嘉奖', fromValue: true },
  },
  {
    key: 'priority_promotion',
    name: '优先考虑提拔使用名单',
    kind: 'priority',
    rules: ['rudong/incentive/7.2', 'rudong/incentive/7.3'],
    approver: null,
    approverBasis: NOT_STATED,
    publish: '运用',
    standing: true,
  },
  {
    key: 'material_rewards',
    name: '物质奖励名单',
    kind: 'award',
    rules: ['rudong/incentive/8.1'],
    approver: '院党组',
    approverBasis: '如东县人民检察院党员干警鼓励激励实施细则 第八条（二）：院党组研究制定奖励办法',
    publish: '核发',
  },
  {
    key: 'training_priority',
    name: '优先选送培训名单',
    kind: 'training',
    rules: ['rudong/incentive/9.2'],
    approver: null,
    approverBasis: NOT_STATED,
    publish: '运用',
  },
];

const ANHUI: ListDef[] = [
  {
    key: 'excellent_commendations',
    name: '综合考核优秀干部嘉奖、通报名单',
    kind: 'commendation',
    rules: ['anhui/opinion/9'],
    approver: null,
    approverBasis: NOT_STATED,
    publish: '嘉奖、通报',
    when: '嘉奖',
    honour: { conferredBy: 'unit', title: '嘉奖' },
  },
  {
    key: 'role_models',
    name: '选树优秀典型名单',
    kind: 'title',
    rules: ['anhui/opinion/15'],
    approver: null,
    approverBasis: NOT_STATED,
    publish: '选树',
    // 第15项 counts its two-year cycle to the run's date: a selection falls due in the year the run is held, not in
    // the assessment year. The same rule's findings about exemplars already selected are a priority (below).
    standing: true,
    when: '优秀典型选树',
  },
  {
    key: 'priority_promotion',
    name: '选树典型及时提拔使用名单',
    kind: 'priority',
    rules: ['anhui/opinion/15'],
    approver: null,
    approverBasis: NOT_STATED,
    publish: '运用',
    standing: true,
    when: '提拔使用',
  },
];

const JIAOZUO: ListDef[] = [
  {
    key: 'good_teams',
    name: '“好”等次班子、“优秀”等次干部通报嘉奖名单',
    kind: 'grade',
    rules: ['jiaozuo/incentive/measure.1'],
    // 其班子成员“优秀”等次可提升至30%: the share of a team graded 好
    share: { percentParam: EXCELLENT_SHARE.key },
    approver: null,
    approverBasis: NOT_STATED,
    publish: '通报嘉奖',
    honour: { conferredBy: 'city', title: '通报嘉奖' },
  },
  {
    key: 'incentive_standards',
    name: '重点激励对象名单',
    kind: 'title',
    rules: [
      'jiaozuo/incentive/standard1.1',
      'jiaozuo/incentive/standard1.2',
      'jiaozuo/incentive/standard1.3',
      'jiaozuo/incentive/standard1.4',
      'jiaozuo/incentive/standard1.5',
      'jiaozuo/incentive/standard1.6',
      'jiaozuo/incentive/standard1.7',
      'jiaozuo/incentive/standard1.8',
      'jiaozuo/incentive/standard1.9',
      'jiaozuo/incentive/standard2.1',
      'jiaozuo/incentive/standard2.2',
      'jiaozuo/incentive/standard2.3',
      'jiaozuo/incentive/standard2.4',
      'jiaozuo/incentive/standard2.5',
      'jiaozuo/incentive/standard2.6',
      'jiaozuo/incentive/standard3.1',
      'jiaozuo/incentive/standard3.2',
      'jiaozuo/incentive/standard3.3',
    ],
    approver: null,
    approverBasis: NOT_STATED,
    publish: '予以鼓励激励',
  },
  {
    key: 'material_rewards',
    name: '物质奖励名单',
    kind: 'award',
    rules: ['jiaozuo/incentive/measure.2'],
    approver: null,
    approverBasis: NOT_STATED,
    publish: '核发',
  },
  {
    key: 'merits',
    name: '记功、嘉奖名单',
    kind: 'commendation',
    rules: ['jiaozuo/incentive/measure.4'],
    approver: null,
    approverBasis: NOT_STATED,
    publish: '记功、嘉奖',
    value: 'commendation',
  },
  {
    key: 'priority_promotion',
    name: '优先提拔重用名单',
    kind: 'priority',
    rules: ['jiaozuo/incentive/measure.3'],
    approver: null,
    approverBasis: NOT_STATED,
    publish: '运用',
    standing: true,
  },
];

export const RUN_LISTS: Readonly<Record<string, readonly ListDef[]>> = {
  jiangsu: JIANGSU,
  shaanxi: SHAANXI,
  rudong: RUDONG,
  anhui: ANHUI,
  jiaozuo: JIAOZUO,
};

/** The rules a pack's run evaluates: those of its lists and those setting the values the lists show. */
export function runRules(pack: string): Set<string> {
  return new Set((RUN_LISTS[pack] ?? []).flatMap((d) => [...d.rules, ...(d.valueRules ?? [])]));
}

/**
 * The tables of the record the rules of each pack's lists read (besides units and cadres): a run loads only these.
 * Every year is read: streaks (连续三年以上) count back as far as the record goes. A test compares each pack's run on
 * this reduced load with the plain evaluation of the whole record; a rule added to a list that reads another table
 * fails it until the table is added here.
 */
export const RUN_TABLES: Readonly<Record<string, ReadonlySet<FactTable>>> = {
  jiangsu: new Set(['unit_assessments', 'cadre_assessments', 'honors', 'determinations']),
  shaanxi: new Set(['unit_assessments', 'cadre_assessments', 'honors']),
  rudong: new Set(['unit_assessments', 'cadre_assessments', 'honors', 'determinations']),
  anhui: new Set([
    'unit_assessments',
    'cadre_assessments',
    'honors',
    'determinations',
    'adjustments',
    'tolerance_requests',
  ]),
  jiaozuo: new Set(['unit_assessments', 'cadre_assessments', 'regular_assessments', 'honors', 'determinations']),
};

/** The list of next year's 优秀 shares every run carries, from the values the rules set (excellentQuota). */
export const QUOTA_LIST: ListDef = {
  key: 'excellent_quotas',
  name: '年度考核优秀等次比例',
  kind: 'quota',
  rules: [],
  approver: null,
  approverBasis: NOT_STATED,
  publish: '运用',
};
