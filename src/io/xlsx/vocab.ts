// Controlled vocabularies as they appear in spreadsheets: people write the Chinese label, the record keeps the code.
// Import accepts the code, the full label and the label's short forms (党政正职 for 党政正职（主要负责人）);
// export writes the full label, so an exported file reads naturally and imports back to the same codes.
import {
  AREA_LABELS,
  DETERMINATION_KIND_LABELS,
  ACCOUNTABILITY_KINDS,
  ADJUSTMENT_METHODS,
  ASSESSMENT_SCHEMES,
  CADRE_CATEGORIES,
  DETERMINATION_KINDS,
  FOOD_DRUG_SEVERITIES,
  HONOR_CONFERRERS,
  HONOR_CONFERRER_LABELS,
  INCIDENT_CATEGORIES,
  INCIDENT_CATEGORY_LABELS,
  INDIVIDUAL_GRADES,
  JURISDICTION_PACKS,
  LEVELS,
  MEANINGFUL_AREAS,
  POST_ROLES,
  POST_ROLE_LABELS,
  REGULAR_GRADES,
  SANCTION_KINDS,
  SCHEME_GRADES,
  SCHEME_LABELS,
  SEVERITIES,
  TOLERANCE_FLAGS,
  UNIT_KINDS,
  UNIT_KIND_LABELS,
} from '../../domain/vocabulary.js';
import { ACCOUNTABILITY_OUTCOMES } from '../../domain/accountability-matters.js';

export interface Vocab {
  /** what the notes sheet calls this list */
  name: string;
  codes: readonly string[];
  /** code → label; codes without a label are written as themselves */
  labels?: Readonly<Record<string, string>>;
}

/** The label written on export (the code itself when the vocabulary has no label for it). */
export function labelOf(v: Vocab, code: string): string {
  return v.labels?.[code] ?? code;
}

const aliasCache = new WeakMap<Vocab, Map<string, string>>();

/** Every spelling accepted for each code; a short form shared by two codes is dropped (it would be ambiguous). */
function aliases(v: Vocab): Map<string, string> {
  let m = aliasCache.get(v);
  if (m) return m;
  m = new Map();
  const ambiguous = new Set<string>();
  const add = (alias: string, code: string) => {
    const a = alias.trim();
    if (!a || ambiguous.has(a)) return;
    const prev = m!.get(a);
    if (prev !== undefined && prev !== code) {
      m!.delete(a);
      ambiguous.add(a);
      return;
    }
    m!.set(a, code);
  };
  // codes and full labels first: they win over short forms
  for (const code of v.codes) {
    m.set(code, code);
    const label = v.labels?.[code];
    if (label) m.set(label, code);
  }
  for (const code of v.codes) {
    const label = v.labels?.[code];
    if (!label) continue;
    add(label.replace(/（/g, '(').replace(/）/g, ')'), code);
    const paren = /^(.*?)[（(](.*)[）)]$/.exec(label);
    if (paren) {
      add(paren[1]!, code);
      for (const part of paren[2]!.split(/[、/，,]/)) add(part, code);
    }
  }
  aliasCache.set(v, m);
  return m;
}

/** The code for a spreadsheet word, or undefined when the word is not in the vocabulary. */
export function codeOf(v: Vocab, word: string): string | undefined {
  return aliases(v).get(word.trim());
}

/** What the notes sheet lists as allowed values. */
export function allowedText(v: Vocab): string {
  return v.codes.map((c) => (v.labels?.[c] ? `${v.labels[c]}（${c}）` : c)).join('、');
}

// ---------------------------------------------------------------------------------------------------------------
// Labels the domain vocabulary does not carry (kept here because only spreadsheets need them).

export const PACK_LABELS: Record<(typeof JURISDICTION_PACKS)[number], string> = {
  jiangsu: '江苏省',
  shaanxi: '陕西省',
  rudong: '如东县人民检察院',
  anhui: '安徽省',
  jiaozuo: '焦作市',
};

export { AREA_LABELS, DETERMINATION_KIND_LABELS };

export const SUBJECT_TYPE_LABELS = { unit: '单位', cadre: '干部' } as const;

