// "Thêm đơn vị" (POST /api/v1/agencies) and "Sửa đơn vị" (PATCH /api/v1/agencies/{code})
// in a modal. Enter in any field submits; the server's per-field messages go on the fields.
import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { errorMessage } from '../../api/client';
import { createAgency, updateAgency } from '../../api/endpoints';
import { keys } from '../../api/queries';
import { AGENCY_KINDS, type Agency, type AgencyKind, type AgencyNode, type AgencyUpdate } from '../../api/types';
import { agencyOptions } from '../../components/agencyTree';
import { showFieldErrors } from '../../components/serverErrors';
import { agencyKindLabels } from '../../labels';

export const DEFAULT_WORKING_HOURS = '07:30-11:30,13:00-17:00';

interface Values {
  parent_code: string;
  code: string;
  name: string;
  kind: AgencyKind;
  abbreviation?: string;
  working_hours: string;
}

const FIELDS = ['parent_code', 'code', 'name', 'kind', 'abbreviation', 'working_hours'] as const;

/** The PATCH body: only the fields the admin changed (a default shown in the form is not sent). */
function changedFields(before: Partial<Values>, after: AgencyUpdate): AgencyUpdate {
  const body: AgencyUpdate = {};
  if (after.name !== before.name) body.name = after.name;
  if (after.kind !== before.kind) body.kind = after.kind;
  if (after.abbreviation !== (before.abbreviation ?? '')) body.abbreviation = after.abbreviation;
  if (after.working_hours !== before.working_hours) body.working_hours = after.working_hours;
  return body;
}

export function AgencyFormModal({
  tree,
  editing,
  onClose,
  onSaved,
}: {
  tree: AgencyNode;
  editing: { mode: 'create'; parentCode: string } | { mode: 'edit'; agency: Agency };
  onClose: () => void;
  onSaved: (agency: Agency) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const creating = editing.mode === 'create';
  const formId = creating ? 'agency-create' : 'agency-edit';

  const initialValues: Partial<Values> = creating
    ? { parent_code: editing.parentCode, kind: 'department', working_hours: DEFAULT_WORKING_HOURS }
    : {
        code: editing.agency.code,
        name: editing.agency.name,
        kind: (AGENCY_KINDS as readonly string[]).includes(editing.agency.kind)
          ? (editing.agency.kind as AgencyKind)
          : 'other',
        abbreviation: editing.agency.abbreviation ?? '',
        working_hours: editing.agency.working_hours || DEFAULT_WORKING_HOURS,
      };

  // The tree, and the users (whose rows show their agency's name), change with an agency.
  const save = useMutation({
    mutationFn: (values: Values) => {
      const abbreviation = values.abbreviation?.trim() ?? '';
      return creating
        ? createAgency({
            parent_code: values.parent_code,
            code: values.code.trim(),
            name: values.name.trim(),
            kind: values.kind,
            ...(abbreviation ? { abbreviation } : {}),
            working_hours: values.working_hours.trim(),
          })
        : updateAgency(editing.agency.code, changedFields(initialValues, {
            name: values.name.trim(),
            kind: values.kind,
            abbreviation,
            working_hours: values.working_hours.trim(),
          }));
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.agencies.all }),
        queryClient.invalidateQueries({ queryKey: keys.users.all }),
      ]),
  });
  const saving = save.isPending;

  const onFinish = async (values: Values) => {
    setError(null);
    try {
      const saved = await save.mutateAsync(values);
      message.success(creating ? `Đã thêm đơn vị “${saved.name}”.` : `Đã lưu đơn vị “${saved.name}”.`);
      onSaved(saved);
    } catch (caught) {
      if (!showFieldErrors(form, caught, FIELDS)) setError(errorMessage(caught));
    }
  };

  return (
    <Modal
      open
      title={creating ? 'Thêm đơn vị' : `Sửa đơn vị: ${editing.agency.name}`}
      okText={creating ? 'Thêm đơn vị' : 'Lưu'}
      cancelText="Hủy"
      onCancel={onClose}
      okButtonProps={{ htmlType: 'submit', form: formId, loading: saving }}
      maskClosable={false}
      width={560}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="agency-error" />}
      <Form<Values>
        form={form}
        id={formId}
        name={formId}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        disabled={saving}
        requiredMark={false}
      >
        {creating && (
          <Form.Item
            name="parent_code"
            label="Đơn vị cấp trên"
            rules={[{ required: true, message: 'Vui lòng chọn đơn vị cấp trên.' }]}
          >
            <TreeSelect
              treeData={[agencyOptions(tree)]}
              treeDefaultExpandAll
              showSearch
              treeNodeFilterProp="title"
              placeholder="Chọn đơn vị cấp trên"
            />
          </Form.Item>
        )}
        <Form.Item
          name="code"
          label="Mã định danh"
          extra={creating ? 'Theo QCVN 102:2016, ví dụ 000.00.31.H48: chữ số, chữ in hoa và dấu chấm, tối đa 35 ký tự.' : undefined}
          normalize={(value: string) => value.toUpperCase()}
          rules={[
            { required: true, whitespace: true, message: 'Vui lòng nhập mã định danh.' },
            { max: 35, message: 'Mã định danh tối đa 35 ký tự.' },
          ]}
        >
          <Input disabled={!creating} autoFocus={creating} spellCheck={false} autoCapitalize="characters" />
        </Form.Item>
        <Form.Item
          name="name"
          label="Tên đơn vị"
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên đơn vị.' }]}
        >
          <Input autoFocus={!creating} />
        </Form.Item>
        <Form.Item name="kind" label="Loại đơn vị" rules={[{ required: true, message: 'Vui lòng chọn loại đơn vị.' }]}>
          <Select options={AGENCY_KINDS.map((kind) => ({ value: kind, label: agencyKindLabels[kind] }))} />
        </Form.Item>
        <Form.Item name="abbreviation" label="Ký hiệu" extra="Dùng trong số, ký hiệu văn bản, ví dụ UBND, VP, TNMT.">
          <Input spellCheck={false} />
        </Form.Item>
        <Form.Item
          name="working_hours"
          label="Giờ làm việc"
          extra="Các khoảng giờ cách nhau bởi dấu phẩy, ví dụ 07:30-11:30,13:00-17:00."
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập giờ làm việc.' }]}
        >
          <Input spellCheck={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
