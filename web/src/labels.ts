// Vietnamese labels of the API's enumerations (docs/access.md).
import type { AgencyKind, HolidayKind, ProcedureLevel, Role } from './api/types';

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
