// Shapes of the API's JSON (CONTRACT.md "HTTP API", docs/access.md), as far as the web app
// uses them. Times are ISO 8601 strings in Vietnam time, e.g. "2026-02-25T10:00:00+07:00".

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
  /** The status in Vietnamese, as the server words it ("Đang giải quyết"). */
  status_label?: string;
  received_at: string | null;
  due_at: string | null;
  applicant_name: string;
}

export type IntakeChannel = 'direct' | 'postal';
export type DossierChannel = IntakeChannel | 'online';

export interface Applicant {
  full_name: string;
  /** Số định danh cá nhân (CCCD): 12 digits. */
  id_number: string;
  /** 10-digit mobile or 11-digit landline starting with 0, or +84…; the server normalises it. */
  phone: string;
  email?: string;
  address: string;
}

/** A component handed in: the procedure's name, exactly, and the counts received. */
export interface ComponentCounts {
  name: string;
  original: number;
  certified: number;
  copy: number;
}

/** POST /dossiers (reception, at the counter or by post). */
export interface IntakeRequest {
  procedure_code: string;
  channel: IntakeChannel;
  applicant: Applicant;
  components: ComponentCounts[];
}

/** POST /public/submissions (no account): the intake body, online, with the receiving agency. */
export interface OnlineSubmission extends Omit<IntakeRequest, 'channel'> {
  channel: 'online';
  agency_code: string;
}

/** An agency where citizens may file (GET /api/v1/public/agencies). */
export interface ReceivingAgency {
  code: string;
  name: string;
  kind: string;
}

export interface OnlineSubmissionAnswer {
  code: string;
  status: 'submitted' | (string & {});
  public_token: string;
}

export interface DossierEvent {
  at: string;
  /** The action that caused the event (`intake`, `submit`, `accept`, `forward` …). */
  action: string;
  actor: string;
  agency_code: string;
  from_step: number | null;
  to_step: number | null;
  note: string;
}

export interface DossierStep {
  index: number;
  name: string;
  role: Role | (string & {});
  agency_code: string;
  due_at: string | null;
}

/** GET /dossiers/{code}, and the answers of POST /dossiers and of actions. */
export interface Dossier {
  code: string;
  procedure_code: string;
  procedure_version: number;
  procedure_name: string;
  status: DossierStatus | (string & {});
  channel: DossierChannel | (string & {});
  applicant: Applicant;
  components: ComponentCounts[];
  receiving_agency: string;
  receiving_agency_name?: string;
  current_step: DossierStep | null;
  submitted_at?: string;
  received_at: string | null;
  due_at: string | null;
  completed_at?: string;
  timeliness?: 'early' | 'on_time' | 'late' | (string & {});
  public_token: string;
  events: DossierEvent[];
}

/** An item of GET /dossiers. */
export interface DossierSummary {
  code: string;
  procedure_code: string;
  procedure_name: string;
  status: DossierStatus | (string & {});
  channel: DossierChannel | (string & {});
  applicant_name: string;
  receiving_agency: string;
  received_at: string | null;
  due_at: string | null;
  submitted_at: string;
}

export interface DossierQuery {
  status?: DossierStatus;
  q?: string;
  page?: number;
  per_page?: number;
}

