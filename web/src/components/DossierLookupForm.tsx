// Input for a dossier code (mã hồ sơ) that opens /tra-cuu/{code}. Used on the portal and
// on the lookup page itself.
import { Button, Form, Input, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';

import { paths } from '../paths';

interface Values {
  code: string;
}

export function DossierLookupForm({ initialCode = '' }: { initialCode?: string }) {
  const navigate = useNavigate();
  return (
    <Form<Values>
      name="dossier-lookup"
      layout="vertical"
      initialValues={{ code: initialCode }}
      onFinish={({ code }) => navigate(paths.lookup(code.trim()))}
      aria-label="Tra cứu hồ sơ"
    >
      <Form.Item
        label="Mã hồ sơ"
        htmlFor="dossier-lookup_code"
        extra="Mã hồ sơ in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả."
        style={{ marginBottom: 0 }}
      >
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item
            name="code"
            noStyle
            rules={[
              { required: true, whitespace: true, message: 'Vui lòng nhập mã hồ sơ.' },
              { max: 64, message: 'Mã hồ sơ không dài quá 64 ký tự.' },
            ]}
          >
            <Input
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              placeholder="Ví dụ: 000.00.00.H48-260101-0001"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
            Tra cứu
          </Button>
        </Space.Compact>
      </Form.Item>
    </Form>
  );
}
