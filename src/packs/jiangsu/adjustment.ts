// 江苏省推进党政领导干部能上能下办法. Rules raise 预警 (应予调整) from assessment grades, vote shares, incidents and the
// organs' determinations; the adjustment itself is decided by people (第十一条) and, once recorded, opens the
// influence period of 第十二条.
import { addYears, yearOf } from '../../domain/dates.js';
import type { AdjustmentFact, CadreFact, IncidentFact, UnitFact } from '../../domain/facts.js';
import { POST_ROLE_LABELS } from '../../domain/vocabulary.js';
import { rule, ruleIdAt } from '../../policy/define.js';
import { exceeds, formatRatio, ratio } from '../../policy/rational.js';
import { lookbackStartOf, twoConsecutiveYears, withinOneYear } from '../../policy/readings.js';
import type { Citation, InfluenceBlock, RuleContext, RuleSpec } from '../../policy/types.js';
import { MULTIPLE_INCIDENTS } from './params.js';
import {
  describeDetermination,
  describeIncident,
  determinationsNaming,
  DOC_ADJUSTMENT,
  windowReading,
  incidentsOf,
  isLeader,
  latestYearBefore,
  principalsOf,
  responsibleFor,
  secretariesOf,
} from './readings.js';

const cite = (article: string, text: string): Citation => ({ document: DOC_ADJUSTMENT, article, text });
const ALERT = '预警：经组织认定不适宜担任现职的，应予以调整';

// ---- 第二条至第五条 --------------------------------------------------------------------------------------------

export const a2 = rule({
  id: 'jiangsu/adjustment/2',
  kind: 'principle',
  title: '重点解决能下问题',
  citation: cite(
    '第二条',
    '第二条  本办法重点解决党政领导干部能下问题，建立健全不适宜担任现职的领导干部调整退出机制。推动优者上、庸者下、劣者汰成为常态。',
  ),
});

export const a3 = rule({
  id: 'jiangsu/adjustment/3',
  kind: 'principle',
  title: '推进能上能下的原则',
  citation: cite(
    '第三条',
    '第三条推进党政领导干部能上能下，必须坚持全面从严治党、从严管理干部，坚持实事求是、客观公正，坚持依规依纪、积极稳妥。',
  ),
});

export const a4 = rule({
  id: 'jiangsu/adjustment/4',
  kind: 'procedure',
  title: '调整方式',
  citation: cite(
    '第四条',
    '第四条本办法主要规范党政领导干部的组织调整，调整方式包括调离岗位、改任非领导职务、免职、引咎辞职、责令辞职、降职等。对因健康原因调整以及涉及问责追责和违纪违法的，按照有关规定办理。',
  ),
  note: '调整方式即记录中 adjustment.method 的六种；因健康原因调整、涉及问责追责和违纪违法的，按有关规定（national 等）办理。',
});

export const a5 = rule({
  id: 'jiangsu/adjustment/5',
  kind: 'principle',
  title: '推进能下的主要依据',
  citation: cite(
    '第五条',
    '第五条推进党政领导干部能下，主要依据领导干部政治表现认定结果，年度综合考核、领导班子和领导干部年度考核结果，领导干部不担当不作为、履行全面从严治党责任不力认定结果。',
  ),
});

// ---- rules resting on an organ's determination (第六条、第九条、第十条) ------------------------------------------

type Concerned = 'self' | { area?: string } | 'secretaries';

/**
 * A determination naming the item, made about a cadre (that 领导干部 is concerned) or about a unit (its 主要负责人 and
 * the 分管 leader of the area, or for 第十条 its 党委（党组）书记 and the 分管 leader).
 */
