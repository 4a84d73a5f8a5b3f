// 系统管理 · 用户管理 (system administrator): create accounts, disable or enable them, reset passwords. Roles and
// data scopes are the security administrator's (三员分立), so they are shown here but not changed.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { ApiError, api, type User } from '../../api';
import { useLoad } from '../../hooks';
import { fmtDateTime, roleLabel } from '../../format';
import { displayName } from '../../auth';
import { isAdminRole, loadUsers } from './common';

export function UsersPage() {
  const { message, modal } = App.useApp();
  const { data, error, loading, reload } = useLoad(loadUsers, []);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const [formError, setFormError] = useState<string | null>(null);
  const [q, setQ] = useState('');

  // 三员分立: no administrator ever sees another person's password. The account holder's temporary password is
  // issued by the operator at the server console (docs/OPERATIONS.md), so these answers carry none.
  const CONSOLE_NOTE = '临时密码由运维人员在服务器控制台签发，请当面交给账号本人；首次登录须修改密码';

  async function create() {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setFormError(null);
    try {
      await api.post<{ user?: User }>('/admin/users', { username: v.username, displayName: v.displayName });
      setCreating(false);
      form.resetFields();
      modal.info({
        title: '账号已创建',
        content: `${CONSOLE_NOTE}。角色和数据范围请由安全管理员分配。`,
      });
      void reload();
    } catch (e) {
      if (e instanceof ApiError && e.field) form.setFields([{ name: e.field, errors: [e.message] }]);
      else setFormError(e instanceof Error ? e.message : String(e));
    }
  }

  async function update(u: User, body: Record<string, unknown>, done: string) {
    try {
      await api.put(`/admin/users/${encodeURIComponent(u.id)}`, { ...body, version: u.version });
      if (body.resetPassword) modal.info({ title: done, content: `原密码已停用，会话已结束。${CONSOLE_NOTE}。` });
      else void message.success(done);
      void reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  }

  const rows = (data ?? []).filter((u) => !q || u.username.includes(q) || displayName(u).includes(q));
  return (
    <Card
      title="用户管理"
      size="small"
      extra={
        <Space>
          <Input.Search placeholder="用户名或姓名" allowClear onSearch={setQ} style={{ width: 200 }} />
          <Button icon={<ReloadOutlined />} onClick={() => void reload()}>
            刷新
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建账号
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      <Table<User>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 15, showTotal: (t) => `共 ${t} 个账号` }}
        columns={[
          { title: '用户名', dataIndex: 'username', width: 160 },
          { title: '姓名', render: (_: unknown, u) => displayName(u), width: 190 },
          { title: '角色', dataIndex: 'role', width: 140, render: (r: string) => <Tag>{roleLabel(r)}</Tag> },
          {
            title: '所属单位',
            dataIndex: 'unitName',
            width: 150,
            render: (v: string | null | undefined) => v ?? '—',
            ellipsis: true,
          },
          {
            title: '状态',
            width: 120,
            render: (_: unknown, u) => (
              <Space size={4} wrap>
                {u.disabled ? <Tag color="default">已停用</Tag> : <Tag color="green">正常</Tag>}
                {u.lockedUntil && new Date(u.lockedUntil) > new Date() && <Tag color="orange">已锁定</Tag>}
                {u.mustChangePassword && <Tag color="blue">待改密</Tag>}
                {u.totpEnabled && <Tag color="purple">双因素</Tag>}
              </Space>
            ),
          },
          { title: '创建时间', dataIndex: 'createdAt', width: 170, render: (v?: string) => fmtDateTime(v) },
          {
            title: '操作',
            width: 170,
            // 三员分立: administrator accounts are managed only at the server console (the server refuses it here),
            // so their rows offer nothing that would be refused
            render: (_: unknown, u) =>
              isAdminRole(u.role) ? (
                <Typography.Text type="secondary">由控制台管理</Typography.Text>
              ) : (
                <Space size={0}>
                  <Popconfirm
                    title={`重置 ${u.username} 的密码？`}
                    onConfirm={() => update(u, { resetPassword: true }, '密码已重置')}
                  >
                    <Button type="link" size="small">
                      重置密码
                    </Button>
                  </Popconfirm>
                  <Popconfirm
                    title={u.disabled ? `启用 ${u.username}？` : `停用 ${u.username}？停用后该账号不能登录。`}
                    onConfirm={() => update(u, { disabled: !u.disabled }, u.disabled ? '已启用' : '已停用')}
                  >
                    <Button type="link" size="small" danger={!u.disabled}>
                      {u.disabled ? '启用' : '停用'}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={creating}
        title="新建账号"
        okText="创建"
        onOk={() => void create()}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
        <Typography.Paragraph type="secondary">新账号的角色与数据范围由安全管理员分配。</Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="username"
            label="用户名"
            rules={[
              { required: true, message: '请填写用户名' },
              { pattern: /^[a-z][a-z0-9_.-]{2,31}$/, message: '3–32位小写字母、数字、下划线，以字母开头' },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
