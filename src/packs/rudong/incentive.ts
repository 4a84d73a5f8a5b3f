// 如东县人民检察院党员干警鼓励激励实施细则: who is commended, preferred for promotion, rewarded and trained.
// Erratum (seeds README): the text prints 第八条 twice (提拔重用, 考核奖励) and no 第七条; locators and articles use the
// corrected sequence, 第七条 = 提拔重用 and 第八条 = 考核奖励. The rules address 干警: every cadre the pack governs.
import { yearOf } from '../../domain/dates.js';
import type { CadreFact, HonorFact, UnitFact } from '../../domain/facts.js';
import { param, rule } from '../../policy/define.js';
import { quotaRoundingParam } from '../reading-params.js';
import { quotaPlaces } from '../../policy/quota.js';
import { formatRatio, ratio, type Ratio } from '../../policy/rational.js';
import type { RuleContext } from '../../policy/types.js';
import { DOC_INCENTIVE, gradeIn, gradeRun, latestAssessmentYear } from './common.js';
import { yearValueName } from '../../policy/value-names.js';

const EXCELLENT_RATIO = param({
  key: 'rudong.incentive.excellentRatio',
  type: 'ratio',
  description: '优秀等次干警的比例（第六条（一）“按照一定比例”）：原文未定，由院党组或上级规定确定；未配置时报告缺口。',
  values: [],
  citation: '如东县人民检察院党员干警鼓励激励实施细则 第六条（一）',
});
const QUOTA_ROUNDING = quotaRoundingParam('rudong.incentive.quotaRounding');

const cite = (article: string, text: string) => ({ document: DOC_INCENTIVE, article, text });
const ERRATUM_7 = '原文误印为“第八条”（提拔重用方面），按顺序更正为第七条。';

/**
 * The share of 优秀 as an exact ratio: a number 0 < x ≤ 1 (0.15), or a string '15%' or '3/20'.
 * Undefined for anything else, so a bad deployment value is reported instead of guessed.
 */
export function parseShare(v: unknown): Ratio | undefined {
  const dec = (s: string): Ratio | undefined => {
    const m = /^(\d+)(?:\.(\d+))?$/.exec(s.trim());
    if (!m) return undefined;
    const frac = m[2] ?? '';
    return ratio(Number(m[1]! + frac), 10 ** frac.length);
  };
  let r: Ratio | undefined;
  if (typeof v === 'number') r = Number.isFinite(v) ? dec(String(v)) : undefined;
  else if (typeof v === 'string') {
    const s = v.trim();
    const slash = /^(\d+)\s*\/\s*(\d+)$/.exec(s);
    if (s.endsWith('%')) {
      const p = dec(s.slice(0, -1));
      r = p ? ratio(p.num, p.den * 100) : undefined;
    } else if (slash && Number(slash[2]) > 0) r = ratio(Number(slash[1]), Number(slash[2]));
    else r = dec(s);
  }
  if (!r || r.num <= 0 || r.num > r.den) return undefined;
  return r;
}

/** Every cadre of the 院: the procuratorate unit and the units below it (its 内设机构). */
function cadresUnder(unit: UnitFact, ctx: RuleContext): CadreFact[] {
  const out: CadreFact[] = [];
  const seen = new Set<string>();
  const stack = [unit.id];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(...ctx.facts.cadresOf(id));
    for (const child of ctx.facts.childUnits(id)) stack.push(child.id);
  }
  return out;
}

