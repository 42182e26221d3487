import { useOrgRoles } from '../../../api/roles';

/** What the signed-in user may do on the diagnosis screens (the server decides; this only hides what would be refused). */
export function useDiagnosisAccess(orgId: string) {
  const { isHr, ready } = useOrgRoles(orgId);
  // Listing campaigns and downloading exports are for HR and organisation admins (campaign:read, data:export).
  return { ready, canChooseCampaign: isHr, canExport: isHr };
}
