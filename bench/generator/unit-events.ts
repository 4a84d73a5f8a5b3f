// What happened to units: incidents (事故/事件) in their areas, unit honors, and 组织认定 about units. Random
// incidents follow plausible rates (most 一般, few 较大, rare 重大); the planted ones give the incident rules of
// each pack someone to fire for, with the window boundaries (two 重大 11 months apart fire, 13 months apart do not).
import type { NewRecord } from '../../src/domain/entities.js';
import type {
  DeterminationKind,
  HonorConferrer,
  IncidentCategory,
  Severity,
  UnitKind,
} from '../../src/domain/vocabulary.js';
import { AS_OF, FIRST_YEAR, type GenUnit, type Ids, type JurisdictionPack } from './model.js';
import { rngFor, Weighted, type Rng } from './prng.js';
import { SHAANXI_UNIT_TOLERANCE } from './tolerance.js';

const CATEGORY = new Weighted<IncidentCategory>([
  ['production_safety', 45],
  ['food_drug', 10],
  ['mass_incident', 15],
  ['public_security', 15],
  ['environment', 15],
]);
const SEVERITY = new Weighted<'一般' | '较大' | '重大'>([
  ['一般', 84],
  ['较大', 15],
  ['重大', 1],
]);
const FOOD_SEVERITY: Record<'一般' | '较大' | '重大' | '特别重大', Severity> = {
  一般: '四级',
  较大: '三级',
  重大: '二级',
  特别重大: '一级',
};

const DESCRIPTIONS: Record<IncidentCategory, readonly string[]> = {
  production_safety: ['企业厂房火灾', '建筑工地坍塌', '道路运输事故', '危化品泄漏', '矿山透水', '粉尘爆炸'],
  food_drug: ['学校食堂食物中毒', '农村集体聚餐食物中毒', '假劣药品流入', '餐饮单位群体性腹泻'],
  mass_incident: ['征地拆迁群体上访', '欠薪聚集', '企业改制职工聚集', '环境诉求聚集'],
  public_security: ['人员密集场所踩踏', '恶性伤人案件', '燃气爆炸', '城市内涝致人员伤亡'],
  environment: ['河道水体污染', '企业违法排污', '固体废物非法倾倒', '大气重污染'],
};

function incident(
  ids: Ids,
  rng: Rng,
  unit: GenUnit,
  date: string,
  category: IncidentCategory,
  severity: '一般' | '较大' | '重大' | '特别重大',
): NewRecord<'incidents'> {
  return {
    id: ids.take('i'),
    unitId: unit.id,
    date,
    category,
    severity: category === 'food_drug' ? FOOD_SEVERITY[severity] : severity,
    description: rng.pick(DESCRIPTIONS[category]),
  };
}

const LOCAL: readonly UnitKind[] = ['city', 'county', 'district', 'dev_zone'];

interface PlantedIncident {
  pack: JurisdictionPack;
  kinds: readonly UnitKind[];
  /** what the case shows, for people */
  name: string;
  events: readonly [string, IncidentCategory, '一般' | '较大' | '重大' | '特别重大'][];
}

const COUNTY: readonly UnitKind[] = ['county'];
const CITY: readonly UnitKind[] = ['city'];

