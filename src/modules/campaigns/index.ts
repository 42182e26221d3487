import type { Db } from '../../db/client.js';
import { campaignRoutes } from './routes.js';
import { createCampaignsService } from './service.js';

export function createCampaignsModule(deps: { db: Db; publicUrl?: string | null; now?: () => Date }) {
  const service = createCampaignsService(deps);
  return { service, routes: campaignRoutes(service) };
}
