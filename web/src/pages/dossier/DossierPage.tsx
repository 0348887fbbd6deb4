// "/can-bo/ho-so/:code" — one dossier, read only (GET /api/v1/dossiers/{code}): status,
// times, current step, applicant, components, events. Reception may print the receipt of a
// received dossier from here.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Flex, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';

import { ApiError, errorMessage, isAbort } from '../../api/client';
import { getDossier, receiptPdfUrl } from '../../api/endpoints';
import type { Dossier } from '../../api/types';
import { DossierDetails } from '../../components/dossier/DossierDetails';
import { PageLoading } from '../../components/PageLoading';
import { usePageTitle } from '../../components/usePageTitle';
import { useParams } from 'react-router';

type State = { kind: 'loading' } | { kind: 'found'; dossier: Dossier } | { kind: 'error'; message: string; notFound: boolean };

export default function DossierPage() {
  const code = (useParams<{ code: string }>().code ?? '').trim();
  usePageTitle(`Hồ sơ ${code}`);
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    getDossier(code, controller.signal)
      .then((dossier) => setState({ kind: 'found', dossier }))
      .catch((error: unknown) => {
        if (isAbort(error)) return;
        setState({ kind: 'error', message: errorMessage(error), notFound: error instanceof ApiError && error.status === 404 });
      });
    return () => controller.abort();
  }, [code]);

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
