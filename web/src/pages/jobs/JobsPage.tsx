// "/can-bo/cong-viec-nen" (an administrator of the root agency) — background jobs
// (GET /api/v1/jobs, docs/jobs.md): filters by state and kind, server-side paging, each job's
// attempts, due time, progress and last error; "Thử lại" on a failed one
// (POST /api/v1/jobs/{id}/retry). Refreshed every 5 s while shown. Another administrator
// gets the server's 403 message.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, Progress, Select, Table, Tag, Typography } from 'antd';
import { RedoOutlined, SearchOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { errorMessage } from '../../api/client';
import { retryJob } from '../../api/endpoints';
import { keys, queries } from '../../api/queries';
import { JOB_STATES, type Job, type JobState } from '../../api/types';
import { useDebounced } from '../../components/useDebounced';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../format';

const DEFAULT_PER_PAGE = 20;

const stateLabels: Record<JobState, string> = {
  queued: 'Đang chờ',
  running: 'Đang chạy',
  done: 'Đã xong',
  failed: 'Thất bại',
};
const stateColors: Record<JobState, string> = {
  queued: 'blue',
  running: 'gold',
  done: 'green',
  failed: 'red',
};

/** What a job kind does, in words; the kind itself for one this screen does not know. */
const kindLabels: Record<string, string> = {
  citizen_notice: 'Thông báo cho công dân',
};

export default function JobsPage() {
  usePageTitle('Công việc nền');
  const { message } = App.useApp();
  const [state, setState] = useState<JobState | undefined>();
  const [kindText, setKindText] = useState('');
  const kind = useDebounced(kindText.trim());
  const [page, setPage] = useState(1);
  const [perPage, setPerPage] = useState(DEFAULT_PER_PAGE);

  // A new filter starts again from the first page.
  useEffect(() => setPage(1), [state, kind]);

  const jobs = useQuery(queries.jobs({ state, kind: kind || undefined, page, per_page: perPage }));
  const result = jobs.data;
  const error = jobs.isError ? errorMessage(jobs.error) : null;
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: (job: Job) => retryJob(job.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.jobs.all }),
  });

  const onRetry = async (job: Job) => {
    try {
      await retry.mutateAsync(job);
      message.success(`Đã đưa công việc #${job.id} vào hàng đợi để chạy lại.`);
    } catch (caught) {
      message.error(errorMessage(caught));
    }
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 26, margin: '0 0 16px' }}>
        Công việc nền
      </Typography.Title>
      <Card styles={{ body: { padding: 16 } }}>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <Select<JobState>
            allowClear
            aria-label="Lọc theo trạng thái"
            placeholder="Tất cả trạng thái"
            options={JOB_STATES.map((value) => ({ value, label: stateLabels[value] }))}
            value={state}
            onChange={(value?: JobState) => setState(value)}
            style={{ width: 200, maxWidth: '100%' }}
          />
          <Input
            allowClear
            prefix={<SearchOutlined aria-hidden />}
            aria-label="Lọc theo loại công việc"
            placeholder="Loại công việc, ví dụ citizen_notice"
            value={kindText}
            onChange={(event) => setKindText(event.target.value)}
            style={{ width: 320, maxWidth: '100%' }}
          />
        </Flex>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Table<Job>
          rowKey="id"
          dataSource={result?.items ?? []}
          loading={jobs.isFetching && !jobs.data}
          size="middle"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: 'Không có công việc nào.' }}
          pagination={{
            current: page,
            pageSize: perPage,
            total: result?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => `Tổng số ${total} công việc`,
            onChange: (nextPage, nextSize) => {
              if (nextSize !== perPage) {
                setPerPage(nextSize);
                setPage(1);
              } else {
                setPage(nextPage);
              }
            },
          }}
          columns={[
            { title: 'Mã', dataIndex: 'id', render: (id: number) => `#${id}` },
            {
              title: 'Loại',
              dataIndex: 'kind',
              render: (value: string) => (
                <>
                  {kindLabels[value] ?? value}
                  <br />
                  <Typography.Text type="secondary">
                    <code>{value}</code>
                  </Typography.Text>
                </>
              ),
            },
            {
              title: 'Trạng thái',
              dataIndex: 'state',
              render: (value: JobState) => <Tag color={stateColors[value]}>{stateLabels[value]}</Tag>,
            },
            {
              title: 'Số lần thử',
              key: 'attempts',
              render: (_, job) => `${job.attempts}/${job.max_attempts}`,
            },
            {
              title: 'Chạy lúc',
              dataIndex: 'run_at',
              render: (value: string) => formatDateTime(value),
            },
            {
              title: 'Tiến độ',
              key: 'progress',
              render: (_, job) => (
                <div style={{ minWidth: 140 }}>
                  <Progress
                    percent={job.progress}
                    size="small"
                    status={job.state === 'failed' ? 'exception' : job.state === 'running' ? 'active' : undefined}
                  />
                  {job.progress_note && <Typography.Text type="secondary">{job.progress_note}</Typography.Text>}
                </div>
              ),
            },
            {
              title: 'Lỗi gần nhất',
              dataIndex: 'last_error',
              render: (value: string | null) =>
                value ? (
                  <Typography.Text type="danger" style={{ whiteSpace: 'pre-wrap', maxWidth: 360, display: 'inline-block' }}>
                    {value}
                  </Typography.Text>
                ) : (
                  '—'
                ),
            },
            { title: 'Tạo lúc', dataIndex: 'created_at', render: (value: string) => formatDateTime(value) },
            {
              title: 'Kết thúc',
              dataIndex: 'finished_at',
              render: (value: string | null) => (value ? formatDateTime(value) : '—'),
            },
            {
              title: 'Thao tác',
              key: 'actions',
              fixed: 'right',
              render: (_, job) =>
                job.state === 'failed' ? (
                  <Button
                    icon={<RedoOutlined aria-hidden />}
                    loading={retry.isPending && retry.variables?.id === job.id}
                    onClick={() => void onRetry(job)}
                    aria-label={`Thử lại công việc #${job.id}`}
                  >
                    Thử lại
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
    </>
  );
}
