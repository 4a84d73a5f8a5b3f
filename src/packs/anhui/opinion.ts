// 安徽 《关于进一步激励广大干部新时代新担当新作为的实施意见》: every item 1–20 as a rule `anhui/opinion/<item>`.
// Items that conclude something from the record compute (6, 9, 11, 12, 15, 16, 18); the others guide people or set
// out how work is done and are shown with their text.
import type { AdjustmentMethod } from '../../domain/vocabulary.js';
import type { CadreFact, ToleranceRequestFact } from '../../domain/facts.js';
import { addYears, yearOf } from '../../domain/dates.js';
import { param, rule } from '../../policy/define.js';
import type { FactIndex } from '../../policy/fact-index.js';
import type { Citation, Rule, RuleContext, RuleKind } from '../../policy/types.js';
import { DOCUMENT, ITEMS } from './document.js';
import { assessSixElements, type SixElementsResult } from './six-elements.js';
import { yearValueName } from '../../policy/value-names.js';

function item(n: number): { section: string; text: string } {
  const it = ITEMS[n];
  if (!it) throw new Error(`anhui: no item ${n}`);
  return it;
}

/** The citation of item n: the document, the item number as printed (“11.”), the item's whole text. */
export function cite(n: number): Citation {
  return { document: DOCUMENT, article: `${n}.`, text: item(n).text };
}

/** The item's heading sentence (the words before the first 。), used as the rule's title. */
function heading(n: number): string {
  return item(n).text.split('。')[0]!;
}

/** A rule that is shown, not computed. */
function shown(id: string, n: number, kind: Exclude<RuleKind, 'computable'>, note?: string): Rule {
  return rule({ id, kind, title: heading(n), citation: cite(n), ...(note ? { note } : {}) });
}

/** Findings of one rule for one subject, gathered by year so each (rule, subject, year) fires once with every reason. */
class ByYear {
  private readonly rows = new Map<number, { because: string[]; conclusions: string[] }>();
  add(year: number, because: string[], conclusion: string): void {
    let row = this.rows.get(year);
    if (!row) this.rows.set(year, (row = { because: [], conclusions: [] }));
    for (const b of because) if (!row.because.includes(b)) row.because.push(b);
    if (!row.conclusions.includes(conclusion)) row.conclusions.push(conclusion);
  }
  fire(ctx: RuleContext, subject: string): void {
    for (const [year, row] of [...this.rows].sort((a, b) => a[0] - b[0]))
      ctx.fire({ subject, year, because: row.because, conclusion: row.conclusions.join('；') });
  }
}

const asOfYear = (ctx: RuleContext) => yearOf(ctx.asOf);

/** Determinations the competent organ made under one of this document's items, up to the evaluation date. */
function determinationsUnder(ctx: RuleContext, subject: string, clause: string) {
  return ctx.determinations(subject, `anhui/opinion/${clause}`);
}

// ————————————————————————————————— 一、大力教育引导干部担当作为、干事创业 —————————————————————————————————

export const o1 = shown('anhui/opinion/1', 1, 'principle');
export const o2 = shown('anhui/opinion/2', 2, 'principle');
export const o3 = shown('anhui/opinion/3', 3, 'principle');

// ————————————————————————————————— 二、鲜明树立重实干重实绩的用人导向 —————————————————————————————————

export const o4 = shown('anhui/opinion/4', 4, 'principle');
export const o5 = shown('anhui/opinion/5', 5, 'procedure');

/** 6.: the methods and how long each keeps the cadre from promotion. 引咎辞职/责令辞职 are not named in 6. */
const PERIOD_YEARS: Partial<Record<AdjustmentMethod, number>> = {
  调离岗位: 1,
  改任非领导职务: 1,
  免职: 1,
  降职: 2,
};
const YEARS_ZH = ['', '一', '两'];

