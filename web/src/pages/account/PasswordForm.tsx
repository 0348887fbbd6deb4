// Change of the user's own password (POST /api/v1/auth/password). The server applies the
// policy (docs/access.md): its messages go on the fields they name, or above the form.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';

import { errorMessage } from '../../api/client';
import { changePassword } from '../../api/endpoints';
import { showFieldErrors } from '../../components/serverErrors';

interface Values {
  current_password: string;
  new_password: string;
  confirm: string;
}

export function PasswordForm() {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const change = useMutation({ mutationFn: changePassword });
  const submitting = change.isPending;
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (values: Values) => {
    setError(null);
    try {
      await change.mutateAsync({ current_password: values.current_password, new_password: values.new_password });
      form.resetFields();
      message.success('Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc.');
    } catch (caught) {
      if (!showFieldErrors(form, caught, ['current_password', 'new_password'], { password: 'new_password' })) {
        setError(errorMessage(caught));
      }
    }
  };

  return (
    <Card title="Đổi mật khẩu">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="password-error" />}
      <Form<Values>
        form={form}
        name="change-password"
        layout="vertical"
        onFinish={onFinish}
        disabled={submitting}
        requiredMark={false}
        style={{ maxWidth: 440 }}
      >
        <Form.Item
          name="current_password"
          label="Mật khẩu hiện tại"
          rules={[{ required: true, message: 'Vui lòng nhập mật khẩu hiện tại.' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="new_password"
          label="Mật khẩu mới"
          extra="Từ 10 ký tự, không chứa tên đăng nhập, không phải mật khẩu phổ biến."
          rules={[{ required: true, message: 'Vui lòng nhập mật khẩu mới.' }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="Nhập lại mật khẩu mới"
          dependencies={['new_password']}
          rules={[
            { required: true, message: 'Vui lòng nhập lại mật khẩu mới.' },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('new_password')
                  ? Promise.resolve()
                  : Promise.reject(new Error('Mật khẩu nhập lại không khớp.')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" loading={submitting}>
            Đổi mật khẩu
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
