// The admin's editor of one year's official schedule: the source (the decision) and one row
// per day (date, name, kind), each row showing the server's messages for it
// ("days[3].name" …). The rows are submitted in the order shown, so an index in the server's
// answer names a row.
import { useEffect, useRef } from 'react';
import { Button, Flex, Form, Input, Select, Table, Typography, type InputRef } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';

import { HOLIDAY_KINDS, type HolidayKind } from '../../api/types';
import { holidayKindLabels } from '../../labels';

export interface DraftDay {
  key: number;
  date: string;
  name: string;
  kind: HolidayKind;
}

/** Server messages: per row key and field, and for the source. */
export interface DraftErrors {
  rows: Map<number, Partial<Record<'date' | 'name' | 'kind' | 'row', string>>>;
  source?: string;
}

interface Props {
  year: number;
  source: string;
  days: DraftDay[];
  errors: DraftErrors;
  /** The row whose name field should take the focus (a day just picked in the grid). */
  focusKey: number | null;
  onSource: (source: string) => void;
  onChange: (key: number, patch: Partial<Omit<DraftDay, 'key'>>) => void;
  onRemove: (key: number) => void;
  onAdd: () => void;
}

const kindOptions = HOLIDAY_KINDS.map((kind) => ({ value: kind, label: holidayKindLabels[kind] }));

export function ScheduleEditor({ year, source, days, errors, focusKey, onSource, onChange, onRemove, onAdd }: Props) {
  const focusRef = useRef<InputRef | null>(null);
  useEffect(() => {
    if (focusKey !== null) focusRef.current?.focus();
  }, [focusKey]);

  return (
    <div data-testid="schedule-editor">
      <Form layout="vertical" component="div">
        <Form.Item
          label="Nguồn (văn bản quyết định)"
          validateStatus={errors.source ? 'error' : undefined}
          help={errors.source}
          htmlFor="calendar-source"
        >
          <Input.TextArea
            id="calendar-source"
            value={source}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            onChange={(event) => onSource(event.target.value)}
          />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        Bấm vào một ngày trên lịch để thêm hoặc tìm ngày đó trong danh sách. Ngày nghỉ bù và nghỉ hoán đổi
        phải là ngày từ thứ Hai đến thứ Sáu; ngày làm bù phải là thứ Bảy hoặc Chủ nhật.
      </Typography.Paragraph>
      <Table<DraftDay>
        rowKey="key"
        dataSource={days}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: `Năm ${year} chưa có ngày nào trong lịch nghỉ.` }}
        rowClassName={(row) => (errors.rows.has(row.key) ? 'egov-cal-row-error' : '')}
        columns={[
          {
            title: 'Ngày',
            key: 'date',
            width: 170,
            render: (_, row) => {
              const error = errors.rows.get(row.key);
              return (
                <Form.Item
                  style={{ margin: 0 }}
                  validateStatus={error?.date || error?.row ? 'error' : undefined}
                  help={error?.date ?? error?.row}
                >
                  <Input
                    type="date"
                    aria-label={`Ngày (dòng ${days.indexOf(row) + 1})`}
                    value={row.date}
                    min={`${year}-01-01`}
                    max={`${year}-12-31`}
                    onChange={(event) => onChange(row.key, { date: event.target.value })}
                  />
                </Form.Item>
              );
            },
          },
          {
            title: 'Tên',
            key: 'name',
            render: (_, row) => {
              const error = errors.rows.get(row.key)?.name;
              return (
                <Form.Item style={{ margin: 0 }} validateStatus={error ? 'error' : undefined} help={error}>
                  <Input
                    ref={row.key === focusKey ? focusRef : undefined}
                    aria-label={`Tên ngày ${row.date || `(dòng ${days.indexOf(row) + 1})`}`}
                    value={row.name}
                    maxLength={200}
                    style={{ minWidth: 220 }}
                    onChange={(event) => onChange(row.key, { name: event.target.value })}
                  />
                </Form.Item>
              );
            },
          },
          {
            title: 'Loại',
            key: 'kind',
            width: 170,
            render: (_, row) => {
              const error = errors.rows.get(row.key)?.kind;
              return (
                <Form.Item style={{ margin: 0 }} validateStatus={error ? 'error' : undefined} help={error}>
                  <Select<HolidayKind>
                    aria-label={`Loại ngày ${row.date || `(dòng ${days.indexOf(row) + 1})`}`}
                    value={row.kind}
                    options={kindOptions}
                    style={{ width: 160 }}
                    onChange={(kind) => onChange(row.key, { kind })}
                  />
                </Form.Item>
              );
            },
          },
          {
            title: '',
            key: 'remove',
            width: 60,
            render: (_, row) => (
              <Button
                danger
                type="text"
                icon={<DeleteOutlined aria-hidden />}
                aria-label={`Xóa ngày ${row.date || `(dòng ${days.indexOf(row) + 1})`}`}
                onClick={() => onRemove(row.key)}
              />
            ),
          },
        ]}
      />
      <Flex style={{ marginTop: 12 }}>
        <Button icon={<PlusOutlined aria-hidden />} onClick={onAdd}>
          Thêm ngày
        </Button>
      </Flex>
    </div>
  );
}
