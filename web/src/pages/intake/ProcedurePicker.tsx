// Procedure search as one types (GET /api/v1/procedures?q=, the server ignores diacritics,
// đ and case): ↑/↓ move through the suggestions, Enter picks the highlighted one (the first
// by default), Escape closes the list.
import { forwardRef, useState } from 'react';
import { AutoComplete, Input, Typography, type InputRef } from 'antd';
import { SearchOutlined } from '@ant-design/icons';

import { useQuery } from '@tanstack/react-query';

import { errorMessage } from '../../api/client';
import { queries } from '../../api/queries';
import { useDebounced } from '../../components/useDebounced';
import { procedureLevelLabel } from '../../labels';
import { timeLimitText } from '../catalog/procedureText';

const SEARCH_DELAY_MS = 200;

export const ProcedurePicker = forwardRef<InputRef, { onPick: (code: string) => void; disabled?: boolean }>(
  function ProcedurePicker({ onPick, disabled }, ref) {
    const [text, setText] = useState('');
    const query = useDebounced(text.trim(), SEARCH_DELAY_MS);
    // While a new query runs, the previous answer stays listed (placeholder data).
    const search = useQuery({ ...queries.procedures({ q: query, per_page: 20 }), enabled: query !== '' });
    /** The answer (or error) shown is the one for `query`. */
    const answered = query !== '' && !search.isPending && !search.isPlaceholderData;

    const items = query !== '' ? (search.data?.items ?? []) : [];
    const total = query !== '' ? (search.data?.total ?? 0) : 0;
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

    const searching = text.trim() !== '' && !(answered && query === text.trim());
    let notFound: string | undefined;
    if (answered && text.trim() === query) {
      notFound = search.isError ? errorMessage(search.error) : `Không tìm thấy thủ tục nào với “${query}”.`;
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
            : total > 0
              ? `${total} thủ tục — ↑/↓ để chọn, Enter để nhận hồ sơ theo thủ tục đã chọn.`
              : 'Không cần gõ dấu: “dang ky khai sinh” tìm được “Đăng ký khai sinh”.'}
        </Typography.Text>
      </div>
    );
  },
);
