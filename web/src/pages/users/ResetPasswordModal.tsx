// "Đặt lại mật khẩu" (POST /api/v1/users/{username}/password): the admin sets a new password;
// the server applies the policy and ends the user's sessions.
import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';

import { errorMessage } from '../../api/client';
import { resetUserPassword } from '../../api/endpoints';
import type { User } from '../../api/types';
import { showFieldErrors } from '../../components/serverErrors';
import { PASSWORD_HINT } from './UserFormModal';

interface Values {
  password: string;
  confirm: string;
}

export function ResetPasswordModal({ user, onClose, onDone }: { user: User; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const reset = useMutation({ mutationFn: (password: string) => resetUserPassword(user.username, password) });
  const saving = reset.isPending;
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (values: Values) => {
    setError(null);
    try {
      await reset.mutateAsync(values.password);
      message.success(`Đã đặt lại mật khẩu cho ${user.username}.`);
      onDone();
    } catch (caught) {
      if (!showFieldErrors(form, caught, ['password'])) setError(errorMessage(caught));
    }
  };

  return (
    <Modal
      open
      title={`Đặt lại mật khẩu: ${user.username}`}
      okText="Đặt lại mật khẩu"
      cancelText="Hủy"
      onCancel={onClose}
      okButtonProps={{ htmlType: 'submit', form: 'user-password', loading: saving }}
      maskClosable={false}
    >
      <Typography.Paragraph type="secondary">
        Người dùng {user.full_name} sẽ phải đăng nhập lại bằng mật khẩu mới; các phiên đăng nhập hiện có sẽ kết thúc.
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        id="user-password"
        name="user-password"
        layout="vertical"
        onFinish={onFinish}
        disabled={saving}
        requiredMark={false}
      >
        <Form.Item
          name="password"
          label="Mật khẩu mới"
          extra={PASSWORD_HINT}
          rules={[{ required: true, message: 'Vui lòng nhập mật khẩu mới.' }]}
        >
          <Input.Password autoFocus autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="Nhập lại mật khẩu mới"
          dependencies={['password']}
          rules={[
            { required: true, message: 'Vui lòng nhập lại mật khẩu mới.' },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error('Mật khẩu nhập lại không khớp.')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
