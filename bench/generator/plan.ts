// The planted cases: besides what the random draw produces, the demo must contain, for every computable rule of
// the packs, someone it fires for, and the boundary cases the texts imply (exactly a third, exactly 30%, runs
// broken by a gap, 29 February). Each case is placed on a cadre who fits it (a 中层干部 of the procuratorate for
// 如东's rules, a 党委书记 for 全面从严治党 findings…), spread evenly over the pack's eligible cadres.
import type {
  AccountabilityKind,
  AdjustmentMethod,
  DeterminationKind,
  HonorConferrer,
  IndividualGrade,
  PostRole,
  SanctionKind,
} from '../../src/domain/vocabulary.js';
import type { GenUnit, JurisdictionPack } from './model.js';
import { TOLERANCE_CASES, type RequestSpec } from './tolerance.js';

/** [electorate, excellent, competent, basic, incompetent] */
export type VoteSpec = readonly [number, number, number, number, number];

export type CadreCase =
  | {
      type: 'grades';
      name: string;
      grades: Readonly<Record<number, IndividualGrade>>;
      votes?: Readonly<Record<number, VoteSpec>>;
    }
  | {
      type: 'adjustment';
      name: string;
      method: AdjustmentMethod;
      date: string;
      ruleId: string | null;
      sanction?: { kind: SanctionKind; date: string };
    }
  | { type: 'sanction'; name: string; kind: SanctionKind; date: string }
  | {
      type: 'determination';
      name: string;
      clause: string;
      kind: DeterminationKind;
      date: string;
      /** an honor the finding rests on, recorded before it (焦作 标准之三（三）: 省委、省政府及以上荣誉) */
      honor?: { conferredBy: HonorConferrer; title: string; date: string };
    }
  | { type: 'accountability'; name: string; kind: AccountabilityKind; date: string }
  | { type: 'honor'; name: string; conferredBy: HonorConferrer; title: string; date: string }
  /** 容错申请 filed by the cadre (see tolerance.ts) */
  | { type: 'tolerance'; name: string; requests: readonly RequestSpec[] };

type Filter = 'leader' | 'secretary' | 'staff' | 'rudongMid' | 'rudongSecretary' | 'rudongStaff' | 'anyone';
/** A cadre takes at most one case of each category (tolerance requests come on top of an event). */
type Category = 'grades' | 'event' | 'tolerance';

function matches(f: Filter, unit: GenUnit, role: PostRole, ps: boolean, fixedCategory: boolean): boolean {
  if (unit.kind === 'province') return false;
  switch (f) {
    case 'staff':
      // an adjusted cadre now holds a non-leading post; 聘用制书记员 and 劳务派遣 posts never held a leading one
      return role === 'staff' && !fixedCategory;
    case 'leader':
      return role === 'principal' || role === 'deputy' || role === 'member';
    case 'secretary':
      return role === 'principal' && ps;
    case 'rudongMid':
      return role === 'midlevel';
    case 'rudongSecretary':
      return role === 'midlevel' && ps;
    case 'rudongStaff':
      return role === 'staff' || role === 'midlevel';
    case 'anyone':
      return true;
  }
}

// ---- the cases ---------------------------------------------------------------------------------------------

const G = (name: string, grades: Record<number, IndividualGrade>, votes?: Record<number, VoteSpec>): CadreCase => ({
  type: 'grades',
  name,
  grades,
  ...(votes ? { votes } : {}),
});

