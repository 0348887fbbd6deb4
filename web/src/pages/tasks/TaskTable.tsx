// A work queue as a table (GET /tasks, GET /tasks/unit): by due time as the server orders
// them, each row with its mark (overdue red, due soon orange, paused), the current step with
// its due time and officer; the code opens the dossier page.
import { Empty, Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';

import type { Task, TaskList } from '../../api/types';
import { DossierStatusTag } from '../../components/dossier/DossierDetails';
import { MarkTag } from '../../components/dossier/marks';
import { formatDateTime } from '../../format';
import { paths } from '../../paths';

export function TaskTable({
  list,
  perPage,
  loading,
  onPage,
  extraColumns = [],
  testId,
  empty,
}: {
  list: TaskList;
  perPage: number;
  loading: boolean;
  onPage: (page: number) => void;
  extraColumns?: ColumnsType<Task>;
  testId: string;
  empty: ReactNode;
}) {
  const navigate = useNavigate();
  const columns: ColumnsType<Task> = [
    {
      key: 'code',
      title: 'Mã hồ sơ',
      render: (_, task) => (
        <Flex vertical gap={4} align="start">
          <Link to={paths.dossier(task.code)} onClick={(e) => e.stopPropagation()}>
            {task.code}
          </Link>
          <Flex wrap gap={4}>
            <DossierStatusTag status={task.status} />
            <MarkTag mark={task.mark} />
          </Flex>
        </Flex>
      ),
    },
    {
      key: 'procedure',
      title: 'Thủ tục, người nộp',
      className: 'egov-wrap',
      render: (_, task) => (
        <>
          <div>{task.procedure_name}</div>
          <Typography.Text type="secondary">{task.applicant_name}</Typography.Text>
        </>
      ),
    },
    {
      key: 'step',
      title: 'Bước hiện tại',
      className: 'egov-wrap',
      responsive: ['md'],
      render: (_, task) =>
        task.current_step ? (
          <>
            <div>
              {task.current_step.index + 1}. {task.current_step.name}
            </div>
            <Typography.Text type="secondary">Hạn bước: {formatDateTime(task.current_step.due_at)}</Typography.Text>
          </>
        ) : (
          '—'
        ),
    },
    { key: 'due', title: 'Hẹn trả', width: 130, responsive: ['lg'], render: (_, task) => formatDateTime(task.due_at) },
    ...extraColumns,
  ];
  return (
    <Table<Task>
      data-testid={testId}
      rowKey="code"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={list.items}
      scroll={{ x: 'max-content' }}
      rowClassName={(task) => (task.mark ? `egov-task-${task.mark}` : '')}
      onRow={(task) => ({ onClick: () => navigate(paths.dossier(task.code)), style: { cursor: 'pointer' } })}
      locale={{ emptyText: <Empty description={empty} /> }}
      pagination={{
        current: list.page,
        pageSize: perPage,
        total: list.total,
        showSizeChanger: false,
        hideOnSinglePage: true,
        showTotal: (total) => `${total} hồ sơ`,
        onChange: onPage,
      }}
    />
  );
}
