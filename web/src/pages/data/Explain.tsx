// 政策适用说明: what the rulebooks conclude about one cadre on a date (GET /explain/cadre/:id), as a card an official
// reads top down: the verdicts first (may the cadre be promoted, and from when), then each finding with its article,
// then the facts behind it. Alerts of 能上能下 are proposals for the organisation to decide, and are worded so.
// Loaded only when asked for: it evaluates the whole record on the server.
import { useState } from 'react';
import { Alert, Button, Card, Collapse, DatePicker, Descriptions, Empty, Space, Spin, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api';
import { fmtDate } from '../../format';
import { useLoad } from '../../hooks';
import { PACK_LABELS, plainText, ruleInWords } from '../../plain';
// the rules write vocabulary codes in their reasons (comprehensive, provincial, principal): the same words as the
// command line's explanation
import { humanize } from '../../../../src/policy/explain';

type Value = string | number | boolean | null | string[];

interface Finding {
  rule: string;
  subject: string;
  year?: number;
  citation: { document: string; article: string; text: string };
  because: string[];
  conclusion?: string;
}

interface Explanation {
  subject: string;
  asOf: string;
  chain: string[];
  findings: Finding[];
  values: Record<string, Value>;
  gaps: string[];
  /** names of the ids and keys in the reasons and gaps (optional: older servers send none) */
  names?: Record<string, string>;
  /** each finding's rule title */
  titles?: Record<string, string>;
}

const VALUE_LABELS: Record<string, string> = {
  priorityPromotion: '优先提拔使用',
  grade: '等次',
  titles: '称号',
  award: '奖励金额（元）',
  bonusFactor: '奖金系数',
  excellentQuota: '优秀等次名额',
  commendation: '奖励',
  tolerance: '容错认定',
};
/** The verdicts, shown first and in words; every other value is a fact below them. */
const VERDICTS = ['promotionAllowedFrom', 'aboveOriginalLevelAllowedFrom'];

/** The conclusions a case records (免责 …), as the value of a case's decision. */
const OUTCOME_WORDS: Record<string, string> = {
  exempt: '免责',
  lighter: '从轻处理',
  mitigated: '减轻处理',
  not_tolerated: '不予容错',
};

function valueLabel(name: string, names: Record<string, string> | undefined): string {
  const [head, ...rest] = name.split(':');
  // one decision per accountability matter: the matter's number means nothing to a reader, the finding names it
  if (head === 'toleranceDecision') return '容错纠错认定结论';
  const base = VALUE_LABELS[head ?? ''] ?? '其他计算结果';
  return rest.length ? `${base}（${rest.map((r) => plainText(humanize(r), names)).join('：')}）` : base;
}

function valueText(v: Value, names: Record<string, string> | undefined): string {
  if (v === null) return '无';
  if (v === true) return '是';
  if (v === false) return '否';
  if (v === 'eligible') return '符合容错条件';
  if (v === 'ineligible') return '不予容错';
  if (typeof v === 'string' && OUTCOME_WORDS[v]) return OUTCOME_WORDS[v];
  if (Array.isArray(v)) return v.length ? v.map((x) => plainText(x, names)).join('、') : '无';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return fmtDate(v);
  return plainText(String(v), names);
}

/** A date from which something is allowed, read on the evaluation date: the day before it is the last blocked one. */
function blockedUntil(v: Value | undefined, asOf: string): string | null {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && v > asOf ? v : null;
}

function Verdicts({ data }: { data: Explanation }) {
  const known = Object.keys(data.values).length > 0;
  const promotion = blockedUntil(data.values.promotionAllowedFrom, data.asOf);
  const above = blockedUntil(data.values.aboveOriginalLevelAllowedFrom, data.asOf);
  const priority = data.values.priorityPromotion === true;
  return (
    <Space wrap size={[8, 8]} data-testid="explain-verdicts">
      {!known ? (
        <Tag>未适用规则包，无结论</Tag>
      ) : (
        <>
          {promotion ? (
            <Tag color="red" style={{ fontSize: 14, padding: '2px 10px' }}>
              {fmtDate(promotion)}前不得提拔
            </Tag>
          ) : (
            <Tag color="green" style={{ fontSize: 14, padding: '2px 10px' }}>
              可提拔
            </Tag>
          )}
          <Tag color={above ? 'orange' : 'default'} style={{ fontSize: 14, padding: '2px 10px' }}>
            {above ? `${fmtDate(above)}前不得担任高于原职务层次的职务` : '担任高于原职务层次的职务：无限制'}
          </Tag>
          {priority && (
            <Tag color="gold" style={{ fontSize: 14, padding: '2px 10px' }}>
              优先提拔使用
            </Tag>
          )}
        </>
      )}
    </Space>
  );
}

/** 能上能下's findings are alerts: a situation the organisation must first determine. */
function isAlert(f: Finding): boolean {
  return f.rule.split('/')[1] === 'adjustment' && !/影响期|不得提拔/.test(f.conclusion ?? '');
}

export function ExplainPanel({ cadreId, name }: { cadreId: string; name?: string }) {
  const [asOf, setAsOf] = useState<Dayjs>(dayjs());
  const { data, error, loading, reload } = useLoad(
    () => api.get<Explanation>(`/explain/cadre/${encodeURIComponent(cadreId)}?asOf=${asOf.format('YYYY-MM-DD')}`),
    [cadreId, asOf],
  );
  const names = data?.names;
  const findings = [...(data?.findings ?? [])].sort(
    (a, b) => Number(isAlert(b)) - Number(isAlert(a)) || a.rule.localeCompare(b.rule) || (a.year ?? 0) - (b.year ?? 0),
  );
  const facts = Object.entries(data?.values ?? {}).filter(([k]) => !VERDICTS.includes(k) && k !== 'priorityPromotion');
  // only what the cadre's own rulebooks leave open
  const gaps = (data?.gaps ?? []).filter((g) => data?.chain.some((p) => g.includes(`${p}.`) || g.includes(`${p}/`)));
  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <span>评估日期</span>
        <DatePicker
          value={asOf}
          format="YYYY年M月D日"
          allowClear={false}
          style={{ width: 160 }}
          onChange={(d) => d && setAsOf(d)}
        />
        <Button onClick={() => void reload()}>重新评估</Button>
      </Space>
      {error ? (
        <Alert type="error" showIcon title={error.message} />
      ) : loading || !data ? (
        <div style={{ padding: 32, textAlign: 'center' }}>
          <Spin tip="正在按规则评估…">
            <div style={{ height: 40 }} />
          </Spin>
        </div>
      ) : (
        <div data-testid="explain-card">
          <Card size="small" title="结论" style={{ marginBottom: 12 }}>
            <Typography.Paragraph style={{ marginBottom: 8 }}>
              {name ? `${name}，` : ''}截至{fmtDate(data.asOf)}，适用
              {data.chain.length ? data.chain.map((p) => names?.[p] ?? PACK_LABELS[p] ?? '规则包').join('、') : '—'}
              的规定：
            </Typography.Paragraph>
            <Verdicts data={data} />
            {facts.length > 0 && (
              <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
                {facts.map(([k, v]) => (
                  <Descriptions.Item key={k} label={valueLabel(k, names)}>
                    {valueText(v, names)}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            )}
          </Card>
          <Card size="small" title={`依据（${findings.length} 项）`} style={{ marginBottom: 12 }}>
            {findings.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有规则对其得出结论" />
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }} size={10}>
                {findings.map((f, i) => {
                  const title = data.titles?.[f.rule] || ruleInWords(f.rule);
                  return (
                    <div key={`${f.rule}-${f.year ?? ''}-${i}`} data-testid="explain-finding">
                      {isAlert(f) ? (
                        <Alert
                          type="warning"
                          showIcon
                          title={`提示：可能属于“${title}”情形，须经组织认定`}
                          style={{ marginBottom: 6 }}
                        />
                      ) : (
                        <Typography.Text strong>
                          {title}
                          {f.conclusion ? `：${plainText(humanize(f.conclusion), names)}` : ''}
                        </Typography.Text>
                      )}
                      <div>
                        <Typography.Text type="secondary">
                          《{f.citation.document}》{f.citation.article}
                          {f.year ? `（${f.year}年度）` : ''}
                        </Typography.Text>
                      </div>
                      <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                        {f.because.map((b, j) => (
                          <li key={j}>{plainText(humanize(b), names)}</li>
                        ))}
                      </ul>
                      <Collapse
                        size="small"
                        ghost
                        items={[
                          {
                            key: 'text',
                            label: '条文原文',
                            children: (
                              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                                {f.citation.text.trim()}
                              </Typography.Paragraph>
                            ),
                          },
                        ]}
                      />
                    </div>
                  );
                })}
              </Space>
            )}
          </Card>
          {gaps.length > 0 && (
            <Card size="small" title="待定事项" style={{ marginBottom: 12 }}>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 6 }}>
                以下事项规定未给出具体数值，须由本地具体办法规定，或名额分界处并列须集体研究：
              </Typography.Paragraph>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {gaps.map((g) => (
                  <li key={g}>{plainText(humanize(g), names)}</li>
                ))}
              </ul>
            </Card>
          )}
          <Typography.Text type="secondary">
            以上为依据规定得出的建议，须经组织认定、集体研究等程序作出决定。
          </Typography.Text>
        </div>
      )}
    </div>
  );
}
