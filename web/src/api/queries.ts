// The app's server state through TanStack Query: one QueryClient (main.tsx), and for each
// GET the web app makes a query with a stable key, so screens share answers and a change
// invalidates exactly what it changes. Keys are hierarchical: invalidating `keys.dossiers.all`
// refreshes every dossier list and page; `keys.auth.me` is the signed-in user.
import { QueryClient, queryOptions, keepPreviousData } from '@tanstack/react-query';

import { ApiError } from './client';
import {
  getAgencyTree,
  getDossier,
  getHealth,
  getHolidays,
  getLunarYear,
  getMe,
  getProcedure,
  getPublicDossier,
  getRating,
  getTaskCounts,
  getNotificationCount,
  listNotifications,
  listOfficers,
  listTasks,
  listUnitTasks,
  listDossiers,
  listProcedureFields,
  listProcedures,
  listReceivingAgencies,
  listSessions,
  listTokens,
  listUsers,
  verifySeal,
  listJobs,
  getDocument,
  listDocuments,
  listDocumentTasks,
} from './endpoints';
import type { DocumentQuery, DocumentTaskQuery, DossierQuery, JobQuery, NotificationQuery, ProcedureQuery, TaskQuery, UnitTaskQuery, UserQuery } from './types';

/**
 * No automatic retries (a failed request shows its Vietnamese message at once, as before, and
 * a retried POST could never be the issue: mutations do not retry either), no refetch on
 * window focus (forms and drawers stay as the user left them). A screen mounted again shows
 * what it had and refreshes it.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/**
 * Drops every cached answer that belongs to a signed-in user (everything but the public
 * catalog, lookups and health), at sign-in and sign-out: the next user must not see them.
 */
export function forgetStaffData(queryClient: QueryClient): void {
  for (const queryKey of [keys.auth.all, keys.agencies.all, keys.users.all, keys.dossiers.all, keys.tasks.all, keys.calendar.all, keys.jobs.all, keys.notifications.all, keys.documents.all]) {
    queryClient.removeQueries({ queryKey });
  }
}

/** True for an answer the server gave as 404 (the screens word "not found" themselves). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

export const keys = {
  health: ['health'] as const,
  auth: {
    all: ['auth'] as const,
    me: ['auth', 'me'] as const,
    sessions: ['auth', 'sessions'] as const,
    tokens: ['auth', 'tokens'] as const,
  },
  agencies: { all: ['agencies'] as const, tree: ['agencies', 'tree'] as const },
  users: { all: ['users'] as const, list: (query: UserQuery) => ['users', 'list', query] as const },
  jobs: { all: ['jobs'] as const, list: (query: JobQuery) => ['jobs', 'list', query] as const },
  dossiers: {
    all: ['dossiers'] as const,
    list: (query: DossierQuery) => ['dossiers', 'list', query] as const,
    detail: (code: string) => ['dossiers', 'detail', code] as const,
    officers: (code: string, step: 'current' | 'next') => ['dossiers', 'officers', code, step] as const,
  },
  /** Official documents: every change to one invalidates them all (lists, tasks, pages). */
  documents: {
    all: ['documents'] as const,
    list: (query: DocumentQuery) => ['documents', 'list', query] as const,
    tasks: (query: DocumentTaskQuery) => ['documents', 'tasks', query] as const,
    detail: (id: number) => ['documents', 'detail', id] as const,
  },
  /** The bell: the signed-in officer's notifications and their unread count. */
  notifications: {
    all: ['notifications'] as const,
    list: (query: NotificationQuery) => ['notifications', 'list', query] as const,
    count: ['notifications', 'count'] as const,
  },
  /** Work queues: every change to a dossier invalidates them with the dossiers. */
  tasks: {
    all: ['tasks'] as const,
    mine: (query: TaskQuery) => ['tasks', 'mine', query] as const,
    unit: (query: UnitTaskQuery) => ['tasks', 'unit', query] as const,
    counts: ['tasks', 'counts'] as const,
  },
  procedures: {
    all: ['procedures'] as const,
    list: (query: ProcedureQuery) => ['procedures', 'list', query] as const,
    detail: (code: string, version?: number) => ['procedures', 'detail', code, version ?? 'current'] as const,
    fields: ['procedures', 'fields'] as const,
  },
  publicDossier: (code: string) => ['public', 'dossiers', code] as const,
  seal: (token: string) => ['public', 'verify', token] as const,
  rating: (code: string, token: string) => ['public', 'rating', code, token] as const,
  receivingAgencies: (level: string | undefined) => ['public', 'agencies', level ?? 'all'] as const,
  calendar: {
    all: ['calendar'] as const,
    holidays: (year: number) => ['calendar', 'holidays', year] as const,
    lunar: (year: number) => ['calendar', 'lunar', year] as const,
  },
};

