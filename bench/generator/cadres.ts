// One cadre and everything on record about them: the person, the posts held (with some history), five annual
// assessments with their democratic votes, recent quarterly assessments, and now and then an honor, a sanction
// or an accountability measure; plus whatever planted case the plan gives them. Each cadre draws from their own
// random stream, so the rows depend only on the seed and the cadre's place in the tree.
import type { NewRecord } from '../../src/domain/entities.js';
import {
  ACCOUNTABILITY_KINDS,
  LEVELS,
  type CadreCategory,
  type HonorConferrer,
  type IndividualGrade,
  type Level,
  type RegularGrade,
  type SanctionKind,
  type UnitKind,
} from '../../src/domain/vocabulary.js';
import { FIRST_YEAR, YEARS, type Batch, type GenUnit, type Ids, type JurisdictionPack, type Slot } from './model.js';
import { idNumber, personName, type Gender } from './names.js';
import type { CadreCase, Plan } from './plan.js';
import { rngFor, Weighted, type Rng } from './prng.js';
import { votesFor, type VoteCounts } from './votes.js';
import { personFor, YEARS_TO_LEVEL } from './person.js';

export interface CadreContext {
  seed: number;
  ids: Ids;
  plan: Plan;
  /** units a cadre may have served in before (same jurisdiction, not the province itself) */
  careerUnits: Map<JurisdictionPack, GenUnit[]>;
  /** county-level units whose 党政正职 were named 优秀县（市、区）党政正职, by unit: the years */
  excellentCountyYears: Map<string, number[]>;
}

export const EXCELLENT_COUNTY_PRINCIPAL = '优秀县（市、区）党政正职';

const AGE: Record<Level, [number, number]> = {
  正部: [56, 63],
  副部: [52, 60],
  正厅: [49, 58],
  副厅: [45, 56],
  正处: [41, 55],
  副处: [37, 52],
  正科: [32, 52],
  副科: [28, 48],
  科员: [23, 50],
};

const STAFF_LEVEL: Partial<Record<UnitKind, Weighted<Level>>> = {
  provincial_dept: new Weighted<Level>([
    ['科员', 35],
    ['副科', 25],
    ['正科', 25],
    ['副处', 15],
  ]),
  city_dept: new Weighted<Level>([
    ['科员', 50],
    ['副科', 30],
    ['正科', 20],
  ]),
};
const STAFF_LEVEL_DEFAULT = new Weighted<Level>([
  ['科员', 65],
  ['副科', 25],
  ['正科', 10],
]);

/** 职级 titles of general staff by level. */
const STAFF_TITLES: Record<Level, readonly string[]> = {
  正部: ['一级巡视员'],
  副部: ['一级巡视员'],
  正厅: ['一级巡视员'],
  副厅: ['二级巡视员'],
  正处: ['一级调研员', '二级调研员'],
  副处: ['三级调研员', '四级调研员'],
  正科: ['一级主任科员', '二级主任科员'],
  副科: ['三级主任科员', '四级主任科员'],
  科员: ['一级科员', '二级科员', '科员'],
};

/** Staff categories that fit the unit: state-enterprise staff only in development zones (their platform companies). */
const STAFF_CATEGORY = new Weighted<CadreCategory>([
  ['公务员', 72],
  ['参公', 16],
  ['事业', 12],
]);
const STAFF_CATEGORY_BY_KIND: Partial<Record<UnitKind, Weighted<CadreCategory>>> = {
  dev_zone: new Weighted<CadreCategory>([
    ['公务员', 45],
    ['参公', 15],
    ['事业', 15],
    ['国企', 25],
  ]),
  // a procuratorate's staff are civil servants; its clerks and contract staff come with their posts (teams.ts)
  procuratorate: new Weighted<CadreCategory>([['公务员', 1]]),
  internal_dept: new Weighted<CadreCategory>([['公务员', 1]]),
};

