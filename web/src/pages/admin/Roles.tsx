// 系统管理 · 角色与数据范围 (security administrator): a user's role and the unit that bounds their data scope.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { ApiError, api, type User } from '../../api';
import { useLoad } from '../../hooks';
import { ADMIN_ROLES, ROLE_LABELS, roleLabel } from '../../format';
import { displayName } from '../../auth';
import { toTreeData, useUnitTree } from '../../units';
import { loadUsers } from './common';

const roleOptions = Object.entries(ROLE_LABELS)
  .filter(([r]) => r !== 'unassigned')
  .map(([value, label]) => ({ value, label }));

export function RolesPage() {
  const { message } = App.useApp();
  const { data, error, loading, reload } = useLoad(loadUsers, []);
  const { tree, names, error: treeError } = useUnitTree();
  const [editing, setEditing] = useState<User | null>(null);
  const [form] = Form.useForm();
  const [formError, setFormError] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const role = Form.useWatch('role', form) as string | undefined;

  function open(u: User) {
    setEditing(u);
    setFormError(null);
    form.setFieldsValue({
      role: u.role === 'unassigned' ? undefined : u.role,
      unitId: u.unitId ?? undefined,
      cadreId: u.cadreId ?? undefined,
    });
  }

  async function save() {
    if (!editing) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await api.put(`/admin/users/${encodeURIComponent(editing.id)}/role`, {
        role: v.role,
        unitId: v.unitId ?? null,
        ...(v.role === 'cadre' ? { cadreId: v.cadreId } : {}),
        version: editing.version,
      });
      setEditing(null);
      void message.success('角色与数据范围已更新');
      void reload();
    } catch (e) {
      if (e instanceof ApiError && e.field && ['role', 'unitId', 'cadreId'].includes(e.field))
        form.setFields([{ name: e.field, errors: [e.message] }]);
      else setFormError(e instanceof Error ? e.message : String(e));
    }
  }

  const rows = (data ?? []).filter((u) => !q || u.username.includes(q) || displayName(u).includes(q));
  return (
    <Card
      title="角色与数据范围"
      size="small"
      extra={
        <Space>
          <Input.Search placeholder="用户名或姓名" allowClear onSearch={setQ} style={{ width: 200 }} />
          <Button icon={<ReloadOutlined />} onClick={() => void reload()}>
            刷新
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        数据范围按干部管理权限确定：绑定到某单位的用户只能访问该单位及其下级单位管理的干部和数据。三员（系统、安全、审计管理员）不访问业务数据。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      <Table<User>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 15, showTotal: (t) => `共 ${t} 个账号` }}
        columns={[
          { title: '用户名', dataIndex: 'username', width: 190 },
          { title: '姓名', render: (_: unknown, u) => displayName(u), width: 220 },
          {
            title: '角色',
            dataIndex: 'role',
            width: 170,
            render: (r: string) => <Tag color={r === 'unassigned' ? 'orange' : 'blue'}>{roleLabel(r)}</Tag>,
          },
          {
            title: '数据范围（所属单位）',
            render: (_: unknown, u) =>
              u.role === 'unassigned'
                ? '—'
                : ADMIN_ROLES.includes(u.role)
                  ? '—（不访问业务数据）'
                  : u.role === 'cadre'
                    ? '本人档案'
                    : u.unitId
                      ? (names.get(u.unitId) ?? u.unitName ?? u.unitId)
                      : '全部单位',
          },
          {
            title: '操作',
            width: 100,
            render: (_: unknown, u) => (
              <Button type="link" size="small" onClick={() => open(u)}>
                分配
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={`分配角色与数据范围：${editing ? displayName(editing) : ''}`}
        okText="保存"
        onOk={() => void save()}
        forceRender
        onCancel={() => setEditing(null)}
      >
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
        {treeError && (
          <Alert type="warning" showIcon title={`单位树不可用：${treeError.message}`} style={{ marginBottom: 12 }} />
        )}
        <Form form={form} layout="vertical">
          <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
            <Select options={roleOptions} />
          </Form.Item>
          <Form.Item
            name="unitId"
            label="所属单位（数据范围）"
            extra="留空表示不限单位（仅适用于三员和全省范围的用户）"
          >
            <TreeSelect
              treeData={toTreeData(tree)}
              allowClear
              showSearch={{ treeNodeFilterProp: 'title' }}
              placeholder="选择单位"
            />
          </Form.Item>
          {role === 'cadre' && (
            <Form.Item
              name="cadreId"
              label="对应的干部编号"
              extra="干部本人只能查看自己的档案"
              rules={[{ required: true, message: '请填写干部编号' }]}
            >
              <Input />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
