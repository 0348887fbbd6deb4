// Shows its children only to a user with one of `roles`; others get a 403 page. The server
// refuses the calls anyway: this only spares them a screen full of errors.
import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

import type { Role } from '../api/types';
import { paths } from '../paths';
import { hasRole, useStaffSession } from './staffSession';

export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { user } = useStaffSession();
  const navigate = useNavigate();
  if (roles.some((role) => hasRole(user, role))) return <>{children}</>;
  return (
    <Result
      status="403"
      title="Không có quyền truy cập"
      subTitle="Tài khoản của bạn không có quyền xem trang này."
      extra={
        <Button type="primary" onClick={() => navigate(paths.staffHome)}>
          Về trang chủ cán bộ
        </Button>
      }
    />
  );
}
