import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { jobs } from '../../src/db/schema/index.js';
import { roles, type Role } from '../../src/shared/roles.js';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases.js';
import { logIn, type Session } from './test-app.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../factories/accounts.js';
import { buildCompetence, buildOccupation, buildPublicFramework } from '../factories/competences.js';
import { ensureDefaultScale } from '../../src/db/reference-data.js';
import { buildFunctionProfile, buildPerson, buildTeam } from '../factories/people.js';
import { buildCampaign, buildInvitation } from '../factories/campaigns.js';
import { buildPrivateCompetence } from '../factories/supervision.js';
import { buildNeed } from '../factories/training-plan.js';
import { buildOffer, inDays } from '../factories/catalog.js';

/**
 * The world of the access matrix (test/integration/access-matrix.test.ts): two organisations of
 * each kind that has routes of its own (employer, training provider, sector body), one signed-in
 * user per role in the first organisation of each kind, a platform administrator, and in every
 * organisation one of each resource a route parameter can name, so an allowed caller reaches the
 * handler and a foreign caller asks for something that really exists.
 */

export type OrgKind = 'employer' | 'provider' | 'sector';
export const orgKinds: OrgKind[] = ['employer', 'provider', 'sector'];
/** Roles held inside an organisation (platform_admin is a caller of its own). */
export const memberRoles = roles.filter((r) => r !== 'platform_admin') as Exclude<Role, 'platform_admin'>[];
export type MemberRole = (typeof memberRoles)[number];

/** Ids a request can use, by name (see `paramFixture` for how URL parameters find theirs). */
export type Fixtures = Record<string, string>;

export interface OrgWorld {
  id: string;
  kind: OrgKind;
  fixtures: Fixtures;
}

export interface Caller {
  /** 'anonymous', 'platform_admin' or a member role. */
  name: string;
  role: MemberRole | 'platform_admin' | null;
  email: string | null;
  session: Session | null;
}

/** The app, its organisations and the callers of the matrix. */
export interface World {
  app: FastifyInstance;
  db: TestDatabase;
  /** own[kind] = the organisation whose members the callers are; foreign[kind] = its twin. */
  own: Record<OrgKind, OrgWorld>;
  foreign: Record<OrgKind, OrgWorld>;
  /** callers[kind][role]: member of own[kind] in that role. */
  callers: Record<OrgKind, Record<MemberRole, Caller>>;
  platformAdmin: Caller;
  anonymous: Caller;
  /** Signed in as the org_admin of an organisation (own or foreign), for building resources. */
  admin(orgId: string): Session;
  /** A fresh invitation to the employer's campaign, for the employee: { invitation, surveyToken }. */
  invite(orgId: string): Promise<Fixtures>;
  close(): Promise<void>;
}

const uuidZero = '00000000-0000-7000-8000-000000000000';

export function expectOk(response: LightMyRequestResponse, what: string) {
  if (response.statusCode >= 300) throw new Error(`${what}: ${response.statusCode} ${response.body}`);
  return response.body ? response.json() : null;
}

/**
 * The app as production builds it, with a web directory (one index.html), so the static routes
 * are registered and must be declared too.
 */
async function buildFullApp(kind: DatabaseKind) {
  const db = await createTestDatabase(kind);
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lk-web-'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Leerkompas</title>');
  const config = loadConfig({ LOG_LEVEL: 'silent', LEERKOMPAS_LOGIN_LIMIT: '10000', LEERKOMPAS_SURVEY_LIMIT: '100000' });
  const app = await buildApp({ config, database: db.database, version: 'test', webDir });
  await app.ready();
  return { app, db, webDir };
}

