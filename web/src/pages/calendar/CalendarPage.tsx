// "/can-bo/lich-lam-viec?nam=YYYY" — Lịch làm việc: the year's days off as 12 month grids
// (GET /api/v1/calendar/holidays and /calendar/lunar), whether the schedule is the official
// one or the statutory rules and its source; admins edit it (PUT /api/v1/calendar/holidays)
// and see the server's messages on the rows. Everyone signed in may look.
import { useCallback, useMemo, useState } from 'react';
import { Alert, Button, Card, Flex, InputNumber, Space, Tag, Typography, message } from 'antd';
import { CalendarOutlined, EditOutlined, LeftOutlined, RightOutlined, SaveOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { ApiError, errorMessage } from '../../api/client';
import { putHolidays } from '../../api/endpoints';
import { keys, queries } from '../../api/queries';
import type { HolidaySchedule, HolidayScheduleUpdate, LunarDate } from '../../api/types';
import { hasRole, useStaffSession } from '../../components/staffSession';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../format';
import { isWeekend, isoDate, parseIsoDate, todayInVietnam } from './dates';
import { ScheduleEditor, type DraftDay, type DraftErrors } from './ScheduleEditor';
import { Legend, YearGrid, type DayMark } from './YearGrid';

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

type Loaded = { schedule: HolidaySchedule; lunar: Map<string, LunarDate> };
type State = { kind: 'loading' } | { kind: 'loaded'; data: Loaded } | { kind: 'error'; message: string };

interface Draft {
  source: string;
  days: DraftDay[];
  nextKey: number;
  focusKey: number | null;
}

const noErrors: DraftErrors = { rows: new Map() };

function yearFromParam(value: string | null): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? year : todayInVietnam().year;
}

/** The server's per-field messages ("days[3].name", "source", "days") mapped to rows. */
function draftErrors(error: unknown, days: DraftDay[]): DraftErrors {
  const out: DraftErrors = { rows: new Map() };
  if (!(error instanceof ApiError) || !error.details) return out;
  for (const [field, text] of Object.entries(error.details)) {
    if (typeof text !== 'string') continue;
    if (field === 'source') {
      out.source = text;
      continue;
    }
    const match = /^days\[(\d+)\](?:\.(date|name|kind))?$/.exec(field);
    const row = match ? days[Number(match[1])] : undefined;
    if (!match || !row) continue;
    const key = (match[2] ?? 'row') as 'date' | 'name' | 'kind' | 'row';
    out.rows.set(row.key, { ...out.rows.get(row.key), [key]: text });
  }
  return out;
}

