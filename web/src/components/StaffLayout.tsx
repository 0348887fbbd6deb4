// The frame of the staff area (/can-bo/…): checks the session with GET /api/v1/auth/me
// (a 401 goes to /dang-nhap?next=<this path>), then shows a side menu for the user's roles,
// a header with the user's name, agency and "Đăng xuất", and the screen.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Alert, Badge, Button, Flex, Grid, Layout, Menu, Result, Typography, type MenuProps } from 'antd';
import {
  ApartmentOutlined,
  CarryOutOutlined,
  ClusterOutlined,
  FolderOpenOutlined,
  BankOutlined,
  CalendarOutlined,
  CloudDownloadOutlined,
  FileAddOutlined,
  FileTextOutlined,
  HomeOutlined,
  LogoutOutlined,
  ScheduleOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { ApiError, errorMessage, onUnauthenticated, setCsrfToken } from '../api/client';
import { logout } from '../api/endpoints';
import { forgetStaffData, keys, queries } from '../api/queries';
import type { CurrentUser, TaskCounts } from '../api/types';
import { paths } from '../paths';
import { NotificationBell } from './NotificationBell';
import { PageLoading } from './PageLoading';
import { StaffSessionContext, hasRole, type StaffSession } from './staffSession';

const { Header, Sider, Content } = Layout;

/** Who has work queues: the roles that act on a dossier's steps. */
function processes(user: CurrentUser): boolean {
  return hasRole(user, 'reception') || hasRole(user, 'specialist') || hasRole(user, 'leader');
}

/** Who works on official documents (drafts, handles, registers): every role but a bare administrator. */
function hasDocuments(user: CurrentUser): boolean {
  return user.roles.some((role) => role !== 'admin');
}

/** Who reads dossiers: every role but a bare administrator. */
function readsDossiers(user: CurrentUser): boolean {
  return user.roles.some((role) => role !== 'admin');
}

/** A menu label with its count (red for overdue ones); nothing when there is no count. */
function counted(to: string, text: string, count: number | undefined, overdue?: number, testId?: string) {
  return (
    <Link to={to}>
      <Flex justify="space-between" align="center" gap={6}>
        <span>{text}</span>
        <span data-testid={testId}>
          {overdue !== undefined && overdue > 0 && (
            <Badge count={overdue} color="red" overflowCount={999} title={`${overdue} hồ sơ quá hạn`} data-testid={testId && `${testId}-overdue`} />
          )}{' '}
          {count !== undefined && count > 0 && (
            <Badge count={count} color="blue" overflowCount={999} title={`${count} hồ sơ`} data-testid={testId && `${testId}-count`} />
          )}
        </span>
      </Flex>
    </Link>
  );
}

/** Menu entries, only for screens that exist: the reception desk for reception officers; admin-only ones after the common ones. */
function menuItems(user: CurrentUser, counts: TaskCounts | undefined): MenuProps['items'] {
  const items: NonNullable<MenuProps['items']> = [
    { key: paths.staffHome, icon: <HomeOutlined aria-hidden />, label: <Link to={paths.staffHome}>Trang chủ</Link> },
  ];
  if (processes(user) || hasDocuments(user)) {
    items.push({
      key: paths.tasks,
      icon: <CarryOutOutlined aria-hidden />,
      label: counted(paths.tasks, 'Công việc của tôi', counts?.mine, counts?.overdue, 'menu-tasks'),
    });
  }
  if (hasRole(user, 'leader')) {
    items.push({
      key: paths.unitTasks,
      icon: <ClusterOutlined aria-hidden />,
      label: counted(paths.unitTasks, 'Hồ sơ của đơn vị', counts?.unit, undefined, 'menu-unit'),
    });
  }
  if (hasRole(user, 'reception')) {
    items.push(
      { key: paths.intake, icon: <FileAddOutlined aria-hidden />, label: <Link to={paths.intake}>Tiếp nhận hồ sơ</Link> },
      {
        key: paths.onlineQueue,
        icon: <CloudDownloadOutlined aria-hidden />,
        label: counted(paths.onlineQueue, 'Hồ sơ nộp trực tuyến', counts?.online, undefined, 'menu-online'),
      },
    );
  }
  if (readsDossiers(user)) {
    items.push({ key: paths.dossiers, icon: <FolderOpenOutlined aria-hidden />, label: <Link to={paths.dossiers}>Danh sách hồ sơ</Link> });
  }
  if (hasDocuments(user)) {
    items.push({ key: paths.documents, icon: <FileTextOutlined aria-hidden />, label: <Link to={paths.documents}>Văn bản</Link> });
    if (hasRole(user, 'clerk')) {
      items.push({
        key: paths.incomingNew,
        icon: <FileAddOutlined aria-hidden />,
        label: <Link to={paths.incomingNew}>Vào sổ văn bản đến</Link>,
      });
    }
  }
  items.push({ key: paths.calendar, icon: <CalendarOutlined aria-hidden />, label: <Link to={paths.calendar}>Lịch làm việc</Link> });
  if (hasRole(user, 'admin')) {
    items.push(
      { key: paths.agencies, icon: <ApartmentOutlined aria-hidden />, label: <Link to={paths.agencies}>Cơ quan, đơn vị</Link> },
      { key: paths.users, icon: <TeamOutlined aria-hidden />, label: <Link to={paths.users}>Người dùng</Link> },
      { key: paths.jobs, icon: <ScheduleOutlined aria-hidden />, label: <Link to={paths.jobs}>Công việc nền</Link> },
    );
  }
  items.push({ key: paths.account, icon: <UserOutlined aria-hidden />, label: <Link to={paths.account}>Tài khoản của tôi</Link> });
  return items;
}

/** The menu key of a path: the longest menu path it starts with. */
function selectedKey(pathname: string): string {
  const keys = [
    paths.agencies,
    paths.users,
    paths.jobs,
    paths.account,
    paths.calendar,
    paths.intake,
    paths.onlineQueue,
    paths.dossiers,
    paths.incomingNew,
    paths.documents,
    paths.tasks,
    paths.unitTasks,
  ];
  return keys.find((key) => pathname === key || pathname.startsWith(`${key}/`)) ?? paths.staffHome;
}

export default function StaffLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const queryClient = useQueryClient();
  const me = useQuery(queries.me());
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
      forgetStaffData(queryClient);
      navigate(returnHere ? paths.loginThen(hereRef.current) : paths.login, { replace: returnHere });
    },
    [navigate, queryClient],
  );

  useEffect(() => onUnauthenticated(() => toLogin(true)), [toLogin]);

  // A 401 is handled by the listener above (to the sign-in page): it shows as loading meanwhile.
  const unauthenticated = me.isError && me.error instanceof ApiError && me.error.status === 401;
  const user = me.data?.user;
  // The menu's counts, for those who have queues; a server without the route shows none.
  const counts = useQuery({ ...queries.taskCounts(), enabled: user !== undefined && processes(user) });
  const session = useMemo<StaffSession | null>(
    () =>
      user
        ? {
            user,
            setUser: (changed: CurrentUser) =>
              queryClient.setQueryData(keys.auth.me, (answer) => (answer ? { ...answer, user: changed } : answer)),
            signedOut: () => toLogin(false),
          }
        : null,
    [user, queryClient, toLogin],
  );

  const signingOut = useMutation({
    mutationFn: logout,
    // The session may already be over; the user leaves either way.
    onSettled: () => toLogin(false),
  });
  const loggingOut = signingOut.isPending;
  const signOut = () => signingOut.mutate();

  if (me.isPending || unauthenticated) return <PageLoading tip="Đang kiểm tra phiên đăng nhập…" />;
  if (me.isError || !session) {
    return (
      <Result
        status="error"
        title="Không mở được khu vực cán bộ"
        subTitle={me.isError ? errorMessage(me.error) : undefined}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            Thử lại
          </Button>
        }
      />
    );
  }

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
              <NotificationBell />
              <div className="egov-staff-user" data-testid="staff-user">
                <div className="egov-staff-user-name">{session.user.full_name}</div>
                {screens.sm && <div className="egov-staff-user-agency">{session.user.agency_name}</div>}
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
              items={menuItems(session.user, counts.data)}
              style={{ height: '100%', borderInlineEnd: 0 }}
            />
          </Sider>
          <Content className="egov-staff-content">
            {!session.user.active && (
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
