// 政策规则: the rules the server knows (GET /api/rules when the server offers it). Until then, a notice.
import { Alert, Card, Input, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError, api } from '../api';
import { useLoad } from '../hooks';

interface RuleRow {
  id: string;
  pack?: string;
  mechanism?: string;
  title?: string;
  name?: string;
  article?: string;
  source?: string;
  text?: string;
}

const MECHANISM: Record<string, string> = {
  incentive: '鼓励激励',
  tolerance: '容错纠错',
  adjustment: '能上能下',
  care: '关心关爱',
};

export function RulesPage() {
  const { data, error, loading } = useLoad(async () => {
    const r = await api.get<RuleRow[] | { items: RuleRow[] } | { rules: RuleRow[] }>('/rules');
    return Array.isArray(r) ? r : 'items' in r ? r.items : r.rules;
  }, []);
  const [q, setQ] = useState('');
  const rows = useMemo(() => (data ?? []).filter((r) => !q || JSON.stringify(r).includes(q)), [data, q]);
  const missing = error instanceof ApiError && error.status === 404;
  return (
    <Card
      title="政策规则"
      extra={
        !missing && <Input.Search placeholder="搜索条款、规则编号" allowClear onSearch={setQ} style={{ width: 260 }} />
      }
    >
      {missing ? (
        <Alert
          type="info"
          showIcon
          title="政策规则查询建设中"
          description="规则库的浏览功能将在后续版本提供；规则的适用结果可在各机制模块中查看。"
        />
      ) : error ? (
        <Alert type="error" showIcon title={error.message} />
      ) : (
        <Table<RuleRow>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={rows}
          pagination={{ pageSize: 15, showTotal: (t) => `共 ${t} 条` }}
          columns={[
            { title: '规则编号', dataIndex: 'id', width: 260, render: (v: string) => <code>{v}</code> },
            { title: '规则包', dataIndex: 'pack', width: 100 },
            {
              title: '机制',
              dataIndex: 'mechanism',
              width: 100,
              render: (v?: string) => (v ? <Tag>{MECHANISM[v] ?? v}</Tag> : '—'),
            },
            { title: '名称', render: (_: unknown, r) => r.title ?? r.name ?? '—' },
            { title: '依据', render: (_: unknown, r) => r.article ?? r.source ?? '—', ellipsis: true },
          ]}
        />
      )}
    </Card>
  );
}
