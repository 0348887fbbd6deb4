// Due-time marks shown on lists and on the dossier page: overdue (red), due soon (orange),
// paused (a supplement is awaited: the clock stands still).
import { Tag } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined, PauseCircleOutlined } from '@ant-design/icons';

import type { TaskMark } from '../../api/types';

export const markLabels: Record<TaskMark, string> = {
  overdue: 'Quá hạn',
  due_soon: 'Sắp đến hạn',
  paused: 'Tạm dừng, chờ bổ sung',
};

export function MarkTag({ mark, testId = 'due-mark' }: { mark: TaskMark | null | undefined; testId?: string }) {
  if (!mark) return null;
  const icon =
    mark === 'overdue' ? <ExclamationCircleOutlined aria-hidden /> : mark === 'due_soon' ? <ClockCircleOutlined aria-hidden /> : <PauseCircleOutlined aria-hidden />;
  const color = mark === 'overdue' ? 'red' : mark === 'due_soon' ? 'orange' : 'default';
  return (
    <Tag color={color} icon={icon} data-testid={testId} data-mark={mark}>
      {markLabels[mark]}
    </Tag>
  );
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Overdue when `due` has passed, due soon when less than a day is left. */
function markOf(due: string | null | undefined, now: number): TaskMark | null {
  if (!due) return null;
  const at = new Date(due).getTime();
  if (Number.isNaN(at)) return null;
  if (Math.floor(at / 60_000) < Math.floor(now / 60_000)) return 'overdue';
  return at - now < DAY_MS ? 'due_soon' : null;
}

interface Marked {
  status: string;
  due_at: string | null;
  overdue?: boolean;
  current_step: { due_at: string | null } | null;
}

/** The dossier's appointment: overdue or due soon while its clock runs; paused while a supplement is awaited. */
export function dossierMark(dossier: Marked, now: number = Date.now()): TaskMark | null {
  if (dossier.status === 'supplement_requested' && dossier.current_step) return 'paused';
  if (dossier.status !== 'processing') return null;
  return markOf(dossier.due_at, now);
}

/** The current step's due time: the server's `overdue` when it sends it, else from the time. */
export function stepMark(dossier: Marked, now: number = Date.now()): TaskMark | null {
  const step = dossier.current_step;
  if (!step) return null;
  if (dossier.status === 'supplement_requested') return 'paused';
  if (dossier.status !== 'processing' && dossier.status !== 'result_ready') return null;
  if (dossier.overdue === true) return 'overdue';
  const mark = markOf(step.due_at, now);
  return dossier.overdue === false && mark === 'overdue' ? null : mark;
}