export const o6 = rule({
  id: 'anhui/opinion/6',
  kind: 'computable',
  title: heading(6),
  citation: cite(6),
  note:
    '两部分：(1) 组织认定属于本项所列情形（determination clause "6"，如巡视巡察、环保督查、审计中发现贯彻执行不坚决不全面不到位，' +
    '或不作为、慢作为等）→ 预警：应予调整（调离、改任非领导职务、免职、降职等方式），已在认定之后作出调整的注明已调整；' +
    '(2) 影响期：调离岗位、改任非领导职务、免职的一年内不得提拔，降职的两年内不得提拔，自调整决定之日起计，' +
    '首个可提拔日 = 决定日 + N 年（2月29日 → 2月28日，见读法说明）。本项未规定引咎辞职、责令辞职的影响期，不据此计算。' +
    '与处分影响期重叠时取较晚者（national 规则包给出政务处分、党纪处分的影响期）。',
  forCadre(c, ctx) {
    const rows = new ByYear();
    const adjustments = ctx.facts.adjustments(c.id).filter((a) => a.date <= ctx.asOf);
    for (const a of adjustments) {
      const years = PERIOD_YEARS[a.method];
      if (years === undefined) continue;
      const until = addYears(a.date, years);
      const because = [
        `${c.id} ${a.date} ${a.method}`,
        `${YEARS_ZH[years]}年内不得提拔：自 ${a.date} 起计，${until} 起可提拔`,
      ];
      ctx.influence({ subject: c.id, blocks: 'promotion', until, because });
      rows.add(yearOf(a.date), because, `${a.method}的，${YEARS_ZH[years]}年内不得提拔（${until} 起方可提拔）`);
    }
    for (const d of determinationsUnder(ctx, c.id, '6')) {
      const done = adjustments.find((a) => a.date >= d.date && PERIOD_YEARS[a.method] !== undefined);
      rows.add(
        yearOf(d.date),
        [`${c.id} ${d.date} 组织认定 ${d.kind}（6.）`],
        done
          ? `已于 ${done.date} 作出调整（${done.method}）`
          : '预警：应予调整（根据具体情节，综合采取调离、改任非领导职务、免职、降职等方式）',
      );
    }
    rows.fire(ctx, c.id);
  },
});

// ————————————————————————————————— 三、充分发挥干部考核评价的激励鞭策作用 —————————————————————————————————

export const o7 = shown('anhui/opinion/7', 7, 'procedure');
export const o8 = shown('anhui/opinion/8', 8, 'principle');

/**
 * 9. 排名靠后: the units this pack governs that rank among the last N (parameter) of their kind in a year's
 * 综合考核, computed once per evaluation in forAll and read by forCadre for the units' principals. Keyed by the
 * evaluation's fact index; evaluation is synchronous and forAll always runs before forCadre for the same rule,
 * so the entry read is always the current evaluation's.
 */
const lowRanked = new WeakMap<FactIndex, Map<string, { year: number; because: string[] }[]>>();

export const LOW_RANK_KEY = 'anhui.opinion.lowRankCount';
const LOW_RANK = param({
  key: LOW_RANK_KEY,
  type: 'number',
  description: '9. 综合考核“排名靠后”：同一年度同类单位中的后 N 名（正整数）。实施意见未规定名次数，由具体办法确定。',
  values: [],
});