// prettier-ignore
export const PLANTED_INCIDENTS: readonly PlantedIncident[] = [
  // 江苏 9.5 / 9.6
  { pack: 'jiangsu', kinds: COUNTY, name: '两起重大生产安全事故相隔11个月', events: [['2025-02-10', 'production_safety', '重大'], ['2026-01-10', 'production_safety', '重大']] },
  { pack: 'jiangsu', kinds: COUNTY, name: '两起重大生产安全事故相隔13个月', events: [['2024-12-10', 'production_safety', '重大'], ['2026-01-10', 'production_safety', '重大']] },
  { pack: 'jiangsu', kinds: CITY, name: '特别重大生产安全事故', events: [['2025-08-15', 'production_safety', '特别重大']] },
  { pack: 'jiangsu', kinds: CITY, name: '连续两年特别重大群体性事件', events: [['2024-09-20', 'mass_incident', '特别重大'], ['2025-07-03', 'mass_incident', '特别重大']] },
  { pack: 'jiangsu', kinds: COUNTY, name: '一年内多起重大群体性、公共安全事件', events: [['2025-10-05', 'mass_incident', '重大'], ['2026-02-14', 'public_security', '重大'], ['2026-05-22', 'mass_incident', '重大']] },
  { pack: 'jiangsu', kinds: COUNTY, name: '重大环境事件', events: [['2025-11-18', 'environment', '重大']] },
  // 陕西 12.1, 12.2, 13.1
  { pack: 'shaanxi', kinds: COUNTY, name: '县一起重大生产安全事故', events: [['2025-06-08', 'production_safety', '重大']] },
  { pack: 'shaanxi', kinds: COUNTY, name: '县一年内两起较大生产安全事故', events: [['2025-09-02', 'production_safety', '较大'], ['2026-03-27', 'production_safety', '较大']] },
  { pack: 'shaanxi', kinds: COUNTY, name: '县两起较大生产安全事故相隔13个月', events: [['2024-11-05', 'production_safety', '较大'], ['2025-12-06', 'production_safety', '较大']] },
  { pack: 'shaanxi', kinds: CITY, name: '市一起特别重大生产安全事故', events: [['2026-04-11', 'production_safety', '特别重大']] },
  { pack: 'shaanxi', kinds: CITY, name: '市一年内两起重大生产安全事故', events: [['2025-12-01', 'production_safety', '重大'], ['2026-07-19', 'production_safety', '重大']] },
  { pack: 'shaanxi', kinds: COUNTY, name: '县一年内两起三级食品药品安全事故', events: [['2025-05-16', 'food_drug', '较大'], ['2025-10-09', 'food_drug', '较大']] },
  { pack: 'shaanxi', kinds: CITY, name: '市连续两年二级食品药品安全事故', events: [['2024-08-21', 'food_drug', '重大'], ['2025-09-13', 'food_drug', '重大']] },
  { pack: 'shaanxi', kinds: COUNTY, name: '县特别重大群体性事件', events: [['2025-12-24', 'mass_incident', '特别重大']] },
  { pack: 'shaanxi', kinds: ['district'], name: '城区一年内两起重大群体性和公共安全事件', events: [['2026-01-15', 'mass_incident', '重大'], ['2026-06-02', 'public_security', '重大']] },
  { pack: 'shaanxi', kinds: CITY, name: '市连续两年特别重大公共安全事件', events: [['2024-10-01', 'public_security', '特别重大'], ['2025-10-02', 'public_security', '特别重大']] },
  { pack: 'shaanxi', kinds: ['provincial_dept'], name: '省级部门责任的特别重大公共安全事件', events: [['2025-07-30', 'public_security', '特别重大']] },
  // 如东检察院 8.2: in a department's own area (控告申诉, 涉检信访), which its 中层干部 answer for
  { pack: 'rudong', kinds: ['internal_dept'], name: '一年内多起群体性、公共安全事件', events: [['2025-11-12', 'mass_incident', '一般'], ['2026-03-05', 'public_security', '一般'], ['2026-08-20', 'mass_incident', '一般']] },
  // 安徽, 焦作: a serious one each
  { pack: 'anhui', kinds: COUNTY, name: '两起重大生产安全事故', events: [['2025-07-07', 'production_safety', '重大'], ['2026-02-02', 'production_safety', '重大']] },
  { pack: 'jiaozuo', kinds: COUNTY, name: '重大环境事件', events: [['2025-09-19', 'environment', '重大']] },
];

interface PlantedUnitDetermination {
  pack: JurisdictionPack;
  kinds: readonly UnitKind[];
  clause: string;
  kind: DeterminationKind;
  dates: readonly string[];
  /** an honor the finding rests on (焦作 标准之二（四）: 受到市级以上表彰), recorded before it */
  honor?: { conferredBy: HonorConferrer; title: string; date: string };
}

