// Footer line with the server's health (GET /api/v1/health), checked once per page load.
import { useEffect, useState } from 'react';
import { Badge, Typography } from 'antd';

import { errorMessage, isAbort } from '../api/client';
import { getHealth } from '../api/endpoints';
import type { Health } from '../api/types';

type State = { kind: 'loading' } | { kind: 'ok'; health: Health } | { kind: 'error'; message: string };

const databaseNames: Record<string, string> = { sqlite: 'SQLite', postgresql: 'PostgreSQL' };

export function HealthStatus() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    getHealth(controller.signal)
      .then((health) => setState({ kind: 'ok', health }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setState({ kind: 'error', message: errorMessage(error) });
      });
    return () => controller.abort();
  }, []);

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
