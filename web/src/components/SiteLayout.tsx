// The frame around every screen: header with the portal's name, content, footer with the
// server's health.
import { Button, Flex, Grid, Layout } from 'antd';
import { BankOutlined, LoginOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';

import { paths } from '../paths';
import { HealthStatus } from './HealthStatus';

const { Header, Content, Footer } = Layout;

export function SiteLayout() {
  const screens = Grid.useBreakpoint();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  return (
    <Layout className="egov-shell">
      <Header>
        <Flex justify="space-between" align="center" gap={12} style={{ height: '100%', maxWidth: 1120, margin: '0 auto' }}>
          <Link to={paths.portal} className="egov-brand" aria-label="Cổng dịch vụ công — trang chủ">
            <BankOutlined aria-hidden style={{ fontSize: 22 }} />
            <span>Cổng dịch vụ công</span>
          </Link>
          {pathname !== paths.login && (
            <Button
              ghost
              icon={<LoginOutlined aria-hidden />}
              aria-label="Đăng nhập cán bộ"
              onClick={() => navigate(paths.login)}
            >
              {screens.sm ? 'Đăng nhập cán bộ' : null}
            </Button>
          )}
        </Flex>
      </Header>
      <Content className="egov-content">
        <Outlet />
      </Content>
      <Footer className="egov-footer">
        <div>Egov — Hệ thống một cửa điện tử và quản lý văn bản</div>
        <HealthStatus />
      </Footer>
    </Layout>
  );
}
