// "/can-bo/van-ban/di/moi" — a new outgoing draft (any officer: the drafter): type from the
// known abbreviations (normative only for NQ and QĐ), subject, content, urgency, secrecy,
// recipients, pages and a reply deadline, files dropped onto the zone. "Lưu dự thảo" keeps it
// as a draft; "Lưu và trình duyệt" also submits it to the agency's leader. Either opens the
// document page.
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
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
  type UploadFile,
} from 'antd';
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import { errorMessage } from '../../api/client';
import { actOnDocument, draftOutgoingDocument, uploadDocumentFile } from '../../api/endpoints';
import { keys } from '../../api/queries';
import type { OfficialDocument, OutgoingDocumentRequest, Secrecy, Urgency } from '../../api/types';
import { SECRECIES, URGENCIES } from '../../api/types';
import { FileDrop, fileOf } from '../../components/document/FileDrop';
import { useRecipientOptions } from '../../components/document/recipients';
import { showFieldErrors } from '../../components/serverErrors';
import { usePageTitle } from '../../components/usePageTitle';
import { DOCUMENT_TYPES, secrecyLabels, urgencyLabels } from '../../labels';
import { paths } from '../../paths';
import { typeOptions } from './IncomingPage';

interface FormValues {
  type: string;
  normative?: boolean;
  subject: string;
  content?: string;
  urgency: Urgency;
  secrecy: Secrecy;
  recipients: string[];
  pages?: number | null;
  due_on?: Dayjs | null;
}

const FIELDS = ['type', 'normative', 'subject', 'content', 'urgency', 'secrecy', 'recipients', 'pages', 'due_on'] as const;
const INITIAL: Partial<FormValues> = { type: 'CV', urgency: 'normal', secrecy: 'normal', recipients: [], normative: false };

export default function OutgoingPage() {
  usePageTitle('Dự thảo văn bản đi');
  const [form] = Form.useForm<FormValues>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const recipients = useRecipientOptions();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const type = Form.useWatch('type', form);
  const normativeAllowed = DOCUMENT_TYPES.some((t) => t.abbreviation === type && t.normative);

  const save = useMutation({
    mutationFn: async ({ body, submit }: { body: OutgoingDocumentRequest; submit: boolean }): Promise<OfficialDocument> => {
      let document = await draftOutgoingDocument(body);
      for (const entry of files) await uploadDocumentFile(document.id, fileOf(entry));
      if (submit) document = await actOnDocument(document.id, { action: 'submit' });
      return document;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.documents.all }),
  });

  const send = async (submit: boolean) => {
    if (save.isPending) return;
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setFormError(null);
    const body: OutgoingDocumentRequest = {
      type: values.type,
      subject: values.subject.trim(),
      urgency: values.urgency,
      secrecy: values.secrecy,
      recipients: values.recipients ?? [],
    };
    if (values.content?.trim()) body.content = values.content.trim();
    if (normativeAllowed && values.normative) body.normative = true;
    if (values.pages) body.pages = values.pages;
    if (values.due_on) body.due_on = values.due_on.format('YYYY-MM-DD');
    try {
      const document = await save.mutateAsync({ body, submit });
      navigate(paths.document(document.id));
    } catch (error) {
      if (!showFieldErrors(form, error, FIELDS)) setFormError(errorMessage(error));
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          Dự thảo văn bản đi
        </Typography.Title>
        <Link to={`${paths.documents}?huong=outgoing`}>Danh sách văn bản đi</Link>
      </Flex>
      {formError && <Alert type="error" showIcon message={formError} data-testid="draft-error" />}
      <Card size="small">
        <Form<FormValues>
          form={form}
          layout="vertical"
          initialValues={INITIAL}
          onFinish={() => void send(false)}
          requiredMark="optional"
          disabled={save.isPending}
          aria-label="Dự thảo văn bản đi"
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="type" label="Loại văn bản" rules={[{ required: true, message: 'Chọn loại văn bản.' }]}>
                <Select showSearch autoFocus optionFilterProp="label" options={typeOptions} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              {normativeAllowed && (
                <Form.Item name="normative" valuePropName="checked" label=" ">
                  <Checkbox>Văn bản quy phạm pháp luật</Checkbox>
                </Form.Item>
              )}
            </Col>
            <Col xs={24}>
              <Form.Item name="subject" label="Trích yếu" rules={[{ required: true, whitespace: true, message: 'Nhập trích yếu nội dung.' }, { max: 500 }]}>
                <Input maxLength={500} showCount autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="content" label="Nội dung" rules={[{ max: 20000 }]}>
                <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} maxLength={20000} />
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
            <Col xs={24}>
              <Form.Item name="recipients" label="Nơi nhận" rules={[{ type: 'array', max: 100 }]}>
                <Select
                  mode="multiple"
                  showSearch
                  optionFilterProp="label"
                  loading={recipients.loading}
                  options={recipients.options}
                  placeholder="Chọn cơ quan nhận"
                  data-testid="recipients"
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item label="Tệp dự thảo">
                <FileDrop files={files} setFiles={setFiles} onProblem={setFileProblem} disabled={save.isPending} />
                {fileProblem && <Typography.Text type="danger">{fileProblem}</Typography.Text>}
              </Form.Item>
            </Col>
          </Row>
          <Flex justify="end" gap={8} wrap>
            <Button htmlType="submit" icon={<SaveOutlined aria-hidden />} loading={save.isPending}>
              Lưu dự thảo
            </Button>
            <Button type="primary" icon={<SendOutlined aria-hidden />} loading={save.isPending} onClick={() => void send(true)}>
              Lưu và trình duyệt
            </Button>
          </Flex>
        </Form>
      </Card>
    </Space>
  );
}
