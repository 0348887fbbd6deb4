// Puts the server's per-field messages (`details` of a validation failure) on the fields of
// an antd form. Returns false when none of them names a field of the form, so the caller
// shows the envelope's message instead.
import type { FormInstance } from 'antd';

import { fieldErrors } from '../api/client';

export function showFieldErrors<T>(
  form: FormInstance<T>,
  error: unknown,
  fieldNames: readonly string[],
  rename: Record<string, string> = {},
): boolean {
  const fields = fieldErrors(error, rename).filter((field) => fieldNames.includes(field.name));
  if (fields.length === 0) return false;
  form.setFields(fields as Parameters<FormInstance<T>['setFields']>[0]);
  return true;
}
