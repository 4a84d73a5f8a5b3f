// Five years of unit assessments for every scheme the packs read. Each assessed unit has a latent strength and a
// drift; a year's score follows them with noise, ranks follow the scores within the group that is ranked together,
// and grades follow the quotas the texts name (江苏 35% 第一等次, 陕西 35% 优秀, 焦作 30% 好). A few units are set
// to stay at the bottom, stay at the top, rise or fall, so that the consecutive-year rules have someone to find.
import type { NewRecord } from '../../src/domain/entities.js';
import type { AssessmentScheme, UnitKind } from '../../src/domain/vocabulary.js';
import { YEARS, type GenUnit, type Ids, type JurisdictionPack } from './model.js';
import { rngFor } from './prng.js';

type Grading =
  | { kind: 'comprehensive' } // 一 35% (floor), 二, 三 20%, 四 the last ~8% (at least one)
  | { kind: 'target' } // 优秀 35% (floor), 良好, 一般 the last 12%, 较差 below 60 points
  | { kind: 'good'; share: number } // 好 share (floor), 较好, 一般 the last 15%, 差 below 58 points
  | { kind: 'none' }; // score and rank only

type Planted = 'bottom' | 'second' | 'top' | 'rising' | 'falling';

interface GroupSpec {
  pack: JurisdictionPack;
  scheme: AssessmentScheme;
  /** a label for people and for the planted-case report */
  label: string;
  kinds: readonly UnitKind[];
  grading: Grading;
  planted: readonly Planted[];
  /**
   * rank in a wider field than the group: 焦作's counties among all of 河南's (distinct places). (陕西's 全国性考核评比
   * is recorded as the places of the province's own departments, 1…n, so that 后5位 can be read from the record.)
   */
  field?: number;
  /** no score is published (a national ranking) */
  rankOnly?: boolean;
}

const COUNTY_LEVEL: readonly UnitKind[] = ['county', 'district', 'dev_zone'];

// prettier-ignore
export const GROUPS: readonly GroupSpec[] = [
  { pack: 'jiangsu', scheme: 'comprehensive', label: '江苏 设区市综合考核', kinds: ['city'], grading: { kind: 'comprehensive' }, planted: ['bottom', 'top'] },
  { pack: 'jiangsu', scheme: 'comprehensive', label: '江苏 省级机关综合考核', kinds: ['provincial_dept'], grading: { kind: 'comprehensive' }, planted: ['bottom', 'top'] },
  { pack: 'jiangsu', scheme: 'comprehensive', label: '江苏 县（市、区）综合考核', kinds: COUNTY_LEVEL, grading: { kind: 'comprehensive' }, planted: ['bottom', 'top'] },
  { pack: 'jiangsu', scheme: 'county_monitoring', label: '江苏 高质量发展监测评价', kinds: COUNTY_LEVEL, grading: { kind: 'none' }, planted: ['rising'] },
  { pack: 'shaanxi', scheme: 'target', label: '陕西 市目标责任考核', kinds: ['city'], grading: { kind: 'target' }, planted: ['bottom', 'second', 'top'] },
  { pack: 'shaanxi', scheme: 'target', label: '陕西 省级部门目标责任考核', kinds: ['provincial_dept'], grading: { kind: 'target' }, planted: ['bottom', 'second', 'top'] },
  { pack: 'shaanxi', scheme: 'target', label: '陕西 县（市）目标责任考核', kinds: ['county'], grading: { kind: 'target' }, planted: ['bottom', 'second'] },
  { pack: 'shaanxi', scheme: 'target', label: '陕西 城区目标责任考核', kinds: ['district'], grading: { kind: 'target' }, planted: ['second'] },
  { pack: 'shaanxi', scheme: 'county_monitoring', label: '陕西 县域监测考评', kinds: ['county'], grading: { kind: 'none' }, planted: ['rising', 'falling', 'bottom'] },
  { pack: 'shaanxi', scheme: 'county_monitoring', label: '陕西 城区监测考评', kinds: ['district'], grading: { kind: 'none' }, planted: ['rising', 'falling'] },
  { pack: 'shaanxi', scheme: 'agriculture', label: '陕西 现代农业监测', kinds: ['county'], grading: { kind: 'none' }, planted: [] },
  { pack: 'shaanxi', scheme: 'industry', label: '陕西 新型工业监测', kinds: ['county'], grading: { kind: 'none' }, planted: [] },
  { pack: 'shaanxi', scheme: 'ecology', label: '陕西 生态建设监测', kinds: ['county'], grading: { kind: 'none' }, planted: [] },
  { pack: 'shaanxi', scheme: 'poverty', label: '陕西 脱贫攻坚成效考核', kinds: ['county', 'district'], grading: { kind: 'good', share: 0.35 }, planted: ['bottom', 'top'] },
  { pack: 'shaanxi', scheme: 'national_ranking', label: '陕西 省级部门全国性考核评比', kinds: ['provincial_dept'], grading: { kind: 'none' }, planted: ['bottom'], rankOnly: true },
  { pack: 'anhui', scheme: 'comprehensive', label: '安徽 市综合考核', kinds: ['city'], grading: { kind: 'comprehensive' }, planted: ['bottom', 'top'] },
  { pack: 'anhui', scheme: 'comprehensive', label: '安徽 县综合考核', kinds: COUNTY_LEVEL, grading: { kind: 'comprehensive' }, planted: ['bottom'] },
  { pack: 'anhui', scheme: 'comprehensive', label: '安徽 省直单位综合考核', kinds: ['provincial_dept'], grading: { kind: 'comprehensive' }, planted: ['bottom'] },
  { pack: 'jiaozuo', scheme: 'performance', label: '焦作 县（市）区业绩考核', kinds: COUNTY_LEVEL, grading: { kind: 'good', share: 0.3 }, planted: ['top', 'bottom'] },
  { pack: 'jiaozuo', scheme: 'performance', label: '焦作 市直单位业绩考核', kinds: ['city_dept'], grading: { kind: 'good', share: 0.3 }, planted: ['top', 'bottom'] },
  { pack: 'jiaozuo', scheme: 'poverty', label: '焦作 脱贫攻坚绩效考核', kinds: ['county', 'district'], grading: { kind: 'good', share: 0.3 }, planted: [] },
  { pack: 'jiaozuo', scheme: 'county_monitoring', label: '焦作 县域经济全省排名', kinds: ['county'], grading: { kind: 'none' }, planted: ['rising', 'top'], field: 102 },
];

