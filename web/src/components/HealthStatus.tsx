// Footer line with the server's health (GET /api/v1/health), checked once per page load.
import { Badge, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';

import { errorMessage } from '../api/client';
import { queries } from '../api/queries';

const databaseNames: Record<string, string> = { sqlite: 'SQLite', postgresql: 'PostgreSQL' };

export function HealthStatus() {
  const query = useQuery(queries.health());
  const state = query.isPending
    ? ({ kind: 'loading' } as const)
    : query.isError
      ? ({ kind: 'error', message: errorMessage(query.error) } as const)
      : ({ kind: 'ok', health: query.data } as const);

  let badge;
  if (state.kind === 'loading') {
    badge = <Badge status="processing" text="Đang kiểm tra máy chủ…" />;
  } else if (state.kind === 'ok' && state.health.status === 'ok') {
    const db = databaseNames[state.health.database] ?? state.health.database;
    badge = <Badge status="success" text={`Máy chủ hoạt động bình thường · Cơ sở dữ liệu: ${db}`} />;
  } else {
    const detail = state.kind === 'error' ? state.message : 'Máy chủ báo trạng thái bất thường.';
    badge = <Badge status="error" text={`Máy chủ không sẵn sàng: ${detail}`} />;
  }
  return (
    <Typography.Text type="secondary" data-testid="health-status" data-state={state.kind === 'ok' && state.health.status === 'ok' ? 'ok' : state.kind === 'loading' ? 'loading' : 'error'}>
      {badge}
    </Typography.Text>
  );
}
