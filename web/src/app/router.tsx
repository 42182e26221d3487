import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout, PublicLayout } from './layout/AppLayout';
import { OptionalSessionLayout } from './layout/OptionalSessionLayout';
import { RequireSession } from './layout/RequireSession';
import { NotFoundPage } from './layout/NotFoundPage';
import { RouteError } from './layout/RouteError';

// Every page is its own chunk, loaded when first visited.
const page = (load: () => Promise<{ default: ComponentType }>) => async () => ({ Component: (await load()).default });

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      {
        element: <PublicLayout />,
        children: [{ path: '/login', lazy: page(() => import('../features/auth/pages/LoginPage')) }],
      },
      // The self-assessment from a personal link (/s#<token>): no account, its own simple layout.
      { path: '/s', lazy: page(() => import('../features/survey/pages/SurveyPage')) },
      // The public catalog: open without an account; signed-in people keep their menu.
      {
        element: <OptionalSessionLayout />,
        children: [
          { path: '/catalog', lazy: page(() => import('../features/learner/pages/CatalogSearchPage')) },
          { path: '/catalog/:offerId', lazy: page(() => import('../features/learner/pages/OfferPage')) },
        ],
      },
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, lazy: page(() => import('../features/organisations/pages/OrganisationHomePage')) },
              { path: 'account', lazy: page(() => import('../features/auth/pages/AccountPage')) },
              { path: 'imports', lazy: page(() => import('../features/imports/pages/ImportStatusPage')) },
              { path: 'o/:orgId/frameworks', lazy: page(() => import('../features/frameworks/pages/FrameworksPage')) },
              { path: 'o/:orgId/frameworks/:frameworkId', lazy: page(() => import('../features/frameworks/pages/FrameworkPage')) },
              { path: 'o/:orgId/competences/:competenceId', lazy: page(() => import('../features/frameworks/pages/CompetencePage')) },
              { path: 'o/:orgId/profiles', lazy: page(() => import('../features/function-profiles/pages/ProfileListPage')) },
              { path: 'o/:orgId/profiles/new', lazy: page(() => import('../features/function-profiles/pages/ProfileCreatePage')) },
              { path: 'o/:orgId/profiles/:profileId', lazy: page(() => import('../features/function-profiles/pages/ProfileEditorPage')) },
              { path: 'o/:orgId/campaigns', lazy: page(() => import('../features/campaigns/pages/CampaignListPage')) },
              { path: 'o/:orgId/campaigns/new', lazy: page(() => import('../features/campaigns/pages/CampaignFormPage')) },
              { path: 'o/:orgId/campaigns/:campaignId', lazy: page(() => import('../features/campaigns/pages/CampaignDetailPage')) },
              { path: 'o/:orgId/campaigns/:campaignId/edit', lazy: page(() => import('../features/campaigns/pages/CampaignFormPage')) },
              { path: 'o/:orgId/team', lazy: page(() => import('../features/team-assessment/pages/MyTeamPage')) },
              { path: 'o/:orgId/team/:personId', lazy: page(() => import('../features/team-assessment/pages/RatePersonPage')) },
              { path: 'o/:orgId/people/:personId/starr', lazy: page(() => import('../features/starr/pages/StarrPage')) },
              { path: 'o/:orgId/needs', lazy: page(() => import('../features/needs/pages/NeedsListPage')) },
              { path: 'o/:orgId/needs/new', lazy: page(() => import('../features/needs/pages/NeedFormPage')) },
              { path: 'o/:orgId/needs/ranked', lazy: page(() => import('../features/needs/pages/RankedPage')) },
              { path: 'o/:orgId/needs/weights', lazy: page(() => import('../features/needs/pages/WeightsPage')) },
              { path: 'o/:orgId/needs/:needId', lazy: page(() => import('../features/needs/pages/NeedDetailPage')) },
              { path: 'o/:orgId/needs/:needId/triage', lazy: page(() => import('../features/needs/pages/TriagePage')) },
              { path: 'o/:orgId/needs/:needId/priority', lazy: page(() => import('../features/needs/pages/PriorityPage')) },
              { path: 'o/:orgId/diagnosis', lazy: page(() => import('../features/diagnosis/pages/DiagnosisOverviewPage')) },
              { path: 'o/:orgId/diagnosis/top-needs', lazy: page(() => import('../features/diagnosis/pages/TopNeedsPage')) },
              { path: 'o/:orgId/diagnosis/disagreements', lazy: page(() => import('../features/diagnosis/pages/DisagreementsPage')) },
              { path: 'o/:orgId/diagnosis/prognosis', lazy: page(() => import('../features/diagnosis/pages/PrognosisPage')) },
              { path: 'o/:orgId/people/:personId/diagnosis', lazy: page(() => import('../features/diagnosis/pages/PersonDiagnosisPage')) },
              { path: 'o/:orgId/me', lazy: page(() => import('../features/diagnosis/pages/MyResultPage')) },
              {
                path: 'o/:orgId/learning-questions',
                lazy: page(() => import('../features/learning-questions/pages/LearningQuestionsPage')),
              },
              { path: 'o/:orgId/organisation-issues', lazy: page(() => import('../features/organisation-issues/pages/IssueListPage')) },
              { path: 'o/:orgId/organisation-issues/new', lazy: page(() => import('../features/organisation-issues/pages/IssueFormPage')) },
              {
                path: 'o/:orgId/organisation-issues/:issueId',
                lazy: page(() => import('../features/organisation-issues/pages/IssueFormPage')),
              },
              { path: 'o/:orgId/plan', lazy: page(() => import('../features/training-plan/pages/PlanPage')) },
              { path: 'o/:orgId/plan/:planId', lazy: page(() => import('../features/training-plan/pages/PlanPage')) },
              {
                path: 'o/:orgId/plan/:planId/actions/:actionId',
                lazy: page(() => import('../features/training-plan/pages/ActionEditorPage')),
              },
              { path: 'o/:orgId/plan/:planId/follow-up', lazy: page(() => import('../features/training-plan/pages/FollowUpPage')) },
              { path: 'o/:orgId/offers', lazy: page(() => import('../features/offers/pages/OfferListPage')) },
              { path: 'o/:orgId/offers/new', lazy: page(() => import('../features/offers/pages/OfferEditorPage')) },
              { path: 'o/:orgId/offers/:offerId', lazy: page(() => import('../features/offers/pages/OfferEditorPage')) },
              { path: 'o/:orgId/offers/:offerId/editions', lazy: page(() => import('../features/offers/pages/EditionsPage')) },
              {
                path: 'o/:orgId/offers/:offerId/editions/:editionId',
                lazy: page(() => import('../features/offers/pages/EnrolmentListPage')),
              },
              { path: 'learn', lazy: page(() => import('../features/learner/pages/LearnerHomePage')) },
              { path: 'learn/saved', lazy: page(() => import('../features/learner/pages/SavedOffersPage')) },
              { path: 'learn/enrolments', lazy: page(() => import('../features/learner/pages/MyEnrolmentsPage')) },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