export async function buildWorld(kind: DatabaseKind): Promise<World> {
  const { app, db, webDir } = await buildFullApp(kind);
  const database = db.database;
  const adminSessions = new Map<string, Session>();
  const campaignsByOrg = new Map<string, { campaign: { id: string; organisationId: string; closesOn: string }; personId: string }>();

  const platformOrg = await buildOrganisation(database, { name: 'Platform' });
  const platformUser = await buildUser(database, { organisationId: platformOrg.id, role: 'platform_admin' });
  const platformSession = await logIn(app, platformUser.email, TEST_PASSWORD);
  const publicFramework = await buildPublicFramework(database);
  const publicCompetence = await buildCompetence(database, { frameworkId: publicFramework.id, label: { nl: 'Samenwerken' } });
  const occupation = await buildOccupation(database, { label: { nl: 'Boekhouder' }, essential: [publicCompetence.id] });
  const scaleId = await ensureDefaultScale(database.db);
  const shared = { publicFramework: publicFramework.id, publicCompetence: publicCompetence.id, occupation: occupation.id, scale: scaleId };

  async function organisation(orgKind: OrgKind, label: string): Promise<OrgWorld> {
    const dbKind = orgKind === 'provider' ? 'training_provider' : orgKind === 'sector' ? 'sector_body' : 'employer';
    const org = await buildOrganisation(database, { name: label, kind: dbKind });
    const admin = await buildUser(database, { organisationId: org.id, role: 'org_admin' });
    adminSessions.set(org.id, await logIn(app, admin.email, TEST_PASSWORD));
    return { id: org.id, kind: orgKind, fixtures: { orgId: org.id, ...shared } };
  }

  const own = {} as Record<OrgKind, OrgWorld>;
  const foreign = {} as Record<OrgKind, OrgWorld>;
  for (const k of orgKinds) {
    own[k] = await organisation(k, `Own ${k}`);
    foreign[k] = await organisation(k, `Foreign ${k}`);
  }

  const callers = {} as Record<OrgKind, Record<MemberRole, Caller>>;
  // One user per role, holding that role in the own organisation of every kind (fewer sign-ins).
  const users = {} as Record<MemberRole, { id: string; email: string }>;
  for (const role of memberRoles) {
    const user = await buildUser(database, { organisationId: own.employer.id, role });
    users[role] = { id: user.id, email: user.email };
    for (const k of ['provider', 'sector'] as const) {
      expectOk(
        await adminSessions.get(own[k].id)!.request('POST', `/api/organisations/${own[k].id}/members`, { email: user.email, role }),
        'role',
      );
    }
  }
  // The foreign twins get people with accounts too, so their records look like the own ones.
  const foreignUsers = {} as Record<OrgKind, Record<'manager' | 'employee', { id: string; email: string }>>;
  for (const k of orgKinds) {
    const manager = await buildUser(database, { organisationId: foreign[k].id, role: 'manager' });
    const employee = await buildUser(database, { organisationId: foreign[k].id, role: 'employee' });
    foreignUsers[k] = { manager: { id: manager.id, email: manager.email }, employee: { id: employee.id, email: employee.email } };
  }

  // Providers first: employers enrol their people on the providers' editions.
  for (const [world, twin] of [
    [own.provider, own.employer],
    [foreign.provider, foreign.employer],
  ] as const) {
    const { offer, editions } = await buildOffer(database, {
      providerId: world.id,
      competences: [{ competenceId: publicCompetence.id, level: 3 }],
      editions: [{ startsOn: inDays(40), capacity: 30 }],
    });
    Object.assign(world.fixtures, { offer: offer.id, edition: editions[0].id });
    Object.assign(twin.fixtures, { providerOffer: offer.id, providerEdition: editions[0].id });
  }

  for (const [world, people] of [
    [own.employer, { manager: users.manager, employee: users.employee }],
    [foreign.employer, foreignUsers.employer],
  ] as const) {
    const orgId = world.id;
    const f = world.fixtures;
    const admin = adminSessions.get(orgId)!;
    const team = await buildTeam(database, orgId);
    const profile = await buildFunctionProfile(database, {
      organisationId: orgId,
      items: [{ competenceId: publicCompetence.id, requiredLevel: 3 }],
    });
    const managerPerson = await buildPerson(database, {
      organisationId: orgId,
      teamId: team.id,
      userId: people.manager.id,
      targetGroup: 'supervisory_staff',
    });
    const person = await buildPerson(database, {
      organisationId: orgId,
      teamId: team.id,
      supervisorId: managerPerson.id,
      userId: people.employee.id,
      functionProfileId: profile.id,
    });
    const own = await buildPrivateCompetence(database, orgId);
    const campaign = await buildCampaign(database, { organisationId: orgId, competenceIds: [publicCompetence.id] });
    const closable = await buildCampaign(database, { organisationId: orgId, competenceIds: [publicCompetence.id] });
    const { invitation, token } = await buildInvitation(database, { campaign, personId: person.id });
    campaignsByOrg.set(orgId, { campaign, personId: person.id });
    const need = await buildNeed(database, { organisationId: orgId, competenceId: publicCompetence.id, personIds: [person.id] });
    const [job] = await database.db
      .insert(jobs)
      .values({ kind: 'framework-import', organisationId: orgId, input: 'kader.csv' })
      .returning();
    const question = expectOk(
      await admin.request('POST', `/api/organisations/${orgId}/learning-questions`, { text: 'Excel leren', personId: person.id }),
      'learning question',
    );
    const issue = expectOk(
      await admin.request('POST', `/api/organisations/${orgId}/organisation-issues`, { kind: 'problem', title: 'Te veel fouten' }),
      'issue',
    );
    const plan = expectOk(await admin.request('POST', `/api/organisations/${orgId}/plans`, { year: 2030 }), 'plan');
    const action = expectOk(
      await admin.request('POST', `/api/organisations/${orgId}/plans/${plan.id}/actions`, {
        kind: 'external_offer',
        title: 'Excel voor beginners',
        needIds: [need.id],
        personIds: [person.id],
        offerId: f.providerOffer,
        offerEditionId: f.providerEdition,
        funding: [{ instrumentId: null, amountCents: 10_000 }],
      }),
      'action',
    );
    // Completed, so the action can be re-assessed.
    expectOk(
      await admin.request('PUT', `/api/organisations/${orgId}/plans/${plan.id}/actions/${action.id}/participants/${person.id}`, {
        status: 'completed',
      }),
      'participant',
    );
    const [enrolment] = expectOk(
      await admin.request('POST', `/api/organisations/${orgId}/enrolments`, { editionId: f.providerEdition, personIds: [person.id] }),
      'enrolment',
    );
    // A second plan, approved, so plan versions exist.
    const approved = expectOk(await admin.request('POST', `/api/organisations/${orgId}/plans`, { year: 2031 }), 'plan 2');
    expectOk(
      await admin.request('POST', `/api/organisations/${orgId}/plans/${approved.id}/actions`, {
        kind: 'internal_training',
        title: 'Intervisie',
      }),
      'action 2',
    );
    expectOk(await admin.request('POST', `/api/organisations/${orgId}/plans/${approved.id}/approve`, {}), 'approve');
    Object.assign(f, {
      team: team.id,
      functionProfile: profile.id,
      person: person.id,
      managerPerson: managerPerson.id,
      ownFramework: own.frameworkId,
      ownCompetence: own.id,
      campaign: campaign.id,
      closableCampaign: closable.id,
      invitation: invitation.id,
      surveyToken: token,
      need: need.id,
      job: job.id,
      learningQuestion: question.id,
      issue: issue.id,
      plan: plan.id,
      action: action.id,
      fundingLine: action.funding[0].id,
      enrolment: enrolment.id,
      approvedPlan: approved.id,
      planVersion: '1',
      employeeEmail: people.employee.email,
    });
  }

  // The provider's view of the employer's enrolment on its edition.
  own.provider.fixtures.enrolment = own.employer.fixtures.enrolment;
  foreign.provider.fixtures.enrolment = foreign.employer.fixtures.enrolment;
  // Sector bodies: one member organisation each; provider/sector memberships to revoke.
  for (const world of [own.employer, foreign.employer, own.sector, foreign.sector, own.provider, foreign.provider]) {
    const admin = adminSessions.get(world.id)!;
    if (world.kind === 'sector') {
      const member = world === own.sector ? own.employer : foreign.employer;
      // Only platform administrators link members to a sector body.
      expectOk(
        await platformSession.request('POST', `/api/organisations/${world.id}/sector-members`, { memberId: member.id }),
        'sector member',
      );
      world.fixtures.sectorMember = member.id;
    }
    // A user of the platform organisation gets a role here, to be revoked by DELETE members/{membershipId}.
    const extra = await buildUser(database, { organisationId: platformOrg.id, role: 'employee' });
    const membership = expectOk(
      await admin.request('POST', `/api/organisations/${world.id}/members`, { email: extra.email, role: 'analyst' }),
      'membership',
    );
    world.fixtures.membership = membership.membershipId;
  }

  const sessions = new Map<MemberRole, Session>();
  for (const role of memberRoles) sessions.set(role, await logIn(app, users[role].email, TEST_PASSWORD));
  for (const k of orgKinds) {
    callers[k] = {} as Record<MemberRole, Caller>;
    for (const role of memberRoles)
      callers[k][role] = { name: `${k}:${role}`, role, email: users[role].email, session: sessions.get(role)! };
  }
  const platformAdmin: Caller = {
    name: 'platform_admin',
    role: 'platform_admin',
    email: platformUser.email,
    session: platformSession,
  };
  const anonymous: Caller = { name: 'anonymous', role: null, email: null, session: null };

  return {
    app,
    db,
    own,
    foreign,
    callers,
    platformAdmin,
    anonymous,
    admin: (orgId) => adminSessions.get(orgId)!,
    async invite(orgId) {
      const { campaign } = campaignsByOrg.get(orgId)!;
      // One invitation per person and campaign: a new person for every link.
      const person = await buildPerson(database, { organisationId: orgId });
      const { invitation, token } = await buildInvitation(database, { campaign, personId: person.id });
      return { invitation: invitation.id, surveyToken: token, invitedPerson: person.id };
    },
    async close() {
      await app.close();
      await db.dispose();
      fs.rmSync(webDir, { recursive: true, force: true });
    },
  };
}

