// 容错纠错: 待办 (the cases with a step open to me), 已办 (the cases I acted on), the case list with its filters and
// the register download, and each jurisdiction's procedure side by side. A cadre applies for tolerance here and
// follows their own cases. /tolerance/cases/<case> opens one case.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Tabs,
  TreeSelect,
} from 'antd';
import { DownloadOutlined, FormOutlined } from '@ant-design/icons';
import { api, download, qs, type Row as RecordRow } from '../../api';
import { useAuth } from '../../auth';
import { useLoad } from '../../hooks';
import { navigate } from '../../router';
import { toTreeData, useUnitTree } from '../../units';
import { fmtDate } from '../../format';
import { CasePage } from './CasePage';
import { CaseTable } from './CaseTable';
import { ProcedureDiagram } from './ProcedureDiagram';
import { JURISDICTION_OPTIONS, MAX_PAGE, today, useProcedures, type CaseSummary } from './data';

interface Filters {
  state?: string;
  pack?: string;
  unit?: string;
  year?: number;
}

function CaseList() {
  const [filters, setFilters] = useState<Filters>({});
  const procs = useProcedures();
  const { tree } = useUnitTree();
  const { message } = App.useApp();
  const { data, loading } = useLoad(
    () =>
      api.get<{ total: number; items: CaseSummary[] }>(
        `/cases${qs({ ...filters, procedure: 'tolerance', limit: String(MAX_PAGE) })}`,
      ),
    [filters.state, filters.pack, filters.unit, filters.year],
  );
  // the states of the chosen jurisdiction, or of all of them (the same step has the same name across packs)
  const states = new Map<string, string>();
  for (const p of procs?.items ?? [])
    if (!filters.pack || p.pack === filters.pack)
      for (const s of p.states) if (!states.has(s.key)) states.set(s.key, s.label);
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="地区"
          style={{ width: 170 }}
          options={JURISDICTION_OPTIONS}
          value={filters.pack}
          onChange={(pack?: string) => setFilters({ ...filters, pack, state: undefined })}
          data-testid="filter-pack"
        />
        <Select
          allowClear
          placeholder="所处环节"
          style={{ width: 220 }}
          popupMatchSelectWidth={false}
          options={[...states].map(([value, label]) => ({ value, label }))}
          value={filters.state}
          onChange={(state?: string) => setFilters({ ...filters, state })}
        />
        <TreeSelect
          allowClear
          placeholder="单位"
          style={{ width: 220 }}
          treeData={toTreeData(tree)}
          showSearch={{ treeNodeFilterProp: 'title' }}
          popupMatchSelectWidth={false}
          value={filters.unit}
          onChange={(unit?: string) => setFilters({ ...filters, unit })}
        />
        <InputNumber
          placeholder="年度"
          min={1949}
          max={2200}
          style={{ width: 100 }}
          value={filters.year}
          onChange={(y) => setFilters({ ...filters, year: y ?? undefined })}
        />
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            download(`/cases/register.xlsx${qs({ ...filters })}`, '容错纠错案件登记台账.xlsx').catch((e: Error) =>
              message.error(e.message),
            )
          }
        >
          下载登记台账
        </Button>
      </Space>
      <CaseTable items={data?.items ?? []} loading={loading} testId="case-list" />
    </div>
  );
}

function Todo() {
  const { data, loading } = useLoad(() => api.get<{ items: CaseSummary[] }>('/cases/todo'), []);
  return <CaseTable items={data?.items ?? []} loading={loading} showActions testId="todo" />;
}

function Done() {
  const { data, loading } = useLoad(() => api.get<{ items: CaseSummary[] }>('/cases/done'), []);
  return <CaseTable items={data?.items ?? []} loading={loading} testId="done" />;
}