export default function CalendarPage() {
  usePageTitle('Lịch làm việc');
  const { user } = useStaffSession();
  const isAdmin = hasRole(user, 'admin');
  const [params, setParams] = useSearchParams();
  const year = yearFromParam(params.get('nam'));
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [errors, setErrors] = useState<DraftErrors>(noErrors);
  const [notice, noticeHolder] = message.useMessage();
  const today = useMemo(() => isoDate(todayInVietnam()), []);

  const holidays = useQuery(queries.holidays(year));
  const lunarYear = useQuery(queries.lunarYear(year));
  const lunarByDate = useMemo(() => {
    if (!lunarYear.data) return null;
    const map = new Map<string, LunarDate>();
    for (const { date, ...rest } of lunarYear.data.items) map.set(date, rest);
    return map;
  }, [lunarYear.data]);
  const failed = holidays.error ?? lunarYear.error;
  const state: State = failed
    ? { kind: 'error', message: errorMessage(failed) }
    : holidays.data && lunarByDate
      ? { kind: 'loaded', data: { schedule: holidays.data, lunar: lunarByDate } }
      : { kind: 'loading' };

  // The PUT answers with the schedule now in force: it replaces the cached one.
  const queryClient = useQueryClient();
  const saveSchedule = useMutation({
    mutationFn: (body: HolidayScheduleUpdate) => putHolidays(year, body),
    onSuccess: (schedule) => queryClient.setQueryData(keys.calendar.holidays(year), schedule),
  });
  const saving = saveSchedule.isPending;

  const setYear = (next: number | null) => {
    if (next === null || !Number.isInteger(next) || next < MIN_YEAR || next > MAX_YEAR) return;
    setParams({ nam: String(next) }, { replace: false });
  };

  const schedule = state.kind === 'loaded' ? state.data.schedule : null;
  const lunar = useMemo(() => (state.kind === 'loaded' ? state.data.lunar : new Map<string, LunarDate>()), [state]);

  const marks = useMemo(() => {
    const map = new Map<string, DayMark>();
    if (draft) {
      for (const day of draft.days) if (parseIsoDate(day.date)) map.set(day.date, { name: day.name, kind: day.kind });
    } else if (schedule) {
      for (const day of schedule.items) map.set(day.date, { name: day.name, kind: day.kind });
    }
    return map;
  }, [draft, schedule]);

  const startEditing = () => {
    if (!schedule) return;
    setDraft({
      source: schedule.official ? schedule.source : '',
      days: schedule.items.map((day, i) => ({ key: i, date: day.date, name: day.name, kind: day.kind })),
      nextKey: schedule.items.length,
      focusKey: null,
    });
    setErrors(noErrors);
    setSaveError(null);
  };

  const pick = useCallback((date: string) => {
    setDraft((current) => {
      if (!current) return current;
      const existing = current.days.find((day) => day.date === date);
      if (existing) return { ...current, focusKey: existing.key };
      const parsed = parseIsoDate(date);
      const kind = parsed && isWeekend(parsed) ? 'working_day' : 'day_off';
      const row: DraftDay = { key: current.nextKey, date, name: '', kind };
      const days = [...current.days, row].sort((a, b) => (a.date || '9999').localeCompare(b.date || '9999'));
      return { ...current, days, nextKey: current.nextKey + 1, focusKey: row.key };
    });
  }, []);

  const save = async () => {
    if (!draft) return;
    setSaveError(null);
    setErrors(noErrors);
    try {
      const source = draft.source.trim();
      await saveSchedule.mutateAsync({
        ...(source ? { source } : {}),
        days: draft.days.map(({ date, name, kind }) => ({ date, name, kind })),
      });
      setDraft(null);
      void notice.success(`Đã lưu lịch nghỉ năm ${year}.`);
    } catch (error) {
      setSaveError(errorMessage(error));
      setErrors(draftErrors(error, draft.days));
    }
  };

  return (
    <>
      {noticeHolder}
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={1} style={{ fontSize: 26, margin: 0 }}>
          Lịch làm việc
        </Typography.Title>
        <Space wrap>
          <Button
            icon={<LeftOutlined aria-hidden />}
            aria-label="Năm trước"
            disabled={draft !== null || year <= MIN_YEAR}
            onClick={() => setYear(year - 1)}
          />
          <InputNumber
            aria-label="Năm"
            value={year}
            min={MIN_YEAR}
            max={MAX_YEAR}
            precision={0}
            disabled={draft !== null}
            onChange={(value) => setYear(value)}
            style={{ width: 96 }}
          />
          <Button
            icon={<RightOutlined aria-hidden />}
            aria-label="Năm sau"
            disabled={draft !== null || year >= MAX_YEAR}
            onClick={() => setYear(year + 1)}
          />
          <Button
            icon={<CalendarOutlined aria-hidden />}
            disabled={draft !== null}
            onClick={() => setYear(todayInVietnam().year)}
          >
            Năm nay
          </Button>
          {isAdmin && !draft && (
            <Button type="primary" icon={<EditOutlined aria-hidden />} disabled={!schedule} onClick={startEditing}>
              Chỉnh sửa
            </Button>
          )}
        </Space>
      </Flex>

      {state.kind === 'error' && <Alert type="error" showIcon message={state.message} style={{ marginBottom: 16 }} />}

      {schedule && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Flex gap={8} align="center" wrap style={{ marginBottom: 4 }}>
            <Typography.Text strong>Lịch nghỉ năm {schedule.year}:</Typography.Text>
            {schedule.official ? (
              <Tag color="green" data-testid="schedule-badge">
                Lịch chính thức
              </Tag>
            ) : (
              <Tag color="gold" data-testid="schedule-badge">
                Theo quy định của Bộ luật Lao động
              </Tag>
            )}
            {schedule.official && schedule.updated_by && (
              <Typography.Text type="secondary">
                {schedule.updated_by === 'shipped'
                  ? 'nạp từ dữ liệu đi kèm phần mềm'
                  : `cập nhật bởi ${schedule.updated_by}`}
                {schedule.updated_at ? `, ${formatDateTime(schedule.updated_at)}` : ''}
              </Typography.Text>
            )}
          </Flex>
          <Typography.Paragraph
            type="secondary"
            style={{ marginBottom: 0 }}
            ellipsis={{ rows: 2, expandable: true, symbol: 'Xem thêm' }}
            data-testid="schedule-source"
          >
            Nguồn: {schedule.source}
          </Typography.Paragraph>
          {!schedule.official && (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              Năm này chưa có lịch nghỉ chính thức: các ngày nghỉ được tính theo Bộ luật Lao động (Tết Nguyên đán
              mặc định từ 30 Tết đến mùng 4, nghỉ bù khi ngày lễ trùng cuối tuần).
            </Typography.Paragraph>
          )}
        </Card>
      )}

      {draft && (
        <Card
          title={`Chỉnh sửa lịch nghỉ năm ${year}`}
          style={{ marginBottom: 16 }}
          extra={
            <Space>
              <Button
                disabled={saving}
                onClick={() => {
                  setDraft(null);
                  setErrors(noErrors);
                  setSaveError(null);
                }}
              >
                Hủy
              </Button>
              <Button type="primary" icon={<SaveOutlined aria-hidden />} loading={saving} onClick={save}>
                Lưu
              </Button>
            </Space>
          }
        >
          {saveError && (
            <Alert type="error" showIcon message={saveError} style={{ marginBottom: 12 }} data-testid="calendar-error" />
          )}
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message="Lịch mới chỉ áp dụng cho các thời hạn được tính sau khi lưu; thời hạn đã ghi nhận trước đó không thay đổi."
          />
          <ScheduleEditor
            year={year}
            source={draft.source}
            days={draft.days}
            errors={errors}
            focusKey={draft.focusKey}
            onSource={(source) => setDraft((d) => (d ? { ...d, source } : d))}
            onChange={(key, patch) =>
              setDraft((d) => (d ? { ...d, days: d.days.map((day) => (day.key === key ? { ...day, ...patch } : day)) } : d))
            }
            onRemove={(key) => setDraft((d) => (d ? { ...d, days: d.days.filter((day) => day.key !== key) } : d))}
            onAdd={() =>
              setDraft((d) =>
                d
                  ? {
                      ...d,
                      days: [...d.days, { key: d.nextKey, date: '', name: '', kind: 'day_off' }],
                      nextKey: d.nextKey + 1,
                      focusKey: d.nextKey,
                    }
                  : d,
              )
            }
          />
        </Card>
      )}

      <Card size="small" loading={state.kind === 'loading'}>
        <Legend />
        {state.kind === 'loaded' && (
          <YearGrid year={year} marks={marks} lunar={lunar} today={today} onPick={draft ? pick : undefined} />
        )}
      </Card>
    </>
  );
}
