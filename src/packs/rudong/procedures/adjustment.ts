// 如东县人民检察院 能上能下 (调整不适宜担任现职干部), as 《如东县人民检察院推进党员干部能上能下实施细则》 第十条–第十二条
// prescribe it (PROCEDURES §3.4): 考察核实 hearing the masses, work and service recipients; the talk with the cadre
// before the proposal (reasons, 陈述意见); the 政治部's 调整建议 (reason and method); the 党组's collective decision
// after hearing 有关方面; the talk announcing it; 任免 (elected and statutory posts by their statutory procedure);
// then the influence period of 第十一条 during which a 复核 or 申诉 does not suspend the decision, 级别 and 工资待遇
// change from the next month, follow-up (第十二条), and re-use once the period is over.
import type { ActorSpec, ProcedureDef } from '../../../domain/procedure.js';
import {
  citing,
  closeAfterPeriod,
  endPeriod,
  followUp,
  methodPeriods,
  openOnSituation,
  reuse,
} from '../../../workflow/steps.js';

const DOC = '如东县人民检察院推进党员干部能上能下实施细则';
const at = citing(DOC);

const POLITICAL_DEPT: ActorSpec = { roles: ['org_officer'], scope: 'handling', body: '政治部' };
const PARTY_GROUP: ActorSpec = { roles: ['committee_member'], scope: 'handling', body: '院党组' };
const ANNOUNCER: ActorSpec = {
  roles: ['committee_member', 'org_officer'],
  scope: 'handling',
  body: '党组负责同志或者政治部负责同志',
};
const CADRE: ActorSpec = { roles: ['cadre'], scope: 'subject', body: '干部本人' };

const METHODS = ['transfer', 'non_leading', 'removal', 'resign_blame', 'resign_ordered', 'demotion'] as const;

