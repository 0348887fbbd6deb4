// "/can-bo/tai-khoan" — the signed-in user's own account: their record, password change,
// open sessions and API tokens.
import { Card, Descriptions, Space, Tag, Typography } from 'antd';

import { formatDateTime } from '../../format';
import { RoleTags } from '../../components/RoleTags';
import { useStaffSession } from '../../components/staffSession';
import { usePageTitle } from '../../components/usePageTitle';
import { PasswordForm } from './PasswordForm';
import { SessionsCard } from './SessionsCard';
import { TokensCard } from './TokensCard';

export default function AccountPage() {
  usePageTitle('Tài khoản của tôi');
  const { user } = useStaffSession();
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 26, margin: 0 }}>
        Tài khoản của tôi
      </Typography.Title>
      <Card title="Thông tin tài khoản">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="Họ và tên">{user.full_name}</Descriptions.Item>
          <Descriptions.Item label="Tên đăng nhập">{user.username}</Descriptions.Item>
          <Descriptions.Item label="Đơn vị">
            {user.agency_name} ({user.agency_code})
          </Descriptions.Item>
          <Descriptions.Item label="Vai trò">
            <RoleTags roles={user.roles} />
          </Descriptions.Item>
          <Descriptions.Item label="Trạng thái">
            {user.active ? <Tag color="green">Đang hoạt động</Tag> : <Tag color="red">Đã khóa</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="Ngày tạo">{formatDateTime(user.created_at)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <PasswordForm />
      <SessionsCard />
      <TokensCard />
    </Space>
  );
}
