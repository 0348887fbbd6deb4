// "/thu-tuc" — the public catalog of administrative procedures (GET /api/v1/procedures).
// Searches as the visitor types (debounced), by code, name or field; the server ignores
// diacritics, đ and case. The query, the filters and the page live in the URL
// (?q=&linh_vuc=&cap=&trang=), so a search can be shared. Keyboard: ↓ from the search box
// (or ↑/↓ on a result) moves through the results, Enter opens the focused one.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Col, Empty, Grid, Input, Pagination, Row, Select, Spin, Tag, Typography, type InputRef } from 'antd';
import { ClockCircleOutlined, SearchOutlined, WalletOutlined } from '@ant-design/icons';
import { Link, useLocation, useSearchParams } from 'react-router';

import { useQuery } from '@tanstack/react-query';

import { errorMessage } from '../../api/client';
import { queries } from '../../api/queries';
import type { ProcedureLevel, ProcedureList } from '../../api/types';
import { useDebounced } from '../../components/useDebounced';
import { usePageTitle } from '../../components/usePageTitle';
import { procedureLevelLabel, procedureLevelLabels } from '../../labels';
import { paths } from '../../paths';
import { feeText, timeLimitText } from './procedureText';

const PER_PAGE = 20;
const SEARCH_DELAY_MS = 250;

/** `?cap=` in the URL (Vietnamese words) ↔ the API's `level`. */
const LEVEL_BY_SLUG: Record<string, ProcedureLevel> = { tinh: 'province', huyen: 'district', xa: 'commune' };
const SLUG_BY_LEVEL: Record<ProcedureLevel, string> = { province: 'tinh', district: 'huyen', commune: 'xa' };

/** Folds case, diacritics and đ, as the server does, for filtering the field list locally. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** A newer query shows as loading, over the previous answer, until its own answer arrives. */
type Results =
  | { kind: 'loading'; previous?: ProcedureList }
  | { kind: 'loaded'; page: ProcedureList }
  | { kind: 'error'; message: string };

/** What the detail page's "back" link returns to: this list, with its query and filters. */
export interface CatalogLinkState {
  catalogSearch: string;
}