function byDetermination(concerned: Concerned) {
  return {
    forCadre(c: CadreFact, ctx: RuleContext) {
      if (!isLeader(c)) return;
      for (const d of determinationsNaming(ctx, c.id, c.unit))
        ctx.fire({ subject: c.id, year: yearOf(d.date), because: [describeDetermination(d)], conclusion: ALERT });
    },
    ...(concerned === 'self'
      ? {}
      : {
          forUnit(u: UnitFact, ctx: RuleContext) {
            const ds = determinationsNaming(ctx, u.id, u.id);
            if (ds.length === 0) return;
            const area = concerned === 'secretaries' ? 'party_building' : concerned.area;
            let who = concerned === 'secretaries' ? secretariesOf(ctx, u.id) : principalsOf(ctx, u.id);
            // A unit whose record flags no 党委书记 falls back to its 主要负责人 (who usually is the secretary).
            if (who.length === 0 && concerned === 'secretaries') who = principalsOf(ctx, u.id);
            const others = responsibleFor(ctx, u.id, area).filter((c) => c.post !== 'principal');
            for (const d of ds)
              for (const c of [...who, ...others])
                ctx.fire({
                  subject: c.id,
                  year: yearOf(d.date),
                  because: [describeDetermination(d), roleLine(c, area)],
                  conclusion: ALERT,
                });
          },
        }),
  } satisfies Partial<RuleSpec>;
}

const roleLine = (c: CadreFact, area?: string) =>
  `${c.id} 任 ${c.unit} ${
    c.partySecretary
      ? '党委（党组）书记'
      : c.post === 'principal'
        ? '主要负责人'
        : `${POST_ROLE_LABELS[c.post]}，分管 ${area ?? ''}`
  }`.trim();

const detNote = '须经组织认定：determinations 中 clause 为本项（规则编号 jiangsu/adjustment/x.y 或条目 x.y）的记录。';

const a6Text = {
  '6.1':
    '（一）对党不忠诚不老实，“四个意识”淡薄，维护习近平总书记的核心地位、维护以习近平同志为核心的党中央权威和集中统一领导不坚决的。',
  '6.2': '（二）理想信念动摇，思想滑坡，“四个自信”不坚定的。',
  '6.3':
    '（三）贯彻执行党的路线方针政策和决策部署不坚决不全面不到位，搞“上有政策、下有对策”，合意的就执行，不合意的就不执行、选择性执行的。',
  '6.4': '（四）缺乏政治敏锐性和政治鉴别力，对挑战政治底线的错误言论和不良风气听之任之、失职失责的。',
  '6.5': '（五）无视党的政治纪律和政治规矩，违反“五个必须”要求、搞“七个有之”等活动的。',
} as const;
const a6Titles = {
  '6.1': '对党不忠诚不老实',
  '6.2': '理想信念动摇',
  '6.3': '贯彻决策部署不坚决不全面不到位',
  '6.4': '缺乏政治敏锐性和政治鉴别力',
  '6.5': '无视政治纪律和政治规矩',
} as const;
const a6 = (['6.1', '6.2', '6.3', '6.4', '6.5'] as const).map((loc, i) =>
  rule({
    id: ruleIdAt(
      [
        'jiangsu/adjustment/6.1',
        'jiangsu/adjustment/6.2',
        'jiangsu/adjustment/6.3',
        'jiangsu/adjustment/6.4',
        'jiangsu/adjustment/6.5',
      ],
      i,
    ),
    kind: 'computable',
    title: `政治表现：${a6Titles[loc]}`,
    citation: cite(`第六条（${'一二三四五'[i]}）`, a6Text[loc]),
    note: `${detNote}政治表现认定针对领导干部本人。`,
    ...byDetermination('self'),
  }),
);

// ---- 第七条 年度综合考核连续两年第四等次（党政主要负责人） ---------------------------------------------------

/** 连续两年第四等次: the unit's last two 年度综合考核 years before the evaluation year, both 四, no gap. */
function twoYearsFourth(ctx: RuleContext, u: UnitFact): { year: number; because: string[] } | undefined {
  const rows = ctx.facts.unitAssessments(u.id, 'comprehensive');
  const latest = latestYearBefore(
    rows.map((a) => a.year),
    ctx.asOf,
  );
  if (latest === undefined) return undefined;
  const last = rows.find((a) => a.year === latest);
  const prev = rows.find((a) => a.year === latest - 1);
  if (last?.grade !== '四' || prev?.grade !== '四') return undefined;
  return { year: latest, because: [`${u.id} ${latest - 1} comprehensive 四`, `${u.id} ${latest} comprehensive 四`] };
}

