// A user's roles as tags with their Vietnamese labels.
import { Space, Tag } from 'antd';

import { roleLabel } from '../labels';

export function RoleTags({ roles }: { roles: readonly string[] }) {
  if (roles.length === 0) return <span>—</span>;
  return (
    <Space size={[4, 4]} wrap>
      {roles.map((role) => (
        <Tag key={role} color={role === 'admin' ? 'red' : 'blue'}>
          {roleLabel(role)}
        </Tag>
      ))}
    </Space>
  );
}
