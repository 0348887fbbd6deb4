// "/can-bo/nguoi-dung" (admin) — the users of the admin's subtree (GET /api/v1/users):
// search (q, debounced), filters by agency and role, server-side paging; "Thêm người dùng";
// per row: edit, disable/enable, reset password.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Popconfirm, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { EditOutlined, KeyOutlined, LockOutlined, PlusOutlined, SearchOutlined, UnlockOutlined } from '@ant-design/icons';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { errorMessage } from '../../api/client';
import { updateUser } from '../../api/endpoints';
import { keys, queries } from '../../api/queries';
import { ROLES, type Role, type User } from '../../api/types';
import { agencyOptions, useAgencyTree } from '../../components/agencyTree';
import { RoleTags } from '../../components/RoleTags';
import { useStaffSession } from '../../components/staffSession';
import { useDebounced } from '../../components/useDebounced';
import { usePageTitle } from '../../components/usePageTitle';
import { roleLabels } from '../../labels';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';

const DEFAULT_PER_PAGE = 20;

type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'password'; user: User } | null;

export default function UsersPage() {
  usePageTitle('Người dùng');
  const { message } = App.useApp();
  const session = useStaffSession();
  const { state: treeState } = useAgencyTree();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const [agency, setAgency] = useState<string | undefined>();
  const [role, setRole] = useState<Role | undefined>();
  const [page, setPage] = useState(1);
  const [perPage, setPerPage] = useState(DEFAULT_PER_PAGE);
  const [dialog, setDialog] = useState<Dialog>(null);

  // A new search or filter starts again from the first page.
  useEffect(() => setPage(1), [q, agency, role]);

  const users = useQuery(queries.users({ q: q || undefined, agency, role, page, per_page: perPage }));
  const result = users.data;
  const error = users.isError ? errorMessage(users.error) : null;
  const queryClient = useQueryClient();
  const activation = useMutation({
    mutationFn: ({ user, active }: { user: User; active: boolean }) => updateUser(user.username, { active }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.users.all }),
  });
  const agencyTreeData = useMemo(
    () => (treeState.kind === 'loaded' ? [agencyOptions(treeState.tree)] : []),
    [treeState],
  );

  const setActive = async (user: User, active: boolean) => {
    try {
      await activation.mutateAsync({ user, active });
      message.success(active ? `Đã mở khóa tài khoản ${user.username}.` : `Đã khóa tài khoản ${user.username}.`);
    } catch (caught) {
      message.error(errorMessage(caught));
    }
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={1} style={{ fontSize: 26, margin: 0 }}>
          Người dùng
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
          Thêm người dùng
        </Button>
      </Flex>
      <Card styles={{ body: { padding: 16 } }}>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Input
            allowClear
            prefix={<SearchOutlined aria-hidden />}
            aria-label="Tìm người dùng"
            placeholder="Tìm theo tên đăng nhập hoặc họ tên"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            style={{ width: 320, maxWidth: '100%' }}
          />
          <TreeSelect
            allowClear
            aria-label="Lọc theo đơn vị"
            placeholder="Tất cả đơn vị"
            treeData={agencyTreeData}
            treeDefaultExpandAll
            showSearch
            treeNodeFilterProp="title"
            value={agency}
            onChange={(value?: string) => setAgency(value || undefined)}
            style={{ width: 320, maxWidth: '100%' }}
            popupMatchSelectWidth={false}
          />
          <Select<Role>
            allowClear
            aria-label="Lọc theo vai trò"
            placeholder="Tất cả vai trò"
            options={ROLES.map((value) => ({ value, label: roleLabels[value] }))}
            value={role}
            onChange={(value?: Role) => setRole(value)}
            style={{ width: 200, maxWidth: '100%' }}
          />
        </Flex>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Table<User>
          rowKey="username"
          dataSource={result?.items ?? []}
          loading={users.isFetching}
          size="middle"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: 'Không có người dùng phù hợp.' }}
          pagination={{
            current: page,
            pageSize: perPage,
            total: result?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => `Tổng số ${total} người dùng`,
            onChange: (nextPage, nextSize) => {
              if (nextSize !== perPage) {
                setPerPage(nextSize);
                setPage(1);
              } else {
                setPage(nextPage);
              }
            },
          }}
          columns={[
            { title: 'Tên đăng nhập', dataIndex: 'username', render: (value: string) => <code>{value}</code> },
            { title: 'Họ và tên', dataIndex: 'full_name' },
            { title: 'Đơn vị', dataIndex: 'agency_name' },
            { title: 'Vai trò', dataIndex: 'roles', render: (roles: string[]) => <RoleTags roles={roles} /> },
            {
              title: 'Trạng thái',
              dataIndex: 'active',
              render: (active: boolean) =>
                active ? <Tag color="green">Đang hoạt động</Tag> : <Tag color="red">Đã khóa</Tag>,
            },
            {
              title: 'Thao tác',
              key: 'actions',
              fixed: 'right',
              render: (_, user) => {
                const self = user.username === session.user.username;
                return (
                  <Space size={4} wrap>
                    <Button
                      size="small"
                      icon={<EditOutlined aria-hidden />}
                      aria-label={`Sửa ${user.username}`}
                      onClick={() => setDialog({ kind: 'edit', user })}
                    >
                      Sửa
                    </Button>
                    {user.active ? (
                      <Popconfirm
                        title={`Khóa tài khoản ${user.username}?`}
                        description="Các phiên đăng nhập và khóa API của người dùng sẽ kết thúc."
                        okText="Khóa"
                        cancelText="Hủy"
                        onConfirm={() => setActive(user, false)}
                        disabled={self}
                      >
                        <Button
                          size="small"
                          danger
                          icon={<LockOutlined aria-hidden />}
                          aria-label={`Khóa ${user.username}`}
                          disabled={self}
                          title={self ? 'Không thể tự khóa tài khoản của mình.' : undefined}
                        >
                          Khóa
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Button
                        size="small"
                        icon={<UnlockOutlined aria-hidden />}
                        aria-label={`Mở khóa ${user.username}`}
                        onClick={() => setActive(user, true)}
                      >
                        Mở khóa
                      </Button>
                    )}
                    <Button
                      size="small"
                      icon={<KeyOutlined aria-hidden />}
                      aria-label={`Đặt lại mật khẩu ${user.username}`}
                      onClick={() => setDialog({ kind: 'password', user })}
                    >
                      Đặt lại mật khẩu
                    </Button>
                  </Space>
                );
              },
            },
          ]}
        />
      </Card>
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <UserFormModal
          agencyTree={treeState.kind === 'loaded' ? treeState.tree : null}
          user={dialog.kind === 'edit' ? dialog.user : null}
          onClose={() => setDialog(null)}
          onSaved={(saved) => {
            setDialog(null);
            if (saved.username === session.user.username) session.setUser(saved);
          }}
        />
      )}
      {dialog?.kind === 'password' && (
        <ResetPasswordModal
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={() => setDialog(null)}
        />
      )}
    </>
  );
}
