import { TOLERANCE_FLAG_LABELS } from '../../domain/vocabulary.js';
// 陕西省党政干部容错纠错办法(试行) (2018). A tolerance request names the 第六条 situation it relies on
// (`situation: "6.4"`); the rules below say whether that situation is met, whether an exclusion in the text stands in
// the way (第四条 三个区分开来, 第七条 纪律红线、法律底线), and what a tolerated unit or cadre is spared (第九条).
// `tolerance:<requestId>` on the request's subject is `eligible` or `ineligible` (ineligible wins).
import type { ToleranceRequestFact } from '../../domain/facts.js';
import type { ToleranceFlag } from '../../domain/vocabulary.js';
import { rule } from '../../policy/define.js';
import type { RuleContext } from '../../policy/types.js';
import { TOLERANCE_DOC } from './common.js';

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一'];

/** The 第六条 item a request relies on (1–11), from `6.4`, `shaanxi/tolerance/6.4` or `第六条（四）`; else undefined. */
export function situationItem(situation: string): number | undefined {
  const s = situation.replace(/\s+/g, '').replace(/^(shaanxi\/)?(tolerance\/)?/, '');
  let m = /^6\.(\d{1,2})$/.exec(s);
  if (m) {
    const n = Number(m[1]);
    return n >= 1 && n <= 11 ? n : undefined;
  }
  m = /^第六条[（(]([一二三四五六七八九十]+)[）)]$/.exec(s);
  if (m) {
    const n = CN.indexOf(m[1]!) + 1;
    return n >= 1 ? n : undefined;
  }
  return undefined;
}

const FLAG_TEXT = TOLERANCE_FLAG_LABELS;

/** 第四条: the three distinctions — the wrongdoing on the other side of each line is not tolerated. */
const ARTICLE4: readonly ToleranceFlag[] = ['knowingly', 'prohibited', 'soughtPrivateGain'];
/** 第七条: tolerance only inside 纪律红线、法律底线 — crimes, collusion, political and integrity breaches are outside. */
const ARTICLE7: readonly ToleranceFlag[] = ['criminal', 'collusion', 'politicalIssue', 'integrityIssue'];

const flagLine = (r: ToleranceRequestFact, f: ToleranceFlag, v = true) =>
  `${r.id}：${v ? '' : '未认定'}${FLAG_TEXT[f]}`;

interface Assessment {
  item: number | undefined;
  /** the situation's own conditions, each with whether it holds */
  conditions: { flag: ToleranceFlag; want: boolean; ok: boolean }[];
  situationMet: boolean;
  exclusions: ToleranceFlag[];
  eligible: boolean;
}

/** The conditions an item of 第六条 itself states, beyond the general ones. */
const ITEM_CONDITIONS: Record<number, { flag: ToleranceFlag; want: boolean }[]> = {
  // (一) …但经过民主决策程序,没有为个人、他人或单位谋取不正当利益,且积极主动消除影响或挽回损失的
  1: [
    { flag: 'collectiveDecision', want: true },
    { flag: 'soughtPrivateGain', want: false },
    { flag: 'remedied', want: true },
  ],
  // (三) 法律、法规没有明令禁止…
  3: [{ flag: 'prohibited', want: false }],
};

export function assessRequest(r: ToleranceRequestFact): Assessment {
  const item = situationItem(r.situation);
  const conditions = (item !== undefined ? (ITEM_CONDITIONS[item] ?? []) : []).map((c) => ({
    ...c,
    // absent = not established: a condition that must hold needs `true`, one that must not needs anything but `true`
    ok: c.want ? r.findings[c.flag] === true : r.findings[c.flag] !== true,
  }));
  const situationMet = item !== undefined && conditions.every((c) => c.ok);
  const exclusions = [...ARTICLE4, ...ARTICLE7].filter((f) => r.findings[f] === true);
  return { item, conditions, situationMet, exclusions, eligible: situationMet && exclusions.length === 0 };
}

const live = (ctx: RuleContext, r: ToleranceRequestFact) => r.date <= ctx.asOf;

