import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { api, setUnauthorizedHandler, type Schemas } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { ErrorNotice, Loading } from '../ui/components';

export type Me = Schemas['MeDto'];
export type Role = Me['role'];

export const ME_KEY = ['auth', 'me'] as const;

/** Who is logged in (401: nobody); read by useMe and, at the app's start, fetched before the first render (startSession). */
export const meQuery = queryOptions({ queryKey: ME_KEY, queryFn: () => unwrap(api.GET('/api/v1/auth/me')), retry: false, staleTime: 5 * 60_000 });

export function useMe() {
  return useQuery(meQuery);
}

/** Where the login sends the user back to. */
export const loginPath = (from: string, reason?: 'abgelaufen' | 'abgemeldet') =>
  `/anmelden?${new URLSearchParams({ ...(reason ? { grund: reason } : {}), ...(from && from !== '/' ? { zurueck: from } : {}) })}`;

/** A 401 on any request after login means the session expired: to the login, with a German message, and back afterwards. */
export function SessionExpiryHandler() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const here = location.pathname + location.search;
  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (!queryClient.getQueryData(ME_KEY) || location.pathname === '/anmelden') return;
      queryClient.clear();
      navigate(loginPath(here, 'abgelaufen'), { replace: true });
    });
  }, [navigate, queryClient, here, location.pathname]);
  return null;
}

/** Renders its children for a logged-in user; otherwise sends them to the login (and back afterwards). */
export function RequireLogin({ children }: { children: (me: Me) => ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.error) {
    if (me.error instanceof ApiError && me.error.status === 401) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
    return <ErrorNotice error={me.error} onRetry={() => me.refetch()} />;
  }
  return <>{children(me.data)}</>;
}

export async function logout(): Promise<void> {
  await api.POST('/api/v1/auth/logout');
}
