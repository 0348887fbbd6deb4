// Vietnamese labels of the API's enumerations (docs/access.md).
import type {
  AgencyKind,
  DocumentDirection,
  DocumentStatus,
  HolidayKind,
  ProcedureLevel,
  Role,
  Secrecy,
  Urgency,
} from './api/types';

export const roleLabels: Record<Role, string> = {
  admin: 'Quản trị',
  reception: 'Tiếp nhận',
  specialist: 'Chuyên viên',
  leader: 'Lãnh đạo',
  clerk: 'Văn thư',
  viewer: 'Xem',
};

export const agencyKindLabels: Record<AgencyKind, string> = {
  province: 'UBND tỉnh',
  district: 'UBND huyện',
  commune: 'UBND xã',
  department: 'Phòng/Ban/Sở',
  service_center: 'Trung tâm phục vụ hành chính công',
  other: 'Khác',
};

/** The label of a role; an unknown value (a role added later) is shown as sent. */
export function roleLabel(role: string): string {
  return (roleLabels as Record<string, string>)[role] ?? role;
}

export function agencyKindLabel(kind: string): string {
  return (agencyKindLabels as Record<string, string>)[kind] ?? kind;
}

/** Kinds of the days of a holiday schedule (docs/calendar.md). */
export const holidayKindLabels: Record<HolidayKind, string> = {
  holiday: 'Nghỉ lễ, Tết',
  compensatory: 'Nghỉ bù',
  day_off: 'Nghỉ hoán đổi',
  working_day: 'Làm bù',
};

/** Deciding levels of a procedure (docs/catalog.md). */
export const procedureLevelLabels: Record<ProcedureLevel, string> = {
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
};

/** A procedure's level may be absent (the server leaves an empty one out): then ''. */
export function procedureLevelLabel(level: string | undefined): string {
  if (level === undefined) return '';
  return (procedureLevelLabels as Record<string, string>)[level] ?? level;
}

/** Who carries out a step of a procedure, as a citizen reads it (the reception role is the one-stop desk). */
export const stepRoleLabels: Record<Role, string> = {
  reception: 'Bộ phận Một cửa',
  specialist: 'Chuyên viên',
  leader: 'Lãnh đạo',
  clerk: 'Văn thư',
  admin: 'Quản trị',
  viewer: 'Xem',
};

export function stepRoleLabel(role: string): string {
  return (stepRoleLabels as Record<string, string>)[role] ?? role;
}

/** Levels of online service of a procedure. */
export const onlineLevelLabels: Record<string, string> = {
  none: 'Không hỗ trợ nộp trực tuyến',
  partial: 'Dịch vụ công trực tuyến một phần',
  full: 'Dịch vụ công trực tuyến toàn trình',
};

/** How a dossier came in. */
export const channelLabels: Record<string, string> = {
  direct: 'Trực tiếp',
  postal: 'Bưu chính',
  online: 'Trực tuyến',
};

export function channelLabel(channel: string): string {
  return channelLabels[channel] ?? channel;
}

/** What happened to a dossier (the `action` of its events). */
export const dossierActionLabels: Record<string, string> = {
  intake: 'Tiếp nhận hồ sơ',
  submit: 'Nộp hồ sơ trực tuyến',
  accept: 'Tiếp nhận hồ sơ nộp trực tuyến',
  forward: 'Chuyển bước tiếp theo',
  send_back: 'Trả lại bước trước',
  request_supplement: 'Yêu cầu bổ sung hồ sơ',
  receive_supplement: 'Nhận hồ sơ bổ sung',
  refuse: 'Từ chối giải quyết',
  reschedule: 'Hẹn lại ngày trả kết quả',
  complete: 'Hoàn thành giải quyết',
  return_result: 'Trả kết quả',
  withdraw: 'Rút hồ sơ',
  stop: 'Dừng giải quyết',
  assign: 'Phân công cán bộ',
  file: 'Đính kèm tệp',
};

export function dossierActionLabel(action: string): string {
  return dossierActionLabels[action] ?? action;
}

// --- official documents (docs/documents.md): the one table of each enumeration -------------------

/** Statuses of a document, with the colour of its tag. */
export const documentStatusLabels: Record<DocumentStatus, { text: string; color: string }> = {
  arrived: { text: 'Chờ vào sổ', color: 'orange' },
  registered: { text: 'Đã vào sổ, chờ chỉ đạo', color: 'blue' },
  directed: { text: 'Đã giao xử lý', color: 'geekblue' },
  in_progress: { text: 'Đang xử lý', color: 'processing' },
  done: { text: 'Đã hoàn thành', color: 'success' },
  draft: { text: 'Dự thảo', color: 'default' },
  submitted: { text: 'Chờ duyệt', color: 'blue' },
  approved: { text: 'Đã duyệt, chờ ký', color: 'geekblue' },
  signed: { text: 'Đã ký, chờ ban hành', color: 'purple' },
  issued: { text: 'Đã ban hành', color: 'cyan' },
  sent: { text: 'Đã gửi', color: 'success' },
  recalled: { text: 'Đã thu hồi', color: 'red' },
  withdrawn: { text: 'Đã bị nơi gửi thu hồi', color: 'default' },
};

