// 鼓励激励: the annual runs by year; a run's lists with each entry's article and reasons, the ties to decide, the
// approval of each list by the body the text names, conferral and closing; and the unit grading workbench, where a
// unit liaison proposes grades within the quota its meter shows and the organisation department accepts or returns.
import { useState, type ReactNode } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Select,
  Space,
  Steps,
  Table,
  Tabs,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { api, download } from '../../api';
import { useAuth } from '../../auth';
import { fmtDate } from '../../format';
import { useLoad } from '../../hooks';
import { toTreeData, useUnitTree } from '../../units';

interface RunSummary {
  id: string;
  year: number;
  jurisdiction: string;
  organiser: string;
  state: string;
  stateLabel: string;
  /** false: this unit grades its own cadres in the run but does not read the jurisdiction's lists */
  listsVisible: boolean;
}

interface Entry {
  seq: number;
  name: string;
  subjectType: 'unit' | 'cadre';
  rule: string;
  article: string;
  conclusion: string;
  because: string[];
  value: string | null;
  tie: boolean;
  decision: 'include' | 'exclude' | null;
  decisionReason: string | null;
}

interface RunList {
  key: string;
  name: string;
  publish: string;
  status: string;
  statusLabel: string;
  approver: string | null;
  approverBasis: string;
  notice: { from: string; to: string } | null;
  approval: { body: string; meeting: string; decidedOn: string; documentNo: string } | null;
  entries: Entry[];
}

interface Run {
  id: string;
  version: number;
  year: number;
  asOf: string;
  jurisdiction: string;
  organiser: string;
  state: string;
  stateLabel: string;
  publicNoticeDays: number | null;
  conferredOn: string | null;
  conferredDocumentNo: string | null;
  gaps: string[];
  ties: string[];
  completeness: {
    unitsWithResults: number;
    cadresWithResults: number;
    unitsMissing: number;
    cadresMissing: number;
    unitsMissingNames: string[];
    cadresMissingNames: string[];
  };
  quotas: { unit: string; share: string }[];
  lists: RunList[];
}

interface Workbench {
  unit: string;
  quotaUnit: string | null;
  state: string;
  meter: { share: string | null; pool: number; places: number | null; excellent: number };
  cadres: {
    cadreId: string;
    name: string;
    grade: string | null;
    status: string | null;
    statusLabel: string | null;
    reviewNote: string | null;
  }[];
}

const STEPS = ['computed', 'proposed', 'approved', 'conferred', 'closed'];
const STEP_TITLES = ['汇总计算', '提出名单', '审批', '授予/公布', '办结'];
const GRADES = ['优秀', '称职', '基本称职', '不称职'];

/**
 * A step recorded in a dialog. Each opening mounts a fresh form (a shared one kept the previous list's approving
 * body and typed values, so the next list was sent with another list's body and refused); a refusal stays in the
 * dialog above the fields, with what was typed, until the next submission.
 */