export const o9 = rule({
  id: 'anhui/opinion/9',
  kind: 'computable',
  title: heading(9),
  citation: cite(9),
  note:
    '个人年度（综合）考核等次为优秀 → commendation:<year> = 嘉奖，并在一定范围内通报；不称职 → 预警：及时调整；' +
    '组织认定不适宜担任现职（determination clause "9"）→ 及时调整。单位综合考核（scheme comprehensive）排名靠后 → 约谈，' +
    '对单位及其主要负责人给出；“靠后”的名次数本项未规定，为开放参数 anhui.opinion.lowRankCount（后 N 名，同一年度同类单位中），' +
    '未配置时报告缺口。只看评价日期所在年度之前的考核年度（见读法说明）。',
  forAll(ctx) {
    const byCadre = new Map<string, { year: number; because: string[] }[]>();
    lowRanked.set(ctx.facts, byCadre);
    const ranked: { unit: string; kind: string; year: number; rank: number }[] = [];
    const last = new Map<string, number>(); // `${year}|${kind}` → the last place
    for (const u of ctx.units())
      for (const a of ctx.facts.unitAssessments(u.id, 'comprehensive')) {
        if (a.rank === undefined || a.year >= asOfYear(ctx)) continue;
        ranked.push({ unit: u.id, kind: u.kind, year: a.year, rank: a.rank });
        const key = `${a.year}|${u.kind}`;
        last.set(key, Math.max(last.get(key) ?? 0, a.rank));
      }
    if (ranked.length === 0) return;
    const n = ctx.param(LOW_RANK);
    if (n === undefined) return;
    if (!Number.isInteger(n) || n <= 0) {
      ctx.gap(`参数无效：${LOW_RANK_KEY}=${String(n)}（应为正整数 must be a positive integer）`);
      return;
    }
    for (const r of ranked) {
      const lastPlace = last.get(`${r.year}|${r.kind}`)!;
      if (r.rank <= lastPlace - n) continue;
      const because = [
        `${r.unit} ${r.year} comprehensive 第${r.rank}名（同年度同类单位末位为第${lastPlace}名）`,
        `排名靠后：后${n}名 (${LOW_RANK_KEY})`,
      ];
      ctx.fire({ subject: r.unit, year: r.year, because, conclusion: '综合考核排名靠后，进行约谈' });
      for (const p of ctx.facts.cadresOf(r.unit)) {
        if (p.post !== 'principal') continue;
        const list = byCadre.get(p.id) ?? [];
        list.push({ year: r.year, because: [...because, `${p.id} 为 ${r.unit} 主要负责人`] });
        byCadre.set(p.id, list);
      }
    }
  },
  forCadre(c, ctx) {
    const rows = new ByYear();
    for (const a of ctx.facts.cadreAssessments(c.id)) {
      if (a.year >= asOfYear(ctx)) continue;
      if (a.grade === '优秀') {
        ctx.set(c.id, yearValueName('commendation', a.year), '嘉奖');
        rows.add(a.year, [`${c.id} ${a.year} 年度考核 优秀`], '给予嘉奖、在一定范围内通报');
      } else if (a.grade === '不称职') {
        rows.add(a.year, [`${c.id} ${a.year} 年度考核 不称职`], '预警：不称职，应及时调整');
      }
    }
    for (const d of determinationsUnder(ctx, c.id, '9'))
      rows.add(
        yearOf(d.date),
        [`${c.id} ${d.date} 组织认定 ${d.kind}（9.）不适宜担任现职`],
        '预警：不适宜担任现职，应及时调整',
      );
    for (const low of lowRanked.get(ctx.facts)?.get(c.id) ?? [])
      rows.add(low.year, low.because, '所在单位综合考核排名靠后，进行约谈');
    rows.fire(ctx, c.id);
  },
});

// ————————————————————————————————— 四、切实为敢于担当的干部撑腰鼓劲 —————————————————————————————————

export const o10 = shown(
  'anhui/opinion/10',
  10,
  'principle',
  '“三个区分开来”在 11. 的“性质程度”要件中计算：明令禁止后依然我行我素 (prohibited)、为谋取私利 (soughtPrivateGain) 等违纪违法行为不予容错。',
);

/**
 * The tolerance requests of one subject in the year of `r`, when `r` is the first of them (so each
 * (rule, subject, year) fires once, naming every request); undefined otherwise.
 */
function sameYearGroup(r: ToleranceRequestFact, ctx: RuleContext): ToleranceRequestFact[] | undefined {
  const y = yearOf(r.date);
  const group = ctx.facts.requests(r.subject).filter((x) => x.date <= ctx.asOf && yearOf(x.date) === y);
  return group[0] === r ? group : undefined;
}

const APPEAL = '对组织认定有不同意见的，本人可以提出申诉';