/** Two jurisdictions' procedures side by side. */
function Procedures() {
  const procs = useProcedures();
  const [left, setLeft] = useState('jiangsu');
  const [right, setRight] = useState('shaanxi');
  const of = (pack: string) => procs?.items.find((p) => p.pack === pack);
  const column = (pack: string, set: (p: string) => void) => {
    const p = of(pack);
    return (
      <Col span={12}>
        <Select style={{ width: 200, marginBottom: 8 }} options={JURISDICTION_OPTIONS} value={pack} onChange={set} />
        {p && <ProcedureDiagram proc={p} />}
      </Col>
    );
  };
  return (
    <Row gutter={16}>
      {column(left, setLeft)}
      {column(right, setRight)}
    </Row>
  );
}

/** The cadre applies for tolerance in an accountability matter about them. */
function ApplyModal({ cadreId, onClose }: { cadreId: string; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const matters = useLoad(
    () =>
      api.get<{ items: RecordRow[] }>(`/records/accountabilityMatters${qs({ subjectCadreId: cadreId, limit: 100 })}`),
    [cadreId],
  );
  const submit = async () => {
    const v = (await form.validateFields()) as { matter: string; statement?: string; on: string };
    setBusy(true);
    setError(null);
    try {
      const c = await api.post<CaseSummary>('/cases', {
        action: 'apply',
        on: v.on,
        subjectType: 'cadre',
        subjectId: cadreId,
        inputs: { matter: v.matter, ...(v.statement ? { statement: v.statement } : {}) },
      });
      void message.success('容错申请已提交');
      onClose();
      navigate(`/tolerance/cases/${encodeURIComponent(c.id)}`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const options = (matters.data?.items ?? [])
    .filter((m) => !m.decidedOn)
    .map((m) => ({ value: m.id, label: `${String(m.description)}（${fmtDate(String(m.openedOn))}立项）` }));
  return (
    <Modal
      open
      title="提出容错申请"
      okText="提交申请"
      onOk={() => void submit()}
      confirmLoading={busy}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="apply-error" />}
      <Form form={form} layout="vertical" initialValues={{ on: today() }}>
        <Form.Item
          name="matter"
          label="所涉问责事项"
          rules={[{ required: true, message: '请选择所涉问责事项' }]}
          extra={!matters.loading && options.length === 0 ? '没有涉及您本人、尚未处理完毕的问责事项' : undefined}
        >
          <Select options={options} loading={matters.loading} placeholder="选择问责事项" data-testid="apply-matter" />
        </Form.Item>
        <Form.Item name="statement" label="申请理由">
          <Input.TextArea rows={4} placeholder="说明事情经过及申请容错的理由" data-testid="apply-statement" />
        </Form.Item>
        <Form.Item name="on" label="申请日期" rules={[{ required: true, message: '请填写申请日期' }]}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function TolerancePage({ path }: { path: string }) {
  const { user } = useAuth();
  const [applying, setApplying] = useState(false);
  const todo = useLoad(() => api.get<{ total: number }>('/cases/todo'), []);
  const m = /^\/tolerance\/cases\/([^/]+)$/.exec(path);
  if (m?.[1]) return <CasePage id={decodeURIComponent(m[1])} />;
  const cadreId = user?.role === 'cadre' ? user.cadreId : null;
  return (
    <Card
      title="容错纠错"
      extra={
        cadreId ? (
          <Button type="primary" icon={<FormOutlined />} onClick={() => setApplying(true)} data-testid="apply">
            申请容错
          </Button>
        ) : undefined
      }
    >
      <Tabs
        items={[
          { key: 'todo', label: `待办（${todo.data?.total ?? 0}）`, children: <Todo /> },
          { key: 'done', label: '已办', children: <Done /> },
          { key: 'list', label: cadreId ? '我的案件' : '案件查询', children: <CaseList /> },
          { key: 'procedures', label: '办理程序', children: <Procedures /> },
        ]}
      />
      {applying && cadreId && <ApplyModal cadreId={cadreId} onClose={() => setApplying(false)} />}
    </Card>
  );
}