function fourthGradeRule(kinds: readonly string[]) {
  return {
    forUnit(u: UnitFact, ctx: RuleContext) {
      if (!kinds.includes(u.kind)) return;
      const hit = twoYearsFourth(ctx, u);
      if (!hit) return;
      for (const c of principalsOf(ctx, u.id))
        ctx.fire({ subject: c.id, year: hit.year, because: [...hit.because, roleLine(c)], conclusion: ALERT });
    },
  };
}

const a7note =
  '适用于党政主要负责人（post principal，党委书记与行政正职），不及于副职；连续两年：评估日所在年份之前最近两个考核年度均为第四等次，中间不缺年。';

export const a7_1 = rule({
  id: 'jiangsu/adjustment/7.1',
  kind: 'computable',
  title: '设区市年度综合考核连续两年第四等次（党政主要负责人）',
  citation: cite('第七条（一）', '（一）在设区市年度综合考核中连续两年被确定为第四等次的。'),
  note: a7note,
  ...fourthGradeRule(['city']),
});

export const a7_2 = rule({
  id: 'jiangsu/adjustment/7.2',
  kind: 'computable',
  title: '省级机关部门年度综合考核连续两年第四等次（党政主要负责人）',
  citation: cite('第七条（二）', '（二）在省级机关部门年度综合考核中连续两年被确定为第四等次的。'),
  note: a7note,
  ...fourthGradeRule(['provincial_dept']),
});

export const a7_3 = rule({
  id: 'jiangsu/adjustment/7.3',
  kind: 'computable',
  title: '设区市对县（市、区）年度综合考核连续两年第四等次（党政主要负责人）',
  citation: cite(
    '第七条（三）',
    '（三）在设区市对县（市、区，含国家级开发区）年度综合考核中连续两年被确定为第四等次的。',
  ),
  note: `${a7note}县（市、区）含国家级开发区（county、district、dev_zone）。`,
  ...fourthGradeRule(['county', 'district', 'dev_zone']),
});

// ---- 第八条 领导班子和领导干部年度考核 -------------------------------------------------------------------------

const latestCadreYear = (ctx: RuleContext, c: CadreFact) =>
  latestYearBefore(
    ctx.facts.cadreAssessments(c.id).map((a) => a.year),
    ctx.asOf,
  );

export const a8_1 = rule({
  id: 'jiangsu/adjustment/8.1',
  kind: 'computable',
  title: '年度考核测评不称职得票率超过三分之一',
  citation: cite('第八条（一）', '（一）在年度考核测评中不称职得票率超过三分之一的。'),
  note: '得票率以有效票（四档票数之和）为分母，精确比较；“超过”不含本数，恰为三分之一不触发。判断评估日所在年份之前最近一个年度考核。',
  forCadre(c, ctx) {
    if (!isLeader(c)) return;
    const year = latestCadreYear(ctx, c);
    if (year === undefined) return;
    const a = ctx.facts.cadreAssessments(c.id).find((x) => x.year === year);
    const v = a?.votes;
    if (!v) return;
    const valid = v.excellent + v.competent + v.basic + v.incompetent;
    if (valid === 0) return;
    const share = ratio(v.incompetent, valid);
    if (!exceeds(share, ratio(1, 3))) return;
    ctx.fire({
      subject: c.id,
      year,
      because: [
        `${c.id} ${year} 年度考核测评 优秀${v.excellent} 称职${v.competent} 基本称职${v.basic} 不称职${v.incompetent}（有效票 ${valid}）`,
        `不称职得票率 ${formatRatio(share)} 超过三分之一`,
      ],
      conclusion: ALERT,
    });
  },
});

