// 安徽 容错免责, as 《关于进一步激励广大干部新时代新担当新作为的实施意见》 第11、12项 give it (PROCEDURES §4.3):
// started during accountability by the 纪检监察机关 or 组织部门 and the functional departments, or on the 免责申请 of
// the unit or the cadre; investigation only 视情 (optional); an 认定意见 on the 六个要件; the organisation's 认定
// (the body is not named) — exempt, lighter or mitigated, or a refusal with its reasons (予以说明); every exemption
// carries a 纠错要求 with a deadline the decider sets (责令限期整改), and failing it brings accountability; 申诉 by the
// cadre (the reviewing body is not named). No feedback, publication or filing step is stated.
import type { ActorSpec, ProcedureDef } from '../../../domain/procedure.js';
import {
  appealOnce,
  applyForTolerance,
  citing,
  closeTolerance,
  openDuringAccountability,
  reviewAppeal,
} from '../../../workflow/steps.js';

const DOC = '关于进一步激励广大干部新时代新担当新作为的实施意见';
const at = citing(DOC);

const ORGAN: ActorSpec = {
  roles: ['discipline_officer', 'org_officer', 'accountability_officer'],
  scope: 'handling',
  body: '纪检监察机关或组织部门及相关职能部门',
};
const DECIDER: ActorSpec = {
  roles: ['discipline_officer', 'org_officer'],
  scope: 'handling',
  body: '组织',
};
const NO_BODY = '作出认定的机关不明：原文只说「组织认定」，读作按干部管理权限的纪检监察机关或组织部门';

export const anhuiTolerance: ProcedureDef = {
  pack: 'anhui',
  procedure: 'tolerance',
  version: '1',
  title: '安徽省容错免责认定程序',
  documents: [DOC],
  subjects: ['cadre'],
  states: {
    analysing: { label: '调查核实与综合分析' },
    deciding: { label: '组织认定' },
    concluded: { label: '已认定' },
    appealed: { label: '申诉中' },
    closed: { label: '已办结', final: true },
  },
  actions: [
    openDuringAccountability({
      label: '问责中同步考虑容错情形',
      to: 'analysing',
      actor: ORGAN,
      citation: at('第11项'),
    }),
    applyForTolerance({
      label: '提出免责申请',
      to: 'analysing',
      actor: { roles: ['cadre', 'unit_liaison'], scope: 'subject', body: '单位或本人' },
      matterLabel: '所受问责追责',
      produces: ['免责申请'],
      citation: at('第11项'),
    }),
    {
      id: 'investigate',
      label: '视情开展调查核实',
      from: ['analysing'],
      to: 'analysing',
      actor: ORGAN,
      when: { marks: { investigated: false } },
      marks: ['investigated'],
      inputs: [{ name: 'findings', label: '调查核实情况', kind: 'text', required: true }],
      citation: at('第11项'),
    },
    {
      id: 'opine',
      label: '结合“六个要件”综合分析，提出认定意见',
      from: ['analysing'],
      to: 'deciding',
      actor: ORGAN,
      inputs: [{ name: 'opinion', label: '认定意见', kind: 'text', required: true }],
      produces: ['认定意见'],
      citation: at('第11项'),
    },
    {
      id: 'conclude',
      label: '组织认定',
      from: ['deciding'],
      to: 'concluded',
      actor: DECIDER,
      concludes: ['exempt', 'lighter', 'mitigated', 'not_tolerated'],
      effect: 'rectification_order',
      inputs: [
        { name: 'outcome', label: '认定结果', kind: 'outcome', required: true },
        {
          name: 'rectification',
          label: '纠错要求',
          kind: 'text',
          required: ['exempt'],
          citation: at('第12项'),
        },
        {
          name: 'rectificationDue',
          label: '整改期限',
          kind: 'date',
          required: ['exempt'],
          citation: at('第12项'),
        },
        {
          name: 'reason',
          label: '不予容错的说明',
          kind: 'text',
          required: ['not_tolerated'],
          citation: at('第11项'),
        },
      ],
      producesFor: {
        exempt: ['容错免责决定', '纠错要求'],
        lighter: ['认定结果'],
        mitigated: ['认定结果'],
        not_tolerated: ['说明'],
      },
      citation: at('第11项、第12项', NO_BODY),
    },
    appealOnce({
      label: '对组织认定提出申诉',
      from: 'concluded',
      actor: { roles: ['cadre'], scope: 'subject', body: '本人' },
      cite: at,
      article: '第11项',
    }),
    reviewAppeal({
      label: '处理申诉',
      to: 'concluded',
      actor: DECIDER,
      outcomeLabel: '处理结果',
      effect: 'rectification_order',
      inputs: [
        { name: 'rectification', label: '纠错要求', kind: 'text', required: ['exempt'], citation: at('第12项') },
        { name: 'rectificationDue', label: '整改期限', kind: 'date', required: ['exempt'], citation: at('第12项') },
        { name: 'reason', label: '不予容错的说明', kind: 'text', required: ['not_tolerated'], citation: at('第11项') },
      ],
      citation: at('第11项', '受理申诉的机关原文未写明，读作作出认定的机关'),
    }),
    {
      id: 'rectified',
      label: '整改到位',
      from: ['concluded'],
      to: 'closed',
      actor: ORGAN,
      when: { outcome: ['exempt'] },
      inputs: [{ name: 'findings', label: '跟踪了解的整改情况', kind: 'text', required: true }],
      citation: at('第12项'),
    },
    {
      id: 'rectification_failed',
      label: '整改不力或拒不整改，予以问责',
      from: ['concluded'],
      to: 'closed',
      actor: ORGAN,
      when: { outcome: ['exempt'] },
      reasonRequired: true,
      effect: 'accountability_reopened',
      citation: at('第12项'),
    },
    closeTolerance({
      from: 'concluded',
      actor: ORGAN,
      when: { outcome: ['lighter', 'mitigated', 'not_tolerated'] },
      citation: at('第11项', '办结不是原文的步骤：不予免责的认定作出后即告结束'),
    }),
  ],
};
