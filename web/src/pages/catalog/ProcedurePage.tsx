// "/thu-tuc/:code" — one procedure of the catalog (GET /api/v1/procedures/{code}): what it is,
// its time limit and fee, the documents to bring, who handles each step, and the way to
// submit online. ?phien_ban=N shows an earlier (or later) version.
import { type MouseEvent } from 'react';
import { Alert, Button, Card, Descriptions, Grid, Space, Steps, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CloudUploadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';

import { useQuery } from '@tanstack/react-query';

import { errorMessage } from '../../api/client';
import { isNotFound, queries } from '../../api/queries';
import type { Procedure, ProcedureComponent } from '../../api/types';
import { PageLoading } from '../../components/PageLoading';
import { usePageTitle } from '../../components/usePageTitle';
import { formatIsoDate } from '../../format';
import { onlineLevelLabels, procedureLevelLabel, stepRoleLabel } from '../../labels';
import { paths } from '../../paths';
import type { CatalogLinkState } from './CatalogPage';
import { feeText, stepHoursText, timeLimitText } from './procedureText';

const { Title, Text, Paragraph } = Typography;

const count = (value: number) => (value > 0 ? value : '—');

const componentColumns: ColumnsType<ProcedureComponent & { key: number }> = [
  { key: 'name', title: 'Tên giấy tờ', dataIndex: 'name', className: 'egov-wrap' },
  { key: 'original', title: 'Bản chính', dataIndex: 'original', align: 'center', width: 64, render: count },
  { key: 'certified', title: 'Bản chứng thực', dataIndex: 'certified', align: 'center', width: 76, render: count },
  { key: 'copy', title: 'Bản sao', dataIndex: 'copy', align: 'center', width: 60, render: count },
];

export default function ProcedurePage() {
  const code = (useParams<{ code: string }>().code ?? '').trim();
  const [params] = useSearchParams();
  const versionParam = Number(params.get('phien_ban'));
  const version = Number.isInteger(versionParam) && versionParam > 0 ? versionParam : undefined;
  const location = useLocation();
  const backSearch = (location.state as Partial<CatalogLinkState> | null)?.catalogSearch ?? '';
  const query = useQuery(queries.procedure(code, version));
  const state = query.isPending
    ? ({ kind: 'loading' } as const)
    : query.isError
      ? ({ kind: 'error', message: errorMessage(query.error), notFound: isNotFound(query.error) } as const)
      : ({ kind: 'found', procedure: query.data } as const);
  usePageTitle(state.kind === 'found' ? state.procedure.name : 'Thủ tục hành chính');

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} className="egov-procedure">
      <Link to={`${paths.catalog}${backSearch}`}>
        <ArrowLeftOutlined aria-hidden /> Danh mục thủ tục hành chính
      </Link>

      {state.kind === 'loading' && <PageLoading tip="Đang tải thủ tục…" />}

      {state.kind === 'error' && state.notFound && (
        <div data-testid="procedure-not-found">
          <Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
            Không tìm thấy thủ tục
          </Title>
          <Paragraph>
            Không có thủ tục hành chính mã <Text strong>{code}</Text>
            {version ? ` (phiên bản ${version})` : ''}. Vui lòng kiểm tra lại mã thủ tục hoặc tìm trong danh
            mục.
          </Paragraph>
          <Link to={paths.catalog}>Tìm trong danh mục thủ tục</Link>
        </div>
      )}
      {state.kind === 'error' && !state.notFound && (
        <Alert type="error" showIcon message={state.message} data-testid="procedure-error" />
      )}

      {state.kind === 'found' && <ProcedureView procedure={state.procedure} viewingVersion={version} />}
    </Space>
  );
}

