// "/can-bo/van-ban/den/moi" — the clerk registers incoming documents, one after another:
// the fields in reading order (Tab), Enter submits (Ctrl+Enter from the content box), files
// dropped onto the zone are attached once registered. After saving: the incoming number given,
// the next one expected, a link to the document, and the form empty again with the cursor
// back on the first field. A likely duplicate (409 with details.duplicate_of) shows a warning
// with a link to the earlier document and "Vẫn vào sổ", which sends confirm_duplicate: true.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
  type InputRef,
  type UploadFile,
} from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { ApiError, errorMessage } from '../../api/client';
import { registerIncomingDocument, uploadDocumentFile } from '../../api/endpoints';
import { keys } from '../../api/queries';
import type { IncomingDocumentRequest, OfficialDocument, Secrecy, Urgency } from '../../api/types';
import { SECRECIES, URGENCIES } from '../../api/types';
import { FileDrop, fileOf } from '../../components/document/FileDrop';
import { showFieldErrors } from '../../components/serverErrors';
import { usePageTitle } from '../../components/usePageTitle';
import { DOCUMENT_TYPES, secrecyLabels, urgencyLabels } from '../../labels';
import { paths } from '../../paths';

interface FormValues {
  issuer_name: string;
  issuer_code?: string;
  number_notation: string;
  issued_on: Dayjs;
  type: string;
  subject: string;
  urgency: Urgency;
  secrecy: Secrecy;
  pages?: number | null;
  due_on?: Dayjs | null;
  signer_info?: string;
  content?: string;
}

const FIELDS = [
  'issuer_name',
  'issuer_code',
  'number_notation',
  'issued_on',
  'type',
  'subject',
  'urgency',
  'secrecy',
  'pages',
  'due_on',
  'signer_info',
  'content',
] as const;

const INITIAL: Partial<FormValues> = { urgency: 'normal', secrecy: 'normal', type: 'CV' };

export const typeOptions = DOCUMENT_TYPES.map((t) => ({ value: t.abbreviation, label: `${t.abbreviation} — ${t.name}` }));

function bodyOf(values: FormValues, confirmDuplicate: boolean): IncomingDocumentRequest {
  const body: IncomingDocumentRequest = {
    issuer_name: values.issuer_name.trim(),
    number_notation: values.number_notation.trim(),
    issued_on: values.issued_on.format('YYYY-MM-DD'),
    type: values.type,
    subject: values.subject.trim(),
    urgency: values.urgency,
    secrecy: values.secrecy,
  };
  if (values.issuer_code?.trim()) body.issuer_code = values.issuer_code.trim();
  if (values.pages) body.pages = values.pages;
  if (values.due_on) body.due_on = values.due_on.format('YYYY-MM-DD');
  if (values.signer_info?.trim()) body.signer_info = values.signer_info.trim();
  if (values.content?.trim()) body.content = values.content.trim();
  if (confirmDuplicate) body.confirm_duplicate = true;
  return body;
}

interface Registered {
  document: OfficialDocument;
  /** Files that could not be attached, with the server's reason. */
  failedFiles: string[];
}

