// 参数设置: the numbers a jurisdiction's texts leave to its own 具体办法, for the organisation department. Each is shown
// by name with its unit and the passage that leaves it open, the setting in force (its own or from a unit above)
// and the history; a new setting cites its local document and takes effect from a date. Parameter keys never show.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { api, ApiError, qs } from '../../api';
import { useAuth } from '../../auth';
import { useLoad } from '../../hooks';
import { toTreeData, useUnitTree } from '../../units';

interface Setting {
  id: string;
  version: number;
  unit: string;
  value: unknown;
  valueText: string;
  inForceFrom: string;
  document: { title: string; number: string; date: string };
  setAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
  inherited?: boolean;
}

interface OpenParam {
  key: string;
  label: string;
  kind: 'ratio' | 'amount' | 'gradeAmounts' | 'tierCounts' | 'count' | 'days' | 'months';
  unit: string;
  parts: string[] | null;
  leftOpenBy: string;
  current: Setting | null;
  history: Setting[];
}

interface ParamsView {
  unit: { id: string; name: string };
  asOf: string;
  params: OpenParam[];
  canSet: boolean;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');

/** The value the form collected, in the form the server reads. */
function valueOf(p: OpenParam, v: Record<string, unknown>): unknown {
  switch (p.kind) {
    case 'ratio':
      return v.percent === undefined || v.percent === null ? '' : `${String(v.percent)}%`;
    case 'gradeAmounts':
      return Object.fromEntries((p.parts ?? []).map((g, i) => [g, v[`part${i}`]]));
    case 'tierCounts':
      return (p.parts ?? []).map((_, i) => v[`part${i}`]);
    default:
      return v.value;
  }
}

function SetDialog({ unitId, param, onDone }: { unitId: string; param: OpenParam; onDone: () => void }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, unknown>;
    setBusy(true);
    setError(null);
    try {
      await api.post('/params', {
        unitId,
        key: param.key,
        value: valueOf(param, v),
        inForceFrom: day(v.inForceFrom as Dayjs),
        document: { title: v.title, number: v.number, date: day(v.date as Dayjs) },
      });
      void message.success('已设定');
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const parts = param.parts ?? [];
  return (
    <Modal
      open
      title={`设定：${param.label}`}
      onCancel={onDone}
      onOk={() => void submit()}
      confirmLoading={busy}
      okText="设定"
    >
      <Typography.Paragraph type="secondary">{param.leftOpenBy}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        {param.kind === 'ratio' && (
          <Form.Item name="percent" label="比例（%）" rules={[{ required: true, message: '请填写比例' }]}>
            <InputNumber min={0} max={100} addonAfter="%" style={{ width: 200 }} />
          </Form.Item>
        )}
        {(param.kind === 'gradeAmounts' || param.kind === 'tierCounts') &&
          parts.map((part, i) => (
            <Form.Item
              key={part}
              name={`part${i}`}
              label={param.kind === 'gradeAmounts' ? `第${part}等次（${param.unit}）` : `${part}（${param.unit}）`}
              rules={[{ required: true, message: '请填写' }]}
            >
              <InputNumber min={0} precision={param.kind === 'tierCounts' ? 0 : 2} style={{ width: 200 }} />
            </Form.Item>
          ))}
        {['amount', 'count', 'days', 'months'].includes(param.kind) && (
          <Form.Item name="value" label={`数值（${param.unit}）`} rules={[{ required: true, message: '请填写数值' }]}>
            <InputNumber
              min={0}
              precision={param.kind === 'amount' ? 2 : 0}
              addonAfter={param.unit}
              style={{ width: 240 }}
            />
          </Form.Item>
        )}
        <Form.Item name="inForceFrom" label="施行日期" rules={[{ required: true, message: '请选择施行日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="title"
          label="依据文件标题"
          rules={[{ required: true, whitespace: true, message: '请填写文件标题' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="number" label="文号" rules={[{ required: true, whitespace: true, message: '请填写文号' }]}>
          <Input maxLength={100} placeholder="如 ××发〔2026〕3号" />
        </Form.Item>
        <Form.Item name="date" label="文件日期" rules={[{ required: true, message: '请选择文件日期' }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RevokeDialog({ setting, onDone }: { setting: Setting; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    try {
      await api.post(`/params/${encodeURIComponent(setting.id)}/revoke`, { version: setting.version, reason });
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Modal
      open
      title="撤销设定"
      onCancel={onDone}
      onOk={() => void submit()}
      okText="撤销"
      okButtonProps={{ danger: true }}
    >
      <Typography.Paragraph>
        撤销后该设定保留在历史记录中，但不再适用。{setting.document.number} 施行日期 {setting.inForceFrom}。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Input.TextArea rows={3} placeholder="撤销理由" value={reason} onChange={(e) => setReason(e.target.value)} />
    </Modal>
  );
}

export function ParamsPage() {
  const { user } = useAuth();
  const { tree } = useUnitTree();
  const [unitId, setUnitId] = useState<string | undefined>(user?.unitId ?? undefined);
  const [editing, setEditing] = useState<OpenParam | null>(null);
  const [revoking, setRevoking] = useState<Setting | null>(null);
  const shownUnit = unitId ?? tree[0]?.id;
  const { data, error, loading, reload } = useLoad(
    () => (shownUnit ? api.get<ParamsView>(`/params${qs({ unit: shownUnit })}`) : Promise.resolve(null)),
    [shownUnit],
  );

  return (
    <Card
      title="参数设置（具体办法）"
      extra={
        <TreeSelect
          style={{ width: 280 }}
          treeData={toTreeData(tree)}
          value={shownUnit}
          onChange={(v: string) => setUnitId(v)}
          showSearch={{ treeNodeFilterProp: 'title' }}
          placeholder="选择辖区单位"
        />
      }
    >
      <Typography.Paragraph type="secondary">
        以下是本辖区适用的政策文件留待具体办法规定的数值。未设定的数值在规则评估中列为“未配置”，不会采用任何默认值；设定自施行日期起适用于本单位及下级单位（下级单位另有设定的，以下级单位为准）。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error.message} />}
      {data && data.params.length === 0 && (
        <Alert type="info" showIcon message="本辖区适用的政策文件没有留待具体办法规定的数值。" />
      )}
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {(data?.params ?? []).map((p) => (
          <Card
            key={p.key}
            size="small"
            loading={loading}
            title={p.label}
            extra={
              data?.canSet && (
                <Button type="primary" size="small" onClick={() => setEditing(p)}>
                  设定
                </Button>
              )
            }
          >
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="文件依据">{p.leftOpenBy}</Descriptions.Item>
              <Descriptions.Item label="计量单位">{p.unit}</Descriptions.Item>
              <Descriptions.Item label="现行设定">
                {p.current ? (
                  <Space wrap>
                    <Typography.Text strong>{p.current.valueText}</Typography.Text>
                    <span>
                      自 {p.current.inForceFrom} 施行，依据《{p.current.document.title}》（{p.current.document.number}）
                    </span>
                    {p.current.inherited && <Tag>由{p.current.unit}设定</Tag>}
                  </Space>
                ) : (
                  <Tag color="orange">未配置</Tag>
                )}
              </Descriptions.Item>
            </Descriptions>
            {p.history.length > 0 && (
              <Table<Setting>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={p.history}
                columns={[
                  { title: '数值', dataIndex: 'valueText' },
                  { title: '施行日期', dataIndex: 'inForceFrom' },
                  {
                    title: '依据文件',
                    render: (_, s) => `《${s.document.title}》${s.document.number}（${s.document.date}）`,
                  },
                  {
                    title: '状态',
                    render: (_, s) =>
                      s.revokedAt ? (
                        <Tag title={s.revokeReason ?? ''}>已撤销：{s.revokeReason}</Tag>
                      ) : (
                        <Tag color="green">有效</Tag>
                      ),
                  },
                  ...(data?.canSet
                    ? [
                        {
                          title: '',
                          render: (_: unknown, s: Setting) =>
                            !s.revokedAt && (
                              <Button size="small" danger type="link" onClick={() => setRevoking(s)}>
                                撤销
                              </Button>
                            ),
                        },
                      ]
                    : []),
                ]}
              />
            )}
          </Card>
        ))}
      </Space>
      {editing && shownUnit && (
        <SetDialog
          unitId={shownUnit}
          param={editing}
          onDone={() => {
            setEditing(null);
            void reload();
          }}
        />
      )}
      {revoking && (
        <RevokeDialog
          setting={revoking}
          onDone={() => {
            setRevoking(null);
            void reload();
          }}
        />
      )}
    </Card>
  );
}
