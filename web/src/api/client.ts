// Typed fetch wrapper for the egov HTTP API (CONTRACT.md "HTTP API").
//
// - Requests and responses are JSON; cookies are sent same-origin only.
// - A failed request (4xx/5xx, network failure, a body that is not the expected JSON)
//   becomes an ApiError carrying the server's stable `code` and its Vietnamese `message`
//   from the `{"error":{"code","message","details"}}` envelope, or a Vietnamese fallback
//   message when the server did not send one.
// - State-changing requests carry `X-CSRF-Token` when one is stored (set after login).

import type { Schemas } from './openapi';

/** The server's stable codes (from the description), and the two this client adds. */
export type ErrorCode =
  | Schemas['Error']['error']['code']
  | 'network_error'
  | 'invalid_response'
  // Any other code a newer server may send.
  | (string & {});

export type ErrorEnvelope = Schemas['Error'];

export class ApiError extends Error {
  readonly code: ErrorCode;
  /** HTTP status; 0 when no response arrived (network failure, aborted request). */
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, status: number, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** Vietnamese fallbacks when a response carries no usable error envelope. */
function fallbackMessage(status: number): { code: ErrorCode; message: string } {
  switch (status) {
    case 400:
      return { code: 'bad_request', message: 'Dữ liệu gửi lên không hợp lệ.' };
    case 422:
      return { code: 'validation_failed', message: 'Dữ liệu gửi lên không hợp lệ.' };
    case 401:
      return { code: 'unauthenticated', message: 'Vui lòng đăng nhập để tiếp tục.' };
    case 403:
      return { code: 'forbidden', message: 'Bạn không có quyền thực hiện thao tác này.' };
    case 404:
      return { code: 'not_found', message: 'Không tìm thấy dữ liệu được yêu cầu.' };
    case 405:
      return { code: 'method_not_allowed', message: 'Máy chủ không hỗ trợ thao tác này.' };
    case 409:
      return { code: 'conflict', message: 'Thao tác xung đột với trạng thái hiện tại của dữ liệu.' };
    case 413:
      return { code: 'payload_too_large', message: 'Dữ liệu gửi lên quá lớn.' };
    case 415:
      return { code: 'unsupported_media_type', message: 'Định dạng dữ liệu gửi lên không được hỗ trợ.' };
    case 429:
      return { code: 'rate_limited', message: 'Bạn thao tác quá nhiều lần. Vui lòng thử lại sau ít phút.' };
    case 503:
      return { code: 'unavailable', message: 'Hệ thống tạm thời không phục vụ được. Vui lòng thử lại sau.' };
    default:
      return status >= 500
        ? { code: 'internal', message: 'Máy chủ đang gặp sự cố. Vui lòng thử lại sau.' }
        : { code: 'invalid_response', message: `Yêu cầu không thành công (mã ${status}).` };
  }
}

function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

// --- CSRF token --------------------------------------------------------------------------
// The login answer carries `csrf_token`; it lives in sessionStorage (per tab, gone when the
// tab closes), while the session itself is an HttpOnly cookie the script never sees.

const CSRF_STORAGE_KEY = 'egov.csrf_token';

export function getCsrfToken(): string | null {
  try {
    return window.sessionStorage.getItem(CSRF_STORAGE_KEY);
  } catch {
    return null; // storage disabled (privacy mode): requests go without the header
  }
}

export function setCsrfToken(token: string | null): void {
  try {
    if (token) window.sessionStorage.setItem(CSRF_STORAGE_KEY, token);
    else window.sessionStorage.removeItem(CSRF_STORAGE_KEY);
  } catch {
    // storage disabled: nothing to remember
  }
}

// --- signed-out notice ---------------------------------------------------------------------
// A 401 on any call but the login itself means the session ended (idle, expired, ended
// elsewhere): the staff area listens and returns to the sign-in page.

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/** Calls `listener` after every 401 answer except the login's; returns the unsubscribe. */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => {
    unauthenticatedListeners.delete(listener);
  };
}

// --- requests ------------------------------------------------------------------------------

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** Serialised as JSON. */
  body?: unknown;
  /** Appended as ?key=value; undefined and empty values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export const API_BASE = '/api/v1';

function buildUrl(path: string, query: RequestOptions['query']): string {
  let url = path.startsWith('/api/') ? path : `${API_BASE}${path}`;
  if (query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    const text = params.toString();
    if (text) url += `?${text}`;
  }
  return url;
}

/**
 * Sends one request and returns the parsed JSON body (undefined for 204).
 * `path` is relative to /api/v1 (e.g. `/health`) unless it starts with /api/.
 * Throws ApiError on any failure; rethrows AbortError untouched.
 */
export async function request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (options.signal) init.signal = options.signal;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  if (method !== 'GET') {
    const csrf = getCsrfToken();
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(
      'network_error',
      'Không kết nối được với máy chủ. Vui lòng kiểm tra kết nối mạng và thử lại.',
      0,
    );
  }

  if (response.status === 204) return undefined as T;

  const text = await response.text();
  let body: unknown = undefined;
  let parsed = false;
  const contentType = response.headers.get('Content-Type') ?? '';
  const looksJson = contentType.includes('json') || /^\s*[{[]/.test(text);
  if (text && looksJson && !contentType.includes('text/html')) {
    try {
      body = JSON.parse(text);
      parsed = true;
    } catch {
      parsed = false;
    }
  }

  if (response.status === 401 && !path.endsWith('/auth/login')) {
    for (const listener of [...unauthenticatedListeners]) listener();
  }
  if (!response.ok) {
    if (parsed && isErrorEnvelope(body)) {
      const { code, message, details } = body.error;
      throw new ApiError(code, message, response.status, details);
    }
    const fallback = fallbackMessage(response.status);
    throw new ApiError(fallback.code, fallback.message, response.status);
  }
  if (!parsed) {
    // e.g. an HTML page where JSON was expected (a proxy, or a server without this route).
    throw new ApiError('invalid_response', 'Máy chủ trả lời không đúng định dạng. Vui lòng thử lại sau.', response.status);
  }
  return body as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  del: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};

/** The message to show for any error caught around an API call. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại.';
}

/**
 * The envelope's per-field messages (`"details": {"field": "message"}`) of a validation
 * failure, as `{name, errors}` pairs for antd's `form.setFields`. `rename` maps an API field
 * to the form's field name where they differ. Empty when the error carries none.
 */
export function fieldErrors(
  error: unknown,
  rename: Record<string, string> = {},
): { name: string; errors: string[] }[] {
  if (!(error instanceof ApiError) || !error.details) return [];
  const fields: { name: string; errors: string[] }[] = [];
  for (const [field, message] of Object.entries(error.details)) {
    if (typeof message === 'string' && message) fields.push({ name: rename[field] ?? field, errors: [message] });
  }
  return fields;
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
