// Procedure search as one types (GET /api/v1/procedures?q=, the server ignores diacritics,
// đ and case): ↑/↓ move through the suggestions, Enter picks the highlighted one (the first
// by default), Escape closes the list.
import { forwardRef, useEffect, useState } from 'react';
import { AutoComplete, Input, Typography, type InputRef } from 'antd';
import { SearchOutlined } from '@ant-design/icons';

import { errorMessage, isAbort } from '../../api/client';
import { listProcedures } from '../../api/endpoints';
import type { ProcedureSummary } from '../../api/types';
import { useDebounced } from '../../components/useDebounced';
import { procedureLevelLabel } from '../../labels';
import { timeLimitText } from '../catalog/procedureText';

const SEARCH_DELAY_MS = 200;

type Found = { query: string; items: ProcedureSummary[]; total: number } | { query: string; error: string };

export const ProcedurePicker = forwardRef<InputRef, { onPick: (code: string) => void; disabled?: boolean }>(
  function ProcedurePicker({ onPick, disabled }, ref) {
    const [text, setText] = useState('');
    const query = useDebounced(text.trim(), SEARCH_DELAY_MS);
    const [found, setFound] = useState<Found | null>(null);

    useEffect(() => {
      if (!query) {
        setFound(null);
        return;
      }
      const controller = new AbortController();
      listProcedures({ q: query, per_page: 20 }, controller.signal)
        .then((page) => setFound({ query, items: page.items, total: page.total }))
        .catch((error: unknown) => {
          if (!isAbort(error)) setFound({ query, error: errorMessage(error) });
        });
      return () => controller.abort();
    }, [query]);

    const items = found && 'items' in found ? found.items : [];
    const options = items.map((p) => ({
      value: p.code,
      label: (
        <div className="egov-picker-option" data-code={p.code}>
          <div style={{ whiteSpace: 'normal', fontWeight: 500 }}>{p.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.code} · {p.field} · {procedureLevelLabel(p.level)} · {timeLimitText(p.time_limit)}
          </Typography.Text>
        </div>
      ),
    }));

    const searching = text.trim() !== '' && (found === null || found.query !== text.trim());
    let notFound: string | undefined;
    if (found && text.trim() === found.query) {
      notFound = 'error' in found ? found.error : `Không tìm thấy thủ tục nào với “${found.query}”.`;
    }

    return (
      <div>
        <AutoComplete
          value={text}
          options={options}
          onChange={(value: string) => setText(value)}
          onSelect={(code: string) => {
            setText('');
            onPick(code);
          }}
          defaultActiveFirstOption
          notFoundContent={notFound}
          style={{ width: '100%' }}
          popupMatchSelectWidth
          listHeight={360}
          disabled={disabled}
          data-testid="procedure-picker"
        >
          <Input
            ref={ref}
            size="large"
            prefix={<SearchOutlined aria-hidden />}
            placeholder="Gõ tên hoặc mã thủ tục, ví dụ: khai sinh, chứng thực, 1.001193"
            aria-label="Tìm thủ tục"
            autoFocus
            allowClear
          />
        </AutoComplete>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="picker-state" data-state={searching ? 'loading' : 'idle'}>
          {searching
            ? 'Đang tìm…'
            : found && 'total' in found && found.total > 0
              ? `${found.total} thủ tục — ↑/↓ để chọn, Enter để nhận hồ sơ theo thủ tục đã chọn.`
              : 'Không cần gõ dấu: “dang ky khai sinh” tìm được “Đăng ký khai sinh”.'}
        </Typography.Text>
      </div>
    );
  },
);
