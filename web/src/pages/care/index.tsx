// 关心关爱: the yearly talks the jurisdiction's text requires (coverage, with the pairs still missing), the reminders
// (待办) for this year, the follow-up of adjusted cadres during their influence period and the re-use candidates after
// it, the talk records (each downloadable as a 谈心谈话记录) and the return visits (回访).
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { api, ApiError, download, qs, type Page, type RosterItem } from '../../api';
import { useAuth } from '../../auth';
import { useLoad } from '../../hooks';
import { fmtDate } from '../../format';

interface Person {
  id: string;
  name: string;
  title: string;
}
interface Pair {
  unitId: string;
  unit: string;
  lowerUnit: string | null;
  leader: Person;
  other: Person;
  heldOn: string | null;
  rule: string;
}
interface Coverage {
  year: number;
  teamsOn: string;
  rules: { summary: string; source: string }[];
  totals: { required: number; met: number };
  units: { unitId: string; unit: string; rule: string; required: number; met: number }[];
  total: number;
  pairs: Pair[];
  /** what the record cannot tell: a team member's 分管单位 not entered, a unit in charge with nobody heading it */
  gaps?: { unitId: string; unit: string; text: string }[];
}
interface NameAndUnit {
  name: string;
  unit: string;
}
interface Talk {
  id: string;
  heldOn: string;
  kindText: string;
  talker: NameAndUnit | null;
  talkee: NameAndUnit | null;
  summary: string | null;
}
interface Visit {
  id: string;
  visitedOn: string;
  cadre: NameAndUnit | null;
  visitor: NameAndUnit | null;
  caseId: string | null;
  adjustmentId: string | null;
  notes: string | null;
}

interface FollowUp {
  kind: 'followUp' | 'reuse';
  kindText: string;
  cadreId: string;
  cadre: NameAndUnit | null;
  adjustmentId: string;
  adjustedOn: string;
  method: string;
  periodUntil: string | null;
  tasks: { task: string; label: string; doneOn: string | null }[];
  upperOpinion: { required: boolean; givenOn: string | null };
  source: string;
  text: string;
}

const TALK_KINDS = [
  { value: 'scheduled', label: '例行谈心谈话' },
  { value: 'occasion', label: '节点谈心谈话（执行重要任务、发生重大变故、思想负担重等）' },
  { value: 'followUp', label: '案件后续谈心谈话（容错纠错、调整后）' },
  { value: 'admonition', label: '约谈（考核排名靠后等）' },
];

const THIS_YEAR = new Date().getFullYear();
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');
const who = (p: NameAndUnit | null) => (p ? `${p.name}（${p.unit}）` : '—');

/** A cadre chosen by name from the roster the user reaches. */
function CadreSearch({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const search = async (text: string) => {
    if (!text.trim()) return;
    const r = await api.get<Page<RosterItem>>(`/cadres${qs({ search: text, limit: 20 })}`);
    setOptions(
      r.items.map((c) => ({
        value: c.id,
        label: `${c.name} · ${c.postUnitName ?? c.unitName ?? ''}${c.postTitle ?? ''}`,
      })),
    );
  };
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={(t) => void search(t)}
      options={options}
      placeholder="输入姓名查找"
    />
  );
}

