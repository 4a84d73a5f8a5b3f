// 干部档案: the cadre's whole record — basic facts, the timeline of everything that happened, and one table per
// record kind with add / edit / delete for the roles that keep the record.
import { useState, type ReactNode } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Drawer,
  Empty,
  Popconfirm,
  Row as GridRow,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, BookOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { ApiError, api, qs, type Profile, type Row } from '../../api';
import { useLoad } from '../../hooks';
import { useAuth } from '../../auth';
import { fmtDate } from '../../format';
import { navigate } from '../../router';
import { useUnitTree } from '../../units';
import {
  canWrite,
  HONOR_CONFERRER_LABELS,
  POST_ROLE_LABELS,
  RECORD_KIND_LABELS,
  type HonorConferrer,
  type PostRole,
  type RecordKind,
} from '../../vocab';
import { AREA_LABELS, DETERMINATION_KIND_LABELS, FORM_FIELDS, type FieldSpec } from './fields';
import { RecordForm } from './RecordForm';
import { ExplainPanel } from './Explain';
import { InfluencePeriods } from '../adjustment/Periods';
import { plainText } from '../../plain';
import { useRuleNames } from '../../rules';
import { CadreCases } from '../tolerance/CadreCases';
import { CadreAlerts } from '../adjustment/Alerts';

type ProfileKind =
  | 'posts'
  | 'cadreAssessments'
  | 'regularAssessments'
  | 'honors'
  | 'sanctions'
  | 'accountability'
  | 'adjustments'
  | 'determinations';
const TABS: ProfileKind[] = [
  'posts',
  'cadreAssessments',
  'regularAssessments',
  'honors',
  'sanctions',
  'accountability',
  'adjustments',
  'determinations',
];

/** Tab titles kept short so all eight fit at 1366 wide. */
const TAB_LABELS: Record<ProfileKind, string> = {
  posts: '任职',
  cadreAssessments: '年度考核',
  regularAssessments: '平时考核',
  honors: '表彰奖励',
  sanctions: '处分',
  accountability: '问责',
  adjustments: '组织调整',
  determinations: '组织认定',
};

/** Columns left out of a tab's table to keep it readable at 1366 wide (they are on the edit form). */
const HIDDEN_COLUMNS: Partial<Record<ProfileKind, string[]>> = {
  posts: ['partySecretary', 'inCharge', 'reason'],
};

const text = (v: unknown) => (typeof v === 'string' && v ? v : '—');

/** 身份证号 is shown masked until the user asks (the read itself is already in the audit trail). */
function maskId(v: string): string {
  return v.length > 10 ? `${v.slice(0, 6)}${'*'.repeat(v.length - 10)}${v.slice(-4)}` : v;
}

/** Timeline dot colours by the kind of event (the server's timeline `kind` is a record kind or a short word). */
const KIND_COLOR: Record<string, string> = {
  posts: 'blue',
  post: 'blue',
  cadreAssessments: 'green',
  assessment: 'green',
  regularAssessments: 'green',
  honors: 'gold',
  honor: 'gold',
  incidents: 'orange',
  incident: 'orange',
  sanctions: 'red',
  sanction: 'red',
  accountability: 'red',
  adjustments: 'purple',
  adjustment: 'purple',
  determinations: 'gray',
  determination: 'gray',
  post_end: 'gray',
  regular_assessment: 'cyan',
};
const KIND_WORD: Record<string, string> = {
  post: '任职',
  assessment: '年度考核',
  honor: '表彰奖励',
  incident: '事故事件',
  sanction: '处分',
  adjustment: '组织调整',
  determination: '组织认定',
  regularAssessment: '平时考核',
  regular_assessment: '平时考核',
  post_end: '免职',
  accountability: '问责',
  tolerance_request: '容错申请',
  toleranceRequest: '容错申请',
};
function kindWord(k: string): string {
  return RECORD_KIND_LABELS[k as RecordKind] ?? KIND_WORD[k] ?? '记录';
}

/** The server writes codes into some timeline texts (the conferring organ, the finding's kind): show words. */
function entryTitle(kind: string, title: string): string {
  if (kind === 'determination') return title.replace(/^([a-z_]+)/, (c) => DETERMINATION_KIND_LABELS[c] ?? c);
  return title;
}
function entryDetail(kind: string, detail: string | null | undefined): string {
  if (!detail) return '';
  if (kind === 'honor') return HONOR_CONFERRER_LABELS[detail as HonorConferrer] ?? detail;
  return detail;
}

/** What a table cell needs to name things: unit names (the tree, or the names the rows carry) and rule names. */
interface Namers {
  units: Map<string, string>;
  rules: Record<string, string>;
}