function ProcedureView({ procedure, viewingVersion }: { procedure: Procedure; viewingVersion?: number }) {
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const submitPath = paths.submit(procedure.code);
  const openSubmit = (event: MouseEvent<HTMLElement>) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return; // new tab
    event.preventDefault();
    navigate(submitPath);
  };
  const online = procedure.online_level !== 'none';
  const otherVersions = procedure.versions.filter((v) => v.version !== procedure.version);
  const cardBody = { body: { padding: screens.sm ? 24 : 12 } };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Title level={1} className="egov-procedure-title" data-testid="procedure-name">
          {procedure.name}
        </Title>
        <Space size={[4, 8]} wrap>
          <Tag>Mã {procedure.code}</Tag>
          <Tag color="blue">{procedure.field}</Tag>
          <Tag color="geekblue">{procedureLevelLabel(procedure.level)}</Tag>
          {procedure.online_level && onlineLevelLabels[procedure.online_level] && (
            <Tag color={online ? 'green' : 'default'}>{onlineLevelLabels[procedure.online_level]}</Tag>
          )}
        </Space>
      </div>

      {viewingVersion && (
        <Alert
          type="info"
          showIcon
          message={`Bạn đang xem phiên bản ${procedure.version}, có hiệu lực từ ${formatIsoDate(procedure.effective_from)}.`}
          description={<Link to={paths.procedure(procedure.code)}>Xem phiên bản đang áp dụng</Link>}
        />
      )}

      {online ? (
        <Button
          type="primary"
          size="large"
          icon={<CloudUploadOutlined aria-hidden />}
          href={submitPath}
          onClick={openSubmit}
          block={!screens.sm}
          data-testid="procedure-submit"
        >
          Nộp hồ sơ trực tuyến
        </Button>
      ) : (
        <Alert
          type="warning"
          showIcon
          message="Thủ tục này chưa hỗ trợ nộp hồ sơ trực tuyến. Vui lòng nộp hồ sơ trực tiếp tại Bộ phận Một cửa."
        />
      )}

      <Card title="Thông tin thủ tục" styles={cardBody}>
        <Descriptions
          column={1}
          bordered
          size="small"
          layout={screens.sm ? 'horizontal' : 'vertical'}
          styles={{ label: { width: screens.sm ? 200 : undefined } }}
          data-testid="procedure-info"
        >
          <Descriptions.Item label="Mã thủ tục">{procedure.code}</Descriptions.Item>
          <Descriptions.Item label="Lĩnh vực">{procedure.field}</Descriptions.Item>
          <Descriptions.Item label="Cấp thực hiện">{procedureLevelLabel(procedure.level)}</Descriptions.Item>
          <Descriptions.Item label="Thời hạn giải quyết">
            <span data-testid="procedure-time-limit">{timeLimitText(procedure.time_limit)}</span>
          </Descriptions.Item>
          <Descriptions.Item label="Phí, lệ phí">
            <div data-testid="procedure-fee">
              <Text strong>
                {feeText(procedure.fee)}
                {procedure.fee.amount > 0 && procedure.fee.unit ? `/${procedure.fee.unit}` : ''}
              </Text>
              {procedure.fee.amount > 0 && procedure.fee.amount_in_words && (
                <div>Bằng chữ: {procedure.fee.amount_in_words}</div>
              )}
              {procedure.fee.note && (
                <div>
                  <Text type="secondary">Ghi chú: {procedure.fee.note}</Text>
                </div>
              )}
            </div>
          </Descriptions.Item>
          <Descriptions.Item label="Căn cứ pháp lý">{procedure.legal_basis || '—'}</Descriptions.Item>
          <Descriptions.Item label="Phiên bản">
            <span data-testid="procedure-version">
              Phiên bản {procedure.version}, có hiệu lực từ ngày {formatIsoDate(procedure.effective_from)}
            </span>
            {otherVersions.length > 0 && (
              <div>
                <Text type="secondary">Phiên bản khác: </Text>
                {otherVersions.map((v, index) => (
                  <span key={v.version}>
                    {index > 0 && ', '}
                    <Link to={`${paths.procedure(procedure.code)}?phien_ban=${v.version}`}>
                      phiên bản {v.version} (từ {formatIsoDate(v.effective_from)})
                    </Link>
                  </span>
                ))}
              </div>
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title="Thành phần hồ sơ" styles={cardBody}>
        <Table<ProcedureComponent & { key: number }>
          data-testid="procedure-components"
          size="small"
          bordered
          pagination={false}
          columns={componentColumns}
          dataSource={procedure.components.map((component, index) => ({ ...component, key: index }))}
          tableLayout="fixed"
        />
        <Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          Dấu “—”: không yêu cầu loại bản đó.
        </Text>
      </Card>

      <Card title="Trình tự thực hiện" styles={cardBody}>
        <Steps
          direction="vertical"
          size="small"
          data-testid="procedure-steps"
          items={procedure.steps.map((step) => ({
            status: 'process' as const,
            title: step.name,
            description: `${stepRoleLabel(step.role)} · ${stepHoursText(step.hours)}`,
          }))}
        />
        {typeof procedure.time_limit_hours === 'number' && (
          <Text type="secondary">Tổng thời gian các bước: {procedure.time_limit_hours} giờ làm việc.</Text>
        )}
      </Card>
    </Space>
  );
}