export const ROLES = ['admin', 'reception', 'specialist', 'leader', 'clerk', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** A user in JSON (docs/access.md "Users and roles"). */
export interface User {
  username: string;
  full_name: string;
  agency_code: string;
  agency_name: string;
  roles: (Role | (string & {}))[];
  active: boolean;
  created_at: string;
}

export interface LoginRequest {
  username: string;
  password: string;
}

/** POST /auth/login and GET /auth/me (`csrf_token` only for a cookie session). */
export interface LoginResponse {
  user: User;
  csrf_token: string;
}

export interface MeResponse {
  user: User;
  csrf_token?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  per_page: number;
}

// --- procedure catalog (docs/catalog.md) -----------------------------------------------------

export const PROCEDURE_LEVELS = ['province', 'district', 'commune'] as const;
/** The deciding level of a procedure. */
export type ProcedureLevel = (typeof PROCEDURE_LEVELS)[number];

/** Exactly one of the three is set. */
export interface TimeLimit {
  days?: number;
  hours?: number;
  same_day?: boolean;
}

export interface Fee {
  /** Whole đồng; 0 = free. */
  amount: number;
  unit?: string;
  note?: string;
  /** "Hai nghìn đồng" (answers only). */
  amount_in_words?: string;
}

/** One document of the dossier (thành phần hồ sơ): how many originals, certified and plain copies. */
export interface ProcedureComponent {
  name: string;
  original: number;
  certified: number;
  copy: number;
}

export interface ProcedureStep {
  name: string;
  role: Role | (string & {});
  hours: number;
  agency_code?: string;
}

/** An item of GET /procedures. */
export interface ProcedureSummary {
  code: string;
  name: string;
  field: string;
  level: ProcedureLevel | (string & {});
  time_limit: TimeLimit;
  time_limit_hours?: number;
  fee: Fee;
}

export interface ProcedureVersion {
  version: number;
  effective_from: string;
  created_at: string;
}

/** GET /procedures/{code}: the version in force today (or ?version=N). */
export interface Procedure extends ProcedureSummary {
  online_level?: 'none' | 'partial' | 'full' | (string & {});
  legal_basis?: string;
  components: ProcedureComponent[];
  steps: ProcedureStep[];
  effective_from: string;
  version: number;
  versions?: ProcedureVersion[];
  source?: string;
}

export interface ProcedureQuery {
  q?: string;
  field?: string;
  level?: ProcedureLevel;
  page?: number;
  per_page?: number;
}

/** GET /procedure-fields: the fields with how many procedures each has. */
export interface ProcedureField {
  field: string;
  count: number;
}

// --- access: agencies, users, sessions, tokens (docs/access.md) ------------------------------

export const AGENCY_KINDS = ['province', 'district', 'commune', 'department', 'service_center', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** GET /agencies: the caller's agency with its subtree. */
export interface Agency {
  code: string;
  name: string;
  kind: AgencyKind | (string & {});
  abbreviation: string | null;
  working_hours?: string;
  children?: Agency[];
}

export interface AgencyCreate {
  code: string;
  name: string;
  parent_code: string;
  kind?: AgencyKind;
  abbreviation?: string;
  working_hours?: string;
}

export interface AgencyUpdate {
  name?: string;
  kind?: AgencyKind;
  abbreviation?: string;
  working_hours?: string;
}

export interface UserQuery {
  q?: string;
  agency?: string;
  role?: Role;
  active?: boolean;
  page?: number;
  per_page?: number;
}

export interface UserCreate {
  username: string;
  full_name: string;
  password: string;
  agency_code: string;
  roles: Role[];
}

export interface UserUpdate {
  full_name?: string;
  roles?: Role[];
  active?: boolean;
  agency_code?: string;
}

export interface Session {
  id: string | number;
  created_at: string;
  last_seen_at: string;
  client_address: string | null;
  user_agent: string | null;
  current: boolean;
}

export interface ApiToken {
  id: string | number;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
}

/** POST /auth/tokens: the only answer that carries the token itself. */
export interface CreatedToken {
  id: string | number;
  name: string;
  token: string;
  created_at: string;
}

/** A list answer; sessions and tokens carry `items` and may carry the paging fields. */
export interface ItemList<T> {
  items: T[];
  total?: number;
}

// --- calendar (docs/calendar.md) ----------------------------------------------------------------

export const HOLIDAY_KINDS = ['holiday', 'compensatory', 'day_off', 'working_day'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  /** The leap (repeated) month of that number. */
  leap: boolean;
}

export interface HolidayDay {
  date: string; // YYYY-MM-DD
  name: string;
  kind: HolidayKind;
  lunar: LunarDate;
}

/** GET/PUT /calendar/holidays?year=: the schedule in force (official, else statutory). */
export interface HolidaySchedule extends Page<HolidayDay> {
  year: number;
  official: boolean;
  source: string;
  updated_at?: string;
  updated_by?: string;
}

export interface HolidayScheduleUpdate {
  source?: string;
  days: { date: string; name: string; kind: HolidayKind }[];
}

/** GET /calendar/lunar?year=: one item per day of the year. */
export interface LunarYear extends Page<LunarDate & { date: string }> {
  year: number;
}
