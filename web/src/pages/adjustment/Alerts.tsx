// 预警清单: the findings of the adjustment rules about the cadres (and units) the user may see, each with the
// article in plain words and the facts it rests on. Every row is a proposal of the rules (提示) that only the
// organisation department turns into a determination (经组织认定) or dismisses with a written reason; the page says
// so wherever a step is taken. A confirmed alert about a cadre is where the adjustment case starts (启动调整程序): the
// server checks the alert and marks it with the case, and the alert then links to its case. The cadre's profile
// shows that cadre's alerts (CadreAlerts).
import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  TreeSelect,
  Typography,
} from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api, ApiError, download, qs } from '../../api';
import { useAuth } from '../../auth';
import { fmtDate, fmtDateTime } from '../../format';
import { useLoad } from '../../hooks';
import { toTreeData, useUnitTree } from '../../units';

interface AlertItem {
  id: string;
  version: number;
  rule: string;
  ruleTitle: string;
  pack: string;
  subjectType: 'cadre' | 'unit';
  subjectId: string;
  subjectName: string;
  unitName: string;
  year: number | null;
  citation: { document: string; article: string; text: string };
  because: string[];
  conclusion: string | null;
  state: string;
  stateLabel: string;
  present: boolean;
  firstSeen: string;
  goneOn: string | null;
  confirmedBy: string | null;
  confirmedAt: string | null;
  dismissedReason: string | null;
  caseId: string | null;
}

/** Opens an adjustment case on the 调整案件 tab (absent where the page has no such tab: the profile). */
export type OpenCase = (caseId: string) => void;

interface AlertDetail extends AlertItem {
  history: { at: string; action: string; label: string; by: string | null; reason: string | null }[];
  actions: { action: string; label: string; reasonRequired: boolean }[];
}

interface RuleOption {
  rule: string;
  title: string;
  pack: string;
  article: string;
}

const STATE_COLORS: Record<string, string> = {
  new: 'orange',
  verifying: 'blue',
  confirmed: 'red',
  case_opened: 'purple',
  dismissed: 'default',
};

const STATE_OPTIONS = [
  { value: 'new', label: '新提示' },
  { value: 'verifying', label: '核实中' },
  { value: 'confirmed', label: '已经组织认定' },
  { value: 'case_opened', label: '已启动调整程序' },
  { value: 'dismissed', label: '不予认定' },
];

const ACTION_PATH: Record<string, string> = {
  verify: 'verify',
  confirm: 'confirm',
  dismiss: 'dismiss',
};

export const PROPOSAL_NOTE =
  '预警清单是系统依据政策规则对记录作出的提示，不是调整决定。每条提示须经组织核实认定；不予认定的，须写明理由。';

function StateTag({ a }: { a: Pick<AlertItem, 'state' | 'stateLabel' | 'present' | 'goneOn'> }) {
  return (
    <Space size={4} wrap>
      <Tag color={STATE_COLORS[a.state]}>{a.stateLabel}</Tag>
      {!a.present && <Tag>记录已变化{a.goneOn ? `（${fmtDate(a.goneOn)}起不再提示）` : ''}</Tag>}
    </Space>
  );
}