// ------------------------------------------------------------------ routes of the app

export interface RouteKey {
  method: string;
  /** As registered, with `:param` (fastify) — or `{param}` from the table. */
  path: string;
}

/** One spelling for a route whatever its parameter names: `GET /api/x/{}/y`. */
export function canonical(method: string, routePath: string): string {
  const normalised = routePath.replace(/\{[^}]+\}/g, '{}').replace(/:[A-Za-z0-9_]+(\|:[A-Za-z0-9_]+)*/g, '{}');
  return `${method.toUpperCase()} ${normalised}`;
}

/**
 * Every route the app registered, read from Fastify's own route tree (`printRoutes`), hidden ones
 * included. HEAD routes that mirror a GET are left out (Fastify adds them by itself).
 */
export function registeredRoutes(app: FastifyInstance): string[] {
  const lines = app
    .printRoutes({ commonPrefix: false })
    .split('\n')
    .filter((l) => l.trim());
  const stack: string[] = [];
  const found = new Set<string>();
  for (const line of lines) {
    const match = /^([│├└─\s]*)(.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = Math.round(match[1].length / 4);
    stack.length = depth;
    stack[depth] = match[2];
    const joined = stack.join('');
    const full = joined.startsWith('/') ? joined : `/${joined}`;
    const methods = (match[3] ?? '')
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean);
    for (const method of methods) {
      if (method === 'HEAD' && methods.includes('GET')) continue;
      found.add(canonical(method, full));
    }
  }
  return [...found].sort();
}

