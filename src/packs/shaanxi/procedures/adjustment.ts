// 陕西 能上能下 (省管党政领导干部的组织调整), as 《陕西省推进省管党政领导干部能上能下办法(试行)》 第十五条–第十六条
// prescribe it (PROCEDURES §2.4): 报告 (认定的过程、依据、结果和初步调整建议) to the 省委组织部, its 审核 hearing the
// units' 党委(党组), service recipients and the cadre's own 说明, the 调整意见 to the 省委, the 省委's 调整决定 and
// the 任免 that follows, the talk telling the cadre the reasons, then the influence period of 第十六条. Re-use after
// the period needs the 上一级组织人事部门's opinion first. The methods are those of 第四条: no 引咎辞职 / 责令辞职.
// No appeal and no follow-up tasks: the text states none.
import type { ActorSpec, ProcedureDef } from '../../../domain/procedure.js';
import { citing, closeAfterPeriod, endPeriod, methodPeriods, openOnSituation, reuse } from '../../../workflow/steps.js';

const DOC = '陕西省推进省管党政领导干部能上能下办法(试行)';
const at = citing(DOC);

const REPORTER: ActorSpec = { roles: ['org_officer', 'unit_liaison'], scope: 'subject', body: '市(区)、省级部门' };
const ORG: ActorSpec = { roles: ['org_officer'], scope: 'handling', body: '省委组织部' };
const COMMITTEE: ActorSpec = { roles: ['committee_member'], scope: 'handling', body: '省委' };

const METHODS = ['transfer', 'non_leading', 'removal', 'demotion'] as const;

