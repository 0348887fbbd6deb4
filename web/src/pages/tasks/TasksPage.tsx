// "/can-bo/cong-viec" — the signed-in officer's tasks, in two sections: for those who process
// dossiers, the dossiers whose current step is theirs (GET /api/v1/tasks), by due time, marked
// overdue / due soon / paused, filtered by mark; then, for every officer, the documents to act
// on (GET /api/v1/documents/tasks: to register, direct, handle, approve, sign, issue, send; the
// drafts), earliest deadline first. Each row opens its page.
import { useState } from 'react';
import { Alert, Button, Card, Flex, Segmented, Space, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';

import { errorMessage } from '../../api/client';
import { queries } from '../../api/queries';
import type { TaskQuery } from '../../api/types';
import { PageLoading } from '../../components/PageLoading';
import { hasRole, useStaffSession } from '../../components/staffSession';
import { DocumentTable } from '../documents/DocumentTable';
import { usePageTitle } from '../../components/usePageTitle';
import { TaskTable } from './TaskTable';

const PER_PAGE = 20;
type Filter = 'all' | NonNullable<TaskQuery['mark']>;

export default function TasksPage() {
  usePageTitle('Công việc của tôi');
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const [documentPage, setDocumentPage] = useState(1);
  const { user } = useStaffSession();
  // Dossier steps are taken by reception, specialists and leaders; documents by every officer.
  const processes = hasRole(user, 'reception') || hasRole(user, 'specialist') || hasRole(user, 'leader');
  const tasks = useQuery({
    ...queries.tasks({ mark: filter === 'all' ? undefined : filter, page, per_page: PER_PAGE }),
    enabled: processes,
  });
  const counts = useQuery({ ...queries.taskCounts(), enabled: processes });
  const documents = useQuery(queries.documentTasks({ page: documentPage, per_page: PER_PAGE }));
  const n = (value: number | undefined) => (value === undefined ? '' : ` (${value})`);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          Công việc của tôi
        </Typography.Title>
        <Button
          icon={<ReloadOutlined aria-hidden />}
          onClick={() => {
            if (processes) void tasks.refetch();
            void documents.refetch();
          }}
        >
          Làm mới
        </Button>
      </Flex>
      {processes && (
        <Card size="small" title={`Hồ sơ thủ tục hành chính${counts.data ? ` (${counts.data.mine})` : ''}`}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Segmented<Filter>
              aria-label="Lọc theo hạn"
              value={filter}
              onChange={(value) => {
                setFilter(value);
                setPage(1);
              }}
              options={[
                { value: 'all', label: `Tất cả${n(counts.data?.mine)}` },
                { value: 'overdue', label: `Quá hạn${n(counts.data?.overdue)}` },
                { value: 'due_soon', label: `Sắp đến hạn${n(counts.data?.due_soon)}` },
              ]}
            />
            {tasks.isPending && <PageLoading tip="Đang tải công việc…" />}
            {tasks.isError && <Alert type="error" showIcon message={errorMessage(tasks.error)} />}
            {tasks.data && (
              <TaskTable
                testId="task-list"
                list={tasks.data}
                perPage={PER_PAGE}
                loading={tasks.isFetching && tasks.isPlaceholderData}
                onPage={setPage}
                empty={filter === 'all' ? 'Bạn không có hồ sơ nào cần xử lý.' : 'Không có hồ sơ nào trong mục này.'}
              />
            )}
          </Space>
        </Card>
      )}
      <Card
        size="small"
        title={`Văn bản cần xử lý${documents.data ? ` (${documents.data.total})` : ''}`}
        data-testid="document-tasks-section"
      >
        {documents.isPending && <PageLoading tip="Đang tải văn bản…" />}
        {documents.isError && <Alert type="error" showIcon message={errorMessage(documents.error)} />}
        {documents.data && (
          <DocumentTable
            testId="document-task-list"
            list={documents.data}
            perPage={PER_PAGE}
            loading={documents.isFetching && documents.isPlaceholderData}
            onPage={setDocumentPage}
            empty="Bạn không có văn bản nào cần xử lý."
          />
        )}
      </Card>
    </Space>
  );
}
