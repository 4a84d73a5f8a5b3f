// 江苏 能上能下 (调整不适宜担任现职的领导干部), as 《江苏省推进党政领导干部能上能下办法》 第十一条–第十三条 prescribe it
// (PROCEDURES §1.5): the 书面报告 of the department or city to the 省委组织部, its 审核, the 调整建议, the 省委's
// 审批, 任免 under the appointment procedure, then the influence period of 第十二条 with the follow-up of 第十三条 and
// re-use once it is over. The text names no hearing of the cadre, no decision talk and no appeal, so none is here.
// Cases also start ex officio, from a situation the organisation has confirmed (经组织认定, 第六条–第十条).
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

const DOC = '江苏省推进党政领导干部能上能下办法';
const at = citing(DOC);

const REPORTER: ActorSpec = {
  roles: ['org_officer', 'unit_liaison'],
  scope: 'subject',
  body: '省级机关有关职能部门、设区市',
};
const ORG: ActorSpec = { roles: ['org_officer'], scope: 'handling', body: '省委组织部' };
const COMMITTEE: ActorSpec = { roles: ['committee_member'], scope: 'handling', body: '省委' };

const METHODS = ['transfer', 'non_leading', 'removal', 'resign_blame', 'resign_ordered', 'demotion'] as const;

export const jiangsuAdjustment: ProcedureDef = {
  pack: 'jiangsu',
  procedure: 'adjustment',
  version: '1',
  title: '江苏省调整不适宜担任现职领导干部程序',
  documents: [DOC],
  subjects: ['cadre'],
  outcomes: METHODS,
  adjustment: {
    periods: methodPeriods(),
    periodsCitation: at('第十二条'),
  },
  states: {
    reported: { label: '已书面报告，待审核' },
    reviewing: { label: '审核' },
    proposed: { label: '已提出调整建议，待省委审批' },
    decided: { label: '省委已审批，待履行任免程序' },
    in_effect: { label: '调整已执行，影响期内' },
    period_over: { label: '影响期满' },
    closed: { label: '办结', final: true },
  },
  actions: [
    {
      id: 'report',
      label: '形成书面报告提交省委组织部',
      from: ['new'],
      to: 'reported',
      actor: REPORTER,
      start: 'application',
      inputs: [
        { name: 'alert', label: '所依据的预警', kind: 'reference', required: false },
        { name: 'situation', label: '具体情形', kind: 'text', required: true, citation: at('第十一条') },
        { name: 'determination', label: '认定结果', kind: 'text', required: true, citation: at('第十一条') },
        { name: 'suggestion', label: '相关建议', kind: 'text', required: true, citation: at('第十一条') },
      ],
      produces: ['书面报告'],
      citation: at('第十一条'),
    },
    openOnSituation({
      label: '依经组织认定的情形启动调整',
      to: 'reviewing',
      actor: ORG,
      situation: { label: '经组织认定的情形', citation: at('第六条至第十条') },
      citation: at('第六条至第十条', '各情形均以“经组织认定不适宜担任现职”为前提，组织部门据此可直接启动审核'),
    }),
    {
      id: 'accept',
      label: '接收书面报告，进行审核',
      from: ['reported'],
      to: 'reviewing',
      actor: ORG,
      citation: at('第十一条'),
    },
    {
      id: 'dismiss',
      label: '经审核不予调整',
      from: ['reported', 'reviewing'],
      to: 'closed',
      actor: ORG,
      reasonRequired: true,
      citation: at('第十一条', '原文未规定审核后不予调整的情形；审核未能确认所报情形的，写明理由后办结'),
    },
    {
      id: 'propose',
      label: '研究提出调整建议报省委审批',
      from: ['reviewing'],
      to: 'proposed',
      actor: ORG,
      concludes: METHODS,
      inputs: [
        { name: 'findings', label: '审核情况', kind: 'text', required: true },
        { name: 'outcome', label: '建议的调整方式', kind: 'outcome', required: true, citation: at('第四条') },
        { name: 'grounds', label: '调整理由', kind: 'text', required: true },
      ],
      produces: ['调整建议'],
      citation: at('第十一条'),
    },
    {
      id: 'approve',
      label: '省委审批',
      from: ['proposed'],
      to: 'decided',
      actor: COMMITTEE,
      concludes: METHODS,
      inputs: [{ name: 'outcome', label: '批准的调整方式', kind: 'outcome', required: true, citation: at('第四条') }],
      produces: ['调整决定'],
      citation: at('第十一条'),
    },
    {
      id: 'send_back',
      label: '省委未予批准，退回重新研究',
      from: ['proposed'],
      to: 'reviewing',
      actor: COMMITTEE,
      reasonRequired: true,
      citation: at('第十一条', '原文未规定审批不同意的处理；退回省委组织部重新研究，写明理由'),
    },
    {
      id: 'appoint',
      label: '按照干部任免程序进行调整',
      from: ['decided'],
      to: 'in_effect',
      actor: ORG,
      effect: 'adjustment_record',
      inputs: [
        {
          name: 'statutory',
          label: '选举或依法任免的职务所履行的法定程序',
          kind: 'text',
          required: false,
          citation: at('第十一条', '“按照干部任免程序”包括对选举和依法任免职务的法定程序，此处只记录，不作模拟'),
        },
      ],
      citation: at('第十一条'),
    },
    followUp(ORG, at('第十三条')),
    endPeriod(ORG, at('第十二条')),
    reuse(ORG, at('第十三条')),
    closeAfterPeriod(ORG, at('第十三条')),
  ],
};