/** One alert: the article in words, the facts, the history, and the steps open to the user. */
function AlertDrawer({
  id,
  onClose,
  onChanged,
  onCase,
}: {
  id: string;
  onClose: () => void;
  onChanged: () => void;
  onCase?: OpenCase;
}) {
  const { message } = AntApp.useApp();
  const { data, error, loading, reload } = useLoad(() => api.get<AlertDetail>(`/alerts/${id}`), [id]);
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const [starting, setStarting] = useState(false);
  const [situation, setSituation] = useState('');
  const [busy, setBusy] = useState(false);

  /** Starts the adjustment case on this alert; the server marks the alert 已启动调整程序 with it. */
  const startCase = async () => {
    if (!data) return;
    setBusy(true);
    try {
      const c = await api.post<{ id: string }>('/cases', {
        procedure: 'adjustment',
        subjectType: 'cadre',
        subjectId: data.subjectId,
        action: 'open',
        on: dayjs().format('YYYY-MM-DD'),
        inputs: { alert: data.id, situation },
      });
      void message.success('已启动调整程序');
      setStarting(false);
      await reload();
      onChanged();
      onCase?.(c.id);
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
      if (e instanceof ApiError && e.status === 409) await reload();
    } finally {
      setBusy(false);
    }
  };

  const act = async (action: string, body: Record<string, unknown> = {}) => {
    if (!data) return;
    setBusy(true);
    try {
      await api.post(`/alerts/${id}/${ACTION_PATH[action]}`, { version: data.version, ...body });
      void message.success('已办理');
      setDismissing(false);
      setReason('');
      await reload();
      onChanged();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
      if (e instanceof ApiError && e.status === 409) await reload();
    } finally {
      setBusy(false);
    }
  };

  const confirm = () =>
    Modal.confirm({
      title: '组织认定',
      content: '确认本条提示经组织核实认定属实？认定后方可启动调整程序，干部本人可以看到经认定的提示。',
      okText: '确认认定',
      cancelText: '取消',
      onOk: () => act('confirm'),
    });

  // only the organisation department (who may act on the alert) starts the case, on a confirmed alert about a cadre
  const canStart =
    !!data && data.state === 'confirmed' && data.subjectType === 'cadre' && data.actions.length > 0 && !!onCase;

  return (
    <Drawer open onClose={onClose} size={720} title="预警提示详情" destroyOnHidden>
      {error && <Alert type="error" showIcon title={error.message} />}
      {loading && !data && <Typography.Text type="secondary">加载中…</Typography.Text>}
      {data && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Alert type="info" showIcon title={PROPOSAL_NOTE} />
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label={data.subjectType === 'cadre' ? '干部' : '单位'}>
              {data.subjectName}
            </Descriptions.Item>
            <Descriptions.Item label="所在单位">{data.unitName}</Descriptions.Item>
            <Descriptions.Item label="提示情形" span={2}>
              {data.ruleTitle}
            </Descriptions.Item>
            <Descriptions.Item label="年度">{data.year ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="处理状态">
              <StateTag a={data} />
            </Descriptions.Item>
            <Descriptions.Item label="首次提示">{fmtDate(data.firstSeen)}</Descriptions.Item>
            <Descriptions.Item label="适用规定">{data.pack}</Descriptions.Item>
            {data.confirmedAt && (
              <Descriptions.Item label="组织认定" span={2}>
                {data.confirmedBy}，{fmtDateTime(data.confirmedAt)}
              </Descriptions.Item>
            )}
            {data.dismissedReason && (
              <Descriptions.Item label="不予认定理由" span={2}>
                {data.dismissedReason}
              </Descriptions.Item>
            )}
            {data.caseId && (
              <Descriptions.Item label="调整案件" span={2}>
                {onCase ? (
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onCase(data.caseId!)}>
                    查看调整案件
                  </Button>
                ) : (
                  '已启动调整程序'
                )}
              </Descriptions.Item>
            )}
          </Descriptions>
          <div>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              依据：《{data.citation.document}》{data.citation.article}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 8 }}>
              {data.citation.text}
            </Typography.Paragraph>
          </div>
          <div>
            <Typography.Title level={5}>事实依据</Typography.Title>
            <ul style={{ paddingInlineStart: 20, margin: 0 }}>
              {data.because.map((b, i) => (
                <li key={i}>{b}</li>
              ))}
            </ul>
            {data.conclusion && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                规则提示：{data.conclusion}
              </Typography.Paragraph>
            )}
          </div>
          {data.history.length > 0 && (
            <div>
              <Typography.Title level={5}>处理记录</Typography.Title>
              <Timeline
                items={data.history.map((h, i) => ({
                  key: i,
                  content: (
                    <span>
                      {fmtDateTime(h.at)} {h.label}
                      {h.by ? `（${h.by}）` : ''}
                      {h.reason ? `：${h.reason}` : ''}
                    </span>
                  ),
                }))}
              />
            </div>
          )}
          {(data.actions.length > 0 || canStart) && (
            <Space wrap>
              {canStart && (
                <Button
                  type="primary"
                  loading={busy}
                  onClick={() => {
                    setSituation(`${data.ruleTitle}${data.conclusion ? `：${data.conclusion}` : ''}`);
                    setStarting(true);
                  }}
                >
                  启动调整程序
                </Button>
              )}
              {data.actions.map((a) =>
                a.action === 'confirm' ? (
                  <Button key={a.action} type="primary" loading={busy} onClick={confirm}>
                    {a.label}
                  </Button>
                ) : a.action === 'dismiss' ? (
                  <Button key={a.action} danger loading={busy} onClick={() => setDismissing(true)}>
                    {a.label}
                  </Button>
                ) : (
                  <Button key={a.action} loading={busy} onClick={() => void act(a.action)}>
                    {a.label}
                  </Button>
                ),
              )}
            </Space>
          )}
          <Modal
            open={starting}
            title="启动调整程序"
            okText="启动"
            cancelText="取消"
            okButtonProps={{ disabled: situation.trim() === '', loading: busy }}
            onOk={() => void startCase()}
            onCancel={() => setStarting(false)}
          >
            <Typography.Paragraph>
              依据经组织认定的本条提示，按{data.pack}规定的程序启动调整。请写明经组织认定的情形（必填）。
            </Typography.Paragraph>
            <Input.TextArea
              rows={4}
              value={situation}
              maxLength={4000}
              onChange={(e) => setSituation(e.target.value)}
            />
          </Modal>
          <Modal
            open={dismissing}
            title="不予认定"
            okText="确定"
            cancelText="取消"
            okButtonProps={{ disabled: reason.trim() === '', loading: busy }}
            onOk={() => void act('dismiss', { reason })}
            onCancel={() => setDismissing(false)}
          >
            <Typography.Paragraph>请写明不予认定的理由（必填），理由将记入处理记录。</Typography.Paragraph>
            <Input.TextArea
              rows={4}
              value={reason}
              maxLength={4000}
              onChange={(e) => setReason(e.target.value)}
              placeholder="例如：经核实，相关情形已整改到位"
            />
          </Modal>
        </Space>
      )}
    </Drawer>
  );
}

