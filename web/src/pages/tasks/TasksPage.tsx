// "/can-bo/cong-viec" — the signed-in officer's tasks (GET /api/v1/tasks): the dossiers whose
// current step is theirs, by due time, marked overdue / due soon / paused; filter by mark.
import { useState } from 'react';
import { Alert, Button, Flex, Segmented, Space, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';

import { errorMessage } from '../../api/client';
import { queries } from '../../api/queries';
import type { TaskQuery } from '../../api/types';
import { PageLoading } from '../../components/PageLoading';
import { usePageTitle } from '../../components/usePageTitle';
import { TaskTable } from './TaskTable';

const PER_PAGE = 20;
type Filter = 'all' | NonNullable<TaskQuery['mark']>;

export default function TasksPage() {
  usePageTitle('Công việc của tôi');
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const tasks = useQuery(queries.tasks({ mark: filter === 'all' ? undefined : filter, page, per_page: PER_PAGE }));
  const counts = useQuery(queries.taskCounts());
  const n = (value: number | undefined) => (value === undefined ? '' : ` (${value})`);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          Công việc của tôi
        </Typography.Title>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void tasks.refetch()}>
          Làm mới
        </Button>
      </Flex>
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
  );
}
