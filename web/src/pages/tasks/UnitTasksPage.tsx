// "/can-bo/cong-viec-don-vi" — a leader's view of the unit's queue (GET /api/v1/tasks/unit):
// every open dossier whose current step is at the unit, by due time, with its officer; filter
// unassigned ones and by mark; "Phân công" names another officer of the step
// (PUT /api/v1/dossiers/{code}/assignee), chosen among those who may take it.
import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Modal, Segmented, Select, Space, Typography } from 'antd';
import { ReloadOutlined, UserSwitchOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { errorMessage } from '../../api/client';
import { setAssignee } from '../../api/endpoints';
import { keys, queries } from '../../api/queries';
import type { Task, TaskQuery } from '../../api/types';
import { PageLoading } from '../../components/PageLoading';
import { usePageTitle } from '../../components/usePageTitle';
import { TaskTable } from './TaskTable';

const PER_PAGE = 20;
type MarkFilter = 'all' | NonNullable<TaskQuery['mark']>;
type AssigneeFilter = 'all' | 'none';

export default function UnitTasksPage() {
  usePageTitle('Hồ sơ của đơn vị');
  const [mark, setMark] = useState<MarkFilter>('all');
  const [assignee, setAssigneeFilter] = useState<AssigneeFilter>('all');
  const [page, setPage] = useState(1);
  const [reassigning, setReassigning] = useState<Task | null>(null);
  const tasks = useQuery(
    queries.unitTasks({
      mark: mark === 'all' ? undefined : mark,
      assignee: assignee === 'all' ? undefined : assignee,
      page,
      per_page: PER_PAGE,
    }),
  );

  const extraColumns: ColumnsType<Task> = [
    {
      key: 'assignee',
      title: 'Cán bộ xử lý',
      render: (_, task) => (
        <Flex vertical gap={4} align="start">
          <span data-testid="task-assignee">{task.current_step?.assignee || <Typography.Text type="secondary">Chưa phân công</Typography.Text>}</span>
          <Button
            size="small"
            icon={<UserSwitchOutlined aria-hidden />}
            onClick={(e) => {
              e.stopPropagation();
              setReassigning(task);
            }}
          >
            Phân công
          </Button>
        </Flex>
      ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          Hồ sơ của đơn vị
        </Typography.Title>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void tasks.refetch()}>
          Làm mới
        </Button>
      </Flex>
      <Flex wrap gap={12}>
        <Segmented<AssigneeFilter>
          aria-label="Lọc theo cán bộ"
          value={assignee}
          onChange={(value) => {
            setAssigneeFilter(value);
            setPage(1);
          }}
          options={[
            { value: 'all', label: 'Tất cả' },
            { value: 'none', label: 'Chưa phân công' },
          ]}
        />
        <Segmented<MarkFilter>
          aria-label="Lọc theo hạn"
          value={mark}
          onChange={(value) => {
            setMark(value);
            setPage(1);
          }}
          options={[
            { value: 'all', label: 'Mọi thời hạn' },
            { value: 'overdue', label: 'Quá hạn' },
            { value: 'due_soon', label: 'Sắp đến hạn' },
          ]}
        />
      </Flex>
      {tasks.isPending && <PageLoading tip="Đang tải hồ sơ của đơn vị…" />}
      {tasks.isError && <Alert type="error" showIcon message={errorMessage(tasks.error)} />}
      {tasks.data && (
        <TaskTable
          testId="unit-task-list"
          list={tasks.data}
          perPage={PER_PAGE}
          loading={tasks.isFetching && tasks.isPlaceholderData}
          onPage={setPage}
          extraColumns={extraColumns}
          empty="Đơn vị không có hồ sơ nào trong mục này."
        />
      )}
      {reassigning && <ReassignDialog task={reassigning} onClose={() => setReassigning(null)} />}
    </Space>
  );
}

function ReassignDialog({ task, onClose }: { task: Task; onClose: () => void }) {
  const [form] = Form.useForm<{ username?: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const officers = useQuery(queries.dossierOfficers(task.code, 'current'));
  const mutation = useMutation({
    mutationFn: (username: string | null) => setAssignee(task.code, username),
    onSuccess: (answer) => {
      queryClient.setQueryData(keys.dossiers.detail(task.code), answer);
      void queryClient.invalidateQueries({ queryKey: keys.tasks.all });
      void queryClient.invalidateQueries({ queryKey: keys.dossiers.all });
    },
  });

  const submit = async ({ username }: { username?: string }) => {
    setFailure(null);
    try {
      await mutation.mutateAsync(username ?? null);
      message.success(username ? `Đã phân công hồ sơ ${task.code} cho ${username}.` : `Đã bỏ phân công hồ sơ ${task.code}.`);
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <Modal
      open
      title={`Phân công hồ sơ ${task.code}`}
      okText="Phân công"
      cancelText="Hủy"
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: mutation.isPending }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        Bước hiện tại: {task.current_step ? `${task.current_step.index + 1}. ${task.current_step.name}` : '—'}
      </Typography.Paragraph>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ username: task.current_step?.assignee ?? undefined }}>
        <Form.Item name="username" label="Cán bộ xử lý" extra="Để trống: bỏ phân công, mọi cán bộ của bước đều nhận được hồ sơ.">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={officers.isPending}
            placeholder="Chọn cán bộ"
            notFoundContent={officers.isError ? errorMessage(officers.error) : 'Không có cán bộ nào.'}
            options={(officers.data ?? []).map((o) => ({ value: o.username, label: `${o.full_name} (${o.username})` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
