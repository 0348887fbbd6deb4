// The components of a procedure (thành phần hồ sơ) as a checklist: each row has the name, a
// checkbox ("Đã nhận" at the counter, "Sẽ nộp" online) and the counts of originals, certified
// copies and copies, prefilled with what the procedure requires. Rows wrap on a phone.
import { Alert, Button, Checkbox, Flex, InputNumber, Typography } from 'antd';

import type { ComponentCounts, ProcedureComponent } from '../../api/types';

export interface ChecklistRow extends ComponentCounts {
  checked: boolean;
  required: ProcedureComponent;
}

export function checklistFrom(components: ProcedureComponent[]): ChecklistRow[] {
  return components.map((c) => ({
    name: c.name,
    original: c.original,
    certified: c.certified,
    copy: c.copy,
    checked: false,
    required: c,
  }));
}

/** The names of the rows not ticked, or ticked with fewer copies than the procedure requires. */
export function incompleteRows(rows: ChecklistRow[]): string[] {
  return rows
    .filter(
      (r) =>
        !r.checked ||
        r.original < r.required.original ||
        r.certified < r.required.certified ||
        r.copy < r.required.copy,
    )
    .map((r) => r.name);
}

/** The components to send: the ticked rows, with their counts. */
export function checkedComponents(rows: ChecklistRow[]): ComponentCounts[] {
  return rows
    .filter((r) => r.checked)
    .map(({ name, original, certified, copy }) => ({ name, original, certified, copy }));
}

const COUNTS = [
  { key: 'original', label: 'Bản chính' },
  { key: 'certified', label: 'Bản chứng thực' },
  { key: 'copy', label: 'Bản sao' },
] as const;

interface Props {
  rows: ChecklistRow[];
  onChange: (rows: ChecklistRow[]) => void;
  /** "Đã nhận" (counter) or "Sẽ nộp" (online). */
  checkLabel: string;
  /** The label of the button that ticks every row. */
  checkAllLabel: string;
  /** The server's or the form's message about the components, shown above the rows. */
  error?: string | null;
}

export function ComponentChecklist({ rows, onChange, checkLabel, checkAllLabel, error }: Props) {
  const update = (index: number, patch: Partial<ChecklistRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const allChecked = rows.length > 0 && rows.every((r) => r.checked);

  return (
    <div data-testid="component-checklist">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text strong>Thành phần hồ sơ ({rows.length})</Typography.Text>
        <Button size="small" onClick={() => onChange(rows.map((r) => ({ ...r, checked: !allChecked })))}>
          {allChecked ? 'Bỏ chọn tất cả' : checkAllLabel}
        </Button>
      </Flex>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} data-testid="components-error" />}
      {rows.length === 0 && <Typography.Text type="secondary">Thủ tục này không quy định thành phần hồ sơ.</Typography.Text>}
      <ol className="egov-checklist">
        {rows.map((row, index) => (
          <li key={row.name} className={row.checked ? 'egov-checklist-row is-checked' : 'egov-checklist-row'}>
            <Checkbox
              checked={row.checked}
              onChange={(event) => update(index, { checked: event.target.checked })}
              aria-label={`${checkLabel}: ${row.name}`}
            >
              <span className="egov-checklist-name">
                {index + 1}. {row.name}
              </span>
            </Checkbox>
            <Flex wrap gap={12} className="egov-checklist-counts">
              {COUNTS.map(({ key, label }) => (
                <label key={key} className="egov-checklist-count">
                  <span>{label}</span>
                  <InputNumber
                    size="small"
                    min={0}
                    max={20}
                    precision={0}
                    value={row[key]}
                    onChange={(value) => update(index, { [key]: typeof value === 'number' ? value : 0 })}
                    aria-label={`${label}: ${row.name}`}
                    style={{ width: 64 }}
                  />
                </label>
              ))}
            </Flex>
          </li>
        ))}
      </ol>
    </div>
  );
}
