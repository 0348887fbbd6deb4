// "/nop-ho-so/:code" — online submission of a dossier for one procedure, no account
// (POST /api/v1/public/submissions). Phone-first: one column, large targets. The citizen
// gives the applicant's details (phone required), declares the components they will hand
// in, and chooses the receiving agency: the agencies with a one-stop counter for the
// procedure's level (GET /api/v1/public/agencies), then the agencies named in its steps, or
// "Cơ quan khác" with its code typed in (checked against the pattern of QCVN 102:2016 agency
// codes; the server checks it exists).
// Then the dossier code, to keep, and a link to its lookup page.
import { useRef, useState, type MouseEvent } from 'react';
import { Alert, Button, Card, Form, Input, Radio, Result, Space, Typography } from 'antd';
import { ArrowLeftOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';

import { useMutation, useQuery } from '@tanstack/react-query';

import { errorMessage } from '../../api/client';
import { submitOnline } from '../../api/endpoints';
import { isNotFound, queries } from '../../api/queries';
import type { ApplicantInput, OnlineSubmission, OnlineSubmissionAnswer, Procedure, ReceivingAgency } from '../../api/types';
import { ApplicantFields } from '../../components/dossier/ApplicantFields';
import { APPLICANT_ERROR_FIELDS, cleanApplicant, newIdempotencyKey, showIntakeErrors } from '../../components/dossier/applicant';
import {
  ComponentChecklist,
  checkedComponents,
  checklistFrom,
  incompleteRows,
  type ChecklistRow,
} from '../../components/dossier/ComponentChecklist';
import { PageLoading } from '../../components/PageLoading';
import { usePageTitle } from '../../components/usePageTitle';
import { paths } from '../../paths';
import { feeText, timeLimitText } from '../catalog/procedureText';

const { Title, Text, Paragraph } = Typography;

/** The choice that reveals the typed agency code. */
const OTHER = '__other__';
/** QCVN 102:2016 agency codes: V1V2V3.Z1Z2.Y1Y2.MX1X2, e.g. 000.21.99.H48. */
const AGENCY_CODE = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}$/;

interface FormValues {
  applicant: ApplicantInput;
  agency_choice: string;
  agency_other?: string;
}

type State =
  | { kind: 'loading' }
  | { kind: 'found'; procedure: Procedure; receiving: ReceivingAgency[] }
  | { kind: 'error'; message: string; notFound: boolean };

/** The agencies named in the steps, in order, once each, with the first step each one acts in. */
function stepAgencies(procedure: Procedure): { code: string; step: string }[] {
  const seen = new Map<string, string>();
  for (const step of procedure.steps) {
    if (step.agency_code && !seen.has(step.agency_code)) seen.set(step.agency_code, step.name);
  }
  return [...seen].map(([code, step]) => ({ code, step }));
}

export default function SubmitPage() {
  const code = (useParams<{ code: string }>().code ?? '').trim();
  const procedureQuery = useQuery(queries.procedure(code));
  const procedure = procedureQuery.data;
  // Asked once the procedure's level is known; without it the step agencies and "Cơ quan khác" still work.
  const receivingQuery = useQuery({ ...queries.receivingAgencies(procedure?.level), enabled: procedure !== undefined });
  const state: State = procedureQuery.isError
    ? { kind: 'error', message: errorMessage(procedureQuery.error), notFound: isNotFound(procedureQuery.error) }
    : procedure && !receivingQuery.isPending
      ? { kind: 'found', procedure, receiving: receivingQuery.data ?? [] }
      : { kind: 'loading' };
  usePageTitle(state.kind === 'found' ? `Nộp hồ sơ: ${state.procedure.name}` : 'Nộp hồ sơ trực tuyến');


  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} className="egov-submit">
      <Link to={paths.procedure(code)}>
        <ArrowLeftOutlined aria-hidden /> Thông tin thủ tục
      </Link>
      {state.kind === 'loading' && <PageLoading tip="Đang tải thủ tục…" />}
      {state.kind === 'error' &&
        (state.notFound ? (
          <div data-testid="submit-not-found">
            <Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
              Không tìm thấy thủ tục
            </Title>
            <Paragraph>
              Không có thủ tục hành chính mã <Text strong>{code}</Text>. Vui lòng tìm lại trong{' '}
              <Link to={paths.catalog}>danh mục thủ tục hành chính</Link>.
            </Paragraph>
          </div>
        ) : (
          <Alert type="error" showIcon message={state.message} />
        ))}
      {state.kind === 'found' && <SubmitForm procedure={state.procedure} receiving={state.receiving} />}
    </Space>
  );
}

