// 陕西 容错认定, as 《陕西省党政干部容错纠错办法(试行)》 第八条 prescribes it (PROCEDURES §2.3): a written
// application by the unit or person under accountability, or the organ's own start; 受理; joint investigation
// hearing the 申诉意见 and ending in a 调查报告; the accepting organ's conclusion (a written reply when the case does
// not fit); feedback; publication of exemptions; 备案 with the 同级纪检监察机关 and 组织部门. No 会商, no collective
// decision and no appeal after the conclusion: the text has none. No time limits are stated.
import type { ActorSpec, ProcedureDef } from '../../../domain/procedure.js';
import {
  applyForTolerance,
  citing,
  notifyConclusion,
  openDuringAccountability,
  publishExemption,
} from '../../../workflow/steps.js';

const DOC = '陕西省党政干部容错纠错办法(试行)';
const at = citing(DOC);

const ORGAN: ActorSpec = {
  roles: ['discipline_officer', 'accountability_officer'],
  scope: 'handling',
  body: '受理机关或部门',
};
// 「相关单位或个人受到问责追责时…提出书面申请」: the unit or person under accountability applies for itself
const APPLICANT: ActorSpec = {
  roles: ['cadre', 'unit_liaison'],
  scope: 'subject',
  body: '受到问责追责的单位或个人',
  partyOnly: true,
};

export const shaanxiTolerance: ProcedureDef = {
  pack: 'shaanxi',
  procedure: 'tolerance',
  version: '1',
  title: '陕西省容错认定程序',
  documents: [DOC],
  subjects: ['cadre', 'unit'],
  states: {
    applied: { label: '已提出申请，待受理' },
    investigating: { label: '调查核实' },
    deciding: { label: '作出认定结论' },
    concluded: { label: '已作出认定结论' },
    notified: { label: '已反馈' },
    closed: { label: '已报备，办结', final: true },
  },
  actions: [
    applyForTolerance({
      label: '提出书面申请',
      to: 'applied',
      actor: APPLICANT,
      matterLabel: '所受问责追责',
      inputs: [
        { name: 'situation', label: '所依据的容错情形', kind: 'text', required: true, citation: at('第八条（一）') },
        { name: 'statement', label: '书面申请', kind: 'text', required: true, citation: at('第八条（一）') },
      ],
      produces: ['书面申请'],
      citation: at('第八条（一）'),
    }),
    openDuringAccountability({
      label: '主动进行容错',
      to: 'investigating',
      actor: ORGAN,
      citation: at('第八条第二款'),
    }),
    {
      id: 'accept',
      label: '受理申请',
      from: ['applied'],
      to: 'investigating',
      actor: ORGAN,
      citation: at('第八条（二）'),
    },
    {
      id: 'hear',
      label: '听取有关单位或个人的申诉意见',
      from: ['investigating'],
      to: 'investigating',
      actor: ORGAN,
      marks: ['heard'],
      inputs: [{ name: 'statement', label: '申诉意见', kind: 'text', required: true }],
      citation: at('第八条（二）'),
    },
    {
      id: 'report',
      label: '形成调查报告',
      from: ['investigating'],
      to: 'deciding',
      actor: ORGAN,
      when: { marks: { heard: true } },
      inputs: [
        { name: 'findings', label: '调查核实情况', kind: 'text', required: true },
        { name: 'with', label: '会同调查核实的有关部门', kind: 'names', required: false },
      ],
      produces: ['调查报告'],
      citation: at('第八条（二）'),
    },
    {
      id: 'conclude',
      label: '作出容错认定结论',
      from: ['deciding'],
      to: 'concluded',
      actor: ORGAN,
      concludes: ['exempt', 'lighter', 'mitigated'],
      inputs: [{ name: 'outcome', label: '认定结论', kind: 'outcome', required: true }],
      produces: ['容错认定结论'],
      citation: at('第八条（三）、第九条'),
    },
    {
      id: 'decline',
      label: '不符合容错情形，书面答复',
      from: ['applied', 'deciding'],
      to: 'concluded',
      actor: ORGAN,
      concludes: ['not_tolerated'],
      reasonRequired: true,
      inputs: [{ name: 'outcome', label: '认定结论', kind: 'outcome', required: true }],
      produces: ['书面答复'],
      citation: at(
        '第八条（二）（三）',
        '受理后只对符合容错情形的开展调查核实，不符合的经核实后书面答复；待受理的申请可经核实直接答复',
      ),
    },
    notifyConclusion({ label: '将认定结果反馈申请单位或本人', actor: ORGAN, citation: at('第八条（四）') }),
    publishExemption(ORGAN, at('第八条（四）')),
    {
      id: 'file',
      label: '报同级纪检监察机关、组织部门备案',
      from: ['notified'],
      to: 'closed',
      actor: ORGAN,
      when: { marksWhen: { outcome: ['exempt'], marks: { published: true } } },
      produces: ['备案'],
      citation: at('第八条（五）'),
    },
  ],
};
