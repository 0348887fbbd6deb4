// "/can-bo/ho-so-truc-tuyen" — online submissions awaiting reception
// (GET /api/v1/dossiers?status=submitted, oldest first as the server sends them). A row opens
// a drawer with the dossier; "Tiếp nhận" (POST …/actions {"action":"accept"}) makes it
// "processing", its times counting from now, and offers "In giấy hẹn".
import { useState } from 'react';
import { Alert, Button, Drawer, Empty, Flex, Grid, Space, Table, Typography } from 'antd';
import { CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { errorMessage } from '../../api/client';
import { acceptDossier } from '../../api/endpoints';
import { keys, queries } from '../../api/queries';
import type { DossierList, DossierSummary } from '../../api/types';
import { DossierDetails } from '../../components/dossier/DossierDetails';
import { ReceiptResult } from '../../components/dossier/ReceiptResult';
import { PageLoading } from '../../components/PageLoading';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../format';
import { paths } from '../../paths';

const PER_PAGE = 20;

type ListState = { kind: 'loading' } | { kind: 'loaded'; page: DossierList } | { kind: 'error'; message: string };

export default function OnlineQueuePage() {
  usePageTitle('Hồ sơ nộp trực tuyến');
  const screens = Grid.useBreakpoint();
  const [pageNumber, setPageNumber] = useState(1);
  const [openCode, setOpenCode] = useState<string | null>(null);

  const queue = useQuery(queries.dossiers({ status: 'submitted', page: pageNumber, per_page: PER_PAGE }));
  const list: ListState = queue.isPending
    ? { kind: 'loading' }
    : queue.isError
      ? { kind: 'error', message: errorMessage(queue.error) }
      : { kind: 'loaded', page: queue.data };

  const columns: ColumnsType<DossierSummary> = [
    {
      key: 'code',
      title: 'Mã hồ sơ',
      dataIndex: 'code',
      render: (code: string) => (
        <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setOpenCode(code)}>
          {code}
        </Button>
      ),
    },
    { key: 'procedure', title: 'Thủ tục', dataIndex: 'procedure_name', className: 'egov-wrap' },
    { key: 'applicant', title: 'Người nộp', dataIndex: 'applicant_name' },
    { key: 'submitted', title: 'Nộp lúc', dataIndex: 'submitted_at', render: (at: string) => formatDateTime(at), width: 150 },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          Hồ sơ nộp trực tuyến
        </Typography.Title>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void queue.refetch()}>
          Làm mới
        </Button>
      </Flex>
      <Typography.Text type="secondary">
        Hồ sơ công dân nộp trực tuyến, chờ Bộ phận Một cửa kiểm tra và tiếp nhận. Chọn một hồ sơ để xem và tiếp nhận.
      </Typography.Text>
      {list.kind === 'loading' && <PageLoading tip="Đang tải danh sách hồ sơ…" />}
      {list.kind === 'error' && <Alert type="error" showIcon message={list.message} />}
      {list.kind === 'loaded' && (
        <Table<DossierSummary>
          data-testid="online-queue"
          rowKey="code"
          size="middle"
          columns={columns}
          dataSource={list.page.items}
          scroll={{ x: 'max-content' }}
          onRow={(row) => ({ onClick: () => setOpenCode(row.code), style: { cursor: 'pointer' } })}
          locale={{ emptyText: <Empty description="Không có hồ sơ nào đang chờ tiếp nhận." /> }}
          pagination={{
            current: list.page.page,
            pageSize: PER_PAGE,
            total: list.page.total,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (total) => `${total} hồ sơ chờ tiếp nhận`,
            onChange: setPageNumber,
          }}
        />
      )}
      <Drawer
        open={openCode !== null}
        onClose={() => setOpenCode(null)}
        width={screens.md ? 720 : '100%'}
        title={openCode ? `Hồ sơ ${openCode}` : undefined}
        destroyOnHidden
      >
        {openCode && <QueueDossier code={openCode} />}
      </Drawer>
    </Space>
  );
}


function QueueDossier({ code }: { code: string }) {
  const queryClient = useQueryClient();
  const dossierQuery = useQuery(queries.dossier(code));
  const [actionError, setActionError] = useState<string | null>(null);
  // Accepting changes the dossier and every list it is in (the queue loses it).
  const acceptance = useMutation({
    mutationFn: () => acceptDossier(code),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.dossiers.all }),
  });
  const accepting = acceptance.isPending;
  const accepted = acceptance.data;

  const accept = async () => {
    setActionError(null);
    try {
      await acceptance.mutateAsync();
    } catch (error) {
      setActionError(errorMessage(error));
    }
  };

  const state = accepted
    ? ({ kind: 'accepted', dossier: accepted } as const)
    : dossierQuery.isPending
      ? ({ kind: 'loading' } as const)
      : dossierQuery.isError
        ? ({ kind: 'error', message: errorMessage(dossierQuery.error) } as const)
        : ({ kind: 'found', dossier: dossierQuery.data } as const);

  if (state.kind === 'loading') return <PageLoading tip="Đang tải hồ sơ…" />;
  if (state.kind === 'error') return <Alert type="error" showIcon message={state.message} />;
  if (state.kind === 'accepted') return <ReceiptResult dossier={state.dossier} />;
  const { dossier } = state;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="queue-dossier">
      {actionError && <Alert type="error" showIcon message={actionError} />}
      {dossier.status === 'submitted' ? (
        <Flex gap={12} wrap align="center">
          <Button type="primary" size="large" icon={<CheckOutlined aria-hidden />} loading={accepting} onClick={accept}>
            Tiếp nhận
          </Button>
          <Typography.Text type="secondary">Kiểm tra thông tin người nộp và thành phần hồ sơ trước khi tiếp nhận.</Typography.Text>
        </Flex>
      ) : (
        <Alert type="info" showIcon message="Hồ sơ này không còn chờ tiếp nhận." />
      )}
      <DossierDetails dossier={dossier} compact />
      <Link to={paths.dossier(dossier.code)}>Xem chi tiết hồ sơ</Link>
    </Space>
  );
}
