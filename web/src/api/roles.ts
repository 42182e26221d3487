import { useSession } from './session';

/** What the signed-in user is in one organisation, for showing the screens their role can use (the server decides). */
export function useOrgRoles(orgId: string | undefined) {
  const session = useSession();
  const admin = Boolean(session.data?.user.isPlatformAdmin);
  const roles = new Set((session.data?.memberships ?? []).filter((m) => m.organisationId === orgId).map((m) => m.role));
  return {
    ready: !session.isPending,
    isHr: admin || roles.has('hr') || roles.has('org_admin'),
    isManager: roles.has('manager'),
    roles,
  };
}