export const r6_1 = rule({
  id: 'rudong/incentive/6.1',
  kind: 'computable',
  title: '优秀等次给予嘉奖，连续三年优秀记三等功',
  citation: cite(
    '第六条（一）',
    '根据干警年度考核、平时考核等情况，按照一定比例研究确定优秀等次干警，并报县委县政府同意后给予嘉奖，连续三年确定为优秀等次的，报县委县政府同意后记三等功。',
  ),
  note:
    '“一定比例”未规定具体数值：参数 rudong.incentive.excellentRatio 无默认值，未配置时不给出 excellentQuota 并报告缺口。' +
    '嘉奖、三等功均须报县委县政府同意；本规则只提出名单。连续三年按考核年度连续、无间断计算，' +
    '以评估日所在年度之前最近一个考核年度为止（见读法说明）；原文未规定记功后是否重新起算，故连续满三年即提出三等功。',
  forCadre(c, ctx) {
    const year = latestAssessmentYear(c.id, ctx);
    if (year === undefined || gradeIn(c.id, year, ctx.facts) !== '优秀') return;
    const run = gradeRun(c.id, year, '优秀', ctx.facts);
    const because = Array.from({ length: Math.min(run, 3) }, (_, i) => `${c.id} ${year - i} 年度考核 优秀`).reverse();
    // The engine keeps the higher commendation when both are set (就高不就低).
    ctx.set(c.id, yearValueName('commendation', year), '嘉奖');
    if (run >= 3) {
      ctx.set(c.id, yearValueName('commendation', year), '三等功');
      ctx.fire({ subject: c.id, year, because, conclusion: '连续三年确定为优秀等次，报县委县政府同意后记三等功' });
    } else ctx.fire({ subject: c.id, year, because, conclusion: '确定为优秀等次，报县委县政府同意后给予嘉奖' });
  },
  // The share of 优秀 is fixed for the 院 as a whole (the procuratorate unit) for the year just assessed.
  forUnit(u, ctx) {
    if (u.kind !== 'procuratorate') return;
    const year = yearOf(ctx.asOf) - 1;
    const raw = ctx.param(EXCELLENT_RATIO);
    if (raw === undefined) return;
    const share = parseShare(raw);
    if (!share) {
      ctx.gap(`参数无效：rudong.incentive.excellentRatio = ${JSON.stringify(raw)}（应为比例，如 0.15、"15%"、"3/20"）`);
      return;
    }
    ctx.set(u.id, yearValueName('excellentQuota', year), raw);
    const assessed = cadresUnder(u, ctx).filter((c) => gradeIn(c.id, year, ctx.facts) !== undefined);
    const excellent = assessed.filter((c) => gradeIn(c.id, year, ctx.facts) === '优秀');
    const rounding = ctx.param(QUOTA_ROUNDING);
    if (rounding === undefined) return; // set to nothing: reported as unset
    const places = quotaPlaces(assessed.length, share, rounding);
    if (excellent.length > places)
      ctx.fire({
        subject: u.id,
        year,
        because: [
          `${u.id} ${year} 年度考核 ${assessed.length} 人，优秀比例 ${formatRatio(share)}，名额 ${places}（${rounding}）`,
          `优秀 ${excellent.length} 人：${excellent.map((c) => c.id).join('、')}`,
        ],
        conclusion: '优秀等次人数超出确定的比例，须复核',
      });
  },
});

export const r6_2 = rule({
  id: 'rudong/incentive/6.2',
  kind: 'procedure',
  title: '评选表彰工作',
  citation: cite(
    '第六条（二）',
    '做好“优秀共产党员”、“优秀党务工作者”、“先进个人”、季度“党员之星”、“检察星个人”等评选表彰工作，发挥榜样示范作用。',
  ),
});

export const r7_1 = rule({
  id: 'rudong/incentive/7.1',
  kind: 'principle',
  title: '好干部标准，大力选拔敢于负责的干警',
  citation: cite(
    '第七条（一）',
    '坚持好干部标准，突出信念过硬、政治过硬、责任过硬、能力过硬、作风过硬，大力选拔敢于负责、勇于担当、善于作为、实绩突出的干警。',
  ),
  note: ERRATUM_7,
});

