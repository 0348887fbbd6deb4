// "/can-bo/co-quan" (admin) — the agency tree of GET /api/v1/agencies as an expandable
// table (code, name, kind, abbreviation, working hours), with "Thêm đơn vị" and "Sửa".
import { useMemo, useState, type Key } from 'react';
import { Alert, Button, Card, Flex, Table, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';

import type { Agency, AgencyNode } from '../../api/types';
import { agencyCodes, useAgencyTree } from '../../components/agencyTree';
import { usePageTitle } from '../../components/usePageTitle';
import { agencyKindLabel } from '../../labels';
import { AgencyFormModal } from './AgencyFormModal';

/** A table row: the agency without an empty `children` (which would show an expander). */
interface Row extends Agency {
  children?: Row[];
}

function toRow(agency: AgencyNode): Row {
  const children = agency.children.map(toRow);
  const { children: _omit, ...rest } = agency;
  return children.length > 0 ? { ...rest, children } : rest;
}

type Editing = { mode: 'create'; parentCode: string } | { mode: 'edit'; agency: Agency } | null;

export default function AgenciesPage() {
  usePageTitle('Cơ quan, đơn vị');
  const { state } = useAgencyTree();
  const [editing, setEditing] = useState<Editing>(null);
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);

  const rows = useMemo(() => (state.kind === 'loaded' ? [toRow(state.tree)] : []), [state]);
  const allCodes = useMemo(() => (state.kind === 'loaded' ? agencyCodes(state.tree) : []), [state]);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={1} style={{ fontSize: 26, margin: 0 }}>
          Cơ quan, đơn vị
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          disabled={state.kind !== 'loaded'}
          onClick={() => state.kind === 'loaded' && setEditing({ mode: 'create', parentCode: state.tree.code })}
        >
          Thêm đơn vị
        </Button>
      </Flex>
      {state.kind === 'error' && <Alert type="error" showIcon message={state.message} style={{ marginBottom: 16 }} />}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Row>
          rowKey="code"
          dataSource={rows}
          loading={state.kind === 'loading'}
          pagination={false}
          size="middle"
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowKeys: expanded ?? allCodes,
            onExpandedRowsChange: (keys) => setExpanded(keys),
          }}
          locale={{ emptyText: 'Không có đơn vị nào.' }}
          columns={[
            { title: 'Tên đơn vị', dataIndex: 'name' },
            { title: 'Mã định danh', dataIndex: 'code', render: (code: string) => <code>{code}</code> },
            { title: 'Loại', dataIndex: 'kind', render: (kind: string) => agencyKindLabel(kind) },
            { title: 'Ký hiệu', dataIndex: 'abbreviation', render: (value: string | null) => value || '—' },
            { title: 'Giờ làm việc', dataIndex: 'working_hours', render: (value?: string) => value || '—' },
            {
              title: 'Thao tác',
              key: 'actions',
              render: (_, row) => (
                <Flex gap={8}>
                  <Button
                    size="small"
                    icon={<EditOutlined aria-hidden />}
                    aria-label={`Sửa ${row.name}`}
                    onClick={() => setEditing({ mode: 'edit', agency: row })}
                  >
                    Sửa
                  </Button>
                  <Button
                    size="small"
                    icon={<PlusOutlined aria-hidden />}
                    aria-label={`Thêm đơn vị trực thuộc ${row.name}`}
                    onClick={() => setEditing({ mode: 'create', parentCode: row.code })}
                  >
                    Thêm trực thuộc
                  </Button>
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      {editing && state.kind === 'loaded' && (
        <AgencyFormModal
          tree={state.tree}
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={() => setEditing(null)}
        />
      )}
    </>
  );
}