function toleranceConclusion(id: string, res: SixElementsResult): string {
  switch (res.outcome) {
    case '免责':
      return `${id}：符合容错情形、可以免责，予以免责`;
    case '从轻减轻':
      return `${id}：符合容错情形、确需追究责任，可依纪依规从轻或减轻处理`;
    default:
      return `${id}：不符合容错情形，不予容错并予以说明（${res.reasons.join('；')}）`;
  }
}

const STATE_ZH = { met: '符合', notMet: '不符合', unknown: '未查明' } as const;

export const o11 = rule({
  id: 'anhui/opinion/11',
  kind: 'computable',
  title: heading(11),
  citation: cite(11),
  note:
    '六个要件（见 six-elements.ts）：动机态度 ← soughtPrivateGain；客观条件 ← knowingly（胡干蛮干）；程序方法 ← collectiveDecision' +
    '（须认定为 true，false 为个人专断，未认定为未查明）；性质程度 ← prohibited、collusion、integrityIssue、politicalIssue、criminal' +
    '（违纪违法行为）；后果影响 ← seriousConsequence（未挽回为影响恶劣）；挽回损失 ← remedied（须认定为 true）。' +
    '任一要件不符合或未查明 → tolerance:<id> = ineligible（不予容错，予以说明）；六要件均符合 → eligible：无重大损失或严重后果的予以免责，' +
    '有重大损失或严重后果但已主动挽回的“确需追究责任”，从轻或减轻处理。结论均注明本人可以提出申诉。',
  forRequest(r, ctx) {
    if (r.date > ctx.asOf) return;
    ctx.set(r.subject, `tolerance:${r.id}`, assessSixElements(r.findings).eligible ? 'eligible' : 'ineligible');
    const group = sameYearGroup(r, ctx);
    if (!group) return;
    const because: string[] = [];
    const conclusions: string[] = [];
    for (const x of group) {
      const res = assessSixElements(x.findings);
      because.push(`${x.id} ${x.date} ${x.subject} 容错申请（依据 anhui/opinion/${x.situation}）`);
      for (const e of res.elements) because.push(`${x.id} ${e.element}：${STATE_ZH[e.state]} — ${e.reason}`);
      conclusions.push(toleranceConclusion(x.id, res));
    }
    ctx.fire({ subject: r.subject, year: yearOf(r.date), because, conclusion: `${conclusions.join('；')}。${APPEAL}` });
  },
});

export const RECTIFICATION_KEY = 'anhui.opinion.rectificationDays';
const RECTIFICATION_DAYS = param({
  key: RECTIFICATION_KEY,
  type: 'number',
  description:
    '12. 容错免责决定所附纠错要求的整改期限（自决定作出之日起的天数）。实施意见只说“责令限期整改”，未规定天数。',
  values: [],
});

export const o12 = rule({
  id: 'anhui/opinion/12',
  kind: 'computable',
  title: heading(12),
  citation: cite(12),
  note:
    '(1) 每一项 11. 认定为符合容错情形的请求（免责或从轻减轻）→ 提出纠错要求、责令限期整改并跟踪整改情况；整改期限本项未规定天数，' +
    '为开放参数 anhui.opinion.rectificationDays（自容错免责决定作出之日起的天数），未配置时报告缺口；' +
    '(2) 整改不力或拒不整改（经提醒仍不纠偏 ignoredReminder）→ 按照有关规定予以问责；' +
    '(3) 组织认定捏造事实、虚假告发干部造成恶劣影响（determination clause "12"，对告发人）→ 依纪依法追究责任，纳入失信“黑名单”。',
  forRequest(r, ctx) {
    if (r.date > ctx.asOf) return;
    const group = sameYearGroup(r, ctx);
    if (!group) return;
    const because: string[] = [];
    const conclusions: string[] = [];
    for (const x of group) {
      const res = assessSixElements(x.findings);
      if (res.eligible) {
        const days = ctx.param(RECTIFICATION_DAYS);
        because.push(`${x.id} ${x.date} ${x.subject} 容错认定：${res.outcome}（11.）`);
        conclusions.push(
          `${x.id}：作出容错免责决定时提出纠错要求，责令限期整改` +
            (days !== undefined ? `（自决定作出之日起${days}日内）` : '（整改期限未配置）') +
            '，并跟踪了解整改情况；考核考察客观评价，选拔任用公正合理',
        );
      }
      if (x.findings.ignoredReminder === true) {
        because.push(`${x.id} ${x.subject} 经提醒仍不纠偏 (ignoredReminder)`);
        conclusions.push(`${x.id}：整改不力或拒不整改，按照有关规定予以问责`);
      }
    }
    if (conclusions.length > 0)
      ctx.fire({ subject: r.subject, year: yearOf(r.date), because, conclusion: conclusions.join('；') });
  },
  forCadre(c, ctx) {
    const rows = new ByYear();
    for (const d of determinationsUnder(ctx, c.id, '12'))
      rows.add(
        yearOf(d.date),
        [`${c.id} ${d.date} 组织认定 ${d.kind}（12.）捏造事实、虚假告发干部造成恶劣影响`],
        '诬告陷害：依纪依法追究责任，纳入失信“黑名单”；为受到不实反映的干部澄清正名',
      );
    rows.fire(ctx, c.id);
  },
});