function renderValue(f: FieldSpec, v: unknown, n: Namers): ReactNode {
  if (f.type.t === 'units' && (v === null || v === undefined))
    return <Typography.Text type="secondary">尚未录入</Typography.Text>;
  if (v === null || v === undefined || v === '') return <Typography.Text type="secondary">—</Typography.Text>;
  switch (f.type.t) {
    case 'date':
      return fmtDate(String(v));
    case 'bool':
      return v ? '是' : '否';
    case 'enum': {
      const o = f.type.options.find((x) => x.value === v);
      return o?.label ?? String(v);
    }
    case 'unit':
      return n.units.get(String(v)) ?? '—';
    case 'units':
      return Array.isArray(v) && v.length > 0
        ? v.map((u) => <Tag key={String(u)}>{n.units.get(String(u)) ?? '—'}</Tag>)
        : '不分管单位';
    case 'areas':
      return Array.isArray(v) && v.length > 0
        ? v.map((a) => <Tag key={String(a)}>{AREA_LABELS[String(a)] ?? String(a)}</Tag>)
        : '—';
    default:
      // an adjustment's rule and a determination's clause may be written as a rule id
      return plainText(String(v), n.rules);
  }
}

function sortRows(kind: ProfileKind, rows: Row[]): Row[] {
  const key = (r: Row) => String(r.startDate ?? r.date ?? r.period ?? r.year ?? '');
  return [...rows].sort((a, b) => key(b).localeCompare(key(a)));
}

