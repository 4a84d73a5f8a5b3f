// 账号安全: the logged-in user changes their password or turns on the TOTP second factor (an authenticator app
// scans the otpauth:// address as a QR code, or takes the secret by hand).
import { useState, type CSSProperties } from 'react';
import { Alert, App, Button, Form, Input, Modal, QRCode, Space, Steps, Tabs, Typography } from 'antd';
import { ApiError, api } from './api';
import { useAuth } from './auth';
import { PASSWORD_HINT, confirmPasswordRules, passwordRule } from './password';

function PasswordForm({ onDone }: { onDone(): void }) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  async function submit(v: { oldPassword: string; newPassword: string }) {
    setBusy(true);
    try {
      await api.post('/auth/password', { oldPassword: v.oldPassword, newPassword: v.newPassword });
      void message.success('密码已修改，其他设备上的登录已失效');
      form.resetFields();
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.field && ['oldPassword', 'newPassword'].includes(e.field))
        form.setFields([{ name: e.field, errors: [e.message] }]);
      else void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Form form={form} layout="vertical" onFinish={submit}>
      <Form.Item name="oldPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="新密码"
        extra={PASSWORD_HINT}
        rules={[{ required: true, message: '请输入新密码' }, passwordRule]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="confirm" label="确认新密码" dependencies={['newPassword']} rules={confirmPasswordRules}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        修改密码
      </Button>
    </Form>
  );
}

const SECRET_STYLE: CSSProperties = {
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  fontSize: 16,
  letterSpacing: 1,
  lineHeight: 1.7,
  padding: '4px 10px',
  background: '#fafafa',
  border: '1px solid #f0f0f0',
  borderRadius: 6,
};

function secretLines(secret: string): string[] {
  const groups = secret.match(/.{1,4}/g) ?? [];
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += 4) lines.push(groups.slice(i, i + 4).join(' '));
  return lines;
}

function TotpSetup() {
  const { user, refresh } = useAuth();
  const [secret, setSecret] = useState<{ secret: string; otpauthUrl: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (user?.totpEnabled)
    return <Alert type="success" showIcon title="已启用双因素认证：登录时须输入验证器应用中的动态口令。" />;
  async function start() {
    setBusy(true);
    setError(null);
    try {
      setSecret(await api.post<{ secret: string; otpauthUrl: string }>('/auth/totp/setup'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }
  async function enable(v: { code: string }) {
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/totp/enable', { code: v.code });
      await refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div>
      <Steps
        size="small"
        current={secret ? 1 : 0}
        items={[{ title: '生成密钥' }, { title: '添加到验证器并输入口令' }]}
        style={{ marginBottom: 16 }}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {!secret ? (
        <Space orientation="vertical">
          <Typography.Text type="secondary">
            启用后，登录时除密码外还须输入验证器应用（如 FreeOTP、Google Authenticator）生成的6位动态口令。
          </Typography.Text>
          <Button type="primary" loading={busy} onClick={() => void start()}>
            开始设置
          </Button>
        </Space>
      ) : (
        <Form layout="vertical" onFinish={enable}>
          {/* The QR code carries the whole otpauth:// address (issuer, account, secret), so scanning it sets up
              the authenticator in one step; the secret stays beside it as text for apps or phones that cannot scan. */}
          <div style={{ display: 'flex', gap: 20, alignItems: 'flex-start', marginBottom: 16 }}>
            <div data-testid="totp-qr" style={{ flex: 'none' }}>
              <QRCode value={secret.otpauthUrl} type="svg" size={168} errorLevel="M" aria-label="双因素认证二维码" />
            </div>
            <div style={{ flex: 1, minWidth: 0 }}>
              <Typography.Paragraph style={{ marginBottom: 12 }}>用身份验证器应用扫描左侧二维码。</Typography.Paragraph>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 6 }}>
                无法扫描时，在验证器中选择“手动输入”并填写密钥：
              </Typography.Paragraph>
              <div style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
                {/* groups of four, four groups a line: easy to read out and type without losing one's place */}
                <div data-testid="totp-secret" style={SECRET_STYLE}>
                  {secretLines(secret.secret).map((line, i) => (
                    <div key={i}>{line}</div>
                  ))}
                </div>
                <Typography.Text copyable={{ text: secret.secret, tooltips: ['复制密钥', '已复制'] }} />
              </div>
            </div>
          </div>
          <Form.Item label="或复制地址">
            <Typography.Text copyable type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
              {secret.otpauthUrl}
            </Typography.Text>
          </Form.Item>
          <Form.Item
            name="code"
            label="验证器显示的6位动态口令"
            rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入6位数字动态口令' }]}
          >
            <Input maxLength={6} style={{ width: 160 }} autoComplete="one-time-code" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            启用双因素认证
          </Button>
        </Form>
      )}
    </div>
  );
}

export function AccountModal({ open, onClose }: { open: boolean; onClose(): void }) {
  return (
    <Modal open={open} title="账号安全" footer={null} onCancel={onClose} destroyOnHidden width={520}>
      <Tabs
        items={[
          { key: 'password', label: '修改密码', children: <PasswordForm onDone={onClose} /> },
          { key: 'totp', label: '双因素认证', children: <TotpSetup /> },
        ]}
      />
    </Modal>
  );
}
