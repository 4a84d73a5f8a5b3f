// 政策规则: every rule of every jurisdiction's rulebook (GET /api/rules), with the verbatim article text it
// implements, searchable by id, article or words of the text, and filterable by rulebook, mechanism and kind.
import { Alert, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError, api } from '../api';
import { useLoad } from '../hooks';

interface RuleRow {
  id: string;
  pack: string;
  packTitle: string;
  mechanism: string;
  kind: 'computable' | 'procedure' | 'principle';
  title: string | null;
  document: string;
  article: string;
  text: string;
  note: string | null;
  supersedes: string[];
}

const MECHANISM: Record<string, string> = {
  incentive: '鼓励激励',
  tolerance: '容错纠错',
  adjustment: '能上能下',
  opinion: '实施意见',
};

const PACK: Record<string, string> = {
  national: '国家法规',
  jiangsu: '江苏省',
  shaanxi: '陕西省',
  rudong: '如东县人民检察院',
  anhui: '安徽省',
  jiaozuo: '焦作市',
};

const KIND: Record<RuleRow['kind'], { label: string; color: string }> = {
  computable: { label: '可计算', color: 'red' },
  procedure: { label: '程序', color: 'blue' },
  principle: { label: '原则', color: 'default' },
};

export function RulesPage() {
  const { data, error, loading } = useLoad(() => api.get<RuleRow[]>('/rules'), []);
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
          <Input.Search placeholder="规则编号、条款或条文" allowClear onSearch={setQ} style={{ width: 240 }} />
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
                    对本规则包覆盖的对象，取代上级规则：{r.supersedes.join('、')}
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
            { title: '规则编号', dataIndex: 'id', width: 250, render: (v: string) => <code>{v}</code> },
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
            { title: '条款', dataIndex: 'article', width: 150, ellipsis: true },
            { title: '内容', render: (_: unknown, r) => r.title ?? r.text, ellipsis: true },
          ]}
        />
      )}
    </Card>
  );
}
