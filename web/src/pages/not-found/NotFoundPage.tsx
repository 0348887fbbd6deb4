// Any client path the app does not know.
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

import { usePageTitle } from '../../components/usePageTitle';
import { paths } from '../../paths';

export default function NotFoundPage() {
  usePageTitle('Không tìm thấy trang');
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>Không tìm thấy trang</h1>}
      subTitle="Đường dẫn bạn truy cập không tồn tại hoặc đã được thay đổi."
      extra={
        <Button type="primary" onClick={() => navigate(paths.portal)}>
          Về trang chủ
        </Button>
      }
    />
  );
}