const SANCTION_KIND = new Weighted<SanctionKind>([
  ['警告', 25],
  ['记过', 20],
  ['记大过', 8],
  ['降级', 3],
  ['撤职', 2],
  ['党内警告', 25],
  ['党内严重警告', 12],
  ['撤销党内职务', 3],
  ['留党察看', 2],
]);
const SANCTION_REASONS = [
  '违反中央八项规定精神',
  '违规发放津贴补贴',
  '履职不力造成不良影响',
  '违规收受礼品礼金',
  '工作失职',
];
const ACCOUNTABILITY_REASONS = [
  '安全生产监管不力',
  '信访问题处置不当',
  '环境整治不到位',
  '扶贫项目推进迟缓',
  '巡察整改不到位',
];

const HONOR_TITLES: Record<HonorConferrer, readonly string[]> = {
  central: ['全国优秀公务员', '全国脱贫攻坚先进个人', '全国优秀共产党员', '全国抗击新冠肺炎疫情先进个人'],
  provincial: ['省优秀共产党员', '省人民满意的公务员', '省脱贫攻坚先进个人', '省安全生产先进个人', '记一等功'],
  city: ['市优秀共产党员', '市优秀党务工作者', '市先进工作者', '记三等功', '嘉奖'],
  county: ['县优秀共产党员', '嘉奖', '记三等功', '县先进工作者'],
  upper_procuratorate: ['记三等功', '全市检察业务标兵', '全省检察机关先进个人'],
  unit: ['优秀共产党员', '先进个人', '优秀党务工作者'],
};
const RUDONG_UNIT_TITLES = ['季度“党员之星”', '“检察星”个人', '优秀共产党员', '先进个人'];
const JIAOZUO_CITY_TITLES = ['记二等功', '记三等功', '嘉奖', '通报嘉奖'];

const CONFERRER: Record<JurisdictionPack, Weighted<HonorConferrer>> = {
  jiangsu: new Weighted<HonorConferrer>([
    ['unit', 30],
    ['county', 25],
    ['city', 25],
    ['provincial', 15],
    ['central', 5],
  ]),
  shaanxi: new Weighted<HonorConferrer>([
    ['unit', 30],
    ['county', 25],
    ['city', 25],
    ['provincial', 15],
    ['central', 5],
  ]),
  anhui: new Weighted<HonorConferrer>([
    ['unit', 30],
    ['county', 25],
    ['city', 25],
    ['provincial', 15],
    ['central', 5],
  ]),
  jiaozuo: new Weighted<HonorConferrer>([
    ['unit', 30],
    ['city', 45],
    ['provincial', 20],
    ['central', 5],
  ]),
  rudong: new Weighted<HonorConferrer>([
    ['unit', 35],
    ['county', 30],
    ['city', 10],
    ['upper_procuratorate', 20],
    ['provincial', 5],
  ]),
};

/** Who votes in a cadre's 民主测评: the size of the electorate by where they serve. */
function electorate(rng: Rng, unit: GenUnit, role: Slot['role']): number {
  const leader = role === 'principal' || role === 'deputy' || role === 'member';
  switch (unit.kind) {
    case 'province':
    case 'city':
      return leader ? rng.int(120, 300) : rng.int(30, 80);
    case 'county':
    case 'district':
    case 'dev_zone':
      return leader ? rng.int(60, 200) : rng.int(25, 60);
    case 'provincial_dept':
      return rng.int(40, 150);
    case 'city_dept':
      return rng.int(25, 90);
    case 'procuratorate':
    case 'internal_dept':
      return rng.int(40, 80);
    default:
      return rng.int(15, 60);
  }
}

function lowerLevel(l: Level): Level {
  return LEVELS[Math.min(LEVELS.length - 1, LEVELS.indexOf(l) + 1)] as Level;
}

function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  return `${y}-${md === '02-29' ? '02-28' : md}`;
}

function naturalGrade(u: number): IndividualGrade {
  if (u > 1.0) return '优秀';
  if (u < -2.9) return '不称职';
  if (u < -2.1) return '基本称职';
  return '称职';
}

function regularGrade(u: number): RegularGrade {
  if (u > 0.8) return '好';
  if (u > -0.6) return '较好';
  if (u > -1.9) return '一般';
  return '较差';
}

const REGULAR_PERIODS = ['2025Q1', '2025Q2', '2025Q3', '2025Q4'];
/** 如东 and 焦作 read 平时考核 directly (如东 6.1, 焦作 标准之一(八)): they get the quarters of the current year too. */
const REGULAR_PERIODS_LONG = [...REGULAR_PERIODS, '2026Q1', '2026Q2', '2026Q3'];