/** Honors 县委县政府及以上 (county, city, provincial, central). Awards of an upper procuratorate are not named here. */
const COUNTY_OR_ABOVE = new Set<HonorFact['conferredBy']>(['county', 'city', 'provincial', 'central']);
const CONFERRER_ZH: Record<HonorFact['conferredBy'], string> = {
  central: '党中央国务院',
  provincial: '省委省政府',
  city: '市委市政府',
  county: '县委县政府',
  upper_procuratorate: '上级检察院',
  unit: '本院',
};
const honorLine = (h: HonorFact) => `${h.subject} ${h.date} ${CONFERRER_ZH[h.conferredBy]} ${h.title}`;

export const r7_2 = rule({
  id: 'rudong/incentive/7.2',
  kind: 'computable',
  title: '受到县委县政府及以上奖励的干警，可优先考虑提拔使用',
  citation: cite(
    '第七条（二）',
    '对在加强党的建设、做实做优“四大检察”“十大业务”、促进如东检察高质量发展等方面作出突出贡献，或长期在基层一线艰苦岗位埋头苦干、成绩显著，受到县委县政府及以上奖励的干警，可优先考虑提拔使用。',
  ),
  note:
    ERRATUM_7 +
    ' 读法：县委县政府及以上的奖励即为作出突出贡献或成绩显著的凭据；上级检察院的奖励不属“县委县政府及以上”。' +
    '本规则取代江苏 第八条（四）（仅党中央国务院、省委省政府表彰）对本院干警的适用。',
  supersedes: ['jiangsu/incentive/8.4'],
  forCadre(c, ctx) {
    const hs = ctx.facts.honors(c.id).filter((h) => h.date <= ctx.asOf && COUNTY_OR_ABOVE.has(h.conferredBy));
    if (hs.length === 0) return;
    ctx.set(c.id, 'priorityPromotion', true);
    ctx.fire({ subject: c.id, because: hs.map(honorLine), conclusion: '可优先考虑提拔使用' });
  },
});

export const r7_3 = rule({
  id: 'rudong/incentive/7.3',
  kind: 'computable',
  title: '经受住考验、作出重大贡献的干警，可以按规定破格提拔使用',
  citation: cite(
    '第七条（三）',
    '在关键时刻或者承担急难险重任务中经受住考验、表现突出、作出重大贡献的干警，可以按规定破格提拔使用。',
  ),
  note: ERRATUM_7 + ' 是否“经受住考验、表现突出、作出重大贡献”由组织认定：依据记录中按本项（条款 7.3）作出的认定。',
  supersedes: ['jiangsu/incentive/8.5'],
  forCadre(c, ctx) {
    for (const d of ctx.determinations(c.id)) {
      const cl = d.clause.trim();
      ctx.fire({
        subject: c.id,
        year: yearOf(d.date),
        because: [`${c.id} ${d.date} 组织认定 ${cl}：关键时刻或急难险重任务中经受住考验、作出重大贡献`],
        conclusion: '可以按规定破格提拔使用',
      });
    }
  },
});

/** 第八条（一）'s honors: 市委市政府和省检察院以上表彰、授奖, 县委县政府奖励, 市检察院记功. */
function rewardable(h: HonorFact): boolean {
  if (COUNTY_OR_ABOVE.has(h.conferredBy)) return true;
  // The record says only “上级检察院”: a 记功 (市检察院记功) qualifies, and so does an award of the provincial or
  // supreme procuratorate when its title says so; a 市检察院 commendation short of 记功 does not.
  if (h.conferredBy === 'upper_procuratorate') return /功/.test(h.title) || /省|最高/.test(h.title);
  return false;
}

