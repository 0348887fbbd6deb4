// The API's JSON shapes as the web app uses them (CONTRACT.md "HTTP API", docs/access.md).
// Times are ISO 8601 strings in Vietnam time, e.g. "2026-02-25T10:00:00+07:00".
//
// Every type below is read off the generated schema.d.ts (openapi.ts), the named schemas of
// src/api/openapi.json, so a change of the description breaks the type check instead of
// drifting. Screens import these names, never schema.d.ts.
import type { Query, Schemas } from './openapi';

export type Health = Schemas['Health'];

// --- dossiers ---------------------------------------------------------------------------------

export type DossierStatus = Schemas['DossierStatus'];

/** GET /public/dossiers/{code}: status, procedure, times, the applicant's name masked. */
export type PublicDossier = Schemas['PublicDossier'];
export type SealVerification = Schemas['SealVerification'];

export type DossierChannel = Schemas['Dossier']['channel'];
export type IntakeChannel = Schemas['IntakeRequest']['channel'];

/** The applicant as the server answers it (`email` empty when not given). */
export type Applicant = Schemas['Applicant'];

/** The applicant as the forms send it (`email` may be left out). */
export type ApplicantInput = Schemas['ApplicantInput'];

/** A component handed in: the procedure's name, exactly, and the counts received. */
export type ComponentCounts = Schemas['ComponentInput'];

/** POST /dossiers (reception, at the counter or by post). */
export type IntakeRequest = Schemas['IntakeRequest'];

/** POST /public/submissions (no account): the intake body, online, with the receiving agency. */
export type OnlineSubmission = Schemas['SubmissionRequest'];

/** An item of GET /public/agencies. */
export type ReceivingAgency = Schemas['PublicAgencies']['items'][number];
export type ReceivingAgencyList = Schemas['PublicAgencies'];

/** The answer of POST /public/submissions. */
export type OnlineSubmissionAnswer = Schemas['SubmissionResult'];

export type DossierEvent = Schemas['DossierEvent'];

/** The step a dossier is at (null before acceptance and after the last step). */
export type DossierStep = NonNullable<Schemas['CurrentStep']>;

/** GET /dossiers/{code}, and the answers of POST /dossiers and actions. */
export type Dossier = Schemas['Dossier'];

/** An item of GET /dossiers. */
export type DossierSummary = Schemas['DossierSummary'];

/** GET /dossiers: a page of summaries. */
export type DossierList = Schemas['DossierList'];

export type DossierQuery = Query<'/api/v1/dossiers', 'get'>;

// --- users and sign-in (docs/access.md) ---------------------------------------------------------

export type Role = Schemas['Role'];
export const ROLES = ['admin', 'reception', 'specialist', 'leader', 'clerk', 'viewer'] as const satisfies readonly Role[];

/** A user in JSON (GET/POST/PATCH /users, the answer of /auth/login). */
export type User = Schemas['User'];

/**
 * The signed-in user of the staff area: GET /auth/me answers without `created_at`; the user's
 * own record, once edited (PATCH /users/{username}), carries it.
 */
export type CurrentUser = Schemas['CurrentUser'] & Partial<Pick<User, 'created_at'>>;

export type LoginRequest = Schemas['LoginRequest'];

/** GET /auth/me (`csrf_token` only for a cookie session). */
export type MeResponse = Schemas['Me'];

/** POST /auth/login. */
export type LoginResponse = Schemas['LoginResult'];

export type PasswordChange = Schemas['PasswordChange'];

/** GET /users: a page of users. */
export type UserList = Schemas['UserList'];

// --- procedure catalog (docs/catalog.md) -----------------------------------------------------

export type ProcedureLevel = Schemas['Level'];
export const PROCEDURE_LEVELS = ['province', 'district', 'commune'] as const satisfies readonly ProcedureLevel[];

/** Exactly one of the three is set: narrow with `'days' in limit` and so on. */
export type TimeLimit = Schemas['TimeLimit'];

/** `amount` in whole đồng (0 = free); `amount_in_words` ("Hai nghìn đồng"). */
export type Fee = Schemas['Fee'];

/** One document of the dossier (thành phần hồ sơ): how many originals, certified and plain copies. */
export type ProcedureComponent = Schemas['Component'];

export type ProcedureStep = Schemas['ProcedureStep'];

/** An item of GET /procedures. */
export type ProcedureSummary = Schemas['ProcedureSummary'];

/** GET /procedures: a page of summaries. */
export type ProcedureList = Schemas['ProcedureList'];

/** An item of a procedure's `versions`. */
export type ProcedureVersion = Schemas['ProcedureVersion'];

/** GET /procedures/{code}: the version in force today (or ?version=N) with the list of versions. */
export type Procedure = Schemas['ProcedureDetail'];

export type ProcedureQuery = Query<'/api/v1/procedures', 'get'>;

/** An item of GET /procedure-fields: a field with its count of procedures. */
export type ProcedureField = Schemas['ProcedureFields']['items'][number];
export type ProcedureFieldList = Schemas['ProcedureFields'];

// --- access: agencies, users, sessions, tokens (docs/access.md) ------------------------------

export type AgencyKind = Schemas['AgencyKind'];
export const AGENCY_KINDS = [
  'province',
  'district',
  'commune',
  'department',
  'service_center',
  'other',
] as const satisfies readonly AgencyKind[];

/** An agency: the answer of POST /agencies and PATCH /agencies/{code}. */
export type Agency = Schemas['Agency'];

/** GET /agencies: the caller's agency with its subtree. */
export type AgencyNode = Schemas['AgencyNode'];

