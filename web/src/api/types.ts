// Shapes of the API's JSON (CONTRACT.md "HTTP API"), as far as the web app uses them.
// Times are ISO 8601 strings in Vietnam time, e.g. "2026-02-25T10:00:00+07:00".

export interface Health {
  status: 'ok' | (string & {});
  database: 'sqlite' | 'postgresql' | (string & {});
}

export type DossierStatus =
  | 'submitted'
  | 'processing'
  | 'supplement_requested'
  | 'result_ready'
  | 'returned'
  | 'refused'
  | 'withdrawn'
  | 'stopped';

/** GET /api/v1/public/dossiers/{code}: the public view, applicant name masked. */
export interface PublicDossier {
  code: string;
  procedure_name: string;
  status: DossierStatus | (string & {});
  received_at: string | null;
  due_at: string | null;
  applicant_name: string;
}

export type Role = 'admin' | 'reception' | 'specialist' | 'leader' | 'clerk' | 'viewer';

export interface User {
  username: string;
  full_name?: string;
  agency_code?: string;
  roles?: Role[];
  [key: string]: unknown;
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface LoginResponse {
  user: User;
  csrf_token: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  per_page: number;
}

export interface ProcedureSummary {
  code: string;
  name: string;
  field: string;
  level?: number | string;
  [key: string]: unknown;
}
