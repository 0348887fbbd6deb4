// One dossier as staff read it (GET /api/v1/dossiers/{code}): status, times, current step,
// applicant, components and, unless `compact`, the events, oldest first.
import { Descriptions, Table, Tag, Timeline, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';

import type { ComponentCounts, Dossier } from '../../api/types';
import { formatOfficialTime } from '../../format';
import { channelLabel, dossierActionLabel, stepRoleLabel } from '../../labels';
import { statusLabel } from './status';

const count = (value: number) => (value > 0 ? value : '—');

const componentColumns: ColumnsType<ComponentCounts> = [
  { key: 'name', title: 'Thành phần hồ sơ', dataIndex: 'name', className: 'egov-wrap' },
  { key: 'original', title: 'Bản chính', dataIndex: 'original', align: 'center', width: 72, render: count },
  { key: 'certified', title: 'Bản chứng thực', dataIndex: 'certified', align: 'center', width: 84, render: count },
  { key: 'copy', title: 'Bản sao', dataIndex: 'copy', align: 'center', width: 64, render: count },
];

export function DossierStatusTag({ status }: { status: string }) {
  const label = statusLabel(status);
  return (
    <Tag color={label.color} data-testid="dossier-status">
      {label.text}
    </Tag>
  );
}

export function DossierDetails({
  dossier,
  compact = false,
  processing = true,
}: {
  dossier: Dossier;
  compact?: boolean;
  /** False where the page shows the current step and the events itself. */
  processing?: boolean;
}) {
  const step = dossier.current_step;
  // Every breakpoint named: antd fills the missing ones with its default of 3 columns.
  const column = compact ? 1 : { xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 };
  const span = compact ? 1 : ('filled' as const);
  return (
    <div className="egov-dossier">
      <Descriptions column={column} bordered size="small" title="Hồ sơ">
        <Descriptions.Item label="Mã hồ sơ">
          <Typography.Text strong copyable>
            {dossier.code}
          </Typography.Text>
        </Descriptions.Item>
        {processing && (
          <Descriptions.Item label="Trạng thái">
            <DossierStatusTag status={dossier.status} />
          </Descriptions.Item>
        )}
        <Descriptions.Item label="Thủ tục" span={span}>
          {dossier.procedure_name} <Typography.Text type="secondary">({dossier.procedure_code})</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="Hình thức nộp">{channelLabel(dossier.channel)}</Descriptions.Item>
        <Descriptions.Item label="Nơi tiếp nhận">{dossier.receiving_agency_name ?? dossier.receiving_agency}</Descriptions.Item>
        {dossier.channel === 'online' && (
          <Descriptions.Item label="Nộp trực tuyến lúc">{formatOfficialTime(dossier.submitted_at)}</Descriptions.Item>
        )}
        <Descriptions.Item label="Tiếp nhận lúc">{formatOfficialTime(dossier.received_at)}</Descriptions.Item>
        <Descriptions.Item label="Hẹn trả kết quả">
          <Typography.Text strong>{formatOfficialTime(dossier.due_at)}</Typography.Text>
        </Descriptions.Item>
        {dossier.completed_at && (
          <Descriptions.Item label="Hoàn thành lúc">{formatOfficialTime(dossier.completed_at)}</Descriptions.Item>
        )}
        {!compact && processing && (
          <Descriptions.Item label="Bước hiện tại" span={span}>
            {step ? (
              <span data-testid="dossier-step">
                {step.index + 1}. {step.name} — {stepRoleLabel(step.role)} ({step.agency_code}); hạn bước:{' '}
                {formatOfficialTime(step.due_at)}
              </span>
            ) : (
              'Chưa tiếp nhận'
            )}
          </Descriptions.Item>
        )}
      </Descriptions>

      <Descriptions column={column} bordered size="small" title="Người nộp" style={{ marginTop: 16 }}>
        <Descriptions.Item label="Họ và tên">{dossier.applicant.full_name}</Descriptions.Item>
        <Descriptions.Item label="Số CCCD">{dossier.applicant.id_number}</Descriptions.Item>
        <Descriptions.Item label="Điện thoại">{dossier.applicant.phone}</Descriptions.Item>
        <Descriptions.Item label="Thư điện tử">{dossier.applicant.email || '—'}</Descriptions.Item>
        <Descriptions.Item label="Địa chỉ" span={span}>
          {dossier.applicant.address}
        </Descriptions.Item>
      </Descriptions>

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        Thành phần hồ sơ
      </Typography.Title>
      <Table<ComponentCounts>
        size="small"
        rowKey="name"
        pagination={false}
        columns={componentColumns}
        dataSource={dossier.components}
        scroll={{ x: 'max-content' }}
      />

      {!compact && processing && dossier.events.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            Quá trình xử lý
          </Typography.Title>
          <Timeline
            data-testid="dossier-events"
            items={dossier.events.map((event) => ({
              children: (
                <div>
                  <Typography.Text strong>{dossierActionLabel(event.action)}</Typography.Text>
                  <div>
                    <Typography.Text type="secondary">
                      {formatOfficialTime(event.at)} · {event.actor} · {event.agency_code}
                    </Typography.Text>
                  </div>
                  {event.note && <div>{event.note}</div>}
                </div>
              ),
            }))}
          />
        </>
      )}
    </div>
  );
}
