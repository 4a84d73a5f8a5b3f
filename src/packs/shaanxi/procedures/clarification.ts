// 陕西 澄清保护 (澄清正名), as 《陕西省党政干部容错纠错办法(试行)》 第十一条 gives it (PROCEDURES §2.3, sub-case C): for a
// unit or person whose reported problem proved untrue (所反映问题失实) or who was falsely accused (受到诬告). The check
// (公正核查) hears the person reported on and gathers opinions; then, as the check found, the facts are cleared by 谈心,
// a meeting or 通报 (消除负面影响), and a false accusation is referred for 查处 with typical cases exposed (通报曝光).
// The text names no actor per step; 第十二条（二） gives 纪检监察机关 the duty of 澄清保护, so they act throughout. The
// measures are 「可以采取」: none is compulsory, so the case may close once the check is done. No time limits are
// stated. A case runs inside the accountability matter (or after the tolerance case) it follows.
import type { ActorSpec, ProcedureCitation, ProcedureDef } from '../../../domain/procedure.js';

const DOC = '陕西省党政干部容错纠错办法(试行)';
const at = (article: string, reading?: string): ProcedureCitation =>
  reading ? { document: DOC, article, reading } : { document: DOC, article };

const ORGAN: ActorSpec = { roles: ['discipline_officer'], scope: 'handling', body: '纪检监察机关' };
const WHO =
  '第十一条未写明各项措施由谁采取；第十二条（二）由纪检监察机关「通过合理容错、及时纠错、澄清保护,消除干部思想顾虑」';

export const shaanxiClarification: ProcedureDef = {
  pack: 'shaanxi',
  procedure: 'clarification',
  version: '1',
  title: '陕西省澄清保护程序',
  documents: [DOC],
  subjects: ['cadre', 'unit'],
  states: {
    checking: { label: '公正核查' },
    clearing: { label: '澄清保护措施' },
    closed: { label: '已办结', final: true },
  },
  actions: [
    {
      id: 'open',
      label: '对所反映问题失实或受到诬告的单位或个人启动澄清保护',
      from: ['new'],
      to: 'checking',
      actor: ORGAN,
      start: 'ex_officio',
      inputs: [
        { name: 'matter', label: '所涉问责事项', kind: 'reference', required: true },
        { name: 'report', label: '所反映的问题', kind: 'text', required: true, citation: at('第十一条') },
      ],
      citation: at('第十一条、第十二条（二）', WHO),
    },
    {
      id: 'hear',
      label: '充分听取被反映单位或个人的解释和说明',
      from: ['checking'],
      to: 'checking',
      actor: ORGAN,
      marks: ['heard'],
      inputs: [{ name: 'statement', label: '解释和说明', kind: 'text', required: true }],
      citation: at('第十一条（三）'),
    },
    {
      id: 'gather',
      label: '全面收集各方面的意见建议',
      from: ['checking'],
      to: 'checking',
      actor: ORGAN,
      marks: ['gathered'],
      inputs: [{ name: 'opinions', label: '各方面的意见建议', kind: 'text', required: true }],
      citation: at('第十一条（三）'),
    },
    {
      id: 'find_unfounded',
      label: '核查认定：查无实据或轻微违纪但不够追究纪律责任',
      from: ['checking'],
      to: 'clearing',
      actor: ORGAN,
      when: { marks: { heard: true, gathered: true } },
      inputs: [{ name: 'findings', label: '核查情况', kind: 'text', required: true }],
      citation: at('第十一条（一）（三）'),
    },
    {
      id: 'find_false_accusation',
      label: '核查认定：受到诬告',
      from: ['checking'],
      to: 'clearing',
      actor: ORGAN,
      when: { marks: { heard: true, gathered: true } },
      marks: ['falseAccusation'],
      inputs: [{ name: 'findings', label: '核查情况', kind: 'text', required: true }],
      citation: at('第十一条、第十一条（三）'),
    },
    {
      id: 'find_substantiated',
      label: '核查认定：所反映问题并非失实，不适用澄清保护',
      from: ['checking'],
      to: 'closed',
      actor: ORGAN,
      when: { marks: { heard: true, gathered: true } },
      reasonRequired: true,
      inputs: [{ name: 'findings', label: '核查情况', kind: 'text', required: true }],
      citation: at(
        '第十一条（三）',
        '第十一条的措施只对「所反映问题失实或受到诬告的单位或个人」；核查认定不属此列的，本程序即告结束',
      ),
    },
    {
      id: 'clear',
      label: '通过谈心、召开会议和通报等适当方式，及时澄清事实，消除影响',
      from: ['clearing'],
      to: 'clearing',
      actor: ORGAN,
      when: { marks: { cleared: false } },
      marks: ['cleared'],
      inputs: [
        { name: 'means', label: '澄清方式（谈心、召开会议、通报等）', kind: 'names', required: true },
        { name: 'scope', label: '范围', kind: 'text', required: false },
      ],
      citation: at('第十一条（一）'),
    },
    {
      id: 'refer',
      label: '查处诬告行为，依纪依法追究责任',
      from: ['clearing'],
      to: 'clearing',
      actor: ORGAN,
      when: { marks: { falseAccusation: true, referred: false } },
      marks: ['referred'],
      inputs: [
        { name: 'accuser', label: '诬告者', kind: 'text', required: true },
        {
          name: 'conduct',
          label: '行为（恶意中伤诬陷他人、干扰改革创新或持续无理上访造成恶劣影响）',
          kind: 'text',
          required: true,
          citation: at('第十一条（二）'),
        },
      ],
      citation: at('第十一条（二）、第十二条（二）', WHO),
    },
    {
      id: 'expose',
      label: '典型案件通报曝光',
      from: ['clearing'],
      to: 'clearing',
      actor: ORGAN,
      when: { marks: { referred: true, exposed: false } },
      marks: ['exposed'],
      inputs: [{ name: 'scope', label: '通报范围', kind: 'text', required: true }],
      produces: ['通报曝光'],
      citation: at('第十一条（二）'),
    },
    {
      id: 'close',
      label: '办结',
      from: ['clearing'],
      to: 'closed',
      actor: ORGAN,
      citation: at('第十一条', '办结不是原文的步骤：第十一条的措施是「可以采取」的，核查后采取与否由机关决定'),
    },
  ],
};
