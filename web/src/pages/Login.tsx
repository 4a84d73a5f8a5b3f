// Login in up to three steps: password → second factor (when the account has TOTP) → a new password (when the
// account must change it, e.g. on first login). Errors are the server's own Chinese reason.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { ApiError, api, request, type LoginResult } from '../api';
import { useAuth } from '../auth';
import { PASSWORD_HINT, confirmPasswordRules, passwordRule } from '../password';

type Step = 'password' | 'totp' | 'change';

/** `forced`: a session exists but the password must change first (e.g. after a reload mid-login). */
export function LoginPage({ forced = false }: { forced?: boolean }) {
  const { refresh, expired, logout } = useAuth();
  const [step, setStep] = useState<Step>(forced ? 'change' : 'password');
  const [creds, setCreds] = useState<{ username: string; password: string }>({ username: '', password: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function finish(res: LoginResult, password: string) {
    if (res.needsTotp) {
      setStep('totp');
      return;
    }
    if (res.mustChangePassword) {
      setCreds((c) => ({ ...c, password }));
      setStep('change');
      return;
    }
    await refresh();
  }

  async function submitPassword(v: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      setCreds(v);
      const res = await request<LoginResult>('POST', '/auth/login', v, true);
      await finish(res, v.password);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  async function submitTotp(v: { totp: string }) {
    setBusy(true);
    setError(null);
    try {
      const res = await request<LoginResult>('POST', '/auth/login', { ...creds, totp: v.totp }, true);
      await finish({ ...res, needsTotp: false }, creds.password);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  async function submitChange(v: { newPassword: string; oldPassword?: string }) {
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/password', { oldPassword: v.oldPassword ?? creds.password, newPassword: v.newPassword });
      await refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="sx-login-bg">
      <Card style={{ width: 420, boxShadow: '0 8px 32px rgba(0,0,0,.18)' }} styles={{ body: { padding: '32px 36px' } }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          三项机制干部工作系统
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: 24 }}>
          鼓励激励 · 容错纠错 · 能上能下
        </Typography.Paragraph>
        {expired && step === 'password' && !error && (
          <Alert type="warning" showIcon title="会话已过期，请重新登录" style={{ marginBottom: 16 }} />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}

        {step === 'password' && (
          <Form layout="vertical" onFinish={submitPassword} requiredMark={false} size="large">
            <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              登录
            </Button>
          </Form>
        )}

        {step === 'totp' && (
          <Form layout="vertical" onFinish={submitTotp} requiredMark={false} size="large">
            <Alert
              type="info"
              showIcon
              title="该账号已启用双因素认证，请输入验证器应用中的6位动态口令。"
              style={{ marginBottom: 16 }}
            />
            <Form.Item
              name="totp"
              label="动态口令"
              rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入6位数字动态口令' }]}
            >
              <Input prefix={<SafetyOutlined />} maxLength={6} autoComplete="one-time-code" autoFocus />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              验证并登录
            </Button>
            <Button type="link" block onClick={() => setStep('password')}>
              返回
            </Button>
          </Form>
        )}

        {step === 'change' && (
          <Form layout="vertical" onFinish={submitChange} requiredMark={false} size="large">
            <Alert
              type="warning"
              showIcon
              title="首次登录或密码已被重置，请先设置新密码。"
              style={{ marginBottom: 16 }}
            />
            {!creds.password && (
              <Form.Item name="oldPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
                <Input.Password autoComplete="current-password" />
              </Form.Item>
            )}
            <Form.Item
              name="newPassword"
              label="新密码"
              extra={PASSWORD_HINT}
              rules={[{ required: true, message: '请输入新密码' }, passwordRule]}
            >
              <Input.Password autoComplete="new-password" autoFocus />
            </Form.Item>
            <Form.Item name="confirm" label="确认新密码" dependencies={['newPassword']} rules={confirmPasswordRules}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              修改密码并进入系统
            </Button>
            {forced && (
              <Button type="link" block onClick={() => void logout()}>
                退出登录
              </Button>
            )}
          </Form>
        )}
        <Typography.Paragraph
          type="secondary"
          style={{ textAlign: 'center', marginTop: 24, marginBottom: 0, fontSize: 12 }}
        >
          本系统为工作系统，所有操作均记录审计日志
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
