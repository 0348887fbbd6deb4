// One function per API call the web app makes. Screens import these, not raw paths.
import { ApiError, api, getCsrfToken, setCsrfToken } from './client';
import type {
  Agency,
  AgencyCreate,
  AgencyNode,
  AgencyUpdate,
  ApiToken,
  CreatedToken,
  Dossier,
  DossierActionBody,
  DossierFormName,
  DossierList,
  DossierQuery,
  Health,
  HolidaySchedule,
  HolidayScheduleUpdate,
  LoginRequest,
  LoginResponse,
  IntakeRequest,
  LunarYear,
  MeResponse,
  OnlineSubmission,
  OnlineSubmissionAnswer,
  PasswordChange,
  Procedure,
  ProcedureField,
  ProcedureFieldList,
  ProcedureList,
  ProcedureQuery,
  PublicDossier,
  SealVerification,
  Session,
  SessionList,
  TokenList,
  User,
  UserCreate,
  UserList,
  UserQuery,
  UserUpdate,
  Officer,
  Notification,
  NotificationCount,
  NotificationList,
  NotificationQuery,
  OfficerList,
  Rating,
  RatingRequest,
  TaskCounts,
  TaskList,
  TaskQuery,
  UnitTaskQuery,
  ReceivingAgency,
  ReceivingAgencyList,
  Job,
  JobList,
  JobQuery,
  DocumentActionBody,
  DocumentFile,
  DocumentList,
  DocumentQuery,
  DocumentTaskQuery,
  IncomingDocumentRequest,
  OfficialDocument,
  OutgoingDocumentRequest,
} from './types';

const seg = encodeURIComponent;

export function getHealth(signal?: AbortSignal): Promise<Health> {
  return api.get<Health>('/health', { signal });
}

export function getPublicDossier(code: string, signal?: AbortSignal): Promise<PublicDossier> {
  return api.get<PublicDossier>(`/public/dossiers/${seg(code)}`, { signal });
}

/** The agency's seal behind a QR code; with `sha256`, also whether a file in hand is the sealed one. */
export function verifySeal(token: string, sha256?: string, signal?: AbortSignal): Promise<SealVerification> {
  const query = sha256 ? `?sha256=${encodeURIComponent(sha256)}` : '';
  return api.get<SealVerification>(`/public/verify/${seg(token)}${query}`, { signal });
}

/** Where a citizen may file a procedure of `level`: agencies with reception officers. */
export async function listReceivingAgencies(level: string | undefined, signal?: AbortSignal): Promise<ReceivingAgency[]> {
  const query = level ? `?level=${encodeURIComponent(level)}` : '';
  const answer = await api.get<ReceivingAgencyList>(`/public/agencies${query}`, { signal });
  return answer.items;
}

/**
 * Online submission, no account. `idempotencyKey` (one per form submission) makes a retry or
 * a double click answer with the same dossier instead of a second one.
 */
export function submitOnline(body: OnlineSubmission, idempotencyKey: string): Promise<OnlineSubmissionAnswer> {
  return api.post<OnlineSubmissionAnswer>('/public/submissions', body, { headers: { 'Idempotency-Key': idempotencyKey } });
}

// --- dossiers (reception) ------------------------------------------------------------------

/** Receives a dossier at the counter (reception); the same key never makes two dossiers. */
export function createDossier(body: IntakeRequest, idempotencyKey: string): Promise<Dossier> {
  return api.post<Dossier>('/dossiers', body, { headers: { 'Idempotency-Key': idempotencyKey } });
}

export function listDossiers(query: DossierQuery, signal?: AbortSignal): Promise<DossierList> {
  return api.get<DossierList>('/dossiers', { query: { ...query }, signal });
}

export function getDossier(code: string, signal?: AbortSignal): Promise<Dossier> {
  return api.get<Dossier>(`/dossiers/${seg(code)}`, { signal });
}

/** One action on a dossier, with the version the user saw (a stale one is 409). */
export function actOnDossier(code: string, body: DossierActionBody): Promise<Dossier> {
  return api.post<Dossier>(`/dossiers/${seg(code)}/actions`, body);
}

/** Names the officer of the current step (null: nobody), as a leader of the unit. */
export function setAssignee(code: string, username: string | null, version?: number): Promise<Dossier> {
  return api.put<Dossier>(`/dossiers/${seg(code)}/assignee`, { username, version });
}

/** Officers who may take the dossier's current or next step. */
export async function listOfficers(code: string, step: 'current' | 'next', signal?: AbortSignal): Promise<Officer[]> {
  const answer = await api.get<OfficerList>(`/dossiers/${seg(code)}/officers`, { query: { step, per_page: 500 }, signal });
  return answer.items;
}

/** A PDF of the dossier (receipt, supplement request, refusal, apology, stop notice, control sheet). */
export function formPdfUrl(code: string, name: DossierFormName): string {
  return `/api/v1/dossiers/${seg(code)}/forms/${name}.pdf`;
}

