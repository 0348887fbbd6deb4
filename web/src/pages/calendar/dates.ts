// Civil-date arithmetic for the year view, on plain numbers in UTC so the device's time zone
// never shifts a day. Dates travel as "YYYY-MM-DD" like in the API.

export interface CivilDate {
  year: number;
  month: number; // 1..12
  day: number;
}

export function isoDate({ year, month, day }: CivilDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parseIsoDate(text: string): CivilDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Monday … 6 = Sunday (the Vietnamese week starts on Monday). */
export function mondayIndex(date: CivilDate): number {
  return (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7;
}

export function isWeekend(date: CivilDate): boolean {
  return mondayIndex(date) >= 5;
}

/** The weeks of a month, Monday first; null where a day of another month would be. */
export function monthWeeks(year: number, month: number): (CivilDate | null)[][] {
  const weeks: (CivilDate | null)[][] = [];
  let week: (CivilDate | null)[] = Array.from({ length: mondayIndex({ year, month, day: 1 }) }, () => null);
  for (let day = 1; day <= daysInMonth(year, month); day += 1) {
    week.push({ year, month, day });
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  return weeks;
}

/** Today's date in Vietnam (UTC+7), whatever the device's zone. */
export function todayInVietnam(): CivilDate {
  const now = new Date(Date.now() + 7 * 3600 * 1000);
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
}

export const WEEKDAY_HEADERS = ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'] as const;
export const WEEKDAY_NAMES = ['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy', 'Chủ nhật'] as const;
