// The actions the signed-in user may take on the dossier now — exactly the dossier's
// `allowed_actions`, as the server decided them — each with its form in a dialog: forward
// (optionally naming the next step's officer), send back (optional reason), request a
// supplement (reason and the missing components: a checklist from the dossier's components and
// free text), receive the supplement, refuse, reschedule (reason and the new appointment),
// complete, return the result, withdraw, stop, accept. Every action carries the dossier's
// `version`: when someone else changed it first (409) the page says so and reloads it.
import { useState } from 'react';
import { Alert, App, Button, Checkbox, DatePicker, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import {
  CheckCircleOutlined,
  CheckOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  FileSearchOutlined,
  RollbackOutlined,
  SendOutlined,
  StopOutlined,
  UndoOutlined,
  InboxOutlined,
  ExportOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';

import { ApiError, errorMessage, fieldErrors } from '../../api/client';
import { actOnDossier } from '../../api/endpoints';
import { keys, queries } from '../../api/queries';
import type { Dossier, DossierActionBody, DossierActionName } from '../../api/types';
import { formatOfficialTime } from '../../format';

interface ActionSpec {
  /** The button's label (and the dialog's title). */
  label: string;
  /** What the dialog explains before the user confirms. */
  help: string;
  icon: ReactNode;
  kind: 'primary' | 'default' | 'danger';
  /** The confirm button's label. */
  ok: string;
}

/** In the order buttons are shown: the usual next step first, the rare endings last. */
export const ACTIONS: Record<DossierActionName, ActionSpec> = {
  accept: {
    label: 'Tiếp nhận',
    help: 'Tiếp nhận hồ sơ nộp trực tuyến: thời hạn giải quyết tính từ bây giờ.',
    icon: <CheckOutlined aria-hidden />,
    kind: 'primary',
    ok: 'Tiếp nhận',
  },
  forward: {
    label: 'Chuyển bước tiếp theo',
    help: 'Chuyển hồ sơ sang bước xử lý tiếp theo. Có thể chỉ định cán bộ xử lý.',
    icon: <SendOutlined aria-hidden />,
    kind: 'primary',
    ok: 'Chuyển',
  },
  complete: {
    label: 'Hoàn thành, chuyển trả kết quả',
    help: 'Đã có kết quả giải quyết: hồ sơ chuyển về Bộ phận Một cửa để trả cho công dân.',
    icon: <CheckCircleOutlined aria-hidden />,
    kind: 'primary',
    ok: 'Hoàn thành',
  },
  return_result: {
    label: 'Trả kết quả',
    help: 'Xác nhận đã trả kết quả cho người nộp hồ sơ.',
    icon: <ExportOutlined aria-hidden />,
    kind: 'primary',
    ok: 'Trả kết quả',
  },
  receive_supplement: {
    label: 'Nhận hồ sơ bổ sung',
    help: 'Người nộp đã bổ sung đủ: hồ sơ tiếp tục được giải quyết với thời gian còn lại.',
    icon: <InboxOutlined aria-hidden />,
    kind: 'primary',
    ok: 'Đã nhận bổ sung',
  },
  send_back: {
    label: 'Trả lại bước trước',
    help: 'Trả hồ sơ về bước trước để xử lý lại.',
    icon: <RollbackOutlined aria-hidden />,
    kind: 'default',
    ok: 'Trả lại',
  },
  request_supplement: {
    label: 'Yêu cầu bổ sung',
    help: 'Nêu rõ lý do và liệt kê đầy đủ các thành phần cần bổ sung (một lần). Thời hạn giải quyết tạm dừng đến khi nhận bổ sung.',
    icon: <FileSearchOutlined aria-hidden />,
    kind: 'default',
    ok: 'Gửi yêu cầu bổ sung',
  },
  reschedule: {
    label: 'Hẹn lại ngày trả',
    help: 'Hồ sơ không kịp hạn: gửi thư xin lỗi và hẹn lại thời điểm trả kết quả (chỉ một lần, chậm nhất một ngày làm việc trước hạn).',
    icon: <ClockCircleOutlined aria-hidden />,
    kind: 'default',
    ok: 'Hẹn lại',
  },
  refuse: {
    label: 'Từ chối giải quyết',
    help: 'Từ chối giải quyết hồ sơ, nêu rõ lý do bằng văn bản.',
    icon: <CloseCircleOutlined aria-hidden />,
    kind: 'danger',
    ok: 'Từ chối',
  },
  withdraw: {
    label: 'Rút hồ sơ',
    help: 'Người nộp có văn bản đề nghị rút hồ sơ.',
    icon: <UndoOutlined aria-hidden />,
    kind: 'danger',
    ok: 'Rút hồ sơ',
  },
  stop: {
    label: 'Dừng giải quyết',
    help: 'Dừng giải quyết hồ sơ, nêu rõ lý do.',
    icon: <StopOutlined aria-hidden />,
    kind: 'danger',
    ok: 'Dừng giải quyết',
  },
};

const ORDER = Object.keys(ACTIONS) as DossierActionName[];

function isAction(name: string): name is DossierActionName {
  return name in ACTIONS;
}

interface FormValues {
  to_user?: string;
  reason?: string;
  missing_components?: string[];
  missing_other?: string;
  new_due_at?: Dayjs;
}

/** The request body of `action` from the dialog's fields. */
function bodyOf(action: DossierActionName, values: FormValues, version: number): DossierActionBody {
  const reason = values.reason?.trim() ?? '';
  switch (action) {
    case 'forward':
      return { action, version, ...(values.to_user ? { to_user: values.to_user } : {}) };
    case 'send_back':
      return { action, version, ...(reason ? { reason } : {}) };
    case 'request_supplement': {
      const other = (values.missing_other ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      return { action, version, reason, missing: [...(values.missing_components ?? []), ...other] };
    }
    case 'refuse':
    case 'withdraw':
    case 'stop':
      return { action, version, reason };
    case 'reschedule':
      return {
        action,
        version,
        reason,
        // The time as the officer reads it, in Vietnam time whatever the device's zone.
        new_due_at: `${values.new_due_at?.format('YYYY-MM-DDTHH:mm') ?? ''}:00+07:00`,
      };
    default:
      return { action, version } as DossierActionBody;
  }
}

export function ActionPanel({ dossier, onConflict }: { dossier: Dossier; onConflict: (message: string) => void }) {
  const [open, setOpen] = useState<DossierActionName | null>(null);
  const allowed = dossier.allowed_actions.filter(isAction);
  const actions = ORDER.filter((name) => allowed.includes(name));

  if (actions.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="no-actions">
        Bạn không có thao tác nào với hồ sơ này ở bước hiện tại.
      </Typography.Text>
    );
  }
  return (
    <>
      <Flex wrap gap={8} data-testid="dossier-actions">
        {actions.map((name) => {
          const spec = ACTIONS[name];
          return (
            <Button
              key={name}
              type={spec.kind === 'primary' ? 'primary' : 'default'}
              danger={spec.kind === 'danger'}
              icon={spec.icon}
              data-action={name}
              onClick={() => setOpen(name)}
            >
              {spec.label}
            </Button>
          );
        })}
      </Flex>
      {open && <ActionDialog key={open} action={open} dossier={dossier} onClose={() => setOpen(null)} onConflict={onConflict} />}
    </>
  );
}

function ActionDialog({
  action,
  dossier,
  onClose,
  onConflict,
}: {
  action: DossierActionName;
  dossier: Dossier;
  onClose: () => void;
  onConflict: (message: string) => void;
}) {
  const spec = ACTIONS[action];
  const [form] = Form.useForm<FormValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const officers = useQuery({ ...queries.dossierOfficers(dossier.code, 'next'), enabled: action === 'forward' });

  const mutation = useMutation({
    mutationFn: (body: DossierActionBody) => actOnDossier(dossier.code, body),
    onSuccess: (answer) => {
      queryClient.setQueryData(keys.dossiers.detail(dossier.code), answer);
      void queryClient.invalidateQueries({ queryKey: keys.dossiers.all });
      void queryClient.invalidateQueries({ queryKey: keys.tasks.all });
    },
  });

  const submit = async (values: FormValues) => {
    setFailure(null);
    try {
      await mutation.mutateAsync(bodyOf(action, values, dossier.version));
      message.success(`${spec.label}: đã thực hiện.`);
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        onClose();
        onConflict(error.message);
        return;
      }
      const fields = fieldErrors(error, { missing: 'missing_other' });
      if (fields.length > 0) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      setFailure(errorMessage(error));
    }
  };

  const reasonRequired = ['request_supplement', 'refuse', 'reschedule', 'withdraw', 'stop'].includes(action);
  const componentNames = dossier.components.map((c) => c.name);

  return (
    <Modal
      open
      title={spec.label}
      onCancel={onClose}
      okText={spec.ok}
      cancelText="Hủy"
      okButtonProps={{ danger: spec.kind === 'danger', loading: mutation.isPending }}
      onOk={() => form.submit()}
      destroyOnHidden
      data-testid="action-dialog"
    >
      <Typography.Paragraph type="secondary">{spec.help}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} data-testid="action-error" />}
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} requiredMark="optional">
        {action === 'forward' && (
          <Form.Item
            name="to_user"
            label="Cán bộ xử lý bước tiếp theo"
            extra="Để trống: mọi cán bộ của bước tiếp theo đều nhận được hồ sơ."
          >
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              loading={officers.isPending}
              placeholder="Không chỉ định"
              notFoundContent={officers.isError ? errorMessage(officers.error) : 'Không có cán bộ nào.'}
              options={(officers.data ?? []).map((o) => ({ value: o.username, label: `${o.full_name} (${o.username})` }))}
            />
          </Form.Item>
        )}
        {action === 'request_supplement' && (
          <>
            <Form.Item name="missing_components" label="Thành phần cần bổ sung">
              <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} options={componentNames} />
            </Form.Item>
            <Form.Item
              name="missing_other"
              label="Giấy tờ khác cần bổ sung (mỗi dòng một giấy tờ)"
              dependencies={['missing_components']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: string | undefined) =>
                    (getFieldValue('missing_components') ?? []).length > 0 || (value ?? '').trim()
                      ? Promise.resolve()
                      : Promise.reject(new Error('Chọn hoặc ghi ít nhất một thành phần cần bổ sung.')),
                }),
              ]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
            </Form.Item>
          </>
        )}
        {action === 'reschedule' && (
          <Form.Item
            name="new_due_at"
            label="Thời điểm hẹn trả kết quả mới"
            extra={`Hẹn hiện tại: ${formatOfficialTime(dossier.due_at)}. Chọn một thời điểm muộn hơn, trong giờ làm việc.`}
            rules={[{ required: true, message: 'Vui lòng chọn thời điểm hẹn mới.' }]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm', minuteStep: 5 }}
              format="DD/MM/YYYY HH:mm"
              style={{ width: '100%' }}
              disabledDate={(day) => day.isBefore(dayjs(dossier.due_at ?? undefined), 'day')}
            />
          </Form.Item>
        )}
        {(reasonRequired || action === 'send_back') && (
          <Form.Item
            name="reason"
            label={action === 'send_back' ? 'Lý do trả lại' : 'Lý do'}
            rules={
              reasonRequired
                ? [{ required: true, whitespace: true, message: 'Vui lòng nêu rõ lý do.' }]
                : undefined
            }
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
