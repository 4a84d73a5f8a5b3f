// 系统管理 · 审计日志 (audit administrator): search the trail and verify its SM3 hash chain.
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api, qs, type AuditEntry, type Page, type VerifyResult } from '../../api';
import { useLoad } from '../../hooks';
import { fmtDateTime, roleLabel } from '../../format';
import { RECORD_KIND_LABELS, type RecordKind } from '../../vocab';
import { FORM_FIELDS } from '../data/fields';

const PAGE_SIZE = 20;

/** Chinese words for the common actions; others are shown as the server names them. */
const ACTION_WORDS: Record<string, string> = {
  login: '登录',
  'login.failed': '登录失败',
  'account.locked': '账号锁定',
  logout: '退出登录',
  'password.change': '修改密码',
  'totp.setup': '设置双因素',
  'totp.enable': '启用双因素',
  'user.create': '新建账号',
  'user.update': '修改账号',
  'user.reset': '重置密码',
  'user.role': '分配角色与范围',
  'profile.read': '查阅干部档案',
  'record.read': '查阅记录',
  'record.list': '查询列表',
  'password.change.failed': '修改密码失败',
  'record.create': '新增记录',
  'record.update': '修改记录',
  'record.delete': '删除记录',
  'record.import': '导入',
  'record.export': '导出',
  'audit.verify': '校验审计链',
  'key.rotate': '轮换密钥',
  'record.import.failed': '导入失败',
  'audit.read': '查阅审计日志',
  'access.refused': '越权访问被拒绝',
  'roster.search': '查询干部名册',
  'explain.read': '查阅结论说明',
  'user.list': '查阅账号列表',
  'case.start': '启动容错案件',
  'case.step': '办理案件步骤',
  'case.read': '查阅容错案件',
  'case.comment': '案件意见',
};
const actionOptions = Object.entries(ACTION_WORDS).map(([value, label]) => ({ value, label }));
/** The target's kind in words: a record kind, or an account. */
function targetLabel(k: string): string {
  if (k === 'user') return '账号';
  if (k === 'import') return '导入文件';
  return RECORD_KIND_LABELS[k as RecordKind] ?? '其他对象';
}

function actionLabel(a: string): string {
  return ACTION_WORDS[a] ?? '其他操作';
}

/** A record's fields in words: the form's labels for the kind, and the fields every record has. */
const COMMON_FIELDS: Record<string, string> = {
  id: '编号',
  version: '版本',
  cadreId: '干部',
  subjectType: '对象类型',
  subjectId: '对象',
  unitId: '单位',
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  disabled: '停用',
  mustChangePassword: '须修改密码',
  totpEnabled: '双因素认证',
  file: '文件',
  kind: '类别',
  count: '条数',
  imported: '写入条数',
};
function fieldLabel(kind: string | null | undefined, field: string): string {
  const spec = FORM_FIELDS[kind as RecordKind]?.find((f) => f.field === field);
  return spec?.label ?? COMMON_FIELDS[field] ?? '其他字段';
}
/** The words of a search's conditions and of a reduced case-file entry (field names and a digest). */
const DETAIL_WORDS: Record<string, string> = {
  query: '查询条件',
  limit: '每页条数',
  offset: '起始位置',
  from: '起始时间',
  to: '截止时间',
  user: '用户',
  action: '操作',
  search: '搜索词',
  category: '人员类别',
  post: '职务类型',
  level: '职级',
  asOf: '说明日期',
  fields: '涉及字段',
  sm3: '内容摘要',
  ids: '涉及记录',
  step: '步骤序号',
  state: '状态',
};
/** A reduced entry's field names, in words. */
function fieldNames(kind: string | null | undefined, v: unknown): string {
  return Array.isArray(v) ? v.map((f) => fieldLabel(kind, String(f))).join('、') : detailText(kind, v);
}
/** A nested value (a search's conditions, a reduced entry) as 名称：值 pairs, never as raw keys. */
function detailText(kind: string | null | undefined, v: unknown): string {
  if (Array.isArray(v)) return v.map((x) => detailText(kind, x)).join('、');
  if (v && typeof v === 'object')
    return Object.entries(v as Record<string, unknown>)
      .map(
        ([k, x]) =>
          `${DETAIL_WORDS[k] ?? fieldLabel(kind, k)}：${k === 'fields' ? fieldNames(kind, x) : detailText(kind, x)}`,
      )
      .join('；');
  if (typeof v === 'boolean') return v ? '是' : '否';
  return v === null || v === undefined || v === '' ? '—' : String(v);
}
/** Ids stay as they are in the audit record (they are what an investigation follows), marked as such. */
const isIdField = (field: string) => field === 'id' || field === 'sm3' || /Id$/.test(field);

function asObject(v: unknown): Record<string, unknown> | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    try {
      return asObject(JSON.parse(v));
    } catch {
      return { value: v };
    }
  }
  return typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
}

