// One tolerance case: where it stands (the step bar), the pack's evaluation beside the forms of the steps open to
// the reader (people decide, the rules advise: a conclusion departing from the evaluation needs a written reason,
// and the server's refusal is shown in the form), the history, the documents, the comments, and the procedure
// diagram with the case marked on it. A step taken on a stale version is refused by the server; the page says so
// and reloads.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Row,
  Select,
  Skeleton,
  Space,
  Steps,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { ApiError, api, download } from '../../api';
import { fmtDate, fmtDateTime, roleLabel } from '../../format';
import { useLoad } from '../../hooks';
import { navigate } from '../../router';
import { CaseMaterials } from './CaseMaterials';
import { ProcedureDiagram } from './ProcedureDiagram';
import { SideRecords } from './SideRecords';
import {
  plainArticle,
  today,
  useProcedures,
  type ActionView,
  type CaseDetail,
  type CaseDocument,
  type ProcedureView,
  type Procedures,
} from './data';

const STALE = '案件已被他人更新，请刷新';

/** The states the step bar shows: those passed, the current one, then the usual way on (no side branches). */
function stepBar(c: CaseDetail, proc: ProcedureView | undefined) {
  const passed: string[] = [];
  for (const h of c.history) if (passed[passed.length - 1] !== h.to) passed.push(h.to);
  const seen = new Set(passed);
  const declared = proc?.states.map((s) => s.key) ?? Object.keys(c.procedure.states);
  // a side branch is a state entered only by a step that needs a reason (sending back, escalating) or an appeal
  const side = (key: string) => {
    const into = proc?.actions.filter((a) => a.to.key === key && !a.from.some((f) => f.key === key)) ?? [];
    return into.length > 0 && into.every((a) => a.reasonRequired || a.action === 'appeal');
  };
  const ahead = c.closed ? [] : declared.slice(declared.indexOf(c.state) + 1).filter((k) => !seen.has(k) && !side(k));
  const keys = [...passed.filter((k, i) => !(k === c.state && i === passed.length - 1)), c.state, ...ahead];
  const label = (k: string) => c.procedure.states[k]?.label ?? k;
  return {
    current: keys.lastIndexOf(c.state),
    items: keys.map((k) => ({ title: <span style={{ fontSize: 13 }}>{label(k)}</span> })),
    passed,
  };
}

function Evaluation({ c, procs }: { c: CaseDetail; procs: Procedures | null }) {
  const ev = c.evaluation;
  const proc = procs?.items.find((p) => p.pack === c.pack);
  const situation = proc?.situations.find((s) => s.value === ev.situation)?.label ?? ev.situation;
  const flagLabel = (f: string) => procs?.flags.find((x) => x.value === f)?.label ?? '';
  const established = Object.entries(ev.flags).filter(([, v]) => v);
  const excluded = Object.entries(ev.flags).filter(([, v]) => !v);
  return (
    <Card size="small" title="规则评估（供参考，由办理机关认定）" data-testid="evaluation">
      {ev.verdict === null ? (
        <Typography.Text type="secondary">
          尚未记录调查认定的容错情形，暂无评估。办理“形成初步结论”等步骤时可记录所依据的情形和查明的事实。
        </Typography.Text>
      ) : (
        <div style={{ display: 'grid', gap: 4 }}>
          <div>
            评估结果：
            {ev.verdict === 'eligible' ? <Tag color="green">符合容错条件</Tag> : <Tag color="red">不符合容错条件</Tag>}
          </div>
          {situation && <div>所依据的情形：{situation}</div>}
          {established.length > 0 && <div>查明存在：{established.map(([k]) => flagLabel(k)).join('；')}</div>}
          {excluded.length > 0 && <div>查明不存在：{excluded.map(([k]) => flagLabel(k)).join('；')}</div>}
          <List
            size="small"
            dataSource={ev.findings}
            renderItem={(f) => (
              <List.Item style={{ padding: '4px 0', display: 'block' }}>
                <div>
                  <Typography.Text strong style={{ fontSize: 13 }}>
                    {f.conclusion ?? '条文适用'}
                  </Typography.Text>
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  《{f.citation.document}》{plainArticle(f.citation.article)}
                </Typography.Text>
                <Typography.Paragraph
                  type="secondary"
                  ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}
                  style={{ fontSize: 12, marginBottom: 0 }}
                >
                  {f.citation.text}
                </Typography.Paragraph>
              </List.Item>
            )}
          />
        </div>
      )}
    </Card>
  );
}

