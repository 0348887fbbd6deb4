// "/" — the public portal: what the site offers and the three ways in (catalog, lookup,
// staff sign-in).
import { Button, Card, Col, Input, Row, Typography } from 'antd';
import { FileSearchOutlined, ProfileOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';

import { DossierLookupForm } from '../../components/DossierLookupForm';
import { usePageTitle } from '../../components/usePageTitle';
import { paths } from '../../paths';

const { Title, Paragraph } = Typography;

export default function PortalPage() {
  usePageTitle();
  const navigate = useNavigate();

  const openCatalog = (q: string) => {
    const query = q.trim();
    navigate(query ? `${paths.catalog}?q=${encodeURIComponent(query)}` : paths.catalog);
  };

  return (
    <>
      <section className="egov-hero">
        <Title level={1} className="egov-hero-title">
          Cổng dịch vụ công
        </Title>
        <Paragraph style={{ fontSize: 16, maxWidth: 760 }}>
          Tìm hiểu thủ tục hành chính, theo dõi tình trạng giải quyết hồ sơ đã nộp tại Bộ phận
          tiếp nhận và trả kết quả (một cửa) của Ủy ban nhân dân huyện và các xã, thị trấn.
        </Paragraph>
      </section>

      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card
            className="egov-card"
            title={
              <span>
                <ProfileOutlined aria-hidden /> Thủ tục hành chính
              </span>
            }
          >
            <Paragraph>
              Danh mục thủ tục: thành phần hồ sơ, thời hạn giải quyết, phí và lệ phí, cơ quan thực
              hiện.
            </Paragraph>
            <Input.Search
              aria-label="Tìm thủ tục hành chính"
              placeholder="Ví dụ: khai sinh, đất đai"
              enterButton="Tìm"
              allowClear
              onSearch={openCatalog}
              style={{ marginBottom: 12 }}
            />
            <Button
              block
              href={paths.catalog}
              onClick={(event) => {
                if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return; // new tab
                event.preventDefault();
                openCatalog('');
              }}
            >
              Xem toàn bộ danh mục
            </Button>
          </Card>
        </Col>

        <Col xs={24} md={8}>
          <Card
            className="egov-card"
            title={
              <span>
                <FileSearchOutlined aria-hidden /> Tra cứu hồ sơ
              </span>
            }
          >
            <Paragraph>Xem hồ sơ của bạn đang ở bước nào và ngày hẹn trả kết quả.</Paragraph>
            <DossierLookupForm />
          </Card>
        </Col>

        <Col xs={24} md={8}>
          <Card
            className="egov-card"
            title={
              <span>
                <UserOutlined aria-hidden /> Đăng nhập cán bộ
              </span>
            }
          >
            <Paragraph>
              Dành cho cán bộ, công chức tiếp nhận, giải quyết hồ sơ và xử lý văn bản.
            </Paragraph>
            <Button type="primary" block onClick={() => navigate(paths.login)}>
              Đăng nhập cán bộ
            </Button>
          </Card>
        </Col>
      </Row>
    </>
  );
}