/** Writes one cadre and their rows into `out`; `index` is the cadre's position in the whole record. */
export function emitCadre(ctx: CadreContext, unit: GenUnit, slot: Slot | null, index: number, out: Batch): void {
  const rng = rngFor(ctx.seed, 'cadre', index);
  const id = ctx.ids.take('c');
  const role = slot?.role ?? 'staff';
  const leader = role === 'principal' || role === 'deputy' || role === 'member';
  const level: Level = slot?.level ?? (STAFF_LEVEL[unit.kind] ?? STAFF_LEVEL_DEFAULT).sample(rng);
  const title = slot?.title ?? rng.pick(STAFF_TITLES[level]);
  const category: CadreCategory =
    slot?.category ??
    (leader || role === 'midlevel' ? '公务员' : (STAFF_CATEGORY_BY_KIND[unit.kind] ?? STAFF_CATEGORY).sample(rng));
  const gender: Gender = rng.chance(leader ? 0.82 : 0.55) ? '男' : '女';
  const [amin, amax] = AGE[level];
  const birthDate = `${2026 - rng.int(amin, amax)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const cases = ctx.plan.offer(unit, role, slot?.partySecretary ?? false, !!slot?.category, id);
  const gradesCase = cases.find((c) => c.type === 'grades');
  const adjustCase = cases.find((c) => c.type === 'adjustment');

  const name = personName(rng, gender);

  // ---- posts ------------------------------------------------------------------------------------------------
  // 聘用制书记员 and 劳务派遣 staff are hired on contract; others came in over three decades, a few just now
  let start: string;
  if (leader || role === 'midlevel') start = rng.dateBetween('2016-01-01', '2025-06-30');
  else if (gradesCase) start = rng.dateBetween('2005-01-01', '2015-12-31');
  else {
    // not before the cadre could have finished university and served the years the level takes
    const earliest = `${Math.max(1996, Number(birthDate.slice(0, 4)) + 22 + YEARS_TO_LEVEL[level])}-09-01`;
    start = rng.chance(0.03)
      ? rng.dateBetween('2025-01-01', '2026-06-30')
      : rng.dateBetween(earliest < '2024-12-31' ? earliest : '2024-06-30', '2024-12-31');
  }
  const firstPost = out.posts.length;
  const post = (p: Omit<NewRecord<'posts'>, 'id' | 'cadreId'>): void => {
    out.posts.push({ id: ctx.ids.take('p'), cadreId: id, ...p });
  };
  const career = ctx.careerUnits.get(unit.pack) ?? [];
  if (adjustCase && adjustCase.type === 'adjustment') {
    // the leading post the cadre was adjusted out of, then the non-leading post held since
    const from = career.length ? rng.pick(career) : unit;
    const was = from.slots.find((s) => s.role === 'deputy') ?? from.slots[0];
    const wasLevel = was?.level ?? level;
    const nowLevel = adjustCase.method === '降职' ? lowerLevel(wasLevel) : wasLevel;
    post({
      unitId: from.id,
      role: was?.role ?? 'deputy',
      title: was?.title ?? '副职',
      partySecretary: false,
      inCharge: was?.inCharge ?? [],
      level: wasLevel,
      startDate: addYears(adjustCase.date, -rng.int(2, 6)),
      endDate: adjustCase.date,
      reason: `因不适宜担任现职，${adjustCase.method}`,
    });
    post({
      unitId: unit.id,
      role: 'staff',
      title: rng.pick(STAFF_TITLES[nowLevel]),
      partySecretary: false,
      inCharge: [],
      level: nowLevel,
      startDate: adjustCase.date,
      endDate: null,
      reason: `${adjustCase.method}后安排`,
    });
  } else {
    if ((leader || role === 'midlevel') && rng.chance(0.5)) {
      const from = career.length && rng.chance(0.6) ? rng.pick(career) : unit;
      const prev = from.slots.find((s) => s.role === (role === 'principal' ? 'deputy' : 'midlevel')) ?? from.slots[0];
      post({
        unitId: from.id,
        role: prev?.role ?? 'midlevel',
        title: prev?.title ?? '科室负责人',
        partySecretary: false,
        inCharge: prev?.inCharge ?? [],
        level: lowerLevel(level),
        startDate: addYears(start, -rng.int(2, 6)),
        endDate: start,
        reason: rng.chance(0.7) ? '提拔任用' : '交流任职',
      });
    }
    post({
      unitId: unit.id,
      role,
      title,
      partySecretary: slot?.partySecretary ?? false,
      inCharge: slot?.inCharge ?? [],
      level,
      startDate: start,
      endDate: null,
      reason: leader ? rng.pick(['提拔任用', '交流任职', '选举任命']) : role === 'midlevel' ? '竞争上岗' : '录用',
    });
  }

  // ---- the person, consistent with the posts ------------------------------------------------------------------
  const mine = out.posts.slice(firstPost);
  const person = personFor(rng, { unit, level, category, leader, birthDate, posts: mine });
  out.cadres.push({
    id,
    name,
    gender,
    birthDate: person.birthDate,
    idNumber: idNumber(rng, unit.idPrefix, person.birthDate, gender),
    category,
    managingUnitId: leader ? unit.leadersManagedBy : unit.id,
    ethnicity: person.ethnicity,
    nativePlace: person.nativePlace,
    birthPlace: person.birthPlace,
    education: person.education,
    workStartDate: person.workStartDate,
    ...(person.partyJoinDate ? { partyJoinDate: person.partyJoinDate } : {}),
    ...(person.professionalTitle ? { professionalTitle: person.professionalTitle } : {}),
  });

  // ---- annual assessments -----------------------------------------------------------------------------------
  const hireYear = Number(start.slice(0, 4));
  const firstYear = adjustCase
    ? FIRST_YEAR
    : leader || role === 'midlevel'
      ? FIRST_YEAR
      : Math.max(FIRST_YEAR, hireYear + 1);
  const q = rng.normal();
  const excellentYears: number[] = [];
  for (const year of YEARS) {
    if (year < firstYear) continue;
    const planted = gradesCase?.type === 'grades' ? gradesCase : undefined;
    const grade: IndividualGrade = planted?.grades[year] ?? naturalGrade(0.8 * q + 0.6 * rng.normal());
    const spec = planted?.votes?.[year];
    const v: VoteCounts = spec
      ? { excellent: spec[1], competent: spec[2], basic: spec[3], incompetent: spec[4] }
      : votesFor(rng, grade, electorate(rng, unit, role));
    out.cadreAssessments.push({
      id: ctx.ids.take('ca'),
      cadreId: id,
      year,
      grade,
      votesExcellent: v.excellent,
      votesCompetent: v.competent,
      votesBasic: v.basic,
      votesIncompetent: v.incompetent,
    });
    if (grade === '优秀') excellentYears.push(year);
  }
  // 如东 6.1: 优秀 → 嘉奖 with the county's consent; three years running → 记三等功
  if (unit.pack === 'rudong') {
    for (const y of excellentYears) {
      const third = excellentYears.includes(y - 1) && excellentYears.includes(y - 2);
      out.honors.push({
        id: ctx.ids.take('h'),
        subjectType: 'cadre',
        subjectId: id,
        date: `${y + 1}-03-${String(rng.int(10, 28))}`,
        conferredBy: 'county',
        title: third ? '记三等功' : '嘉奖',
      });
    }
  }

  // 江苏 7.3 / 陕西 7.3: the province names the 党政正职 of its best counties each spring
  if (role === 'principal')
    for (const y of ctx.excellentCountyYears.get(unit.id) ?? [])
      if (y >= hireYear)
        out.honors.push({
          id: ctx.ids.take('h'),
          subjectType: 'cadre',
          subjectId: id,
          date: `${y + 1}-02-20`,
          conferredBy: 'provincial',
          title: EXCELLENT_COUNTY_PRINCIPAL,
          // 江苏 7.3/8.3 read the structured title, never the free text (陕西 7.3 reads its own wording)
          ...(unit.pack === 'jiangsu' ? { award: 'jiangsu_excellent_county_principal' as const } : {}),
        });

  // ---- quarterly assessments --------------------------------------------------------------------------------
  if (hireYear < 2025) {
    const periods = unit.pack === 'rudong' || unit.pack === 'jiaozuo' ? REGULAR_PERIODS_LONG : REGULAR_PERIODS;
    for (const period of periods)
      out.regularAssessments.push({
        id: ctx.ids.take('ra'),
        cadreId: id,
        period,
        grade: regularGrade(0.7 * q + 0.7 * rng.normal()),
      });
  }

  // ---- what else happened -----------------------------------------------------------------------------------
  if (rng.chance(0.035)) {
    const by = CONFERRER[unit.pack].sample(rng);
    const title =
      unit.pack === 'rudong' && by === 'unit'
        ? rng.pick(RUDONG_UNIT_TITLES)
        : unit.pack === 'jiaozuo' && by === 'city'
          ? rng.pick(JIAOZUO_CITY_TITLES)
          : rng.pick(HONOR_TITLES[by]);
    out.honors.push({
      id: ctx.ids.take('h'),
      subjectType: 'cadre',
      subjectId: id,
      date: rng.dateBetween(`${FIRST_YEAR}-03-01`, '2026-09-30'),
      conferredBy: by,
      title,
    });
  }
  if (rng.chance(0.004)) {
    out.sanctions.push({
      id: ctx.ids.take('s'),
      cadreId: id,
      date: rng.dateBetween(`${FIRST_YEAR}-01-01`, '2026-10-15'),
      kind: SANCTION_KIND.sample(rng),
      reason: rng.pick(SANCTION_REASONS),
    });
  }
  if (leader && rng.chance(0.004)) {
    out.accountability.push({
      id: ctx.ids.take('am'),
      cadreId: id,
      date: rng.dateBetween(`${FIRST_YEAR}-01-01`, '2026-10-15'),
      kind: rng.pick(ACCOUNTABILITY_KINDS),
      reason: rng.pick(ACCOUNTABILITY_REASONS),
    });
  }

  for (const c of cases) applyEvent(ctx, c, id, unit, out, rng);
}

function applyEvent(ctx: CadreContext, c: CadreCase, cadreId: string, unit: GenUnit, out: Batch, rng: Rng): void {
  switch (c.type) {
    case 'grades':
      return;
    case 'adjustment':
      out.adjustments.push({
        id: ctx.ids.take('ad'),
        cadreId,
        date: c.date,
        method: c.method,
        ruleId: c.ruleId,
        reason: `经组织认定不适宜担任现职（${c.name}）`,
      });
      if (c.sanction)
        out.sanctions.push({
          id: ctx.ids.take('s'),
          cadreId,
          date: c.sanction.date,
          kind: c.sanction.kind,
          reason: '履职不力造成严重后果',
        });
      return;
    case 'sanction':
      out.sanctions.push({
        id: ctx.ids.take('s'),
        cadreId,
        date: c.date,
        kind: c.kind,
        reason: rng.pick(SANCTION_REASONS),
      });
      return;
    case 'determination':
      if (c.honor) out.honors.push({ id: ctx.ids.take('h'), subjectType: 'cadre', subjectId: cadreId, ...c.honor });
      out.determinations.push({
        id: ctx.ids.take('d'),
        subjectType: 'cadre',
        subjectId: cadreId,
        date: c.date,
        kind: c.kind,
        clause: c.clause,
        note: `经组织认定，存在${c.clause}所列情形（${unit.name}）`,
      });
      return;
    case 'accountability':
      out.accountability.push({
        id: ctx.ids.take('am'),
        cadreId,
        date: c.date,
        kind: c.kind,
        reason: rng.pick(ACCOUNTABILITY_REASONS),
      });
      return;
    case 'tolerance':
      for (const q of c.requests)
        out.toleranceRequests.push({
          id: ctx.ids.take('tr'),
          subjectType: 'cadre',
          subjectId: cadreId,
          date: q.date,
          situation: q.situation,
          findings: { ...q.findings },
          statement: q.statement,
        });
      return;
    case 'honor':
      out.honors.push({
        id: ctx.ids.take('h'),
        subjectType: 'cadre',
        subjectId: cadreId,
        date: c.date,
        conferredBy: c.conferredBy,
        title: c.title,
      });
      return;
  }
}
