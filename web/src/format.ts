// Display formats in Vietnamese, in Vietnam time (UTC+7) whatever the device's zone.

const dateTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** "25/02/2026, 10:00" style; "—" for a missing or unparseable value. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : dateTime.format(date);
}


/** "8.000": whole numbers with dots between thousands, as written in Vietnamese. */
export function formatNumber(value: number): string {
  const sign = value < 0 ? '-' : '';
  return sign + String(Math.trunc(Math.abs(value))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "2020-01-01" (a date without time) → "01/01/2020"; anything else as given. */
export function formatIsoDate(date: string | null | undefined): string {
  if (!date) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : date;
}

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * "10 giờ 05 phút, ngày 25/02/2026" — the wording of the receipt (Circular 01/2018), in
 * Vietnam time; "—" for a missing or unparseable value.
 */
export function formatOfficialTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const list = parts.formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => list.find((part) => part.type === type)?.value ?? '';
  return `${get('hour')} giờ ${get('minute')} phút, ngày ${get('day')}/${get('month')}/${get('year')}`;
}