export type AgencyCreate = Schemas['AgencyCreate'];
export type AgencyUpdate = Schemas['AgencyPatch'];

/** GET /users: `active` as a boolean (the query string carries "true" or "false"). */
export type UserQuery = Omit<Query<'/api/v1/users', 'get'>, 'active'> & { active?: boolean };
export type UserCreate = Schemas['UserCreate'];
export type UserUpdate = Schemas['UserPatch'];

/** An item of GET /auth/sessions. */
export type Session = Schemas['Session'];
export type SessionList = Schemas['SessionList'];

/** An item of GET /auth/tokens (never the secret). */
export type ApiToken = Schemas['Token'];
export type TokenList = Schemas['TokenList'];

/** POST /auth/tokens: the only answer that carries the token itself. */
export type CreatedToken = Schemas['CreatedToken'];

// --- calendar (docs/calendar.md) ----------------------------------------------------------------

/** GET/PUT /calendar/holidays?year=: the schedule in force (official, else statutory). */
export type HolidaySchedule = Schemas['HolidaySchedule'];
export type HolidayDay = Schemas['HolidayDay'];
export type HolidayKind = HolidayDay['kind'];
export const HOLIDAY_KINDS = ['holiday', 'compensatory', 'day_off', 'working_day'] as const satisfies readonly HolidayKind[];

export type LunarDate = Schemas['LunarDate'];

export type HolidayScheduleUpdate = Schemas['HolidayScheduleUpdate'];

/** GET /calendar/lunar?year=: one item per day of the year. */
export type LunarYear = Schemas['LunarYear'];

// --- processing: actions, work queues, rating (docs/workflow.md) ---------------------------------

/** POST /dossiers/{code}/actions: one action with its fields. */
export type DossierActionBody = Schemas['DossierAction'];
export type DossierActionName = DossierActionBody['action'];

/** A task's mark: overdue (red), due within a working day (orange), paused (supplement). */
export type TaskMark = NonNullable<Schemas['TaskMark']>;

/** An item of GET /tasks and GET /tasks/unit. */
export type Task = Schemas['Task'];

/** A work queue: by the current step's due time. */
export type TaskList = Schemas['TaskList'];

export type TaskQuery = Query<'/api/v1/tasks', 'get'>;

/** GET /tasks/unit: `assignee` a username, or `none` for the unassigned ones. */
export type UnitTaskQuery = Query<'/api/v1/tasks/unit', 'get'>;

/** GET /tasks/counts: the menu's badges. */
export type TaskCounts = Schemas['TaskCounts'];

/** An officer's in-app notification (the bell), and its list with the unread count. */
export type Notification = Schemas['Notification'];
export type NotificationList = Schemas['NotificationList'];
export type NotificationCount = Schemas['NotificationCount'];
export type NotificationQuery = Query<'/api/v1/notifications', 'get'>;

/** An officer who may take a step (GET /dossiers/{code}/officers). */
export type Officer = Schemas['Officer'];
export type OfficerList = Schemas['OfficerList'];

/** A criterion of a rating (Decision 766/QĐ-TTg), each scored 1–5. */
export type RatingCriterion = keyof Schemas['RatingCriteria'];

/** A citizen's rating of a returned dossier (once): GET/POST /public/dossiers/{code}/rating. */
export type Rating = Schemas['Rating'];

/** POST /public/dossiers/{code}/rating. */
export type RatingRequest = Schemas['RatingRequest'];

/** The PDFs of a dossier (forms/{name}.pdf). */
export type DossierFormName = 'receipt' | 'supplement' | 'refusal' | 'apology' | 'stop' | 'control-sheet';

// --- background jobs (docs/jobs.md) --------------------------------------------------------------

export type JobState = Schemas['JobState'];
export const JOB_STATES: readonly JobState[] = ['queued', 'running', 'done', 'failed'];

/** An item of GET /jobs (an administrator of the root agency). */
export type Job = Schemas['Job'];
export type JobList = Schemas['JobList'];
export type JobQuery = Query<'/api/v1/jobs', 'get'>;

// --- official documents (docs/documents.md) ------------------------------------------------------

export type DocumentDirection = Schemas['DocumentDirection'];
export type DocumentStatus = Schemas['DocumentStatus'];
export type Urgency = Schemas['Urgency'];
export type Secrecy = Schemas['Secrecy'];
export const URGENCIES = ['normal', 'khan', 'thuong_khan', 'hoa_toc'] as const satisfies readonly Urgency[];
export const SECRECIES = ['normal', 'mat', 'toi_mat', 'tuyet_mat'] as const satisfies readonly Secrecy[];

/** GET /documents/{id}, and the answers of registration, drafting and actions. */
export type OfficialDocument = Schemas['Document'];
export type DocumentEvent = Schemas['DocumentEvent'];
export type DocumentFile = Schemas['DocumentFile'];
export type DocumentAssignment = Schemas['DocumentAssignment'];

/** An item of GET /documents and GET /documents/tasks. */
export type DocumentItem = Schemas['DocumentItem'];
export type DocumentList = Schemas['DocumentList'];
export type DocumentQuery = Query<'/api/v1/documents', 'get'>;
export type DocumentTaskQuery = Query<'/api/v1/documents/tasks', 'get'>;

/** POST /documents/incoming (clerk) and POST /documents/outgoing (any officer). */
export type IncomingDocumentRequest = Schemas['IncomingDocumentRequest'];
export type OutgoingDocumentRequest = Schemas['OutgoingDocumentRequest'];

/** POST /documents/{id}/actions. */
export type DocumentActionBody = Schemas['DocumentAction'];
export type DocumentActionName = DocumentActionBody['action'];