/**
 * A tolerance request's findings flags as spreadsheet column headers (short forms of DESIGN §4's glosses), each
 * with the gloss in full for the notes sheet.
 */
export const TOLERANCE_FLAG_COLUMNS: Record<(typeof TOLERANCE_FLAGS)[number], { header: string; gloss: string }> = {
  soughtPrivateGain: { header: '谋取私利', gloss: '为个人、他人或单位谋取不正当利益' },
  collusion: { header: '恶意串通', gloss: '恶意串通' },
  prohibited: { header: '违反明令禁止', gloss: '违反明令禁止或强制性规定，上级明令禁止后依然我行我素' },
  knowingly: { header: '明知故犯', gloss: '明知故犯、主观故意' },
  collectiveDecision: { header: '经集体研究决策', gloss: '经集体研究、民主决策' },
  emergencyReported: { header: '紧急处置事后报告', gloss: '紧急情况临机处置且事后及时报告' },
  remedied: { header: '主动挽回损失', gloss: '主动挽回损失、消除影响' },
  seriousConsequence: { header: '造成严重后果', gloss: '重大损失、严重后果、重特大事故或严重群体性事件' },
  criminal: { header: '应承担刑事责任', gloss: '应承担刑事责任' },
  politicalIssue: { header: '政治立场问题', gloss: '政治立场问题' },
  integrityIssue: { header: '廉洁问题', gloss: '廉洁问题' },
  ignoredReminder: { header: '经提醒仍不纠偏', gloss: '经提醒仍不纠偏' },
  repeatedSameError: { header: '同类问题连续失误', gloss: '同类问题连续失误' },
  majorReform: { header: '重大改革创新项目', gloss: '重大改革创新项目' },
  riskAssessmentFiled: { header: '事先风险评估并备案', gloss: '事先进行风险评估和论证并报备' },
  specialMeasure: { header: '特事特办措施', gloss: '采取特事特办措施' },
  specialMeasureApproved: { header: '特事特办经同意并报告', gloss: '特事特办措施经同级政府同意并事先报告' },
};

export const V = {
  unitKind: { name: '单位类别', codes: UNIT_KINDS, labels: UNIT_KIND_LABELS },
  pack: { name: '规则包', codes: JURISDICTION_PACKS, labels: PACK_LABELS },
  gender: { name: '性别', codes: ['男', '女'] },
  cadreCategory: { name: '人员类别', codes: CADRE_CATEGORIES },
  postRole: { name: '职务类别', codes: POST_ROLES, labels: POST_ROLE_LABELS },
  level: { name: '职级', codes: LEVELS },
  scheme: { name: '考核类别', codes: ASSESSMENT_SCHEMES, labels: SCHEME_LABELS },
  unitGrade: {
    name: '单位考核等次',
    codes: [...new Set(Object.values(SCHEME_GRADES).flat())],
  },
  individualGrade: { name: '年度考核等次', codes: INDIVIDUAL_GRADES },
  regularGrade: { name: '平时考核等次', codes: REGULAR_GRADES },
  subjectType: { name: '对象类型', codes: ['unit', 'cadre'], labels: SUBJECT_TYPE_LABELS },
  conferrer: { name: '授予机关', codes: HONOR_CONFERRERS, labels: HONOR_CONFERRER_LABELS },
  incidentCategory: { name: '事件类别', codes: INCIDENT_CATEGORIES, labels: INCIDENT_CATEGORY_LABELS },
  severity: { name: '事件等级', codes: [...SEVERITIES, ...FOOD_DRUG_SEVERITIES] },
  determinationKind: { name: '认定类别', codes: DETERMINATION_KINDS, labels: DETERMINATION_KIND_LABELS },
  sanctionKind: { name: '处分种类', codes: SANCTION_KINDS },
  accountabilityKind: { name: '问责方式', codes: ACCOUNTABILITY_KINDS },
  adjustmentMethod: { name: '调整方式', codes: ADJUSTMENT_METHODS },
  accountabilityOutcome: { name: '问责方式', codes: ACCOUNTABILITY_OUTCOMES },
  area: { name: '分管领域', codes: MEANINGFUL_AREAS, labels: AREA_LABELS },
  bool: { name: '是否', codes: ['是', '否'] },
} satisfies Record<string, Vocab>;