export const a8_2 = rule({
  id: 'jiangsu/adjustment/8.2',
  kind: 'computable',
  title: '年度考核不称职，或连续两年基本称职',
  citation: cite('第八条（二）', '（二）年度考核结果为不称职等次，或连续两年为基本称职等次的。'),
  note: '判断评估日所在年份之前最近一个年度考核：该年不称职；或该年及上一年均为基本称职（中间不缺年）。',
  forCadre(c, ctx) {
    if (!isLeader(c)) return;
    const year = latestCadreYear(ctx, c);
    if (year === undefined) return;
    const rows = ctx.facts.cadreAssessments(c.id);
    const last = rows.find((x) => x.year === year);
    const prev = rows.find((x) => x.year === year - 1);
    let because: string[] | undefined;
    if (last?.grade === '不称职') because = [`${c.id} ${year} 年度考核 不称职`];
    else if (last?.grade === '基本称职' && prev?.grade === '基本称职')
      because = [`${c.id} ${year - 1} 年度考核 基本称职`, `${c.id} ${year} 年度考核 基本称职`];
    if (because) ctx.fire({ subject: c.id, year, because, conclusion: ALERT });
  },
});

// ---- 第九条 不担当不作为 --------------------------------------------------------------------------------------

const a9note = `${detNote}认定对象为单位（本地区本单位）时，及于其主要负责人和分管该领域的班子成员（inCharge）。`;

export const a9_1 = rule({
  id: 'jiangsu/adjustment/9.1',
  kind: 'computable',
  title: '推进改革不力',
  citation: cite('第九条（一）', '（一）推进本地区本单位改革不力，导致贻误工作、错失发展良机的。'),
  note: a9note,
  ...byDetermination({}),
});

export const a9_2 = rule({
  id: 'jiangsu/adjustment/9.2',
  kind: 'computable',
  title: '防范化解重大风险不力',
  citation: cite(
    '第九条（二）',
    '（二）防范化解重大风险不力，导致本地区本单位违规盲目举债问题严重，或新发生系统性区域性金融风险事件的。',
  ),
  note: a9note,
  ...byDetermination({}),
});

export const a9_3 = rule({
  id: 'jiangsu/adjustment/9.3',
  kind: 'computable',
  title: '脱贫攻坚工作不力',
  citation: cite(
    '第九条（三）',
    '（三）脱贫攻坚工作不力，导致本地区本单位精准扶贫精准脱贫目标任务未按时完成，虚报脱贫成效、贪占挪用扶贫资金等问题突出、群众反映强烈的。',
  ),
  note: `${a9note}分管领域：poverty。`,
  ...byDetermination({ area: 'poverty' }),
});

export const a9_4 = rule({
  id: 'jiangsu/adjustment/9.4',
  kind: 'computable',
  title: '生态环境保护不力',
  citation: cite(
    '第九条（四）',
    '（四）生态环境保护不力，导致本地区生态资源问题突出，环境明显恶化，或发生重大环境事件，受到党中央、国务院批评或省委、省政府通报批评的。',
  ),
  note: `${a9note}分管领域：environment。重大环境事件须受到党中央、国务院批评或省委、省政府通报批评，事件记录本身不足以触发，以认定为准。`,
  ...byDetermination({ area: 'environment' }),
});

/** Who a unit's incidents concern, and the lines saying why. */
function fireIncidents(ctx: RuleContext, u: UnitFact, area: string, because: string[], year: number) {
  for (const c of responsibleFor(ctx, u.id, area))
    ctx.fire({ subject: c.id, year, because: [...because, roleLine(c, area)], conclusion: ALERT });
}

const withinLookback = (ctx: RuleContext, i: IncidentFact) => {
  const r = windowReading(ctx);
  return r !== undefined && i.date >= lookbackStartOf(r);
};

