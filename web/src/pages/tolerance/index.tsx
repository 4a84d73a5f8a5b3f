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
import { api, download, qs } from '../../api';
import { useAuth } from '../../auth';
import { useLoad } from '../../hooks';
import { navigate } from '../../router';
import { toTreeData, useUnitTree } from '../../units';
import { fmtDate } from '../../format';
import { CasePage } from './CasePage';
import { CaseTable, type ServerPaging } from './CaseTable';
import { ProcedureDiagram } from './ProcedureDiagram';
import {
  JURISDICTION_OPTIONS,
  plainArticle,
  MAX_PAGE,
  today,
  useProcedures,
  type CaseListPage,
  type CaseSummary,
} from './data';

interface Filters {
  state?: string;
  pack?: string;
  unit?: string;
  year?: number;
}

/** A case list paged by the server: the page asked for, its size, and the total the server counted. */
function usePagedCases(path: string, params: Record<string, string | number | undefined>) {
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const key = JSON.stringify(params);
  // a change of filters starts again at the first page
  const [seenKey, setSeenKey] = useState(key);
  if (seenKey !== key) {
    setSeenKey(key);
    setPage((p) => ({ ...p, current: 1 }));
  }
  const { data, loading } = useLoad(
    () =>
      api.get<CaseListPage>(
        `${path}${qs({
          ...params,
          limit: Math.min(page.pageSize, MAX_PAGE),
          offset: (page.current - 1) * page.pageSize,
        })}`,
      ),
    [path, key, page.current, page.pageSize],
  );
  const paging: ServerPaging = {
    current: page.current,
    pageSize: page.pageSize,
    total: data?.total ?? 0,
    capped: data?.totalCapped ?? false,
    onChange: (current, pageSize) => setPage((p) => ({ current: pageSize !== p.pageSize ? 1 : current, pageSize })),
  };
  return { items: data?.items ?? [], loading, paging };
}

function CaseList() {
  const [filters, setFilters] = useState<Filters>({});
  const procs = useProcedures();
  const { tree } = useUnitTree();
  const { message } = App.useApp();
  const { items, loading, paging } = usePagedCases('/cases', { ...filters, procedure: 'tolerance' });
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
      <CaseTable items={items} loading={loading} testId="case-list" paging={paging} />
    </div>
  );
}

function Todo() {
  const { items, loading, paging } = usePagedCases('/cases/todo', {});
  return <CaseTable items={items} loading={loading} showActions testId="todo" paging={paging} />;
}

function Done() {
  const { items, loading, paging } = usePagedCases('/cases/done', {});
  return <CaseTable items={items} loading={loading} testId="done" paging={paging} />;
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

interface ApplyOption {
  matter: string;
  description: string;
  openedOn: string;
  subjectType: 'cadre' | 'unit';
  subjectId: string;
  subjectName: string;
  procedure: string;
  action: string;
  label: string;
  body: string;
  article: string;
  inputs: { name: string; label: string; kind: string; required: boolean }[];
}

/**
 * A party applies for tolerance: a cadre in a matter about them, a unit's liaison in a matter about the unit (or,
 * where the text lets the unit apply for its cadres, about one of them). The server offers exactly the matters the
 * text lets the person apply in, each with its jurisdiction's form.
 */
function ApplyModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState<string | undefined>();
  const options = useLoad(() => api.get<{ items: ApplyOption[] }>('/cases/apply-options'), []);
  const option = options.data?.items.find((o) => o.matter === chosen);
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, string>;
    if (!option) return;
    setBusy(true);
    setError(null);
    try {
      const inputs: Record<string, string> = { matter: option.matter };
      for (const i of option.inputs) if (v[i.name]?.trim()) inputs[i.name] = v[i.name]!;
      const c = await api.post<CaseSummary>('/cases', {
        action: option.action,
        on: v.on,
        subjectType: option.subjectType,
        subjectId: option.subjectId,
        inputs,
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
  const choices = (options.data?.items ?? []).map((m) => ({
    value: m.matter,
    label: `${m.subjectType === 'unit' ? `${m.subjectName}：` : ''}${m.description}（${fmtDate(m.openedOn)}立项）`,
  }));
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
          extra={
            option
              ? `${option.procedure}：由${option.body}${option.label}（依据：${plainArticle(option.article)}）`
              : !options.loading && choices.length === 0
                ? '没有可由您提出申请、尚未处理完毕的问责事项'
                : undefined
          }
        >
          <Select
            options={choices}
            loading={options.loading}
            placeholder="选择问责事项"
            onChange={(v: string) => setChosen(v)}
            data-testid="apply-matter"
          />
        </Form.Item>
        {(option?.inputs ?? [{ name: 'statement', label: '申请理由', kind: 'text', required: false }]).map((i) => (
          <Form.Item
            key={i.name}
            name={i.name}
            label={i.label}
            rules={i.required ? [{ required: true, message: `请填写${i.label}` }] : []}
          >
            <Input.TextArea
              rows={i.name === 'statement' ? 4 : 2}
              placeholder={i.name === 'statement' ? '说明事情经过及申请容错的理由' : undefined}
              data-testid={`apply-${i.name}`}
            />
          </Form.Item>
        ))}
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
  const todo = useLoad(() => api.get<CaseListPage>('/cases/todo?limit=1'), []);
  const m = /^\/tolerance\/cases\/([^/]+)$/.exec(path);
  if (m?.[1]) return <CasePage id={decodeURIComponent(m[1])} />;
  const cadreId = user?.role === 'cadre' ? user.cadreId : null;
  // the parties who apply: a cadre for themselves, a unit's liaison for its unit (as each text allows)
  const applies = !!cadreId || user?.role === 'unit_liaison';
  return (
    <Card
      title="容错纠错"
      extra={
        applies ? (
          <Button type="primary" icon={<FormOutlined />} onClick={() => setApplying(true)} data-testid="apply">
            申请容错
          </Button>
        ) : undefined
      }
    >
      <Tabs
        items={[
          {
            key: 'todo',
            label: `待办（${todo.data?.total ?? 0}${todo.data?.totalCapped ? '+' : ''}）`,
            children: <Todo />,
          },
          { key: 'done', label: '已办', children: <Done /> },
          { key: 'list', label: cadreId ? '我的案件' : '案件查询', children: <CaseList /> },
          { key: 'procedures', label: '办理程序', children: <Procedures /> },
        ]}
      />
      {applying && applies && <ApplyModal onClose={() => setApplying(false)} />}
    </Card>
  );
}
