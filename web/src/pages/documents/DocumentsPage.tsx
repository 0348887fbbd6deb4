// "/can-bo/van-ban" — the documents the user may see (GET /api/v1/documents): a search box
// (number, notation, subject, issuer, content; without diacritics too: the server folds), the
// direction and status filters, pages; with a query each row shows the server's snippet with
// its matches marked. The filters live in the address (?q=&huong=&trang_thai=&trang=). The
// clerk's registration and a new draft are one click away.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Flex, Input, Segmented, Select, Space, Typography } from 'antd';
import { EditOutlined, FileAddOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';

import { errorMessage } from '../../api/client';
import { queries } from '../../api/queries';
import type { DocumentDirection, DocumentQuery, DocumentStatus } from '../../api/types';
import { PageLoading } from '../../components/PageLoading';
import { hasRole, useStaffSession } from '../../components/staffSession';
import { useDebounced } from '../../components/useDebounced';
import { usePageTitle } from '../../components/usePageTitle';
import { documentStatusLabels } from '../../labels';
import { paths } from '../../paths';
import { DocumentTable } from './DocumentTable';

const PER_PAGE = 20;
const INCOMING: DocumentStatus[] = ['arrived', 'registered', 'directed', 'in_progress', 'done'];
const OUTGOING: DocumentStatus[] = ['draft', 'submitted', 'approved', 'signed', 'issued', 'sent'];

export default function DocumentsPage() {
  usePageTitle('Văn bản');
  const { user } = useStaffSession();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebounced(text.trim(), 300);
  const direction = (params.get('huong') ?? '') as DocumentDirection | '';
  const status = (params.get('trang_thai') ?? '') as DocumentStatus | '';
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

  const query: DocumentQuery = {
    q: q || undefined,
    direction: direction || undefined,
    status: status || undefined,
    page,
    per_page: PER_PAGE,
  };
  const list = useQuery(queries.documents(query));
  const statuses = direction === 'incoming' ? INCOMING : direction === 'outgoing' ? OUTGOING : [...INCOMING, ...OUTGOING];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          Văn bản
        </Typography.Title>
        <Flex wrap gap={8}>
          {hasRole(user, 'clerk') && (
            <Link to={paths.incomingNew}>
              <Button type="primary" icon={<FileAddOutlined aria-hidden />}>
                Vào sổ văn bản đến
              </Button>
            </Link>
          )}
          <Link to={paths.outgoingNew}>
            <Button icon={<EditOutlined aria-hidden />}>Dự thảo văn bản đi</Button>
          </Link>
          <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void list.refetch()}>
            Làm mới
          </Button>
        </Flex>
      </Flex>
      <Card size="small">
        <Flex wrap gap={12} align="center">
          <Input
            allowClear
            autoFocus
            prefix={<SearchOutlined aria-hidden />}
            aria-label="Tìm văn bản"
            placeholder="Số, ký hiệu, trích yếu, cơ quan ban hành, nội dung (gõ không dấu cũng được)"
            value={text}
            onChange={(e) => setText(e.target.value)}
            style={{ flex: '1 1 320px', minWidth: 0 }}
          />
          <Segmented<DocumentDirection | ''>
            aria-label="Loại văn bản"
            data-testid="direction-filter"
            value={direction}
            onChange={(value) => update({ huong: value, trang_thai: '' })}
            options={[
              { value: '', label: 'Tất cả' },
              { value: 'incoming', label: 'Văn bản đến' },
              { value: 'outgoing', label: 'Văn bản đi' },
            ]}
          />
          <Select<DocumentStatus | ''>
            aria-label="Trạng thái"
            value={status}
            onChange={(value) => update({ trang_thai: value })}
            style={{ flex: '0 1 220px', minWidth: 180 }}
            options={[{ value: '', label: 'Mọi trạng thái' }, ...statuses.map((s) => ({ value: s, label: documentStatusLabels[s].text }))]}
          />
        </Flex>
      </Card>
      {list.isPending && <PageLoading tip="Đang tải danh sách văn bản…" />}
      {list.isError && <Alert type="error" showIcon message={errorMessage(list.error)} />}
      {list.data && (
        <DocumentTable
          testId="document-list"
          list={list.data}
          perPage={PER_PAGE}
          loading={list.isFetching && list.isPlaceholderData}
          onPage={(p) => update({ trang: p > 1 ? String(p) : '' }, true)}
          empty={q ? 'Không tìm thấy văn bản nào phù hợp.' : 'Chưa có văn bản nào.'}
          snippets={q !== ''}
        />
      )}
    </Space>
  );
}
