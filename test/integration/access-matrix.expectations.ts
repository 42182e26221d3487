import type { Fixtures, MemberRole, OrgKind } from '../support/access-matrix.js';

/**
 * THE access table: every route of the app (method + path as in the OpenAPI document, `{param}`
 * placeholders), who may call it, and what everyone else gets. access-matrix.test.ts reads the
 * route list from the app itself and fails on a route missing here, and on a route here the app no
 * longer has. How to declare a new route: CONTRIBUTING.md, "Declaring a route's access".
 *
 * Callers: anonymous; one user per member role in an organisation of the route's kind ("own");
 * the same users against the twin organisation ("foreign"); a platform administrator; for the
 * survey, the holder of a valid personal link.
 *
 * Outcomes the test checks:
 * - allowed: anything but 401/403/404 and 5xx (the request is minimal and valid where possible,
 *   so most are 2xx; a 409 for a state the world is in is fine: the guard let it through);
 * - own organisation, role not listed: `denied` (403 problem+json unless stated);
 * - foreign organisation, every role: 404 problem+json without field hints (errors[]);
 * - anonymous: 401 problem+json (survey routes: 401 without a token, whatever the cookie).
 * Refused requests must not change a single row (checked over every table).
 */

export type Access =
  /** Not an API route under test: documentation pages and the web app's static files. */
  | { kind: 'excluded'; reason: string }
  /** Anyone, signed in or not. */
  | { kind: 'public' }
  /** Anyone signed in, whatever their roles; anonymous 401. */
  | { kind: 'signed-in' }
  /** Platform administrators only; other signed-in callers 403; anonymous 401. */
  | { kind: 'platform-admin' }
  /** The holder of a personal survey link (x-survey-token); the session cookie is ignored. */
  | { kind: 'survey-token' }
  /**
   * Members of the organisation in one of `roles` (platform admins too); other members get
   * `denied`; members of other organisations 404; anonymous 401. Also for routes without an
   * {orgId} whose record belongs to an organisation (jobs, own enrolments): then `denied` is 404.
   * `platformAdmin`: what a platform administrator gets where the record is personal (default: through).
   */
  | { kind: 'organisation'; org: OrgKind; roles: readonly MemberRole[]; denied?: 403 | 404; platformAdmin?: 403 | 404 };

export interface RequestSpec {
  /** URL parameter → fixture name (or a literal value) where the default fixture is not the right one. */
  params?: Record<string, string>;
  /** Query string without '?'. */
  query?: string;
  body?: unknown;
  /** Raw payload with its content type (CSV uploads). */
  raw?: { contentType: string; payload: string };
}

export interface Expectation {
  access: Access;
  /** The minimal valid request, built from the organisation's fixtures. */
  request?: (f: Fixtures) => RequestSpec;
  /**
   * The allowed callers would consume the record (delete, revoke, submit): each allowed request
   * gets a record of its own, created by this function (as the organisation's admin).
   */
  fresh?: Fresh;
  /** The request ends or changes the caller's session: each allowed caller signs in anew for it. */
  ownSession?: boolean;
}

export interface FreshContext {
  orgId: string;
  fixtures: Fixtures;
  /** A request as the organisation's admin; returns the parsed body (throws on an error status). */
  admin(method: string, url: string, body?: unknown): Promise<any>;
  /** A fresh invitation to the organisation's campaign: { invitation, surveyToken, invitedPerson }. */
  invitation(): Promise<Fixtures>;
  /** A new user with a role in the organisation; returns their email. */
  member(role: MemberRole): Promise<string>;
}
export type Fresh = (ctx: FreshContext) => Promise<Fixtures>;