export function CadreProfilePage({ id }: { id: string }) {
  const { user } = useAuth();
  const { message } = App.useApp();
  const { names: treeNames } = useUnitTree();
  const ruleNames = useRuleNames();
  const { data, error, loading, reload } = useLoad(
    () => api.get<Profile>(`/cadres/${encodeURIComponent(id)}/profile`),
    [id],
  );
  const [tab, setTab] = useState<ProfileKind>('posts');
  const [explain, setExplain] = useState(false);
  const [editing, setEditing] = useState<{ kind: RecordKind; row: Row | null } | null>(null);
  const [showRegular, setShowRegular] = useState(false);
  const [showId, setShowId] = useState(false);
  const may = (kind: RecordKind) => !!user && canWrite(user.role, kind);

  if (error)
    return (
      <Card>
        <Alert
          type="error"
          showIcon
          title={
            error instanceof ApiError && (error.status === 404 || error.status === 403)
              ? '未找到该干部，或该干部不在您的管理范围内'
              : error.message
          }
          action={<Button onClick={() => navigate('/data/roster')}>返回名册</Button>}
        />
      </Card>
    );
  if (loading && !data)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  if (!data) return null;

  const c = data.cadre;
  // a cadre sees no unit tree: the units' names come with the rows that point at them
  const names = new Map(treeNames);
  for (const p of data.posts)
    if (typeof p.unitName === 'string' && !names.has(String(p.unitId))) names.set(String(p.unitId), p.unitName);
  const namers: Namers = { units: names, rules: ruleNames };
  const current = data.posts.filter((p) => !p.endDate);
  // quarterly 平时考核 would drown the rest (four a year): shown on request
  const timeline = [...data.timeline]
    .filter((t) => showRegular || t.kind !== 'regular_assessment')
    .sort((a, b) => b.date.localeCompare(a.date));

  async function remove(kind: RecordKind, row: Row) {
    try {
      await api.del(`/records/${kind}/${encodeURIComponent(row.id)}${qs({ version: row.version })}`);
      void message.success('已删除');
      void reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  }

  const table = (kind: ProfileKind) => {
    const fields = FORM_FIELDS[kind] ?? [];
    const rows = sortRows(kind, (data[kind] ?? []) as Row[]);
    return (
      <div>
        {may(kind) && (
          <Button
            type="primary"
            ghost
            icon={<PlusOutlined />}
            style={{ marginBottom: 8 }}
            onClick={() => setEditing({ kind, row: null })}
          >
            新增{RECORD_KIND_LABELS[kind]}
          </Button>
        )}
        <Table<Row>
          rowKey="id"
          size="small"
          dataSource={rows}
          pagination={rows.length > 8 ? { pageSize: 8, size: 'small' } : false}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`暂无${RECORD_KIND_LABELS[kind]}记录`} />
            ),
          }}
          columns={[
            ...fields
              .filter((f) => !HIDDEN_COLUMNS[kind]?.includes(f.field))
              .map((f) => ({
                title: f.label,
                dataIndex: f.field,
                key: f.field,
                ellipsis: f.type.t === 'textarea',
                render: (v: unknown) => renderValue(f, v, namers),
              })),
            ...(may(kind)
              ? [
                  {
                    title: '操作',
                    key: '_op',
                    fixed: 'right' as const,
                    width: 110,
                    render: (_: unknown, r: Row) => (
                      <Space size={4}>
                        <Button
                          type="link"
                          size="small"
                          icon={<EditOutlined />}
                          onClick={() => setEditing({ kind, row: r })}
                        >
                          编辑
                        </Button>
                        <Popconfirm
                          title={`删除这条${RECORD_KIND_LABELS[kind]}记录？`}
                          okText="删除"
                          cancelText="取消"
                          onConfirm={() => remove(kind, r)}
                        >
                          <Button type="link" size="small" danger icon={<DeleteOutlined />} />
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </div>
    );
  };

  return (
    <div>
      <Card
        size="small"
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/data/roster')} />
            <span data-testid="profile-name">{String(c.name)}</span>
            <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
              干部档案
            </Typography.Text>
          </Space>
        }
        extra={
          <Space>
            <Button icon={<BookOutlined />} onClick={() => setExplain(true)}>
              政策适用说明
            </Button>
            {may('cadres') && (
              <Button icon={<EditOutlined />} onClick={() => setEditing({ kind: 'cadres', row: c })}>
                编辑基本信息
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions size="small" column={4} bordered>
          <Descriptions.Item label="姓名">{String(c.name)}</Descriptions.Item>
          <Descriptions.Item label="性别">{(c.gender as string | null) ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="出生日期">{fmtDate(c.birthDate as string | null)}</Descriptions.Item>
          <Descriptions.Item label="人员类别">{String(c.category)}</Descriptions.Item>
          <Descriptions.Item label="干部编号">
            <span data-record-number>{c.id}</span>
          </Descriptions.Item>
          <Descriptions.Item label="身份证号">
            {typeof c.idNumber === 'string' && c.idNumber ? (
              <Space size={4}>
                <span style={{ fontFamily: 'monospace' }}>{showId ? c.idNumber : maskId(c.idNumber)}</span>
                <Button type="link" size="small" onClick={() => setShowId(!showId)}>
                  {showId ? '隐藏' : '显示'}
                </Button>
              </Space>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label="民族">{text(c.ethnicity)}</Descriptions.Item>
          <Descriptions.Item label="籍贯">{text(c.nativePlace)}</Descriptions.Item>
          <Descriptions.Item label="出生地">{text(c.birthPlace)}</Descriptions.Item>
          <Descriptions.Item label="学历学位">{text(c.education)}</Descriptions.Item>
          <Descriptions.Item label="入党时间">{fmtDate(c.partyJoinDate as string | null)}</Descriptions.Item>
          <Descriptions.Item label="参加工作时间">{fmtDate(c.workStartDate as string | null)}</Descriptions.Item>
          <Descriptions.Item label="专业技术职务" span={2}>
            {text(c.professionalTitle)}
          </Descriptions.Item>
          <Descriptions.Item label="管理单位" span={2}>
            {names.get(String(c.managingUnitId)) ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label="现任职务" span={4}>
            {current.length === 0
              ? '—'
              : current.map((p) => (
                  <Tag key={p.id} color="red" style={{ marginBottom: 2 }}>
                    {names.get(String(p.unitId)) ?? ''} {String(p.title)}（{String(p.level)}，
                    {POST_ROLE_LABELS[p.role as PostRole] ?? String(p.role)}）
                  </Tag>
                ))}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <GridRow gutter={12} style={{ marginTop: 12 }} wrap={false}>
        <Col flex="330px">
          <Card
            size="small"
            title="履历与记录时间轴"
            extra={
              <Checkbox checked={showRegular} onChange={(e) => setShowRegular(e.target.checked)}>
                含平时考核
              </Checkbox>
            }
            styles={{ body: { maxHeight: 'calc(100vh - 330px)', minHeight: 240, overflow: 'auto', paddingTop: 16 } }}
          >
            {timeline.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" />
            ) : (
              <Timeline
                data-testid="timeline"
                items={timeline.map((t, i) => ({
                  key: i,
                  color: KIND_COLOR[t.kind] ?? 'gray',
                  content: (
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {fmtDate(t.date)} · {kindWord(t.kind)}
                      </Typography.Text>
                      <div>{plainText(entryTitle(t.kind, t.title), ruleNames)}</div>
                      {t.detail && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {plainText(entryDetail(t.kind, t.detail), ruleNames)}
                        </Typography.Text>
                      )}
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
        <Col flex="auto" style={{ minWidth: 0 }}>
          {user?.role !== 'cadre' && <InfluencePeriods cadreId={id} />}
          <Card size="small" styles={{ body: { paddingTop: 0 } }}>
            <Tabs
              size="small"
              tabBarGutter={14}
              activeKey={tab}
              onChange={(k) => setTab(k as ProfileKind)}
              items={[
                ...TABS.map((k) => ({
                  key: k,
                  label: `${TAB_LABELS[k]}（${(data[k] ?? []).length}）`,
                  children: table(k),
                })),
                { key: 'tolerance', label: '容错纠错', children: <CadreCases cadreId={id} /> },
              ]}
            />
          </Card>
        </Col>
      </GridRow>
      <Card size="small" title="能上能下预警提示" style={{ marginTop: 12 }}>
        <CadreAlerts cadreId={id} />
      </Card>
      <Drawer
        open={explain}
        onClose={() => setExplain(false)}
        size={720}
        title={`政策适用说明：${String(c.name)}`}
        destroyOnHidden
      >
        <ExplainPanel cadreId={id} name={String(c.name)} />
      </Drawer>
      {editing && (
        <RecordForm
          kind={editing.kind}
          row={editing.row}
          cadreId={id}
          open
          onClose={() => setEditing(null)}
          onStale={() => void reload()}
          onSaved={() => {
            setEditing(null);
            void message.success('已保存');
            void reload();
          }}
        />
      )}
    </div>
  );
}