// ————————————————————————————————— 五、着力增强干部适应新时代发展要求的本领能力 —————————————————————————————————

export const o13 = shown('anhui/opinion/13', 13, 'procedure');
export const o14 = shown('anhui/opinion/14', 14, 'procedure');

// ————————————————————————————————— 六、满怀热情关心关爱干部 —————————————————————————————————

/**
 * 15. 选树的优秀典型: an honor conferred by the province (省委 selects them) whose title names the selection or an
 * 优秀…书记 / 优秀典型. Titles are free words in the record, so the match is on those words.
 */
export function isSelectedExemplar(h: { conferredBy: string; title: string }): boolean {
  if (h.conferredBy !== 'provincial') return false;
  return h.title.includes('选树') || h.title.includes('优秀典型') || /优秀.*书记/.test(h.title);
}

const SELECTION_CYCLE_YEARS = 2;

export const o15 = rule({
  id: 'anhui/opinion/15',
  kind: 'computable',
  title: heading(15),
  citation: cite(15),
  note:
    '(1) 省级选树的优秀典型（honor conferredBy provincial，称号含“选树”“优秀典型”或“优秀…书记”）→ 事迹突出的及时提拔使用：' +
    'priorityPromotion = true（是否“事迹突出”由组织研究决定）；(2) 每2年选树一批：记录中最近一次选树的年份 + 2 即下一轮的年份，' +
    '评价日期所在年度已到或已过该年份时，对本规则包所辖顶层单位提示开展新一轮选树。记录中没有选树时不推算。' +
    '“从乡镇事业编制人员、优秀村干部、大学生村官中选拔乡镇领导班子成员力度，原则上每2年开展一次”在记录中无对应事实，不计算。',
  forCadre(c, ctx) {
    const rows = new ByYear();
    for (const h of ctx.facts.honors(c.id)) {
      if (h.date > ctx.asOf || !isSelectedExemplar(h)) continue;
      ctx.set(c.id, 'priorityPromotion', true);
      rows.add(
        yearOf(h.date),
        [`${c.id} ${h.date} ${h.title}（${h.conferredBy}）`],
        '选树的优秀典型，事迹突出的及时提拔使用',
      );
    }
    rows.fire(ctx, c.id);
  },
  forAll(ctx) {
    let lastYear: number | undefined;
    let lastBecause = '';
    for (const c of ctx.cadres())
      for (const h of ctx.facts.honors(c.id)) {
        if (h.date > ctx.asOf || !isSelectedExemplar(h)) continue;
        const y = yearOf(h.date);
        if (lastYear === undefined || y > lastYear) {
          lastYear = y;
          lastBecause = `最近一次选树：${y} 年（${c.id} ${h.date} ${h.title}）`;
        }
      }
    if (lastYear === undefined) return;
    const due = lastYear + SELECTION_CYCLE_YEARS;
    if (asOfYear(ctx) < due) return;
    const roots = ctx.units().filter((u) => u.parent === undefined || ctx.facts.unit(u.parent) === undefined);
    for (const u of roots)
      ctx.fire({
        subject: u.id,
        year: due,
        because: [lastBecause, `每${SELECTION_CYCLE_YEARS}年选树一批：下一轮 ${due} 年`],
        conclusion:
          asOfYear(ctx) === due
            ? `${due} 年应开展新一轮优秀典型选树`
            : `${due} 年应开展的优秀典型选树尚无记录，应予开展`,
      });
  },
});

