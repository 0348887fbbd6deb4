// The API's JSON shapes as the web app uses them (CONTRACT.md "HTTP API", docs/access.md).
// Times are ISO 8601 strings in Vietnam time, e.g. "2026-02-25T10:00:00+07:00".
//
// Where src/api/openapi.json describes a shape, the type below is read off the generated
// schema.d.ts (openapi.ts), so a change of the description breaks the type check instead of
// drifting. Where it does not yet (a list's items are typed {}, an answer has no schema, or
// every field is optional), a small local type stands in, marked "local until the
// description has the schema": those go once the description names them.
import type { Answer, Query, RequestBody, Schemas } from './openapi';

export type Health = Schemas['Health'];

// --- dossiers ---------------------------------------------------------------------------------

export type DossierStatus = NonNullable<Schemas['Dossier']['status']>;

/** Local until the description has the schema: GET /public/dossiers/{code}, name masked. */
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

export type DossierChannel = Schemas['Intake']['channel'];
export type IntakeChannel = Exclude<DossierChannel, 'online'>;

export type Applicant = Schemas['Applicant'];

/**
 * A component handed in: the procedure's name, exactly, and the counts received. The
 * description's item has every field optional; the app always sends all four.
 */
export type ComponentCounts = Required<Schemas['Intake']['components'][number]>;

/** POST /dossiers (reception, at the counter or by post). */
export type IntakeRequest = Omit<Schemas['Intake'], 'channel' | 'agency_code' | 'components'> & {
  channel: IntakeChannel;
  components: ComponentCounts[];
};

/** POST /public/submissions (no account): the intake body, online, with the receiving agency. */
export type OnlineSubmission = Omit<IntakeRequest, 'channel'> & {
  channel: 'online';
  agency_code: string;
};

/** Local until the description has the schema: an item of GET /public/agencies. */
export interface ReceivingAgency {
  code: string;
  name: string;
  kind: string;
}

/** Local until the description has the schema: the answer of POST /public/submissions. */
export interface OnlineSubmissionAnswer {
  code: string;
  status: 'submitted' | (string & {});
  public_token: string;
}

/** Local until the description has the schema (its events are typed {}). */
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

/** Local until the description has the schema (its current_step is typed {}). */
export interface DossierStep {
  index: number;
  name: string;
  role: Role | (string & {});
  agency_code: string;
  due_at: string | null;
}

/**
 * Local until the description has the schema (it lacks procedure_name, components, the
 * step and the events): GET /dossiers/{code}, and the answers of POST /dossiers and actions.
 */
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

/** Local until the description has the schema: an item of GET /dossiers. */
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

export type DossierQuery = Omit<Query<'/api/v1/dossiers', 'get'>, 'status'> & { status?: DossierStatus };

// --- users and sign-in (docs/access.md) ---------------------------------------------------------

export type Role = NonNullable<Schemas['User']['roles']>[number];
export const ROLES = ['admin', 'reception', 'specialist', 'leader', 'clerk', 'viewer'] as const satisfies readonly Role[];

/**
 * A user in JSON. The description lists the fields but marks none required; the server
 * always sends them, except `created_at` in the answers of /auth/login and /auth/me.
 */
export type User = Required<Omit<Schemas['User'], 'created_at'>> & Pick<Schemas['User'], 'created_at'>;

export type LoginRequest = RequestBody<'/api/v1/auth/login', 'post'>;

/** POST /auth/login and GET /auth/me (`csrf_token` only for a cookie session). */
export interface MeResponse {
  user: User;
  csrf_token?: Answer<'/api/v1/auth/me', 'get'>['csrf_token'];
}

export interface LoginResponse extends MeResponse {
  csrf_token: string;
}

export type PasswordChange = RequestBody<'/api/v1/auth/password', 'post'>;

/** Local until the description types list items: every list answer. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  per_page: number;
}

// --- procedure catalog (docs/catalog.md) -----------------------------------------------------

type DescribedProcedure = Schemas['Procedure'];

export type ProcedureLevel = NonNullable<DescribedProcedure['level']>;
export const PROCEDURE_LEVELS = ['province', 'district', 'commune'] as const satisfies readonly ProcedureLevel[];

/** Exactly one of the three is set. */
export type TimeLimit = DescribedProcedure['time_limit'];

/** `amount` in whole đồng (0 = free), always sent; `amount_in_words` ("Hai nghìn đồng") in answers. */
export type Fee = DescribedProcedure['fee'] & { amount: number };