interface Filters {
  unit?: string;
  rule?: string;
  year?: number;
  state?: string;
  present?: string;
  cadre?: string;
}

/** The alert table with paging; `fixed` filters are applied and not shown (the profile's cadre). */
function AlertTable({ filters, compact, onCase }: { filters: Filters; compact?: boolean; onCase?: OpenCase }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [open, setOpen] = useState<string | null>(null);
  const key = JSON.stringify(filters);
  const { data, error, loading, reload } = useLoad(
    () => api.get<{ total: number; items: AlertItem[] }>(`/alerts${qs({ ...filters, page, pageSize })}`),
    [key, page, pageSize],
  );
  return (
    <>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 8 }} />}
      <Table<AlertItem>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无预警提示" /> }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: !compact,
          showTotal: (n) => `共 ${n} 条`,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          ...(compact
            ? []
            : [
                { title: '干部（单位）', dataIndex: 'subjectName', width: 110 },
                { title: '所在单位', dataIndex: 'unitName', width: 180, ellipsis: true },
              ]),
          { title: '年度', dataIndex: 'year', width: 64, render: (y: number | null) => y ?? '—' },
          { title: '提示情形', dataIndex: 'ruleTitle', ellipsis: true },
          {
            title: '依据',
            key: 'article',
            width: 240,
            ellipsis: true,
            render: (_: unknown, r: AlertItem) => `《${r.citation.document}》${r.citation.article}`,
          },
          { title: '状态', key: 'state', width: 170, render: (_: unknown, r: AlertItem) => <StateTag a={r} /> },
          {
            title: '操作',
            key: 'op',
            width: 64,
            render: (_: unknown, r: AlertItem) => (
              <Button type="link" size="small" onClick={() => setOpen(r.id)}>
                详情
              </Button>
            ),
          },
        ]}
      />
      {open && <AlertDrawer id={open} onClose={() => setOpen(null)} onChanged={() => void reload()} onCase={onCase} />}
    </>
  );
}

export function AlertsTab({ onCase }: { onCase?: OpenCase }) {
  const { user } = useAuth();
  const { message } = AntApp.useApp();
  const { tree } = useUnitTree();
  const rules = useLoad(() => api.get<{ items: RuleOption[] }>('/alerts/rules'), []);
  const [filters, setFilters] = useState<Filters>({});
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const [tick, setTick] = useState(0);
  const exportList = async () => {
    try {
      await download(`/alerts/export.xlsx${qs({ ...filters })}`, '能上能下预警清单.xlsx');
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title={PROPOSAL_NOTE}
        description={
          user?.role === 'cadre'
            ? '这里列出经组织认定的、关于您本人的提示。'
            : '记录变化后，相关提示随之更新；因记录变化不再成立的提示保留在清单中并注明。'
        }
      />
      <Space wrap>
        {user?.role !== 'cadre' && (
          <TreeSelect
            allowClear
            showSearch
            treeNodeFilterProp="title"
            placeholder="单位（含下级）"
            style={{ width: 220 }}
            treeData={toTreeData(tree)}
            value={filters.unit}
            onChange={(v: string | undefined) => set({ unit: v })}
          />
        )}
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="提示情形"
          style={{ width: 300 }}
          value={filters.rule}
          onChange={(v: string | undefined) => set({ rule: v })}
          options={(rules.data?.items ?? []).map((r) => ({ value: r.rule, label: `${r.pack}：${r.title}` }))}
        />
        <InputNumber
          placeholder="年度"
          min={1949}
          max={2200}
          style={{ width: 100 }}
          value={filters.year ?? null}
          onChange={(v) => set({ year: v ?? undefined })}
        />
        <Select
          allowClear
          placeholder="处理状态"
          style={{ width: 150 }}
          value={filters.state}
          onChange={(v: string | undefined) => set({ state: v })}
          options={STATE_OPTIONS}
        />
        <Select
          allowClear
          placeholder="记录变化"
          style={{ width: 150 }}
          value={filters.present}
          onChange={(v: string | undefined) => set({ present: v })}
          options={[
            { value: 'true', label: '规则仍提示' },
            { value: 'false', label: '记录已变化' },
          ]}
        />
        <Button icon={<ReloadOutlined />} onClick={() => setTick((t) => t + 1)}>
          刷新
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void exportList()}>
          导出 Excel
        </Button>
      </Space>
      <AlertTable key={tick} filters={filters} onCase={onCase} />
    </Space>
  );
}

/** The cadre's alerts on their profile (the same rules of who sees what as the list). */
export function CadreAlerts({ cadreId }: { cadreId: string }) {
  return (
    <div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {PROPOSAL_NOTE}
      </Typography.Paragraph>
      <AlertTable filters={{ cadre: cadreId }} compact />
    </div>
  );
}
