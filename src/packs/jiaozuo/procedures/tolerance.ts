// 焦作 容错纠错, as the page on 《焦作市支持改革创新激励干部担当有为容错纠错办法(试行)》 gives its 程序 (PROCEDURES
// §5.1): 谁问责谁容错 — the 执纪问责部门 start the case during accountability or on the written application of the
// cadre or unit under accountability; investigation (third parties may be invited for wide or high-profile cases);
// a 初步建议 (which may go with the 问责建议); the 党委（党组）'s collective decision 予以容错 or 不予容错; execution by
// the 执纪问责部门; 申诉 only against 不予容错. No feedback, publication, filing, 会商 or 复核 step is stated.
import type { ActorSpec, ProcedureDef } from '../../../domain/procedure.js';
import {
  appealOnce,
  applyForTolerance,
  citing,
  closeTolerance,
  openDuringAccountability,
  reviewAppeal,
} from '../../../workflow/steps.js';

const DOC = '焦作市支持改革创新激励干部担当有为容错纠错办法(试行)';
const at = citing(DOC);

const ORGAN: ActorSpec = {
  roles: ['discipline_officer', 'org_officer', 'accountability_officer'],
  scope: 'handling',
  body: '执纪问责部门',
};
const COMMITTEE: ActorSpec = { roles: ['committee_member'], scope: 'handling', body: '党委（党组）' };

export const jiaozuoTolerance: ProcedureDef = {
  pack: 'jiaozuo',
  procedure: 'tolerance',
  version: '1',
  title: '焦作市容错纠错程序',
  documents: [DOC],
  subjects: ['cadre', 'unit'],
  states: {
    investigating: { label: '调查' },
    deciding: { label: '党委（党组）集体研究决定' },
    decided: { label: '已作出决定' },
    executed: { label: '已执行' },
    appealed: { label: '申诉中' },
    closed: { label: '已办结', final: true },
  },
  actions: [
    openDuringAccountability({
      label: '问责时启动容错程序',
      to: 'investigating',
      actor: ORGAN,
      citation: at('程序（一）'),
    }),
    applyForTolerance({
      label: '提出书面申请',
      to: 'investigating',
      // 「被问责的干部、单位…提出书面申请」: the cadre or unit under accountability applies for itself
      actor: { roles: ['cadre', 'unit_liaison'], scope: 'subject', body: '被问责的干部、单位', partyOnly: true },
      matterLabel: '所受问责',
      inputs: [{ name: 'statement', label: '书面申请', kind: 'text', required: true, citation: at('程序（一）') }],
      produces: ['书面申请'],
      citation: at('程序（一）'),
    }),
    {
      id: 'invite',
      label: '邀请人大代表、政协委员、专家学者、第三方社会组织、服务对象参与调查核实',
      from: ['investigating'],
      to: 'investigating',
      actor: ORGAN,
      marks: ['thirdParties'],
      inputs: [{ name: 'names', label: '参与调查核实的人员或组织', kind: 'names', required: true }],
      citation: at('程序（二）'),
    },
    {
      id: 'propose',
      label: '综合研判，提出是否予以容错的初步建议',
      from: ['investigating'],
      to: 'deciding',
      actor: ORGAN,
      inputs: [
        { name: 'findings', label: '调查情况', kind: 'text', required: true },
        { name: 'opinion', label: '初步建议', kind: 'text', required: true },
      ],
      produces: ['初步建议'],
      citation: at('程序（二）、程序（三）'),
    },
    {
      id: 'decide',
      label: '党委（党组）集体研究作出决定',
      from: ['deciding'],
      to: 'decided',
      actor: COMMITTEE,
      concludes: ['exempt', 'lighter', 'mitigated', 'not_tolerated'],
      inputs: [
        { name: 'outcome', label: '决定', kind: 'outcome', required: true },
        { name: 'meeting', label: '集体研究的会议', kind: 'text', required: true, citation: at('程序（四）') },
      ],
      producesFor: {
        exempt: ['容错决定'],
        lighter: ['容错决定'],
        mitigated: ['容错决定'],
        not_tolerated: ['不予容错决定'],
      },
      citation: at('程序（四）'),
    },
    {
      id: 'execute',
      label: '根据决定具体执行',
      from: ['decided'],
      to: 'executed',
      actor: ORGAN,
      citation: at('程序（五）'),
    },
    appealOnce({
      label: '对不予容错决定提出申诉',
      from: 'executed',
      actor: { roles: ['cadre', 'unit_liaison'], scope: 'subject', body: '相关干部、单位' },
      outcome: ['not_tolerated'],
      cite: at,
      article: '程序（五）',
    }),
    reviewAppeal({
      label: '按有关规定处理申诉',
      to: 'decided',
      actor: COMMITTEE,
      outcomeLabel: '处理结果',
      citation: at('程序（五）', '处理申诉的机关原文未写明（「按有关规定」），读作作出决定的党委（党组）'),
    }),
    closeTolerance({
      from: 'executed',
      actor: ORGAN,
      citation: at('程序（五）', '办结不是原文的步骤：决定执行后即告结束（不予容错的，申诉之外）'),
    }),
  ],
};
