// A cadre's life before the posts on record, consistent with them: schooling by level, 参加工作 after schooling and
// long enough before each post for its level, 入党 after 18, and the 任免审批表 entries (民族, 籍贯, 出生地,
// 学历学位, 专业技术职务). Birth dates drawn by level are moved earlier when the posts need an older person, so no
// one is appointed before working age and a level is never reached in fewer years than a career allows.
import type { CadreCategory, Level } from '../../src/domain/vocabulary.js';
import type { GenUnit, JurisdictionPack } from './model.js';
import { Weighted, type Rng } from './prng.js';

/** Years of work before a post at a level is usually reached (the 任职年限 of the selection rules, rounded). */
export const YEARS_TO_LEVEL: Record<Level, number> = {
  科员: 0,
  副科: 3,
  正科: 5,
  副处: 8,
  正处: 11,
  副厅: 14,
  正厅: 17,
  副部: 20,
  正部: 23,
};

type Schooling = '大专' | '大学' | '研究生';
/** The age schooling ends at. */
const SCHOOL_END: Record<Schooling, number> = { 大专: 21, 大学: 22, 研究生: 25 };
const DEGREES: Record<Schooling, readonly string[]> = {
  大专: ['大专'],
  大学: ['大学 法学学士', '大学 经济学学士', '大学 管理学学士', '大学 工学学士', '大学 文学学士'],
  研究生: ['研究生 法学硕士', '研究生 管理学硕士', '研究生 经济学硕士', '研究生 工学博士', '在职研究生 公共管理硕士'],
};

function schoolingFor(level: Level, category: CadreCategory): Weighted<Schooling> {
  if (category === '劳务派遣' || category === '聘用制书记员')
    return new Weighted<Schooling>([
      ['大专', 60],
      ['大学', 40],
    ]);
  if (['正部', '副部', '正厅', '副厅'].includes(level))
    return new Weighted<Schooling>([
      ['大学', 40],
      ['研究生', 60],
    ]);
  if (level === '正处' || level === '副处')
    return new Weighted<Schooling>([
      ['大学', 65],
      ['研究生', 35],
    ]);
  return new Weighted<Schooling>([
    ['大专', 15],
    ['大学', 75],
    ['研究生', 10],
  ]);
}

const ETHNICITY = new Weighted<string>([
  ['汉族', 94],
  ['回族', 3],
  ['满族', 1],
  ['蒙古族', 1],
  ['土家族', 1],
]);

/** Where people of each jurisdiction come from (籍贯 and 出生地), nearest places first. */
const PLACES: Record<JurisdictionPack, readonly string[]> = {
  jiangsu: ['江苏南京', '江苏南通', '江苏如东', '江苏盐城', '江苏泰州', '江苏扬州', '江苏徐州', '山东临沂'],
  rudong: ['江苏如东', '江苏南通', '江苏海安', '江苏如皋', '江苏盐城'],
  shaanxi: ['陕西西安', '陕西渭南', '陕西咸阳', '陕西宝鸡', '陕西榆林', '陕西汉中', '甘肃天水'],
  anhui: ['安徽合肥', '安徽六安', '安徽安庆', '安徽阜阳', '安徽芜湖', '江苏徐州'],
  jiaozuo: ['河南焦作', '河南沁阳', '河南孟州', '河南新乡', '河南洛阳', '山西晋城'],
};

/** 专业技术职务 are held by staff of public institutions and state enterprises, not by civil servants. */
const PROFESSIONAL: Partial<Record<CadreCategory, readonly string[]>> = {
  事业: ['经济师', '工程师', '会计师', '馆员', '讲师'],
  国企: ['经济师', '工程师', '会计师', '高级经济师', '高级工程师'],
};

function addYearsTo(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  return `${y}-${md === '02-29' ? '02-28' : md}`;
}

const earlier = (a: string, b: string) => (a < b ? a : b);
/** The record is drawn as of mid-2026 (ages are counted from 2026). */
const RECORD_DATE = '2026-06-30';

export interface PersonInput {
  unit: GenUnit;
  level: Level;
  category: CadreCategory;
  leader: boolean;
  /** the birth date drawn for the level */
  birthDate: string;
  /** the cadre's posts on record: start date and level */
  posts: readonly { startDate: string; level: Level }[];
}

export interface Person {
  birthDate: string;
  ethnicity: string;
  nativePlace: string;
  birthPlace: string;
  education: string;
  workStartDate: string;
  partyJoinDate: string | undefined;
  professionalTitle: string | undefined;
}

/** The person behind the posts; draws only from `rng` (the cadre's own stream), so the record stays deterministic. */
export function personFor(rng: Rng, p: PersonInput): Person {
  const schooling = schoolingFor(p.level, p.category).sample(rng);
  const endAge = SCHOOL_END[schooling];
  // the latest 参加工作 the posts allow: each post's start less the years its level takes
  let latestWork = '9999-12-31';
  for (const post of p.posts) latestWork = earlier(latestWork, addYearsTo(post.startDate, -YEARS_TO_LEVEL[post.level]));
  // the person must have finished school by then: born at least endAge years before
  let birthDate = p.birthDate;
  const latestBirth = addYearsTo(latestWork, -endAge);
  if (birthDate > latestBirth) birthDate = addYearsTo(latestBirth, -rng.int(0, 2));
  const schoolDone = addYearsTo(birthDate, endAge);
  // 参加工作 in the summer schooling ends, or up to two years later, never after the posts allow
  const drawn = `${Number(schoolDone.slice(0, 4)) + rng.int(0, 2)}-${String(rng.int(7, 9)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const workStartDate =
    drawn < schoolDone ? schoolDone : earlier(drawn, latestWork < schoolDone ? schoolDone : latestWork);
  const places = PLACES[p.unit.pack];
  const nativePlace = rng.pick(places);
  const birthPlace = rng.chance(0.75) ? nativePlace : rng.pick(places);
  // leaders and civil servants are nearly all party members; 入党 from 18, at school or in the first years of work
  const member = p.leader || rng.chance(p.category === '公务员' || p.category === '参公' ? 0.8 : 0.45);
  const from = addYearsTo(birthDate, 18);
  const partyJoinDate = member ? rng.dateBetween(from, earlier(addYearsTo(workStartDate, 6), RECORD_DATE)) : undefined;
  const titles = PROFESSIONAL[p.category];
  const professionalTitle = titles && rng.chance(0.6) ? rng.pick(titles) : undefined;
  return {
    birthDate,
    ethnicity: ETHNICITY.sample(rng),
    nativePlace,
    birthPlace,
    education: rng.pick(DEGREES[schooling]),
    workStartDate,
    partyJoinDate,
    professionalTitle,
  };
}