function SubmitForm({ procedure, receiving }: { procedure: Procedure; receiving: ReceivingAgency[] }) {
  const [form] = Form.useForm<FormValues>();
  // One-stop counters first (by name), then the step agencies not among them (by code).
  const agencies: { code: string; label: string; detail: string }[] = [
    ...receiving.map((agency) => ({ code: agency.code, label: agency.name, detail: 'Bộ phận Một cửa' })),
    ...stepAgencies(procedure)
      .filter((step) => !receiving.some((agency) => agency.code === step.code))
      .map((step) => ({ code: step.code, label: 'Mã cơ quan', detail: `nơi thực hiện bước “${step.step}”` })),
  ];
  const [rows, setRows] = useState<ChecklistRow[]>(() => checklistFrom(procedure.components));
  const [componentsError, setComponentsError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<OnlineSubmissionAnswer | null>(null);
  const idempotencyKey = useRef(newIdempotencyKey());
  const submission = useMutation({
    mutationFn: (body: OnlineSubmission) => submitOnline(body, idempotencyKey.current),
  });
  const submitting = submission.isPending;
  const choice = Form.useWatch('agency_choice', form);

  if (procedure.online_level === 'none') {
    return (
      <Alert
        type="warning"
        showIcon
        message="Thủ tục này chưa hỗ trợ nộp hồ sơ trực tuyến. Vui lòng nộp hồ sơ trực tiếp tại Bộ phận Một cửa."
      />
    );
  }
  if (done) return <Submitted answer={done} procedure={procedure} />;

  const finish = async (values: FormValues) => {
    if (submitting) return;
    setFormError(null);
    const missing = incompleteRows(rows);
    if (missing.length > 0) {
      setComponentsError(`Hồ sơ cần đủ các thành phần sau: ${missing.join('; ')}. Vui lòng đánh dấu “Sẽ nộp” và số bản.`);
      document.querySelector('[data-testid="component-checklist"]')?.scrollIntoView({ block: 'center' });
      return;
    }
    setComponentsError(null);
    const other = values.agency_choice === OTHER;
    const agencyCode = other ? (values.agency_other ?? '').trim().toUpperCase() : values.agency_choice;
    try {
      const answer = await submission.mutateAsync({
        procedure_code: procedure.code,
        channel: 'online',
        agency_code: agencyCode,
        applicant: cleanApplicant(values.applicant),
        components: checkedComponents(rows),
      });
      setDone(answer);
      window.scrollTo({ top: 0 });
    } catch (error) {
      const fields = {
        ...APPLICANT_ERROR_FIELDS,
        agency_code: [other ? 'agency_other' : 'agency_choice'],
      };
      showIntakeErrors(form, error, fields, setComponentsError, setFormError);
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Title level={1} style={{ fontSize: 24, marginTop: 0, marginBottom: 4 }}>
          Nộp hồ sơ trực tuyến
        </Title>
        <Text strong data-testid="submit-procedure">
          {procedure.name}
        </Text>
        <div>
          <Text type="secondary">
            Mã {procedure.code} · Thời hạn: {timeLimitText(procedure.time_limit)} · Lệ phí: {feeText(procedure.fee)}
          </Text>
        </div>
      </div>

      {formError && <Alert type="error" showIcon message={formError} data-testid="submit-error" />}

      <Form<FormValues>
        form={form}
        layout="vertical"
        size="large"
        onFinish={finish}
        scrollToFirstError
        requiredMark="optional"
        disabled={submitting}
        initialValues={{ agency_choice: agencies[0]?.code ?? OTHER }}
        aria-label="Nộp hồ sơ trực tuyến"
      >
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title="1. Người nộp hồ sơ">
            <ApplicantFields />
          </Card>
          <Card size="small" title="2. Thành phần hồ sơ sẽ nộp">
            <Paragraph type="secondary" style={{ marginTop: 0 }}>
              Đánh dấu các giấy tờ bạn sẽ nộp và số bản. Mang theo bản chính khi đến nhận kết quả.
            </Paragraph>
            <ComponentChecklist
              rows={rows}
              onChange={(next) => {
                setRows(next);
                if (componentsError && incompleteRows(next).length === 0) setComponentsError(null);
              }}
              checkLabel="Sẽ nộp"
              checkAllLabel="Chọn tất cả"
              error={componentsError}
            />
          </Card>
          <Card size="small" title="3. Nơi tiếp nhận hồ sơ">
            <Form.Item
              name="agency_choice"
              label="Cơ quan tiếp nhận"
              rules={[{ required: true, message: 'Vui lòng chọn nơi tiếp nhận hồ sơ.' }]}
            >
              <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
                {agencies.map((agency) => (
                  <Radio key={agency.code} value={agency.code}>
                    {agency.label} <Text strong>({agency.code})</Text>
                    <Text type="secondary"> — {agency.detail}</Text>
                  </Radio>
                ))}
                <Radio value={OTHER}>Cơ quan khác (nhập mã cơ quan)</Radio>
              </Radio.Group>
            </Form.Item>
            {choice === OTHER && (
              <Form.Item
                name="agency_other"
                label="Mã cơ quan tiếp nhận"
                extra="Mã định danh của cơ quan, ví dụ 000.21.99.H48 (in trên giấy tờ, trang thông tin của cơ quan)."
                normalize={(value: string | undefined) => value?.toUpperCase().replace(/\s+/g, '')}
                rules={[
                  { required: true, message: 'Vui lòng nhập mã cơ quan tiếp nhận.' },
                  { pattern: AGENCY_CODE, message: 'Mã cơ quan gồm 4 nhóm, ví dụ 000.21.99.H48.' },
                ]}
              >
                <Input autoComplete="off" maxLength={35} placeholder="000.21.99.H48" />
              </Form.Item>
            )}
          </Card>
          <Button type="primary" size="large" htmlType="submit" block icon={<SendOutlined aria-hidden />} loading={submitting}>
            Nộp hồ sơ
          </Button>
        </Space>
      </Form>
    </Space>
  );
}

function Submitted({ answer, procedure }: { answer: OnlineSubmissionAnswer; procedure: Procedure }) {
  const navigate = useNavigate();
  const lookup = paths.lookup(answer.code);
  return (
    <Card data-testid="submit-result">
      <Result
        status="success"
        title="Đã nộp hồ sơ trực tuyến"
        subTitle={procedure.name}
        style={{ padding: '16px 0' }}
        extra={
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <div>
              <Text type="secondary">Mã hồ sơ của bạn</Text>
              <div>
                <Text className="egov-intake-code" copyable data-testid="submit-code">
                  {answer.code}
                </Text>
              </div>
            </div>
            <Alert
              type="warning"
              showIcon
              style={{ textAlign: 'left' }}
              message="Hãy ghi lại hoặc chụp màn hình mã hồ sơ này."
              description="Bạn cần mã hồ sơ để tra cứu tình trạng giải quyết. Bộ phận Một cửa sẽ kiểm tra và tiếp nhận hồ sơ; thời hạn giải quyết được tính từ lúc hồ sơ được tiếp nhận."
            />
            <Button
              type="primary"
              size="large"
              block
              href={lookup}
              onClick={(event: MouseEvent<HTMLElement>) => {
                if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return; // new tab
                event.preventDefault();
                navigate(lookup);
              }}
              data-testid="submit-lookup"
            >
              Tra cứu hồ sơ
            </Button>
          </Space>
        }
      />
    </Card>
  );
}