/** One document of the dossier (thành phần hồ sơ): how many originals, certified and plain copies. */
export type ProcedureComponent = Required<DescribedProcedure['components'][number]>;

export type ProcedureStep = Required<Omit<DescribedProcedure['steps'][number], 'agency_code'>> &
  Pick<DescribedProcedure['steps'][number], 'agency_code'>;

/** Local until the description has the schema: an item of GET /procedures. */
export interface ProcedureSummary {
  code: string;
  name: string;
  field: string;
  level: ProcedureLevel | (string & {});
  time_limit: TimeLimit;
  time_limit_hours?: number;
  fee: Fee;
}

/** Local until the description has the schema: an item of a procedure's `versions`. */
export interface ProcedureVersion {
  version: number;
  effective_from: string;
  created_at: string;
}

/**
 * GET /procedures/{code}: the version in force today (or ?version=N). The description's
 * fields, with those the server always sends required, and `versions`, which it lacks.
 */
export type Procedure = Omit<DescribedProcedure, 'fee' | 'components' | 'steps' | 'effective_from' | 'version'> &
  ProcedureSummary & {
    components: ProcedureComponent[];
    steps: ProcedureStep[];
    effective_from: string;
    version: number;
    versions?: ProcedureVersion[];
  };

export type ProcedureQuery = Omit<Query<'/api/v1/procedures', 'get'>, 'level'> & { level?: ProcedureLevel };

/** Local until the description has the schema: GET /procedure-fields, the fields with their counts. */
export interface ProcedureField {
  field: string;
  count: number;
}

// --- access: agencies, users, sessions, tokens (docs/access.md) ------------------------------

export type AgencyKind = NonNullable<Schemas['Agency']['kind']>;
export const AGENCY_KINDS = [
  'province',
  'district',
  'commune',
  'department',
  'service_center',
  'other',
] as const satisfies readonly AgencyKind[];

/**
 * GET /agencies: the caller's agency with its subtree (`children` in the tree only). The
 * description marks no field required; the server always sends them.
 */
export type Agency = Required<Omit<Schemas['Agency'], 'children'>> & { children?: Agency[] };

export type AgencyCreate = Omit<RequestBody<'/api/v1/agencies', 'post'>, 'kind'> & { kind?: AgencyKind };
export type AgencyUpdate = Omit<RequestBody<'/api/v1/agencies/{code}', 'patch'>, 'kind'> & { kind?: AgencyKind };

export type UserQuery = Omit<Query<'/api/v1/users', 'get'>, 'role' | 'active'> & { role?: Role; active?: boolean };
export type UserCreate = Omit<RequestBody<'/api/v1/users', 'post'>, 'roles'> & { roles: Role[] };
export type UserUpdate = Omit<RequestBody<'/api/v1/users/{username}', 'patch'>, 'roles'> & { roles?: Role[] };

/** Local until the description has the schema: an item of GET /auth/sessions. */
export interface Session {
  id: number;
  created_at: string;
  last_seen_at: string;
  client_address: string | null;
  user_agent: string | null;
  current: boolean;
}

/** Local until the description has the schema: an item of GET /auth/tokens. */
export interface ApiToken {
  id: number;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
}

/**
 * POST /auth/tokens: the only answer that carries the token itself. The description's fields,
 * all of which the server sends.
 */
export type CreatedToken = Required<Answer<'/api/v1/auth/tokens', 'post'>>;

/** Local until the description types list items: sessions and tokens carry `items`, maybe paging. */
export interface ItemList<T> {
  items: T[];
  total?: number;
}

// --- calendar (docs/calendar.md) ----------------------------------------------------------------

/** GET/PUT /calendar/holidays?year=: the schedule in force (official, else statutory). */
export type HolidaySchedule = Schemas['HolidaySchedule'];
export type HolidayDay = HolidaySchedule['items'][number];
export type HolidayKind = HolidayDay['kind'];
export const HOLIDAY_KINDS = ['holiday', 'compensatory', 'day_off', 'working_day'] as const satisfies readonly HolidayKind[];

export type LunarDate = Schemas['LunarDate'];

export type HolidayScheduleUpdate = RequestBody<'/api/v1/calendar/holidays', 'put'>;

/** GET /calendar/lunar?year=: one item per day of the year. */
export type LunarYear = Answer<'/api/v1/calendar/lunar', 'get'>;
