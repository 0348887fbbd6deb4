// One function per API call the web app makes. Screens import these, not raw paths.
import { api, setCsrfToken } from './client';
import type { Health, LoginRequest, LoginResponse, Page, ProcedureSummary, PublicDossier } from './types';

export function getHealth(signal?: AbortSignal): Promise<Health> {
  return api.get<Health>('/health', { signal });
}

export function getPublicDossier(code: string, signal?: AbortSignal): Promise<PublicDossier> {
  return api.get<PublicDossier>(`/public/dossiers/${encodeURIComponent(code)}`, { signal });
}

export function listProcedures(
  params: { q?: string; page?: number; per_page?: number },
  signal?: AbortSignal,
): Promise<Page<ProcedureSummary>> {
  return api.get<Page<ProcedureSummary>>('/procedures', { query: params, signal });
}

/** Signs in; on success remembers the CSRF token for later state-changing requests. */
export async function login(credentials: LoginRequest): Promise<LoginResponse> {
  const answer = await api.post<LoginResponse>('/auth/login', credentials);
  setCsrfToken(answer.csrf_token);
  return answer;
}