// --- work queues -----------------------------------------------------------------------------

/** The signed-in officer's tasks, by due time. */
export function listTasks(query: TaskQuery, signal?: AbortSignal): Promise<TaskList> {
  return api.get<TaskList>('/tasks', { query: { ...query }, signal });
}

/** The unit's queue (leaders). */
export function listUnitTasks(query: UnitTaskQuery, signal?: AbortSignal): Promise<TaskList> {
  return api.get<TaskList>('/tasks/unit', { query: { ...query }, signal });
}

export function getTaskCounts(signal?: AbortSignal): Promise<TaskCounts> {
  return api.get<TaskCounts>('/tasks/counts', { signal });
}

// --- notifications (the bell) -----------------------------------------------------------------

/** The signed-in officer's notifications, newest first, with their unread count. */
export function listNotifications(query: NotificationQuery, signal?: AbortSignal): Promise<NotificationList> {
  return api.get<NotificationList>('/notifications', { query: { ...query }, signal });
}

export function getNotificationCount(signal?: AbortSignal): Promise<NotificationCount> {
  return api.get<NotificationCount>('/notifications/count', { signal });
}

export function markNotificationRead(id: number): Promise<Notification> {
  return api.post<Notification>(`/notifications/${id}/read`);
}

export function markAllNotificationsRead(): Promise<void> {
  return api.post<void>('/notifications/read-all');
}

// --- rating (public, with the receipt's token) -------------------------------------------------

export function getRating(code: string, token: string, signal?: AbortSignal): Promise<Rating> {
  return api.get<Rating>(`/public/dossiers/${seg(code)}/rating`, { query: { token }, signal });
}

export function postRating(code: string, body: RatingRequest): Promise<Rating> {
  return api.post<Rating>(`/public/dossiers/${seg(code)}/rating`, body);
}

/** Reception accepts an online submission: it becomes "processing", its times count from now. */
export function acceptDossier(code: string): Promise<Dossier> {
  return api.post<Dossier>(`/dossiers/${seg(code)}/actions`, { action: 'accept' });
}

/** Form 01 (receipt and appointment slip, A5 PDF), opened in a new tab to print. */
export function receiptPdfUrl(code: string): string {
  return `/api/v1/dossiers/${seg(code)}/forms/01.pdf`;
}

// --- procedure catalog (docs/catalog.md), public ---------------------------------------------

/** `q` matches code, name and field ignoring case, diacritics and đ (the server folds them). */
export function listProcedures(params: ProcedureQuery, signal?: AbortSignal): Promise<ProcedureList> {
  return api.get<ProcedureList>('/procedures', { query: { ...params }, signal });
}

/** The version in force today, or version `version`. */
export function getProcedure(code: string, version?: number, signal?: AbortSignal): Promise<Procedure> {
  return api.get<Procedure>(`/procedures/${seg(code)}`, { query: { version }, signal });
}

export async function listProcedureFields(signal?: AbortSignal): Promise<ProcedureField[]> {
  const answer = await api.get<ProcedureFieldList>('/procedure-fields', { signal });
  return answer.items;
}

// --- auth --------------------------------------------------------------------------------

/** Signs in; on success remembers the CSRF token for later state-changing requests. */
export async function login(credentials: LoginRequest): Promise<LoginResponse> {
  const answer = await api.post<LoginResponse>('/auth/login', credentials);
  setCsrfToken(answer.csrf_token);
  return answer;
}

/** The signed-in user; refreshes the stored CSRF token (a new tab has none). */
export async function getMe(signal?: AbortSignal): Promise<MeResponse> {
  const answer = await api.get<MeResponse>('/auth/me', { signal });
  if (answer.csrf_token) setCsrfToken(answer.csrf_token);
  return answer;
}

/** Ends the session; the stored CSRF token is dropped whatever the answer. */
export async function logout(): Promise<void> {
  try {
    await api.post<void>('/auth/logout');
  } finally {
    setCsrfToken(null);
  }
}

export function changePassword(body: PasswordChange): Promise<void> {
  return api.post<void>('/auth/password', body);
}

export function listSessions(signal?: AbortSignal): Promise<SessionList> {
  return api.get<SessionList>('/auth/sessions', { signal });
}

export function endSession(id: Session['id']): Promise<void> {
  return api.del<void>(`/auth/sessions/${seg(String(id))}`);
}

export function listTokens(signal?: AbortSignal): Promise<TokenList> {
  return api.get<TokenList>('/auth/tokens', { signal });
}

export function createToken(name: string): Promise<CreatedToken> {
  return api.post<CreatedToken>('/auth/tokens', { name });
}

export function revokeToken(id: ApiToken['id']): Promise<void> {
  return api.del<void>(`/auth/tokens/${seg(String(id))}`);
}

// --- agencies ------------------------------------------------------------------------------

export function getAgencyTree(signal?: AbortSignal): Promise<AgencyNode> {
  return api.get<AgencyNode>('/agencies', { signal });
}

