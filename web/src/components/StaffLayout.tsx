// The frame of the staff area (/can-bo/…): checks the session with GET /api/v1/auth/me
// (a 401 goes to /dang-nhap?next=<this path>), then shows a side menu for the user's roles,
// a header with the user's name, agency and "Đăng xuất", and the screen.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Flex, Grid, Layout, Menu, Result, Typography, type MenuProps } from 'antd';
import {
  ApartmentOutlined,
  BankOutlined,
  CalendarOutlined,
  CloudDownloadOutlined,
  FileAddOutlined,
  HomeOutlined,
  LogoutOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';

import { ApiError, errorMessage, isAbort, onUnauthenticated, setCsrfToken } from '../api/client';
import { getMe, logout } from '../api/endpoints';
import type { User } from '../api/types';
import { paths } from '../paths';
import { PageLoading } from './PageLoading';
import { StaffSessionContext, hasRole, type StaffSession } from './staffSession';

const { Header, Sider, Content } = Layout;

type State = { kind: 'loading' } | { kind: 'ready'; user: User } | { kind: 'error'; message: string };

/** Menu entries, only for screens that exist: the reception desk for reception officers; admin-only ones after the common ones. */
function menuItems(user: User): MenuProps['items'] {
  const items: NonNullable<MenuProps['items']> = [
    { key: paths.staffHome, icon: <HomeOutlined aria-hidden />, label: <Link to={paths.staffHome}>Trang chủ</Link> },
  ];
  if (hasRole(user, 'reception')) {
    items.push(
      { key: paths.intake, icon: <FileAddOutlined aria-hidden />, label: <Link to={paths.intake}>Tiếp nhận hồ sơ</Link> },
      { key: paths.onlineQueue, icon: <CloudDownloadOutlined aria-hidden />, label: <Link to={paths.onlineQueue}>Hồ sơ nộp trực tuyến</Link> },
    );
  }
  items.push({ key: paths.calendar, icon: <CalendarOutlined aria-hidden />, label: <Link to={paths.calendar}>Lịch làm việc</Link> });
  if (hasRole(user, 'admin')) {
    items.push(
      { key: paths.agencies, icon: <ApartmentOutlined aria-hidden />, label: <Link to={paths.agencies}>Cơ quan, đơn vị</Link> },
      { key: paths.users, icon: <TeamOutlined aria-hidden />, label: <Link to={paths.users}>Người dùng</Link> },
    );
  }
  items.push({ key: paths.account, icon: <UserOutlined aria-hidden />, label: <Link to={paths.account}>Tài khoản của tôi</Link> });
  return items;
}

/** The menu key of a path: the longest menu path it starts with. */
function selectedKey(pathname: string): string {
  const keys = [paths.agencies, paths.users, paths.account, paths.calendar, paths.intake, paths.onlineQueue];
  return keys.find((key) => pathname === key || pathname.startsWith(`${key}/`)) ?? paths.staffHome;
}

export default function StaffLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [loggingOut, setLoggingOut] = useState(false);
  const leaving = useRef(false);
  const here = `${location.pathname}${location.search}`;
  const hereRef = useRef(here);
  hereRef.current = here;

  /** To the sign-in page, coming back here afterwards (once, however many 401s arrive). */
  const toLogin = useCallback(
    (returnHere: boolean) => {
      if (leaving.current) return;
      leaving.current = true;
      setCsrfToken(null);
      navigate(returnHere ? paths.loginThen(hereRef.current) : paths.login, { replace: returnHere });
    },
    [navigate],
  );

  useEffect(() => {
    const controller = new AbortController();
    getMe(controller.signal)
      .then((answer) => setState({ kind: 'ready', user: answer.user }))
      .catch((error: unknown) => {
        if (isAbort(error)) return;
        // A 401 is handled by the listener below.
        if (!(error instanceof ApiError && error.status === 401)) {
          setState({ kind: 'error', message: errorMessage(error) });
        }
      });
    return () => controller.abort();
  }, []);

  useEffect(() => onUnauthenticated(() => toLogin(true)), [toLogin]);

  const session = useMemo<StaffSession | null>(
    () =>
      state.kind === 'ready'
        ? {
            user: state.user,
            setUser: (user) => setState({ kind: 'ready', user }),
            signedOut: () => toLogin(false),
          }
        : null,
    [state, toLogin],
  );

  const signOut = async () => {
    setLoggingOut(true);
    try {
      await logout();
    } catch {
      // The session may already be over; the user leaves either way.
    }
    toLogin(false);
  };

  if (state.kind === 'loading') return <PageLoading tip="Đang kiểm tra phiên đăng nhập…" />;
  if (state.kind === 'error' || !session) {
    return (
      <Result
        status="error"
        title="Không mở được khu vực cán bộ"
        subTitle={state.kind === 'error' ? state.message : undefined}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            Thử lại
          </Button>
        }
      />
    );
  }

  const { user } = session;
  return (
    <StaffSessionContext.Provider value={session}>
      <Layout className="egov-shell">
        <Header>
          <Flex justify="space-between" align="center" gap={12} style={{ height: '100%' }}>
            <Link to={paths.staffHome} className="egov-brand" aria-label="Khu vực cán bộ — trang chủ">
              <BankOutlined aria-hidden style={{ fontSize: 22 }} />
              <span>{screens.md ? 'Egov — Khu vực cán bộ' : 'Egov'}</span>
            </Link>
            <Flex align="center" gap={12} style={{ minWidth: 0 }}>
              <div className="egov-staff-user" data-testid="staff-user">
                <div className="egov-staff-user-name">{user.full_name}</div>
                {screens.sm && <div className="egov-staff-user-agency">{user.agency_name}</div>}
              </div>
              <Button ghost icon={<LogoutOutlined aria-hidden />} loading={loggingOut} onClick={signOut} aria-label="Đăng xuất">
                {screens.sm ? 'Đăng xuất' : null}
              </Button>
            </Flex>
          </Flex>
        </Header>
        <Layout>
          <Sider theme="light" breakpoint="lg" collapsedWidth={0} width={232} aria-label="Chức năng">
            <Menu
              mode="inline"
              selectedKeys={[selectedKey(location.pathname)]}
              items={menuItems(user)}
              style={{ height: '100%', borderInlineEnd: 0 }}
            />
          </Sider>
          <Content className="egov-staff-content">
            {!user.active && (
              <Alert type="warning" showIcon message="Tài khoản này đang bị khóa." style={{ marginBottom: 16 }} />
            )}
            <Outlet />
          </Content>
        </Layout>
        <Typography.Text type="secondary" className="egov-footer" style={{ display: 'block' }}>
          Egov — Hệ thống một cửa điện tử và quản lý văn bản
        </Typography.Text>
      </Layout>
    </StaffSessionContext.Provider>
  );
}