export const a9_5 = rule({
  id: 'jiangsu/adjustment/9.5',
  kind: 'computable',
  title: '履行安全生产责任不力：特别重大事故，或一年内2起以上重大事故',
  citation: cite(
    '第九条（五）',
    '（五）履行安全生产责任不力，导致本地区本单位发生特别重大生产安全责任事故，或一年内发生2起以上（含2起）重大生产安全责任事故的。',
  ),
  note: '事故记录记在发生地单位，本地区本单位包括本单位及下辖各单位；特别重大事故一起即触发；重大（含特别重大）事故在一年内（自第一起起算的一年期间，或按参数为同一自然年）2起以上，该期间的最后一日在评估日前回溯期（默认24个月）内（见读法说明“本地区”“一年内”“回溯期”）。及于主要负责人和分管安全生产（production_safety）的班子成员；亦可依认定（clause 9.5）。',
  forUnit(u, ctx) {
    const grave = incidentsOf(ctx, u.id, ['production_safety'], ['特别重大']).filter((i) => withinLookback(ctx, i));
    for (const i of grave) fireIncidents(ctx, u, 'production_safety', [describeIncident(i)], yearOf(i.date));
    const serious = incidentsOf(ctx, u.id, ['production_safety'], ['特别重大', '重大']);
    const reading = windowReading(ctx);
    const hit = reading && withinOneYear(serious, 2, reading);
    if (hit)
      fireIncidents(
        ctx,
        u,
        'production_safety',
        [...hit.events.map(describeIncident), `一年内 ${hit.events.length} 起重大以上生产安全事故（2起以上含2起）`],
        hit.year,
      );
    byDetermination({ area: 'production_safety' }).forUnit!(u, ctx);
  },
  forCadre: byDetermination({ area: 'production_safety' }).forCadre,
});

export const a9_6 = rule({
  id: 'jiangsu/adjustment/9.6',
  kind: 'computable',
  title: '预防和化解社会矛盾不力：连续两年特别重大，或一年内多起重大群体性事件和公共安全事件',
  citation: cite(
    '第九条（六）',
    '（六）预防和化解社会矛盾不力，导致本地区本单位连续两年发生特别重大群体性事件和公共安全事件，或一年内发生多起重大群体性事件和公共安全事件的。',
  ),
  note: '群体性事件与公共安全事件合并计算，本地区本单位包括下辖各单位。连续两年：相邻两个自然年各有特别重大事件，后一年的12月31日在回溯期内（见读法说明“连续两年发生”）。“多起”读作两起以上（jiangsu.adjustment.multipleIncidents，默认2，地方细则可调高），重大以上事件在一个12个月窗口内计数。及于主要负责人和分管维稳（stability）的班子成员；亦可依认定（clause 9.6）。',
  forUnit(u, ctx) {
    const cats = ['mass_incident', 'public_security'];
    const grave = incidentsOf(ctx, u.id, cats, ['特别重大']);
    const reading = windowReading(ctx);
    const pair = reading && twoConsecutiveYears(grave, reading);
    if (pair)
      fireIncidents(
        ctx,
        u,
        'stability',
        [...pair.events.map(describeIncident), `连续两年（${pair.years[0]}、${pair.years[1]}）发生特别重大事件`],
        pair.years[1],
      );
    const serious = incidentsOf(ctx, u.id, cats, ['特别重大', '重大']);
    const min = ctx.param(MULTIPLE_INCIDENTS);
    const hit = reading && min !== undefined && withinOneYear(serious, min, reading);
    if (hit)
      fireIncidents(
        ctx,
        u,
        'stability',
        [
          ...hit.events.map(describeIncident),
          `一年内 ${hit.events.length} 起重大以上群体性事件和公共安全事件（多起：${min}起以上）`,
        ],
        hit.year,
      );
    byDetermination({ area: 'stability' }).forUnit!(u, ctx);
  },
  forCadre: byDetermination({ area: 'stability' }).forCadre,
});

export const a9_7 = rule({
  id: 'jiangsu/adjustment/9.7',
  kind: 'computable',
  title: '其他不担当不作为问题造成严重后果或恶劣影响',
  citation: cite('第九条（七）', '（七）其他不担当不作为问题造成严重后果或恶劣影响的。'),
  note: a9note,
  ...byDetermination({}),
});

// ---- 第十条 履行全面从严治党责任不力（党委（党组）书记和有关领导干部） -------------------------------------------

const a10note = `${detNote}认定对象为单位时，及于其党委（党组）书记（记录未标明书记的，及于主要负责人）和分管党建（party_building）的班子成员。`;

