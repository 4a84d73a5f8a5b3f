// The shell: login until there is a session, then the layout with the menu by mechanism (DESIGN §8). What a
// role sees follows 三员分立: the three administrators see only their own 系统管理 page, record roles see the rest.
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Avatar, Breadcrumb, Button, Card, Dropdown, Result, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import {
  AuditOutlined,
  BookOutlined,
  DatabaseOutlined,
  HeartOutlined,
  HomeOutlined,
  LogoutOutlined,
  ReadOutlined,
  RiseOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  SwapOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useAuth, displayName } from './auth';
import { useUnitTree } from './units';
import { navigate, useHashPath } from './router';
import { ADMIN_ROLES, roleLabel } from './format';
import type { Role } from './api';
import { LoginPage } from './pages/Login';
import { AccountModal } from './Account';
import { HomePage } from './pages/Home';
import { IncentivePage } from './pages/incentive';
import { ReadingsPage } from './pages/Readings';
import { RulesPage } from './pages/Rules';
import { TolerancePage } from './pages/tolerance';
import { RosterPage } from './pages/data/Roster';
import { CadreProfilePage } from './pages/data/CadreProfile';
import { ImportExportPage } from './pages/data/ImportExport';
import { UsersPage } from './pages/admin/Users';
import { RolesPage } from './pages/admin/Roles';
import { AuditPage } from './pages/admin/Audit';
import { AdjustmentPage } from './pages/adjustment';
import { CarePage } from './pages/care';
import { ParamsPage } from './pages/params';

const { Sider, Header, Content } = Layout;

function menuFor(role: Role): NonNullable<MenuProps['items']> {
  if (role === 'unassigned') return [];
  if (ADMIN_ROLES.includes(role)) {
    const admin = {
      sys_admin: { key: '/admin/users', label: '用户管理', icon: <UserOutlined /> },
      security_admin: { key: '/admin/roles', label: '角色与数据范围', icon: <SafetyCertificateOutlined /> },
      audit_admin: { key: '/admin/audit', label: '审计日志', icon: <AuditOutlined /> },
    }[role as 'sys_admin' | 'security_admin' | 'audit_admin'];
    return [
      { key: 'admin', label: '系统管理', icon: <SettingOutlined />, children: [admin] },
      { key: '/readings', label: '读法说明', icon: <ReadOutlined /> },
    ];
  }
  return [
    { key: '/home', label: '首页', icon: <HomeOutlined /> },
    { key: '/incentive', label: '鼓励激励', icon: <TrophyOutlined /> },
    { key: '/tolerance', label: '容错纠错', icon: <SwapOutlined /> },
    { key: '/adjustment', label: '能上能下', icon: <RiseOutlined /> },
    { key: '/care', label: '关心关爱', icon: <HeartOutlined /> },
    { key: '/rules', label: '政策规则', icon: <BookOutlined /> },
    { key: '/readings', label: '读法说明', icon: <ReadOutlined /> },
    {
      key: 'data',
      label: '数据管理',
      icon: <DatabaseOutlined />,
      children: [
        { key: '/data/roster', label: role === 'cadre' ? '本人档案' : '组织与干部' },
        // the cadre keeps no record and exports none: nothing to offer there
        ...(role === 'cadre' ? [] : [{ key: '/data/io', label: '导入导出' }]),
        ...(role === 'org_officer' ? [{ key: '/params', label: '参数设置' }] : []),
      ],
    },
  ];
}

export function homeFor(role: Role): string {
  if (role === 'sys_admin') return '/admin/users';
  if (role === 'security_admin') return '/admin/roles';
  if (role === 'audit_admin') return '/admin/audit';
  return '/home';
}

/** A page the role may not open: said in words, with the way back (an address typed or kept from another role). */
function forbidden(role: Role): ReactNode {
  return (
    <Card>
      <Result
        status="403"
        title="无权访问"
        subTitle="当前角色无权查看此页面。如需使用，请联系安全管理员调整角色或数据范围。"
        extra={
          <Button type="primary" onClick={() => navigate(homeFor(role))}>
            返回首页
          </Button>
        }
      />
    </Card>
  );
}

function route(path: string, role: Role): ReactNode {
  const admin = ADMIN_ROLES.includes(role);
  if (role === 'unassigned')
    return (
      <Card>
        <Result status="info" title="账号尚未分配角色" subTitle="请联系安全管理员为您分配角色和数据范围后再登录。" />
      </Card>
    );
  // every signed-in role: rule notes and alerts cite its entries
  if (path === '/readings') return <ReadingsPage />;
  if (path.startsWith('/admin/')) {
    if (path === '/admin/users' && role === 'sys_admin') return <UsersPage />;
    if (path === '/admin/roles' && role === 'security_admin') return <RolesPage />;
    if (path === '/admin/audit' && role === 'audit_admin') return <AuditPage />;
    return TITLES[path] ? forbidden(role) : null;
  }
  if (admin) return TITLES[path] || path.startsWith('/data/') ? forbidden(role) : null;
  if (path === '/home') return <HomePage />;
  if (path === '/rules') return <RulesPage />;
  if (path === '/incentive')
    return role === 'cadre' || role === 'accountability_officer' ? forbidden(role) : <IncentivePage />;
  if (path === '/tolerance' || path.startsWith('/tolerance/cases/')) return <TolerancePage path={path} />;
  if (path === '/data/roster') return <RosterPage />;
  if (path === '/data/io') return role === 'cadre' ? forbidden(role) : <ImportExportPage />;
  if (path === '/adjustment') return role === 'cadre' ? forbidden(role) : <AdjustmentPage />;
  if (path === '/care') return <CarePage />;
  if (path === '/params') return role === 'org_officer' ? <ParamsPage /> : forbidden(role);
  const m = /^\/data\/cadres\/([^/]+)$/.exec(path);
  if (m?.[1]) return <CadreProfilePage id={decodeURIComponent(m[1])} />;
  return null;
}

