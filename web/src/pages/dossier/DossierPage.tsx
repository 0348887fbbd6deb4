// "/can-bo/ho-so/:code" — one dossier (GET /api/v1/dossiers/{code}): where it stands (status,
// current step with its due time and officer, the appointment with an overdue / due-soon
// mark), the actions the user may take now (the server's `allowed_actions`) with their forms,
// the PDFs, the timeline as the control sheet, the citizen's rating, then the applicant and
// the components.
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Rate, Space, Typography } from 'antd';
import { FilePdfOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';

import { errorMessage } from '../../api/client';
import { formPdfUrl, receiptPdfUrl } from '../../api/endpoints';
import { isNotFound, queries } from '../../api/queries';
import type { Dossier, DossierFormName, RatingCriterion } from '../../api/types';
import { DossierDetails, DossierStatusTag } from '../../components/dossier/DossierDetails';
import { MarkTag, dossierMark, stepMark } from '../../components/dossier/marks';
import { PageLoading } from '../../components/PageLoading';
import { usePageTitle } from '../../components/usePageTitle';
import { formatOfficialTime } from '../../format';
import { stepRoleLabel } from '../../labels';
import { ActionPanel } from './ActionPanel';
import { ControlSheet } from './ControlSheet';

export default function DossierPage() {
  const code = (useParams<{ code: string }>().code ?? '').trim();
  usePageTitle(`Hồ sơ ${code}`);
  const query = useQuery(queries.dossier(code));
  const [conflict, setConflict] = useState<string | null>(null);
  const state = query.isPending
    ? ({ kind: 'loading' } as const)
    : query.isError
      ? ({ kind: 'error', message: errorMessage(query.error), notFound: isNotFound(query.error) } as const)
      : ({ kind: 'found', dossier: query.data } as const);

  /** Someone changed the dossier first (409): say so and show it as it is now. */
  const onConflict = (message: string) => {
    setConflict(message);
    void query.refetch();
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0, overflowWrap: 'anywhere' }}>
          Hồ sơ {code}
        </Typography.Title>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void query.refetch()} loading={query.isFetching && !query.isPending}>
          Tải lại
        </Button>
      </Flex>
      {state.kind === 'loading' && <PageLoading tip="Đang tải hồ sơ…" />}
      {state.kind === 'error' && (
        <Alert
          type={state.notFound ? 'warning' : 'error'}
          showIcon
          message={state.message}
          description={state.notFound ? 'Hồ sơ không tồn tại hoặc không thuộc phạm vi đơn vị của bạn.' : undefined}
        />
      )}
      {state.kind === 'found' && (
        <>
          <ProgressCard dossier={state.dossier} />
          <Card title="Thao tác" size="small">
            {conflict && (
              <Alert
                type="warning"
                showIcon
                closable
                onClose={() => setConflict(null)}
                style={{ marginBottom: 12 }}
                data-testid="action-conflict"
                message="Hồ sơ vừa được cập nhật bởi người khác, thao tác của bạn chưa được thực hiện."
                description={`${conflict} Trang đã tải lại tình trạng mới nhất của hồ sơ; vui lòng kiểm tra và thực hiện lại nếu cần.`}
              />
            )}
            <ActionPanel dossier={state.dossier} onConflict={onConflict} />
          </Card>
          <FormsCard dossier={state.dossier} />
          <Card title="Quá trình xử lý (phiếu kiểm soát)" size="small">
            <ControlSheet dossier={state.dossier} />
          </Card>
          {state.dossier.rating && <RatingCard dossier={state.dossier} />}
          <Card size="small">
            <DossierDetails dossier={state.dossier} processing={false} />
          </Card>
        </>
      )}
    </Space>
  );
}

