// 调整案件 (能上能下): the adjustment cases the person sees, one case with its history, documents and the steps open
// to the person as forms, and starting a case ex officio (a case on an alert starts from the alert). Everything goes
// through the generic case routes (/api/cases with procedure=adjustment); the forms are built from what the server
// says each open step takes, so each pack's procedure shows as its text words it.
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  List,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
  message,
} from 'antd';
import dayjs from 'dayjs';
import { api, download, qs, ApiError } from '../../api';
import { useLoad } from '../../hooks';
import { fmtDate } from '../../format';

interface CaseItem {
  id: string;
  version: number;
  pack: string;
  state: string;
  stateLabel: string;
  subjectName: string;
  handlingUnitName: string;
  outcomeLabel: string | null;
  openedOn: string;
  closed: boolean;
}

interface InputView {
  name: string;
  label: string;
  kind: 'text' | 'date' | 'outcome' | 'reference' | 'names';
  required: boolean | string[];
}

interface ActionView {
  action: string;
  label: string;
  body: string;
  article: string;
  inputs: InputView[];
  outcomes: { value: string; label: string }[];
  reasonRequired: boolean;
}

interface CaseDetail extends CaseItem {
  procedure: { title: string; states: Record<string, { label: string }> };
  history: { seq: number; on: string; label: string; reason: string | null; documents: string[] }[];
  allowed: ActionView[];
  deadlines: { kind: string; dueOn: string; status: string; source: string }[];
}

const PACKS: Record<string, string> = { jiangsu: '江苏', shaanxi: '陕西', rudong: '如东' };
const DEADLINES: Record<string, string> = {
  influence_period: '影响期届满',
  pay_change: '调整级别和工资待遇',
};
const STATUS: Record<string, string> = { open: '未到期', met: '已办理', overdue: '已到期待办理' };
const today = () => dayjs().format('YYYY-MM-DD');