/** The record before and after the change, field by field in words. */
function Change({ kind, before, after }: { kind?: string | null; before: unknown; after: unknown }) {
  const b = asObject(before) ?? {};
  const a = asObject(after) ?? {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (fields.length === 0) return <Typography.Text type="secondary">无记录内容</Typography.Text>;
  const show = (field: string, v: unknown) => {
    if (v === undefined || v === null || v === '') return '—';
    const text = field === 'fields' ? fieldNames(kind, v) : typeof v === 'string' ? v : detailText(kind, v);
    return isIdField(field) ? <span data-record-number>{text}</span> : text;
  };
  return (
    <Table
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={fields.map((field) => ({ field, before: b[field], after: a[field] }))}
      columns={[
        {
          title: '字段',
          dataIndex: 'field',
          width: 140,
          render: (f: string) => DETAIL_WORDS[f] ?? fieldLabel(kind, f),
        },
        { title: '修改前', dataIndex: 'before', render: (v: unknown, r) => show(r.field, v) },
        { title: '修改后', dataIndex: 'after', render: (v: unknown, r) => show(r.field, v) },
      ]}
    />
  );
}

export function AuditPage() {
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [userQ, setUserQ] = useState('');
  const [action, setAction] = useState('');
  const [page, setPage] = useState(1);
  const [verifying, setVerifying] = useState(false);
  const [verify, setVerify] = useState<VerifyResult | { error: string } | null>(null);
  const [shown, setShown] = useState<AuditEntry | null>(null);

  const { data, error, loading } = useLoad(
    () =>
      api.get<Page<AuditEntry>>(
        `/audit${qs({
          from: range?.[0]?.startOf('day').toISOString(),
          to: range?.[1]?.endOf('day').toISOString(),
          user: userQ,
          action,
          offset: (page - 1) * PAGE_SIZE,
          limit: PAGE_SIZE,
        })}`,
      ),
    [range, userQ, action, page],
  );

  async function runVerify() {
    setVerifying(true);
    try {
      setVerify(await api.post<VerifyResult>('/audit/verify'));
    } catch (e) {
      setVerify({ error: e instanceof Error ? e.message : String(e) });
    } finally {
      setVerifying(false);
    }
  }

  return (
    <div>
      <Card
        size="small"
        title="审计日志"
        extra={
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            loading={verifying}
            onClick={() => void runVerify()}
            data-testid="verify"
          >
            校验
          </Button>
        }
      >
        {verify && (
          <div data-testid="verify-result" style={{ marginBottom: 12 }}>
            {'error' in verify ? (
              <Alert type="error" showIcon title={`校验未能完成：${verify.error}`} />
            ) : verify.ok ? (
              <Alert
                type="success"
                showIcon
                title="审计链完整"
                description={`已逐条校验 ${verify.count.toLocaleString('zh-CN')} 条审计记录的 SM3 哈希链，未发现篡改、删除或顺序调整。`}
              />
            ) : (
              <Alert
                type="error"
                showIcon
                title={`审计链校验失败：第 ${verify.seq} 条记录`}
                description={`${verify.reason}。该条记录及其后的记录不可信，请立即报告安全管理员并保全数据库。`}
              />
            )}
          </div>
        )}
        <Space wrap style={{ marginBottom: 12 }}>
          <DatePicker.RangePicker
            format="YYYY年M月D日"
            value={range}
            onChange={(v) => {
              setRange(v as [Dayjs | null, Dayjs | null] | null);
              setPage(1);
            }}
          />
          <Input.Search
            placeholder="用户名"
            allowClear
            style={{ width: 160 }}
            onSearch={(v) => {
              setUserQ(v.trim());
              setPage(1);
            }}
          />
          <Select
            placeholder="操作类型"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 240 }}
            options={actionOptions}
            value={action || undefined}
            onChange={(v?: string) => {
              setAction(v ?? '');
              setPage(1);
            }}
          />
        </Space>
        {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
        <Table<AuditEntry>
          rowKey="seq"
          size="small"
          loading={loading}
          dataSource={data?.items ?? []}
          scroll={{ x: 900 }}
          onRow={(r) => ({ onClick: () => setShown(r), style: { cursor: 'pointer' } })}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (t) => `共 ${t.toLocaleString('zh-CN')} 条`,
            onChange: setPage,
          }}
          columns={[
            { title: '序号', dataIndex: 'seq', width: 80 },
            { title: '时间', dataIndex: 'at', width: 190, render: (v: string) => fmtDateTime(v) },
            { title: '用户', dataIndex: 'username', width: 130, render: (v?: string | null) => v ?? '—' },
            { title: '角色', dataIndex: 'role', width: 130, render: (v?: string | null) => roleLabel(v) },
            {
              title: '操作',
              dataIndex: 'action',
              width: 170,
              render: (v: string) => (
                <Tag color={/failed|locked|delete/.test(v) ? 'red' : v.startsWith('record.') ? 'blue' : 'default'}>
                  {actionLabel(v)}
                </Tag>
              ),
            },
            {
              title: '对象',
              render: (_: unknown, r) => (r.targetKind ? targetLabel(r.targetKind) : '—'),
              ellipsis: true,
            },
            { title: 'IP', dataIndex: 'ip', width: 130, render: (v?: string | null) => v ?? '—' },
          ]}
        />
      </Card>
      <Drawer open={!!shown} onClose={() => setShown(null)} size={560} title={shown ? `审计记录 #${shown.seq}` : ''}>
        {shown && (
          <>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label="时间">{fmtDateTime(shown.at)}</Descriptions.Item>
              <Descriptions.Item label="用户">
                {shown.username ?? '—'}（{roleLabel(shown.role)}）
              </Descriptions.Item>
              <Descriptions.Item label="用户所属单位编号">
                {shown.unitId ? <span data-record-number>{shown.unitId}</span> : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="操作">{actionLabel(shown.action)}</Descriptions.Item>
              <Descriptions.Item label="对象">
                {shown.targetKind ? targetLabel(shown.targetKind) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="对象编号">
                {shown.targetId ? <span data-record-number>{shown.targetId}</span> : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="IP">{shown.ip ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="哈希">
                <Typography.Text code style={{ fontSize: 11, wordBreak: 'break-all' }} data-record-number>
                  {shown.hash ?? '—'}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              记录内容
            </Typography.Title>
            <Change kind={shown.targetKind} before={shown.before} after={shown.after} />
          </>
        )}
      </Drawer>
    </div>
  );
}
