// "/can-bo/ho-so/:code" — one dossier, read only (GET /api/v1/dossiers/{code}): status,
// times, current step, applicant, components, events. Reception may print the receipt of a
// received dossier from here.
import { Alert, Button, Card, Flex, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';

import { useQuery } from '@tanstack/react-query';

import { errorMessage } from '../../api/client';
import { receiptPdfUrl } from '../../api/endpoints';
import { isNotFound, queries } from '../../api/queries';
import { DossierDetails } from '../../components/dossier/DossierDetails';
import { PageLoading } from '../../components/PageLoading';
import { usePageTitle } from '../../components/usePageTitle';
import { useParams } from 'react-router';

export default function DossierPage() {
  const code = (useParams<{ code: string }>().code ?? '').trim();
  usePageTitle(`Hồ sơ ${code}`);
  const query = useQuery(queries.dossier(code));
  const state = query.isPending
    ? ({ kind: 'loading' } as const)
    : query.isError
      ? ({ kind: 'error', message: errorMessage(query.error), notFound: isNotFound(query.error) } as const)
      : ({ kind: 'found', dossier: query.data } as const);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0, overflowWrap: 'anywhere' }}>
          Hồ sơ {code}
        </Typography.Title>
        {state.kind === 'found' && state.dossier.received_at && (
          <Button icon={<PrinterOutlined aria-hidden />} href={receiptPdfUrl(code)} target="_blank" rel="noopener">
            In giấy hẹn
          </Button>
        )}
      </Flex>
      {state.kind === 'loading' && <PageLoading tip="Đang tải hồ sơ…" />}
      {state.kind === 'error' && (
        <Alert
          type={state.notFound ? 'warning' : 'error'}
          showIcon
          message={state.message}
          description={state.notFound ? 'Hồ sơ không tồn tại hoặc không thuộc phạm vi đơn vị của bạn.' : undefined}
        />
      )}
      {state.kind === 'found' && (
        <Card>
          <DossierDetails dossier={state.dossier} />
        </Card>
      )}
    </Space>
  );
}
