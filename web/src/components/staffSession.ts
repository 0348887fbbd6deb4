// The signed-in user of the staff area (/can-bo/…), provided by StaffLayout after
// GET /api/v1/auth/me succeeded: every staff screen renders only inside it.
import { createContext, useContext } from 'react';

import type { CurrentUser, Role } from '../api/types';

export interface StaffSession {
  user: CurrentUser;
  /** Replaces the user shown everywhere (after a change to the user's own record). */
  setUser: (user: CurrentUser) => void;
  /** Forgets the session locally and goes to the sign-in page (after logout or its end). */
  signedOut: () => void;
}

export const StaffSessionContext = createContext<StaffSession | null>(null);

export function useStaffSession(): StaffSession {
  const session = useContext(StaffSessionContext);
  if (!session) throw new Error('useStaffSession outside StaffLayout');
  return session;
}

export function hasRole(user: CurrentUser, role: Role): boolean {
  return user.roles.includes(role);
}
