// "/tra-cuu/:code" — public lookup of one dossier (GET /api/v1/public/dossiers/{code}).
import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { StarOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';

import { useQuery } from '@tanstack/react-query';

import { errorMessage } from '../../api/client';
import { isNotFound, queries } from '../../api/queries';
import type { PublicDossier } from '../../api/types';
import { DossierLookupForm } from '../../components/DossierLookupForm';
import { PageLoading } from '../../components/PageLoading';
import { usePageTitle } from '../../components/usePageTitle';
import { formatOfficialTime } from '../../format';
import { statusLabel } from '../../components/dossier/status';
import { paths } from '../../paths';

export default function LookupPage() {
  usePageTitle('Tra cứu hồ sơ');
  const code = (useParams<{ code: string }>().code ?? '').trim();
  // The receipt's QR carries the dossier's token: with it, a returned dossier may be rated.
  const token = (useSearchParams()[0].get('ma') ?? '').trim();
  const query = useQuery(queries.publicDossier(code));
  const state = query.isPending
    ? ({ kind: 'loading' } as const)
    : query.isError
      ? ({ kind: 'error', message: errorMessage(query.error), notFound: isNotFound(query.error) } as const)
      : ({ kind: 'found', dossier: query.data } as const);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 26, marginTop: 0, marginBottom: 4 }}>
          Tra cứu hồ sơ
        </Typography.Title>
        <Typography.Text type="secondary">
          Mã hồ sơ: <Typography.Text strong copyable data-testid="lookup-code">{code}</Typography.Text>
        </Typography.Text>
      </div>

      {state.kind === 'loading' && <PageLoading tip="Đang tra cứu hồ sơ…" />}

      {state.kind === 'error' && (
        <Alert
          type={state.notFound ? 'warning' : 'error'}
          showIcon
          data-testid="lookup-error"
          message={state.message}
          description={
            state.notFound
              ? 'Vui lòng kiểm tra lại mã hồ sơ trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.'
              : undefined
          }
        />
      )}

      {state.kind === 'found' && <DossierCard dossier={state.dossier} />}

      {state.kind === 'found' && token && state.dossier.status === 'returned' && (
        <Card size="small" data-testid="lookup-rate">
          <Space direction="vertical" size={8} style={{ width: '100%' }}>
            <Typography.Text>Hồ sơ đã trả kết quả. Mời bạn đánh giá mức độ hài lòng về việc giải quyết hồ sơ.</Typography.Text>
            <Link to={paths.rating(code, token)}>
              <Button type="primary" size="large" block icon={<StarOutlined aria-hidden />}>
                Đánh giá mức độ hài lòng
              </Button>
            </Link>
          </Space>
        </Card>
      )}

      <Card title="Tra cứu hồ sơ khác" size="small">
        <DossierLookupForm />
      </Card>
    </Space>
  );
}

function DossierCard({ dossier }: { dossier: PublicDossier }) {
  const known = statusLabel(dossier.status);
  // The server's wording when it sends one; the colour from the status itself.
  const status = { ...known, text: dossier.status_label || known.text };
  return (
    <Card data-testid="lookup-result">
      <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} bordered size="middle">
        <Descriptions.Item label="Mã hồ sơ">{dossier.code}</Descriptions.Item>
        <Descriptions.Item label="Trạng thái">
          <Tag color={status.color} data-testid="lookup-status">
            {status.text}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label="Thủ tục" span="filled">
          {dossier.procedure_name}
        </Descriptions.Item>
        <Descriptions.Item label="Người nộp">
          <span data-testid="lookup-applicant">{dossier.applicant_name}</span>
        </Descriptions.Item>
        <Descriptions.Item label="Thời điểm tiếp nhận">
          {dossier.received_at ? formatOfficialTime(dossier.received_at) : 'Chưa tiếp nhận (đang chờ Bộ phận Một cửa kiểm tra)'}
        </Descriptions.Item>
        <Descriptions.Item label="Hẹn trả kết quả">
          {dossier.due_at ? <strong>{formatOfficialTime(dossier.due_at)}</strong> : '—'}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