export function documentStatusLabel(status: string): { text: string; color: string } {
  return (documentStatusLabels as Record<string, { text: string; color: string }>)[status] ?? { text: status, color: 'default' };
}

export const documentDirectionLabels: Record<DocumentDirection, string> = {
  incoming: 'Văn bản đến',
  outgoing: 'Văn bản đi',
};

/** Độ khẩn (Decree 30/2020, Art. 8 and Phụ lục I). */
export const urgencyLabels: Record<Urgency, string> = {
  normal: 'Thường',
  khan: 'Khẩn',
  thuong_khan: 'Thượng khẩn',
  hoa_toc: 'Hỏa tốc',
};

/** Độ mật (Law 29/2018 on protecting State secrets). */
export const secrecyLabels: Record<Secrecy, string> = {
  normal: 'Thường',
  mat: 'Mật',
  toi_mat: 'Tối mật',
  tuyet_mat: 'Tuyệt mật',
};

export function urgencyLabel(value: string): string {
  return (urgencyLabels as Record<string, string>)[value] ?? value;
}

export function secrecyLabel(value: string): string {
  return (secrecyLabels as Record<string, string>)[value] ?? value;
}

/** What happened to a document (the `action` of its events, and the buttons' verbs). */
export const documentActionLabels: Record<string, string> = {
  register: 'Vào sổ văn bản đến',
  draft: 'Tạo dự thảo',
  arrive: 'Văn bản đến từ cơ quan gửi',
  file: 'Đính kèm tệp',
  direct: 'Chỉ đạo, giao xử lý',
  progress: 'Cập nhật tiến độ',
  complete: 'Hoàn thành xử lý',
  submit: 'Trình duyệt',
  approve: 'Duyệt',
  sign: 'Ký ban hành',
  issue: 'Phát hành (cấp số)',
  send: 'Gửi văn bản',
  send_back: 'Trả lại dự thảo',
};

export function documentActionLabel(action: string): string {
  return documentActionLabels[action] ?? action;
}

/** Kinds of assignment of a direction. */
export const assignmentKindLabels: Record<string, string> = {
  lead: 'Chủ trì',
  co_op: 'Phối hợp',
  inform: 'Để biết',
};

/**
 * The document types the server knows (data/documents/types.json: Decree 30/2020 Phụ lục III,
 * and CV for a công văn); `normative` marks those that may be normative legal documents.
 */
export const DOCUMENT_TYPES: readonly { abbreviation: string; name: string; normative?: boolean }[] = [
  { abbreviation: 'CV', name: 'Công văn' },
  { abbreviation: 'NQ', name: 'Nghị quyết', normative: true },
  { abbreviation: 'QĐ', name: 'Quyết định', normative: true },
  { abbreviation: 'CT', name: 'Chỉ thị' },
  { abbreviation: 'QC', name: 'Quy chế' },
  { abbreviation: 'QyĐ', name: 'Quy định' },
  { abbreviation: 'TC', name: 'Thông cáo' },
  { abbreviation: 'TB', name: 'Thông báo' },
  { abbreviation: 'HD', name: 'Hướng dẫn' },
  { abbreviation: 'CTr', name: 'Chương trình' },
  { abbreviation: 'KH', name: 'Kế hoạch' },
  { abbreviation: 'PA', name: 'Phương án' },
  { abbreviation: 'ĐA', name: 'Đề án' },
  { abbreviation: 'DA', name: 'Dự án' },
  { abbreviation: 'BC', name: 'Báo cáo' },
  { abbreviation: 'BB', name: 'Biên bản' },
  { abbreviation: 'TTr', name: 'Tờ trình' },
  { abbreviation: 'HĐ', name: 'Hợp đồng' },
  { abbreviation: 'CĐ', name: 'Công điện' },
  { abbreviation: 'BGN', name: 'Bản ghi nhớ' },
  { abbreviation: 'BTT', name: 'Bản thỏa thuận' },
  { abbreviation: 'GUQ', name: 'Giấy ủy quyền' },
  { abbreviation: 'GM', name: 'Giấy mời' },
  { abbreviation: 'GGT', name: 'Giấy giới thiệu' },
  { abbreviation: 'GNP', name: 'Giấy nghỉ phép' },
  { abbreviation: 'PG', name: 'Phiếu gửi' },
  { abbreviation: 'PC', name: 'Phiếu chuyển' },
  { abbreviation: 'PB', name: 'Phiếu báo' },
];
