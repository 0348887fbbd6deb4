// "/can-bo/van-ban/:id" — one document (GET /api/v1/documents/{id}): its status and marks, the
// actions the user may take now (the server's `allowed_actions`), the metadata of Decree
// 30/2020 (số/ký hiệu, incoming number, issuer, dates, type, urgency, secrecy…), the direction
// (lead, co-operating, informed, deadline, instruction), recipients, files (download; upload
// by those who may attach) and the history, oldest first.
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, List, Space, Tag, Timeline, Typography, type UploadFile } from 'antd';
import { DownloadOutlined, FileProtectOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';

import { errorMessage } from '../../api/client';
import { documentFileUrl, uploadDocumentFile } from '../../api/endpoints';
import { isNotFound, keys, queries } from '../../api/queries';
import type { AgencyNode, CurrentUser, OfficialDocument } from '../../api/types';
import { DocumentStatusTag, OverdueTag, SecrecyTag, UrgencyTag } from '../../components/document/DocumentTags';
import { FileDrop, fileOf } from '../../components/document/FileDrop';
import { PageLoading } from '../../components/PageLoading';
import { hasRole, useStaffSession } from '../../components/staffSession';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime, formatIsoDate, formatNumber } from '../../format';
import {
  assignmentKindLabels,
  documentActionLabel,
  documentDirectionLabels,
  documentStatusLabel,
  secrecyLabel,
  urgencyLabel,
} from '../../labels';
import { paths } from '../../paths';
import { DocumentActions } from './DocumentActions';

/** The seal a sealed document carries (branch h/issue adds it to GET); absent until then. */
interface SealInfo {
  token: string;
  verify_url?: string;
}

function sealOf(document: OfficialDocument): SealInfo | null {
  const seal = (document as unknown as { seal?: SealInfo | null }).seal;
  return seal && typeof seal.token === 'string' ? seal : null;
}

export default function DocumentPage() {
  const raw = useParams<{ id: string }>().id ?? '';
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  const query = useQuery({ ...queries.document(id), enabled: id > 0 });
  const [conflict, setConflict] = useState<string | null>(null);
  const document = query.data;
  usePageTitle(document ? titleOf(document) : 'Văn bản');

  if (id === 0 || (query.isError && isNotFound(query.error))) {
    return (
      <Alert
        type="warning"
        showIcon
        message="Không tìm thấy văn bản."
        description="Văn bản không tồn tại hoặc bạn không có quyền xem."
        data-testid="document-not-found"
      />
    );
  }
  if (query.isPending) return <PageLoading tip="Đang tải văn bản…" />;
  if (query.isError || !document) return <Alert type="error" showIcon message={errorMessage(query.error)} />;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0, overflowWrap: 'anywhere' }}>
          {titleOf(document)}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Link to={paths.documents}>Danh sách văn bản</Link>
          <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void query.refetch()} loading={query.isFetching}>
            Tải lại
          </Button>
        </Flex>
      </Flex>
      <Card size="small" data-testid="document-summary">
        <Flex vertical gap={8}>
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="document-subject">
            {document.subject}
          </Typography.Text>
          <Flex wrap gap={4} data-testid="document-status" data-status={document.status}>
            <DocumentStatusTag status={document.status} />
            <UrgencyTag urgency={document.urgency} />
            <SecrecyTag secrecy={document.secrecy} />
            <OverdueTag overdue={document.overdue} />
            {document.duplicate_of !== null && (
              <Tag color="warning">
                Có thể trùng với <Link to={paths.document(document.duplicate_of)}>văn bản đã vào sổ</Link>
              </Tag>
            )}
          </Flex>
        </Flex>
      </Card>
      <Card title="Thao tác" size="small">
        {conflict && (
          <Alert
            type="warning"
            showIcon
            closable
            onClose={() => setConflict(null)}
            style={{ marginBottom: 12 }}
            data-testid="action-conflict"
            message={conflict}
            description="Thao tác chưa được thực hiện. Trang đã tải lại tình trạng mới nhất của văn bản; vui lòng kiểm tra và thực hiện lại nếu cần."
          />
        )}
        <DocumentActions
          document={document}
          onConflict={(message) => {
            setConflict(message);
            void query.refetch();
          }}
        />
      </Card>
      <Metadata document={document} />
      {document.direction === 'incoming' && (document.assignments.length > 0 || document.deadline || document.instruction) && (
        <Direction document={document} />
      )}
      {document.direction === 'outgoing' && <Recipients document={document} />}
      <Files document={document} />
      <Card title="Quá trình xử lý" size="small">
        <History document={document} />
      </Card>
    </Space>
  );
}

