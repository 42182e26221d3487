import type { Db } from '../../db/client.js';
import { offerRoutes } from './routes.js';
import { createOfferSearch } from './search.js';
import { createOffersService } from './service.js';

export function createOffersModule(deps: { db: Db; now?: () => Date }) {
  const service = createOffersService(deps);
  const search = createOfferSearch(deps);
  return { service, search, routes: offerRoutes(service, search) };
}
