// A table of tolerance cases in words: who the case concerns, their unit, the matter, the jurisdiction, where the
// case stands and its conclusion; a row opens the case page.
import { Button, Table, Tag } from 'antd';
import { fmtDate } from '../../format';
import { navigate } from '../../router';
import { jurisdictionName, type CaseSummary } from './data';

/** A page of a list the server pages: where it stands and how to move. */
export interface ServerPaging {
  current: number;
  pageSize: number;
  total: number;
  /** the server counted only up to `total`: there are more */
  capped: boolean;
  onChange: (page: number, pageSize: number) => void;
}

export function CaseTable({
  items,
  loading,
  showActions = false,
  compact = false,
  testId,
  paging,
}: {
  items: CaseSummary[];
  loading?: boolean;
  showActions?: boolean;
  /** on a cadre's profile: the cadre, their unit and jurisdiction go without saying */
  compact?: boolean;
  testId?: string;
  /** the list is paged by the server (else all items are here and paged in the browser) */
  paging?: ServerPaging;
}) {
  type Render = (_: unknown, c: CaseSummary) => string;
  const who: { title: string; key: string; width?: number; ellipsis?: boolean; render: Render }[] = [
    { title: '所涉干部或单位', key: 's', width: 110, render: (_, c) => c.subjectName },
    { title: '所在单位', key: 'u', width: 150, ellipsis: true, render: (_, c) => c.subjectUnitName },
    { title: '地区', key: 'j', width: 120, ellipsis: true, render: (_, c) => jurisdictionName(c.pack) },
  ];
  const open = (c: CaseSummary) => navigate(`/tolerance/cases/${encodeURIComponent(c.id)}`);
  return (
    <Table<CaseSummary>
      data-testid={testId}
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={
        paging
          ? {
              current: paging.current,
              pageSize: paging.pageSize,
              // past the counted cases, one more page is offered while the server says more follow
              total: paging.capped ? Math.max(paging.total, paging.current * paging.pageSize + 1) : paging.total,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: () => `共 ${paging.total}${paging.capped ? '+' : ''} 件`,
              onChange: paging.onChange,
            }
          : { pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }
      }
      onRow={(c) => ({ onDoubleClick: () => open(c) })}
      locale={{ emptyText: '暂无案件' }}
      columns={[
        ...(compact ? [] : who.slice(0, 2)),
        {
          title: '问责事项',
          key: 'm',
          width: compact ? undefined : 180,
          ellipsis: true,
          render: (_, c) => c.matterName,
        },
        ...(compact ? [] : who.slice(2)),
        { title: '启动日期', key: 'o', width: 120, render: (_, c) => fmtDate(c.openedOn) },
        {
          title: '所处环节',
          key: 'st',
          width: 170,
          render: (_, c) => <Tag color={c.closed ? 'default' : 'blue'}>{c.stateLabel}</Tag>,
        },
        ...(showActions
          ? [
              {
                title: '待办事项',
                key: 'a',
                width: 140,
                render: (_: unknown, c: CaseSummary) => (c.actions ?? []).join('；'),
              },
            ]
          : [
              {
                title: '结论',
                key: 'r',
                width: 90,
                render: (_: unknown, c: CaseSummary) => c.outcomeLabel ?? '—',
              },
            ]),
        {
          title: '',
          key: 'go',
          width: 70,
          render: (_, c) => (
            <Button size="small" type="link" onClick={() => open(c)} data-testid="open-case">
              {showActions ? '办理' : '查看'}
            </Button>
          ),
        },
      ]}
    />
  );
}
