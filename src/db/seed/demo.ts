import { eq } from 'drizzle-orm';
import type { Database, Executor } from '../client.js';
import { memberships, organisations, sectorMemberships, users } from '../schema/index.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { PLATFORM_ORG_SLUG } from '../bootstrap.js';
import type { OrganisationKind, Role } from '../../shared/roles.js';
import { seedDeBrug } from './demo-de-brug.js';
import { seedDeBrugNeedsAnalysis } from './demo-needs-analysis.js';
import { seedDeBrugNeeds } from './demo-needs.js';
import { seedDeBrugTrainingPlan } from './demo-training-plan.js';
import { seedDemoOffers } from './demo-offers.js';

/** Shared by every demo account; printed on seeding and in the README. Demo data only. */
export const DEMO_PASSWORD = 'Leerkompas-demo-2026';

export const demoOrganisations: Array<{ slug: string; name: string; kind: OrganisationKind; postcode: string }> = [
  { slug: 'de-brug', name: 'Maatwerkbedrijf De Brug', kind: 'employer', postcode: '9000' },
  { slug: 'sectorfonds-maatwerk', name: 'Sectorfonds Maatwerk Vlaanderen', kind: 'sector_body', postcode: '1000' },
  { slug: 'leerhuis-schelde', name: 'Leerhuis Schelde', kind: 'training_provider', postcode: '2000' },
  { slug: 'vormingscentrum-kempen', name: 'Vormingscentrum Kempen', kind: 'training_provider', postcode: '2300' },
  { slug: 'atelier-zonneweg', name: 'Atelier Zonneweg', kind: 'employer', postcode: '8500' },
  { slug: 'groenwerk-leie', name: 'Groenwerk Leie', kind: 'employer', postcode: '9800' },
  { slug: 'drukkerij-samen', name: 'Drukkerij Samen', kind: 'employer', postcode: '3000' },
  { slug: 'verpakking-plus', name: 'Verpakking Plus', kind: 'employer', postcode: '3500' },
  { slug: 'textiel-atelier-noord', name: 'Textielatelier Noord', kind: 'employer', postcode: '2800' },
  { slug: 'schoonmaak-solidair', name: 'Schoonmaak Solidair', kind: 'employer', postcode: '8000' },
  { slug: 'catering-de-tafel', name: 'Catering De Tafel', kind: 'employer', postcode: '1500' },
];

/** Members of the demo sector body: De Brug and seven other maatwerkbedrijven. */
export const demoSectorMembers = [
  'de-brug',
  'atelier-zonneweg',
  'groenwerk-leie',
  'drukkerij-samen',
  'verpakking-plus',
  'textiel-atelier-noord',
  'schoonmaak-solidair',
  'catering-de-tafel',
];

/** One account per role (names are fictional). */
export const demoAccounts: Array<{ email: string; name: string; org: string; role: Role }> = [
  { email: 'admin@demo.leerkompas.be', name: 'Pat Platform', org: PLATFORM_ORG_SLUG, role: 'platform_admin' },
  { email: 'directie@demo.leerkompas.be', name: 'Olga Van Damme', org: 'de-brug', role: 'org_admin' },
  { email: 'hr@demo.leerkompas.be', name: 'Hilde Peeters', org: 'de-brug', role: 'hr' },
  { email: 'leiding@demo.leerkompas.be', name: 'Marc Claes', org: 'de-brug', role: 'manager' },
  { email: 'medewerker@demo.leerkompas.be', name: 'Emre Yilmaz', org: 'de-brug', role: 'employee' },
  { email: 'analist@demo.leerkompas.be', name: 'Ann Lambrechts', org: 'sectorfonds-maatwerk', role: 'analyst' },
  { email: 'aanbieder@demo.leerkompas.be', name: 'Pieter De Smet', org: 'leerhuis-schelde', role: 'provider_staff' },
  { email: 'assessor@demo.leerkompas.be', name: 'Sofie Wouters', org: 'vormingscentrum-kempen', role: 'assessor' },
];

export interface DemoSummary {
  accounts: Array<{ email: string; role: Role; organisation: string }>;
  password: string;
  notes: string[];
}

/** Extra demo content contributed by features (people, function profiles, …), run in order. */
export type DemoStep = (tx: Executor, context: { orgIds: Map<string, string>; now?: Date }) => Promise<string | void>;
export const demoSteps: DemoStep[] = [seedDeBrug, seedDeBrugNeedsAnalysis, seedDeBrugNeeds, seedDeBrugTrainingPlan, seedDemoOffers];

/** Seeds the demo world in one transaction. Safe to run twice: existing rows are kept. */
export async function seedDemoData(database: Database): Promise<DemoSummary> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const notes: string[] = [];
  await database.db.transaction(async (tx) => {
    await tx.insert(organisations).values(demoOrganisations).onConflictDoNothing();
    const orgRows = await tx.select({ id: organisations.id, slug: organisations.slug }).from(organisations);
    const orgIds = new Map(orgRows.map((o) => [o.slug, o.id]));
    await tx
      .insert(sectorMemberships)
      .values(demoSectorMembers.map((slug) => ({ sectorId: orgIds.get('sectorfonds-maatwerk')!, memberId: orgIds.get(slug)! })))
      .onConflictDoNothing();
    for (const account of demoAccounts) {
      await tx.insert(users).values({ email: account.email, displayName: account.name, passwordHash }).onConflictDoNothing();
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, account.email));
      await tx
        .insert(memberships)
        .values({ userId: user.id, organisationId: orgIds.get(account.org)!, role: account.role })
        .onConflictDoNothing();
    }
    for (const step of demoSteps) {
      const note = await step(tx, { orgIds });
      if (note) notes.push(note);
    }
  });
  return {
    accounts: demoAccounts.map((a) => ({
      email: a.email,
      role: a.role,
      organisation: demoOrganisations.find((o) => o.slug === a.org)?.name ?? 'Leerkompas',
    })),
    password: DEMO_PASSWORD,
    notes,
  };
}

export function printDemoLogins(summary: DemoSummary, url = 'the web app'): void {
  const lines = [
    `Demo data seeded. Log in at ${url} with one of these accounts`,
    `(password for all: ${summary.password}):`,
    ...summary.accounts.map((a) => `  ${a.role.padEnd(15)} ${a.email.padEnd(32)} ${a.organisation}`),
    ...summary.notes.map((n) => `  ${n.replaceAll('{url}', url)}`),
  ];
  console.log(lines.join('\n'));
}