export const a10_1 = rule({
  id: 'jiangsu/adjustment/10.1',
  kind: 'computable',
  title: '抓政治建设不力',
  citation: cite('第十条（一）', '（一）抓政治建设不力，本地区本单位忽视政治、淡化政治、削弱政治的现象比较突出的。'),
  note: a10note,
  ...byDetermination('secretaries'),
});

export const a10_2 = rule({
  id: 'jiangsu/adjustment/10.2',
  kind: 'computable',
  title: '领导和把关作用发挥不力，用人失察失误、选人用人问题突出',
  citation: cite(
    '第十条（二）',
    '（二）党委（党组）领导和把关作用发挥不力，出现严重用人失察失误，造成恶劣影响，或选人用人问题突出，不正之风严重，党内和群众反映强烈，或维护组织人事纪律不力，连续发生或大面积发生违纪用人问题的。',
  ),
  note: a10note,
  ...byDetermination('secretaries'),
});

export const a10_3 = rule({
  id: 'jiangsu/adjustment/10.3',
  kind: 'computable',
  title: '意识形态方面出现严重错误导向',
  citation: cite('第十条（三）', '（三）管辖范围内意识形态方面出现严重错误导向，造成恶劣影响的。'),
  note: `${a10note}本项分管领域另含意识形态（ideology）。`,
  forCadre: byDetermination('secretaries').forCadre,
  forUnit(u, ctx) {
    byDetermination('secretaries').forUnit!(u, ctx);
    // 意识形态 is its own area: the member in charge of it is concerned too.
    const ds = determinationsNaming(ctx, u.id, u.id);
    for (const c of responsibleFor(ctx, u.id, 'ideology').filter((x) => x.post !== 'principal'))
      for (const d of ds)
        ctx.fire({
          subject: c.id,
          year: yearOf(d.date),
          because: [describeDetermination(d), roleLine(c, 'ideology')],
          conclusion: ALERT,
        });
  },
});

export const a10_4 = rule({
  id: 'jiangsu/adjustment/10.4',
  kind: 'computable',
  title: '推进党风廉政建设和反腐败工作不坚决不扎实',
  citation: cite(
    '第十条（四）',
    '（四）推进党风廉政建设和反腐败工作不坚决、不扎实，损害群众利益的不正之风和腐败问题比较突出的。',
  ),
  note: a10note,
  ...byDetermination('secretaries'),
});

export const a10_5 = rule({
  id: 'jiangsu/adjustment/10.5',
  kind: 'computable',
  title: '其他履行全面从严治党责任不力，或巡视巡察整改不到位经提醒函询诫勉仍未改正',
  citation: cite(
    '第十条（五）',
    '（五）其他履行全面从严治党责任不力、问题突出，或巡视巡察反馈意见整改不到位，经组织提醒、教育或函询、诫勉没有改正的。',
  ),
  note: a10note,
  ...byDetermination('secretaries'),
});

// ---- 第十一条至第十四条 ----------------------------------------------------------------------------------------

export const a11 = rule({
  id: 'jiangsu/adjustment/11',
  kind: 'procedure',
  title: '书面报告、审核、报批、按任免程序调整',
  citation: cite(
    '第十一条',
    '第十一条省级机关有关职能部门、各设区市对各自职能范围内出现第六条至第十条所列情形之一的省管党政领导干部，应当及时将具体情形、认定结果、相关建议等形成书面报告提交省委组织部。省委组织部进行认真审核，研究提出调整建议报省委审批，按照干部任免程序进行调整。',
  ),
});

/** 第十二条: what each method blocks, and for how many years from the decision date. */
const PERIODS: Record<AdjustmentFact['method'], { blocks: InfluenceBlock; years: number; words: string }> = {
  调离岗位: { blocks: 'promotion', years: 1, words: '一年内不得提拔' },
  改任非领导职务: { blocks: 'promotion', years: 1, words: '一年内不得提拔' },
  免职: { blocks: 'promotion', years: 1, words: '一年内不得提拔' },
  引咎辞职: { blocks: 'aboveOriginalLevel', years: 2, words: '两年内不得担任高于原职务层次的职务' },
  责令辞职: { blocks: 'aboveOriginalLevel', years: 2, words: '两年内不得担任高于原职务层次的职务' },
  降职: { blocks: 'promotion', years: 2, words: '两年内不得提拔' },
};

