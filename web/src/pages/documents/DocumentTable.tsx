// A page of documents as a table (GET /documents, GET /documents/tasks): số/ký hiệu (and the
// incoming number), the subject or the search snippet, the issuer, dates, status and marks;
// a row opens the document page.
import { Empty, Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';

import type { DocumentItem, DocumentList } from '../../api/types';
import { DocumentStatusTag, OverdueTag, SecrecyTag, Snippet, UrgencyTag } from '../../components/document/DocumentTags';
import { formatIsoDate } from '../../format';
import { documentDirectionLabels } from '../../labels';
import { paths } from '../../paths';

export function DocumentTable({
  list,
  perPage,
  loading,
  onPage,
  testId,
  empty,
  snippets = false,
}: {
  list: DocumentList;
  perPage: number;
  loading: boolean;
  onPage: (page: number) => void;
  testId: string;
  empty: ReactNode;
  /** Show the search snippet (with its marks) instead of the plain subject. */
  snippets?: boolean;
}) {
  const navigate = useNavigate();
  const columns: ColumnsType<DocumentItem> = [
    {
      key: 'number',
      title: 'Số, ký hiệu',
      render: (_, item) => (
        <Flex vertical gap={2} align="start">
          <Link to={paths.document(item.id)} onClick={(e) => e.stopPropagation()} data-testid="document-link">
            {item.number_notation ?? 'Chưa cấp số'}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {documentDirectionLabels[item.direction]}
            {item.incoming_number !== null ? ` · số đến ${item.incoming_number}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'subject',
      title: 'Trích yếu',
      className: 'egov-wrap',
      render: (_, item) => (
        <Flex vertical gap={4}>
          <div>{snippets && item.snippet ? <Snippet snippet={item.snippet} /> : item.subject}</div>
          <Flex wrap gap={4}>
            <DocumentStatusTag status={item.status} />
            <UrgencyTag urgency={item.urgency} />
            <SecrecyTag secrecy={item.secrecy} />
            <OverdueTag overdue={item.overdue} />
          </Flex>
        </Flex>
      ),
    },
    { key: 'issuer', title: 'Cơ quan ban hành', className: 'egov-wrap', responsive: ['md'], render: (_, item) => item.issuer_name || '—' },
    { key: 'issued', title: 'Ngày ban hành', width: 120, responsive: ['lg'], render: (_, item) => formatIsoDate(item.issued_on) },
    { key: 'deadline', title: 'Hạn xử lý', width: 110, responsive: ['lg'], render: (_, item) => formatIsoDate(item.deadline) },
  ];
  return (
    <Table<DocumentItem>
      data-testid={testId}
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={list.items}
      scroll={{ x: 'max-content' }}
      rowClassName={(item) => (item.overdue ? 'egov-task-overdue' : '')}
      onRow={(item) => ({ onClick: () => navigate(paths.document(item.id)), style: { cursor: 'pointer' } })}
      locale={{ emptyText: <Empty description={empty} /> }}
      pagination={{
        current: list.page,
        pageSize: perPage,
        total: list.total,
        showSizeChanger: false,
        hideOnSinglePage: true,
        showTotal: (total) => `${total} văn bản`,
        onChange: onPage,
      }}
    />
  );
}
