// "/can-bo" — the staff dashboard: a greeting with the user's name, agency and roles, and
// the ways to the screens the user may open.
import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { ApartmentOutlined, CarryOutOutlined, FileTextOutlined, FolderOpenOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Link } from 'react-router';

import { RoleTags } from '../../components/RoleTags';
import { hasRole, useStaffSession } from '../../components/staffSession';
import { usePageTitle } from '../../components/usePageTitle';
import { paths } from '../../paths';

export default function StaffHomePage() {
  usePageTitle('Trang chủ cán bộ');
  const { user } = useStaffSession();
  const admin = hasRole(user, 'admin');
  const processes = hasRole(user, 'reception') || hasRole(user, 'specialist') || hasRole(user, 'leader');
  const readsDossiers = user.roles.some((role) => role !== 'admin');
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 26, marginTop: 0 }} data-testid="greeting">
        Xin chào, {user.full_name}
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="Đơn vị">{user.agency_name}</Descriptions.Item>
          <Descriptions.Item label="Tên đăng nhập">{user.username}</Descriptions.Item>
          <Descriptions.Item label="Vai trò">
            <RoleTags roles={user.roles} />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={[16, 16]}>
        {(processes || readsDossiers) && (
          <Col xs={24} md={8}>
            <Link to={paths.tasks}>
              <Card hoverable className="egov-card">
                <Card.Meta
                  avatar={<CarryOutOutlined style={{ fontSize: 24 }} aria-hidden />}
                  title="Công việc của tôi"
                  description={
                    processes
                      ? 'Hồ sơ và văn bản đang chờ bạn xử lý, theo thời hạn; hồ sơ quá hạn và sắp đến hạn.'
                      : 'Văn bản đang chờ bạn xử lý, theo thời hạn.'
                  }
                />
              </Card>
            </Link>
          </Col>
        )}
        {readsDossiers && (
          <Col xs={24} md={8}>
            <Link to={paths.dossiers}>
              <Card hoverable className="egov-card">
                <Card.Meta
                  avatar={<FolderOpenOutlined style={{ fontSize: 24 }} aria-hidden />}
                  title="Danh sách hồ sơ"
                  description="Tìm hồ sơ theo mã, người nộp, trạng thái, ngày tiếp nhận."
                />
              </Card>
            </Link>
          </Col>
        )}
        {readsDossiers && (
          <Col xs={24} md={8}>
            <Link to={paths.documents}>
              <Card hoverable className="egov-card">
                <Card.Meta
                  avatar={<FileTextOutlined style={{ fontSize: 24 }} aria-hidden />}
                  title="Văn bản"
                  description="Văn bản đến, văn bản đi: tìm kiếm, vào sổ, dự thảo, xử lý."
                />
              </Card>
            </Link>
          </Col>
        )}
        {admin && (
          <Col xs={24} md={8}>
            <Link to={paths.agencies}>
              <Card hoverable className="egov-card">
                <Card.Meta
                  avatar={<ApartmentOutlined style={{ fontSize: 24 }} aria-hidden />}
                  title="Cơ quan, đơn vị"
                  description="Cây cơ quan, đơn vị trực thuộc; thêm và sửa đơn vị."
                />
              </Card>
            </Link>
          </Col>
        )}
        {admin && (
          <Col xs={24} md={8}>
            <Link to={paths.users}>
              <Card hoverable className="egov-card">
                <Card.Meta
                  avatar={<TeamOutlined style={{ fontSize: 24 }} aria-hidden />}
                  title="Người dùng"
                  description="Tài khoản cán bộ, vai trò, khóa và đặt lại mật khẩu."
                />
              </Card>
            </Link>
          </Col>
        )}
        <Col xs={24} md={8}>
          <Link to={paths.account}>
            <Card hoverable className="egov-card">
              <Card.Meta
                avatar={<UserOutlined style={{ fontSize: 24 }} aria-hidden />}
                title="Tài khoản của tôi"
                description="Đổi mật khẩu, phiên đăng nhập và khóa API."
              />
            </Card>
          </Link>
        </Col>
      </Row>
    </>
  );
}