/** 组织认定 about units: 陕西's findings name the unit (受到通报批评单位的党委书记…), 焦作's 标准之二 the teams. */
export const PLANTED_UNIT_DETERMINATIONS: readonly PlantedUnitDetermination[] = [
  ...['6.1', '6.2', '6.3', '6.4'].map((l, i) => ({
    pack: 'shaanxi' as const,
    kinds: i % 2 ? COUNTY : (['city', 'provincial_dept'] as const),
    clause: `shaanxi/adjustment/${l}`,
    kind: 'party_governance' as const,
    dates: [`2026-0${2 + i}-15`],
  })),
  { pack: 'shaanxi', kinds: COUNTY, clause: 'shaanxi/adjustment/9.2', kind: 'other', dates: ['2026-03-01'] },
  { pack: 'shaanxi', kinds: COUNTY, clause: 'shaanxi/adjustment/10.1', kind: 'poverty', dates: ['2026-02-20'] },
  { pack: 'shaanxi', kinds: COUNTY, clause: 'shaanxi/adjustment/10.2', kind: 'poverty', dates: ['2025-12-18'] },
  { pack: 'shaanxi', kinds: CITY, clause: 'shaanxi/adjustment/12.1', kind: 'other', dates: ['2026-05-06'] },
  {
    pack: 'shaanxi',
    kinds: COUNTY,
    clause: 'shaanxi/adjustment/13.2',
    kind: 'stability',
    dates: ['2024-12-20', '2025-12-19'],
  },
  {
    pack: 'shaanxi',
    kinds: COUNTY,
    clause: 'shaanxi/adjustment/13.2',
    kind: 'stability',
    dates: ['2023-12-22', '2025-12-19'],
  },
  ...['standard2.1', 'standard2.2', 'standard2.3', 'standard2.4', 'standard2.5', 'standard2.6'].map((l, i) => ({
    pack: 'jiaozuo' as const,
    kinds: i % 2 ? (['city_dept'] as const) : LOCAL,
    clause: `jiaozuo/incentive/${l}`,
    kind: 'other' as const,
    dates: [`2025-12-${String(10 + i).padStart(2, '0')}`],
    ...(l === 'standard2.4'
      ? { honor: { conferredBy: 'city' as const, title: '全市脱贫攻坚先进集体', date: '2025-10-18' } }
      : {}),
  })),
  {
    pack: 'jiaozuo',
    kinds: ['city_dept'],
    clause: 'jiaozuo/incentive/standard1.6',
    kind: 'other',
    dates: ['2026-01-20'],
  },
  { pack: 'jiaozuo', kinds: LOCAL, clause: 'jiaozuo/incentive/standard1.9', kind: 'other', dates: ['2025-12-30'] },
];

interface PlantedUnitHonor {
  pack: JurisdictionPack;
  kinds: readonly UnitKind[];
  conferredBy: HonorConferrer;
  title: string;
  date: string;
}

export const PLANTED_UNIT_HONORS: readonly PlantedUnitHonor[] = [
  {
    pack: 'jiaozuo',
    kinds: ['county', 'district'],
    conferredBy: 'provincial',
    title: '产业集聚区和服务业“两区”观摩评比全省“十强”',
    date: '2025-12-28',
  },
  {
    pack: 'jiaozuo',
    kinds: ['county', 'district'],
    conferredBy: 'city',
    title: '全市改革创新奖一等奖',
    date: '2026-01-16',
  },
  {
    pack: 'jiaozuo',
    kinds: ['city_dept'],
    conferredBy: 'city',
    title: '市直机关领导班子述职评议第一名',
    date: '2026-01-20',
  },
  {
    pack: 'jiaozuo',
    kinds: ['county', 'city_dept'],
    conferredBy: 'provincial',
    title: '全省重要专项考核先进位次',
    date: '2025-11-30',
  },
  {
    pack: 'rudong',
    kinds: ['procuratorate'],
    conferredBy: 'upper_procuratorate',
    title: '全省检察机关先进集体',
    date: '2025-12-10',
  },
  { pack: 'jiangsu', kinds: CITY, conferredBy: 'central', title: '全国文明城市', date: '2024-11-15' },
  { pack: 'shaanxi', kinds: COUNTY, conferredBy: 'provincial', title: '全省脱贫攻坚先进集体', date: '2025-03-12' },
];

export interface UnitEventRows {
  incidents: NewRecord<'incidents'>[];
  honors: NewRecord<'honors'>[];
  determinations: NewRecord<'determinations'>[];
  toleranceRequests: NewRecord<'toleranceRequests'>[];
  planted: { name: string; unitId: string }[];
}

function candidates(units: readonly GenUnit[], pack: JurisdictionPack, kinds: readonly UnitKind[]): GenUnit[] {
  return units.filter((u) => u.pack === pack && kinds.includes(u.kind));
}