export const queries = {
  health: () => queryOptions({ queryKey: keys.health, queryFn: ({ signal }) => getHealth(signal) }),
  /** Never served from an earlier visit: whoever signs in next must not see this user. */
  me: () => queryOptions({ queryKey: keys.auth.me, queryFn: ({ signal }) => getMe(signal), gcTime: 0 }),
  sessions: () => queryOptions({ queryKey: keys.auth.sessions, queryFn: ({ signal }) => listSessions(signal) }),
  tokens: () => queryOptions({ queryKey: keys.auth.tokens, queryFn: ({ signal }) => listTokens(signal) }),
  agencyTree: () => queryOptions({ queryKey: keys.agencies.tree, queryFn: ({ signal }) => getAgencyTree(signal) }),
  /** A new page or filter keeps showing the previous answer until its own arrives. */
  users: (query: UserQuery) =>
    queryOptions({
      queryKey: keys.users.list(query),
      queryFn: ({ signal }) => listUsers(query, signal),
      placeholderData: keepPreviousData,
    }),
  /** Background jobs: refreshed every 5 s while shown, so progress and states move. */
  jobs: (query: JobQuery) =>
    queryOptions({
      queryKey: keys.jobs.list(query),
      queryFn: ({ signal }) => listJobs(query, signal),
      placeholderData: keepPreviousData,
      refetchInterval: 5000,
    }),
  dossiers: (query: DossierQuery) =>
    queryOptions({
      queryKey: keys.dossiers.list(query),
      queryFn: ({ signal }) => listDossiers(query, signal),
      placeholderData: keepPreviousData,
    }),
  dossier: (code: string) =>
    queryOptions({ queryKey: keys.dossiers.detail(code), queryFn: ({ signal }) => getDossier(code, signal) }),
  dossierOfficers: (code: string, step: 'current' | 'next') =>
    queryOptions({
      queryKey: keys.dossiers.officers(code, step),
      queryFn: ({ signal }) => listOfficers(code, step, signal),
    }),
  documents: (query: DocumentQuery) =>
    queryOptions({
      queryKey: keys.documents.list(query),
      queryFn: ({ signal }) => listDocuments(query, signal),
      placeholderData: keepPreviousData,
    }),
  documentTasks: (query: DocumentTaskQuery) =>
    queryOptions({
      queryKey: keys.documents.tasks(query),
      queryFn: ({ signal }) => listDocumentTasks(query, signal),
      placeholderData: keepPreviousData,
    }),
  document: (id: number) =>
    queryOptions({ queryKey: keys.documents.detail(id), queryFn: ({ signal }) => getDocument(id, signal) }),
  tasks: (query: TaskQuery) =>
    queryOptions({
      queryKey: keys.tasks.mine(query),
      queryFn: ({ signal }) => listTasks(query, signal),
      placeholderData: keepPreviousData,
    }),
  unitTasks: (query: UnitTaskQuery) =>
    queryOptions({
      queryKey: keys.tasks.unit(query),
      queryFn: ({ signal }) => listUnitTasks(query, signal),
      placeholderData: keepPreviousData,
    }),
  /** The menu's badges: refreshed every minute and after every change. */
  taskCounts: () =>
    queryOptions({
      queryKey: keys.tasks.counts,
      queryFn: ({ signal }) => getTaskCounts(signal),
      refetchInterval: 60_000,
    }),
  /** The bell's badge: refreshed every minute and after marking notifications read. */
  notificationCount: () =>
    queryOptions({
      queryKey: keys.notifications.count,
      queryFn: ({ signal }) => getNotificationCount(signal),
      refetchInterval: 60_000,
    }),
  notifications: (query: NotificationQuery) =>
    queryOptions({
      queryKey: keys.notifications.list(query),
      queryFn: ({ signal }) => listNotifications(query, signal),
    }),
  rating: (code: string, token: string) =>
    queryOptions({ queryKey: keys.rating(code, token), queryFn: ({ signal }) => getRating(code, token, signal) }),
  procedures: (query: ProcedureQuery) =>
    queryOptions({
      queryKey: keys.procedures.list(query),
      queryFn: ({ signal }) => listProcedures(query, signal),
      placeholderData: keepPreviousData,
    }),
  procedure: (code: string, version?: number) =>
    queryOptions({
      queryKey: keys.procedures.detail(code, version),
      queryFn: ({ signal }) => getProcedure(code, version, signal),
    }),
  procedureFields: () =>
    queryOptions({ queryKey: keys.procedures.fields, queryFn: ({ signal }) => listProcedureFields(signal) }),
  publicDossier: (code: string) =>
    queryOptions({ queryKey: keys.publicDossier(code), queryFn: ({ signal }) => getPublicDossier(code, signal) }),
  seal: (token: string) =>
    queryOptions({ queryKey: keys.seal(token), queryFn: ({ signal }) => verifySeal(token, undefined, signal) }),
  receivingAgencies: (level: string | undefined) =>
    queryOptions({
      queryKey: keys.receivingAgencies(level),
      queryFn: ({ signal }) => listReceivingAgencies(level, signal),
    }),
  holidays: (year: number) =>
    queryOptions({ queryKey: keys.calendar.holidays(year), queryFn: ({ signal }) => getHolidays(year, signal) }),
  lunarYear: (year: number) =>
    queryOptions({
      queryKey: keys.calendar.lunar(year),
      queryFn: ({ signal }) => getLunarYear(year, signal),
      staleTime: Infinity, // the lunar calendar of a year never changes
    }),
};
