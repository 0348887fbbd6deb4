// Files chosen or dropped onto a zone (drag and drop, or click / Enter to browse), kept in
// the page until the document exists; PDF, JPEG or PNG up to 10 MiB as the server accepts
// (it sniffs the content and refuses anything else anyway).
import type { Dispatch, SetStateAction } from 'react';
import { Typography, Upload, type UploadFile } from 'antd';
import { InboxOutlined } from '@ant-design/icons';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** Why a file is refused before sending, or null. */
export function fileProblem(file: File): string | null {
  if (file.size > MAX_FILE_BYTES) return `Tệp "${file.name}" vượt quá 10 MB.`;
  if (!/\.(pdf|jpe?g|png)$/i.test(file.name) && !/^(application\/pdf|image\/(jpeg|png))$/.test(file.type))
    return `Tệp "${file.name}" không phải PDF, JPEG hoặc PNG.`;
  return null;
}

export function FileDrop({
  files,
  setFiles,
  onProblem,
  disabled,
  hint = 'PDF, JPEG hoặc PNG, tối đa 10 MB mỗi tệp',
  testId = 'file-drop',
}: {
  files: UploadFile[];
  setFiles: Dispatch<SetStateAction<UploadFile[]>>;
  onProblem: (message: string | null) => void;
  disabled?: boolean;
  hint?: string;
  testId?: string;
}) {
  return (
    <div data-testid={testId}>
    <Upload.Dragger
      multiple
      accept={ACCEPT}
      disabled={disabled}
      fileList={files}
      beforeUpload={(file) => {
        const problem = fileProblem(file);
        if (problem) {
          onProblem(problem);
          return Upload.LIST_IGNORE;
        }
        onProblem(null);
        setFiles((list) => [...list, file as UploadFile]);
        return false; // kept here: sent once the document exists
      }}
      onRemove={(file) => setFiles((list) => list.filter((f) => f.uid !== file.uid))}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined aria-hidden />
      </p>
      <Typography.Text>Kéo thả tệp vào đây hoặc bấm để chọn tệp</Typography.Text>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      </div>
    </Upload.Dragger>
    </div>
  );
}

/** The File behind an entry of the list (the browser's own object). */
export function fileOf(entry: UploadFile): File {
  return (entry.originFileObj ?? (entry as unknown as File)) as File;
}