function CoverageTab() {
  const [year, setYear] = useState(THIS_YEAR);
  const [missingOnly, setMissingOnly] = useState(true);
  const { data, error, loading } = useLoad(
    () => api.get<Coverage>(`/care/coverage${qs({ year, missing: missingOnly ? 'true' : undefined, limit: 500 })}`),
    [year, missingOnly],
  );
  const pct = data && data.totals.required ? Math.floor((data.totals.met * 100) / data.totals.required) : 0;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        年度
        <InputNumber min={2000} max={THIS_YEAR} value={year} onChange={(v) => v && setYear(v)} />
        <Select
          value={missingOnly ? 'missing' : 'all'}
          onChange={(v) => setMissingOnly(v === 'missing')}
          options={[
            { value: 'missing', label: '只看尚未谈话的' },
            { value: 'all', label: '全部' },
          ]}
          style={{ width: 160 }}
        />
      </Space>
      {error && <Alert type="error" showIcon message={error.message} />}
      {data && (
        <>
          {data.rules.map((r) => (
            <Typography.Paragraph key={r.summary} type="secondary" style={{ marginBottom: 4 }}>
              {r.source}
            </Typography.Paragraph>
          ))}
          {data.totals.required === 0 ? (
            <Alert
              type="info"
              showIcon
              message="您范围内的单位所适用的文件未规定可计量的年度谈话要求（仅要求“经常”开展谈心谈话），不计算覆盖情况。"
            />
          ) : (
            <Space align="center">
              <Progress type="circle" size={64} percent={pct} />
              <span>
                {data.year}年度应谈 {data.totals.required} 人次，已谈 {data.totals.met} 人次，尚缺{' '}
                {data.totals.required - data.totals.met} 人次（班子成员按 {fmtDate(data.teamsOn)} 在任情况计）
              </span>
            </Space>
          )}
          {data.gaps && data.gaps.length > 0 && (
            <Alert
              type="warning"
              showIcon
              data-testid="coverage-gaps"
              message={`以下 ${data.gaps.length} 项无法核对“班子成员同分管部门单位的主要负责同志”谈话，请在干部任职信息中录入分管单位（不分管单位的选“不分管单位”，导入模板中填“无”）`}
              description={
                <ul style={{ margin: 0, paddingLeft: 18, maxHeight: 160, overflowY: 'auto' }}>
                  {data.gaps.map((g) => (
                    <li key={`${g.unitId}|${g.text}`}>
                      {g.unit}：{g.text}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          <Table<Pair>
            size="small"
            loading={loading}
            rowKey={(p) => `${p.unitId}|${p.lowerUnit ?? ''}|${p.leader.id}|${p.other.id}`}
            dataSource={data.pairs}
            pagination={{ pageSize: 20 }}
            columns={[
              { title: '单位', render: (_, p) => (p.lowerUnit ? `${p.unit} → ${p.lowerUnit}` : p.unit) },
              { title: '谈话人', render: (_, p) => `${p.leader.name}（${p.leader.title}）` },
              { title: '谈话对象', render: (_, p) => `${p.other.name}（${p.other.title}）` },
              {
                title: '本年度谈话',
                render: (_, p) =>
                  p.heldOn ? <Tag color="green">{fmtDate(p.heldOn)}</Tag> : <Tag color="red">尚未谈话</Tag>,
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}

function TodoTab() {
  const { data, error, loading } = useLoad(
    () =>
      api.get<{ year: number; items: (Pair & { text: string; due: string })[]; followUps?: FollowUp[] }>('/care/todo'),
    [],
  );
  if (error) return <Alert type="error" showIcon message={error.message} />;
  const rows = [
    ...(data?.items ?? []).map((i) => ({
      key: `t-${i.leader.id}-${i.other.id}-${i.unitId}`,
      title: i.text,
      description: `${i.rule}；请于 ${i.due} 前完成并记录`,
    })),
    // the texts give no time for the follow-up or the re-use: no due date is shown
    ...(data?.followUps ?? []).map((f) => ({ key: `f-${f.adjustmentId}`, title: f.text, description: f.source })),
  ];
  return (
    <List
      loading={loading}
      dataSource={rows}
      locale={{ emptyText: '暂无待办：本年度应开展的谈心谈话均已记录，调整干部的跟踪管理均已开展' }}
      renderItem={(i) => (
        <List.Item key={i.key}>
          <List.Item.Meta title={i.title} description={i.description} />
        </List.Item>
      )}
    />
  );
}

/** Adjusted cadres: the tasks of the influence period, and re-use once it is over (with 陕西's upper opinion). */
function FollowUpTab() {
  const { data, error, loading } = useLoad(() => api.get<{ on: string; items: FollowUp[] }>('/care/follow-up'), []);
  if (error) return <Alert type="error" showIcon message={error.message} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        依据各地能上能下办法：影响期内加强教育管理、深入开展谈心谈话、加强跟踪了解；影响期满后经考察符合任职条件的可按程序提拔任职。原文未规定期限，不设办理时限。
      </Typography.Text>
      <Table<FollowUp>
        size="small"
        loading={loading}
        rowKey="adjustmentId"
        dataSource={data?.items ?? []}
        locale={{ emptyText: '暂无需要跟踪管理或可重新使用的调整干部' }}
        columns={[
          { title: '干部', render: (_, f) => who(f.cadre) },
          { title: '调整', render: (_, f) => `${fmtDate(f.adjustedOn)} ${f.method}` },
          { title: '影响期', render: (_, f) => (f.periodUntil ? `至 ${fmtDate(f.periodUntil)} 前` : '—') },
          { title: '类别', render: (_, f) => <Tag color={f.kind === 'reuse' ? 'green' : 'blue'}>{f.kindText}</Tag> },
          {
            title: '事项',
            render: (_, f) =>
              f.kind === 'followUp' ? (
                <Space wrap>
                  {f.tasks.map((t) => (
                    <Tag key={t.task} color={t.doneOn ? 'success' : t.task === 'education' ? 'default' : 'warning'}>
                      {t.label}
                      {t.doneOn ? `（${fmtDate(t.doneOn)}）` : t.task === 'education' ? '' : '（待开展）'}
                    </Tag>
                  ))}
                </Space>
              ) : f.upperOpinion.required ? (
                <Tag color={f.upperOpinion.givenOn ? 'success' : 'warning'}>
                  {f.upperOpinion.givenOn
                    ? `已征求上一级组织人事部门意见（${fmtDate(f.upperOpinion.givenOn)}）`
                    : '须先征求上一级组织人事部门意见'}
                </Tag>
              ) : (
                '经考察符合任职条件的，可按程序提拔任职'
              ),
          },
          { title: '依据', render: (_, f) => <Typography.Text type="secondary">{f.source}</Typography.Text> },
        ]}
      />
    </Space>
  );
}

function TalkForm({ onDone }: { onDone: () => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, unknown>;
    try {
      await api.post('/care/talks', {
        talkerId: v.talkerId,
        talkeeId: v.talkeeId,
        heldOn: day(v.heldOn as Dayjs),
        kind: v.kind,
        summary: (v.summary as string | undefined) ?? null,
      });
      void message.success('已记录');
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Modal open title="记录谈心谈话" onCancel={onDone} onOk={() => void submit()} okText="保存">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ kind: 'scheduled' }}>
        <Form.Item name="talkerId" label="谈话人" rules={[{ required: true, message: '请选择谈话人' }]}>
          <CadreSearch />
        </Form.Item>
        <Form.Item name="talkeeId" label="谈话对象" rules={[{ required: true, message: '请选择谈话对象' }]}>
          <CadreSearch />
        </Form.Item>
        <Form.Item name="heldOn" label="谈话日期" rules={[{ required: true, message: '请选择谈话日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="kind" label="谈话类别" rules={[{ required: true }]}>
          <Select options={TALK_KINDS} />
        </Form.Item>
        <Form.Item name="summary" label="谈话内容">
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TalksTab({ canWrite }: { canWrite: boolean }) {
  const [year, setYear] = useState(THIS_YEAR);
  const [adding, setAdding] = useState(false);
  const { message } = App.useApp();
  const { data, error, loading, reload } = useLoad(
    () => api.get<Page<Talk>>(`/care/talks${qs({ year, limit: 500 })}`),
    [year],
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        年度
        <InputNumber min={2000} max={THIS_YEAR} value={year} onChange={(v) => v && setYear(v)} />
        {canWrite && (
          <Button type="primary" onClick={() => setAdding(true)}>
            记录谈心谈话
          </Button>
        )}
      </Space>
      {error && <Alert type="error" showIcon message={error.message} />}
      <Table<Talk>
        size="small"
        loading={loading}
        rowKey="id"
        dataSource={data?.items ?? []}
        columns={[
          { title: '日期', dataIndex: 'heldOn', width: 110 },
          { title: '谈话人', render: (_, t) => who(t.talker) },
          { title: '谈话对象', render: (_, t) => who(t.talkee) },
          { title: '类别', dataIndex: 'kindText' },
          {
            title: '',
            width: 110,
            render: (_, t) => (
              <Button
                size="small"
                type="link"
                onClick={() =>
                  void download(`/care/talks/${encodeURIComponent(t.id)}/record.docx`, '谈心谈话记录.docx').catch(
                    (e: Error) => void message.error(e.message),
                  )
                }
              >
                谈话记录
              </Button>
            ),
          },
        ]}
      />
      {adding && (
        <TalkForm
          onDone={() => {
            setAdding(false);
            void reload();
          }}
        />
      )}
    </Space>
  );
}

/** A return visit, linked to one of the visited cadre's adjustments (chosen by date and method). */
function VisitForm({ onDone }: { onDone: () => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [adjustments, setAdjustments] = useState<{ value: string; label: string }[]>([]);
  const pickCadre = async (cadreId: string) => {
    form.setFieldValue('adjustmentId', undefined);
    const r = await api.get<Page<{ id: string; date: string; method: string; reason: string | null }>>(
      `/records/adjustments${qs({ cadreId, limit: 100 })}`,
    );
    setAdjustments(
      r.items.map((a) => ({ value: a.id, label: `${a.date} ${a.method}${a.reason ? `（${a.reason}）` : ''}` })),
    );
  };
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, unknown>;
    try {
      await api.post('/care/visits', {
        cadreId: v.cadreId,
        visitorId: (v.visitorId as string | undefined) ?? null,
        visitedOn: day(v.visitedOn as Dayjs),
        adjustmentId: v.adjustmentId,
        notes: (v.notes as string | undefined) ?? null,
      });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Modal open title="记录回访" onCancel={onDone} onOk={() => void submit()} okText="保存">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="cadreId" label="回访对象" rules={[{ required: true, message: '请选择回访对象' }]}>
          <CadreSearch onChange={(id) => void pickCadre(id)} />
        </Form.Item>
        <Form.Item name="adjustmentId" label="关联的调整" rules={[{ required: true, message: '请选择关联的调整' }]}>
          <Select options={adjustments} notFoundContent="该干部没有调整记录" />
        </Form.Item>
        <Form.Item name="visitorId" label="回访人">
          <CadreSearch />
        </Form.Item>
        <Form.Item name="visitedOn" label="回访日期" rules={[{ required: true, message: '请选择回访日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="notes" label="回访情况">
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function VisitsTab({ canWrite }: { canWrite: boolean }) {
  const [adding, setAdding] = useState(false);
  const { data, error, loading, reload } = useLoad(() => api.get<Page<Visit>>('/care/visits?limit=500'), []);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canWrite && (
        <Button type="primary" onClick={() => setAdding(true)}>
          记录回访
        </Button>
      )}
      {error && <Alert type="error" showIcon message={error.message} />}
      <Table<Visit>
        size="small"
        loading={loading}
        rowKey="id"
        dataSource={data?.items ?? []}
        columns={[
          { title: '日期', dataIndex: 'visitedOn', width: 110 },
          { title: '回访对象', render: (_, v) => who(v.cadre) },
          { title: '回访人', render: (_, v) => (v.visitor ? who(v.visitor) : '—') },
          { title: '关联', render: (_, v) => (v.caseId ? '案件' : '调整') },
          { title: '回访情况', dataIndex: 'notes' },
        ]}
      />
      {adding && (
        <VisitForm
          onDone={() => {
            setAdding(false);
            void reload();
          }}
        />
      )}
    </Space>
  );
}

export function CarePage() {
  const { user } = useAuth();
  const role = user?.role;
  const canWrite = role === 'org_officer' || role === 'unit_liaison';
  const items = [
    ...(role !== 'cadre' ? [{ key: 'coverage', label: '年度谈话覆盖', children: <CoverageTab /> }] : []),
    { key: 'todo', label: '待办提醒', children: <TodoTab /> },
    ...(role !== 'cadre' ? [{ key: 'follow-up', label: '调整干部跟踪管理', children: <FollowUpTab /> }] : []),
    { key: 'talks', label: '谈心谈话记录', children: <TalksTab canWrite={canWrite} /> },
    { key: 'visits', label: '回访记录', children: <VisitsTab canWrite={canWrite} /> },
  ];
  return (
    <Card title="关心关爱">
      <Tabs items={items} destroyOnHidden />
    </Card>
  );
}