const periodOf = (a: AdjustmentFact) => {
  const p = PERIODS[a.method];
  return { ...p, until: addYears(a.date, p.years) };
};

export const a12 = rule({
  id: 'jiangsu/adjustment/12',
  kind: 'computable',
  title: '调整后的影响期',
  citation: cite(
    '第十二条',
    '第十二条因不适宜担任现职调离岗位、改任非领导职务、免职的，一年内不得提拔；引咎辞职、责令辞职的，两年内不得担任高于原职务层次的职务；降职的，两年内不得提拔。',
  ),
  note: '影响期自调整决定之日起算，首个可提拔日为决定日加N年的同月同日（2月29日→2月28日）。引咎辞职、责令辞职只限制担任高于原职务层次的职务（aboveOriginalLevelAllowedFrom），不限制同层次任职。',
  forCadre(c, ctx) {
    for (const a of ctx.facts.adjustments(c.id)) {
      if (a.date > ctx.asOf) continue;
      const p = periodOf(a);
      const because = [`${c.id} ${a.date} ${a.method}`];
      ctx.influence({ subject: c.id, blocks: p.blocks, until: p.until, because });
      ctx.fire({
        subject: c.id,
        year: yearOf(a.date),
        because,
        conclusion: `${p.words}（${p.until} 起${p.blocks === 'promotion' ? '可提拔' : '可担任高于原职务层次的职务'}）${p.until <= ctx.asOf ? '，影响期已满' : ''}`,
      });
    }
  },
});

export const a13 = rule({
  id: 'jiangsu/adjustment/13',
  kind: 'computable',
  title: '对调整下来的干部关心帮助；影响期满后符合条件的可以提拔',
  citation: cite(
    '第十三条',
    '第十三条坚持从严管理与关心爱护相结合，对调整下来的干部有针对性地加强教育管理，深入开展谈心谈话，给予关心帮助。加强跟踪了解，支持和鼓励他们放下包袱、奋发有为，在新岗位上履职尽责，发挥应有作用。干部调整影响期满后，对德才表现和工作实绩突出，因工作需要且经考察符合任职条件的，可以按有关规定程序提拔任职。',
  ),
  note: '对记录中有调整的干部：影响期内提示教育管理、谈心谈话；第十二条影响期全部届满后，提示可以按有关规定程序提拔任职（仍须德才表现和工作实绩突出、因工作需要且经考察符合任职条件）。',
  forCadre(c, ctx) {
    const adj = ctx.facts.adjustments(c.id).filter((a) => a.date <= ctx.asOf);
    if (adj.length === 0) return;
    let end = '';
    for (const a of adj) {
      const u = periodOf(a).until;
      if (u > end) end = u;
    }
    const because = adj.map((a) => `${c.id} ${a.date} ${a.method}（影响期至 ${periodOf(a).until}）`);
    ctx.fire({
      subject: c.id,
      because,
      conclusion:
        end <= ctx.asOf
          ? '调整影响期已满：德才表现和工作实绩突出、因工作需要且经考察符合任职条件的，可以按有关规定程序提拔任职'
          : '影响期内：加强教育管理，深入开展谈心谈话，给予关心帮助',
    });
  },
});

export const a14 = rule({
  id: 'jiangsu/adjustment/14',
  kind: 'procedure',
  title: '各设区市、省级机关各部门制定具体办法',
  citation: cite(
    '第十四条',
    '第十四条各设区市、省级机关各部门可参照本办法，制定本地区、本部门的干部能上能下具体办法。',
  ),
});

export const adjustmentRules = [
  a2,
  a3,
  a4,
  a5,
  ...a6,
  a7_1,
  a7_2,
  a7_3,
  a8_1,
  a8_2,
  a9_1,
  a9_2,
  a9_3,
  a9_4,
  a9_5,
  a9_6,
  a9_7,
  a10_1,
  a10_2,
  a10_3,
  a10_4,
  a10_5,
  a11,
  a12,
  a13,
  a14,
];