export const rudongAdjustment: ProcedureDef = {
  pack: 'rudong',
  procedure: 'adjustment',
  version: '1',
  title: '如东县人民检察院调整不适宜担任现职干部程序',
  documents: [DOC],
  subjects: ['cadre'],
  outcomes: METHODS,
  adjustment: {
    periods: methodPeriods(),
    periodsCitation: at('第十一条'),
    payFromNextMonth: at('第十条 末段'),
  },
  states: {
    verifying: { label: '考察核实' },
    verified: { label: '已作出评价和认定，待提出调整建议' },
    proposed: { label: '已提出调整建议，待党组集体研究' },
    decided: { label: '党组已作出调整决定，待谈话' },
    announced: { label: '已谈话宣布组织决定，待履行任免程序' },
    in_effect: { label: '调整已执行，影响期内' },
    period_over: { label: '影响期满' },
    closed: { label: '办结', final: true },
  },
  actions: [
    openOnSituation({
      label: '启动考察核实',
      to: 'verifying',
      actor: POLITICAL_DEPT,
      situation: { label: '不适宜担任现职的情形', citation: at('第四条') },
      citation: at('第十条（1）', '启动者原文未写明；第十三条由政治部承担具体工作责任'),
    }),
    {
      id: 'hear_others',
      label: '听取群众反映和工作对象、服务对象等相关人员的意见',
      from: ['verifying'],
      to: 'verifying',
      actor: POLITICAL_DEPT,
      marks: ['othersHeard'],
      inputs: [
        { name: 'heard', label: '听取意见的人员', kind: 'names', required: true },
        { name: 'opinions', label: '意见', kind: 'text', required: true },
      ],
      citation: at('第十条（1）'),
    },
    {
      id: 'verify',
      label: '作出客观公正评价和准确认定',
      from: ['verifying'],
      to: 'verified',
      actor: POLITICAL_DEPT,
      when: { marks: { othersHeard: true } },
      inputs: [
        {
          name: 'sources',
          label: '综合分析的情况（年度考核、平时考核、任职考察、巡视巡察、审计等）',
          kind: 'names',
          required: true,
          citation: at('第十条（1）'),
        },
        { name: 'findings', label: '评价和认定', kind: 'text', required: true },
      ],
      produces: ['考察核实材料'],
      citation: at('第十条（1）', '“要注重听取”读作作出认定前须已听取'),
    },
    {
      id: 'dismiss',
      label: '经考察核实不予调整',
      from: ['verifying', 'verified'],
      to: 'closed',
      actor: POLITICAL_DEPT,
      reasonRequired: true,
      citation: at('第十条（1）', '原文未规定考察核实后不予调整的情形；未能认定的，写明理由后办结'),
    },
    {
      id: 'hear_cadre',
      label: '与干部本人谈话，说明调整理由，听取陈述意见',
      from: ['verified'],
      to: 'verified',
      actor: POLITICAL_DEPT,
      marks: ['cadreHeard'],
      inputs: [{ name: 'statement', label: '本人陈述意见', kind: 'text', required: true }],
      produces: ['谈话记录'],
      citation: at('第十条（2）'),
    },
    {
      id: 'propose',
      label: '提出调整建议',
      from: ['verified'],
      to: 'proposed',
      actor: POLITICAL_DEPT,
      concludes: METHODS,
      when: { marks: { cadreHeard: true } },
      inputs: [
        { name: 'grounds', label: '调整原因', kind: 'text', required: true, citation: at('第十条（2）') },
        { name: 'outcome', label: '调整方式', kind: 'outcome', required: true, citation: at('第五条') },
      ],
      produces: ['调整建议'],
      citation: at('第十条（2）'),
    },
    {
      id: 'hear_parties',
      label: '作出决定前听取有关方面意见',
      from: ['proposed'],
      to: 'proposed',
      actor: PARTY_GROUP,
      marks: ['partiesHeard'],
      inputs: [
        { name: 'heard', label: '听取意见的有关方面', kind: 'names', required: true },
        { name: 'opinions', label: '意见', kind: 'text', required: true },
      ],
      citation: at('第十条（3）'),
    },
    {
      id: 'decide',
      label: '党组召开会议集体研究，作出调整决定',
      from: ['proposed'],
      to: 'decided',
      actor: PARTY_GROUP,
      concludes: METHODS,
      when: { marks: { partiesHeard: true } },
      inputs: [
        { name: 'outcome', label: '决定的调整方式', kind: 'outcome', required: true, citation: at('第五条') },
        { name: 'meeting', label: '党组会议', kind: 'text', required: true },
      ],
      produces: ['调整决定'],
      citation: at('第十条（3）'),
    },
    {
      id: 'send_back',
      label: '党组未同意调整建议，退回政治部',
      from: ['proposed'],
      to: 'verified',
      actor: PARTY_GROUP,
      reasonRequired: true,
      clears: ['partiesHeard'],
      citation: at('第十条（3）', '原文未规定党组不同意的处理；退回政治部重新提出建议，写明理由'),
    },
    {
      id: 'announce',
      label: '与调整对象谈话，宣布组织决定',
      from: ['decided'],
      to: 'announced',
      actor: ANNOUNCER,
      inputs: [{ name: 'notes', label: '谈话情况', kind: 'text', required: true }],
      citation: at('第十条（4）'),
    },
    {
      id: 'appoint',
      label: '按照有关规定履行任免程序',
      from: ['announced'],
      to: 'in_effect',
      actor: POLITICAL_DEPT,
      effect: 'adjustment_record',
      inputs: [
        {
          name: 'statutory',
          label: '选举或依法任免的职务所履行的法定程序',
          kind: 'text',
          required: false,
          citation: at('第十条（5）', '对选举和依法任免的干部按法律法规规定的程序进行，此处只记录，不作模拟'),
        },
      ],
      citation: at('第十条（5）'),
    },
    {
      id: 'appeal',
      label: '申请复核或者向上级组织（人事）部门提出申诉',
      from: ['in_effect'],
      to: 'in_effect',
      actor: CADRE,
      when: { marks: { appealed: false } },
      marks: ['appealed'],
      inputs: [
        { name: 'kind', label: '复核或申诉', kind: 'text', required: true },
        { name: 'statement', label: '理由', kind: 'text', required: true },
      ],
      produces: ['复核申请或申诉书'],
      citation: at('第十条 末段', '复核、申诉期间不停止调整决定的执行：案件停留在影响期内'),
    },
    {
      id: 'answer_appeal',
      label: '作出复核或申诉处理意见',
      from: ['in_effect'],
      to: 'in_effect',
      actor: POLITICAL_DEPT,
      when: { marks: { appealed: true, appealAnswered: false } },
      marks: ['appealAnswered'],
      inputs: [{ name: 'answer', label: '处理意见', kind: 'text', required: true }],
      citation: at('第十条 末段', '复核机关原文写作“按照有关规定”，读作作出决定的机关'),
    },
    followUp(POLITICAL_DEPT, at('第十二条')),
    {
      id: 'pay_change',
      label: '从调整岗位的次月起调整级别和工资待遇',
      from: ['in_effect'],
      to: 'in_effect',
      actor: POLITICAL_DEPT,
      when: { marks: { payChanged: false } },
      marks: ['payChanged'],
      inputs: [{ name: 'notes', label: '调整后的级别和工资待遇', kind: 'text', required: true }],
      citation: at('第十条 末段'),
    },
    endPeriod(POLITICAL_DEPT, at('第十一条', '级别和工资待遇的调整是影响期内必须完成的事项'), {
      marks: { payChanged: true },
    }),
    reuse(POLITICAL_DEPT, at('第十二条')),
    closeAfterPeriod(POLITICAL_DEPT, at('第十二条')),
  ],
};