function titleOf(document: OfficialDocument): string {
  if (document.direction === 'incoming') {
    return document.incoming_number !== null
      ? `Văn bản đến số ${document.incoming_number}`
      : `Văn bản đến ${document.number_notation ?? ''}`.trim();
  }
  return document.number_notation ? `Văn bản đi ${document.number_notation}` : 'Dự thảo văn bản đi';
}

function Metadata({ document }: { document: OfficialDocument }) {
  const d = document;
  return (
    <Card size="small" title="Thông tin văn bản" data-testid="document-metadata">
      <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }} size="small" bordered>
        <Descriptions.Item label="Loại">{documentDirectionLabels[d.direction]}</Descriptions.Item>
        <Descriptions.Item label="Số, ký hiệu">
          <span data-testid="document-notation">{d.number_notation ?? 'Chưa cấp số'}</span>
        </Descriptions.Item>
        {d.direction === 'incoming' && (
          <Descriptions.Item label="Số đến">
            <span data-testid="document-incoming-number">{d.incoming_number ?? 'Chưa vào sổ'}</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label="Tên loại">
          {d.type_name || d.type}
          {d.normative ? ' (quy phạm pháp luật)' : ''}
        </Descriptions.Item>
        <Descriptions.Item label="Ngày ban hành">{formatIsoDate(d.issued_on)}</Descriptions.Item>
        <Descriptions.Item label="Cơ quan ban hành">
          {d.issuer_name || '—'}
          {d.issuer_code ? ` (${d.issuer_code})` : ''}
        </Descriptions.Item>
        {d.arrived_at !== null && <Descriptions.Item label="Ngày đến">{formatDateTime(d.arrived_at)}</Descriptions.Item>}
        <Descriptions.Item label="Độ khẩn">{urgencyLabel(d.urgency)}</Descriptions.Item>
        <Descriptions.Item label="Độ mật">{secrecyLabel(d.secrecy)}</Descriptions.Item>
        <Descriptions.Item label="Số trang">{d.pages === null ? '—' : formatNumber(d.pages)}</Descriptions.Item>
        {d.due_on !== null && <Descriptions.Item label="Hạn trả lời">{formatIsoDate(d.due_on)}</Descriptions.Item>}
        {d.signer_info !== '' && <Descriptions.Item label="Người ký">{d.signer_info}</Descriptions.Item>}
        {d.direction === 'outgoing' && (
          <>
            <Descriptions.Item label="Đơn vị soạn thảo">{d.drafting_unit ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Người soạn thảo">{d.drafted_by ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Người ký duyệt">{d.signed_by ?? '—'}</Descriptions.Item>
          </>
        )}
        <Descriptions.Item label="Cơ quan quản lý văn bản">{d.agency_name}</Descriptions.Item>
        {d.source_document_id !== null && (
          <Descriptions.Item label="Văn bản gốc">
            <Link to={paths.document(d.source_document_id)}>Văn bản đi của cơ quan gửi</Link>
          </Descriptions.Item>
        )}
        {d.reply_document_id !== null && (
          <Descriptions.Item label="Văn bản trả lời">
            <Link to={paths.document(d.reply_document_id)}>Xem văn bản trả lời</Link>
          </Descriptions.Item>
        )}
        <Descriptions.Item label="Trích yếu" span="filled">
          {d.subject}
        </Descriptions.Item>
        {d.content !== '' && (
          <Descriptions.Item label="Nội dung" span="filled">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} ellipsis={{ rows: 6, expandable: true, symbol: 'Xem thêm' }}>
              {d.content}
            </Typography.Paragraph>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

/** Names of agencies (the caller's tree) and officers (the users a leader may list), by code. */
function useNames(document: OfficialDocument): Map<string, string> {
  const { user } = useStaffSession();
  const tree = useQuery(queries.agencyTree());
  const leads = hasRole(user, 'leader') || hasRole(user, 'admin');
  const users = useQuery({
    ...queries.users({ agency: document.agency_code, per_page: 500 }),
    enabled: leads && document.assignments.some((a) => a.username !== null),
  });
  const names = new Map<string, string>();
  const walk = (node: AgencyNode) => {
    names.set(node.code, node.name);
    node.children.forEach(walk);
  };
  if (tree.data) walk(tree.data);
  for (const u of users.data?.items ?? []) names.set(u.username, u.full_name);
  return names;
}

function Direction({ document }: { document: OfficialDocument }) {
  const names = useNames(document);
  const byKind = (kind: string) =>
    document.assignments
      .filter((a) => a.kind === kind)
      .map((a) => {
        const key = a.username ?? a.agency_code ?? '';
        const name = names.get(key);
        return name ? `${name} (${key})` : key;
      });
  return (
    <Card size="small" title="Chỉ đạo, giao xử lý" data-testid="document-direction">
      <Descriptions column={1} size="small" bordered>
        {(['lead', 'co_op', 'inform'] as const).map((kind) => (
          <Descriptions.Item key={kind} label={assignmentKindLabels[kind]}>
            <span data-testid={`assigned-${kind}`}>{byKind(kind).join(', ') || '—'}</span>
          </Descriptions.Item>
        ))}
        <Descriptions.Item label="Hạn xử lý">
          <span data-testid="document-deadline">{formatIsoDate(document.deadline)}</span> <OverdueTag overdue={document.overdue} />
        </Descriptions.Item>
        {document.instruction !== '' && <Descriptions.Item label="Ý kiến chỉ đạo">{document.instruction}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}

function Recipients({ document }: { document: OfficialDocument }) {
  return (
    <Card size="small" title="Nơi nhận" data-testid="document-recipients">
      {document.recipients.length === 0 ? (
        <Typography.Text type="secondary">Chưa có nơi nhận.</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={document.recipients}
          renderItem={(r) => (
            <List.Item>
              <span>
                {r.agency_name} ({r.agency_code})
              </span>
              <Typography.Text type="secondary">
                {r.delivered_at ? `Đã gửi lúc ${formatDateTime(r.delivered_at)}` : 'Chưa gửi'}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/**
 * Who may attach, as far as the page can tell (the server decides): the clerk, the drafter, an
 * assigned officer or unit; never to an issued or sent outgoing document.
 */
function mayAttach(user: CurrentUser, document: OfficialDocument): boolean {
  if (document.direction === 'outgoing' && (document.status === 'issued' || document.status === 'sent')) return false;
  if (hasRole(user, 'clerk') || document.drafted_by === user.username) return true;
  return document.assignments.some(
    (a) => (a.kind === 'lead' || a.kind === 'co_op') && (a.username === user.username || a.agency_code === user.agency_code),
  );
}

function Files({ document }: { document: OfficialDocument }) {
  const { user } = useStaffSession();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<UploadFile[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const seal = sealOf(document);

  const upload = async () => {
    setUploading(true);
    setProblem(null);
    const failed: string[] = [];
    for (const entry of pending) {
      try {
        await uploadDocumentFile(document.id, fileOf(entry));
      } catch (error) {
        failed.push(`${entry.name}: ${errorMessage(error)}`);
      }
    }
    setUploading(false);
    setPending([]);
    if (failed.length > 0) setProblem(`Chưa đính kèm được: ${failed.join('; ')}`);
    await queryClient.invalidateQueries({ queryKey: keys.documents.detail(document.id) });
  };

  return (
    <Card size="small" title="Tệp văn bản" data-testid="document-files">
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {document.files.length === 0 ? (
          <Typography.Text type="secondary">Chưa có tệp nào.</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={document.files}
            renderItem={(f) => (
              <List.Item
                actions={[
                  <a key="download" href={documentFileUrl(document.id, f.sha256)} target="_blank" rel="noopener" download={f.file_name}>
                    <DownloadOutlined aria-hidden /> Tải về
                  </a>,
                ]}
              >
                <span data-testid="document-file">{f.file_name}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatNumber(Math.max(1, Math.round(f.size / 1024)))} KB · {f.uploaded_by} · {formatDateTime(f.uploaded_at)}
                </Typography.Text>
              </List.Item>
            )}
          />
        )}
        {seal && (
          <Flex wrap gap={8} data-testid="document-seal">
            <Link to={paths.verify(seal.token)}>
              <Button icon={<FileProtectOutlined aria-hidden />}>Xác thực văn bản đã đóng dấu</Button>
            </Link>
            <Button href={`/api/v1/documents/${document.id}/edxml`} icon={<DownloadOutlined aria-hidden />}>
              Tải gói edXML
            </Button>
          </Flex>
        )}
        {mayAttach(user, document) && (
          <>
            <FileDrop files={pending} setFiles={setPending} onProblem={setProblem} disabled={uploading} testId="document-file-drop" />
            {pending.length > 0 && (
              <Button type="primary" onClick={() => void upload()} loading={uploading} data-testid="upload-files">
                Tải lên {pending.length} tệp
              </Button>
            )}
          </>
        )}
        {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      </Space>
    </Card>
  );
}

function History({ document }: { document: OfficialDocument }) {
  return (
    <Timeline
      data-testid="document-history"
      items={document.events.map((e, index) => ({
        key: index,
        children: (
          <div data-action={e.action}>
            <div>
              <Typography.Text strong>{documentActionLabel(e.action)}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                — {formatDateTime(e.at)}, {e.actor}
                {e.agency_code ? ` (${e.agency_code})` : ''}
              </Typography.Text>
            </div>
            {e.from_status !== e.to_status && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {e.from_status ? `${documentStatusLabel(e.from_status).text} → ` : ''}
                {documentStatusLabel(e.to_status).text}
              </Typography.Text>
            )}
            {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