/** Annual-assessment patterns: runs, broken runs, and the vote shares at and around each threshold. */
export const ASSESSMENT_CASES: readonly CadreCase[] = [
  G('优秀连续三年', { 2023: '优秀', 2024: '优秀', 2025: '优秀' }),
  G('优秀连续五年', { 2021: '优秀', 2022: '优秀', 2023: '优秀', 2024: '优秀', 2025: '优秀' }),
  G('优秀三年但中断（2023称职）', { 2021: '优秀', 2022: '优秀', 2023: '称职', 2024: '优秀', 2025: '优秀' }),
  G('优秀连续两年', { 2023: '称职', 2024: '优秀', 2025: '优秀' }),
  G('基本称职连续两年', { 2024: '基本称职', 2025: '基本称职' }),
  G('基本称职连续两年（较早，2022–2023）', { 2022: '基本称职', 2023: '基本称职', 2024: '称职', 2025: '称职' }),
  G('基本称职两年但不连续', { 2023: '基本称职', 2024: '称职', 2025: '基本称职' }),
  G('不称职', { 2025: '不称职' }),
  G('不称职得票超过三分之一（21/60）', { 2025: '基本称职' }, { 2025: [60, 5, 25, 9, 21] }),
  G('不称职得票恰为三分之一（20/60）', { 2025: '基本称职' }, { 2025: [60, 6, 28, 6, 20] }),
  G('不称职得票34/100', { 2025: '基本称职' }, { 2025: [100, 10, 40, 16, 34] }),
  G('不称职得票33/100', { 2025: '基本称职' }, { 2025: [100, 10, 41, 16, 33] }),
  G('基本称职和不称职得票恰为30%（15/50）', { 2025: '称职' }, { 2025: [50, 8, 27, 11, 4] }),
  G('基本称职和不称职得票29%', { 2025: '称职' }, { 2025: [100, 20, 51, 22, 7] }),
  G('基本称职和不称职得票31.25%', { 2025: '称职' }, { 2025: [80, 12, 43, 19, 6] }),
];

const ALL_METHODS: readonly [AdjustmentMethod, string][] = [
  ['调离岗位', '2026-04-15'],
  ['改任非领导职务', '2025-12-20'],
  ['免职', '2026-03-10'],
  ['免职', '2024-05-10'],
  ['引咎辞职', '2025-09-01'],
  ['责令辞职', '2026-06-18'],
  ['降职', '2024-02-29'],
];

function adjustments(pack: JurisdictionPack, rule: string | null, methods: readonly AdjustmentMethod[]): CadreCase[] {
  const out: CadreCase[] = ALL_METHODS.filter(([m]) => methods.includes(m)).map(([method, date]) => ({
    type: 'adjustment' as const,
    name: `组织调整：${method}（${date}）`,
    method,
    date,
    ruleId: rule ? `${pack}/${rule}` : null,
  }));
  // an adjustment and a sanction overlapping: the longer influence period governs
  out.push({
    type: 'adjustment',
    name: '免职并受记大过处分（影响期重叠）',
    method: '免职',
    date: '2026-03-10',
    ruleId: rule ? `${pack}/${rule}` : null,
    sanction: { kind: '记大过', date: '2026-02-01' },
  });
  return out;
}

const SANCTION_DATES: Record<SanctionKind, string> = {
  警告: '2026-05-12',
  记过: '2025-11-03',
  记大过: '2025-06-20',
  降级: '2025-03-18',
  撤职: '2024-12-09',
  党内警告: '2026-02-27',
  党内严重警告: '2025-08-14',
  撤销党内职务: '2025-04-22',
  留党察看: '2024-10-30',
};
const SANCTIONS: CadreCase[] = Object.entries(SANCTION_DATES).map(([kind, date]) => ({
  type: 'sanction',
  name: `处分：${kind}`,
  kind: kind as SanctionKind,
  date,
}));

const ACCOUNTABILITY: CadreCase[] = (['诫勉', '通报', '责令检查', '组织调整', '组织处理'] as const).map((kind, i) => ({
  type: 'accountability',
  name: `问责：${kind}`,
  kind,
  date: ['2025-07-08', '2025-10-16', '2026-01-21', '2026-04-09', '2026-07-02'][i] as string,
}));