export default function CatalogPage() {
  usePageTitle('Thủ tục hành chính');
  const screens = Grid.useBreakpoint();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const field = params.get('linh_vuc') ?? '';
  const levelSlug = params.get('cap') ?? '';
  const level: ProcedureLevel | undefined = LEVEL_BY_SLUG[levelSlug];
  const pageNumber = Math.max(1, Math.floor(Number(params.get('trang') ?? '1')) || 1);

  // The latest URL parameters, for the handlers and the debounce effect (which must not
  // rerun when the URL changes, or Back would be undone by the box's older text).
  const paramsRef = useRef(params);
  paramsRef.current = params;
  const update = (changes: Record<string, string | undefined>, replace = false) => {
    const next = new URLSearchParams(paramsRef.current);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace });
  };

  // The search box: typed text goes to ?q= after a pause; a new ?q= (Back, a link) fills the box.
  const [text, setText] = useState(q);
  const textRef = useRef(text);
  textRef.current = text;
  const debouncedText = useDebounced(text, SEARCH_DELAY_MS);
  useEffect(() => {
    if (q !== textRef.current.trim()) setText(q);
  }, [q]);
  useEffect(() => {
    const next = debouncedText.trim();
    if (next !== (paramsRef.current.get('q') ?? '').trim()) {
      update({ q: next || undefined, trang: undefined }, true);
    }
    // Only a new pause in typing writes the URL (not a new URL: see paramsRef).
  }, [debouncedText]);

  const search = useQuery(
    queries.procedures({ q: q || undefined, field: field || undefined, level, page: pageNumber, per_page: PER_PAGE }),
  );
  const results: Results = search.isError
    ? { kind: 'error', message: errorMessage(search.error) }
    : search.isPending || search.isPlaceholderData
      ? { kind: 'loading', previous: search.data }
      : { kind: 'loaded', page: search.data };

  // Without the fields the list still works; the filter offers what the URL names.
  const fields = useQuery(queries.procedureFields()).data ?? [];

  const fieldOptions = fields.map((f) => ({ value: f.field, label: `${f.field} (${f.count})` }));
  if (field && !fields.some((f) => f.field === field)) fieldOptions.push({ value: field, label: field });

  // Keyboard: ↓ in the box focuses the first result; ↑/↓ on a result move; ↑ on the first returns.
  const inputRef = useRef<InputRef>(null);
  const itemRefs = useRef<(HTMLAnchorElement | null)[]>([]);
  const focusItem = (index: number) => itemRefs.current[index]?.focus();
  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && itemRefs.current[0]) {
      event.preventDefault();
      focusItem(0);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const next = text.trim();
      if (next !== q) update({ q: next || undefined, trang: undefined }); // search now, no wait
    }
  };
  const onItemKeyDown = (index: number) => (event: KeyboardEvent<HTMLAnchorElement>) => {
    const count = itemRefs.current.filter(Boolean).length;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusItem(Math.min(index + 1, count - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (index === 0) inputRef.current?.focus();
      else focusItem(index - 1);
    } else if (event.key === 'Home') {
      event.preventDefault();
      focusItem(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      focusItem(count - 1);
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      inputRef.current?.focus(); // typing goes back to the search box
    }
  };

  const listId = useId();
  const hintId = useId();
  const fieldId = useId();
  const levelId = useId();
  const shown = results.kind === 'loaded' ? results.page : results.kind === 'loading' ? results.previous : undefined;
  const items = shown?.items ?? [];
  itemRefs.current.length = items.length;
  const filtered = Boolean(q || field || level);
  const linkState: CatalogLinkState = { catalogSearch: location.search };

  return (
    <div className="egov-catalog">
      <Typography.Title level={1} style={{ fontSize: 26, marginTop: 0, marginBottom: 16 }}>
        Thủ tục hành chính
      </Typography.Title>

      <Input
        ref={inputRef}
        type="search"
        size="large"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onInputKeyDown}
        allowClear
        prefix={<SearchOutlined aria-hidden />}
        placeholder="Tìm theo tên, mã thủ tục hoặc lĩnh vực"
        aria-label="Tìm thủ tục hành chính"
        aria-controls={listId}
        aria-describedby={hintId}
        autoComplete="off"
        enterKeyHint="search"
      />
      <Typography.Text type="secondary" id={hintId} className="egov-catalog-hint">
        Gõ không dấu cũng được, ví dụ “dang ky khai sinh”. Dùng phím ↑/↓ để chọn, Enter để mở.
      </Typography.Text>

      <Row gutter={[12, 8]} style={{ marginTop: 12 }}>
        <Col xs={24} sm={14}>
          <label htmlFor={fieldId} className="egov-filter-label">
            Lĩnh vực
          </label>
          <Select
            id={fieldId}
            style={{ width: '100%' }}
            allowClear
            showSearch
            placeholder="Tất cả lĩnh vực"
            value={field || undefined}
            options={fieldOptions}
            filterOption={(input, option) => fold(String(option?.label ?? '')).includes(fold(input))}
            onChange={(value?: string) => update({ linh_vuc: value || undefined, trang: undefined })}
            notFoundContent="Không có lĩnh vực phù hợp"
          />
        </Col>
        <Col xs={24} sm={10}>
          <label htmlFor={levelId} className="egov-filter-label">
            Cấp thực hiện
          </label>
          <Select
            id={levelId}
            style={{ width: '100%' }}
            allowClear
            placeholder="Tất cả các cấp"
            value={level}
            options={(Object.keys(procedureLevelLabels) as ProcedureLevel[]).map((value) => ({
              value,
              label: procedureLevelLabels[value],
            }))}
            onChange={(value?: ProcedureLevel) =>
              update({ cap: value ? SLUG_BY_LEVEL[value] : undefined, trang: undefined })
            }
          />
        </Col>
      </Row>

      <div className="egov-catalog-status" aria-live="polite">
        {results.kind === 'loaded' && results.page.total > 0 && (
          <Typography.Text type="secondary" data-testid="catalog-total">
            Tìm thấy {results.page.total} thủ tục
          </Typography.Text>
        )}
      </div>

      {results.kind === 'error' && (
        <Alert type="error" showIcon message={results.message} data-testid="catalog-error" />
      )}

      {results.kind !== 'error' && (
        <Spin spinning={results.kind === 'loading'} tip="Đang tìm…">
          <div
            data-testid="catalog-results"
            data-state={results.kind}
            data-query={results.kind === 'loaded' ? q : undefined}
            style={{ minHeight: 120 }}
          >
            {items.length > 0 && (
              <ol id={listId} className="egov-proc-list" aria-label="Kết quả tìm kiếm thủ tục">
                {items.map((procedure, index) => (
                  <li key={procedure.code}>
                    <Link
                      ref={(element) => {
                        itemRefs.current[index] = element;
                      }}
                      to={paths.procedure(procedure.code)}
                      state={linkState}
                      className="egov-proc-card"
                      aria-labelledby={`proc-${procedure.code}-name`}
                      aria-describedby={`proc-${procedure.code}-facts`}
                      onKeyDown={onItemKeyDown(index)}
                    >
                      <span className="egov-proc-name" id={`proc-${procedure.code}-name`}>
                        {procedure.name}
                      </span>
                      <span className="egov-proc-facts" id={`proc-${procedure.code}-facts`}>
                        <span className="egov-proc-tags">
                          <Tag>Mã {procedure.code}</Tag>
                          <Tag color="blue">{procedure.field}</Tag>
                          <Tag color="geekblue">{procedureLevelLabel(procedure.level)}</Tag>
                        </span>
                        <span>
                          <ClockCircleOutlined aria-hidden /> Thời hạn: {timeLimitText(procedure.time_limit)}
                        </span>
                        <span>
                          <WalletOutlined aria-hidden /> Phí, lệ phí: {feeText(procedure.fee)}
                        </span>
                      </span>
                    </Link>
                  </li>
                ))}
              </ol>
            )}
            {results.kind === 'loaded' && items.length === 0 && (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description="Không tìm thấy thủ tục phù hợp"
                data-testid="catalog-empty"
              >
                {filtered && (
                  <Button
                    onClick={() => {
                      setText('');
                      setParams(new URLSearchParams());
                    }}
                  >
                    Xóa từ khóa và bộ lọc
                  </Button>
                )}
              </Empty>
            )}
          </div>
        </Spin>
      )}

      {shown && shown.total > PER_PAGE && (
        <Pagination
          className="egov-catalog-pages"
          current={pageNumber}
          pageSize={PER_PAGE}
          total={shown.total}
          showSizeChanger={false}
          size={screens.sm ? 'default' : 'small'}
          showLessItems={!screens.sm}
          onChange={(page) => {
            update({ trang: page > 1 ? String(page) : undefined });
            window.scrollTo({ top: 0 });
          }}
        />
      )}
    </div>
  );
}
