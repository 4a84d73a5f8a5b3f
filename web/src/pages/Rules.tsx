// 政策规则: every rule of every jurisdiction's rulebook (GET /api/rules), with the verbatim article text it
// implements, searchable by id, article or words of the text, and filterable by rulebook, mechanism and kind.
import { Alert, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError } from '../api';
import { useLoad } from '../hooks';
import { MECHANISM_LABELS, PACK_LABELS } from '../plain';
import { loadRules, type RuleRow } from '../rules';

const MECHANISM = MECHANISM_LABELS;
const PACK = PACK_LABELS;

const KIND: Record<RuleRow['kind'], { label: string; color: string }> = {
  computable: { label: '可计算', color: 'red' },
  procedure: { label: '程序', color: 'blue' },
  principle: { label: '原则', color: 'default' },
};

export function RulesPage() {
  const { data, error, loading } = useLoad(() => loadRules(), []);
  const [q, setQ] = useState('');
  const [pack, setPack] = useState<string>();
  const [mechanism, setMechanism] = useState<string>();
  const [kind, setKind] = useState<string>();
  const rows = useMemo(
    () =>
      (data ?? []).filter(
        (r) =>
          (!pack || r.pack === pack) &&
          (!mechanism || r.mechanism === mechanism) &&
          (!kind || r.kind === kind) &&
          (!q || [r.id, r.title ?? '', r.document, r.article, r.text].some((s) => s.includes(q))),
      ),
    [data, q, pack, mechanism, kind],
  );
  // a rule another replaces is named as people cite it
  const cite = useMemo(() => new Map((data ?? []).map((r) => [r.id, `《${r.document}》${r.article}`])), [data]);
  const denied = error instanceof ApiError && (error.status === 403 || error.status === 404);
  return (
    <Card
      title="政策规则"
      extra={
        <Space wrap>
          <Select
            placeholder="规则包"
            allowClear
            style={{ width: 160 }}
            value={pack}
            onChange={setPack}
            options={Object.entries(PACK).map(([value, label]) => ({ value, label }))}
          />
          <Select
            placeholder="机制"
            allowClear
            style={{ width: 120 }}
            value={mechanism}
            onChange={setMechanism}
            options={Object.entries(MECHANISM).map(([value, label]) => ({ value, label }))}
          />
          <Select
            placeholder="类型"
            allowClear
            style={{ width: 110 }}
            value={kind}
            onChange={setKind}
            options={Object.entries(KIND).map(([value, k]) => ({ value, label: k.label }))}
          />
          <Input.Search placeholder="条款、标题或条文" allowClear onSearch={setQ} style={{ width: 240 }} />
        </Space>
      }
    >
      {denied ? (
        <Alert type="info" showIcon title="当前角色无权查看规则库" />
      ) : error ? (
        <Alert type="error" showIcon title={error.message} />
      ) : (
        <Table<RuleRow>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={rows}
          pagination={{ pageSize: 12, showTotal: (t) => `共 ${t} 条规则`, showSizeChanger: false }}
          expandable={{
            expandedRowRender: (r) => (
              <div style={{ maxWidth: 960 }}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
                  <Typography.Text strong>
                    《{r.document}》{r.article}：
                  </Typography.Text>
                  {r.text}
                </Typography.Paragraph>
                {r.supersedes.length > 0 && (
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                    对本规则包覆盖的对象，取代上级规则：
                    {r.supersedes.map((id) => cite.get(id) ?? PACK[id.split('/')[0] ?? ''] ?? '上级规则').join('、')}
                  </Typography.Paragraph>
                )}
                {r.note && (
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                    适用说明：{r.note}
                  </Typography.Paragraph>
                )}
              </div>
            ),
          }}
          columns={[
            { title: '规则包', dataIndex: 'pack', width: 130, render: (v: string) => PACK[v] ?? v },
            {
              title: '机制',
              dataIndex: 'mechanism',
              width: 100,
              render: (v: string) => <Tag>{MECHANISM[v] ?? v}</Tag>,
            },
            {
              title: '类型',
              dataIndex: 'kind',
              width: 80,
              render: (v: RuleRow['kind']) => <Tag color={KIND[v].color}>{KIND[v].label}</Tag>,
            },
            { title: '条款', dataIndex: 'article', width: 170, ellipsis: true },
            { title: '标题', render: (_: unknown, r) => r.title ?? r.text, ellipsis: true },
            { title: '文件', dataIndex: 'document', width: 300, ellipsis: true, render: (v: string) => `《${v}》` },
          ]}
        />
      )}
    </Card>
  );
}
