// The actions the signed-in user may take on the document now — exactly its
// `allowed_actions`, as the server decided them from its status and the user's roles — each
// confirmed in a dialog with its fields: direct (lead, co-operating, informed: units or
// officers of the document's agency; deadline; instruction), progress (a note), complete (a
// note, the reply document), send back (a reason). Every action carries the document's
// `version`: when someone changed it first (409) the page says so and reloads it.
//
// The table below is where later actions plug in: an action the server lists but this table
// does not know is not shown (recall, accept_recall and refuse_recall are here already, with
// their reason, for when the server offers them).
import { useState, type ReactNode } from 'react';
import { Alert, Button, DatePicker, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import {
  AuditOutlined,
  CheckCircleOutlined,
  CheckOutlined,
  EditOutlined,
  FileDoneOutlined,
  FormOutlined,
  NumberOutlined,
  RollbackOutlined,
  SendOutlined,
  ApartmentOutlined,
  UndoOutlined,
  CloseOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';

import { useDebounced } from '../../components/useDebounced';

import { ApiError, errorMessage, fieldErrors } from '../../api/client';
import { actOnDocument, listDocuments, listUsers } from '../../api/endpoints';
import { keys, queries } from '../../api/queries';
import type { AgencyNode, DocumentActionBody, OfficialDocument, User } from '../../api/types';

type Fields = 'none' | 'direct' | 'progress' | 'complete' | 'note' | 'reason';

interface ActionSpec {
  label: string;
  help: string;
  icon: ReactNode;
  kind: 'primary' | 'default' | 'danger';
  ok: string;
  fields: Fields;
}

/** In the order the buttons are shown: the usual next step first. */
export const DOCUMENT_ACTIONS: Record<string, ActionSpec> = {
  register: {
    label: 'Vào sổ văn bản đến',
    help: 'Vào sổ văn bản đến của cơ quan: văn bản nhận số đến tiếp theo của năm.',
    icon: <NumberOutlined aria-hidden />,
    kind: 'primary',
    ok: 'Vào sổ',
    fields: 'none',
  },
  direct: {
    label: 'Chỉ đạo, giao xử lý',
    help: 'Giao đơn vị hoặc cán bộ chủ trì, phối hợp, để biết; hạn xử lý và ý kiến chỉ đạo.',
    icon: <ApartmentOutlined aria-hidden />,
    kind: 'primary',
    ok: 'Giao xử lý',
    fields: 'direct',
  },
  progress: {
    label: 'Cập nhật tiến độ',
    help: 'Ghi lại kết quả, tiến độ xử lý văn bản.',
    icon: <FormOutlined aria-hidden />,
    kind: 'default',
    ok: 'Lưu tiến độ',
    fields: 'progress',
  },
  complete: {
    label: 'Hoàn thành xử lý',
    help: 'Kết thúc xử lý văn bản; có thể ghi kết quả và văn bản trả lời.',
    icon: <CheckCircleOutlined aria-hidden />,
    kind: 'primary',
    ok: 'Hoàn thành',
    fields: 'complete',
  },
  submit: {
    label: 'Trình duyệt',
    help: 'Trình lãnh đạo cơ quan duyệt dự thảo.',
    icon: <SendOutlined aria-hidden />,
    kind: 'primary',
    ok: 'Trình',
    fields: 'none',
  },
  approve: {
    label: 'Duyệt',
    help: 'Đồng ý nội dung dự thảo.',
    icon: <CheckOutlined aria-hidden />,
    kind: 'primary',
    ok: 'Duyệt',
    fields: 'none',
  },
  sign: {
    label: 'Ký ban hành',
    help: 'Ký văn bản; văn thư sẽ kiểm tra thể thức, cấp số và phát hành.',
    icon: <EditOutlined aria-hidden />,
    kind: 'primary',
    ok: 'Ký',
    fields: 'none',
  },
  issue: {
    label: 'Phát hành (cấp số)',
    help: 'Cấp số văn bản đi tiếp theo của cơ quan, ghi số, ký hiệu, ngày ban hành và vào sổ văn bản đi.',
    icon: <FileDoneOutlined aria-hidden />,
    kind: 'primary',
    ok: 'Phát hành',
    fields: 'none',
  },
  send: {
    label: 'Gửi văn bản',
    help: 'Gửi văn bản đến từng cơ quan nhận qua hệ thống.',
    icon: <SendOutlined aria-hidden />,
    kind: 'primary',
    ok: 'Gửi',
    fields: 'none',
  },
  send_back: {
    label: 'Trả lại dự thảo',
    help: 'Trả dự thảo về người soạn để sửa; chữ ký (nếu có) bị hủy.',
    icon: <RollbackOutlined aria-hidden />,
    kind: 'default',
    ok: 'Trả lại',
    fields: 'note',
  },
  recall: {
    label: 'Thu hồi văn bản',
    help: 'Đề nghị các cơ quan nhận thu hồi văn bản đã gửi; nêu rõ lý do.',
    icon: <UndoOutlined aria-hidden />,
    kind: 'danger',
    ok: 'Thu hồi',
    fields: 'reason',
  },
  accept_recall: {
    label: 'Đồng ý thu hồi',
    help: 'Đồng ý thu hồi: văn bản được gỡ khỏi sổ và danh sách của cơ quan.',
    icon: <AuditOutlined aria-hidden />,
    kind: 'danger',
    ok: 'Đồng ý',
    fields: 'none',
  },
  refuse_recall: {
    label: 'Từ chối thu hồi',
    help: 'Từ chối đề nghị thu hồi; nêu rõ lý do.',
    icon: <CloseOutlined aria-hidden />,
    kind: 'default',
    ok: 'Từ chối',
    fields: 'reason',
  },
};

interface FormValues {
  lead?: string;
  co_op?: string[];
  inform?: string[];
  deadline?: Dayjs | null;
  instruction?: string;
  note?: string;
  reason?: string;
  reply_document_id?: number | null;
}

const UNIT_KINDS = new Set(['department', 'service_center']);

function findAgency(node: AgencyNode, code: string): AgencyNode | null {
  if (node.code === code) return node;
  for (const child of node.children) {
    const found = findAgency(child, code);
    if (found) return found;
  }
  return null;
}

/** The agency and its units (departments, service centres below it, not other agencies). */
function unitsOf(agency: AgencyNode): AgencyNode[] {
  const out: AgencyNode[] = [agency];
  const walk = (node: AgencyNode) =>
    node.children.filter((c) => UNIT_KINDS.has(c.kind)).forEach((c) => {
      out.push(c);
      walk(c);
    });
  walk(agency);
  return out;
}

/** Assignees of a direction: the document agency's units, then its officers. */
function useAssigneeOptions(document: OfficialDocument, enabled: boolean) {
  const tree = useQuery({ ...queries.agencyTree(), enabled });
  const users = useQuery({
    queryKey: [...keys.users.all, 'assignees', document.agency_code],
    queryFn: ({ signal }) => listUsers({ agency: document.agency_code, active: true, per_page: 500 }, signal),
    enabled,
  });
  const agency = tree.data ? findAgency(tree.data, document.agency_code) : null;
  const units = agency ? unitsOf(agency) : [];
  const codes = new Set(units.map((u) => u.code));
  const officers: User[] = (users.data?.items ?? []).filter((u) => codes.has(u.agency_code) || units.length === 0);
  return {
    loading: tree.isPending || users.isPending,
    options: [
      { label: 'Đơn vị', options: units.map((u) => ({ value: u.code, label: `${u.name} (${u.code})` })) },
      {
        label: 'Cán bộ',
        options: officers.map((u) => ({ value: u.username, label: `${u.full_name} (${u.username}) — ${u.agency_name}` })),
      },
    ],
  };
}

export function DocumentActions({
  document,
  onConflict,
}: {
  document: OfficialDocument;
  onConflict: (message: string) => void;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const shown = Object.keys(DOCUMENT_ACTIONS).filter((name) => document.allowed_actions.includes(name));
  if (shown.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="no-actions">
        Bạn không có thao tác nào với văn bản này ở trạng thái hiện tại.
      </Typography.Text>
    );
  }
  return (
    <>
      <Flex wrap gap={8} data-testid="document-actions">
        {shown.map((name) => {
          const spec = DOCUMENT_ACTIONS[name]!;
          return (
            <Button
              key={name}
              data-action={name}
              type={spec.kind === 'primary' ? 'primary' : 'default'}
              danger={spec.kind === 'danger'}
              icon={spec.icon}
              onClick={() => setOpen(name)}
            >
              {spec.label}
            </Button>
          );
        })}
      </Flex>
      {open && (
        <ActionDialog
          key={open}
          name={open}
          document={document}
          onClose={() => setOpen(null)}
          onConflict={(message) => {
            setOpen(null);
            onConflict(message);
          }}
        />
      )}
    </>
  );
}

function ActionDialog({
  name,
  document,
  onClose,
  onConflict,
}: {
  name: string;
  document: OfficialDocument;
  onClose: () => void;
  onConflict: (message: string) => void;
}) {
  const spec = DOCUMENT_ACTIONS[name]!;
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const assignees = useAssigneeOptions(document, spec.fields === 'direct');
  const act = useMutation({
    mutationFn: (body: DocumentActionBody) => actOnDocument(document.id, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(keys.documents.detail(document.id), updated);
      void queryClient.invalidateQueries({ queryKey: keys.documents.all });
    },
  });

  const initial: FormValues =
    spec.fields === 'direct'
      ? {
          lead: document.assignments.find((a) => a.kind === 'lead')?.username ??
            document.assignments.find((a) => a.kind === 'lead')?.agency_code ??
            undefined,
          co_op: document.assignments.filter((a) => a.kind === 'co_op').map((a) => a.username ?? a.agency_code ?? ''),
          inform: document.assignments.filter((a) => a.kind === 'inform').map((a) => a.username ?? a.agency_code ?? ''),
          deadline: document.deadline ? dayjs(document.deadline) : null,
          instruction: document.instruction,
        }
      : {};

  const finish = async (values: FormValues) => {
    setError(null);
    const body: Record<string, unknown> = { action: name, version: document.version };
    const text = (value: string | undefined) => (value ?? '').trim();
    switch (spec.fields) {
      case 'direct':
        body.lead = values.lead;
        if (values.co_op?.length) body.co_op = values.co_op;
        if (values.inform?.length) body.inform = values.inform;
        if (values.deadline) body.deadline = values.deadline.format('YYYY-MM-DD');
        if (text(values.instruction)) body.instruction = text(values.instruction);
        break;
      case 'progress':
        body.note = text(values.note);
        break;
      case 'complete':
        if (text(values.note)) body.note = text(values.note);
        if (values.reply_document_id) body.reply_document_id = values.reply_document_id;
        break;
      case 'note':
        if (text(values.note)) body.note = text(values.note);
        break;
      case 'reason':
        body.reason = text(values.reason);
        break;
      case 'none':
        break;
    }
    try {
      await act.mutateAsync(body as DocumentActionBody);
      onClose();
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) {
        onConflict(failure.message);
        return;
      }
      const fields = fieldErrors(failure).filter((f) =>
        ['lead', 'co_op', 'inform', 'deadline', 'instruction', 'note', 'reason', 'reply_document_id'].includes(f.name.replace(/\[\d+\]$/, '')),
      );
      if (fields.length > 0) form.setFields(fields.map((f) => ({ ...f, name: f.name.replace(/\[\d+\]$/, '') })) as never);
      setError(errorMessage(failure));
    }
  };

  const today = dayjs();
  return (
    <Modal
      open
      title={spec.label}
      okText={spec.ok}
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={act.isPending}
      okButtonProps={{ danger: spec.kind === 'danger', 'data-testid': 'action-ok' } as never}
      destroyOnHidden
      width={spec.fields === 'direct' ? 720 : 520}
    >
      <Typography.Paragraph type="secondary">{spec.help}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="action-error" />}
      <Form<FormValues> form={form} layout="vertical" initialValues={initial} onFinish={finish} requiredMark="optional">
        {spec.fields === 'direct' && (
          <>
            <Form.Item name="lead" label="Chủ trì" rules={[{ required: true, message: 'Chọn đơn vị hoặc cán bộ chủ trì.' }]}>
              <Select showSearch optionFilterProp="label" loading={assignees.loading} options={assignees.options} data-testid="direct-lead" autoFocus />
            </Form.Item>
            <Form.Item name="co_op" label="Phối hợp">
              <Select mode="multiple" showSearch optionFilterProp="label" loading={assignees.loading} options={assignees.options} data-testid="direct-coop" />
            </Form.Item>
            <Form.Item name="inform" label="Để biết">
              <Select mode="multiple" showSearch optionFilterProp="label" loading={assignees.loading} options={assignees.options} data-testid="direct-inform" />
            </Form.Item>
            <Form.Item name="deadline" label="Hạn xử lý">
              <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" disabledDate={(d) => d.isBefore(today, 'day')} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="instruction" label="Ý kiến chỉ đạo" rules={[{ max: 2000 }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {spec.fields === 'progress' && (
          <Form.Item name="note" label="Nội dung tiến độ" rules={[{ required: true, whitespace: true, message: 'Nhập nội dung tiến độ.' }, { max: 2000 }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} autoFocus />
          </Form.Item>
        )}
        {spec.fields === 'complete' && (
          <>
            <Form.Item name="note" label="Kết quả xử lý" rules={[{ max: 2000 }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} autoFocus />
            </Form.Item>
            <Form.Item name="reply_document_id" label="Văn bản trả lời (nếu có)">
              <ReplyPicker />
            </Form.Item>
          </>
        )}
        {spec.fields === 'note' && (
          <Form.Item name="note" label="Lý do" rules={[{ max: 2000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} autoFocus />
          </Form.Item>
        )}
        {spec.fields === 'reason' && (
          <Form.Item name="reason" label="Lý do" rules={[{ required: true, whitespace: true, message: 'Nhập lý do.' }, { max: 2000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} autoFocus />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** An outgoing document of the agency that answers this one: searched as one types. */
function ReplyPicker({ value, onChange }: { value?: number | null; onChange?: (value: number | null) => void }) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const found = useQuery({
    queryKey: [...keys.documents.all, 'reply-picker', q],
    queryFn: ({ signal }) => listDocuments({ direction: 'outgoing', q: q || undefined, per_page: 20 }, signal),
  });
  return (
    <Select<number>
      showSearch
      allowClear
      filterOption={false}
      value={value ?? undefined}
      onChange={(id) => onChange?.(id ?? null)}
      onSearch={setText}
      loading={found.isFetching}
      placeholder="Tìm văn bản đi theo số, ký hiệu hoặc trích yếu"
      notFoundContent="Không có văn bản đi phù hợp."
      options={(found.data?.items ?? []).map((d) => ({
        value: d.id,
        label: `${d.number_notation ?? 'Dự thảo'} — ${d.subject}`,
      }))}
      data-testid="reply-picker"
    />
  );
}