export const r8_1 = rule({
  id: 'rudong/incentive/8.1',
  kind: 'computable',
  title: '受到表彰授奖、记功的干警，可给予一定物质奖励',
  citation: cite(
    '第八条（一）',
    '对在重点项目推进和急难险重任务等方面作出突出贡献的，或者因工作成绩突出受到市委市政府和省检察院以上表彰、授奖的，以及县委县政府奖励、市检察院记功的，可给予一定物质奖励。',
  ),
  note:
    '原文两处印为第八条，此为第二处（考核奖励方面），序号不变。“一定物质奖励”未定数额，由院党组奖励办法确定（第八条（二））。' +
    '上级检察院的奖励：记功，或题名显示为省检察院、最高人民检察院的表彰授奖，方属本项。',
  supersedes: ['jiangsu/incentive/9.2'],
  forCadre(c, ctx) {
    for (const h of ctx.facts.honors(c.id)) {
      if (h.date > ctx.asOf || !rewardable(h)) continue;
      ctx.fire({ subject: c.id, year: yearOf(h.date), because: [honorLine(h)], conclusion: '可给予一定物质奖励' });
    }
  },
});

export const r8_2 = rule({
  id: 'rudong/incentive/8.2',
  kind: 'procedure',
  title: '院党组制定绩效考核及奖励办法，奖金发放到个人',
  citation: cite(
    '第八条（二）',
    '院党组研究制定绩效考核及奖励办法。奖金的分配应体现奖优奖勤，体现工作成效、突出干警的检察贡献度和检察影响力等。奖金按考核情况发放到干警个人。',
  ),
});

export const r9_1 = rule({
  id: 'rudong/incentive/9.1',
  kind: 'procedure',
  title: '谈心谈话制度',
  citation: cite(
    '第九条（一）',
    '完善和落实谈心谈话制度。领导干部、政治部及各党支部应经常与干警开展谈心谈话，倾听干警诉求，做好情绪疏导，加强人文关怀，在政策范围内为干警排忧解难。',
  ),
});

export const r9_2 = rule({
  id: 'rudong/incentive/9.2',
  kind: 'computable',
  title: '优先选送考核优秀的干警参加培训',
  citation: cite(
    '第九条（二）',
    '大力开展干警教育培训。优先选送考核优秀的干警、急难险重岗位的干警参加各类培训、到上级检察院和先进发达地区学习交流。鼓励干警提升专业能力，参加在职学习，并给予必要的支持。',
  ),
  note: '依据评估日所在年度之前最近一个考核年度的优秀等次；急难险重岗位不在记录中，由组织确定。',
  supersedes: ['jiangsu/incentive/10.2'],
  forCadre(c, ctx) {
    const year = latestAssessmentYear(c.id, ctx);
    if (year === undefined || gradeIn(c.id, year, ctx.facts) !== '优秀') return;
    ctx.fire({
      subject: c.id,
      year,
      because: [`${c.id} ${year} 年度考核 优秀`],
      conclusion: '优先选送参加各类培训、到上级检察院和先进发达地区学习交流',
    });
  },
});

export const r9_3 = rule({
  id: 'rudong/incentive/9.3',
  kind: 'principle',
  title: '检察文化建设',
  citation: cite(
    '第九条（三）',
    '加强检察文化建设。开展丰富多彩的文体活动，关爱干警身心健康，完善带薪休假、加班调休、走访慰问等制度，逐步提高干警体检标准。',
  ),
});

export const r9_4 = rule({
  id: 'rudong/incentive/9.4',
  kind: 'principle',
  title: '一线干警政策待遇倾斜',
  citation: cite('第九条（四）', '给一线干警更多理解和支持，在政策、待遇等方面给予倾斜，让他们安心、安身、安业。'),
});

export const r9_5 = rule({
  id: 'rudong/incentive/9.5',
  kind: 'procedure',
  title: '不实举报的反馈与消除影响',
  citation: cite(
    '第九条（五）',
    '切实维护干警正当合法权益，对造成不良影响的不实举报，待事实查清后及时向干警进行反馈，并在一定范围内消除影响。对恶意中伤、诽谤干警的行为依法依规进行严肃处理。营造积极向上氛围，树立干事创业良好形象。',
  ),
});

export const incentiveRules = [r6_1, r6_2, r7_1, r7_2, r7_3, r8_1, r8_2, r9_1, r9_2, r9_3, r9_4, r9_5];

export const incentiveParams = [EXCELLENT_RATIO, QUOTA_ROUNDING];