export const shaanxiAdjustment: ProcedureDef = {
  pack: 'shaanxi',
  procedure: 'adjustment',
  version: '1',
  title: '陕西省省管党政领导干部组织调整程序',
  documents: [DOC],
  subjects: ['cadre'],
  outcomes: METHODS,
  adjustment: {
    periods: methodPeriods(METHODS),
    periodsCitation: at('第十六条'),
  },
  states: {
    reported: { label: '已书面报告，待审核' },
    reviewing: { label: '审核' },
    proposed: { label: '已提出调整意见，待省委审批' },
    decided: { label: '省委已作出调整决定，待履行任免程序' },
    in_effect: { label: '调整已执行，影响期内' },
    period_over: { label: '影响期满' },
    closed: { label: '办结', final: true },
  },
  actions: [
    {
      id: 'report',
      label: '书面报告省委组织部',
      from: ['new'],
      to: 'reported',
      actor: REPORTER,
      start: 'application',
      inputs: [
        { name: 'alert', label: '所依据的预警', kind: 'reference', required: false },
        { name: 'process', label: '认定的过程', kind: 'text', required: true, citation: at('第十五条（一）') },
        { name: 'basis', label: '认定的依据', kind: 'text', required: true, citation: at('第十五条（一）') },
        { name: 'result', label: '认定的结果', kind: 'text', required: true, citation: at('第十五条（一）') },
        { name: 'suggestion', label: '初步调整建议', kind: 'text', required: true, citation: at('第十五条（一）') },
      ],
      produces: ['书面报告'],
      citation: at('第十五条（一）'),
    },
    openOnSituation({
      label: '依考核结果和责任认定意见启动调整',
      to: 'reviewing',
      actor: ORG,
      situation: { label: '考核结果和责任认定意见', citation: at('第十四条') },
      citation: at('第十四条', '有关部门和市(区)提出的考核结果和责任认定意见已在组织部门的，可由组织部门直接审核'),
    }),
    {
      id: 'accept',
      label: '受理报告',
      from: ['reported'],
      to: 'reviewing',
      actor: ORG,
      citation: at('第十五条（二）'),
    },
    {
      id: 'hear_units',
      label: '听取有关单位党委(党组)和服务对象等意见',
      from: ['reviewing'],
      to: 'reviewing',
      actor: ORG,
      marks: ['unitsHeard'],
      inputs: [
        { name: 'heard', label: '听取意见的单位和人员', kind: 'names', required: true },
        { name: 'opinions', label: '意见', kind: 'text', required: true },
      ],
      citation: at('第十五条（二）'),
    },
    {
      id: 'hear_cadre',
      label: '听取干部本人说明',
      from: ['reviewing'],
      to: 'reviewing',
      actor: ORG,
      marks: ['cadreHeard'],
      inputs: [{ name: 'statement', label: '干部本人说明', kind: 'text', required: true }],
      produces: ['本人说明'],
      citation: at('第十五条（二）'),
    },
    {
      id: 'dismiss',
      label: '经核实不予调整',
      from: ['reported', 'reviewing'],
      to: 'closed',
      actor: ORG,
      reasonRequired: true,
      citation: at('第十五条（二）', '原文未规定核实后不予调整的情形；核实未能确认所报情形的，写明理由后办结'),
    },
    {
      id: 'propose',
      label: '根据审核情况提出调整意见报省委审批',
      from: ['reviewing'],
      to: 'proposed',
      actor: ORG,
      concludes: METHODS,
      when: { marks: { cadreHeard: true, unitsHeard: true } },
      inputs: [
        { name: 'findings', label: '审核情况', kind: 'text', required: true },
        { name: 'outcome', label: '建议的调整方式', kind: 'outcome', required: true, citation: at('第四条') },
        { name: 'grounds', label: '调整理由', kind: 'text', required: true },
      ],
      produces: ['调整意见'],
      citation: at(
        '第十五条（三）',
        '“注重听取”有关单位、服务对象和干部本人的意见，读作提出调整意见前须已听取；调整方式“视情节轻重予以确定”（第四条）',
      ),
    },
    {
      id: 'approve',
      label: '省委作出调整决定',
      from: ['proposed'],
      to: 'decided',
      actor: COMMITTEE,
      concludes: METHODS,
      inputs: [{ name: 'outcome', label: '决定的调整方式', kind: 'outcome', required: true, citation: at('第四条') }],
      produces: ['调整决定'],
      citation: at('第十五条（三）（四）'),
    },
    {
      id: 'send_back',
      label: '省委未予批准，退回重新审核',
      from: ['proposed'],
      to: 'reviewing',
      actor: COMMITTEE,
      reasonRequired: true,
      citation: at('第十五条（三）', '原文未规定审批不同意的处理；退回省委组织部重新审核，写明理由'),
    },
    {
      id: 'talk',
      label: '与决定调整的干部谈话，告知理由',
      from: ['decided'],
      to: 'decided',
      actor: ORG,
      when: { marks: { talked: false } },
      marks: ['talked'],
      inputs: [{ name: 'notes', label: '谈话情况', kind: 'text', required: true }],
      citation: at('第十五条（五）', '谈话人原文未规定，由组织部门负责'),
    },
    {
      id: 'appoint',
      label: '履行相关干部任免程序',
      from: ['decided'],
      to: 'in_effect',
      actor: ORG,
      when: { marks: { talked: true } },
      effect: 'adjustment_record',
      inputs: [
        {
          name: 'statutory',
          label: '选举或依法任免的职务所履行的法定程序',
          kind: 'text',
          required: false,
          citation: at('第十五条（四）', '对选举和依法任免的职务按法定程序办理，此处只记录，不作模拟'),
        },
      ],
      citation: at('第十五条（四）', '谈话列在任免之后，但对象是“决定调整的干部”：读作任免前完成谈话'),
    },
    endPeriod(ORG, at('第十六条')),
    {
      id: 'upper_opinion',
      label: '征求上一级组织人事部门意见',
      from: ['period_over'],
      to: 'period_over',
      actor: ORG,
      when: { marks: { upperConsulted: false } },
      marks: ['upperConsulted'],
      inputs: [
        { name: 'upper', label: '上一级组织人事部门', kind: 'text', required: true },
        { name: 'opinion', label: '意见', kind: 'text', required: true },
      ],
      citation: at('第十六条'),
    },
    reuse(ORG, at('第十六条'), { marks: { upperConsulted: true } }),
    closeAfterPeriod(ORG, at('第十六条')),
  ],
};