const TITLES: Record<string, string> = {
  '/home': '首页',
  '/rules': '政策规则',
  '/readings': '读法说明',
  '/data/roster': '数据管理 / 组织与干部',
  '/data/io': '数据管理 / 导入导出',
  '/params': '数据管理 / 参数设置',
  '/admin/users': '系统管理 / 用户管理',
  '/admin/roles': '系统管理 / 角色与数据范围',
  '/admin/audit': '系统管理 / 审计日志',
  '/incentive': '鼓励激励',
  '/tolerance': '容错纠错',
  '/adjustment': '能上能下',
  '/care': '关心关爱',
};

/** Where the page sits: 首页 first, then the menu group and the page; the cadre's profile under the roster. */
function crumbs(path: string, role: Role): { title: ReactNode }[] {
  const link = (to: string, label: string) => ({
    title: (
      <a href={`#${to}`} onClick={() => navigate(to)}>
        {label}
      </a>
    ),
  });
  const roster = role === 'cadre' ? '本人档案' : '组织与干部';
  if (path.startsWith('/data/cadres/'))
    return role === 'cadre'
      ? [{ title: '数据管理' }, { title: '本人档案' }]
      : [{ title: '数据管理' }, link('/data/roster', roster), { title: '干部档案' }];
  if (path.startsWith('/tolerance/cases/'))
    return [link('/home', '首页'), link('/tolerance', '容错纠错'), { title: '案件' }];
  const parts = (TITLES[path] ?? '').split(' / ').filter(Boolean);
  if (path === '/data/roster') parts[1] = roster;
  const home = ADMIN_ROLES.includes(role) || path === '/home' ? [] : [link('/home', '首页')];
  return [...home, ...parts.map((t) => ({ title: t }))];
}

/** The user's data scope in words: the unit they are bound to (the root of their tree), or the whole record. */
function ScopeTag({ role, unitId }: { role: Role; unitId: string | null | undefined }) {
  const { tree } = useUnitTree();
  if (role === 'cadre') return <Tag>数据范围：本人</Tag>;
  const root = unitId ? (tree.find((n) => n.id === unitId) ?? tree[0]) : undefined;
  return <Tag color="blue">数据范围：{unitId ? (root?.name ?? '…') : '全部单位'}</Tag>;
}

export function App() {
  const { user, loading, logout } = useAuth();
  const path = useHashPath();
  const role = user?.role;
  const content = role ? route(path, role) : null;

  useEffect(() => {
    // an unknown address or a page outside the role: go to the role's own start page
    if (role && content === null) navigate(homeFor(role));
  }, [role, content]);

  const items = useMemo(() => (role ? menuFor(role) : []), [role]);
  const [account, setAccount] = useState(false);

  if (loading)
    return (
      <div style={{ height: '100vh', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" />
      </div>
    );
  if (!user || !role) return <LoginPage />;
  if (user.mustChangePassword) return <LoginPage forced />;

  const selected = path.startsWith('/data/cadres/')
    ? '/data/roster'
    : path.startsWith('/tolerance/')
      ? '/tolerance'
      : path;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        width={208}
        breakpoint="lg"
        collapsedWidth={64}
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <div className="sx-brand">
          三项机制干部工作系统
          <small>鼓励激励 · 容错纠错 · 能上能下</small>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selected]}
          defaultOpenKeys={['data', 'admin']}
          items={items}
          onClick={(e) => navigate(e.key)}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            padding: '0 20px',
            height: 52,
            lineHeight: '52px',
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            borderBottom: '1px solid #e5e7eb',
          }}
        >
          <Space size={12}>
            <Breadcrumb data-testid="breadcrumb" items={crumbs(path, role)} style={{ fontSize: 15 }} />
            {!ADMIN_ROLES.includes(role) && role !== 'unassigned' && (
              <ScopeTag role={role} unitId={user.unitId ?? user.unit_id} />
            )}
          </Space>
          <Space size={4}>
            <Dropdown
              menu={{
                items: [
                  { key: 'account', label: '账号安全', icon: <SafetyCertificateOutlined /> },
                  { type: 'divider' },
                  { key: 'logout', label: '退出登录', icon: <LogoutOutlined /> },
                ],
                onClick: (e) => (e.key === 'account' ? setAccount(true) : void logout()),
              }}
            >
              <Space style={{ cursor: 'pointer' }} data-testid="current-user">
                <Avatar size="small" style={{ background: '#b71c1c' }} icon={<UserOutlined />} />
                <Typography.Text strong>{displayName(user)}</Typography.Text>
                <Tag color="red">{roleLabel(role)}</Tag>
                {user.unitName && <Typography.Text type="secondary">{user.unitName}</Typography.Text>}
              </Space>
            </Dropdown>
            <Button type="text" icon={<LogoutOutlined />} onClick={() => void logout()} style={{ marginLeft: 8 }}>
              退出
            </Button>
          </Space>
        </Header>
        <Content style={{ padding: 16, minWidth: 0 }}>{content}</Content>
        <AccountModal open={account} onClose={() => setAccount(false)} />
      </Layout>
    </Layout>
  );
}
