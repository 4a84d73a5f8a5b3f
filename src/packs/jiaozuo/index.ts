// The jiaozuo pack: 焦作市's 容错纠错办法 and 干部鼓励激励办法 as a newspaper page explains them. The page has no
// article numbers, so locators are named parts (DESIGN §3); TEXT.md holds the reassembled text and how it was
// reassembled from the column-by-column OCR.
import { definePack } from '../../policy/define.js';
import { INCENTIVE_DOC, TOLERANCE_DOC } from './documents.js';
import { incentiveRules } from './incentive.js';
import { EXCELLENT_SHARE, GOOD_TEAM_SHARE, QUOTA_ROUNDING } from './performance-grades.js';
import { toleranceRules } from './tolerance.js';
import { valuesNamed } from '../value-names.js';

export const jiaozuo = definePack({
  id: 'jiaozuo',
  parent: 'national',
  title: '焦作市容错纠错办法与干部鼓励激励办法（报纸解读）',
  documents: [TOLERANCE_DOC, INCENTIVE_DOC],
  errata: [
    '“谷苗纠苗的结果运用”为 OCR 错误，应为“容错纠错的结果运用”（outcome, outcome.1–3）。',
    '版面按栏逐行识别，句子交错；各部分按 TEXT.md 所述拼接还原，文字与标点保留原样。',
    '原则（一）“因缺乏经先行先试”：栏间丢失“验、”（因缺乏经验、先行先试）。',
    '原则（三）截断于“违纪违法行为区”（区分开来。）。',
    '结果运用（三）截断于“从其规”（定。）。',
    '不予容错的情形：序号 1 印为“-”，第 2 项中夹有 OCR 噪声“0 0”。',
    '激励评价标准之一（七）截断于“等次的”，读作“干部”（同（八）与措施 2）。',
    '激励评价标准之二（一）截断于“"双50"企业发展”，其余文字遗失。',
    '鼓励激励措施 6 的序号印为表情符号。',
  ],
  rules: [...toleranceRules, ...incentiveRules],
  values: valuesNamed('grade', 'excellentQuota', 'commendation', 'tolerance', 'priorityPromotion'),
  // Clauses a determination (组织认定) may be made under, and the kinds of determination each reads; a general
  // 组织认定 (kind other) is accepted under every one of them (src/policy/clauses.ts, docs/READINGS.md).
  determinationClauses: {
    // 考核评价结果（激励评价标准一）
    'jiaozuo/incentive/standard1.6': ['team_review'],
    'jiaozuo/incentive/standard1.9': [],
    // 完成中心任务成效（激励评价标准二）
    'jiaozuo/incentive/standard2.1': [],
    'jiaozuo/incentive/standard2.2': [],
    'jiaozuo/incentive/standard2.3': [],
    'jiaozuo/incentive/standard2.4': ['poverty', 'environment'],
    'jiaozuo/incentive/standard2.5': ['party_governance'],
    'jiaozuo/incentive/standard2.6': [],
    // 本职工作突破进取（激励评价标准三）
    'jiaozuo/incentive/standard3.1': [],
    'jiaozuo/incentive/standard3.2': [],
    'jiaozuo/incentive/standard3.3': [],
    // 鼓励激励措施 3、4 的各项（一般认定）
    'jiaozuo/incentive/measure.3.1': [],
    'jiaozuo/incentive/measure.3.2': [],
    'jiaozuo/incentive/measure.4.1': [],
    'jiaozuo/incentive/measure.4.2': [],
    'jiaozuo/incentive/measure.4.3': [],
  },
  params: [GOOD_TEAM_SHARE, EXCELLENT_SHARE, QUOTA_ROUNDING],
});
