// "/dang-nhap" — staff sign-in: POST /api/v1/auth/login, showing the server's message on
// failure (wrong password, rate limited, …) as it is; on success (the client keeps the CSRF
// token) to `?next=` when it is a staff path, else to /can-bo.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { errorMessage } from '../../api/client';
import { login } from '../../api/endpoints';
import { forgetStaffData } from '../../api/queries';
import type { LoginRequest } from '../../api/types';
import { usePageTitle } from '../../components/usePageTitle';
import { safeNext } from '../../paths';

export default function LoginPage() {
  usePageTitle('Đăng nhập cán bộ');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  // Whatever a previous user of this tab left in the cache goes before the new one's screens.
  const signIn = useMutation({ mutationFn: login, onSuccess: () => forgetStaffData(queryClient) });
  const submitting = signIn.isPending || signIn.isSuccess;
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (values: LoginRequest) => {
    setError(null);
    try {
      await signIn.mutateAsync({ username: values.username.trim(), password: values.password });
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <div className="egov-narrow">
      <Card>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
          Đăng nhập cán bộ
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          Dành cho cán bộ, công chức của cơ quan. Người dân tra cứu hồ sơ không cần đăng nhập.
        </Typography.Paragraph>
        {error && (
          <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />
        )}
        <Form<LoginRequest> name="login" layout="vertical" onFinish={onFinish} disabled={submitting} requiredMark={false}>
          <Form.Item
            name="username"
            label="Tên đăng nhập"
            rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên đăng nhập.' }]}
          >
            <Input autoFocus prefix={<UserOutlined aria-hidden />} autoComplete="username" autoCapitalize="none" spellCheck={false} />
          </Form.Item>
          <Form.Item name="password" label="Mật khẩu" rules={[{ required: true, message: 'Vui lòng nhập mật khẩu.' }]}>
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
          </Form.Item>
          <Form.Item style={{ marginBottom: 0 }}>
            <Button type="primary" htmlType="submit" block loading={submitting}>
              Đăng nhập
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </div>
  );
}
