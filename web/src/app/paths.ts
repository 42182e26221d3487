/** Every client-side route in one place, so links never drift from the router. */
export const paths = {
  login: () => '/login',
  home: () => '/',
  account: () => '/account',
  imports: () => '/imports',
  frameworks: (orgId: string) => `/o/${orgId}/frameworks`,
  framework: (orgId: string, frameworkId: string) => `/o/${orgId}/frameworks/${frameworkId}`,
  competence: (orgId: string, competenceId: string) => `/o/${orgId}/competences/${competenceId}`,
  profiles: (orgId: string) => `/o/${orgId}/profiles`,
  newProfile: (orgId: string) => `/o/${orgId}/profiles/new`,
  profile: (orgId: string, profileId: string) => `/o/${orgId}/profiles/${profileId}`,
};
