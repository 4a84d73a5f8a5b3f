// A person-readable explanation of every finding about one subject: the article text beside the facts behind it.
import { chineseDate } from '../domain/dates.js';
import {
  AREA_LABELS,
  DETERMINATION_KIND_LABELS,
  HONOR_CONFERRER_LABELS,
  INCIDENT_CATEGORY_LABELS,
  POST_ROLE_LABELS,
  SCHEME_LABELS,
  UNIT_KIND_LABELS,
} from '../domain/vocabulary.js';
import type { FactIndex } from './fact-index.js';
import type { Evaluation, Finding, Value } from './types.js';

const VALUE_LABELS: Record<string, string> = {
  priorityPromotion: '优先提拔使用',
  promotionAllowedFrom: '可提拔起始日期',
  aboveOriginalLevelAllowedFrom: '可担任高于原职务层次职务的起始日期',
  grade: '等次',
  titles: '称号',
  award: '奖励金额（元）',
  bonusFactor: '奖金系数',
  excellentQuota: '优秀等次比例',
  commendation: '奖励',
  tolerance: '容错认定',
};

function valueLabel(name: string): string {
  const [head, ...rest] = name.split(':');
  const base = VALUE_LABELS[head!] ?? head!;
  return rest.length ? `${base}（${rest.join('：')}）` : base;
}

function valueText(v: Value): string {
  if (v === null) return '无影响期';
  if (v === true) return '是';
  if (v === false) return '否';
  if (v === 'eligible') return '符合容错条件';
  if (v === 'ineligible') return '不予容错';
  if (Array.isArray(v)) return v.length ? v.join('、') : '无';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return `${chineseDate(v)}（${v}）`;
  return String(v);
}

// Rules write their reasons with the record's vocabulary codes (u1 2017 target 一般); people read the words.
// Codes are snake_case or lower-case English words, never parts of ids (u000034, c00000390), so a whole-word
// replacement is safe. Post roles get their short names here: the long labels would swamp the line.
const SHORT_POST: Record<string, string> = {
  principal: '主要负责人',
  deputy: '副职',
  member: '班子成员',
  midlevel: '中层干部',
  staff: '一般干部',
};
const CODE_WORDS: Record<string, string> = {
  ...INCIDENT_CATEGORY_LABELS,
  ...AREA_LABELS,
  ...DETERMINATION_KIND_LABELS,
  ...SCHEME_LABELS,
  ...UNIT_KIND_LABELS,
  ...HONOR_CONFERRER_LABELS,
  ...SHORT_POST,
  // codes shared by several vocabularies (a unit kind and a conferring level; a scheme, an area and a finding kind)
  // get the word that fits every one of them
  city: '市',
  county: '县',
  environment: '生态环境',
  poverty: '脱贫攻坚',
};
const CODE_PATTERN = new RegExp(
  `(?<![A-Za-z0-9_])(${Object.keys(CODE_WORDS)
    .sort((a, b) => b.length - a.length)
    .join('|')})(?![A-Za-z0-9_])`,
  'g',
);

/** A reason line with vocabulary codes replaced by the words people use. */
export function humanize(line: string): string {
  return line.replace(CODE_PATTERN, (code) => CODE_WORDS[code] ?? code);
}

function indent(text: string, pad: string): string {
  return text
    .trim()
    .split('\n')
    .map((l) => pad + l.trim())
    .join('\n');
}

export function describeSubject(idx: FactIndex, id: string): string | undefined {
  const c = idx.cadre(id);
  if (c) {
    const u = idx.unit(c.unit);
    return `干部 ${c.name}（${id}），${u ? u.name : c.unit}，${POST_ROLE_LABELS[c.post]}${c.level ? `，${c.level}` : ''}`;
  }
  const u = idx.unit(id);
  if (u) return `单位 ${u.name}（${id}），${UNIT_KIND_LABELS[u.kind]}`;
  return undefined;
}

/** Plain-text explanation of the findings and values about `subject` in `ev`. */
export function explainSubject(ev: Evaluation, idx: FactIndex, subject: string, chain: readonly string[]): string {
  const out: string[] = [];
  out.push(`${describeSubject(idx, subject) ?? subject}`);
  out.push(`评估日期：${chineseDate(ev.asOf)}    适用规则包：${chain.join(' → ') || '（未绑定）'}`);
  const findings = ev.findings.filter((f) => f.subject === subject);
  out.push('');
  if (findings.length === 0) out.push('没有规则对其得出结论。');
  else out.push(`共 ${findings.length} 项结论：`);
  const byRule = (a: Finding, b: Finding) =>
    a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : (a.year ?? 0) - (b.year ?? 0);
  findings.sort(byRule).forEach((f, i) => {
    out.push('');
    out.push(`${i + 1}. 【${f.rule}】${f.citation.document} ${f.citation.article}${f.year ? `（${f.year}年度）` : ''}`);
    if (f.conclusion) out.push(`   结论：${f.conclusion}`);
    out.push('   条文：');
    out.push(indent(f.citation.text, '     '));
    out.push('   依据：');
    for (const b of f.because) out.push(`     - ${humanize(b)}`);
  });
  const values = ev.values[subject];
  if (values && Object.keys(values).length) {
    out.push('');
    out.push('计算结果：');
    for (const [k, v] of Object.entries(values)) out.push(`  ${valueLabel(k)}：${valueText(v)}`);
  }
  // Only what the subject's own rulebooks leave open (gaps name their pack: `shaanxi.incentive.…`, `shaanxi/…`).
  const gaps = ev.gaps.filter((g) => chain.some((p) => g.includes(`${p}.`) || g.includes(`${p}/`)));
  if (gaps.length) {
    out.push('');
    out.push('未能确定或待定（参数须由本地具体办法规定，或名额分界并列须集体研究）：');
    for (const g of gaps) out.push(`  ${g}`);
  }
  out.push('');
  out.push('以上为依据规定得出的建议，须经组织认定、集体研究等程序作出决定。');
  return out.join('\n');
}
