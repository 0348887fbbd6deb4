// Vietnamese labels of the API's enumerations (docs/access.md).
import type { AgencyKind, HolidayKind, Role } from './api/types';

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
