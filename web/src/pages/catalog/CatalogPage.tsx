// "/thu-tuc" — the public catalog of administrative procedures (GET /api/v1/procedures),
// searchable by code, name or field ignoring diacritics; ?q= and ?page= live in the URL.
import { useEffect, useState } from 'react';
import { Alert, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';

import { errorMessage, isAbort } from '../../api/client';
import { listProcedures } from '../../api/endpoints';
import type { Page, ProcedureSummary } from '../../api/types';
import { usePageTitle } from '../../components/usePageTitle';

const PER_PAGE = 20;

type State =
  | { kind: 'loading' }
  | { kind: 'loaded'; page: Page<ProcedureSummary> }
  | { kind: 'error'; message: string };

export default function CatalogPage() {
  usePageTitle('Thủ tục hành chính');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const pageNumber = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    listProcedures({ q: q || undefined, page: pageNumber, per_page: PER_PAGE }, controller.signal)
      .then((page) => setState({ kind: 'loaded', page }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setState({ kind: 'error', message: errorMessage(error) });
      });
    return () => controller.abort();
  }, [q, pageNumber]);

  const search = (text: string) => {
    const next = new URLSearchParams();
    if (text.trim()) next.set('q', text.trim());
    setParams(next);
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 26, margin: 0 }}>
        Thủ tục hành chính
      </Typography.Title>
      <Input.Search
        key={q}
        defaultValue={q}
        aria-label="Tìm thủ tục hành chính"
        placeholder="Tìm theo tên, mã thủ tục hoặc lĩnh vực"
        enterButton="Tìm"
        allowClear
        size="large"
        onSearch={search}
      />
      {state.kind === 'error' && <Alert type="error" showIcon message={state.message} data-testid="catalog-error" />}
      {state.kind !== 'error' && (
        <List<ProcedureSummary>
          bordered
          style={{ background: '#fff' }}
          loading={state.kind === 'loading'}
          dataSource={state.kind === 'loaded' ? state.page.items : []}
          locale={{ emptyText: <Empty description="Không có thủ tục phù hợp." /> }}
          rowKey="code"
          pagination={
            state.kind === 'loaded' && state.page.total > PER_PAGE
              ? {
                  current: pageNumber,
                  pageSize: PER_PAGE,
                  total: state.page.total,
                  showSizeChanger: false,
                  onChange: (page) => {
                    const next = new URLSearchParams(params);
                    next.set('page', String(page));
                    setParams(next);
                  },
                }
              : false
          }
          renderItem={(procedure) => (
            <List.Item>
              <List.Item.Meta
                title={procedure.name}
                description={
                  <Space size={[8, 4]} wrap>
                    <Tag>{procedure.code}</Tag>
                    {procedure.field && <span>Lĩnh vực: {procedure.field}</span>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
