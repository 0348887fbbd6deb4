// The year view of the working calendar: 12 month grids, Monday first, each day with its
// solar day and a small lunar date, coloured by what the schedule says of it (holiday,
// compensatory, swapped day off, make-up working day) or by the weekend. In edit mode a day
// is a button that picks it for the editor.
import { memo } from 'react';

import type { HolidayKind, LunarDate } from '../../api/types';
import { holidayKindLabels } from '../../labels';
import {
  WEEKDAY_HEADERS,
  WEEKDAY_NAMES,
  isWeekend,
  isoDate,
  monthWeeks,
  type CivilDate,
} from './dates';

export interface DayMark {
  name: string;
  kind: HolidayKind;
}

interface Props {
  year: number;
  marks: ReadonlyMap<string, DayMark>;
  lunar: ReadonlyMap<string, LunarDate>;
  today: string;
  /** Edit mode: days are buttons. */
  onPick?: (date: string) => void;
}

/** "1/1", "15", "1/6N" (leap month): the month is shown on the first day of a lunar month. */
function lunarText(lunar: LunarDate | undefined, solarDay: number): string {
  if (!lunar) return '';
  if (lunar.day === 1 || solarDay === 1) return `${lunar.day}/${lunar.month}${lunar.leap ? 'N' : ''}`;
  return String(lunar.day);
}

function dayLabel(date: CivilDate, weekday: number, mark: DayMark | undefined, lunar: LunarDate | undefined): string {
  let label = `${WEEKDAY_NAMES[weekday]} ${date.day}/${date.month}/${date.year}`;
  if (lunar) label += ` (âm lịch ${lunar.day}/${lunar.month}${lunar.leap ? ' nhuận' : ''})`;
  if (mark) label += `: ${holidayKindLabels[mark.kind]} — ${mark.name}`;
  else if (weekday >= 5) label += ': nghỉ cuối tuần';
  return label;
}

function MonthGrid({ year, month, marks, lunar, today, onPick }: Props & { month: number }) {
  return (
    <table className="egov-cal-month" data-month={month}>
      <caption>Tháng {month}</caption>
      <thead>
        <tr>
          {WEEKDAY_HEADERS.map((head, i) => (
            <th key={head} scope="col" abbr={WEEKDAY_NAMES[i]} className={i >= 5 ? 'egov-cal-weekend-head' : undefined}>
              {head}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(year, month).map((week, w) => (
          <tr key={w}>
            {week.map((date, weekday) => {
              if (!date) return <td key={weekday} />;
              const iso = isoDate(date);
              const mark = marks.get(iso);
              const lunarDate = lunar.get(iso);
              const classes = ['egov-cal-day'];
              if (isWeekend(date)) classes.push('egov-cal-weekend');
              if (mark) classes.push(`egov-cal-${mark.kind}`);
              if (iso === today) classes.push('egov-cal-today');
              const label = dayLabel(date, weekday, mark, lunarDate);
              const content = (
                <>
                  <span className="egov-cal-solar">{date.day}</span>
                  <span className="egov-cal-lunar" aria-hidden>
                    {lunarText(lunarDate, date.day)}
                  </span>
                </>
              );
              return (
                <td
                  key={weekday}
                  className={classes.join(' ')}
                  data-date={iso}
                  data-kind={mark?.kind ?? (isWeekend(date) ? 'weekend' : 'working')}
                  title={label}
                >
                  {onPick ? (
                    <button type="button" className="egov-cal-pick" aria-label={label} onClick={() => onPick(iso)}>
                      {content}
                    </button>
                  ) : (
                    <span className="egov-cal-cell" aria-label={label} role="img">
                      {content}
                    </span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export const YearGrid = memo(function YearGrid(props: Props) {
  return (
    <div className="egov-cal-year" data-testid="year-grid" data-year={props.year}>
      {Array.from({ length: 12 }, (_, i) => (
        <MonthGrid key={i + 1} month={i + 1} {...props} />
      ))}
    </div>
  );
});

/** The colour legend of the year view. */
export function Legend() {
  const entries: { className: string; label: string }[] = [
    { className: 'egov-cal-weekend', label: 'Nghỉ cuối tuần' },
    { className: 'egov-cal-holiday', label: holidayKindLabels.holiday },
    { className: 'egov-cal-compensatory', label: holidayKindLabels.compensatory },
    { className: 'egov-cal-day_off', label: `${holidayKindLabels.day_off} (ngày thường được nghỉ)` },
    { className: 'egov-cal-working_day', label: `${holidayKindLabels.working_day} (thứ Bảy, Chủ nhật đi làm)` },
    { className: 'egov-cal-today', label: 'Hôm nay' },
  ];
  return (
    <ul className="egov-cal-legend" aria-label="Chú giải">
      {entries.map((entry) => (
        <li key={entry.className}>
          <span className={`egov-cal-swatch egov-cal-day ${entry.className}`} aria-hidden />
          {entry.label}
        </li>
      ))}
      <li>
        <span className="egov-cal-lunar-sample" aria-hidden>
          15
        </span>
        Ngày âm lịch (1/1: mùng 1 tháng Giêng; N: tháng nhuận)
      </li>
    </ul>
  );
}