// Role sets, named after the permissions of src/server/tenancy.ts they stand for.
const everyMember: MemberRole[] = ['org_admin', 'hr', 'manager', 'employee', 'analyst', 'provider_staff', 'assessor'];
const adminOnly: MemberRole[] = ['org_admin'];
const adminHr: MemberRole[] = ['org_admin', 'hr'];
const adminHrManager: MemberRole[] = ['org_admin', 'hr', 'manager'];
const profileReaders: MemberRole[] = ['org_admin', 'hr', 'manager', 'analyst', 'employee', 'assessor'];
const providerRoles: MemberRole[] = ['org_admin', 'provider_staff'];

const employer = (roles: readonly MemberRole[], denied?: 403 | 404, platformAdmin?: 403 | 404): Access => ({
  kind: 'organisation',
  org: 'employer',
  roles,
  ...(denied ? { denied } : {}),
  ...(platformAdmin ? { platformAdmin } : {}),
});
const provider = (roles: readonly MemberRole[]): Access => ({ kind: 'organisation', org: 'provider', roles });
const sector = (roles: readonly MemberRole[]): Access => ({ kind: 'organisation', org: 'sector', roles });
const docs: Access = { kind: 'excluded', reason: 'API documentation (Swagger UI), no data' };
const web: Access = { kind: 'excluded', reason: 'the web app: static files and index.html for client routes' };