export const o16 = rule({
  id: 'anhui/opinion/16',
  kind: 'computable',
  title: heading(16),
  citation: cite(16),
  note:
    '上级领导班子主要负责同志每年与下级领导班子主要负责同志进行谈心谈话：对每个有上级单位的单位的主要负责人（post principal），' +
    '在评价日期所在年度给出应谈对象及谈话人（上级单位的主要负责人），供关心关爱（谈心谈话）覆盖检查。内设机构 (internal_dept) ' +
    '不是领导班子，不计。',
  forCadre(c, ctx) {
    if (c.post !== 'principal') return;
    const unit = ctx.facts.unit(c.unit);
    if (!unit || unit.kind === 'internal_dept' || unit.parent === undefined) return;
    const upper = ctx.facts.unit(unit.parent);
    if (!upper) return;
    const talkers = ctx.facts.cadresOf(upper.id).filter((x: CadreFact) => x.post === 'principal');
    const year = asOfYear(ctx);
    ctx.fire({
      subject: c.id,
      year,
      because: [
        `${c.id} 为 ${unit.id} 主要负责人`,
        talkers.length > 0
          ? `上级 ${upper.id} 主要负责人：${talkers.map((t) => t.id).join('、')}`
          : `上级 ${upper.id} 主要负责人未在册`,
      ],
      conclusion: `${year} 年内上级领导班子主要负责同志${talkers.length > 0 ? `（${talkers.map((t) => t.id).join('、')}）` : ''}应与其进行谈心谈话`,
    });
  },
});

export const o17 = shown('anhui/opinion/17', 17, 'procedure');

/** 18. 先进模范人物、优秀公务员等: honors whose title names them. */
export function isModelOrExcellentOfficial(title: string): boolean {
  return /优秀公务员|先进|模范|英雄/.test(title);
}

export const o18 = rule({
  id: 'anhui/opinion/18',
  kind: 'computable',
  title: heading(18),
  citation: cite(18),
  note:
    '定期组织先进模范人物、优秀公务员等疗养：获得称号含“优秀公务员”“先进”“模范”“英雄”的荣誉（任何授予机关）的干部，' +
    '列入疗养安排，按荣誉年份给出。体检标准（艰苦地区、急难险重一线）、年休假、配偶子女随调随迁在记录中无对应事实，不计算。',
  forCadre(c, ctx) {
    const rows = new ByYear();
    for (const h of ctx.facts.honors(c.id)) {
      if (h.date > ctx.asOf || !isModelOrExcellentOfficial(h.title)) continue;
      rows.add(
        yearOf(h.date),
        [`${c.id} ${h.date} ${h.title}（${h.conferredBy}）`],
        '先进模范人物、优秀公务员等，定期组织疗养',
      );
    }
    rows.fire(ctx, c.id);
  },
});

// ————————————————————————————————— 七、凝聚形成创新创业的强大合力 —————————————————————————————————

export const o19 = shown('anhui/opinion/19', 19, 'principle');
export const o20 = shown('anhui/opinion/20', 20, 'procedure');

export const opinionRules: Rule[] = [
  o1,
  o2,
  o3,
  o4,
  o5,
  o6,
  o7,
  o8,
  o9,
  o10,
  o11,
  o12,
  o13,
  o14,
  o15,
  o16,
  o17,
  o18,
  o19,
  o20,
];

export const opinionParams = [LOW_RANK, RECTIFICATION_DAYS];
