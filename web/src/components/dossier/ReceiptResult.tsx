// What reception sees once a dossier is received (at the counter or an online one accepted):
// the code, the received and due times ("HH giờ mm phút, ngày dd/mm/yyyy"), a prominent
// "In giấy hẹn" (Form 01, the PDF in a new tab: one click; it has the focus, so Enter prints)
// and, where given, the next step ("Tiếp nhận hồ sơ khác").
import { useEffect, useRef } from 'react';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link } from 'react-router';

import { receiptPdfUrl } from '../../api/endpoints';
import type { Dossier } from '../../api/types';
import { formatOfficialTime } from '../../format';
import { paths } from '../../paths';
import { statusLabel } from './status';

/** After a successful intake: the code, the times, the receipt, the next citizen. */
export function ReceiptResult({ dossier, onNext, nextLabel = 'Tiếp nhận hồ sơ khác' }: { dossier: Dossier; onNext?: () => void; nextLabel?: string }) {
  const printRef = useRef<HTMLAnchorElement | HTMLButtonElement>(null);
  useEffect(() => {
    printRef.current?.focus();
  }, []);
  const status = statusLabel(dossier.status);
  return (
    <Card data-testid="intake-result">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Alert type="success" showIcon message="Đã tiếp nhận hồ sơ" description="Trao Giấy tiếp nhận hồ sơ và hẹn trả kết quả cho người nộp." />
        <div>
          <Typography.Text type="secondary">Mã hồ sơ</Typography.Text>
          <div>
            <Typography.Text className="egov-intake-code" copyable data-testid="intake-code">
              {dossier.code}
            </Typography.Text>
          </div>
        </div>
        <Descriptions column={1} bordered size="small" styles={{ label: { width: 200 } }}>
          <Descriptions.Item label="Thủ tục">
            {dossier.procedure_name}
          </Descriptions.Item>
          <Descriptions.Item label="Người nộp">{dossier.applicant.full_name}</Descriptions.Item>
          <Descriptions.Item label="Trạng thái">
            <Tag color={status.color}>{status.text}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="Thời điểm tiếp nhận">
            <span data-testid="intake-received-at">{formatOfficialTime(dossier.received_at)}</span>
          </Descriptions.Item>
          <Descriptions.Item label="Hẹn trả kết quả">
            <Typography.Text strong data-testid="intake-due-at">
              {formatOfficialTime(dossier.due_at)}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <Row gutter={[12, 12]}>
          <Col xs={24} sm={12}>
            <Button
              ref={printRef}
              type="primary"
              size="large"
              block
              icon={<PrinterOutlined aria-hidden />}
              href={receiptPdfUrl(dossier.code)}
              target="_blank"
              rel="noopener"
              data-testid="print-receipt"
            >
              In giấy hẹn
            </Button>
          </Col>
          {onNext && (
            <Col xs={24} sm={12}>
              <Button size="large" block onClick={onNext} data-testid="intake-next">
                {nextLabel}
              </Button>
            </Col>
          )}
        </Row>
        <Link to={paths.dossier(dossier.code)}>Xem chi tiết hồ sơ {dossier.code}</Link>
      </Space>
    </Card>
  );
}
