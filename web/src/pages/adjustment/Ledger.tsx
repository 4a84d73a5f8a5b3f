// 能上能下 · 影响期台账: every cadre in the reader's remit inside an influence period on a date — what is blocked
// (promotion, or a post above the original level), on which decision or sanction, under which article, until when.
import { useState } from 'react';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { api, download, qs } from '../../api';
import { useLoad } from '../../hooks';
import { toTreeData, useUnitTree } from '../../units';
import { navigate } from '../../router';
import { BLOCK_LABELS, today, type LedgerItem, type PeriodItem } from './api';
import { fmtDate } from '../../format';

interface LedgerPage {
  date: string;
  total: number;
  items: LedgerItem[];
}

export function LedgerTab() {
  const { tree } = useUnitTree();
  const [date, setDate] = useState(today());
  const [unitId, setUnitId] = useState<string | undefined>();
  const [blocks, setBlocks] = useState<PeriodItem['blocks'] | undefined>();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState({ current: 1, size: 20 });
  const filters = { date, unitId, blocks, search: search.trim() || undefined };
  const { data, error, loading } = useLoad(
    () =>
      api.get<LedgerPage>(
        `/adjustment/ledger${qs({ ...filters, offset: (page.current - 1) * page.size, limit: page.size })}`,
      ),
    [date, unitId, blocks, search, page.current, page.size],
  );
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const onExport = async () => {
    setExporting(true);
    setExportError(null);
    try {
      await download(`/adjustment/ledger.xlsx${qs(filters)}`, `影响期台账${date}.xlsx`);
    } catch (e) {
      setExportError((e as Error).message);
    } finally {
      setExporting(false);
    }
  };
  const reset = () => setPage((p) => ({ ...p, current: 1 }));

  return (
    <Card>
      <Space wrap style={{ marginBottom: 16 }}>
        <span>日期</span>
        <Input
          type="date"
          aria-label="台账日期"
          value={date}
          onChange={(e) => {
            if (e.target.value) setDate(e.target.value);
            reset();
          }}
          style={{ width: 160 }}
        />
        <TreeSelect
          allowClear
          showSearch
          treeNodeFilterProp="title"
          placeholder="单位（含下级）"
          style={{ width: 240 }}
          treeData={toTreeData(tree)}
          value={unitId}
          onChange={(v) => {
            setUnitId(v as string | undefined);
            reset();
          }}
        />
        <Select
          allowClear
          placeholder="限制事项"
          style={{ width: 240 }}
          value={blocks}
          onChange={(v) => {
            setBlocks(v);
            reset();
          }}
          options={Object.entries(BLOCK_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Input.Search
          allowClear
          placeholder="姓名"
          style={{ width: 160 }}
          onSearch={(v) => {
            setSearch(v);
            reset();
          }}
        />
        <Button icon={<ExportOutlined />} loading={exporting} onClick={() => void onExport()}>
          导出 Excel
        </Button>
      </Space>
      {error && <Alert type="error" showIcon message={error.message} style={{ marginBottom: 16 }} />}
      {exportError && <Alert type="error" showIcon message={exportError} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">
        影响期自调整决定或处分决定之日起计算，届满之日起不再受限；同时有多个影响期的，以最晚届满者为准。
      </Typography.Paragraph>
      <Table<LedgerItem>
        rowKey="cadreId"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{
          current: page.current,
          pageSize: page.size,
          total: data?.total ?? 0,
          showTotal: (t) => `共 ${t} 人在影响期内`,
          onChange: (current, size) => setPage({ current, size }),
        }}
        columns={[
          {
            title: '姓名',
            dataIndex: 'name',
            width: 100,
            render: (name: string, r) => (
              <a onClick={() => navigate(`/data/cadres/${encodeURIComponent(r.cadreId)}`)}>{name}</a>
            ),
          },
          { title: '单位', dataIndex: 'unitName', width: 200 },
          {
            title: '影响期',
            key: 'periods',
            render: (_: unknown, r) => (
              <Space direction="vertical" size={4}>
                {r.periods.map((p, i) => (
                  <div key={i}>
                    <Tag color={p.blocks === 'promotion' ? 'red' : 'orange'}>{p.words}</Tag>至 {fmtDate(p.until)}（
                    {fmtDate(p.allowedFrom)}起不再受限）
                    <div>
                      <Typography.Text type="secondary">
                        依据{p.article}；{p.record.join('；')}
                      </Typography.Text>
                    </div>
                  </div>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