/** The fixture a URL parameter takes: `{id}` after `plans` is the plan, etc. */
const idAfter: Record<string, string> = {
  frameworks: 'ownFramework',
  'function-profiles': 'functionProfile',
  'organisation-issues': 'issue',
  offers: 'offer',
  'learning-questions': 'learningQuestion',
  campaigns: 'campaign',
  needs: 'need',
  jobs: 'job',
  competences: 'publicCompetence',
  scales: 'scale',
  occupations: 'occupation',
};
const byName: Record<string, string> = {
  orgId: 'orgId',
  membershipId: 'membership',
  teamId: 'team',
  personId: 'person',
  planId: 'plan',
  actionId: 'action',
  lineId: 'fundingLine',
  version: 'planVersion',
  invitationId: 'invitation',
  needId: 'need',
  enrolmentId: 'enrolment',
  editionId: 'edition',
  offerId: 'offer',
  competenceId: 'ownCompetence',
};

/** Fills `{param}`s from the fixtures (overrides first); unknown ones get a well-formed unused UUID. */
export function fillPath(template: string, fixtures: Fixtures, overrides: Record<string, string> = {}): string {
  const segments = template.split('/');
  return segments
    .map((segment, i) => {
      const m = /^\{(.+)\}(.*)$/.exec(segment);
      if (!m) return segment;
      const name = m[1];
      const key = overrides[name] ?? (name === 'id' ? idAfter[segments[i - 1]] : byName[name]);
      const value = overrides[name] && !(overrides[name] in fixtures) ? overrides[name] : fixtures[key as string];
      return (value ?? uuidZero) + m[2];
    })
    .join('/');
}

export { uuidZero };