export default function IncomingPage() {
  usePageTitle('Vào sổ văn bản đến');
  const [form] = Form.useForm<FormValues>();
  const firstRef = useRef<InputRef>(null);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [duplicateOf, setDuplicateOf] = useState<number | null>(null);
  const [last, setLast] = useState<Registered | null>(null);
  const queryClient = useQueryClient();

  const register = useMutation({
    mutationFn: async (body: IncomingDocumentRequest): Promise<Registered> => {
      const document = await registerIncomingDocument(body);
      const failedFiles: string[] = [];
      for (const entry of files) {
        try {
          await uploadDocumentFile(document.id, fileOf(entry));
        } catch (error) {
          failedFiles.push(`${entry.name}: ${errorMessage(error)}`);
        }
      }
      return { document, failedFiles };
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.documents.all }),
  });
  const saving = register.isPending;

  useEffect(() => {
    firstRef.current?.focus();
  }, []);

  const send = async (confirmDuplicate: boolean) => {
    if (saving) return;
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the fields show what is missing
    }
    setFormError(null);
    try {
      const done = await register.mutateAsync(bodyOf(values, confirmDuplicate));
      setLast(done);
      setDuplicateOf(null);
      form.resetFields();
      setFiles([]);
      setFileProblem(null);
      window.setTimeout(() => firstRef.current?.focus(), 0);
    } catch (error) {
      // details.duplicate_of: the earlier document's id (the details carry strings).
      const duplicate = error instanceof ApiError && error.status === 409 ? Number(error.details?.duplicate_of) : NaN;
      if (Number.isInteger(duplicate) && duplicate > 0) {
        setDuplicateOf(duplicate);
        return;
      }
      if (!showFieldErrors(form, error, FIELDS)) setFormError(errorMessage(error));
    }
  };

  // Ctrl+Enter (⌘+Enter) anywhere, also inside the content box, registers the document.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send(false);
    }
  };

  const today = dayjs();
  return (
    <div onKeyDown={onKeyDown}>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          Vào sổ văn bản đến
        </Typography.Title>
        <Link to={`${paths.documents}?huong=incoming`}>Danh sách văn bản đến</Link>
      </Flex>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {last && (
          <Alert
            type="success"
            showIcon
            data-testid="registered"
            message={
              <span>
                Đã vào sổ văn bản đến số <strong data-testid="registered-number">{last.document.incoming_number}</strong>:{' '}
                <Link to={paths.document(last.document.id)} data-testid="registered-link">
                  {last.document.number_notation} — {last.document.subject}
                </Link>
              </span>
            }
            description={
              <>
                <div data-testid="next-number">
                  Số đến tiếp theo: <strong>{(last.document.incoming_number ?? 0) + 1}</strong>
                </div>
                {last.failedFiles.length > 0 && (
                  <div style={{ color: '#cf1322' }}>Chưa đính kèm được: {last.failedFiles.join('; ')}</div>
                )}
              </>
            }
          />
        )}
        {duplicateOf !== null && (
          <Alert
            type="warning"
            showIcon
            data-testid="duplicate-warning"
            message="Văn bản này có thể đã được vào sổ."
            description={
              <Space direction="vertical" size={8}>
                <span>
                  Cơ quan đã vào sổ một văn bản cùng số, ký hiệu và cơ quan ban hành:{' '}
                  <Link to={paths.document(duplicateOf)} target="_blank" data-testid="duplicate-link">
                    xem văn bản đã vào sổ
                  </Link>
                  .
                </span>
                <Flex gap={8} wrap>
                  <Button type="primary" danger onClick={() => void send(true)} loading={saving} data-testid="register-anyway">
                    Vẫn vào sổ
                  </Button>
                  <Button onClick={() => setDuplicateOf(null)}>Không vào sổ</Button>
                </Flex>
              </Space>
            }
          />
        )}
        {formError && <Alert type="error" showIcon message={formError} data-testid="register-error" />}
        <Card size="small">
          <Form<FormValues>
            form={form}
            layout="vertical"
            initialValues={INITIAL}
            onFinish={() => void send(false)}
            onValuesChange={() => duplicateOf !== null && setDuplicateOf(null)}
            requiredMark="optional"
            disabled={saving}
            aria-label="Thông tin văn bản đến"
          >
            <Row gutter={16}>
              <Col xs={24} md={16}>
                <Form.Item name="issuer_name" label="Cơ quan ban hành" rules={[{ required: true, whitespace: true, message: 'Nhập cơ quan ban hành.' }, { max: 200 }]}>
                  <Input ref={firstRef} maxLength={200} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="issuer_code" label="Mã định danh cơ quan ban hành" rules={[{ max: 35 }]}>
                  <Input maxLength={35} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="number_notation" label="Số, ký hiệu" rules={[{ required: true, whitespace: true, message: 'Nhập số, ký hiệu.' }, { max: 42 }]}>
                  <Input maxLength={42} placeholder="15/QĐ-UBND" autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="issued_on" label="Ngày ban hành" rules={[{ required: true, message: 'Chọn ngày ban hành.' }]}>
                  <DatePicker
                    format="DD/MM/YYYY"
                    placeholder="dd/mm/yyyy"
                    style={{ width: '100%' }}
                    disabledDate={(d) => d.isAfter(today, 'day')}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="type" label="Loại văn bản" rules={[{ required: true, message: 'Chọn loại văn bản.' }]}>
                  <Select showSearch optionFilterProp="label" options={typeOptions} />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name="subject" label="Trích yếu" rules={[{ required: true, whitespace: true, message: 'Nhập trích yếu nội dung.' }, { max: 500 }]}>
                  <Input maxLength={500} showCount autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="urgency" label="Độ khẩn">
                  <Select options={URGENCIES.map((u) => ({ value: u, label: urgencyLabels[u] }))} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="secrecy" label="Độ mật">
                  <Select options={SECRECIES.map((s) => ({ value: s, label: secrecyLabels[s] }))} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="pages" label="Số trang">
                  <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="due_on" label="Hạn trả lời (nếu có)">
                  <DatePicker format="DD/MM/YYYY" placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="signer_info" label="Người ký" rules={[{ max: 200 }]}>
                  <Input maxLength={200} autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="content" label="Nội dung (nếu cần tìm theo nội dung)" rules={[{ max: 20000 }]}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={20000} />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item label="Tệp đính kèm">
                  <FileDrop files={files} setFiles={setFiles} onProblem={setFileProblem} disabled={saving} />
                  {fileProblem && <Typography.Text type="danger">{fileProblem}</Typography.Text>}
                </Form.Item>
              </Col>
            </Row>
            <Flex justify="end" align="center" gap={12}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                Enter hoặc Ctrl+Enter để vào sổ
              </Typography.Text>
              <Button type="primary" size="large" htmlType="submit" icon={<CheckOutlined aria-hidden />} loading={saving}>
                Vào sổ
              </Button>
            </Flex>
          </Form>
        </Card>
      </Space>
    </div>
  );
}
