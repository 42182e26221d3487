import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../../api/session';
import { ErrorMessage, Loading } from '../../components/Status';
import { paths } from '../paths';

/** Signed-in pages: wait for the session, send visitors to the login page (and back after). */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorMessage error={session.error} />;
  if (!session.data) {
    const next = location.pathname + location.search;
    return <Navigate to={`${paths.login()}${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  return <Outlet />;
}