const triage = {
  factors: Object.fromEntries(
    ['information', 'resources', 'incentives', 'knowledge_skills', 'capacity', 'motives'].map((f) => [f, { answer: 'unknown' }]),
  ),
  wishToLearn: 'yes',
};
const offerBody = (code: string) => ({
  code,
  title: { nl: 'Excel' },
  description: { nl: 'Rekenbladen' },
  languages: ['nl'],
  format: 'online',
  durationMinutes: 60,
  priceCents: 0,
});
let serial = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${serial++}`;

const O = '/api/organisations/{orgId}';
const plan = `${O}/plans/{planId}`;
const action = `${plan}/actions/{actionId}`;

export const expectations: Record<string, Expectation> = {
  // ---------------------------------------------------------------- outside the API
  'GET /*': { access: web },
  'GET /index.html': { access: web },
  'GET /api/docs': { access: docs },
  'GET /api/docs/': { access: docs },
  'GET /api/docs/*': { access: docs },
  'GET /api/docs/json': { access: docs },
  'GET /api/docs/yaml': { access: docs },
  'GET /api/docs/static/index.html': { access: docs },
  'GET /api/docs/static/swagger-initializer.js': { access: docs },

  // ---------------------------------------------------------------- system, auth
  'GET /api/health': { access: { kind: 'public' } },
  'GET /api/openapi.json': { access: { kind: 'public' } },
  'POST /api/auth/login': {
    access: { kind: 'public' },
    request: (f) => ({ body: { email: f.employeeEmail, password: 'correct-horse-battery' } }),
  },
  'POST /api/auth/logout': { access: { kind: 'signed-in' }, ownSession: true },
  'GET /api/auth/session': { access: { kind: 'signed-in' } },
  'POST /api/auth/password': {
    access: { kind: 'signed-in' },
    ownSession: true,
    request: () => ({ body: { currentPassword: 'correct-horse-battery', newPassword: 'correct-horse-battery' } }),
  },
  'PUT /api/auth/locale': { access: { kind: 'signed-in' }, request: () => ({ body: { locale: 'nl' } }) },

  // ---------------------------------------------------------------- organisations
  'GET /api/organisations': { access: { kind: 'signed-in' } },
  'POST /api/organisations': {
    access: { kind: 'platform-admin' },
    request: () => ({ body: { name: 'Nieuw', slug: unique('nieuw'), kind: 'employer' } }),
  },
  [`GET ${O}`]: { access: employer(everyMember) },
  [`PATCH ${O}/settings`]: { access: employer(adminOnly), request: () => ({ body: { anonymityThreshold: 5 } }) },
  [`GET ${O}/members`]: { access: employer(adminHr) },
  [`POST ${O}/members`]: {
    access: employer(adminOnly),
    fresh: async (ctx) => ({ newMemberEmail: await ctx.member('employee') }),
    request: (f) => ({ body: { email: f.newMemberEmail ?? f.employeeEmail, role: 'assessor' } }),
  },
  [`DELETE ${O}/members/{membershipId}`]: {
    access: employer(adminOnly),
    fresh: async (ctx) => {
      const email = await ctx.member('employee');
      const m = await ctx.admin('POST', `/api/organisations/${ctx.orgId}/members`, { email, role: 'analyst' });
      return { membership: m.membershipId };
    },
  },
  [`GET ${O}/sector-members`]: { access: sector(everyMember) },
  // Linking organisations to a sector body is for platform administrators only.
  [`POST ${O}/sector-members`]: { access: sector([]), request: (f) => ({ body: { memberId: f.sectorMember } }) },
  [`GET ${O}/teams`]: { access: employer(adminHrManager) },
  [`GET ${O}/audit`]: { access: employer(adminOnly) },
  [`GET ${O}/supervisor/team`]: { access: employer(adminHrManager) },

  // ---------------------------------------------------------------- reference data, jobs
  'GET /api/jobs': { access: { kind: 'signed-in' } },
  'GET /api/jobs/{id}': { access: { kind: 'organisation', org: 'employer', roles: adminHr, denied: 404 } },
  'GET /api/frameworks': { access: { kind: 'public' } },
  'GET /api/frameworks/{id}': { access: { kind: 'public' }, request: () => ({ params: { id: 'publicFramework' } }) },
  'GET /api/frameworks/{id}/children': { access: { kind: 'public' }, request: () => ({ params: { id: 'publicFramework' } }) },
  'GET /api/frameworks/{id}/export': {
    access: { kind: 'public' },
    request: () => ({ params: { id: 'publicFramework' }, query: 'format=case' }),
  },
  'GET /api/competences': { access: { kind: 'public' }, request: () => ({ query: 'q=samenwerken' }) },
  'GET /api/competences/{id}': { access: { kind: 'public' } },
  'GET /api/scales': { access: { kind: 'public' } },
  'GET /api/scales/{id}': { access: { kind: 'public' } },
  'GET /api/occupations': { access: { kind: 'public' }, request: () => ({ query: 'q=boekhouder' }) },
  'GET /api/occupations/{id}': { access: { kind: 'public' } },

  // ---------------------------------------------------------------- frameworks and function profiles of an organisation
  [`POST ${O}/frameworks`]: { access: employer(adminHr), request: () => ({ body: { key: unique('kader'), title: { nl: 'Kader' } } }) },
  [`POST ${O}/frameworks/{id}/competences`]: {
    access: employer(adminHr),
    request: () => ({ body: { key: unique('comp'), kind: 'skill', label: { nl: 'Plannen' } } }),
  },
  [`PATCH ${O}/frameworks/{id}/competences/{competenceId}`]: {
    access: employer(adminHr),
    request: () => ({ body: { label: { nl: 'Eigen competentie' } } }),
  },
  [`DELETE ${O}/frameworks/{id}/competences/{competenceId}`]: {
    access: employer(adminHr),
    fresh: async (ctx) => {
      const c = await ctx.admin('POST', `/api/organisations/${ctx.orgId}/frameworks/${ctx.fixtures.ownFramework}/competences`, {
        key: unique('weg'),
        kind: 'skill',
        label: { nl: 'Weg' },
      });
      return { ownCompetence: c.id };
    },
  },
  [`POST ${O}/framework-imports`]: {
    access: employer(adminHr),
    request: () => ({
      query: 'format=moodle',
      raw: { contentType: 'text/csv', payload: 'shortname,idnumber,description,parentidnumber\nKader,kader-1,,\n' },
    }),
  },
  [`GET ${O}/function-profiles`]: { access: employer(profileReaders) },
  [`POST ${O}/function-profiles`]: { access: employer(adminHr), request: () => ({ body: { name: unique('Functie') } }) },
  [`GET ${O}/function-profiles/export.csv`]: { access: employer(profileReaders) },
  [`POST ${O}/function-profiles/import`]: {
    access: employer(adminHr),
    request: () => ({ raw: { contentType: 'text/csv', payload: 'profile,competence,required_level,importance\n' } }),
  },
  [`GET ${O}/function-profiles/{id}`]: { access: employer(profileReaders) },
  [`PATCH ${O}/function-profiles/{id}`]: { access: employer(adminHr), request: () => ({ body: { name: unique('Functie') } }) },
  [`DELETE ${O}/function-profiles/{id}`]: {
    access: employer(adminHr),
    fresh: async (ctx) => ({
      functionProfile: (await ctx.admin('POST', `/api/organisations/${ctx.orgId}/function-profiles`, { name: unique('Weg') })).id,
    }),
  },
  [`PUT ${O}/function-profiles/{id}/competences`]: {
    access: employer(adminHr),
    request: (f) => ({ body: { items: [{ competenceId: f.publicCompetence, requiredLevel: 3, importance: 'core' }] } }),
  },

  // ---------------------------------------------------------------- organisation issues, learning questions, STARR, assessments
  [`GET ${O}/organisation-issues`]: { access: employer(adminHrManager) },
  [`POST ${O}/organisation-issues`]: { access: employer(adminHr), request: () => ({ body: { kind: 'goal', title: 'Minder fouten' } }) },
  [`GET ${O}/organisation-issues/{id}`]: { access: employer(adminHrManager) },
  [`PATCH ${O}/organisation-issues/{id}`]: { access: employer(adminHr), request: () => ({ body: { title: 'Te veel fouten' } }) },
  [`DELETE ${O}/organisation-issues/{id}`]: {
    access: employer(adminHr),
    fresh: async (ctx) => ({
      issue: (await ctx.admin('POST', `/api/organisations/${ctx.orgId}/organisation-issues`, { kind: 'goal', title: 'Weg' })).id,
    }),
  },
  'GET /api/me/learning-questions': { access: { kind: 'signed-in' } },
  [`GET ${O}/learning-questions`]: { access: employer(adminHrManager) },
  [`POST ${O}/learning-questions`]: { access: employer(adminHrManager), request: () => ({ body: { text: 'Plannen leren' } }) },
  [`GET ${O}/learning-questions/{id}`]: { access: employer(adminHrManager) },
  [`POST ${O}/learning-questions/{id}/suggest`]: { access: employer(adminHrManager) },
  [`PUT ${O}/learning-questions/{id}/competences`]: {
    access: employer(adminHrManager),
    request: (f) => ({ body: { competences: [{ competenceId: f.publicCompetence, confirmed: true }] } }),
  },
  [`POST ${O}/learning-questions/{id}/decision`]: { access: employer(adminHrManager), request: () => ({ body: { status: 'confirmed' } }) },
  [`POST ${O}/learning-questions/{id}/triage`]: { access: employer(adminHrManager), request: () => ({ body: triage }) },
  [`GET ${O}/learning-questions/{id}/triages`]: { access: employer(adminHrManager) },
  // {personId} is the employee's own person (supervised by the manager): people see their own records.
  [`GET ${O}/people/{personId}/starr`]: { access: employer([...adminHrManager, 'employee']) },
  [`POST ${O}/people/{personId}/starr`]: { access: employer(adminHrManager), request: () => ({ body: { heldOn: '2026-01-10' } }) },
  [`GET ${O}/people/{personId}/assessments`]: { access: employer(adminHrManager) },
  // A supervisor rating: only the person's direct supervisor gives one (HR records third-party ones).
  [`POST ${O}/people/{personId}/assessments`]: {
    access: employer(['manager'], 403, 403),
    request: (f) => ({ body: { source: 'supervisor', ratings: [{ competenceId: f.publicCompetence, level: 2 }] } }),
  },

  // ---------------------------------------------------------------- campaigns and the survey
  [`GET ${O}/campaigns`]: { access: employer(adminHr) },
  [`POST ${O}/campaigns`]: {
    access: employer(adminHr),
    request: () => ({
      body: { title: 'Bevraging', perspectives: ['competence'], opensOn: '2030-01-01', closesOn: '2030-02-01', mode: 'named' },
    }),
  },
  [`GET ${O}/campaigns/{id}`]: { access: employer(adminHr) },
  [`PATCH ${O}/campaigns/{id}`]: { access: employer(adminHr), request: () => ({ body: { title: 'Bevraging' } }) },
  [`DELETE ${O}/campaigns/{id}`]: {
    access: employer(adminHr),
    fresh: async (ctx) => ({
      campaign: (
        await ctx.admin('POST', `/api/organisations/${ctx.orgId}/campaigns`, {
          title: 'Weg',
          perspectives: ['competence'],
          opensOn: '2030-01-01',
          closesOn: '2030-02-01',
          mode: 'named',
        })
      ).id,
    }),
  },
  [`GET ${O}/campaigns/{id}/competences`]: { access: employer(adminHr) },
  [`POST ${O}/campaigns/{id}/open`]: { access: employer(adminHr) },
  [`POST ${O}/campaigns/{id}/close`]: { access: employer(adminHr), request: () => ({ params: { id: 'closableCampaign' } }) },
  [`GET ${O}/campaigns/{id}/invitations`]: { access: employer(adminHr) },
  // Issuing a link again voids the old one: each allowed caller reissues a link of its own.
  [`POST ${O}/campaigns/{id}/invitations/issue`]: {
    access: employer(adminHr),
    fresh: (ctx) => ctx.invitation(),
    request: (f) => ({ body: { personIds: [f.invitedPerson ?? f.person] } }),
  },
  [`POST ${O}/campaigns/{id}/invitations/issue.csv`]: {
    access: employer(adminHr),
    fresh: (ctx) => ctx.invitation(),
    request: (f) => ({ body: { personIds: [f.invitedPerson ?? f.person] } }),
  },
  // The sheet reissues the links it prints: the cards of people without a team (only fresh test invitations).
  [`POST ${O}/campaigns/{id}/invitations/sheet`]: { access: employer(adminHr), request: () => ({ body: { teamId: null } }) },
  [`POST ${O}/campaigns/{id}/invitations/{invitationId}/revoke`]: { access: employer(adminHr), fresh: (ctx) => ctx.invitation() },
  'GET /api/survey': { access: { kind: 'survey-token' } },
  'PUT /api/survey/answers/{competenceId}': {
    access: { kind: 'survey-token' },
    request: () => ({ params: { competenceId: 'publicCompetence' }, body: { level: 2 } }),
  },
  'PUT /api/survey/learning-wish': { access: { kind: 'survey-token' }, request: () => ({ body: { text: 'Plannen' } }) },
  'PUT /api/survey/visibility': { access: { kind: 'survey-token' }, request: () => ({ body: { visibility: 'hr' } }) },
  'PUT /api/survey/locale': { access: { kind: 'survey-token' }, request: () => ({ body: { locale: 'nl' } }) },
  'POST /api/survey/submit': { access: { kind: 'survey-token' }, fresh: (ctx) => ctx.invitation() },

  // ---------------------------------------------------------------- diagnosis (aggregates: see anonymity-attacks.test.ts)
  [`GET ${O}/diagnosis/heatmap`]: { access: employer(adminHrManager) },
  [`GET ${O}/diagnosis/top-needs`]: { access: employer(adminHrManager) },
  [`GET ${O}/diagnosis/disagreements`]: { access: employer(adminHrManager) },
  [`GET ${O}/diagnosis/prognosis`]: { access: employer(adminHrManager) },
  [`GET ${O}/people/{personId}/diagnosis`]: { access: employer([...adminHrManager, 'employee']) },
  // Only accounts linked to a person of the organisation have a diagnosis of their own.
  [`GET ${O}/me/diagnosis`]: { access: employer(['manager', 'employee'], 404, 404) },
  [`GET ${O}/diagnosis/heatmap/export`]: { access: employer(adminHr), request: () => ({ query: 'format=csv' }) },
  [`GET ${O}/diagnosis/top-needs/export`]: { access: employer(adminHr), request: () => ({ query: 'format=csv' }) },
  [`GET ${O}/diagnosis/prognosis/export`]: { access: employer(adminHr), request: () => ({ query: 'format=csv' }) },
  [`GET ${O}/diagnosis/report.pdf`]: { access: employer(adminHr) },

  // ---------------------------------------------------------------- needs register, triage, priority
  [`GET ${O}/needs`]: { access: employer(adminHrManager) },
  [`POST ${O}/needs`]: { access: employer(adminHr), request: () => ({ body: { title: 'Plannen' } }) },
  [`POST ${O}/needs/from-diagnosis`]: {
    access: employer(adminHr),
    request: (f) => ({ body: { competenceId: f.publicCompetence, groupBy: 'team', groupId: f.team } }),
  },
  [`GET ${O}/needs/ranked`]: { access: employer(adminHrManager) },
  [`GET ${O}/needs/ranked.csv`]: { access: employer(adminHr) },
  [`GET ${O}/needs/ranked.xlsx`]: { access: employer(adminHr) },
  [`GET ${O}/needs/{id}`]: { access: employer(adminHrManager) },
  [`PATCH ${O}/needs/{id}`]: { access: employer(adminHr), request: () => ({ body: { title: 'Opleidingsnood' } }) },
  [`DELETE ${O}/needs/{id}`]: {
    access: employer(adminHr),
    fresh: async (ctx) => ({ need: (await ctx.admin('POST', `/api/organisations/${ctx.orgId}/needs`, { title: 'Weg' })).id }),
  },
  [`POST ${O}/needs/{id}/triage`]: { access: employer(adminHr), request: () => ({ body: triage }) },
  [`GET ${O}/needs/{id}/triages`]: { access: employer(adminHrManager) },
  [`GET ${O}/needs/{id}/priority`]: { access: employer(adminHrManager) },
  [`PUT ${O}/needs/{id}/priority`]: {
    access: employer(adminHr),
    request: () => ({ body: { scores: { urgency: { score: 4, reason: 'Audit in juni' } } } }),
  },
  [`GET ${O}/priority-weights`]: { access: employer(adminHrManager) },
  [`PUT ${O}/priority-weights`]: {
    access: employer(adminHr),
    request: () => ({
      body: { weights: { investment: 1, urgency: 1, success: 1, fairness: 1, feasibility: 1, core_task: 1, strategic_fit: 1 } },
    }),
  },

  // ---------------------------------------------------------------- training plans
  [`GET ${O}/plans`]: { access: employer(adminHrManager) },
  [`POST ${O}/plans`]: { access: employer(adminHr), request: () => ({ body: { year: 2040 + (serial++ % 50) } }) },
  [`GET ${plan}`]: { access: employer(adminHrManager) },
  [`PATCH ${plan}`]: { access: employer(adminHr), request: () => ({ body: { title: 'Opleidingsplan' } }) },
  [`POST ${plan}/approve`]: { access: employer(adminOnly), request: () => ({ params: { planId: 'approvedPlan' } }) },
  [`POST ${plan}/close`]: { access: employer(adminOnly), request: () => ({ params: { planId: 'approvedPlan' } }) },
  [`POST ${plan}/new-version`]: { access: employer(adminHr), request: () => ({ params: { planId: 'approvedPlan' } }) },
  [`GET ${plan}/versions`]: { access: employer(adminHrManager), request: () => ({ params: { planId: 'approvedPlan' } }) },
  [`GET ${plan}/versions/{version}`]: { access: employer(adminHrManager), request: () => ({ params: { planId: 'approvedPlan' } }) },
  [`GET ${plan}/budget`]: { access: employer(adminHrManager) },
  [`GET ${plan}/follow-up`]: { access: employer(adminHrManager) },
  [`GET ${plan}/export.pdf`]: { access: employer(adminHrManager) },
  [`GET ${plan}/export.xlsx`]: { access: employer(adminHrManager) },
  [`GET ${plan}/need-options`]: { access: employer(adminHrManager) },
  [`GET ${plan}/people-options`]: { access: employer(adminHr) },
  [`POST ${plan}/actions`]: { access: employer(adminHr), request: () => ({ body: { kind: 'internal_training', title: 'Plannen' } }) },
  [`PATCH ${action}`]: { access: employer(adminHr), request: () => ({ body: { title: 'Excel voor beginners' } }) },
  [`DELETE ${action}`]: {
    access: employer(adminHr),
    fresh: async (ctx) => ({
      action: (
        await ctx.admin('POST', `/api/organisations/${ctx.orgId}/plans/${ctx.fixtures.plan}/actions`, {
          kind: 'internal_training',
          title: 'Weg',
        })
      ).id,
    }),
  },
  [`POST ${action}/status`]: { access: employer(adminHr), request: () => ({ body: { status: 'planned' } }) },
  [`POST ${action}/funding/{lineId}/status`]: { access: employer(adminHr), request: () => ({ body: { status: 'planned' } }) },
  [`GET ${action}/funding-hints`]: { access: employer(adminHrManager) },
  [`PUT ${action}/participants/{personId}`]: { access: employer(adminHr), request: () => ({ body: { status: 'completed' } }) },
  [`PUT ${action}/evaluations`]: {
    access: employer(adminHr),
    request: (f) => ({ body: { personId: f.person, kind: 'reaction', score: 4 } }),
  },
  // Re-assessing is an assessment: managers do it for the people they supervise.
  [`POST ${action}/reassess`]: {
    access: employer(adminHrManager),
    request: (f) => ({ body: { ratings: [{ personId: f.person, level: 3 }] } }),
  },
  [`GET ${O}/funding-instruments`]: { access: employer(adminHrManager) },

  // ---------------------------------------------------------------- offers (training providers)
  'GET /api/offers': { access: { kind: 'public' } },
  'GET /api/offers/{id}': { access: { kind: 'public' }, request: () => ({ params: { id: 'providerOffer' } }) },
  [`GET ${O}/offers`]: { access: provider(providerRoles) },
  [`POST ${O}/offers`]: { access: provider(providerRoles), request: () => ({ body: offerBody(unique('NEW')) }) },
  [`GET ${O}/offers/export.csv`]: { access: provider(providerRoles) },
  [`GET ${O}/offers/export.json`]: { access: provider(providerRoles) },
  [`POST ${O}/offers/import`]: {
    access: provider(providerRoles),
    request: () => ({
      raw: { contentType: 'text/csv', payload: 'code,title_nl,description_nl,languages,format,duration_minutes,price_cents\n' },
    }),
  },
  [`POST ${O}/offers/import.json`]: { access: provider(providerRoles), request: () => ({ body: { offers: [] } }) },
  [`GET ${O}/offers/{id}`]: { access: provider(providerRoles) },
  [`PATCH ${O}/offers/{id}`]: { access: provider(providerRoles), request: () => ({ body: { priceCents: 0 } }) },
  [`DELETE ${O}/offers/{id}`]: {
    access: provider(providerRoles),
    fresh: async (ctx) => ({ offer: (await ctx.admin('POST', `/api/organisations/${ctx.orgId}/offers`, offerBody(unique('DEL')))).id }),
  },
  [`POST ${O}/offers/{id}/publish`]: { access: provider(providerRoles) },
  [`POST ${O}/offers/{id}/archive`]: {
    access: provider(providerRoles),
    fresh: async (ctx) => ({ offer: (await ctx.admin('POST', `/api/organisations/${ctx.orgId}/offers`, offerBody(unique('ARC')))).id }),
  },
  [`POST ${O}/offers/{id}/unpublish`]: {
    access: provider(providerRoles),
    fresh: async (ctx) => ({ offer: (await ctx.admin('POST', `/api/organisations/${ctx.orgId}/offers`, offerBody(unique('UNP')))).id }),
  },
  [`POST ${O}/offers/{id}/suggest-competences`]: { access: provider(providerRoles) },
  [`POST ${O}/offers/{id}/editions`]: {
    access: provider(providerRoles),
    request: () => ({ body: { startsOn: '2030-03-01', endsOn: '2030-03-02', capacity: 10 } }),
  },
  [`PATCH ${O}/offers/{id}/editions/{editionId}`]: { access: provider(providerRoles), request: () => ({ body: { capacity: 30 } }) },
  [`DELETE ${O}/offers/{id}/editions/{editionId}`]: {
    access: provider(providerRoles),
    fresh: async (ctx) => {
      const offer = await ctx.admin('POST', `/api/organisations/${ctx.orgId}/offers/${ctx.fixtures.offer}/editions`, {
        startsOn: '2030-04-01',
        endsOn: '2030-04-01',
        capacity: 5,
      });
      return { edition: offer.editions.at(-1).id };
    },
  },

  // ---------------------------------------------------------------- enrolment (employers, providers, learners)
  'GET /api/me/enrolments': { access: { kind: 'signed-in' } },
  'POST /api/me/enrolments': { access: { kind: 'signed-in' }, request: (f) => ({ body: { editionId: f.providerEdition } }) },
  // The employee's own enrolment: nobody else's to cancel, not even a platform administrator's.
  'POST /api/me/enrolments/{enrolmentId}/cancel': { access: employer(['employee'], 404, 404) },
  'GET /api/me/saved-offers': { access: { kind: 'signed-in' } },
  'PUT /api/me/saved-offers/{offerId}': { access: { kind: 'signed-in' }, request: () => ({ params: { offerId: 'providerOffer' } }) },
  'DELETE /api/me/saved-offers/{offerId}': { access: { kind: 'signed-in' }, request: () => ({ params: { offerId: 'providerOffer' } }) },
  [`GET ${O}/enrolments`]: { access: employer(adminHr) },
  [`POST ${O}/enrolments`]: {
    access: employer(adminHr),
    request: (f) => ({ body: { editionId: f.providerEdition, personIds: [f.managerPerson] } }),
  },
  [`POST ${O}/enrolments/{enrolmentId}/cancel`]: { access: employer(adminHr) },
  [`GET ${O}/editions/{editionId}/enrolments`]: { access: provider(providerRoles) },
  [`GET ${O}/editions/{editionId}/enrolments.csv`]: { access: provider(providerRoles) },
  [`PUT ${O}/editions/{editionId}/enrolments/{enrolmentId}`]: {
    access: provider(providerRoles),
    request: () => ({ body: { status: 'enrolled' } }),
  },

  // ---------------------------------------------------------------- matching
  'GET /api/me/recommendations': { access: { kind: 'signed-in' } },
  [`GET ${O}/people/{personId}/recommendations`]: { access: employer(adminHrManager) },
  [`GET ${O}/teams/{teamId}/recommendations`]: { access: employer(adminHrManager) },
  [`GET ${O}/needs/{needId}/recommendations`]: { access: employer(adminHr) },
  [`GET ${O}/needs-register/recommendations`]: { access: employer(adminHr) },
};