function situationRule(id: string, n: number, title: string) {
  return {
    id,
    kind: 'computable' as const,
    title,
    forRequest(r: ToleranceRequestFact, ctx: RuleContext) {
      if (!live(ctx, r)) return;
      const a = assessRequest(r);
      if (a.item !== n) return;
      if (!a.situationMet) {
        ctx.set(r.subject, `tolerance:${r.id}`, 'ineligible');
        return;
      }
      ctx.set(r.subject, `tolerance:${r.id}`, 'eligible');
      ctx.fire({
        subject: r.subject,
        because: [
          `${r.id} ${r.date} 申请，依据第六条（${CN[n - 1]}）`,
          ...a.conditions.map((c) => flagLine(r, c.flag, c.want)),
        ],
        conclusion:
          a.exclusions.length > 0
            ? `属第六条（${CN[n - 1]}）所列情形，但有不予容错的情形（见第四条、第七条），不予容错`
            : n === 11
              ? '符合容错情形（其他符合容错情形的，须经受理机关或部门认定）'
              : `符合第六条（${CN[n - 1]}）所列容错情形，可以进行容错`,
      });
    },
  };
}

function effectRule(n: number, forUnits: boolean, forCadres: boolean) {
  return (r: ToleranceRequestFact, ctx: RuleContext) => {
    if (!live(ctx, r) || !assessRequest(r).eligible) return;
    const isCadre = ctx.facts.cadre(r.subject) !== undefined;
    if ((isCadre && !forCadres) || (!isCadre && !forUnits)) return;
    ctx.fire({
      subject: r.subject,
      because: [`${r.id} 符合容错情形（${r.situation}），无不予容错情形`],
      conclusion: EFFECT[n]!,
    });
  };
}
const EFFECT: Record<number, string> = {
  1: '免责：单位年度目标责任考核及党风廉政建设责任制考核不受影响',
  2: '免责：干部提拔任用、职级职称晋升及工资、绩效、奖金等不受影响',
  3: '免责：党代表、人大代表和政协委员资格不受影响',
  4: '免责：评优评先不受影响',
};