export function unitEvents(seed: number, units: readonly GenUnit[], ids: Ids): UnitEventRows {
  const out: UnitEventRows = { incidents: [], honors: [], determinations: [], toleranceRequests: [], planted: [] };
  // random incidents: local governments ~0.35 a year, departments rarely
  const end = AS_OF;
  for (const u of units) {
    if (u.pack === 'rudong') continue;
    const rate =
      LOCAL.includes(u.kind) && u.kind !== 'city'
        ? 0.35
        : u.kind === 'city'
          ? 0.5
          : u.kind === 'provincial_dept'
            ? 0.05
            : 0;
    if (rate === 0) continue;
    const rng = rngFor(seed, 'incidents', u.id);
    const years = (Date.parse(end) - Date.parse(`${FIRST_YEAR}-01-01`)) / (365.25 * 86_400_000);
    let n = 0;
    for (let i = 0; i < Math.round(years * 4); i++) if (rng.chance(rate / 4)) n++;
    const rows: NewRecord<'incidents'>[] = [];
    for (let i = 0; i < n; i++)
      rows.push(
        incident(ids, rng, u, rng.dateBetween(`${FIRST_YEAR}-01-01`, end), CATEGORY.sample(rng), SEVERITY.sample(rng)),
      );
    rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    out.incidents.push(...rows);
  }
  // planted: each case on a distinct unit of the right kind, chosen by the case's own stream
  const used = new Set<string>();
  const pickUnit = (pool: GenUnit[], rng: Rng): GenUnit | undefined => {
    const free = pool.filter((u) => !used.has(u.id));
    if (free.length === 0) return undefined;
    const u = rng.pick(free);
    used.add(u.id);
    return u;
  };
  for (const p of PLANTED_INCIDENTS) {
    const rng = rngFor(seed, 'planted-incident', p.name);
    const u = pickUnit(candidates(units, p.pack, p.kinds), rng);
    if (!u) continue;
    for (const [date, category, severity] of p.events)
      out.incidents.push(incident(ids, rng, u, date, category, severity));
    out.planted.push({ name: `${u.name}：${p.name}`, unitId: u.id });
  }
  for (const d of PLANTED_UNIT_DETERMINATIONS) {
    const rng = rngFor(seed, 'planted-unit-determination', d.clause, d.dates.join());
    const u = pickUnit(candidates(units, d.pack, d.kinds), rng);
    if (!u) continue;
    for (const date of d.dates)
      out.determinations.push({
        id: ids.take('d'),
        subjectType: 'unit',
        subjectId: u.id,
        date,
        kind: d.kind,
        clause: d.clause,
        note: `经组织认定，${u.name}存在${d.clause}所列情形`,
      });
    if (d.honor) out.honors.push({ id: ids.take('h'), subjectType: 'unit', subjectId: u.id, ...d.honor });
    out.planted.push({ name: `${u.name}：组织认定 ${d.clause}`, unitId: u.id });
  }
  for (const h of PLANTED_UNIT_HONORS) {
    const rng = rngFor(seed, 'planted-unit-honor', h.title);
    const pool = candidates(units, h.pack, h.kinds);
    if (pool.length === 0) continue;
    const u = rng.pick(pool);
    out.honors.push({
      id: ids.take('h'),
      subjectType: 'unit',
      subjectId: u.id,
      date: h.date,
      conferredBy: h.conferredBy,
      title: h.title,
    });
    out.planted.push({ name: `${u.name}：${h.title}`, unitId: u.id });
  }
  // 容错申请 by counties (陕西 第九条 spares a tolerated unit's 目标责任考核), each on a county of its own
  for (const t of SHAANXI_UNIT_TOLERANCE) {
    const rng = rngFor(seed, 'planted-unit-tolerance', t.name);
    const u = pickUnit(candidates(units, 'shaanxi', COUNTY), rng);
    if (!u) continue;
    for (const q of t.requests)
      out.toleranceRequests.push({
        id: ids.take('tr'),
        subjectType: 'unit',
        subjectId: u.id,
        date: q.date,
        situation: q.situation,
        findings: { ...q.findings },
        statement: q.statement,
      });
    out.planted.push({ name: `${u.name}：${t.name}`, unitId: u.id });
  }
  return out;
}
