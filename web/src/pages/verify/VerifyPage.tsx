// "/xac-thuc/:token" — public check of a sealed document (GET /api/v1/public/verify/{token}):
// the QR printed on an issued document or result leads here. Shows whether the agency's
// seal holds over what was recorded, what the paper should say, and lets the citizen compare
// a file in hand (its SHA-256, computed in the browser; the file never leaves the device).
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Space, Tag, Typography, Upload } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, FileSearchOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';

import { errorMessage } from '../../api/client';
import { verifySeal } from '../../api/endpoints';
import { isNotFound, queries } from '../../api/queries';
import type { SealVerification } from '../../api/types';
import { PageLoading } from '../../components/PageLoading';
import { usePageTitle } from '../../components/usePageTitle';
import { formatIsoDate, formatOfficialTime } from '../../format';

const kindLabel: Record<SealVerification['kind'], string> = {
  document: 'Văn bản đi',
  dossier_result: 'Kết quả giải quyết hồ sơ',
};

async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export default function VerifyPage() {
  usePageTitle('Xác thực văn bản');
  const token = (useParams<{ token: string }>().token ?? '').trim();
  const query = useQuery(queries.seal(token));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 26, marginTop: 0, marginBottom: 0 }}>
        Xác thực văn bản
      </Typography.Title>

      {query.isPending && <PageLoading tip="Đang kiểm tra chữ ký số của cơ quan…" />}

      {query.isError && (
        <Alert
          type={isNotFound(query.error) ? 'warning' : 'error'}
          showIcon
          data-testid="verify-error"
          message={
            isNotFound(query.error)
              ? 'Không tìm thấy văn bản với mã xác thực này.'
              : errorMessage(query.error)
          }
          description={
            isNotFound(query.error)
              ? 'Mã QR trên văn bản không khớp với văn bản nào do hệ thống ban hành. Văn bản có thể không chính thức; vui lòng liên hệ cơ quan ban hành.'
              : undefined
          }
        />
      )}

      {query.isSuccess && <SealCard seal={query.data} token={token} />}
    </Space>
  );
}

function SealCard({ seal, token }: { seal: SealVerification; token: string }) {
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {seal.valid ? (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleFilled />}
          data-testid="verify-valid"
          message="Văn bản hợp lệ"
          description={`Chữ ký số của ${seal.issuer.name} trên văn bản này còn nguyên vẹn. Hãy đối chiếu các thông tin dưới đây với văn bản bạn đang có.`}
        />
      ) : (
        <Alert
          type="error"
          showIcon
          icon={<CloseCircleFilled />}
          data-testid="verify-invalid"
          message="Văn bản KHÔNG hợp lệ"
          description="Thông tin của văn bản đã bị thay đổi sau khi đóng dấu: chữ ký số không còn khớp. Không sử dụng văn bản này; vui lòng liên hệ cơ quan ban hành."
        />
      )}
      <Card data-testid="verify-result">
        <Descriptions column={1} bordered size="middle">
          <Descriptions.Item label="Loại">{kindLabel[seal.kind] ?? seal.kind}</Descriptions.Item>
          {seal.number_notation && (
            <Descriptions.Item label="Số, ký hiệu">
              <strong data-testid="verify-number">{seal.number_notation}</strong>
            </Descriptions.Item>
          )}
          <Descriptions.Item label="Trích yếu">{seal.subject}</Descriptions.Item>
          <Descriptions.Item label="Cơ quan ban hành">
            <span data-testid="verify-issuer">{seal.issuer.name}</span>
          </Descriptions.Item>
          <Descriptions.Item label="Ngày ban hành">{formatIsoDate(seal.issued_on)}</Descriptions.Item>
          <Descriptions.Item label="Thời điểm đóng dấu">{formatOfficialTime(seal.signed_at)}</Descriptions.Item>
          <Descriptions.Item label="Mã băm SHA-256 của tệp">
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
              {seal.sha256}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="Khóa của cơ quan">
            <Tag>{seal.algorithm.toUpperCase()}</Tag>
            <Typography.Text code style={{ wordBreak: 'break-all' }}>
              {seal.key_id}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <FileCheck token={token} />
    </Space>
  );
}

type FileState =
  | { kind: 'idle' }
  | { kind: 'checking'; name: string }
  | { kind: 'done'; name: string; matches: boolean }
  | { kind: 'error'; message: string };

function FileCheck({ token }: { token: string }) {
  const [state, setState] = useState<FileState>({ kind: 'idle' });
  const canHash = typeof crypto !== 'undefined' && crypto.subtle !== undefined;

  async function check(file: File) {
    setState({ kind: 'checking', name: file.name });
    try {
      const answer = await verifySeal(token, await sha256Hex(file));
      setState({ kind: 'done', name: file.name, matches: answer.file_matches === true });
    } catch (error) {
      setState({ kind: 'error', message: errorMessage(error) });
    }
  }

  return (
    <Card size="small" title="Đối chiếu tệp văn bản điện tử">
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          Chọn tệp bạn nhận được để kiểm tra có đúng là tệp đã được đóng dấu. Tệp được kiểm tra ngay trên
          máy của bạn, không gửi lên hệ thống.
        </Typography.Text>
        {canHash ? (
          <Upload
            accept=".pdf,application/pdf"
            showUploadList={false}
            beforeUpload={(file) => {
              void check(file);
              return false;
            }}
          >
            <Button icon={<FileSearchOutlined aria-hidden />} loading={state.kind === 'checking'} data-testid="verify-file">
              Chọn tệp để đối chiếu
            </Button>
          </Upload>
        ) : (
          <Alert type="info" showIcon message="Trình duyệt này không hỗ trợ đối chiếu tệp qua kết nối không bảo mật." />
        )}
        {state.kind === 'done' &&
          (state.matches ? (
            <Alert type="success" showIcon data-testid="verify-file-result" message={`Tệp “${state.name}” trùng khớp với văn bản đã đóng dấu.`} />
          ) : (
            <Alert
              type="error"
              showIcon
              data-testid="verify-file-result"
              message={`Tệp “${state.name}” KHÔNG trùng khớp với văn bản đã đóng dấu.`}
            />
          ))}
        {state.kind === 'error' && <Alert type="error" showIcon message={state.message} />}
      </Space>
    </Card>
  );
}
