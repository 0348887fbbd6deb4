// The dossier's timeline as its control sheet (phiếu kiểm soát quá trình giải quyết): every
// event, oldest first — time, what happened, from which step to which (with their agencies),
// who, the note, and for a hand-off the result of the step it ended (early, on time, late)
// against that step's due time as recorded by the event before it.
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';

import type { Dossier, DossierEvent } from '../../api/types';
import { formatDateTime } from '../../format';
import { dossierActionLabel } from '../../labels';

type StepResult = 'early' | 'on_time' | 'late';

const resultLabels: Record<StepResult, { text: string; color: string }> = {
  early: { text: 'Trước hạn', color: 'green' },
  on_time: { text: 'Đúng hạn', color: 'blue' },
  late: { text: 'Quá hạn', color: 'red' },
};

/** Hand-offs end a step's visit and are judged against its due time. */
const HANDOFFS = new Set(['forward', 'send_back', 'complete', 'return_result']);

const vietnamDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Early before the due day, on time on it up to the due minute, late after it. */
function judge(at: string, due: string): StepResult | null {
  const done = new Date(at);
  const deadline = new Date(due);
  if (Number.isNaN(done.getTime()) || Number.isNaN(deadline.getTime())) return null;
  if (Math.floor(done.getTime() / 60_000) > Math.floor(deadline.getTime() / 60_000)) return 'late';
  return vietnamDate.format(done) < vietnamDate.format(deadline) ? 'early' : 'on_time';
}

interface Row {
  key: number;
  event: DossierEvent;
  result: StepResult | null;
}

function rowsOf(events: DossierEvent[]): Row[] {
  let stepDue: string | undefined;
  return events.map((event, key) => {
    const result = HANDOFFS.has(event.action) && stepDue ? judge(event.at, stepDue) : null;
    if (event.step_due_at) stepDue = event.step_due_at;
    return { key, event, result };
  });
}

export function ControlSheet({ dossier }: { dossier: Dossier }) {
  const stepText = (index: number | null | undefined) => {
    if (index === null || index === undefined) return null;
    const step = dossier.steps.find((s) => s.index === index);
    if (!step) return `Bước ${index + 1}`;
    const agency = step.agency_code === dossier.receiving_agency ? dossier.receiving_agency_name : step.agency_code;
    return (
      <span>
        {index + 1}. {step.name}
        <Typography.Text type="secondary"> — {agency}</Typography.Text>
      </span>
    );
  };

  const columns: ColumnsType<Row> = [
    { key: 'at', title: 'Thời gian', width: 140, render: (_, row) => formatDateTime(row.event.at) },
    {
      key: 'action',
      title: 'Nội dung',
      render: (_, row) => (
        <Typography.Text strong data-testid="event-action">
          {dossierActionLabel(row.event.action)}
        </Typography.Text>
      ),
    },
    {
      key: 'steps',
      title: 'Từ bước → Đến bước',
      className: 'egov-wrap',
      render: (_, { event }) => {
        const from = stepText(event.from_step);
        const to = stepText(event.to_step);
        if (!from && !to) return '—';
        if (event.from_step === event.to_step || !from) return to;
        return (
          <>
            <div>{from}</div>
            <div>→ {to ?? '—'}</div>
          </>
        );
      },
    },
    {
      key: 'actor',
      title: 'Người thực hiện',
      render: (_, { event }) => (
        <>
          <div>{event.actor || 'Công dân'}</div>
          <Typography.Text type="secondary">{event.agency_code}</Typography.Text>
          {event.to_user && <div>Giao cho: {event.to_user}</div>}
        </>
      ),
    },
    {
      key: 'note',
      title: 'Ghi chú',
      className: 'egov-wrap',
      render: (_, { event }) => (event.note ? <span style={{ whiteSpace: 'pre-line' }}>{event.note}</span> : '—'),
    },
    {
      key: 'result',
      title: 'Kết quả bước',
      width: 110,
      render: (_, { result }) =>
        result ? (
          <Tag color={resultLabels[result].color} data-testid="step-result">
            {resultLabels[result].text}
          </Tag>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <Table<Row>
      data-testid="dossier-events"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={rowsOf(dossier.events)}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: 'Chưa có sự kiện nào.' }}
    />
  );
}
