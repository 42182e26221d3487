import { Type, type Static } from 'typebox';
import { Locale, Uuid } from '../../shared/schemas.js';

export const LoginBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const PasswordChangeBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
    newPassword: Type.String({ minLength: 10, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type PasswordChangeBody = Static<typeof PasswordChangeBody>;

export const SessionView = Type.Object({
  user: Type.Object({
    id: Uuid,
    email: Type.String(),
    displayName: Type.String(),
    locale: Type.String(),
    isPlatformAdmin: Type.Boolean(),
  }),
  memberships: Type.Array(
    Type.Object({
      organisationId: Uuid,
      organisationName: Type.String(),
      organisationKind: Type.String(),
      role: Type.String(),
    }),
  ),
  csrfToken: Type.String(),
});
export type SessionView = Static<typeof SessionView>;

export const LocaleBody = Type.Object({ locale: Locale }, { additionalProperties: false });
