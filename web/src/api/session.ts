import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionView } from '../../../src/modules/auth/schemas';
import { ApiError, http, setCsrfToken } from './http';

export type { SessionView };
export type Membership = SessionView['memberships'][number];

export const sessionKey = ['session'] as const;

/** The signed-in session, or null when nobody is signed in. */
export async function fetchSession(): Promise<SessionView | null> {
  try {
    const session = await http.get<SessionView>('/api/auth/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 5 * 60_000, retry: false });
}

/** Stores a fresh session (after login) or clears it (after logout) in the query cache. */
export function useSetSession() {
  const client = useQueryClient();
  return (session: SessionView | null) => {
    setCsrfToken(session?.csrfToken ?? null);
    if (session === null) client.clear();
    client.setQueryData(sessionKey, session);
  };
}
