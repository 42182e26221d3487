import { useSession } from '../../api/session';
import { Loading } from '../../components/Status';
import { AppLayout, PublicLayout } from './AppLayout';

/**
 * Pages open to everyone (the public catalog): signed-in people keep the app's menu, visitors get
 * the plain public shell. No redirect to the login page.
 */
export function OptionalSessionLayout() {
  const session = useSession();
  if (session.isPending) return <Loading />;
  return session.data ? <AppLayout /> : <PublicLayout />;
}
