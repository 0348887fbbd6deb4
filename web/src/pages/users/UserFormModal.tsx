// "Thêm người dùng" (POST /api/v1/users) and "Sửa người dùng" (PATCH /api/v1/users/{username}:
// full name, e-mail, roles, agency) in a modal; Enter submits, the server's messages go on the fields.
import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { errorMessage } from '../../api/client';
import { createUser, updateUser } from '../../api/endpoints';
import { keys } from '../../api/queries';
import { ROLES, type AgencyNode, type Role, type User } from '../../api/types';
import { agencyOptions } from '../../components/agencyTree';
import { showFieldErrors } from '../../components/serverErrors';
import { roleLabels } from '../../labels';

interface Values {
  username: string;
  full_name: string;
  password: string;
  agency_code: string;
  roles: Role[];
  email: string;
}

const FIELDS = ['username', 'full_name', 'password', 'agency_code', 'roles', 'email'] as const;
export const PASSWORD_HINT = 'Từ 10 ký tự, không chứa tên đăng nhập, không phải mật khẩu phổ biến.';

export function UserFormModal({
  agencyTree,
  user,
  onClose,
  onSaved,
}: {
  agencyTree: AgencyNode | null;
  /** null: a new user. */
  user: User | null;
  onClose: () => void;
  onSaved: (user: User) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const formId = user ? 'user-edit' : 'user-create';

  const initialValues: Partial<Values> = user
    ? {
        username: user.username,
        full_name: user.full_name,
        agency_code: user.agency_code,
        email: user.email ?? '',
        roles: user.roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role)),
      }
    : { agency_code: agencyTree?.code, roles: [] };

  const save = useMutation({
    mutationFn: (values: Values) =>
      user
        ? updateUser(user.username, {
            full_name: values.full_name.trim(),
            roles: values.roles,
            agency_code: values.agency_code,
            // Sent only when changed ("" removes the address).
            ...((values.email ?? '').trim() !== (user.email ?? '') ? { email: (values.email ?? '').trim() } : {}),
          })
        : createUser({
            username: values.username.trim().toLowerCase(),
            full_name: values.full_name.trim(),
            password: values.password,
            agency_code: values.agency_code,
            roles: values.roles,
            ...((values.email ?? '').trim() ? { email: (values.email ?? '').trim() } : {}),
          }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.users.all }),
  });
  const saving = save.isPending;

  const onFinish = async (values: Values) => {
    setError(null);
    try {
      const saved = await save.mutateAsync(values);
      message.success(user ? `Đã lưu người dùng ${saved.username}.` : `Đã thêm người dùng ${saved.username}.`);
      onSaved(saved);
    } catch (caught) {
      if (!showFieldErrors(form, caught, FIELDS)) setError(errorMessage(caught));
    }
  };

  return (
    <Modal
      open
      title={user ? `Sửa người dùng: ${user.username}` : 'Thêm người dùng'}
      okText={user ? 'Lưu' : 'Thêm người dùng'}
      cancelText="Hủy"
      onCancel={onClose}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: saving }}
      maskClosable={false}
      width={560}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="user-error" />}
      <Form<Values>
        form={form}
        id={formId}
        name={formId}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        disabled={saving}
        requiredMark={false}
      >
        <Form.Item
          name="username"
          label="Tên đăng nhập"
          extra={user ? undefined : 'Từ 3 đến 64 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang.'}
          rules={[
            { required: true, whitespace: true, message: 'Vui lòng nhập tên đăng nhập.' },
            {
              pattern: /^[a-zA-Z0-9._-]{3,64}$/,
              message: 'Tên đăng nhập gồm 3–64 ký tự a-z, 0-9, dấu chấm, gạch dưới hoặc gạch ngang.',
            },
          ]}
        >
          <Input disabled={!!user} autoFocus={!user} autoComplete="off" autoCapitalize="none" spellCheck={false} />
        </Form.Item>
        <Form.Item
          name="full_name"
          label="Họ và tên"
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập họ và tên.' }]}
        >
          <Input autoFocus={!!user} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="email"
          label="Thư điện tử (không bắt buộc)"
          extra="Nhắc việc và cảnh báo quá hạn được gửi cả vào địa chỉ này."
          rules={[{ type: 'email', message: 'Địa chỉ thư điện tử không hợp lệ.' }]}
        >
          <Input type="email" autoComplete="off" spellCheck={false} />
        </Form.Item>
        {!user && (
          <Form.Item
            name="password"
            label="Mật khẩu"
            extra={PASSWORD_HINT}
            rules={[{ required: true, message: 'Vui lòng nhập mật khẩu.' }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="agency_code" label="Đơn vị" rules={[{ required: true, message: 'Vui lòng chọn đơn vị.' }]}>
          <TreeSelect
            treeData={agencyTree ? [agencyOptions(agencyTree)] : []}
            treeDefaultExpandAll
            showSearch
            treeNodeFilterProp="title"
            placeholder="Chọn đơn vị"
            loading={!agencyTree}
          />
        </Form.Item>
        <Form.Item
          name="roles"
          label="Vai trò"
          rules={[{ required: true, type: 'array', min: 1, message: 'Vui lòng chọn ít nhất một vai trò.' }]}
        >
          <Select<Role[]>
            mode="multiple"
            placeholder="Chọn vai trò"
            options={ROLES.map((value) => ({ value, label: roleLabels[value] }))}
            optionFilterProp="label"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