function StepDialog<F extends Record<string, string>>({
  title,
  initial,
  onCancel,
  onSubmit,
  onDone,
  children,
}: {
  title: string;
  initial?: Partial<F>;
  onCancel: () => void;
  onSubmit: (f: F) => Promise<Run>;
  onDone: (after: Run) => void;
  children: ReactNode;
}) {
  const [form] = Form.useForm<F>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const submit = async () => {
    let f: F;
    try {
      f = await form.validateFields();
    } catch {
      return; // the form marks what is missing
    }
    setBusy(true);
    setRefusal(null);
    try {
      const after = await onSubmit(f);
      onDone(after);
    } catch (e) {
      setRefusal((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={title} onCancel={onCancel} onOk={() => void submit()} confirmLoading={busy}>
      {refusal && <Alert type="error" showIcon role="alert" message={refusal} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={initial}>
        {children}
      </Form>
    </Modal>
  );
}

type ApprovalFields = { body: string; meeting: string; date: string; documentNo: string };

function ApprovalDialog({
  list,
  onCancel,
  onSubmit,
  onDone,
}: {
  list: RunList;
  onCancel: () => void;
  onSubmit: (f: ApprovalFields) => Promise<Run>;
  onDone: (after: Run) => void;
}) {
  return (
    <StepDialog<ApprovalFields>
      title={`记录审批：${list.name}`}
      initial={{ body: list.approver ?? '' }}
      onCancel={onCancel}
      onSubmit={onSubmit}
      onDone={onDone}
    >
      <Form.Item name="body" label="审批机关" rules={[{ required: true }]} extra={list.approverBasis}>
        <Input />
      </Form.Item>
      <Form.Item name="meeting" label="会议" rules={[{ required: true }]}>
        <Input placeholder="如：省委常委会会议" />
      </Form.Item>
      <Form.Item name="date" label="审批日期" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
        <Input placeholder="YYYY-MM-DD" />
      </Form.Item>
      <Form.Item name="documentNo" label="文号" rules={[{ required: true }]}>
        <Input placeholder="如：苏委发〔2026〕5号" />
      </Form.Item>
    </StepDialog>
  );
}

type ConferFields = { date: string; documentNo: string };

function ConferDialog({
  onCancel,
  onSubmit,
  onDone,
}: {
  onCancel: () => void;
  onSubmit: (f: ConferFields) => Promise<Run>;
  onDone: (after: Run) => void;
}) {
  return (
    <StepDialog<ConferFields> title="授予/公布" onCancel={onCancel} onSubmit={onSubmit} onDone={onDone}>
      <Form.Item name="date" label="日期" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
        <Input placeholder="YYYY-MM-DD" />
      </Form.Item>
      <Form.Item name="documentNo" label="文号" rules={[{ required: true }]}>
        <Input />
      </Form.Item>
    </StepDialog>
  );
}

function RunDetail({ id, organiser, onChanged }: { id: string; organiser: boolean; onChanged: () => void }) {
  const { message } = App.useApp();
  const { data: run, error, reload, setData } = useLoad(() => api.get<Run>(`/incentive/runs/${id}`), [id]);
  const [approving, setApproving] = useState<RunList | null>(null);
  const [conferring, setConferring] = useState(false);

  if (error) return <Alert type="error" message={error.message} />;
  if (!run) return null;

  const act = async (path: string, body: Record<string, unknown>) => {
    try {
      setData(await api.post<Run>(`/incentive/runs/${id}${path}`, body));
      onChanged();
      return true;
    } catch (e) {
      message.error((e as Error).message);
      return false;
    }
  };
  const v = { version: run.version };
  // a closed run has finished every step, the last one included
  const current = run.state === 'closed' ? STEPS.length : Math.max(0, STEPS.indexOf(run.state));

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Steps size="small" current={current} items={STEP_TITLES.map((title) => ({ title }))} />
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label="组织实施单位">{run.organiser}</Descriptions.Item>
        <Descriptions.Item label="适用规定">{run.jurisdiction}</Descriptions.Item>
        <Descriptions.Item label="考核年度">{run.year}</Descriptions.Item>
        <Descriptions.Item label="状态">{run.stateLabel}</Descriptions.Item>
        <Descriptions.Item label="公示">
          {run.publicNoticeDays ? `${run.publicNoticeDays} 天` : '不设公示'}
        </Descriptions.Item>
        <Descriptions.Item label="授予/公布">
          {run.conferredOn ? `${fmtDate(run.conferredOn)} ${run.conferredDocumentNo ?? ''}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="考核结果" span={3}>
          已有结果：单位 {run.completeness.unitsWithResults} 个、干部 {run.completeness.cadresWithResults}{' '}
          名；缺少结果：单位 {run.completeness.unitsMissing} 个、干部 {run.completeness.cadresMissing} 名
          {run.completeness.cadresMissing > 0 && (
            <Typography.Text type="secondary">
              （如：
              {[...run.completeness.unitsMissingNames, ...run.completeness.cadresMissingNames].slice(0, 10).join('、')}
              ）
            </Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
      {run.gaps.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message="尚待配置或确定的事项"
          description={run.gaps.map((g) => (
            <div key={g}>{g}</div>
          ))}
        />
      )}
      {run.ties.length > 0 && (
        <Alert
          type="info"
          showIcon
          message="并列于名额分界，须研究决定"
          description={run.ties.map((g) => (
            <div key={g}>{g}</div>
          ))}
        />
      )}
      {organiser && run.state !== 'closed' && (
        <Space wrap>
          {(run.state === 'computed' || run.state === 'proposed') && (
            <Button onClick={() => void act('/recompute', v)}>重新计算</Button>
          )}
          {run.state === 'computed' && (
            <Button type="primary" onClick={() => void act('/propose', v)}>
              提出名单
            </Button>
          )}
          {run.state === 'approved' && (
            <Button type="primary" onClick={() => setConferring(true)}>
              授予/公布
            </Button>
          )}
          {run.state === 'conferred' && (
            <Button
              type="primary"
              onClick={() =>
                Modal.confirm({
                  title: '办结本年度工作？',
                  content: '办结后，表彰和等次写入干部档案，名单不能再修改。',
                  onOk: () => act('/close', v),
                })
              }
            >
              办结
            </Button>
          )}
        </Space>
      )}
      <div data-testid="run-lists">
        <Tabs
          type="card"
          className="wrapped-tabs"
          items={run.lists.map((l) => ({
            key: l.key,
            label: (
              <span>
                {l.name} <Tag color={l.status === 'conferred' ? 'green' : undefined}>{l.statusLabel}</Tag>
              </span>
            ),
            children: (
              <Space data-testid="list-pane" direction="vertical" style={{ width: '100%' }}>
                <Typography.Text type="secondary">
                  审批机关：{l.approver ?? '原文未明确'}（{l.approverBasis}）
                  {l.approval &&
                    ` · 已由${l.approval.body}于 ${fmtDate(l.approval.decidedOn)} ${l.approval.meeting}审批，文号 ${l.approval.documentNo}`}
                  {l.notice && ` · 公示 ${fmtDate(l.notice.from)} 至 ${fmtDate(l.notice.to)}`}
                </Typography.Text>
                <Space wrap>
                  <Button
                    size="small"
                    onClick={() => void download(`/incentive/runs/${id}/lists/${l.key}/xlsx`, `${l.name}.xlsx`)}
                  >
                    下载名单（.xlsx）
                  </Button>
                  {l.approval && (
                    <Button
                      size="small"
                      onClick={() => void download(`/incentive/runs/${id}/lists/${l.key}/docx`, `${l.name}.docx`)}
                    >
                      下载{l.publish.includes('通报') ? '通报' : '表彰决定'}（.docx）
                    </Button>
                  )}
                  {organiser && run.publicNoticeDays && l.status === 'proposed' && (
                    <Button
                      size="small"
                      onClick={() => {
                        const from = new Date().toISOString().slice(0, 10);
                        const to = new Date(Date.now() + (run.publicNoticeDays! - 1) * 86_400_000)
                          .toISOString()
                          .slice(0, 10);
                        void act(`/lists/${l.key}/notice`, { from, to });
                      }}
                    >
                      开始公示
                    </Button>
                  )}
                  {organiser && (l.status === 'proposed' || l.status === 'notice') && (
                    <Button size="small" type="primary" onClick={() => setApproving(l)}>
                      记录审批
                    </Button>
                  )}
                </Space>
                <Table<Entry>
                  size="small"
                  rowKey="seq"
                  dataSource={l.entries}
                  pagination={{ pageSize: 20 }}
                  columns={[
                    { title: '名称', dataIndex: 'name', width: 180 },
                    { title: '结论', dataIndex: 'conclusion' },
                    { title: '金额或奖励', dataIndex: 'value', width: 110, render: (x: string | null) => x ?? '—' },
                    { title: '依据', dataIndex: 'rule', width: 220 },
                    {
                      title: '并列决定',
                      width: 170,
                      render: (_: unknown, e: Entry) =>
                        !e.tie ? null : e.decision ? (
                          <Tag color={e.decision === 'include' ? 'green' : 'default'}>
                            {e.decision === 'include' ? '列入' : '不列入'}
                          </Tag>
                        ) : organiser && run.state === 'computed' ? (
                          <Space>
                            {(['include', 'exclude'] as const).map((d) => (
                              <Button
                                key={d}
                                size="small"
                                onClick={() => {
                                  const reason = window.prompt('决定的理由') ?? '';
                                  if (reason) void act('/ties', { ...v, list: l.key, seq: e.seq, decision: d, reason });
                                }}
                              >
                                {d === 'include' ? '列入' : '不列入'}
                              </Button>
                            ))}
                          </Space>
                        ) : (
                          <Tag color="orange">待决定</Tag>
                        ),
                    },
                  ]}
                  expandable={{
                    expandedRowRender: (e) => (
                      <ul style={{ margin: 0 }}>
                        {e.because.map((b, i) => (
                          <li key={i}>{b}</li>
                        ))}
                        {e.decisionReason && <li>决定理由：{e.decisionReason}</li>}
                      </ul>
                    ),
                  }}
                />
              </Space>
            ),
          }))}
        />
      </div>
      {run.lists.length === 0 && <Empty description="本年度没有符合条件的名单" />}
      {approving && (
        <ApprovalDialog
          key={approving.key}
          list={approving}
          onCancel={() => setApproving(null)}
          onSubmit={(f) => api.post<Run>(`/incentive/runs/${id}/lists/${approving.key}/approve`, f)}
          onDone={(after) => {
            setData(after);
            setApproving(null);
            onChanged();
          }}
        />
      )}
      {conferring && (
        <ConferDialog
          onCancel={() => setConferring(false)}
          onSubmit={(f) => api.post<Run>(`/incentive/runs/${id}/confer`, { ...v, ...f })}
          onDone={(after) => {
            setData(after);
            setConferring(false);
            onChanged();
          }}
        />
      )}
      <Button type="link" onClick={() => void reload()}>
        刷新
      </Button>
    </Space>
  );
}

function WorkbenchPanel({ runId, organiser }: { runId: string; organiser: boolean }) {
  const { message } = App.useApp();
  const { tree } = useUnitTree();
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const q = unitId ? `?unitId=${encodeURIComponent(unitId)}` : '';
  const { data, error, reload } = useLoad(
    () => api.get<Workbench>(`/incentive/runs/${runId}/workbench${q}`),
    [runId, q],
  );
  const propose = async (cadreId: string, grade: string) => {
    try {
      await api.put(`/incentive/runs/${runId}/grades/${cadreId}`, { grade });
      await reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const review = async (cadreId: string, decision: 'accept' | 'return') => {
    const note = decision === 'return' ? (window.prompt('退回理由') ?? '') : '';
    if (decision === 'return' && !note) return;
    try {
      await api.post(`/incentive/runs/${runId}/grades/${cadreId}/review`, { decision, note });
      await reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  if (error) return <Alert type="error" message={error.message} />;
  if (!data) return null;
  const m = data.meter;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {organiser && (
        <TreeSelect
          style={{ width: 360 }}
          placeholder="选择单位"
          treeData={toTreeData(tree)}
          value={unitId}
          onChange={(x: string) => setUnitId(x)}
          showSearch
          treeNodeFilterProp="title"
        />
      )}
      <Card size="small" title={`${data.unit} · 优秀等次名额`}>
        {m.places === null ? (
          <Alert type="warning" message="本单位优秀等次比例未配置，暂不能确定优秀等次" />
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              {data.quotaUnit ?? data.unit}：参加考核 {m.pool} 人，比例 {m.share}，名额 {m.places} 名，已提出{' '}
              {m.excellent} 名
            </Typography.Text>
            <Progress
              percent={m.places ? Math.round((m.excellent / m.places) * 100) : 100}
              status={m.excellent > m.places ? 'exception' : m.excellent === m.places ? 'success' : 'active'}
              format={() => `${m.excellent}/${m.places}`}
            />
          </Space>
        )}
      </Card>
      <Table
        data-testid="workbench"
        size="small"
        rowKey="cadreId"
        dataSource={data.cadres}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          {
            title: '等次',
            render: (_: unknown, c: Workbench['cadres'][number]) => (
              <Select
                style={{ width: 120 }}
                value={c.grade ?? undefined}
                placeholder="提出等次"
                disabled={data.state !== 'computed' || c.status === 'accepted'}
                options={GRADES.map((g) => ({ value: g, label: g }))}
                onChange={(g: string) => void propose(c.cadreId, g)}
              />
            ),
          },
          { title: '状态', dataIndex: 'statusLabel', render: (x: string | null) => x ?? '未提出' },
          { title: '说明', dataIndex: 'reviewNote', render: (x: string | null) => x ?? '' },
          ...(organiser
            ? [
                {
                  title: '审核',
                  render: (_: unknown, c: Workbench['cadres'][number]) =>
                    c.status === 'proposed' ? (
                      <Space>
                        <Button size="small" type="primary" onClick={() => void review(c.cadreId, 'accept')}>
                          确认
                        </Button>
                        <Button size="small" onClick={() => void review(c.cadreId, 'return')}>
                          退回
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}

function StartRun({ onStarted }: { onStarted: (id: string) => void }) {
  const { message } = App.useApp();
  const { tree } = useUnitTree();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        开始年度工作
      </Button>
      <Modal
        open={open}
        title="开始年度鼓励激励工作"
        onCancel={() => setOpen(false)}
        onOk={async () => {
          const f = (await form.validateFields()) as {
            organiserUnitId: string;
            year: number;
            publicNoticeDays?: number;
          };
          try {
            const run = await api.post<Run>('/incentive/runs', {
              organiserUnitId: f.organiserUnitId,
              year: f.year,
              ...(f.publicNoticeDays ? { publicNoticeDays: f.publicNoticeDays } : {}),
            });
            setOpen(false);
            onStarted(run.id);
          } catch (e) {
            message.error((e as Error).message);
          }
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear() - 1 }}>
          <Form.Item name="organiserUnitId" label="组织实施单位" rules={[{ required: true }]}>
            <TreeSelect treeData={toTreeData(tree)} showSearch treeNodeFilterProp="title" />
          </Form.Item>
          <Form.Item name="year" label="考核年度" rules={[{ required: true }]}>
            <InputNumber min={1990} max={2100} />
          </Form.Item>
          <Form.Item name="publicNoticeDays" label="公示天数（不填则不设公示）">
            <InputNumber min={1} max={60} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function IncentivePage() {
  const { user } = useAuth();
  const organiser = user?.role === 'org_officer';
  const { data: runs, error, reload } = useLoad(() => api.get<RunSummary[]>('/incentive/runs'), []);
  const [selected, setSelected] = useState<string | null>(null);
  const [tab, setTab] = useState('lists');
  const gradesOnly = user?.role === 'unit_liaison' || runs?.find((r) => r.id === selected)?.listsVisible === false;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title="年度鼓励激励工作"
        extra={organiser ? <StartRun onStarted={(id) => (setSelected(id), void reload())} /> : null}
      >
        {error && <Alert type="error" message={error.message} />}
        <Table<RunSummary>
          size="small"
          rowKey="id"
          dataSource={runs ?? []}
          pagination={false}
          rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
          onRow={(r) => ({ onClick: () => setSelected(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: '年度', dataIndex: 'year', width: 90 },
            { title: '组织实施单位', dataIndex: 'organiser' },
            { title: '适用规定', dataIndex: 'jurisdiction' },
            { title: '状态', dataIndex: 'stateLabel', width: 120, render: (x: string) => <Tag>{x}</Tag> },
          ]}
          locale={{ emptyText: '尚无年度工作' }}
        />
      </Card>
      {selected && (
        <Card>
          <Tabs
            activeKey={gradesOnly ? 'workbench' : tab}
            onChange={setTab}
            items={[
              ...(gradesOnly
                ? []
                : [
                    {
                      key: 'lists',
                      label: '名单与审批',
                      children: <RunDetail id={selected} organiser={organiser} onChanged={() => void reload()} />,
                    },
                  ]),
              ...(organiser || gradesOnly
                ? [
                    {
                      key: 'workbench',
                      label: '单位等次评定',
                      children: <WorkbenchPanel runId={selected} organiser={organiser && !gradesOnly} />,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