function det(pack: string, mech: string, locators: string[], kind: DeterminationKind): CadreCase[] {
  return locators.map((loc, i) => ({
    type: 'determination' as const,
    name: `组织认定：${pack}/${mech}/${loc}`,
    clause: `${pack}/${mech}/${loc}`,
    kind,
    date: `2026-0${1 + (i % 8)}-${String(10 + i).padStart(2, '0')}`,
  }));
}

function honor(name: string, conferredBy: HonorConferrer, title: string, date: string): CadreCase {
  return { type: 'honor', name, conferredBy, title, date };
}

interface QueueSpec {
  pack: JurisdictionPack;
  filter: Filter;
  category: Category;
  cases: readonly CadreCase[];
  /** fixed-size packs (如东) get each case once, whatever the record's size */
  fixed?: boolean;
}

const GOV_METHODS: readonly AdjustmentMethod[] = ['调离岗位', '改任非领导职务', '免职', '降职'];
const ALL: readonly AdjustmentMethod[] = ['调离岗位', '改任非领导职务', '免职', '引咎辞职', '责令辞职', '降职'];

export const QUEUES: readonly QueueSpec[] = [
  // 江苏
  { pack: 'jiangsu', filter: 'leader', category: 'grades', cases: ASSESSMENT_CASES },
  {
    pack: 'jiangsu',
    filter: 'leader',
    category: 'event',
    cases: [
      ...det('jiangsu', 'adjustment', ['6.1', '6.2', '6.3', '6.4', '6.5'], 'political'),
      ...det('jiangsu', 'adjustment', ['9.1', '9.2', '9.7'], 'inaction'),
      ...det('jiangsu', 'adjustment', ['9.3'], 'poverty'),
      ...det('jiangsu', 'adjustment', ['9.4'], 'environment'),
      ...det('jiangsu', 'incentive', ['8.5'], 'other'),
      honor('受到省委省政府表彰', 'provincial', '全省脱贫攻坚先进个人', '2025-05-20'),
      honor('受到党中央国务院表彰', 'central', '全国优秀公务员', '2024-12-18'),
      ...ACCOUNTABILITY,
    ],
  },
  {
    pack: 'jiangsu',
    filter: 'secretary',
    category: 'event',
    cases: det('jiangsu', 'adjustment', ['10.1', '10.2', '10.3', '10.4', '10.5'], 'party_governance'),
  },
  { pack: 'jiangsu', filter: 'anyone', category: 'event', cases: SANCTIONS },
  { pack: 'jiangsu', filter: 'staff', category: 'event', cases: adjustments('jiangsu', 'adjustment/8.2', ALL) },
  // 陕西
  { pack: 'shaanxi', filter: 'leader', category: 'grades', cases: ASSESSMENT_CASES },
  {
    pack: 'shaanxi',
    filter: 'leader',
    category: 'event',
    cases: [
      ...det('shaanxi', 'adjustment', ['7'], 'team_review'),
      ...det('shaanxi', 'adjustment', ['10.4'], 'poverty'),
      ...det('shaanxi', 'adjustment', ['11.1', '11.2'], 'environment'),
      honor('受到省委省政府表彰', 'provincial', '全省脱贫攻坚先进个人', '2025-06-10'),
      honor('受到党中央国务院表彰', 'central', '全国脱贫攻坚先进个人', '2025-02-25'),
      ...ACCOUNTABILITY,
    ],
  },
  { pack: 'shaanxi', filter: 'anyone', category: 'event', cases: SANCTIONS },
  { pack: 'shaanxi', filter: 'staff', category: 'event', cases: adjustments('shaanxi', 'adjustment/8.3', GOV_METHODS) },
  // 如东县人民检察院: a fixed-size unit, every case once
  // 如东's adjustment rules address 中层干部; its incentive rules all 干警
  {
    pack: 'rudong',
    filter: 'rudongMid',
    category: 'grades',
    fixed: true,
    cases: ASSESSMENT_CASES.filter((c) =>
      /不称职|基本称职连续两年$|两年但不连续|恰为三分之一|超过三分之一/.test(c.name),
    ),
  },
  { pack: 'rudong', filter: 'rudongStaff', category: 'grades', cases: ASSESSMENT_CASES, fixed: true },
  {
    pack: 'rudong',
    filter: 'staff',
    category: 'event',
    fixed: true,
    cases: adjustments('rudong', 'adjustment/7.2', ALL),
  },
  {
    pack: 'rudong',
    filter: 'rudongSecretary',
    category: 'event',
    fixed: true,
    cases: det('rudong', 'adjustment', ['9.1', '9.2', '9.3', '9.4', '9.5'], 'party_governance'),
  },
  {
    pack: 'rudong',
    filter: 'rudongMid',
    category: 'event',
    fixed: true,
    cases: [
      ...det('rudong', 'adjustment', ['6.1', '6.2', '6.3', '6.4', '6.5', '6.6'], 'political'),
      ...det('rudong', 'adjustment', ['8.1', '8.4', '8.5'], 'inaction'),
      ...det('rudong', 'adjustment', ['8.3'], 'poverty'),
      ...det('rudong', 'incentive', ['7.3'], 'other'),
    ],
  },
  {
    pack: 'rudong',
    filter: 'rudongStaff',
    category: 'event',
    fixed: true,
    cases: [
      honor('受到县委县政府奖励', 'county', '县委县政府记三等功', '2025-04-16'),
      honor('受到市检察院记功', 'upper_procuratorate', '南通市人民检察院记三等功', '2025-09-28'),
      honor('受到市委市政府表彰', 'city', '南通市优秀共产党员', '2025-06-30'),
      ...SANCTIONS.slice(0, 3),
      ...SANCTIONS.slice(5, 7),
    ],
  },
  // 安徽
  { pack: 'anhui', filter: 'leader', category: 'grades', cases: ASSESSMENT_CASES },
  {
    pack: 'anhui',
    filter: 'leader',
    category: 'event',
    cases: [
      ...ACCOUNTABILITY,
      honor('省级选树的优秀典型', 'provincial', '全省选树优秀典型（优秀县委书记）', '2024-07-01'),
      honor('省级选树的优秀典型', 'provincial', '全省选树优秀典型（优秀乡镇党委书记）', '2024-07-01'),
    ],
  },
  { pack: 'anhui', filter: 'anyone', category: 'event', cases: SANCTIONS },
  { pack: 'anhui', filter: 'staff', category: 'event', cases: adjustments('anhui', 'opinion/6', GOV_METHODS) },
  // 焦作
  { pack: 'jiaozuo', filter: 'leader', category: 'grades', cases: ASSESSMENT_CASES },
  {
    pack: 'jiaozuo',
    filter: 'leader',
    category: 'event',
    cases: [
      ...det('jiaozuo', 'incentive', ['standard3.1', 'standard3.2'], 'other'),
      ...det('jiaozuo', 'incentive', ['standard3.3'], 'other').map((c) => ({
        ...c,
        honor: { conferredBy: 'provincial' as const, title: '河南省五一劳动奖章', date: '2025-04-28' },
      })),
      // 措施 6 (就高不就低): the 措施 4 commendation of 4.2 meets a 专项工作 嘉奖 of the same year
      ...det(
        'jiaozuo',
        'incentive',
        ['measure.3.1', 'measure.3.2', 'measure.4.1', 'measure.4.2', 'measure.4.3'],
        'other',
      ).map((c) =>
        c.type === 'determination' && c.clause.endsWith('measure.4.2')
          ? { ...c, honor: { conferredBy: 'city' as const, title: '市委市政府专项工作嘉奖', date: '2026-03-02' } }
          : c,
      ),
      honor('作出重大贡献', 'city', '记二等功', '2025-08-12'),
      honor('作出较大贡献', 'city', '记三等功', '2025-08-12'),
      honor('表现突出', 'city', '嘉奖', '2025-08-12'),
      honor('受到省委省政府表彰', 'provincial', '河南省优秀共产党员', '2025-06-28'),
    ],
  },
  { pack: 'jiaozuo', filter: 'anyone', category: 'event', cases: SANCTIONS.slice(0, 4) },
  { pack: 'jiaozuo', filter: 'staff', category: 'event', cases: adjustments('jiaozuo', null, GOV_METHODS) },
  // 容错申请: leaders (who carry the reforms and projects the texts name), 如东's every 干警
  { pack: 'jiangsu', filter: 'leader', category: 'tolerance', cases: TOLERANCE_CASES.jiangsu },
  { pack: 'shaanxi', filter: 'leader', category: 'tolerance', cases: TOLERANCE_CASES.shaanxi },
  { pack: 'rudong', filter: 'rudongStaff', category: 'tolerance', cases: TOLERANCE_CASES.rudong, fixed: true },
  { pack: 'anhui', filter: 'leader', category: 'tolerance', cases: TOLERANCE_CASES.anhui },
  { pack: 'jiaozuo', filter: 'leader', category: 'tolerance', cases: TOLERANCE_CASES.jiaozuo },
];

