// How a procedure's time limit and fee read in Vietnamese (docs/catalog.md).
import type { Fee, TimeLimit } from '../../api/types';
import { formatNumber } from '../../format';

export const SAME_DAY_TEXT = 'Trong ngày (nhận sau 15 giờ: ngày làm việc tiếp theo)';

/** `{days: 3}` → "3 ngày làm việc"; `{hours: 4}` → "4 giờ làm việc"; same day → SAME_DAY_TEXT. */
export function timeLimitText(limit: TimeLimit | null | undefined): string {
  if (!limit) return '—';
  if ('same_day' in limit) return SAME_DAY_TEXT;
  if ('days' in limit) return `${limit.days} ngày làm việc`;
  if ('hours' in limit) return `${limit.hours} giờ làm việc`;
  return '—';
}

/** "Miễn phí" for 0, else "8.000 đồng". */
export function feeText(fee: Fee | null | undefined): string {
  if (!fee || !fee.amount) return 'Miễn phí';
  return `${formatNumber(fee.amount)} đồng`;
}

/** "N giờ làm việc" for a step; a step may take no time of its own (a hand-over). */
export function stepHoursText(hours: number): string {
  return hours > 0 ? `${hours} giờ làm việc` : 'Không tính thời gian riêng';
}