export const toleranceRules = [
  rule({
    id: 'shaanxi/tolerance/2',
    kind: 'principle',
    title: '容错纠错的含义',
    citation: {
      document: TOLERANCE_DOC,
      article: '第二条',
      text: '容错纠错是指对有关单位和个人在履职担当、改革创新过程中,未能实现预期目标或出现偏差失误,但符合法律法规和政策规定,勤勉尽责、未谋取私利的,不作负面评价,及时纠错改正,免除相关责任或从轻减轻处理。',
    },
  }),
  rule({
    id: 'shaanxi/tolerance/3',
    kind: 'principle',
    title: '容错纠错工作原则',
    citation: {
      document: TOLERANCE_DOC,
      article: '第三条',
      text: '容错纠错工作应遵循以下原则:\n(一)坚持挺纪在前,依纪依法,坚守底线。\n(二)务必实事求是,区别对待,宽严相济。\n(三)鼓励改革创新,允许试错,宽容失误。\n(四)注重抓早抓小,着眼预防,及时纠错。\n(五)支持干事创业,勇于担当,激发活力。',
    },
  }),
  rule({
    id: 'shaanxi/tolerance/4',
    kind: 'computable',
    title: '三个区分开来：明知故犯、明令禁止后我行我素、谋取私利的不予容错',
    citation: {
      document: TOLERANCE_DOC,
      article: '第四条',
      text: '容错纠错应当准确把握政策界限,坚持把干部在推进改革中因缺乏经验、先行先试出现的失误和错误同明知故犯的违纪违法行为区分开来;把上级尚无明确限制的探索性实验中的失误和错误同上级明令禁止后依然我行我素的违纪违法行为区分开来;把为推动发展的无意过失同为谋取私利的违纪违法行为区分开来,保护改革者、鼓励探索者、宽容失误者、纠正偏差者、警醒违纪者。',
    },
    note: '认定为明知故犯（knowingly）、上级明令禁止后依然我行我素（prohibited）或为谋取私利（soughtPrivateGain）的，不予容错。',
    forRequest(r, ctx) {
      if (!live(ctx, r)) return;
      const hits = ARTICLE4.filter((f) => r.findings[f] === true);
      if (hits.length === 0) return;
      ctx.set(r.subject, `tolerance:${r.id}`, 'ineligible');
      ctx.fire({
        subject: r.subject,
        because: hits.map((f) => flagLine(r, f)),
        conclusion: '不予容错：属违纪违法行为，不在容错范围（三个区分开来）',
      });
    },
  }),
  rule({
    id: 'shaanxi/tolerance/5',
    kind: 'principle',
    title: '合理容错机制（综合分析）',
    citation: {
      document: TOLERANCE_DOC,
      article: '第五条',
      text: '建立合理容错机制。把支持改革发展与严格执纪相结合,正确处理执行政策、严明纪律与调动和保护干部积极性的关系,结合动机态度、客观条件、程序方法、性质程度、后果影响以及挽回损失等情况,对干部的失误错误进行综合分析,认真甄别、准确研判、妥善处置。',
    },
  }),
  rule({
    ...situationRule('shaanxi/tolerance/6.1', 1, '落实决策部署出现失误，经民主决策、未谋利且积极挽回'),
    citation: {
      document: TOLERANCE_DOC,
      article: '第六条（一）',
      text: '在落实党委、政府决策部署中,出现工作失误和偏差,但经过民主决策程序,没有为个人、他人或单位谋取不正当利益,且积极主动消除影响或挽回损失的;',
    },
  }),
  rule({
    ...situationRule('shaanxi/tolerance/6.2', 2, '改革创新中先行先试出现探索性失误'),
    citation: {
      document: TOLERANCE_DOC,
      article: '第六条（二）',
      text: '在推进改革和体制机制创新中,因缺乏经验,先行先试出现探索性失误或未达到预期效果的;',
    },
  }),
  rule({
    ...situationRule('shaanxi/tolerance/6.3', 3, '法律法规未明令禁止，政策界限不明确出现失误'),
    citation: {
      document: TOLERANCE_DOC,
      article: '第六条（三）',
      text: '法律、法规没有明令禁止,因政策界限不明确或不可预知的因素,在创造性开展工作中出现失误或造成影响和损失的;',
    },
  }),
  rule({
    ...situationRule('shaanxi/tolerance/6.4', 4, '推动重大项目和重点工作中大胆履职出现失误'),
    citation: {
      document: TOLERANCE_DOC,
      article: '第六条（四）',
      text: '在推动重大项目和重点工作中,因大胆履职、大力推进出现一定失误或引发矛盾的;',
    },
  }),
  rule({
    ...situationRule('shaanxi/tolerance/6.5', 5, '容缺受理、容缺审查出现失误'),
    citation: {
      document: TOLERANCE_DOC,
      article: '第六条（五）',
      text: '在服务企业、服务群众中,因着眼于提高效率进行容缺受理、容缺审查出现一定失误或偏差的;',
    },
  }),
  rule({
    ...situationRule('shaanxi/tolerance/6.6', 6, '国家政策调整或上级决策部署变化'),
    citation: {
      document: TOLERANCE_DOC,
      article: '第六条（六）',
      text: '因国家政策调整或上级党委、政府决策部署变化,工作未达到预期效果或造成负面影响和损失的;',
    },
  }),
  rule({
    ...situationRule('shaanxi/tolerance/6.7', 7, '处置突发事件、急难险重任务中担当作为出现失误'),
    citation: {
      document: TOLERANCE_DOC,
      article: '第六条（七）',
      text: '在处置突发事件或执行其他急难险重任务中,因主动揽责涉险、积极担当作为,出现一定失误或非议行为的;',
    },
  }),
  rule({
    ...situationRule('shaanxi/tolerance/6.8', 8, '化解矛盾、解决历史遗留问题造成一定损失'),
    citation: {
      document: TOLERANCE_DOC,
      article: '第六条（八）',
      text: '在化解矛盾焦点、解决历史遗留问题中,因勇于破除障碍、触及固有利益,造成一定损失或引发信访问题的;',
    },
  }),
  rule({
    ...situationRule('shaanxi/tolerance/6.9', 9, '自然灾害等不可抗力'),
    citation: {
      document: TOLERANCE_DOC,
      article: '第六条（九）',
      text: '工作中因自然灾害等不可抗力因素,导致未达到预期效果或造成负面影响和损失的;',
    },
  }),
  rule({
    ...situationRule('shaanxi/tolerance/6.10', 10, '按事发当时规定不应追责或从轻追责'),
    citation: {
      document: TOLERANCE_DOC,
      article: '第六条（十）',
      text: '按照事发当时法律、法规和有关规定,不应追究责任或从轻追究责任的;',
    },
  }),
  rule({
    ...situationRule('shaanxi/tolerance/6.11', 11, '其他符合容错情形的'),
    citation: { document: TOLERANCE_DOC, article: '第六条（十一）', text: '其他符合容错情形的。' },
  }),
  rule({
    id: 'shaanxi/tolerance/7',
    kind: 'computable',
    title: '审慎实施容错：纪律红线、法律底线',
    citation: {
      document: TOLERANCE_DOC,
      article: '第七条',
      text: '审慎实施容错。容错应当在纪律红线、法律底线内进行,精准适用情形,坚决防止混淆问题性质、拿容错当“保护伞”,搞纪律“松绑”。',
    },
    note: '应承担刑事责任、恶意串通（法律底线），政治立场问题、廉洁问题（纪律红线）的，不予容错。',
    forRequest(r, ctx) {
      if (!live(ctx, r)) return;
      const hits = ARTICLE7.filter((f) => r.findings[f] === true);
      if (hits.length === 0) return;
      ctx.set(r.subject, `tolerance:${r.id}`, 'ineligible');
      ctx.fire({
        subject: r.subject,
        because: hits.map((f) => flagLine(r, f)),
        conclusion: '不予容错：超出纪律红线、法律底线，防止拿容错当“保护伞”',
      });
    },
  }),
  rule({
    id: 'shaanxi/tolerance/8.1',
    kind: 'procedure',
    title: '提出申请（书面）',
    citation: {
      document: TOLERANCE_DOC,
      article: '第八条（一）',
      text: '提出申请。相关单位或个人受到问责追责时,认为符合容错情形之一的,按照干部管理权限向问责机关或部门提出书面申请。',
    },
  }),
  rule({
    id: 'shaanxi/tolerance/8.2',
    kind: 'procedure',
    title: '调查核实',
    citation: {
      document: TOLERANCE_DOC,
      article: '第八条（二）',
      text: '调查核实。受理机关或部门受理申请后,对符合容错情形的,应当会同有关部门开展调查核实,广泛收集相关证据材料,充分听取有关单位或个人的申诉意见,形成调查报告。',
    },
  }),
  rule({
    id: 'shaanxi/tolerance/8.3',
    kind: 'computable',
    title: '认定结论：不符合容错情形的书面答复',
    citation: {
      document: TOLERANCE_DOC,
      article: '第八条（三）',
      text: '认定结论。核实结束后,受理机关或部门应当以事实为依据,以纪律规定和法律法规为准绳,作出容错认定结论。对于不符合容错情形的,受理机关或部门在核实结束后给予书面答复。',
    },
    note: '申请所依据的情形不是第六条所列之一、该项自身条件未满足，或有第四条、第七条不予容错情形的，不符合容错情形，受理机关或部门给予书面答复。',
    forRequest(r, ctx) {
      if (!live(ctx, r)) return;
      const a = assessRequest(r);
      if (a.eligible) return;
      const because: string[] = [];
      if (a.item === undefined) because.push(`${r.id} 所依据的情形“${r.situation}”不是第六条所列情形`);
      else
        for (const c of a.conditions.filter((x) => !x.ok))
          because.push(`${r.id} 第六条（${CN[a.item - 1]}）要求${c.want ? '' : '没有'}${FLAG_TEXT[c.flag]}，未满足`);
      for (const f of a.exclusions) because.push(flagLine(r, f));
      ctx.set(r.subject, `tolerance:${r.id}`, 'ineligible');
      ctx.fire({ subject: r.subject, because, conclusion: '不符合容错情形：核实结束后给予书面答复' });
    },
  }),
  rule({
    id: 'shaanxi/tolerance/8.4',
    kind: 'procedure',
    title: '结果反馈（容错免责的在一定范围内公开）',
    citation: {
      document: TOLERANCE_DOC,
      article: '第八条（四）',
      text: '结果反馈。受理机关或部门将容错认定结果反馈给申请单位或本人。属于容错免责的,应当在一定范围内公开。',
    },
  }),
  rule({
    id: 'shaanxi/tolerance/8.5',
    kind: 'procedure',
    title: '资料报备（纪检监察机关、组织部门）',
    citation: {
      document: TOLERANCE_DOC,
      article: '第八条（五）',
      text: '资料报备。受理机关或部门将容错认定结果报同级纪检监察机关、组织部门备案。',
    },
  }),
  rule({
    id: 'shaanxi/tolerance/8',
    kind: 'procedure',
    title: '问责机关主动容错（依职权启动）',
    citation: {
      document: TOLERANCE_DOC,
      article: '第八条第二款',
      text: '具有干部管理权限的问责机关或部门发现相关单位和个人符合容错情形的,应当主动按照相关程序进行容错。',
    },
    note: '第八条第二款：具有干部管理权限的问责机关或部门发现符合容错情形的，不待申请，主动按第八条程序进行容错。',
  }),
  rule({
    id: 'shaanxi/tolerance/9.1',
    kind: 'computable',
    title: '容错单位：目标责任考核及党风廉政建设责任制考核不受影响',
    citation: {
      document: TOLERANCE_DOC,
      article: '第九条（一）',
      text: '单位年度目标责任考核及党风廉政建设责任制考核不受影响。',
    },
    forRequest: effectRule(1, true, false),
  }),
  rule({
    id: 'shaanxi/tolerance/9.2',
    kind: 'computable',
    title: '容错干部：提拔任用、晋升及工资奖金不受影响',
    citation: {
      document: TOLERANCE_DOC,
      article: '第九条（二）',
      text: '干部提拔任用、职级职称晋升及工资、绩效、奖金等不受影响。',
    },
    forRequest: effectRule(2, false, true),
  }),
  rule({
    id: 'shaanxi/tolerance/9.3',
    kind: 'computable',
    title: '容错干部：代表委员资格不受影响',
    citation: { document: TOLERANCE_DOC, article: '第九条（三）', text: '党代表、人大代表和政协委员资格不受影响。' },
    forRequest: effectRule(3, false, true),
  }),
  rule({
    id: 'shaanxi/tolerance/9.4',
    kind: 'computable',
    title: '容错单位和个人：评优评先不受影响',
    citation: { document: TOLERANCE_DOC, article: '第九条（四）', text: '单位和个人评优评先不受影响。' },
    forRequest: effectRule(4, true, true),
  }),
  rule({
    id: 'shaanxi/tolerance/9.5',
    kind: 'principle',
    title: '确需追责的可以减责；影响期满后提拔任用不受影响',
    citation: {
      document: TOLERANCE_DOC,
      article: '第九条（五）',
      text: '对确需追责的单位或个人,根据有关规定可以减责,酌情从轻、减轻处分或组织处理。有一定影响期的,影响期结束后提拔任用不受影响。',
    },
  }),
  rule({
    id: 'shaanxi/tolerance/10.1',
    kind: 'procedure',
    title: '抓早抓小，日常监督',
    citation: {
      document: TOLERANCE_DOC,
      article: '第十条（一）',
      text: '抓早抓小,加强日常监督管理。对工作中出现的苗头性、倾向性问题,早发现、早提醒、早纠正。对普遍存在的共性问题,及时掌握动态,有针对性地教育引导,完善制度机制。',
    },
  }),
  rule({
    id: 'shaanxi/tolerance/10.2',
    kind: 'procedure',
    title: '查找原因、纠正错误',
    citation: {
      document: TOLERANCE_DOC,
      article: '第十条（二）',
      text: '查找原因、纠正错误。采取监察建议、提醒约谈、诫勉谈话、责令纠错等方式督促有关单位或个人分析查找原因,制定改进措施,及时纠正偏差和失误,推动问题整改。',
    },
  }),
  rule({
    id: 'shaanxi/tolerance/10.3',
    kind: 'computable',
    title: '分类处置：主动挽回的体现政策，拒不改错的从严',
    citation: {
      document: TOLERANCE_DOC,
      article: '第十条（三）',
      text: '运用好“四种形态”,实施分类处置。通过咬耳扯袖、红脸出汗,在民主生活会上开展批评和自我批评,帮助干部及时纠正错误。对认错态度好、主动挽回损失和影响的,应当体现政策,予以免责,确需追究责任的,从轻减轻处理。对心存侥幸、隐瞒问题、拒不改错、对抗组织的,应当从严审查处理。',
    },
    note: '认定主动挽回损失和影响（remedied）的，应当体现政策（予以免责，确需追责的从轻减轻）；经提醒仍不纠偏（ignoredReminder）视为拒不改错，从严审查处理。',
    forRequest(r, ctx) {
      if (!live(ctx, r)) return;
      if (r.findings.ignoredReminder === true)
        ctx.fire({
          subject: r.subject,
          because: [flagLine(r, 'ignoredReminder')],
          conclusion: '拒不改错：应当从严审查处理',
        });
      else if (r.findings.remedied === true)
        ctx.fire({
          subject: r.subject,
          because: [flagLine(r, 'remedied')],
          conclusion: '主动挽回损失和影响：应当体现政策，予以免责；确需追究责任的，从轻减轻处理',
        });
    },
  }),
  rule({
    id: 'shaanxi/tolerance/11.1',
    kind: 'procedure',
    title: '澄清保护：消除负面影响',
    citation: {
      document: TOLERANCE_DOC,
      article: '第十一条（一）',
      text: '消除负面影响。对查无实据或轻微违纪但不够追究纪律责任的信访问题,可以通过谈心、召开会议和通报等适当方式,及时澄清事实,消除影响。',
    },
  }),
  rule({
    id: 'shaanxi/tolerance/11.2',
    kind: 'procedure',
    title: '查处诬告行为',
    citation: {
      document: TOLERANCE_DOC,
      article: '第十一条（二）',
      text: '查处诬告行为。对恶意中伤诬陷他人、干扰改革创新或持续无理上访造成恶劣影响的,坚决查处,依纪依法追究责任,典型案件通报曝光。',
    },
  }),
  rule({
    id: 'shaanxi/tolerance/11.3',
    kind: 'procedure',
    title: '公正核查处理',
    citation: {
      document: TOLERANCE_DOC,
      article: '第十一条（三）',
      text: '公正核查处理。核查有关问题时,全面收集各方面的意见建议,充分听取被反映单位或个人的解释和说明,综合考虑,公正处理。',
    },
  }),
  rule({
    id: 'shaanxi/tolerance/12',
    kind: 'principle',
    title: '组织领导与协作配合',
    citation: {
      document: TOLERANCE_DOC,
      article: '第十二条',
      text: '加强组织领导,密切协作配合,确保容错纠错工作取得实效。\n(一)各级党委、政府和相关工作部门应担负起容错纠错的主体责任,将其作为推动工作的重要举措,一级为一级负责,上级为下级担当,支持干部放手大胆工作。\n(二)各级纪检监察机关应当全面履行职责,严格执纪监督,把握政策界限,通过合理容错、及时纠错、澄清保护,消除干部思想顾虑,鼓励干部积极作为。\n(三)各级组织(人事)部门应当加强对干部的教育和管理,对符合容错情形的干部要及时予以容错,客观评价、宽容理解、大胆使用。\n(四)各级宣传部门应当统筹运用各类媒体资源,大力宣传支持保护干部干事创业的政策措施,加强正面引导,营造容错纠错的浓厚氛围。',
    },
  }),
];
