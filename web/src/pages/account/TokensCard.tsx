// "Khóa API": the user's API tokens (GET/POST/DELETE /api/v1/auth/tokens). A new token is
// shown once, in a copyable box with a warning and its expiry date; the server keeps only its
// hash. A token expires ([auth] token_lifetime_days after creation): the list shows when.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Space, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { errorMessage } from '../../api/client';
import { createToken, revokeToken } from '../../api/endpoints';
import { keys, queries } from '../../api/queries';
import type { ApiToken, CreatedToken } from '../../api/types';
import { showFieldErrors } from '../../components/serverErrors';
import { formatDateTime } from '../../format';

export function TokensCard() {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const queryClient = useQueryClient();
  const tokens = useQuery(queries.tokens());
  const items = tokens.data?.items ?? [];
  const error = tokens.isError ? errorMessage(tokens.error) : null;
  const invalidate = () => queryClient.invalidateQueries({ queryKey: keys.auth.tokens });
  const creation = useMutation({ mutationFn: (name: string) => createToken(name), onSuccess: invalidate });
  const revocation = useMutation({ mutationFn: (token: ApiToken) => revokeToken(token.id), onSuccess: invalidate });
  const creating = creation.isPending;

  const create = async ({ name }: { name: string }) => {
    try {
      const token = await creation.mutateAsync(name.trim());
      setCreated(token);
      form.resetFields();
    } catch (caught) {
      if (!showFieldErrors(form, caught, ['name'])) message.error(errorMessage(caught));
    }
  };

  const revoke = async (token: ApiToken) => {
    try {
      await revocation.mutateAsync(token);
      message.success(`Đã thu hồi khóa “${token.name}”.`);
      if (created && String(created.id) === String(token.id)) setCreated(null);
    } catch (caught) {
      message.error(errorMessage(caught));
    }
  };

  return (
    <Card title="Khóa API">
      <Typography.Paragraph type="secondary">
        Khóa API cho phép chương trình khác gọi API thay mặt bạn (tiêu đề <code>Authorization: Bearer …</code>).
        Thu hồi khóa khi không còn dùng.
      </Typography.Paragraph>
      <Form<{ name: string }> form={form} name="create-token" layout="inline" onFinish={create} disabled={creating} requiredMark={false}>
        <Form.Item
          name="name"
          label="Tên khóa"
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên khóa.' }]}
        >
          <Input placeholder="Ví dụ: Đồng bộ báo cáo" style={{ width: 260, maxWidth: '100%' }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={creating}>
            Tạo khóa
          </Button>
        </Form.Item>
      </Form>

      {created && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          data-testid="created-token"
          message={`Khóa “${created.name}” đã được tạo`}
          description={
            <Space direction="vertical" style={{ width: '100%' }}>
              <span>
                Hãy sao chép và cất giữ khóa này ngay: khóa chỉ hiển thị <strong>một lần</strong>, sau khi đóng
                thông báo này sẽ không xem lại được.
              </span>
              <span data-testid="created-token-expires">
                Khóa có hiệu lực đến <strong>{formatDateTime(created.expires_at)}</strong>; sau thời điểm này
                khóa hết hạn, cần tạo khóa mới.
              </span>
              <Typography.Paragraph
                className="egov-token-box"
                style={{ marginBottom: 0 }}
                copyable={{ text: created.token, tooltips: ['Sao chép', 'Đã sao chép'] }}
              >
                {created.token}
              </Typography.Paragraph>
              <Button size="small" onClick={() => setCreated(null)}>
                Tôi đã lưu khóa, đóng thông báo
              </Button>
            </Space>
          }
        />
      )}

      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} />}
      <Table<ApiToken>
        style={{ marginTop: 16 }}
        rowKey={(token) => String(token.id)}
        dataSource={items}
        loading={tokens.isFetching}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: 'Chưa có khóa API nào.' }}
        columns={[
          { title: 'Tên khóa', dataIndex: 'name' },
          { title: 'Tiền tố', dataIndex: 'prefix', render: (value: string) => <code>{value}…</code> },
          { title: 'Ngày tạo', dataIndex: 'created_at', render: (value: string) => formatDateTime(value) },
          {
            title: 'Dùng lần cuối',
            dataIndex: 'last_used_at',
            render: (value: string | null) => (value ? formatDateTime(value) : 'Chưa dùng'),
          },
          { title: 'Hết hạn', dataIndex: 'expires_at', render: (value: string) => formatDateTime(value) },
          {
            title: 'Thao tác',
            key: 'actions',
            render: (_, token) => (
              <Popconfirm
                title={`Thu hồi khóa “${token.name}”?`}
                description="Khóa sẽ ngừng hoạt động ngay lập tức."
                okText="Thu hồi"
                cancelText="Hủy"
                onConfirm={() => revoke(token)}
              >
                <Button size="small" danger>
                  Thu hồi
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
