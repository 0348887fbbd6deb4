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

export function MarkTag({ mark }: { mark: TaskMark | null | undefined }) {
  if (!mark) return null;
  const icon =
    mark === 'overdue' ? <ExclamationCircleOutlined aria-hidden /> : mark === 'due_soon' ? <ClockCircleOutlined aria-hidden /> : <PauseCircleOutlined aria-hidden />;
  const color = mark === 'overdue' ? 'red' : mark === 'due_soon' ? 'orange' : 'default';
  return (
    <Tag color={color} icon={icon} data-testid="due-mark" data-mark={mark}>
      {markLabels[mark]}
    </Tag>
  );
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The mark of a dossier shown alone (the dossier page): the server's `overdue` when it sends
 * it; due soon when less than a day is left; paused while a supplement is awaited.
 */
export function dossierMark(
  dossier: { status: string; due_at: string | null; overdue?: boolean; current_step: unknown },
  now: number = Date.now(),
): TaskMark | null {
  if (dossier.status === 'supplement_requested' && dossier.current_step) return 'paused';
  if (dossier.status !== 'processing' || !dossier.due_at) return null;
  const due = new Date(dossier.due_at).getTime();
  const overdue = dossier.overdue ?? due < now;
  if (overdue) return 'overdue';
  return due - now < DAY_MS ? 'due_soon' : null;
}