interface Queue {
  spec: QueueSpec;
  cases: CadreCase[];
  targets: number[];
  eligible: number;
  seen: number;
  next: number;
}

export interface PlacedCase {
  pack: JurisdictionPack;
  name: string;
  cadreId: string;
}

/**
 * Places the planted cases while the cadres stream by. The eligible cadres of each queue are counted first (from
 * the allocation, without generating anyone), so that case i goes to the first eligible cadre at or after the
 * i-th equal share of the queue: spread over the tree, not heaped on the first county.
 */
export class Plan {
  private readonly queues: Queue[];
  readonly placed: PlacedCase[] = [];

  constructor(units: readonly GenUnit[], scale: number) {
    this.queues = QUEUES.map((spec) => {
      const times = spec.fixed ? 1 : Math.max(1, scale);
      const cases: CadreCase[] = [];
      for (let t = 0; t < times; t++) cases.push(...spec.cases);
      return { spec, cases, targets: [], eligible: 0, seen: 0, next: 0 };
    });
    for (const u of units) {
      for (const q of this.queues) {
        if (q.spec.pack !== u.pack) continue;
        for (const s of u.slots) if (matches(q.spec.filter, u, s.role, s.partySecretary, !!s.category)) q.eligible++;
        if (u.staff > 0 && matches(q.spec.filter, u, 'staff', false, false)) q.eligible += u.staff;
      }
    }
    // a fixed-size unit's cases go to the first who fit (they are few and the people fewer); the rest are spread
    for (const q of this.queues)
      q.targets = q.cases.map((_, i) =>
        q.spec.fixed ? 0 : Math.floor((i * q.eligible) / Math.max(1, q.cases.length)),
      );
  }

  /** The cases for the next cadre (at most one per category). */
  offer(unit: GenUnit, role: PostRole, partySecretary: boolean, fixedCategory: boolean, cadreId: string): CadreCase[] {
    const taken: CadreCase[] = [];
    const cats = new Set<Category>();
    for (const q of this.queues) {
      if (q.spec.pack !== unit.pack || !matches(q.spec.filter, unit, role, partySecretary, fixedCategory)) continue;
      const position = q.seen++;
      if (cats.has(q.spec.category) || q.next >= q.cases.length) continue;
      if (position < (q.targets[q.next] as number)) continue;
      const c = q.cases[q.next++] as CadreCase;
      cats.add(q.spec.category);
      taken.push(c);
      this.placed.push({ pack: unit.pack, name: c.name, cadreId });
    }
    return taken;
  }

  /** Cases that found no one (the record was too small for them). */
  unplaced(): { pack: JurisdictionPack; name: string }[] {
    return this.queues.flatMap((q) => q.cases.slice(q.next).map((c) => ({ pack: q.spec.pack, name: c.name })));
  }
}
