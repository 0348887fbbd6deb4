// "Phiên đăng nhập": the user's open sessions (GET /api/v1/auth/sessions), each with
// "Kết thúc" (DELETE); ending the current one signs the user out here.
import { Alert, App, Button, Card, Popconfirm, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { errorMessage } from '../../api/client';
import { endSession } from '../../api/endpoints';
import { keys, queries } from '../../api/queries';
import type { Session } from '../../api/types';
import { useStaffSession } from '../../components/staffSession';
import { formatDateTime } from '../../format';

export function SessionsCard() {
  const { message } = App.useApp();
  const { signedOut } = useStaffSession();
  const queryClient = useQueryClient();
  const sessions = useQuery(queries.sessions());
  const items = sessions.data?.items ?? [];
  const error = sessions.isError ? errorMessage(sessions.error) : null;
  const ending = useMutation({
    mutationFn: (session: Session) => endSession(session.id),
    // Ending the current session signs the user out here (no list to refresh: it would be a 401).
    onSuccess: (_, session) =>
      session.current ? undefined : queryClient.invalidateQueries({ queryKey: keys.auth.sessions }),
  });

  const end = async (session: Session) => {
    try {
      await ending.mutateAsync(session);
      if (session.current) {
        signedOut();
        return;
      }
      message.success('Đã kết thúc phiên đăng nhập.');
    } catch (caught) {
      message.error(errorMessage(caught));
    }
  };

  return (
    <Card title="Phiên đăng nhập" extra={<Button onClick={() => void sessions.refetch()}>Tải lại</Button>}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Table<Session>
        rowKey={(session) => String(session.id)}
        dataSource={items}
        loading={sessions.isFetching}
        pagination={false}
        size="small"
        scroll={{ x: 900 }}
        locale={{ emptyText: 'Không có phiên đăng nhập nào.' }}
        columns={[
          {
            title: 'Bắt đầu',
            dataIndex: 'created_at',
            render: (value: string, session) => (
              <>
                {formatDateTime(value)}
                {session.current && (
                  <Tag color="green" style={{ marginInlineStart: 8 }}>
                    Phiên hiện tại
                  </Tag>
                )}
              </>
            ),
          },
          { title: 'Hoạt động gần nhất', dataIndex: 'last_seen_at', render: (value: string) => formatDateTime(value) },
          { title: 'Địa chỉ', dataIndex: 'client_address', render: (value: string) => value || '—' },
          {
            title: 'Trình duyệt',
            dataIndex: 'user_agent',
            ellipsis: { showTitle: true },
            render: (value: string) => value || '—',
          },
          {
            title: 'Thao tác',
            key: 'actions',
            render: (_, session) => (
              <Popconfirm
                title="Kết thúc phiên đăng nhập?"
                description={session.current ? 'Đây là phiên hiện tại: bạn sẽ phải đăng nhập lại.' : undefined}
                okText="Kết thúc"
                cancelText="Hủy"
                onConfirm={() => end(session)}
              >
                <Button size="small" danger>
                  Kết thúc
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