function ProgressCard({ dossier }: { dossier: Dossier }) {
  const step = dossier.current_step;
  const mark = dossierMark(dossier);
  const stepAgency = step && (step.agency_code === dossier.receiving_agency ? dossier.receiving_agency_name : step.agency_code);
  return (
    <Card size="small" data-testid="dossier-progress">
      <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} size="small" bordered>
        <Descriptions.Item label="Trạng thái">
          <DossierStatusTag status={dossier.status} />
        </Descriptions.Item>
        <Descriptions.Item label="Hẹn trả kết quả">
          <Flex wrap gap={8} align="center">
            <Typography.Text strong data-testid="dossier-due">
              {formatOfficialTime(dossier.due_at)}
            </Typography.Text>
            <MarkTag mark={mark} />
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label="Thủ tục" span="filled">
          {dossier.procedure_name}
        </Descriptions.Item>
        <Descriptions.Item label="Bước hiện tại" span="filled">
          {step ? (
            <span data-testid="dossier-step">
              {step.index + 1}/{dossier.steps.length}. {step.name} — {stepRoleLabel(step.role)}, {stepAgency}
            </span>
          ) : (
            <span data-testid="dossier-step">Chưa tiếp nhận</span>
          )}
        </Descriptions.Item>
        {step && (
          <Descriptions.Item label="Hạn của bước">
            <Flex wrap gap={8} align="center">
              <span data-testid="dossier-step-due">{formatOfficialTime(step.due_at)}</span>
              {dossier.status !== 'supplement_requested' && <MarkTag mark={stepMark(dossier)} testId="step-mark" />}
            </Flex>
          </Descriptions.Item>
        )}
        {step && (
          <Descriptions.Item label="Cán bộ được giao">
            <span data-testid="dossier-assignee">{step.assignee || 'Chưa phân công'}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/** Which PDFs apply: the receipt once received, the others when their event happened. */
function formsOf(dossier: Dossier): { name: DossierFormName; label: string; href: string }[] {
  const happened = (action: string) => dossier.events.some((e) => e.action === action);
  const list: { name: DossierFormName; label: string; href: string }[] = [];
  if (dossier.received_at) list.push({ name: 'receipt', label: 'Giấy tiếp nhận và hẹn trả kết quả', href: receiptPdfUrl(dossier.code) });
  if (happened('request_supplement'))
    list.push({ name: 'supplement', label: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ', href: formPdfUrl(dossier.code, 'supplement') });
  if (dossier.status === 'refused')
    list.push({ name: 'refusal', label: 'Phiếu từ chối giải quyết hồ sơ', href: formPdfUrl(dossier.code, 'refusal') });
  if (happened('reschedule'))
    list.push({ name: 'apology', label: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả', href: formPdfUrl(dossier.code, 'apology') });
  if (dossier.status === 'stopped')
    list.push({ name: 'stop', label: 'Thông báo dừng giải quyết hồ sơ', href: formPdfUrl(dossier.code, 'stop') });
  if (dossier.received_at)
    list.push({ name: 'control-sheet', label: 'Phiếu kiểm soát quá trình giải quyết', href: formPdfUrl(dossier.code, 'control-sheet') });
  return list;
}

function FormsCard({ dossier }: { dossier: Dossier }) {
  const forms = formsOf(dossier);
  if (forms.length === 0) return null;
  return (
    <Card title="Văn bản, biểu mẫu" size="small">
      <Flex wrap gap={8} data-testid="dossier-forms">
        {forms.map((form) => (
          <Button
            key={form.name}
            href={form.href}
            target="_blank"
            rel="noopener"
            data-form={form.name}
            icon={form.name === 'receipt' ? <PrinterOutlined aria-hidden /> : <FilePdfOutlined aria-hidden />}
          >
            {form.label}
          </Button>
        ))}
      </Flex>
    </Card>
  );
}

const criterionLabels: Record<RatingCriterion, string> = {
  attitude: 'Thái độ phục vụ',
  guidance: 'Hướng dẫn',
  time_taken: 'Thời gian giải quyết',
  fees_as_posted: 'Phí, lệ phí đúng quy định',
};

function RatingCard({ dossier }: { dossier: Dossier }) {
  const rating = dossier.rating;
  if (!rating) return null;
  return (
    <Card title="Đánh giá của người nộp" size="small" data-testid="dossier-rating">
      <Descriptions column={1} size="small">
        <Descriptions.Item label="Mức độ hài lòng">
          <Rate disabled value={rating.score} /> <Typography.Text>({rating.score}/5)</Typography.Text>
        </Descriptions.Item>
        {Object.entries(rating.criteria ?? {}).map(([key, value]) => (
          <Descriptions.Item key={key} label={criterionLabels[key as RatingCriterion] ?? key}>
            <Rate disabled value={value} />
          </Descriptions.Item>
        ))}
        {rating.comment && <Descriptions.Item label="Ý kiến">{rating.comment}</Descriptions.Item>}
        {rating.rated_at && <Descriptions.Item label="Thời điểm">{formatOfficialTime(rating.rated_at)}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}
