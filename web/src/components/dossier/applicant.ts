// The applicant's fields, as the counter and the online form check them before sending
// (the same rules as the server's: src/core/dossier/dossier.cpp), and the server's per-field
// messages put back on them.
import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';

import { ApiError, errorMessage } from '../../api/client';
import type { ApplicantInput } from '../../api/types';

/** "0905 123 456", "+84 905.123.456" → "0905123456"; null when it is not a phone number. */
export function normalizePhone(text: string): string | null {
  const trimmed = text.trim();
  if (!/^\+?[\d .-]+$/.test(trimmed)) return null;
  let digits = trimmed.replace(/[ .-]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  return /^0[1-9]\d{8,9}$/.test(digits) ? digits : null;
}

/** The server's check: one @ not first, a dot inside the domain, no spaces or separators. */
export function isEmail(text: string): boolean {
  const at = text.indexOf('@');
  if (at <= 0 || text.length > 254 || /[\s,;<>]/.test(text)) return false;
  const domain = text.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  return !domain.includes('@') && dot > 0 && dot + 1 < domain.length;
}

export const PHONE_MESSAGE = 'Số điện thoại không hợp lệ (10 số di động hoặc 11 số cố định, bắt đầu bằng 0 hoặc +84).';

export const applicantRules: Record<keyof ApplicantInput, Rule[]> = {
  full_name: [
    { required: true, whitespace: true, message: 'Vui lòng nhập họ và tên người nộp.' },
    { max: 100, message: 'Họ và tên dài tối đa 100 ký tự.' },
  ],
  id_number: [
    { required: true, message: 'Vui lòng nhập số CCCD.' },
    { pattern: /^\s*\d{12}\s*$/, message: 'Số CCCD phải gồm đúng 12 chữ số.' },
  ],
  phone: [
    { required: true, message: 'Vui lòng nhập số điện thoại.' },
    {
      validator: (_rule, value: string | undefined) =>
        !value || normalizePhone(value) ? Promise.resolve() : Promise.reject(new Error(PHONE_MESSAGE)),
    },
  ],
  email: [
    {
      validator: (_rule, value: string | undefined) =>
        !value || !value.trim() || isEmail(value.trim())
          ? Promise.resolve()
          : Promise.reject(new Error('Địa chỉ thư điện tử không hợp lệ.')),
    },
  ],
  address: [
    { required: true, whitespace: true, message: 'Vui lòng nhập địa chỉ.' },
    { max: 300, message: 'Địa chỉ dài tối đa 300 ký tự.' },
  ],
};

/** The applicant as sent: trimmed, the phone normalised, an empty email left out. */
export function cleanApplicant(values: ApplicantInput): ApplicantInput {
  const email = values.email?.trim();
  return {
    full_name: values.full_name.trim().replace(/\s+/g, ' '),
    id_number: values.id_number.trim(),
    phone: normalizePhone(values.phone) ?? values.phone.trim(),
    ...(email ? { email } : {}),
    address: values.address.trim().replace(/\s+/g, ' '),
  };
}

/** The server's message starts lower case ("số điện thoại không hợp lệ…"); on a field it reads as a sentence. */
function sentence(text: string): string {
  return text ? text.charAt(0).toLocaleUpperCase('vi') + text.slice(1) : text;
}

/**
 * Puts the per-field messages of a validation failure on the form's fields: `applicant.phone`
 * → the field ['applicant', 'phone'], others as named in `fields` (dotted API name → form path).
 * Returns the messages it could not place (e.g. `components`), by API name.
 */
export function applyServerErrors<T>(
  form: FormInstance<T>,
  error: unknown,
  fields: Record<string, (string | number)[]>,
): Record<string, string> {
  const rest: Record<string, string> = {};
  if (!(error instanceof ApiError) || !error.details) return rest;
  const placed: { name: (string | number)[]; errors: string[] }[] = [];
  for (const [key, message] of Object.entries(error.details)) {
    if (typeof message !== 'string' || !message) continue;
    const path = fields[key];
    if (path) placed.push({ name: path, errors: [sentence(message)] });
    else rest[key] = sentence(message);
  }
  if (placed.length > 0) form.setFields(placed as Parameters<FormInstance<T>['setFields']>[0]);
  return rest;
}

/**
 * A failed intake or submission, shown where it belongs: field messages on the fields, the
 * components' message beside the checklist, and the envelope's message above the form
 * unless every detail found its place.
 */
export function showIntakeErrors<T>(
  form: FormInstance<T>,
  error: unknown,
  fields: Record<string, (string | number)[]>,
  setComponentsError: (message: string) => void,
  setFormError: (message: string) => void,
): void {
  const rest = applyServerErrors(form, error, fields);
  if (rest.components) setComponentsError(rest.components);
  const details = error instanceof ApiError && error.details ? Object.keys(error.details) : [];
  if (details.length === 0 || Object.keys(rest).some((key) => key !== 'components')) {
    setFormError(errorMessage(error));
  }
}

/** Where the server's `details` keys go on the applicant forms. */
export const APPLICANT_ERROR_FIELDS: Record<string, (string | number)[]> = {
  'applicant.full_name': ['applicant', 'full_name'],
  'applicant.id_number': ['applicant', 'id_number'],
  'applicant.phone': ['applicant', 'phone'],
  'applicant.email': ['applicant', 'email'],
  'applicant.address': ['applicant', 'address'],
  applicant: ['applicant', 'full_name'],
  channel: ['channel'],
};

/**
 * A fresh Idempotency-Key: one per dossier being submitted, kept across retries of the same
 * submission so a double click or a lost answer never makes two dossiers.
 * crypto.randomUUID exists only in secure contexts (https, localhost); elsewhere the key is
 * made from crypto.getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
