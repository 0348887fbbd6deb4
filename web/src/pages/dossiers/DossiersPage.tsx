// "/can-bo/ho-so" — the dossiers the user may see (GET /api/v1/dossiers): search by code,
// applicant's name, ID number or phone (without diacritics too), status, received date range,
// overdue only, pages. The filters live in the address (?q=&status=&tu=&den=&qua_han=1&trang=)
// so a reload or a shared link keeps them. A row opens the dossier page.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, DatePicker, Empty, Flex, Input, Select, Space, Table, Typography } from 'antd';
import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';

import { errorMessage } from '../../api/client';
import { queries } from '../../api/queries';
import type { DossierQuery, DossierStatus, DossierSummary } from '../../api/types';
import { DossierStatusTag } from '../../components/dossier/DossierDetails';
import { MarkTag } from '../../components/dossier/marks';
import { statusLabel } from '../../components/dossier/status';
import { PageLoading } from '../../components/PageLoading';
import { useDebounced } from '../../components/useDebounced';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../format';
import { channelLabel } from '../../labels';
import { paths } from '../../paths';

const PER_PAGE = 20;
const STATUSES: DossierStatus[] = [
  'submitted',
  'processing',
  'supplement_requested',
  'result_ready',
  'returned',
  'refused',
  'withdrawn',
  'stopped',
];

export default function DossiersPage() {
  usePageTitle('Danh sách hồ sơ');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebounced(text.trim(), 300);

  const status = (params.get('status') ?? '') as DossierStatus | '';
  const from = params.get('tu') ?? '';
  const to = params.get('den') ?? '';
  const overdue = params.get('qua_han') === '1';
  const page = Math.max(1, Number(params.get('trang') ?? '1') || 1);

  /** Changes some filters and goes back to the first page. */
  const update = (changes: Record<string, string>, keepPage = false) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!keepPage) next.delete('trang');
    setParams(next, { replace: true });
  };

  useEffect(() => {
    if ((params.get('q') ?? '') !== q) update({ q });
  }, [q]);

  const query: DossierQuery = {
    q: q || undefined,
    status: status || undefined,
    received_from: from || undefined,
    received_to: to || undefined,
    overdue: overdue ? 'true' : undefined,
    page,
    per_page: PER_PAGE,
  };
  const list = useQuery(queries.dossiers(query));

  const columns: ColumnsType<DossierSummary> = [
    {
      key: 'code',
      title: 'Mã hồ sơ',
      dataIndex: 'code',
      render: (code: string) => (
        <Link to={paths.dossier(code)} onClick={(e) => e.stopPropagation()}>
          {code}
        </Link>
      ),
    },
    { key: 'applicant', title: 'Người nộp', dataIndex: 'applicant_name' },
    { key: 'procedure', title: 'Thủ tục', dataIndex: 'procedure_name', className: 'egov-wrap', responsive: ['sm'] },
    {
      key: 'status',
      title: 'Trạng thái',
      render: (_, row) => (
        <Flex wrap gap={4}>
          <DossierStatusTag status={row.status} />
          {row.status === 'processing' && row.due_at && new Date(row.due_at).getTime() < Date.now() && <MarkTag mark="overdue" />}
        </Flex>
      ),
    },
    { key: 'channel', title: 'Hình thức', dataIndex: 'channel', responsive: ['xl'], render: (c: string) => channelLabel(c) },
    {
      key: 'received',
      title: 'Tiếp nhận',
      dataIndex: 'received_at',
      width: 140,
      responsive: ['md'],
      render: (at: string | null) => formatDateTime(at),
    },
    { key: 'due', title: 'Hẹn trả', dataIndex: 'due_at', width: 140, render: (at: string | null) => formatDateTime(at) },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          Danh sách hồ sơ
        </Typography.Title>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void list.refetch()}>
          Làm mới
        </Button>
      </Flex>
      <Card size="small">
        <Flex wrap gap={12} align="center">
          <Input
            allowClear
            prefix={<SearchOutlined aria-hidden />}
            aria-label="Tìm hồ sơ"
            placeholder="Mã hồ sơ, tên, CCCD, điện thoại"
            value={text}
            onChange={(e) => setText(e.target.value)}
            style={{ flex: '1 1 280px', minWidth: 0 }}
          />
          <Select<DossierStatus | ''>
            aria-label="Trạng thái"
            data-testid="status-filter"
            value={status}
            onChange={(value) => update({ status: value })}
            style={{ flex: '0 1 240px', minWidth: 180 }}
            options={[{ value: '', label: 'Mọi trạng thái' }, ...STATUSES.map((s) => ({ value: s, label: statusLabel(s).text }))]}
          />
          <DatePicker.RangePicker
            aria-label="Ngày tiếp nhận"
            format="DD/MM/YYYY"
            placeholder={['Tiếp nhận từ ngày', 'đến ngày']}
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            allowEmpty={[true, true]}
            onChange={(range) =>
              update({ tu: range?.[0]?.format('YYYY-MM-DD') ?? '', den: range?.[1]?.format('YYYY-MM-DD') ?? '' })
            }
          />
          <Checkbox checked={overdue} onChange={(e) => update({ qua_han: e.target.checked ? '1' : '' })}>
            Chỉ hồ sơ quá hạn
          </Checkbox>
        </Flex>
      </Card>
      {list.isPending && <PageLoading tip="Đang tải danh sách hồ sơ…" />}
      {list.isError && <Alert type="error" showIcon message={errorMessage(list.error)} />}
      {list.data && (
        <Table<DossierSummary>
          data-testid="dossier-list"
          rowKey="code"
          size="middle"
          loading={list.isFetching && list.isPlaceholderData}
          columns={columns}
          dataSource={list.data.items}
          scroll={{ x: 'max-content' }}
          onRow={(row) => ({ onClick: () => navigate(paths.dossier(row.code)), style: { cursor: 'pointer' } })}
          locale={{ emptyText: <Empty description="Không có hồ sơ nào phù hợp." /> }}
          pagination={{
            current: list.data.page,
            pageSize: PER_PAGE,
            total: list.data.total,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (total) => `${total} hồ sơ`,
            onChange: (p) => update({ trang: p > 1 ? String(p) : '' }, true),
          }}
        />
      )}
    </Space>
  );
}