export function createAgency(body: AgencyCreate): Promise<Agency> {
  return api.post<Agency>('/agencies', body);
}

export function updateAgency(code: string, body: AgencyUpdate): Promise<Agency> {
  return api.patch<Agency>(`/agencies/${seg(code)}`, body);
}

// --- users ---------------------------------------------------------------------------------

export function listUsers(query: UserQuery, signal?: AbortSignal): Promise<UserList> {
  return api.get<UserList>('/users', { query: { ...query }, signal });
}

export function createUser(body: UserCreate): Promise<User> {
  return api.post<User>('/users', body);
}

export function updateUser(username: string, body: UserUpdate): Promise<User> {
  return api.patch<User>(`/users/${seg(username)}`, body);
}

export function resetUserPassword(username: string, password: string): Promise<void> {
  return api.post<void>(`/users/${seg(username)}/password`, { password });
}

// --- calendar ------------------------------------------------------------------------------

export function getHolidays(year: number, signal?: AbortSignal): Promise<HolidaySchedule> {
  return api.get<HolidaySchedule>('/calendar/holidays', { query: { year }, signal });
}

export function putHolidays(year: number, body: HolidayScheduleUpdate): Promise<HolidaySchedule> {
  return api.put<HolidaySchedule>('/calendar/holidays', body, { query: { year } });
}

export function getLunarYear(year: number, signal?: AbortSignal): Promise<LunarYear> {
  return api.get<LunarYear>('/calendar/lunar', { query: { year }, signal });
}

// --- background jobs (an administrator of the root agency) ----------------------------------------

export function listJobs(query: JobQuery, signal?: AbortSignal): Promise<JobList> {
  return api.get<JobList>('/jobs', { query: { ...query }, signal });
}

/** Queues a failed job again now (409 for any other state). */
export function retryJob(id: number): Promise<Job> {
  return api.post<Job>(`/jobs/${id}/retry`);
}

// --- official documents (docs/documents.md) ---------------------------------------------------

/** Registers an incoming document (clerk); a likely duplicate is 409 with details.duplicate_of. */
export function registerIncomingDocument(body: IncomingDocumentRequest): Promise<OfficialDocument> {
  return api.post<OfficialDocument>('/documents/incoming', body);
}

/** Drafts an outgoing document (any officer: the drafter). */
export function draftOutgoingDocument(body: OutgoingDocumentRequest): Promise<OfficialDocument> {
  return api.post<OfficialDocument>('/documents/outgoing', body);
}

export function listDocuments(query: DocumentQuery, signal?: AbortSignal): Promise<DocumentList> {
  return api.get<DocumentList>('/documents', { query: { ...query }, signal });
}

/** The signed-in officer's document tasks (to register, direct, handle, approve, issue…). */
export function listDocumentTasks(query: DocumentTaskQuery, signal?: AbortSignal): Promise<DocumentList> {
  return api.get<DocumentList>('/documents/tasks', { query: { ...query }, signal });
}

export function getDocument(id: number, signal?: AbortSignal): Promise<OfficialDocument> {
  return api.get<OfficialDocument>(`/documents/${id}`, { signal });
}

/** One action with the version the user saw (a stale one is 409). */
export function actOnDocument(id: number, body: DocumentActionBody): Promise<OfficialDocument> {
  return api.post<OfficialDocument>(`/documents/${id}/actions`, body);
}

export function documentFileUrl(id: number, sha256: string): string {
  return `/api/v1/documents/${id}/files/${seg(sha256)}`;
}

/**
 * Attaches a file (multipart `file`): PDF, JPEG or PNG up to 10 MiB. Errors come back as
 * ApiError with the server's Vietnamese message, as for JSON calls.
 */
export async function uploadDocumentFile(id: number, file: File): Promise<DocumentFile> {
  const body = new FormData();
  body.append('file', file, file.name);
  const headers: Record<string, string> = { Accept: 'application/json' };
  const csrf = getCsrfToken();
  if (csrf) headers['X-CSRF-Token'] = csrf;
  let response: Response;
  try {
    response = await fetch(`/api/v1/documents/${id}/files`, { method: 'POST', body, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError('network_error', 'Không kết nối được với máy chủ. Vui lòng kiểm tra kết nối mạng và thử lại.', 0);
  }
  let parsed: unknown = null;
  try {
    parsed = await response.json();
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    const error = (parsed as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null)?.error;
    if (error?.code && error.message) throw new ApiError(error.code, error.message, response.status, error.details);
    if (response.status === 413) throw new ApiError('payload_too_large', 'Tệp quá lớn (tối đa 10 MB).', 413);
    if (response.status === 415)
      throw new ApiError('unsupported_media_type', 'Chỉ nhận tệp PDF, JPEG hoặc PNG.', 415);
    throw new ApiError('invalid_response', `Tải tệp lên không thành công (mã ${response.status}).`, response.status);
  }
  return parsed as DocumentFile;
}
