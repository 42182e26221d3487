import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout, PublicLayout } from './layout/AppLayout';
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
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