interface StepValues {
  on: string;
  reason?: string;
  departureReason?: string;
  situation?: string;
  present?: string[];
  absent?: string[];
  [input: string]: unknown;
}

/** The form of one step open to the reader. */
function StepForm({
  c,
  a,
  procs,
  onDone,
}: {
  c: CaseDetail;
  a: ActionView;
  procs: Procedures | null;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<StepValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const proc = procs?.items.find((p) => p.pack === c.pack);
  // the investigators record the situation and the facts where they report: findings, opinions, conclusions
  const findings = a.outcomes.length > 0 || a.inputs.some((i) => i.name === 'findings' || i.name === 'opinion');
  const submit = async () => {
    const v = await form.validateFields();
    const inputs: Record<string, unknown> = {};
    for (const i of a.inputs) {
      const x = v[i.name];
      if (x !== undefined && x !== null && x !== '' && !(Array.isArray(x) && x.length === 0)) inputs[i.name] = x;
    }
    if (v.departureReason?.trim()) inputs.departureReason = v.departureReason;
    if (v.situation) inputs.situation = v.situation;
    const flags: Record<string, boolean> = {};
    for (const f of v.absent ?? []) flags[f] = false;
    for (const f of v.present ?? []) flags[f] = true;
    if (Object.keys(flags).length) inputs.flags = flags;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/cases/${encodeURIComponent(c.id)}/steps`, {
        action: a.action,
        on: v.on,
        version: c.version,
        inputs,
        ...(v.reason?.trim() ? { reason: v.reason } : {}),
      });
      void message.success(`已办理：${a.label}`);
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const stale = (e.body?.reason ?? '').startsWith('stale version');
        void message.warning(stale ? STALE : e.message);
        onDone();
        return;
      }
      const field = e instanceof ApiError ? e.field : undefined;
      const name = field?.replace(/^inputs\./, '');
      if (name && (name === 'reason' || name === 'departureReason' || a.inputs.some((i) => i.name === name)))
        form.setFields([{ name, errors: [(e as Error).message] }]);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      title={a.label}
      style={{ marginBottom: 8 }}
      data-testid={`step-${a.label}`}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {a.body}
        </Typography.Text>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        依据：{plainArticle(a.article)}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="step-error" />}
      <Form form={form} name={`step-${a.action}`} layout="vertical" size="small" initialValues={{ on: today() }}>
        {a.inputs.map((i) => {
          const required = i.required === true;
          const rules = required ? [{ required: true, message: `请填写${i.label}` }] : [];
          if (i.kind === 'outcome')
            return (
              <Form.Item key={i.name} name={i.name} label={i.label} rules={rules}>
                <Select options={a.outcomes} placeholder="选择结论" data-testid="outcome" />
              </Form.Item>
            );
          if (i.kind === 'names')
            return (
              <Form.Item key={i.name} name={i.name} label={i.label} rules={rules}>
                <Select mode="tags" placeholder="输入后回车，可填多项" open={false} />
              </Form.Item>
            );
          if (i.kind === 'date')
            return (
              <Form.Item key={i.name} name={i.name} label={i.label} rules={rules}>
                <Input type="date" />
              </Form.Item>
            );
          return (
            <Form.Item key={i.name} name={i.name} label={i.label} rules={rules}>
              <Input.TextArea rows={2} />
            </Form.Item>
          );
        })}
        {findings && proc && (
          <Collapse
            size="small"
            style={{ marginBottom: 12 }}
            items={[
              {
                key: 'f',
                forceRender: true,
                label: '记录调查认定的情形和事实（供规则评估）',
                children: (
                  <>
                    <Form.Item name="situation" label="所依据的容错情形">
                      <Select
                        allowClear
                        options={proc.situations}
                        placeholder="选择情形"
                        popupMatchSelectWidth={false}
                      />
                    </Form.Item>
                    <Form.Item name="present" label="查明存在的情况">
                      <Select mode="multiple" allowClear options={procs?.flags ?? []} placeholder="可多选" />
                    </Form.Item>
                    <Form.Item name="absent" label="查明不存在的情况" style={{ marginBottom: 0 }}>
                      <Select mode="multiple" allowClear options={procs?.flags ?? []} placeholder="可多选" />
                    </Form.Item>
                  </>
                ),
              },
            ]}
          />
        )}
        {a.outcomes.length > 0 && (
          <Form.Item name="departureReason" label="结论与规则评估不一致的理由" extra="结论与规则评估不一致时必须填写">
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        {a.reasonRequired && (
          <Form.Item name="reason" label="理由" rules={[{ required: true, message: '此步骤须写明理由' }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        <Form.Item name="on" label="办理日期" rules={[{ required: true, message: '请填写办理日期' }]}>
          <Input type="date" />
        </Form.Item>
        <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="submit-step">
          办理
        </Button>
      </Form>
    </Card>
  );
}

function History({ c, procs }: { c: CaseDetail; procs: Procedures | null }) {
  const proc = procs?.items.find((p) => p.pack === c.pack);
  const inputLabel = (action: string, name: string) =>
    proc?.actions.find((a) => a.action === action)?.inputs.find((i) => i.name === name)?.label;
  const flagLabel = (f: string) => procs?.flags.find((x) => x.value === f)?.label ?? '';
  const lines = (h: CaseDetail['history'][number]) => {
    const out: string[] = [];
    for (const [k, v] of Object.entries(h.inputs)) {
      if (k === 'matter') continue;
      if (k === 'outcome') out.push(`结论：${outcomeWord(String(v))}`);
      else if (k === 'situation')
        out.push(`所依据的情形：${proc?.situations.find((s) => s.value === v)?.label ?? String(v)}`);
      else if (k === 'flags' && v && typeof v === 'object') {
        const e = Object.entries(v as Record<string, boolean>);
        const yes = e.filter(([, b]) => b).map(([f]) => flagLabel(f));
        const no = e.filter(([, b]) => !b).map(([f]) => flagLabel(f));
        if (yes.length) out.push(`查明存在：${yes.join('；')}`);
        if (no.length) out.push(`查明不存在：${no.join('；')}`);
      } else if (k === 'departureReason') out.push(`与规则评估不一致的理由：${String(v)}`);
      else {
        const label = inputLabel(h.action, k);
        if (label) out.push(`${label}：${Array.isArray(v) ? v.join('、') : String(v)}`);
      }
    }
    if (h.reason) out.push(`理由：${h.reason}`);
    return out;
  };
  return (
    <Timeline
      data-testid="history"
      items={c.history.map((h) => ({
        color: h.inputs.outcome ? 'red' : 'blue',
        children: (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {fmtDate(h.on)} · {roleLabel(h.role)}
            </Typography.Text>
            <div>
              <Typography.Text strong>{h.label}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                → {c.procedure.states[h.to]?.label ?? ''}
              </Typography.Text>
            </div>
            {lines(h).map((l, i) => (
              <div key={i} style={{ fontSize: 13, whiteSpace: 'pre-wrap' }}>
                {l}
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}

const OUTCOMES: Record<string, string> = {
  exempt: '免责',
  lighter: '从轻处理',
  mitigated: '减轻处理',
  not_tolerated: '不予容错',
};
const outcomeWord = (o: string) => OUTCOMES[o] ?? '';

function Documents({ id }: { id: string }) {
  const { message } = App.useApp();
  const { data } = useLoad(
    () => api.get<{ items: CaseDocument[] }>(`/cases/${encodeURIComponent(id)}/documents`),
    [id],
  );
  return (
    <List
      size="small"
      data-testid="documents"
      locale={{ emptyText: '尚未形成文书' }}
      dataSource={data?.items ?? []}
      renderItem={(d) => (
        <List.Item
          actions={[
            <Button
              key="dl"
              size="small"
              icon={<DownloadOutlined />}
              onClick={() =>
                download(`/cases/${encodeURIComponent(id)}/documents/${d.n}`, `${d.name}.docx`).catch((e: Error) =>
                  message.error(e.message),
                )
              }
              data-testid={`download-${d.name}`}
            >
              下载
            </Button>,
          ]}
        >
          <List.Item.Meta title={d.name} description={`${fmtDate(d.on)} · ${d.step}`} />
        </List.Item>
      )}
    />
  );
}

function Comments({ c, onDone }: { c: CaseDetail; onDone: () => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    setError(null);
    try {
      await api.post(`/cases/${encodeURIComponent(c.id)}/comments`, { text });
      setText('');
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div>
      <List
        size="small"
        locale={{ emptyText: '暂无意见' }}
        dataSource={c.comments}
        renderItem={(m) => (
          <List.Item>
            <List.Item.Meta title={`${roleLabel(m.authorRole)} · ${fmtDateTime(m.at)}`} description={m.text} />
          </List.Item>
        )}
      />
      {error && <Alert type="error" showIcon title={error} style={{ margin: '8px 0' }} />}
      <Space.Compact style={{ width: '100%', marginTop: 8 }}>
        <Input.TextArea rows={2} value={text} onChange={(e) => setText(e.target.value)} placeholder="填写意见" />
        <Button type="primary" disabled={!text.trim()} onClick={() => void send()}>
          提交意见
        </Button>
      </Space.Compact>
    </div>
  );
}

export function CasePage({ id }: { id: string }) {
  const procs = useProcedures();
  const {
    data: c,
    error,
    loading,
    reload,
  } = useLoad(() => api.get<CaseDetail>(`/cases/${encodeURIComponent(id)}`), [id]);
  const [docsKey, setDocsKey] = useState(0);
  if (error)
    return (
      <Card>
        <Alert type="error" showIcon title={error.message} />
      </Card>
    );
  if (loading && !c)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  if (!c) return null;
  const proc = procs?.items.find((p) => p.pack === c.pack);
  const bar = stepBar(c, proc);
  const refresh = () => {
    void reload();
    setDocsKey((k) => k + 1);
  };
  return (
    <div>
      <Card
        size="small"
        style={{ marginBottom: 12 }}
        title={
          <Space>
            <Button size="small" icon={<ArrowLeftOutlined />} onClick={() => navigate('/tolerance')}>
              返回
            </Button>
            <span data-testid="case-title">
              容错纠错案件：{c.subjectName}
              {c.outcomeLabel && (
                <Tag color="red" style={{ marginInlineStart: 8 }} data-testid="case-outcome">
                  {c.outcomeLabel}
                </Tag>
              )}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal' }}>
              {c.procedure.title}
            </Typography.Text>
          </Space>
        }
        extra={<Tag color={c.closed ? 'default' : 'blue'}>{c.stateLabel}</Tag>}
      >
        <Descriptions
          size="small"
          column={4}
          style={{ marginBottom: 8 }}
          items={[
            { key: 'u', label: '所在单位', children: c.subjectUnitName },
            { key: 'o', label: '启动日期', children: fmtDate(c.openedOn) },
            { key: 'm', label: '问责事项', children: c.matterName, span: 2 },
          ]}
        />
        <div style={{ overflowX: 'auto', paddingBottom: 4 }}>
          <Steps
            size="small"
            current={bar.current}
            status={c.closed ? 'finish' : 'process'}
            items={bar.items}
            data-testid="step-bar"
          />
        </div>
      </Card>
      <Row gutter={12}>
        {/* the record stays in view while the forms beside it scroll */}
        <Col span={14} style={{ position: 'sticky', top: 12, alignSelf: 'flex-start' }}>
          <Card size="small" styles={{ body: { paddingTop: 0, maxHeight: 'calc(100vh - 24px)', overflow: 'auto' } }}>
            <Tabs
              size="small"
              items={[
                { key: 'h', label: '办理记录', children: <History c={c} procs={procs} /> },
                { key: 'd', label: '文书', children: <Documents key={docsKey} id={c.id} /> },
                { key: 'c', label: `意见（${c.comments.length}）`, children: <Comments c={c} onDone={refresh} /> },
                { key: 'a', label: '材料', children: <CaseMaterials c={c} onDone={refresh} /> },
                { key: 's', label: '关联事项', children: <SideRecords key={c.version} id={c.id} /> },
                {
                  key: 'p',
                  label: '程序图',
                  children: proc ? (
                    <ProcedureDiagram proc={proc} current={c.state} passed={bar.passed} compact />
                  ) : null,
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={10}>
          <Evaluation c={c} procs={procs} />
          <div style={{ marginTop: 12 }}>
            {c.allowed.length === 0 ? (
              <Card size="small" title="可办理的步骤">
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={c.closed ? '案件已办结' : '当前环节不由您办理'}
                />
              </Card>
            ) : (
              c.allowed.map((a) => (
                <StepForm key={`${a.action}-${c.version}`} c={c} a={a} procs={procs} onDone={refresh} />
              ))
            )}
          </div>
        </Col>
      </Row>
    </div>
  );
}
