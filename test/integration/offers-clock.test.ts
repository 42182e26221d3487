import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOffersService } from '../../src/modules/offers/service.js';
import type { Actor } from '../../src/server/tenancy.js';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.js';
import { actorWith, buildOrganisation } from '../factories/accounts.js';
import { buildOffer } from '../factories/catalog.js';

/*
 * "Next start" in a provider's list of offers follows the service's clock, in Brussels, like the
 * public search and the offer page: not the database server's date. The service below runs on
 * 2030-06-01 at 23:30 UTC, already 2 June in Brussels, while the database's own date is today's.
 */
describe.each(databaseKinds)("a provider's offers list on %s", (kind) => {
  let t: TestDatabase;
  let providerId: string;
  let actor: Actor;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    providerId = (await buildOrganisation(t.database, { kind: 'training_provider' })).id;
    actor = actorWith(providerId, 'provider_staff');
    await buildOffer(t.database, {
      providerId,
      code: 'KLOK-1',
      editions: [{ startsOn: '2027-01-15' }, { startsOn: '2030-06-01' }, { startsOn: '2030-06-02' }, { startsOn: '2030-09-01' }],
    });
  });
  afterAll(() => t.dispose());

  it('shows the first edition from the service’s today in Brussels as the next start', async () => {
    const service = createOffersService({ db: t.database.db, now: () => new Date('2030-06-01T23:30:00Z') });
    const [offer] = await service.listOffers(actor, providerId, {});
    expect(offer).toMatchObject({ code: 'KLOK-1', nextStartsOn: '2030-06-02' });
    const earlier = createOffersService({ db: t.database.db, now: () => new Date('2030-06-01T12:00:00Z') });
    expect((await earlier.listOffers(actor, providerId, {}))[0]).toMatchObject({ nextStartsOn: '2030-06-01' });
  });
});
