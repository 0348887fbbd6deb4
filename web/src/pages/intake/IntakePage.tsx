// "/can-bo/tiep-nhan" — the reception desk (reception role): pick the procedure (search as
// one types, ↑/↓/Enter), fill in the applicant, tick the components received, choose the
// channel and press "Tiếp nhận" (or Ctrl+Enter) → POST /api/v1/dossiers with one
// Idempotency-Key per dossier (a double click or a retry never makes two). Then the code, the
// received and due times, "In giấy hẹn" (Form 01, a PDF in a new tab) and
// "Tiếp nhận hồ sơ khác" for the next citizen.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Card, Flex, Form, Radio, Space, Tag, Typography, type InputRef } from 'antd';
import { CheckOutlined, SwapOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';

import { useMutation, useQueryClient } from '@tanstack/react-query';

import { errorMessage } from '../../api/client';
import { createDossier } from '../../api/endpoints';
import { keys, queries } from '../../api/queries';
import type { ApplicantInput, Dossier, IntakeChannel, IntakeRequest, Procedure } from '../../api/types';
import { ApplicantFields } from '../../components/dossier/ApplicantFields';
import {
  APPLICANT_ERROR_FIELDS,
  cleanApplicant,
  newIdempotencyKey,
  showIntakeErrors,
} from '../../components/dossier/applicant';
import {
  ComponentChecklist,
  checkedComponents,
  checklistFrom,
  incompleteRows,
  type ChecklistRow,
} from '../../components/dossier/ComponentChecklist';
import { paths } from '../../paths';
import { ReceiptResult } from '../../components/dossier/ReceiptResult';
import { usePageTitle } from '../../components/usePageTitle';
import { procedureLevelLabel } from '../../labels';
import { feeText, timeLimitText } from '../catalog/procedureText';
import { ProcedurePicker } from './ProcedurePicker';

interface FormValues {
  applicant: ApplicantInput;
  channel: IntakeChannel;
}

const INITIAL: Partial<FormValues> = { channel: 'direct' };

export default function IntakePage() {
  usePageTitle('Tiếp nhận hồ sơ');
  const [form] = Form.useForm<FormValues>();
  const pickerRef = useRef<InputRef>(null);
  const nameRef = useRef<InputRef>(null);
  const [procedure, setProcedure] = useState<Procedure | null>(null);
  const [loadingCode, setLoadingCode] = useState<string | null>(null);
  const [rows, setRows] = useState<ChecklistRow[]>([]);
  const [componentsError, setComponentsError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  // The dossier just received lives in the history entry, so Back from its detail page
  // returns to the code and "In giấy hẹn".
  const location = useLocation();
  const navigate = useNavigate();
  const received = (location.state as { received?: Dossier } | null)?.received ?? null;
  const setReceived = (dossier: Dossier | null) =>
    navigate(paths.intake, { replace: true, state: dossier ? { received: dossier } : null });
  // One key per dossier being received: kept across retries, renewed for the next citizen.
  const idempotencyKey = useRef(newIdempotencyKey());
  const queryClient = useQueryClient();
  // A new dossier: every dossier list may now hold it.
  const intake = useMutation({
    mutationFn: (body: IntakeRequest) => createDossier(body, idempotencyKey.current),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.dossiers.all }),
  });
  const submitting = intake.isPending;

  const pick = async (code: string) => {
    setLoadingCode(code);
    setFormError(null);
    try {
      const chosen = await queryClient.fetchQuery(queries.procedure(code));
      setProcedure(chosen);
      setRows(checklistFrom(chosen.components));
      setComponentsError(null);
    } catch (error) {
      setFormError(errorMessage(error));
    } finally {
      setLoadingCode(null);
    }
  };

  // The desk opens on the procedure search.
  useEffect(() => {
    pickerRef.current?.focus();
  }, []);

  // A procedure chosen: straight to the applicant's name.
  useEffect(() => {
    if (procedure && !received) nameRef.current?.focus();
  }, [procedure, received]);

  const changeProcedure = () => {
    setProcedure(null);
    setRows([]);
    setComponentsError(null);
    window.setTimeout(() => pickerRef.current?.focus(), 0);
  };

  const nextCitizen = () => {
    form.resetFields();
    setReceived(null);
    setProcedure(null);
    setRows([]);
    setComponentsError(null);
    setFormError(null);
    idempotencyKey.current = newIdempotencyKey();
    window.setTimeout(() => pickerRef.current?.focus(), 0);
  };

  const onRowsChange = (next: ChecklistRow[]) => {
    setRows(next);
    if (componentsError && incompleteRows(next).length === 0) setComponentsError(null);
  };

  const finish = async (values: FormValues) => {
    if (!procedure || submitting) return;
    setFormError(null);
    const missing = incompleteRows(rows);
    if (missing.length > 0) {
      setComponentsError(`Chưa nhận đủ thành phần hồ sơ: ${missing.join('; ')}.`);
      document.querySelector('[data-testid="component-checklist"]')?.scrollIntoView({ block: 'center' });
      return;
    }
    setComponentsError(null);
    try {
      const dossier = await intake.mutateAsync({
        procedure_code: procedure.code,
        channel: values.channel,
        applicant: cleanApplicant(values.applicant),
        components: checkedComponents(rows),
      });
      setReceived(dossier);
    } catch (error) {
      showIntakeErrors(form, error, APPLICANT_ERROR_FIELDS, setComponentsError, setFormError);
    }
  };

  // Ctrl+Enter (⌘+Enter) anywhere in the form receives the dossier.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && procedure && !received) {
      event.preventDefault();
      form.submit();
    }
  };

  return (
    <div onKeyDown={onKeyDown}>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        Tiếp nhận hồ sơ
      </Typography.Title>

      {received ? (
        <ReceiptResult dossier={received} onNext={nextCitizen} />
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title="1. Thủ tục hành chính">
            {procedure ? (
              <ChosenProcedure procedure={procedure} onChange={changeProcedure} />
            ) : (
              <ProcedurePicker ref={pickerRef} onPick={pick} disabled={loadingCode !== null} />
            )}
            {loadingCode && <Typography.Text type="secondary">Đang mở thủ tục {loadingCode}…</Typography.Text>}
          </Card>

          {formError && <Alert type="error" showIcon message={formError} data-testid="intake-error" />}

          {procedure && (
            <Form<FormValues>
              form={form}
              layout="vertical"
              initialValues={INITIAL}
              onFinish={finish}
              scrollToFirstError
              requiredMark="optional"
              disabled={submitting}
              aria-label="Thông tin hồ sơ tiếp nhận"
            >
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                <Card size="small" title="2. Người nộp hồ sơ">
                  <ApplicantFields firstFieldRef={nameRef} />
                </Card>
                <Card size="small" title="3. Thành phần hồ sơ đã nhận">
                  <ComponentChecklist
                    rows={rows}
                    onChange={onRowsChange}
                    checkLabel="Đã nhận"
                    checkAllLabel="Đã nhận đủ tất cả"
                    error={componentsError}
                  />
                </Card>
                <Card size="small">
                  <Flex wrap gap={16} align="center" justify="space-between">
                    <Form.Item name="channel" label="Hình thức nộp" rules={[{ required: true }]} style={{ marginBottom: 0 }}>
                      <Radio.Group
                        optionType="button"
                        options={[
                          { value: 'direct', label: 'Trực tiếp' },
                          { value: 'postal', label: 'Bưu chính' },
                        ]}
                      />
                    </Form.Item>
                    <Space direction="vertical" size={2} align="end">
                      <Button type="primary" size="large" htmlType="submit" icon={<CheckOutlined aria-hidden />} loading={submitting}>
                        Tiếp nhận
                      </Button>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        hoặc Ctrl+Enter
                      </Typography.Text>
                    </Space>
                  </Flex>
                </Card>
              </Space>
            </Form>
          )}
        </Space>
      )}
    </div>
  );
}

function ChosenProcedure({ procedure, onChange }: { procedure: Procedure; onChange: () => void }) {
  return (
    <Flex justify="space-between" align="start" gap={12} wrap data-testid="intake-procedure">
      <div style={{ minWidth: 0, flex: '1 1 320px' }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {procedure.name}
        </Typography.Text>
        <div>
          <Space size={[4, 4]} wrap>
            <Tag>Mã {procedure.code}</Tag>
            <Tag color="blue">{procedure.field}</Tag>
            <Tag color="geekblue">{procedureLevelLabel(procedure.level)}</Tag>
            <Tag>Thời hạn: {timeLimitText(procedure.time_limit)}</Tag>
            <Tag>Lệ phí: {feeText(procedure.fee)}</Tag>
          </Space>
        </div>
      </div>
      <Button icon={<SwapOutlined aria-hidden />} onClick={onChange}>
        Đổi thủ tục
      </Button>
    </Flex>
  );
}