/** One open step as a form: its inputs as the procedure declares them, the date, and a reason where required. */
function StepForm({ c, a, onDone }: { c: CaseDetail; a: ActionView; onDone: () => void }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const submit = async (v: Record<string, unknown>) => {
    setBusy(true);
    try {
      const inputs: Record<string, unknown> = {};
      for (const i of a.inputs) if (v[i.name] !== undefined && v[i.name] !== '') inputs[i.name] = v[i.name];
      await api.post(`/cases/${c.id}/steps`, {
        version: c.version,
        action: a.action,
        on: (v.on as dayjs.Dayjs).format('YYYY-MM-DD'),
        inputs,
        ...(v.reason ? { reason: v.reason } : {}),
      });
      void message.success(`已办理：${a.label}`);
      onDone();
    } catch (e) {
      const err = e as ApiError;
      if (err.field?.startsWith('inputs.')) form.setFields([{ name: err.field.slice(7), errors: [err.message] }]);
      else void message.error(err.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      title={a.label}
      data-testid={`step-${a.action}`}
      extra={<Typography.Text type="secondary">{a.body}</Typography.Text>}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ on: dayjs() }}>
        {a.inputs.map((i) => (
          <Form.Item
            key={i.name}
            name={i.name}
            label={i.label}
            rules={[{ required: i.required === true, message: `请填写${i.label}` }]}
          >
            {i.kind === 'outcome' ? (
              <Select options={a.outcomes} placeholder="请选择" />
            ) : i.kind === 'names' ? (
              <Select mode="tags" placeholder="输入后回车，可填写多项" />
            ) : i.kind === 'text' ? (
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
            ) : (
              <Input />
            )}
          </Form.Item>
        ))}
        {a.reasonRequired && (
          <Form.Item name="reason" label="理由" rules={[{ required: true, message: '此步骤须写明理由' }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        )}
        <Form.Item name="on" label="办理日期" rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Typography.Paragraph type="secondary">依据：{a.article}</Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={busy}>
          办理
        </Button>
      </Form>
    </Card>
  );
}

function CaseView({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { data: c, error, reload } = useLoad(() => api.get<CaseDetail>(`/cases/${id}`), [id]);
  const docs = useLoad(
    () => api.get<{ items: { n: number; name: string; on: string }[] }>(`/cases/${id}/documents`),
    [id],
  );
  if (error) return <Alert type="error" message={error.message} />;
  if (!c) return null;
  const done = () => {
    void reload();
    void docs.reload();
    onChanged();
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={1} bordered title={c.procedure.title}>
        <Descriptions.Item label="干部">{c.subjectName}</Descriptions.Item>
        <Descriptions.Item label="办理单位">{c.handlingUnitName}</Descriptions.Item>
        <Descriptions.Item label="当前环节">{c.stateLabel}</Descriptions.Item>
        <Descriptions.Item label="调整方式">{c.outcomeLabel ?? '尚未确定'}</Descriptions.Item>
        {c.deadlines.map((d) => (
          <Descriptions.Item key={d.kind} label={DEADLINES[d.kind] ?? '期限'}>
            {fmtDate(d.dueOn)}（{STATUS[d.status] ?? d.status}）<br />
            <Typography.Text type="secondary">{d.source}</Typography.Text>
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Card size="small" title="办理经过">
        <Timeline
          items={c.history.map((h) => ({
            children: (
              <span>
                {fmtDate(h.on)} {h.label}
                {h.reason ? `（理由：${h.reason}）` : ''}
              </span>
            ),
          }))}
        />
      </Card>
      <Card size="small" title="文书">
        {docs.data?.items.length ? (
          <List
            size="small"
            dataSource={docs.data.items}
            renderItem={(d) => (
              <List.Item
                actions={[
                  <a key="dl" onClick={() => void download(`/cases/${id}/documents/${d.n}`, `${d.name}.docx`)}>
                    下载
                  </a>,
                ]}
              >
                {d.name}（{fmtDate(d.on)}）
              </List.Item>
            )}
          />
        ) : (
          <Typography.Text type="secondary">尚未形成文书</Typography.Text>
        )}
      </Card>
      {c.allowed.length ? (
        c.allowed.map((a) => <StepForm key={`${a.action}-${c.version}`} c={c} a={a} onDone={done} />)
      ) : (
        <Typography.Text type="secondary">{c.closed ? '案件已办结' : '当前没有需要您办理的步骤'}</Typography.Text>
      )}
    </Space>
  );
}

/**
 * Starting a case ex officio: the cadre (from the roster) and the situation the organisation confirmed. A case on an
 * alert is started from the alert itself (预警清单), which the server then marks with the case.
 */
function StartForm({ onStarted }: { onStarted: (id: string) => void }) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const search = async (text: string) => {
    if (!text.trim()) return;
    const r = await api.get<{ items: { id: string; name: string; unitName?: string }[] }>(
      `/cadres${qs({ search: text, limit: 20 })}`,
    );
    setOptions(r.items.map((c) => ({ value: c.id, label: c.unitName ? `${c.name}（${c.unitName}）` : c.name })));
  };
  const submit = async (v: { cadre: string; situation: string }) => {
    setBusy(true);
    try {
      const r = await api.post<{ id: string }>('/cases', {
        procedure: 'adjustment',
        subjectType: 'cadre',
        subjectId: v.cadre,
        action: 'open',
        on: today(),
        inputs: { situation: v.situation },
      });
      onStarted(r.id);
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="inline" onFinish={submit}>
      <Form.Item name="cadre" rules={[{ required: true, message: '请选择干部' }]}>
        <Select
          showSearch
          filterOption={false}
          onSearch={(t) => void search(t)}
          options={options}
          placeholder="检索干部姓名"
          style={{ width: 220 }}
        />
      </Form.Item>
      <Form.Item name="situation" rules={[{ required: true, message: '请填写经组织认定的情形' }]}>
        <Input placeholder="经组织认定的情形" style={{ width: 280 }} />
      </Form.Item>
      <Button htmlType="submit" loading={busy}>
        启动调整
      </Button>
    </Form>
  );
}

export function AdjustmentCases({ openCase = null }: { openCase?: string | null }) {
  const [open, setOpen] = useState<string | null>(openCase);
  const { data, error, loading, reload } = useLoad(
    () => api.get<{ items: CaseItem[] }>(`/cases${qs({ procedure: 'adjustment' })}`),
    [],
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">
        江苏、陕西、如东按各自办法规定的程序办理；安徽的实施意见未规定调整程序，焦作未出台能上能下办法，所在地区干部不能在此启动调整。
      </Typography.Paragraph>
      <StartForm
        onStarted={(id) => {
          void reload();
          setOpen(id);
        }}
      />
      {error && <Alert type="error" message={error.message} />}
      <Table<CaseItem>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无调整案件" /> }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '干部', dataIndex: 'subjectName' },
          { title: '地区', dataIndex: 'pack', render: (p: string) => PACKS[p] ?? p },
          { title: '办理单位', dataIndex: 'handlingUnitName' },
          { title: '启动日期', dataIndex: 'openedOn', render: fmtDate },
          {
            title: '当前环节',
            dataIndex: 'stateLabel',
            render: (t: string, r) => <Tag color={r.closed ? 'default' : 'blue'}>{t}</Tag>,
          },
          { title: '调整方式', dataIndex: 'outcomeLabel', render: (t: string | null) => t ?? '—' },
        ]}
      />
      <Drawer width={640} open={open !== null} onClose={() => setOpen(null)} title="调整案件" destroyOnClose>
        {open && <CaseView id={open} onChanged={() => void reload()} />}
      </Drawer>
    </Space>
  );
}
