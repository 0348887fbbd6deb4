// "/nop-ho-so/:code" — online submission of a dossier for one procedure, no account
// (POST /api/v1/public/submissions). Phone-first: one column, large targets. The citizen
// gives the applicant's details (phone required), declares the components they will hand
// in, and chooses the receiving agency among those the public list offers for the procedure's
// level (GET /api/v1/public/agencies?level=…: the agencies with a one-stop counter), the first
// chosen by default. The server accepts no other agency (422 naming agency_code, shown on the
// field); with no agency in the list the procedure cannot be submitted online now, and the
// page says to apply at the counter instead of showing the form.
// Then the dossier code, to keep, and a link to its lookup page.
import { useRef, useState, type MouseEvent } from 'react';
import { Alert, Button, Card, Form, Radio, Result, Space, Typography } from 'antd';
import { ArrowLeftOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { ApiError, errorMessage } from '../../api/client';
import { submitOnline } from '../../api/endpoints';
import { isNotFound, keys, queries } from '../../api/queries';
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

interface FormValues {
  applicant: ApplicantInput;
  agency_code: string;
}

/** The receiving agencies offered for the procedure's level, or why they are not known. */
type Receiving = { kind: 'list'; agencies: ReceivingAgency[] } | { kind: 'error'; message: string };

type State =
  | { kind: 'loading' }
  | { kind: 'found'; procedure: Procedure; receiving: Receiving }
  | { kind: 'error'; message: string; notFound: boolean };

export default function SubmitPage() {
  const code = (useParams<{ code: string }>().code ?? '').trim();
  const procedureQuery = useQuery(queries.procedure(code));
  const procedure = procedureQuery.data;
  // Asked once the procedure's level is known: only these agencies accept its online submissions.
  const receivingQuery = useQuery({ ...queries.receivingAgencies(procedure?.level), enabled: procedure !== undefined });
  const state: State = procedureQuery.isError
    ? { kind: 'error', message: errorMessage(procedureQuery.error), notFound: isNotFound(procedureQuery.error) }
    : procedure && !receivingQuery.isPending
      ? {
          kind: 'found',
          procedure,
          // A failed refetch keeps the list already shown.
          receiving: receivingQuery.data
            ? { kind: 'list', agencies: receivingQuery.data }
            : { kind: 'error', message: errorMessage(receivingQuery.error) },
        }
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

function SubmitForm({ procedure, receiving }: { procedure: Procedure; receiving: Receiving }) {
  const [form] = Form.useForm<FormValues>();
  const queryClient = useQueryClient();
  // As the server lists them (by code); only these are accepted.
  const agencies = receiving.kind === 'list' ? receiving.agencies : [];
  const [rows, setRows] = useState<ChecklistRow[]>(() => checklistFrom(procedure.components));
  const [componentsError, setComponentsError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<OnlineSubmissionAnswer | null>(null);
  const idempotencyKey = useRef(newIdempotencyKey());
  const submission = useMutation({
    mutationFn: (body: OnlineSubmission) => submitOnline(body, idempotencyKey.current),
  });
  const submitting = submission.isPending;

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
  if (receiving.kind === 'error') {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="submit-agencies-error"
        message="Không tải được danh sách nơi tiếp nhận hồ sơ."
        description={receiving.message}
        action={
          <Button size="small" onClick={() => void queryClient.invalidateQueries({ queryKey: keys.receivingAgencies(procedure.level) })}>
            Thử lại
          </Button>
        }
      />
    );
  }
  if (agencies.length === 0) {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="submit-no-agency"
        message="Hiện chưa có cơ quan nào tiếp nhận hồ sơ trực tuyến của thủ tục này."
        description="Bạn chưa thể nộp hồ sơ trực tuyến cho thủ tục này. Vui lòng nộp hồ sơ trực tiếp tại Bộ phận Một cửa của cơ quan có thẩm quyền."
      />
    );
  }

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
    try {
      const answer = await submission.mutateAsync({
        procedure_code: procedure.code,
        channel: 'online',
        agency_code: values.agency_code,
        applicant: cleanApplicant(values.applicant),
        components: checkedComponents(rows),
      });
      setDone(answer);
      window.scrollTo({ top: 0 });
    } catch (error) {
      showIntakeErrors(form, error, { ...APPLICANT_ERROR_FIELDS, agency_code: ['agency_code'] }, setComponentsError, setFormError);
      // The agency refused (no longer receiving?): ask the list again, so the choices are current.
      if (error instanceof ApiError && error.details?.agency_code) {
        void queryClient.invalidateQueries({ queryKey: keys.receivingAgencies(procedure.level) });
      }
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
        initialValues={{ agency_code: agencies[0]?.code }}
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
              name="agency_code"
              label="Cơ quan tiếp nhận"
              extra="Các cơ quan có Bộ phận Một cửa tiếp nhận hồ sơ trực tuyến của thủ tục này."
              rules={[{ required: true, message: 'Vui lòng chọn nơi tiếp nhận hồ sơ.' }]}
            >
              <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="submit-agencies">
                {agencies.map((agency) => (
                  <Radio key={agency.code} value={agency.code}>
                    {agency.name} <Text type="secondary">({agency.code})</Text>
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
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