const PLANT: Record<Planted, { strength: number; trend: number }> = {
  bottom: { strength: -3.6, trend: 0 },
  second: { strength: -2.3, trend: 0 },
  top: { strength: 3.2, trend: 0 },
  rising: { strength: -0.6, trend: 1.5 },
  // falls about twelve points a year: among the three steepest falls in each of the last years
  falling: { strength: 1.2, trend: -2.0 },
};

export interface PlantedUnit {
  group: string;
  scheme: AssessmentScheme;
  unitId: string;
  unitName: string;
  kind: Planted;
}

function gradeRows(spec: GroupSpec, scored: { u: GenUnit; score: number }[]): (string | null)[] {
  const n = scored.length;
  const g = spec.grading;
  return scored.map(({ score }, i) => {
    const fromEnd = n - i; // 1 = last
    switch (g.kind) {
      case 'none':
        return null;
      case 'comprehensive': {
        const first = Math.floor(n * 0.35);
        const fourth = n >= 5 ? Math.max(1, Math.round(n * 0.08)) : 0;
        const third = Math.round(n * 0.2);
        if (i < first) return '一';
        if (fromEnd <= fourth) return '四';
        if (fromEnd <= fourth + third) return '三';
        return '二';
      }
      case 'target': {
        if (i < Math.floor(n * 0.35)) return '优秀';
        if (score < 60) return '较差';
        if (fromEnd <= Math.max(1, Math.round(n * 0.12))) return '一般';
        return '良好';
      }
      case 'good': {
        if (i < Math.floor(n * g.share)) return '好';
        if (score < 58) return '差';
        if (fromEnd <= Math.max(1, Math.round(n * 0.15))) return '一般';
        return '较好';
      }
    }
  });
}

/** Every unit assessment of the record, and which units were set to a pattern. */
export function unitAssessments(
  seed: number,
  units: readonly GenUnit[],
  ids: Ids,
): { rows: NewRecord<'unitAssessments'>[]; planted: PlantedUnit[] } {
  const rows: NewRecord<'unitAssessments'>[] = [];
  const planted: PlantedUnit[] = [];
  for (const spec of GROUPS) {
    const members = units.filter((u) => u.pack === spec.pack && spec.kinds.includes(u.kind) && u.kind !== 'province');
    if (members.length === 0) continue;
    const rng = rngFor(seed, 'group', spec.label);
    const latent = new Map(members.map((u) => [u, { strength: u.strength, trend: u.trend }]));
    // planted patterns go to distinct members chosen by the group's own stream
    const order = members.map((u, i) => ({ u, k: rng.next(), i })).sort((a, b) => a.k - b.k || a.i - b.i);
    spec.planted.forEach((p, i) => {
      const m = order[i];
      if (!m) return;
      latent.set(m.u, PLANT[p]);
      planted.push({ group: spec.label, scheme: spec.scheme, unitId: m.u.id, unitName: m.u.name, kind: p });
    });
    for (const year of YEARS) {
      const t = year - YEARS[Math.floor(YEARS.length / 2)]!;
      const scored = members.map((u) => {
        const l = latent.get(u)!;
        const raw = 80 + 6 * l.strength + 6 * l.trend * t + 2.2 * rng.normal();
        return { u, score: Math.round(Math.min(99.5, Math.max(35, raw)) * 100) / 100 };
      });
      scored.sort((a, b) => b.score - a.score || (a.u.id < b.u.id ? -1 : 1));
      // published scores are distinct: a tie would be decided by the assessing organ, not by us
      for (let i = 1; i < scored.length; i++) {
        const prev = scored[i - 1]!.score;
        if (scored[i]!.score >= prev) scored[i]!.score = Math.round((prev - 0.01) * 100) / 100;
      }
      const grades = gradeRows(spec, scored);
      scored.forEach(({ u, score }, i) => {
        let rank = i + 1;
        if (spec.field) {
          // a place in the wider field: spread the group's order across it, keeping it strictly increasing
          const z = (score - 80) / 8;
          rank = Math.round(spec.field / 2 - z * (spec.field / 5));
          rank = Math.min(spec.field, Math.max(1, rank));
        }
        rows.push({
          id: ids.take('ua'),
          unitId: u.id,
          year,
          scheme: spec.scheme,
          grade: grades[i] ?? null,
          score: spec.rankOnly ? null : score,
          rank,
        });
      });
      if (spec.field && !spec.rankOnly) {
        // places in one province-wide field are distinct and follow the score order
        const mine = rows.slice(rows.length - scored.length);
        for (let i = 1; i < mine.length; i++)
          if ((mine[i]!.rank as number) <= (mine[i - 1]!.rank as number))
            mine[i]!.rank = (mine[i - 1]!.rank as number) + 1;
      }
    }
  }
  return { rows, planted };
}
